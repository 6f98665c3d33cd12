"""Admin building blocks of the kernel."""

from django.contrib import admin


class SuperuserOnlyAdmin(admin.ModelAdmin):
    """Installation-wide plumbing (API applications, notification delivery): superusers only.

    These rows span gemeenten or hold secrets, so a gemeente's functional admin never sees
    them here; a gemeente manages its own applications through the Autorisaties API.
    """

    def has_module_permission(self, request) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_change_permission(self, request, obj=None) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_delete_permission(self, request, obj=None) -> bool:
        return request.user.is_active and request.user.is_superuser
