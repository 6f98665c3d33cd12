from django.db import models
from django.utils.translation import gettext_lazy as _

from plus1.audit.services import Activity


class ProcessingActivity(models.Model):
    """A verwerkingsactiviteit (AVG art. 30): why personal data is processed, on which legal ground.

    A zaaktype points at the activity its zaken serve; gemeente-wide activities (a BSN search,
    the deadline reminders, a privacy officer reading the log) have no zaaktype. The shared
    register ships with the library (catalog/data/verwerkingsactiviteiten.yaml). The processing
    log copies name, purpose and legal ground into every record, so an edit here changes no
    record written before it.
    """

    code = models.SlugField(_("code"), max_length=80, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    purpose = models.CharField(_("doel"), max_length=300)
    legal_ground = models.CharField(_("grondslag"), max_length=300)
    retention_years = models.PositiveSmallIntegerField(
        _("bewaartermijn verwerkingslog (jaren)"),
        help_text=_("Zo lang blijven de regels in het verwerkingslog bewaard."),
    )

    class Meta:
        verbose_name = _("verwerkingsactiviteit")
        verbose_name_plural = _("verwerkingsactiviteiten")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def as_activity(self) -> Activity:
        return activity_of(self)


def activity_of(row) -> Activity:
    # 366 days a year: a retention is never shorter than the years it promises.
    return Activity(
        code=row.code,
        name=row.name,
        purpose=row.purpose,
        legal_ground=row.legal_ground,
        retention_days=row.retention_years * 366,
    )
