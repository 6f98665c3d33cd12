"""How many zaken each gemeente holds, per zaaktype, vertrouwelijkheid and block of ids.

Kept by database triggers on ``cases_zaak`` (migration 0013), in the same transaction as the
change itself, whatever made it: a service, a cascade, a bulk load in SQL, a data repair. So
the count of what an application may see is a sum over a few rows instead of a count over
every zaak, and a page deep in the newest-first list is found by walking the blocks from the
top (``plus1.cases.counts``) instead of by an OFFSET over everything above it.

Not managed by Django: its table and triggers come from that migration. Django's test flush
and serialisation then leave it to the triggers, which keep it equal to ``cases_zaak``
(a TRUNCATE of the zaken empties it too).
"""

from django.db import models

# A block holds the zaken whose id shifted right by BLOCK_BITS is the same. The triggers of
# migration 0013 use this same number: changing it takes a new migration that refills the table.
BLOCK_BITS = 14


class ZaakCount(models.Model):
    pk = models.CompositePrimaryKey("tenant_id", "zaaktype_id", "confidentiality", "block")
    # No database constraints: the triggers write here, and a zaaktype or gemeente whose zaken
    # are all gone may keep a row of zero.
    tenant = models.ForeignKey(
        "tenants.Organisation", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    zaaktype = models.ForeignKey(
        "catalog.ZaakType", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    confidentiality = models.CharField(max_length=20)
    block = models.BigIntegerField()
    zaken = models.BigIntegerField(default=0)

    class Meta:
        managed = False
        db_table = "cases_zaakcount"

    def __str__(self) -> str:
        return f"{self.tenant_id}/{self.zaaktype_id}/{self.confidentiality}/{self.block}: {self.zaken}"
