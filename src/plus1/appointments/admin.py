"""A gemeente's functional admin (beheerder) sets up its counters here: locations with their
opening hours and counters, closed days, and which products are booked for how long where.

Each sees and chooses only their own gemeente's rows. Appointments themselves are booked,
moved and cancelled through the services (portal and back office), never edited here.
"""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from plus1.catalog.models import Adoption
from plus1.catalog.policies import adopting_gemeenten
from plus1.tenants.models import Organisation

from .models import AppointmentProduct, ClosedDay, Counter, Location, OpeningHours


def managed_ids(request) -> set[int]:
    return {gemeente.pk for gemeente in adopting_gemeenten(request.user)}


class GemeenteOwnedAdmin(admin.ModelAdmin):
    """Rows of the gemeenten the user is beheerder of; foreign keys offer only those gemeenten' rows."""

    def get_queryset(self, request):
        return (
            super().get_queryset(request).filter(tenant_id__in=managed_ids(request)).select_related("tenant")
        )

    def has_module_permission(self, request):
        return bool(managed_ids(request))

    def has_view_permission(self, request, obj=None):
        if obj is None:
            return self.has_module_permission(request)
        return obj.tenant_id in managed_ids(request)

    def has_add_permission(self, request):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return self.has_view_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_view_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        return ["tenant"] if obj is not None else []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        ids = managed_ids(request)
        if db_field.name == "tenant":
            kwargs["queryset"] = Organisation.objects.filter(pk__in=ids)
        elif db_field.name == "location":
            kwargs["queryset"] = Location.objects.filter(tenant_id__in=ids)
        elif db_field.name == "adoption":
            kwargs["queryset"] = Adoption.objects.filter(tenant_id__in=ids).select_related(
                "zaaktype", "tenant"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "locations":
            kwargs["queryset"] = Location.objects.filter(tenant_id__in=managed_ids(request))
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


class CounterInline(admin.TabularInline):
    model = Counter
    extra = 0


@admin.register(Location)
class LocationAdmin(GemeenteOwnedAdmin):
    list_display = ["name", "tenant", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OpeningHoursInline, CounterInline]


@admin.register(ClosedDay)
class ClosedDayAdmin(GemeenteOwnedAdmin):
    list_display = ["closed_on", "location", "reason", "tenant"]
    date_hierarchy = "closed_on"


@admin.register(AppointmentProduct)
class AppointmentProductAdmin(GemeenteOwnedAdmin):
    list_display = ["product_name", "tenant", "duration_minutes", "max_persons", "is_active"]
    list_filter = ["is_active"]
    filter_horizontal = ["locations"]
    autocomplete_fields = ["product"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("product", "adoption__zaaktype")

    @admin.display(description=_("product"), ordering="product__upl_name")
    def product_name(self, obj):
        return obj.name
