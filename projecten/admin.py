from django.contrib import admin

from core.admin import PartijInline

from .models import Project


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["titel", "penvoerder", "startdatum", "einddatum"]
    list_filter = ["penvoerder"]
    search_fields = ["titel", "slug"]
    prepopulated_fields = {"slug": ["titel"]}
    inlines = [PartijInline]
