from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "plus1.audit"
    label = "audit"
    verbose_name = "Audit"
