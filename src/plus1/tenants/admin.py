from django.contrib import admin

from .constants import OrganisationKind
from .models import Mandate, Organisation
from .selectors import forget_portal_host


class MandateInline(admin.TabularInline):
    """The organisations this one registers for besides itself (a samenwerkingsverband)."""

    model = Mandate
    extra = 0
    fields = ["name", "rsin"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "cbs_code", "province", "rsin", "portal_host"]
    list_filter = ["kind", "province"]
    search_fields = ["name", "cbs_code", "slug"]
    readonly_fields = ["kind", "cbs_code", "province", "province_code"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "cbs_code", "province", "province_code", "rsin"]}),
        ("Contact", {"fields": ["contact_email", "contact_phone", "website", "visiting_address"]}),
        ("Loket", {"fields": ["portal_host"]}),
        ("Huisstijl", {"fields": ["logo", "primary_color", "accent_color"]}),
    ]

    def has_module_permission(self, request):
        return request.user.is_superuser

    # Adding by hand makes a chain partner: new gemeenten arrive with the yearly CBS division
    # (a data migration), and there is one collective.
    add_fieldsets = [
        (None, {"fields": ["name", "slug"]}),
        ("Contact", {"fields": ["contact_email", "contact_phone", "website", "visiting_address"]}),
    ]

    def has_add_permission(self, request):
        return request.user.is_superuser

    def get_fieldsets(self, request, obj=None):
        return self.add_fieldsets if obj is None else super().get_fieldsets(request, obj)

    def get_inlines(self, request, obj=None):
        # The organisations it registers for are added once it exists.
        return [MandateInline] if obj is not None else []

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else super().get_readonly_fields(request, obj)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.kind = OrganisationKind.PARTNER
        super().save_model(request, obj, form, change)
        # The name, colours and logo show on the portal too, so the old and new host are forgotten.
        forget_portal_host(form.initial.get("portal_host", ""), obj.portal_host)
