"""The admin holds the register's settings only, each organisation's for its own staff.

Reports themselves are not in the admin: they are special personal data, seen through the
back office (the coordinator) with every read in the processing log.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from plus1.accounts.constants import Role
from plus1.accounts.selectors import employee_actor, organisations_for_user
from plus1.tenants.models import Organisation

from .exceptions import IncidentError
from .models import IncidentSettings
from .services.settings import (
    MAX_RETENTION_YEARS,
    MIN_RETENTION_YEARS,
    SETTINGS_FIELDS,
    update_incident_settings,
)

MANAGING_ROLES = (Role.BEHEERDER, Role.AGRESSIECOORDINATOR)


def managed_organisations(user) -> list[Organisation]:
    """The organisations whose register settings ``user`` keeps: as beheerder or coordinator."""
    if user.is_superuser:
        return list(Organisation.objects.all())
    return organisations_for_user(user, roles=MANAGING_ROLES)


class IncidentSettingsForm(forms.ModelForm):
    class Meta:
        model = IncidentSettings
        fields = ["tenant", *SETTINGS_FIELDS]

    def clean_retention_years(self):
        years = self.cleaned_data["retention_years"]
        if not MIN_RETENTION_YEARS <= years <= MAX_RETENTION_YEARS:
            raise ValidationError(
                f"Kies een bewaartermijn van {MIN_RETENTION_YEARS} tot {MAX_RETENTION_YEARS} jaar."
            )
        return years

    def clean_tenant(self):
        tenant = self.cleaned_data["tenant"]
        if self.instance.pk is None and IncidentSettings.objects.filter(tenant=tenant).exists():
            raise ValidationError("Deze organisatie heeft al instellingen. Wijzig die.")
        return tenant


@admin.register(IncidentSettings)
class IncidentSettingsAdmin(admin.ModelAdmin):
    form = IncidentSettingsForm
    list_display = ["tenant", "retention_years", "coordinator_name"]

    def get_queryset(self, request):
        ids = [o.pk for o in managed_organisations(request.user)]
        return super().get_queryset(request).filter(tenant_id__in=ids).select_related("tenant")

    def has_module_permission(self, request):
        return bool(managed_organisations(request.user))

    def has_view_permission(self, request, obj=None):
        if obj is None:
            return self.has_module_permission(request)
        return obj.tenant_id in {o.pk for o in managed_organisations(request.user)}

    def has_add_permission(self, request):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return self.has_view_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return ["tenant"] if obj is not None else []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "tenant":
            kwargs["queryset"] = Organisation.objects.filter(
                pk__in=[o.pk for o in managed_organisations(request.user)]
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        values = {name: form.cleaned_data[name] for name in SETTINGS_FIELDS}
        try:
            form.instance = update_incident_settings(
                tenant=obj.tenant, actor=employee_actor(request.user, tenant=obj.tenant), **values
            )
        except IncidentError as exc:  # checked by the form already; kept as the last guard
            raise ValidationError(str(exc)) from exc
