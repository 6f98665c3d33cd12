from django.contrib import admin

from plus1.core.admin import SuperuserOnlyAdmin

from .models import Application, Autorisatie, ClientCredential


class ClientCredentialInline(admin.TabularInline):
    model = ClientCredential
    extra = 0


class AutorisatieInline(admin.TabularInline):
    model = Autorisatie
    extra = 0
    raw_id_fields = ["zaaktype", "informatieobjecttype", "besluittype"]


@admin.register(Application)
class ApplicationAdmin(SuperuserOnlyAdmin):
    """Applications with their client ids and autorisaties; the same rules as the API apply."""

    list_display = ["label", "tenant", "has_all_autorisaties", "created_at"]
    list_filter = ["tenant", "has_all_autorisaties"]
    search_fields = ["label", "credentials__client_id"]
    inlines = [ClientCredentialInline, AutorisatieInline]
