from django.contrib import admin
from django.db import transaction

from plus1.audit.services import Actor
from plus1.core.admin import SuperuserOnlyAdmin

from . import services
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

    def get_object(self, request, object_id, from_field=None):
        application = super().get_object(request, object_id, from_field)
        if application is not None and request.method == "POST":
            # What it was before this save, for the audit row.
            request._plus1_application_before = services.snapshot(application)
        return application

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        # After the inlines, in the admin's transaction: the audit row and the notification
        # (and the change stamp it moves) cover them too.
        services.application_changed(
            application=form.instance,
            actor=Actor.from_user(request.user),
            before=getattr(request, "_plus1_application_before", None),
        )

    def delete_model(self, request, obj) -> None:
        services.delete_application(application=obj, actor=Actor.from_user(request.user))

    @transaction.atomic
    def delete_queryset(self, request, queryset) -> None:
        for application in queryset:
            services.delete_application(application=application, actor=Actor.from_user(request.user))
