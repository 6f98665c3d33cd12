"""Online betalen in the admin: a gemeente's provider account, kept by its own functional beheerder.

The passphrases and the API password are write-only: the form never shows them (not even
masked), an empty field keeps the stored value, and the audit row says only *that* a secret
changed. Provider "simulator" can only be chosen where simulators are on. Payments and the
provider's messages are read in the back office (Betalingen), not here.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from plus1.accounts.constants import Role
from plus1.accounts.selectors import organisations_for_user
from plus1.audit.services import Actor, record_change
from plus1.tenants.models import Organisation

from .accounts import simulator_refusal
from .constants import Provider
from .models import PaymentEvent, PaymentSettings

SECRET_FIELDS = ("sha_in", "sha_out", "api_password")
PLAIN_FIELDS = ("provider", "environment", "pspid", "api_user", "expiry_hours", "is_active")
NOTICE_URL_HELP = _(
    "Zet in de Worldline-backoffice (Technische informatie > Transactie-feedback) als URL voor "
    "het directe HTTP-verzoek: https://<uw Plus1-adres>/<PARAMVAR>/betalen/melding/ . Plus1 "
    "stuurt als PARAMVAR de korte naam van de gemeente mee. Kies SHA-512 en UTF-8."
)


def payment_gemeenten(user: Any) -> list[Organisation]:
    """The gemeenten whose payment account ``user`` keeps: a beheerder's own; all for a superuser."""
    if not user.is_active:
        return []
    if user.is_superuser:
        return list(Organisation.objects.gemeenten())
    return [o for o in organisations_for_user(user, roles=[Role.BEHEERDER]) if o.is_gemeente]


class SecretInput(forms.PasswordInput):
    """Never renders the stored value; says whether one is stored."""

    def __init__(self) -> None:
        super().__init__(render_value=False, attrs={"autocomplete": "new-password"})


class PaymentSettingsForm(forms.ModelForm):
    sha_in = forms.CharField(
        label=_("SHA-IN-wachtwoordzin"),
        required=False,
        widget=SecretInput(),
        help_text=_("Leeg laten houdt de opgeslagen waarde. Wordt versleuteld opgeslagen en nooit getoond."),
    )
    sha_out = forms.CharField(
        label=_("SHA-OUT-wachtwoordzin"),
        required=False,
        widget=SecretInput(),
        help_text=_("Leeg laten houdt de opgeslagen waarde. Wordt versleuteld opgeslagen en nooit getoond."),
    )
    api_password = forms.CharField(
        label=_("wachtwoord API-gebruiker"),
        required=False,
        widget=SecretInput(),
        help_text=_("Voor terugbetalen. Leeg laten houdt de opgeslagen waarde."),
    )

    class Meta:
        model = PaymentSettings
        fields = ["tenant", *PLAIN_FIELDS, *SECRET_FIELDS]
        help_texts = {"pspid": NOTICE_URL_HELP}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in SECRET_FIELDS:
            # The form starts empty: a stored secret is never sent to the browser.
            self.initial[name] = ""

    def clean_provider(self) -> str:
        provider = self.cleaned_data["provider"]
        if refusal := simulator_refusal(provider):
            raise ValidationError(refusal)
        return provider

    def clean_tenant(self) -> Organisation:
        tenant = self.cleaned_data["tenant"]
        if self.instance.pk is None and PaymentSettings.objects.filter(tenant=tenant).exists():
            raise ValidationError(_("Deze gemeente heeft al instellingen voor online betalen. Wijzig die."))
        return tenant

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("provider") == Provider.WORLDLINE:
            for name in ("sha_in", "sha_out"):
                if not cleaned.get(name) and not getattr(self.instance, name, ""):
                    self.add_error(name, _("Vul de wachtwoordzin in die in de Worldline-backoffice staat."))
        return cleaned

    def _post_clean(self) -> None:
        # An empty secret field keeps what is stored: copy the stored values in before saving.
        for name in SECRET_FIELDS:
            if not self.cleaned_data.get(name) and self.instance.pk:
                self.cleaned_data[name] = getattr(self.instance, name)
        super()._post_clean()


@admin.register(PaymentSettings)
class PaymentSettingsAdmin(admin.ModelAdmin):
    form = PaymentSettingsForm
    list_display = ["tenant", "provider", "environment", "pspid", "is_active", "expiry_hours"]

    def _ids(self, request: Any) -> set[int]:
        return {o.pk for o in payment_gemeenten(request.user)}

    def get_queryset(self, request: Any):
        return super().get_queryset(request).filter(tenant_id__in=self._ids(request)).select_related("tenant")

    def has_module_permission(self, request: Any) -> bool:
        return bool(self._ids(request))

    def has_view_permission(self, request: Any, obj: PaymentSettings | None = None) -> bool:
        if obj is None:
            return self.has_module_permission(request)
        return obj.tenant_id in self._ids(request)

    def has_add_permission(self, request: Any) -> bool:
        return self.has_module_permission(request)

    def has_change_permission(self, request: Any, obj: PaymentSettings | None = None) -> bool:
        return self.has_view_permission(request, obj)

    def has_delete_permission(self, request: Any, obj: PaymentSettings | None = None) -> bool:
        return False  # switch online betalen off instead: payments keep their provider

    def get_readonly_fields(self, request: Any, obj: PaymentSettings | None = None) -> list[str]:
        return ["tenant"] if obj is not None else []

    def formfield_for_foreignkey(self, db_field: Any, request: Any, **kwargs: Any):
        if db_field.name == "tenant":
            kwargs["queryset"] = Organisation.objects.filter(pk__in=self._ids(request))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: Any, obj: PaymentSettings, form: PaymentSettingsForm, change: bool) -> None:
        before = None
        if change:
            stored = PaymentSettings.objects.get(pk=obj.pk)
            before = {name: str(getattr(stored, name)) for name in PLAIN_FIELDS}
        changed_secrets = [name for name in SECRET_FIELDS if form.data.get(name)]
        super().save_model(request, obj, form, change)
        record_change(
            tenant=obj.tenant,
            actor=Actor.from_user(request.user),
            action="payment_settings_changed" if change else "payment_settings_created",
            obj=obj,
            before=before,
            after={
                **{name: str(getattr(obj, name)) for name in PLAIN_FIELDS},
                "secrets_changed": changed_secrets,
            },
        )


class ReadOnlyTenantAdmin(admin.ModelAdmin):
    """Rows of the beheerder's own gemeenten, to look at only: the services alone change them."""

    def get_queryset(self, request: Any):
        ids = {o.pk for o in payment_gemeenten(request.user)}
        return super().get_queryset(request).filter(tenant_id__in=ids).select_related("tenant")

    def has_module_permission(self, request: Any) -> bool:
        return bool(payment_gemeenten(request.user))

    def has_view_permission(self, request: Any, obj: Any = None) -> bool:
        if obj is None:
            return self.has_module_permission(request)
        return obj.tenant_id in {o.pk for o in payment_gemeenten(request.user)}

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(PaymentEvent)
class PaymentEventAdmin(ReadOnlyTenantAdmin):
    """Every return and notice the provider sent, also refused ones: for support questions."""

    list_display = ["received_at", "tenant", "reference", "source", "provider_status", "outcome"]
    list_filter = ["source", "outcome"]
    search_fields = ["reference"]
    date_hierarchy = "received_at"
