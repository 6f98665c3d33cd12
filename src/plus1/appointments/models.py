"""The gemeente's own counters: locations, opening hours, closed days, counters, bookable products
and the appointments themselves.

Times of day (opening hours) are local Dutch time; an appointment's ``start`` and ``end`` are
aware datetimes. A booked appointment holds its counter for ``[start, end)``: services check
this under a row lock, and on PostgreSQL an exclusion constraint (migration 0002) makes a
double booking impossible even for a bug that skips the service.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from plus1.catalog.models import Adoption, Product
from plus1.core.models import TenantOwned

from .constants import AppointmentStatus, Weekday
from .tokens import token_for


class Location(TenantOwned):
    """A building where residents come to a counter (stadskantoor, wijkbureau)."""

    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("korte naam in webadressen"), max_length=80)
    address = models.TextField(_("adres"), help_text=_("Straat en huisnummer, postcode en plaats."))
    directions = models.TextField(_("route en toegankelijkheid"), blank=True)
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["tenant", "slug"], name="appointments_location_slug")]

    def __str__(self) -> str:
        return self.name


class OpeningHours(models.Model):
    """One opening period of a location on a weekday; several per day are allowed (lunch break)."""

    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="opening_hours", verbose_name=_("locatie")
    )
    weekday = models.PositiveSmallIntegerField(_("dag"), choices=Weekday.choices)
    opens = models.TimeField(_("open vanaf"))
    closes = models.TimeField(_("open tot"))

    class Meta:
        verbose_name = _("openingstijd")
        verbose_name_plural = _("openingstijden")
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(opens__lt=F("closes")), name="appointments_hours_opens_before_closes"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"


class ClosedDay(TenantOwned):
    """A day a location (or, without one, every location of the gemeente) is closed.

    National holidays need no row: ``plus1.cases.deadlines.public_holidays`` closes them.
    """

    location = models.ForeignKey(
        Location,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="closed_days",
        verbose_name=_("locatie"),
        help_text=_("Leeg: alle locaties zijn dicht."),
    )
    closed_on = models.DateField(_("datum"))
    reason = models.CharField(_("reden"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("gesloten dag")
        verbose_name_plural = _("gesloten dagen")
        ordering = ["closed_on"]
        indexes = [models.Index(fields=["tenant", "closed_on"], name="appointments_closed_day")]

    def __str__(self) -> str:
        return f"{self.closed_on:%d-%m-%Y} {self.reason}".strip()

    def clean(self) -> None:
        if self.location_id and self.tenant_id and self.location.tenant_id != self.tenant_id:
            raise ValidationError({"location": _("Kies een locatie van dezelfde gemeente.")})


class Counter(models.Model):
    """One desk where one employee helps one appointment at a time."""

    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="counters", verbose_name=_("locatie")
    )
    name = models.CharField(_("naam"), max_length=100)
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("balie")
        verbose_name_plural = _("balies")
        ordering = ["location", "name"]

    def __str__(self) -> str:
        return f"{self.location} · {self.name}"


class AppointmentProduct(TenantOwned):
    """A product residents book a counter appointment for: a UPL product (paspoort, rijbewijs),
    and the gemeente's process for it when it has one (brp-uittreksel, huwelijk).

    Many counter products (paspoort, identiteitskaart, rijbewijs) have no online process, so the
    UPL product is what ties an appointment product to its product page; the adoption is optional.
    """

    product = models.ForeignKey(
        Product,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appointment_products",
        verbose_name=_("product (UPL)"),
        help_text=_("Leeg: het product van het gekozen proces."),
    )
    adoption = models.ForeignKey(
        Adoption,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="appointment_products",
        verbose_name=_("proces van de gemeente"),
        help_text=_("Leeg voor een product zonder eigen proces, zoals paspoort of rijbewijs."),
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("duur (minuten)"), default=15, validators=[MinValueValidator(5), MaxValueValidator(480)]
    )
    extra_minutes_per_person = models.PositiveSmallIntegerField(
        _("extra minuten per extra persoon"), default=0, validators=[MaxValueValidator(240)]
    )
    max_persons = models.PositiveSmallIntegerField(
        _("maximaal aantal personen"), default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    locations = models.ManyToManyField(
        Location, related_name="products", verbose_name=_("locaties"), blank=True
    )
    is_active = models.BooleanField(_("online te boeken"), default=True)

    class Meta:
        verbose_name = _("product met afspraak")
        verbose_name_plural = _("producten met afspraak")
        constraints = [
            models.UniqueConstraint(fields=["tenant", "product"], name="appointments_product_per_upl"),
            models.UniqueConstraint(fields=["tenant", "adoption"], name="appointments_product_per_adoption"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.adoption_id and self.tenant_id and self.adoption.tenant_id != self.tenant_id:
            raise ValidationError({"adoption": _("Kies een proces van dezelfde gemeente.")})
        if self.product_id is None and self.adoption_id:
            self.product = self.adoption.zaaktype.product
        if self.product_id is None:
            raise ValidationError({"product": _("Kies het product.")})

    @property
    def name(self) -> str:
        """The gemeente's process name, else the UPL name with a capital ("Paspoort")."""
        if self.adoption_id:
            return self.adoption.zaaktype.omschrijving
        name = self.product.upl_name if self.product_id else ""
        return name[:1].upper() + name[1:]

    def minutes_for(self, persons: int) -> int:
        """How long the counter needs for ``persons`` people (each extra person adds time)."""
        return self.duration_minutes + self.extra_minutes_per_person * max(0, persons - 1)


class AppointmentQuerySet(models.QuerySet):
    def for_tenant(self, tenant) -> AppointmentQuerySet:
        return self.filter(tenant=tenant)

    def booked(self) -> AppointmentQuerySet:
        return self.filter(status=AppointmentStatus.BOOKED)


class Appointment(TenantOwned):
    """A resident's time at a counter, for one or more products and one or more persons.

    ``token_hash`` is the SHA-256 of the manage link's secret (``tokens.py``): the link itself is
    only in the resident's e-mails, so a database copy cannot be used to move or cancel appointments.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    location = models.ForeignKey(
        Location, on_delete=models.PROTECT, related_name="appointments", verbose_name=_("locatie")
    )
    counter = models.ForeignKey(
        Counter, on_delete=models.PROTECT, related_name="appointments", verbose_name=_("balie")
    )
    start = models.DateTimeField(_("begin"))
    end = models.DateTimeField(_("einde"))
    products = models.ManyToManyField(
        AppointmentProduct, related_name="appointments", verbose_name=_("producten")
    )
    persons = models.PositiveSmallIntegerField(_("aantal personen"), default=1)
    name = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    owner_bsn = models.CharField(_("BSN"), max_length=9, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=AppointmentStatus.choices, default=AppointmentStatus.BOOKED
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    client_key = models.CharField(
        max_length=64, blank=True, editable=False, help_text="Keyed hash of the booking's internet address."
    )
    reminder_sent_at = models.DateTimeField(_("herinnering verstuurd op"), null=True, blank=True)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("geboekt door medewerker"),
    )
    created_at = models.DateTimeField(_("geboekt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    version = models.PositiveIntegerField(default=1)

    objects = AppointmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        ordering = ["start"]
        indexes = [
            models.Index(fields=["tenant", "location", "start"], name="appointments_by_location"),
            models.Index(fields=["counter", "start"], name="appointments_by_counter"),
            models.Index(fields=["tenant", "owner_bsn"], name="appointments_by_bsn"),
            models.Index(fields=["tenant", "email"], name="appointments_by_email"),
            models.Index(fields=["tenant", "client_key", "created_at"], name="appointments_by_client"),
            models.Index(
                fields=["start"], name="appointments_to_remind", condition=Q(reminder_sent_at__isnull=True)
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="appointments_start_before_end"),
            models.CheckConstraint(condition=Q(persons__gte=1), name="appointments_at_least_one_person"),
        ]

    def __str__(self) -> str:
        return f"{self.location} {self.start:%d-%m-%Y %H:%M}"

    @property
    def is_booked(self) -> bool:
        return self.status == AppointmentStatus.BOOKED

    @property
    def manage_token(self) -> str:
        """The secret of the manage link (never stored; ``token_hash`` finds the row again)."""
        return token_for(self.uuid)
