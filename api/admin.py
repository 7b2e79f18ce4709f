"""Beheer sees the keys (never the key itself: only its first characters and its hash) and the
log of requests made with them, read-only: the log is what happened."""

from django.contrib import admin

from .models import ApiSleutel, ApiVerzoek


@admin.register(ApiSleutel)
class ApiSleutelAdmin(admin.ModelAdmin):
    list_display = [
        "naam",
        "gebruiker",
        "begin",
        "aangemaakt_op",
        "laatst_gebruikt_op",
        "ingetrokken_op",
    ]
    list_filter = ["ingetrokken_op"]
    search_fields = ["naam", "gebruiker__username", "begin"]
    readonly_fields = ["gebruiker", "begin", "hash", "aangemaakt_op", "laatst_gebruikt_op"]

    def has_add_permission(self, request) -> bool:
        return False  # a key is made by its user, who alone sees it once


@admin.register(ApiVerzoek)
class ApiVerzoekAdmin(admin.ModelAdmin):
    list_display = ["tijdstip", "gebruiker", "methode", "pad", "status"]
    list_filter = ["status"]
    search_fields = ["gebruiker__username", "pad"]
    date_hierarchy = "tijdstip"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
