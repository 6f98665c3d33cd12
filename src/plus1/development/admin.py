"""plus1.development in the admin: the framework and shared learning offer, own trainings and pulses.

The framework is the collective's: its catalog managers and HR edit it; a gemeente's HR and
beheerder only read it (they add competences of their own in the back office). The collective's
trainings (no tenant) are edited by the collective; a gemeente's HR edits its own trainings and
pulses. Pulse answers are never in the admin. Every save and delete writes an audit row.
"""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from plus1.accounts.constants import Role
from plus1.accounts.selectors import organisations_for_user
from plus1.audit.services import Actor, record_change
from plus1.tenants.models import Organisation
from plus1.tenants.selectors import get_collective

from .models import Competence, CompetenceFramework, CompetenceLevel, Pulse, Training

COLLECTIVE_ROLES = (Role.CATALOG_MANAGER, Role.HR)
READER_ROLES = (Role.HR, Role.BEHEERDER)


def manages_collective_offer(user) -> bool:
    """The collective's catalog managers and HR (and superusers) keep the framework and the shared offer."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    return get_collective() in organisations_for_user(user, roles=COLLECTIVE_ROLES)


def hr_gemeenten(user) -> list[Organisation]:
    """The gemeenten whose own trainings and pulses ``user`` keeps (HR)."""
    if not user.is_active:
        return []
    if user.is_superuser:
        return list(Organisation.objects.gemeenten())
    return [o for o in organisations_for_user(user, roles=[Role.HR]) if o.is_gemeente]


def framework_readers(user) -> bool:
    return manages_collective_offer(user) or bool(organisations_for_user(user, roles=READER_ROLES))


def _audit(request, obj, action: str) -> None:
    tenant = getattr(obj, "tenant", None) or get_collective()
    record_change(tenant=tenant, actor=Actor.from_user(request.user), action=action, obj=obj)


class AuditedAdmin(admin.ModelAdmin):
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        _audit(request, obj, f"{'change' if change else 'add'}_{obj._meta.model_name}")

    def delete_model(self, request, obj):
        _audit(request, obj, f"delete_{obj._meta.model_name}")
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


# --- the framework: the collective edits, gemeenten read ----------------------------------------


class CompetenceLevelInline(admin.TabularInline):
    model = CompetenceLevel
    extra = 0
    max_num = 4

    def has_add_permission(self, request, obj=None) -> bool:
        return manages_collective_offer(request.user)

    def has_change_permission(self, request, obj=None) -> bool:
        return manages_collective_offer(request.user)

    def has_delete_permission(self, request, obj=None) -> bool:
        return manages_collective_offer(request.user)


class CollectiveEditsAdmin(AuditedAdmin):
    def has_module_permission(self, request) -> bool:
        return framework_readers(request.user)

    def has_view_permission(self, request, obj=None) -> bool:
        return framework_readers(request.user)

    def has_add_permission(self, request) -> bool:
        return manages_collective_offer(request.user)

    def has_change_permission(self, request, obj=None) -> bool:
        return manages_collective_offer(request.user)

    def has_delete_permission(self, request, obj=None) -> bool:
        # A published framework is referenced by role profiles and assessments: never deleted.
        return False


@admin.register(CompetenceFramework)
class CompetenceFrameworkAdmin(CollectiveEditsAdmin):
    list_display = ["version", "status", "published_at"]


@admin.register(Competence)
class CompetenceAdmin(CollectiveEditsAdmin):
    list_display = ["name", "framework", "tenant", "order"]
    list_filter = ["framework"]
    inlines = [CompetenceLevelInline]
    fields = ["framework", "code", "name", "description", "order"]

    def get_queryset(self, request):
        # The collective's competences; a gemeente's own stay in its back office.
        return super().get_queryset(request).filter(framework__isnull=False)


# --- trainings: the collective's shared offer and a gemeente's own ------------------------------


@admin.register(Training)
class TrainingAdmin(AuditedAdmin):
    list_display = ["title", "tenant", "competence", "level", "form", "places", "starts_on", "is_published"]
    list_filter = ["form", "is_published"]
    search_fields = ["title", "provider"]

    def _scope(self, request) -> Q:
        scope = Q(tenant__in=hr_gemeenten(request.user))
        if manages_collective_offer(request.user):
            scope |= Q(tenant__isnull=True)
        return scope

    def get_queryset(self, request):
        return super().get_queryset(request).filter(self._scope(request))

    def has_module_permission(self, request) -> bool:
        return manages_collective_offer(request.user) or bool(hr_gemeenten(request.user))

    def _may(self, request, obj) -> bool:
        if obj is None:
            return self.has_module_permission(request)
        if obj.tenant_id is None:
            return manages_collective_offer(request.user)
        return obj.tenant in hr_gemeenten(request.user)

    def has_view_permission(self, request, obj=None) -> bool:
        return self._may(request, obj)

    def has_add_permission(self, request) -> bool:
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._may(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._may(request, obj) and (obj is None or not obj.enrolments.exists())

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "tenant":
            kwargs["queryset"] = Organisation.objects.filter(
                pk__in=[o.pk for o in hr_gemeenten(request.user)]
            )
            kwargs["required"] = not manages_collective_offer(request.user)
            kwargs["help_text"] = _("Leeg: aanbod van het collectief, open voor alle gemeenten.")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


# --- pulses: a gemeente's HR; answers never shown -----------------------------------------------


@admin.register(Pulse)
class PulseAdmin(AuditedAdmin):
    list_display = ["title", "tenant", "opens_on", "closes_on"]
    fields = ["tenant", "title", "opens_on", "closes_on"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(tenant__in=hr_gemeenten(request.user))

    def has_module_permission(self, request) -> bool:
        return bool(hr_gemeenten(request.user))

    def _may(self, request, obj) -> bool:
        allowed = hr_gemeenten(request.user)
        return bool(allowed) if obj is None else obj.tenant in allowed

    def has_view_permission(self, request, obj=None) -> bool:
        return self._may(request, obj)

    def has_add_permission(self, request) -> bool:
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._may(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._may(request, obj) and (obj is None or not obj.receipts.exists())

    def get_readonly_fields(self, request, obj=None):
        return ["tenant"] if obj is not None else []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "tenant":
            kwargs["queryset"] = Organisation.objects.filter(
                pk__in=[o.pk for o in hr_gemeenten(request.user)]
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
