from django.contrib import admin

from .models import AuditEntry, ProcessingRecord


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "tenant", "actor_label", "action", "object_label"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_label", "actor_label"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_module_permission(self, request):
        return request.user.is_superuser


@admin.register(ProcessingRecord)
class ProcessingRecordAdmin(admin.ModelAdmin):
    """Read-only: the log is append-only, in the application and in the database."""

    list_display = [
        "started_at",
        "tenant",
        "actor_label",
        "actor_unit",
        "action",
        "activity_name",
        "object_label",
    ]
    list_filter = ["action", "channel", "actor_type", "activity_code"]
    search_fields = ["trace_id", "object_label", "actor_label"]
    readonly_fields = [f.name for f in ProcessingRecord._meta.fields]
    date_hierarchy = "started_at"
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_module_permission(self, request):
        return request.user.is_superuser
