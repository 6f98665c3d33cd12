from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Membership, User


@admin.register(User)
class Plus1UserAdmin(UserAdmin):
    list_display = ["username", "email", "is_staff", "is_active"]

    def has_module_permission(self, request):
        return request.user.is_superuser


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "tenant"]
    list_filter = ["role"]
    search_fields = ["user__username", "tenant__name"]
    autocomplete_fields = ["user", "tenant"]

    def has_module_permission(self, request):
        return request.user.is_superuser
