import uuid

from digid_eherkenning.managers import BaseDigidManager, BaseeHerkenningManager
from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from plus1.core.models import TenantOwned

from .constants import Role


class DigidUserManager(BaseDigidManager):
    """What django-digid-eherkenning needs to find or make the account behind a DigiD log-in."""

    def get_by_bsn(self, bsn: str) -> "User":
        return self.get(bsn=bsn)

    def digid_create(self, bsn: str, **kwargs) -> "User":
        user = self.model(username=f"digid-{uuid.uuid4().hex[:16]}", bsn=bsn)
        user.set_unusable_password()
        user.save()
        return user


class EherkenningUserManager(BaseeHerkenningManager):
    def get_by_rsin(self, rsin: str) -> "User":
        return self.get(kvk_number=rsin)

    def eherkenning_create(self, rsin: str, **kwargs) -> "User":
        user = self.model(username=f"eherkenning-{uuid.uuid4().hex[:16]}", kvk_number=rsin)
        user.set_unusable_password()
        user.save()
        return user


class User(AbstractUser):
    """Anyone who signs in: employees with a password, residents with DigiD, businesses with eHerkenning.

    A resident's account holds only the BSN that DigiD vouched for; name and address come
    from the BRP when needed, so they are never stale here.
    """

    bsn = models.CharField(_("BSN"), max_length=9, blank=True)
    kvk_number = models.CharField(_("KvK-nummer"), max_length=8, blank=True)

    objects = UserManager()
    digid_objects = DigidUserManager()
    eherkenning_objects = EherkenningUserManager()

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        constraints = [
            models.UniqueConstraint(fields=["bsn"], condition=~Q(bsn=""), name="user_unique_bsn"),
            models.UniqueConstraint(
                fields=["kvk_number"], condition=~Q(kvk_number=""), name="user_unique_kvk"
            ),
        ]

    def __str__(self) -> str:
        # Never the BSN: this string ends up in log lines.
        return self.username


class Membership(TenantOwned):
    """A person works for an organisation in a role. One row per (organisation, person, role)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("persoon"),
    )
    role = models.CharField(_("rol"), max_length=30, choices=Role.choices)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["tenant", "user", "role"], name="membership_unique_role"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.tenant}"


class Team(TenantOwned):
    """A group of employees of one gemeente that handles the zaken of the processes it owns."""

    name = models.CharField(_("naam"), max_length=100)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="teams", blank=True, verbose_name=_("leden")
    )

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["tenant", "name"], name="team_unique_name")]

    def __str__(self) -> str:
        return self.name
