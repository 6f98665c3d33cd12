from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "plus1.notifications"
    verbose_name = "Notificaties"
    default_auto_field = "django.db.models.BigAutoField"
