from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from plus1.core.admin import SuperuserOnlyAdmin

from . import services
from .models import Abonnement, AbonnementKanaal, Delivery, DeliveryStatus, Kanaal, Notification


@admin.register(Kanaal)
class KanaalAdmin(SuperuserOnlyAdmin):
    # An empty organisation: a kanaal of the collective, which every gemeente sees.
    list_display = ["naam", "tenant", "documentatie_link"]
    list_filter = [("tenant", admin.EmptyFieldListFilter)]


class AbonnementKanaalInline(admin.TabularInline):
    model = AbonnementKanaal
    extra = 0


@admin.register(Abonnement)
class AbonnementAdmin(SuperuserOnlyAdmin):
    list_display = ["callback_url", "tenant", "created_by", "created_at"]
    list_filter = ["tenant"]
    inlines = [AbonnementKanaalInline]


@admin.register(Notification)
class NotificationAdmin(SuperuserOnlyAdmin):
    list_display = ["kanaal", "resource", "actie", "resource_url", "aanmaakdatum", "tenant"]
    list_filter = ["kanaal", "actie"]
    readonly_fields = [field.name for field in Notification._meta.fields]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Delivery)
class DeliveryAdmin(SuperuserOnlyAdmin):
    """The failure list: what did not reach a subscriber, why, and a button to send it again."""

    list_display = ["notification", "abonnement", "status", "attempts", "last_error", "next_attempt_at"]
    list_filter = ["status"]
    readonly_fields = [field.name for field in Delivery._meta.fields]
    actions = ["retry"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("notification", "abonnement")

    def has_add_permission(self, request) -> bool:
        return False

    @admin.action(description=_("Opnieuw versturen"))
    def retry(self, request, queryset):
        count = services.retry_deliveries(queryset.exclude(status=DeliveryStatus.DELIVERED))
        self.message_user(
            request,
            _("%(count)d notificatie(s) staan weer klaar om te versturen.") % {"count": count},
            messages.SUCCESS,
        )
