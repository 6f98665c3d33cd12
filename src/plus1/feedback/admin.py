"""Klantwaardering in the admin: a gemeente's settings, own questions and invitation policy, and
the collective's survey versions.

A gemeente's functional beheerder sees and edits only their own gemeente's rows (as in
``catalog.admin`` and ``legal.admin``); the survey is the collective's, for its catalog
managers. The admin's change view runs in one transaction, so the checks below that count
rows (at most three active questions) lock the gemeente first and cannot be raced. Every
save and delete writes an audit row.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from plus1.accounts.constants import Role
from plus1.accounts.selectors import organisations_for_user
from plus1.audit.services import Actor, record_change
from plus1.catalog.models import Adoption, Process
from plus1.tenants.models import Organisation
from plus1.tenants.selectors import get_collective

from .constants import MAX_OWN_QUESTIONS, InvitationMode
from .models import FeedbackSettings, InvitationPolicy, OwnQuestion, SurveyVersion

# The longest a gemeente may keep the link between an answer and its zaak.
MAX_RETENTION_DAYS = 365


def feedback_gemeenten(user) -> list[Organisation]:
    """The gemeenten whose klantwaardering ``user`` manages: a beheerder's own; every one for a superuser."""
    if not user.is_active:
        return []
    if user.is_superuser:
        return list(Organisation.objects.gemeenten())
    return [o for o in organisations_for_user(user, roles=[Role.BEHEERDER]) if o.is_gemeente]


def survey_organisations(user) -> list[Organisation]:
    """Who manages the collective's survey: its catalog managers (and superusers)."""
    if not user.is_active:
        return []
    collective = get_collective()
    if user.is_superuser:
        return [collective]
    return [o for o in organisations_for_user(user, roles=[Role.CATALOG_MANAGER]) if o.pk == collective.pk]


def _values(obj: models.Model, fields: list[str]) -> dict[str, Any]:
    return {name: str(getattr(obj, name)) for name in fields}


class TenantScopedAdmin(admin.ModelAdmin):
    """Rows of the organisations ``organisations(user)`` returns; nothing of anyone else."""

    audited_fields: list[str] = []

    def organisations(self, user) -> list[Organisation]:
        return feedback_gemeenten(user)

    def get_queryset(self, request):
        return super().get_queryset(request).filter(tenant__in=self.organisations(request.user))

    def has_module_permission(self, request) -> bool:
        return bool(self.organisations(request.user))

    def has_view_permission(self, request, obj=None) -> bool:
        allowed = self.organisations(request.user)
        return bool(allowed) if obj is None else obj.tenant in allowed

    def has_add_permission(self, request) -> bool:
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return self.has_view_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self.has_view_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        return ["tenant"] if obj is not None else []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "tenant":
            kwargs["queryset"] = Organisation.objects.filter(
                pk__in=[o.pk for o in self.organisations(request.user)]
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.tenant_of_change = obj.tenant if obj is not None else None
        return form

    def save_model(self, request, obj, form, change):
        before = _values(form.initial_object, self.audited_fields) if change else None
        super().save_model(request, obj, form, change)
        record_change(
            tenant=obj.tenant,
            actor=Actor.from_user(request.user),
            action=f"{'change' if change else 'add'}_{obj._meta.model_name}",
            obj=obj,
            before=before,
            after=_values(obj, self.audited_fields),
        )

    def delete_model(self, request, obj):
        before = _values(obj, self.audited_fields)
        record_change(
            tenant=obj.tenant,
            actor=Actor.from_user(request.user),
            action=f"delete_{obj._meta.model_name}",
            obj=obj,
            before=before,
        )
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


class ScopedForm(forms.ModelForm):
    """Keeps a copy of the row as it was (for the audit), and knows the row's gemeente."""

    tenant_of_change: Organisation | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial_object = self._meta.model.objects.get(pk=self.instance.pk) if self.instance.pk else None

    def tenant(self) -> Organisation | None:
        return self.tenant_of_change or self.cleaned_data.get("tenant")


# --- a gemeente's settings ----------------------------------------------------------------------


class FeedbackSettingsForm(ScopedForm):
    class Meta:
        model = FeedbackSettings
        fields = ["tenant", "shows_public_score", "is_named_in_benchmark", "link_retention_days"]

    def clean_link_retention_days(self):
        days = self.cleaned_data["link_retention_days"]
        if days is None or not 1 <= days <= MAX_RETENTION_DAYS:
            raise forms.ValidationError(
                _("Kies een bewaartermijn van 1 tot en met %(max)d dagen."),
                params={"max": MAX_RETENTION_DAYS},
            )
        return days

    def clean(self):
        cleaned = super().clean()
        tenant = self.tenant()
        if (
            tenant is not None
            and self.instance.pk is None
            and FeedbackSettings.objects.filter(tenant=tenant).exists()
        ):
            # On the field: Django then leaves out its own, less clear, message for the constraint.
            self.add_error(
                "tenant",
                _("%(gemeente)s heeft al instellingen voor klantwaardering. Pas die aan.")
                % {"gemeente": tenant},
            )
        return cleaned


@admin.register(FeedbackSettings)
class FeedbackSettingsAdmin(TenantScopedAdmin):
    form = FeedbackSettingsForm
    list_display = ["tenant", "shows_public_score", "is_named_in_benchmark", "link_retention_days"]
    audited_fields = ["shows_public_score", "is_named_in_benchmark", "link_retention_days"]


# --- a gemeente's own questions -----------------------------------------------------------------


class OwnQuestionForm(ScopedForm):
    class Meta:
        model = OwnQuestion
        fields = ["tenant", "order", "text", "kind", "is_active"]

    def clean(self):
        cleaned = super().clean()
        tenant = self.tenant()
        if tenant is None:
            return cleaned
        # The admin's change view is one transaction: lock the gemeente, so two beheerders who
        # each add a third question cannot both pass the count below.
        Organisation.objects.select_for_update().filter(pk=tenant.pk).first()
        others = OwnQuestion.objects.filter(tenant=tenant).exclude(pk=self.instance.pk)
        if cleaned.get("is_active") and others.filter(is_active=True).count() >= MAX_OWN_QUESTIONS:
            raise forms.ValidationError(
                _(
                    "Een gemeente kan hoogstens %(max)d eigen vragen tegelijk stellen. "
                    "Zet eerst een andere vraag op niet actief."
                ),
                params={"max": MAX_OWN_QUESTIONS},
            )
        if cleaned.get("order") is not None and others.filter(order=cleaned["order"]).exists():
            self.add_error("order", _("Er is al een vraag met dit volgnummer. Kies een ander nummer."))
        return cleaned


@admin.register(OwnQuestion)
class OwnQuestionAdmin(TenantScopedAdmin):
    form = OwnQuestionForm
    list_display = ["text", "tenant", "order", "kind", "is_active"]
    list_filter = ["is_active", "kind"]
    audited_fields = ["order", "text", "kind", "is_active"]


# --- per process: always, 1 in N, never ---------------------------------------------------------


class ProcessChoiceField(forms.ModelChoiceField):
    """A process by the name the gemeente knows it by (its zaaktype), not its code."""

    def __init__(self, *args, names: dict[int, str], **kwargs):
        self.names = names
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj: Process) -> str:
        return self.names.get(obj.pk, obj.identificatie)


class InvitationPolicyForm(ScopedForm):
    class Meta:
        model = InvitationPolicy
        fields = ["tenant", "process", "mode", "every_n"]

    def clean(self):
        cleaned = super().clean()
        mode, every_n = cleaned.get("mode"), cleaned.get("every_n")
        if mode == InvitationMode.ONE_IN_N and every_n is not None and every_n < 2:
            self.add_error(
                "every_n",
                _("Bij '1 op de N zaken' moet N minstens 2 zijn. Kies 'Altijd uitnodigen' voor elke zaak."),
            )
        tenant, process = self.tenant(), cleaned.get("process")
        if tenant is None or process is None:
            return cleaned
        if not Adoption.objects.filter(tenant=tenant, process=process).exists():
            self.add_error("process", _("%(gemeente)s voert dit proces niet uit.") % {"gemeente": tenant})
        elif (
            InvitationPolicy.objects.filter(tenant=tenant, process=process)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            self.add_error("process", _("Voor dit proces is al een keuze gemaakt. Pas die aan."))
        return cleaned


@admin.register(InvitationPolicy)
class InvitationPolicyAdmin(TenantScopedAdmin):
    form = InvitationPolicyForm
    list_display = ["process_name", "tenant", "mode", "every_n"]
    list_filter = ["mode"]
    list_select_related = ["process", "tenant"]
    audited_fields = ["process", "mode", "every_n"]

    def get_queryset(self, request):
        adopted = Adoption.objects.filter(tenant=OuterRef("tenant"), process=OuterRef("process"))
        return (
            super()
            .get_queryset(request)
            .annotate(process_label=Subquery(adopted.values("zaaktype__omschrijving")[:1]))
        )

    @admin.display(description=_("proces"), ordering="process_label")
    def process_name(self, obj: InvitationPolicy) -> str:
        return obj.process_label or obj.process.identificatie

    def get_readonly_fields(self, request, obj=None):
        return ["tenant", "process"] if obj is not None else []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "process":
            adoptions = Adoption.objects.filter(tenant__in=self.organisations(request.user)).select_related(
                "zaaktype"
            )
            names = {adoption.process_id: adoption.zaaktype.omschrijving for adoption in adoptions}
            return ProcessChoiceField(
                queryset=Process.objects.filter(pk__in=list(names)),
                names=names,
                label=db_field.verbose_name,
                required=not db_field.blank,
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


# --- the collective's survey --------------------------------------------------------------------


class SurveyVersionForm(ScopedForm):
    class Meta:
        model = SurveyVersion
        fields = ["version", "intro", "score_label", "effort_label", "improvement_label", "published_on"]

    def clean_version(self):
        version = self.cleaned_data["version"]
        taken = SurveyVersion.objects.filter(tenant=get_collective(), version=version).exclude(
            pk=self.instance.pk
        )
        if taken.exists():
            raise forms.ValidationError(_("Versie %(version)d bestaat al."), params={"version": version})
        return version


@admin.register(SurveyVersion)
class SurveyVersionAdmin(TenantScopedAdmin):
    """The collective's survey: a concept is edited, a published version stays as residents saw it."""

    form = SurveyVersionForm
    list_display = ["__str__", "version", "published_on"]
    audited_fields = ["version", "intro", "score_label", "effort_label", "improvement_label", "published_on"]

    def organisations(self, user) -> list[Organisation]:
        return survey_organisations(user)

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and (obj is None or obj.published_on is None)

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and (obj is None or obj.published_on is None)

    def get_readonly_fields(self, request, obj=None):
        return []

    def save_model(self, request, obj, form, change):
        obj.tenant = get_collective()
        super().save_model(request, obj, form, change)
