"""Statements in the admin: a gemeente's beheerders edit their own, the collective's are the defaults."""

from django import forms
from django.contrib import admin

from plus1.accounts.constants import Role
from plus1.accounts.selectors import organisations_for_user
from plus1.audit.services import Actor
from plus1.tenants.models import Organisation

from . import services
from .defaults import DEFAULTS
from .models import LegalPage


def editable_organisations(user) -> list[Organisation]:
    """Whose statements ``user`` edits: superusers every one (and the collective's defaults)."""
    if user.is_superuser:
        return list(Organisation.objects.filter(kind__in=["gemeente", "collective"]))
    return [o for o in organisations_for_user(user, roles=[Role.BEHEERDER]) if o.is_gemeente]


class LegalPageForm(forms.ModelForm):
    class Meta:
        model = LegalPage
        fields = ["tenant", "kind", "title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 30, "cols": 100})}


@admin.register(LegalPage)
class LegalPageAdmin(admin.ModelAdmin):
    form = LegalPageForm
    list_display = ["kind", "tenant", "updated_at"]
    list_filter = ["kind"]

    def get_queryset(self, request):
        allowed = editable_organisations(request.user)
        return LegalPage.objects.filter(tenant__in=allowed).select_related("tenant")

    def has_module_permission(self, request):
        return bool(editable_organisations(request.user))

    def has_view_permission(self, request, obj=None):
        allowed = editable_organisations(request.user)
        return bool(allowed) if obj is None else obj.tenant in allowed

    def has_add_permission(self, request):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return self.has_view_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_view_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        return ["tenant", "kind"] if obj is not None else []

    def get_changeform_initial_data(self, request):
        # Start from the collective's shipped text, so a gemeente edits rather than writes.
        initial = super().get_changeform_initial_data(request)
        kind = initial.get("kind") or request.GET.get("kind")
        if kind in DEFAULTS:
            initial.setdefault("title", DEFAULTS[kind][0])
            initial.setdefault("body", DEFAULTS[kind][1])
        return initial

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "tenant":
            kwargs["queryset"] = Organisation.objects.filter(
                pk__in=[o.pk for o in editable_organisations(request.user)]
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        form.instance = services.save_legal_page(
            tenant=obj.tenant,
            kind=obj.kind,
            title=form.cleaned_data["title"],
            body=form.cleaned_data["body"],
            actor=Actor.from_user(request.user),
        )

    def delete_model(self, request, obj):
        services.delete_legal_page(page=obj, actor=Actor.from_user(request.user))

    def delete_queryset(self, request, queryset):
        for page in queryset:
            services.delete_legal_page(page=page, actor=Actor.from_user(request.user))
