from django.contrib import admin

from .models import Organisation


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

    def has_add_permission(self, request):
        # New gemeenten arrive with the yearly CBS division (a data migration), not by hand.
        return False
