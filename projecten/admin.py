from django.contrib import admin

from core.admin import PartijInline

from .models import Actie, Fase, Kern, Project, Projectonderdeel, Rapportage


class ProjectonderdeelInline(admin.TabularInline):
    model = Projectonderdeel
    extra = 0


class FaseInline(admin.TabularInline):
    model = Fase
    extra = 0
    show_change_link = True


class RapportageInline(admin.TabularInline):
    model = Rapportage
    extra = 0


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = [
        "titel",
        "penvoerder",
        "soort_financiering",
        "status",
        "startdatum",
        "einddatum",
    ]
    list_filter = ["status", "soort_financiering", "penvoerder"]
    list_select_related = ["penvoerder"]
    search_fields = ["titel", "slug", "samenvatting"]
    raw_id_fields = ["voert_uit"]
    inlines = [PartijInline, ProjectonderdeelInline, FaseInline, RapportageInline]


class ActieInline(admin.TabularInline):
    model = Actie
    extra = 0


@admin.register(Fase)
class FaseAdmin(admin.ModelAdmin):
    list_display = ["project", "nummer", "titel", "start", "eind", "periode_tekst"]
    list_filter = ["project"]
    inlines = [ActieInline]


@admin.register(Kern)
class KernAdmin(admin.ModelAdmin):
    list_display = ["naam", "gemeente", "inwoners", "projectleider_fte", "dossier"]
    list_filter = ["dossier", "gemeente"]
    search_fields = ["naam"]


@admin.register(Rapportage)
class RapportageAdmin(admin.ModelAdmin):
    list_display = ["project", "soort", "venster_start", "venster_eind", "ontvangen_op"]
    list_filter = ["soort", "project"]
