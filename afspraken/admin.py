from django.contrib import admin

from core.admin import OnderdeelMetDossier, PartijInline

from .models import Afspraak, Afspraakpunt, Wijziging, Wijzigingsregel


@admin.register(Afspraak)
class AfspraakAdmin(admin.ModelAdmin):
    list_display = ["titel", "soort_afspraak", "penvoerder", "startdatum", "einddatum"]
    list_filter = ["soort_afspraak", "penvoerder"]
    search_fields = ["titel", "slug"]
    inlines = [PartijInline]


@admin.register(Afspraakpunt)
class AfspraakpuntAdmin(OnderdeelMetDossier, admin.ModelAdmin):
    list_display = ["titel", "afspraak", "onderdeel", "soort", "status", "streefdoel"]
    list_filter = ["afspraak", "soort", "status"]
    list_select_related = ["afspraak", "onderdeel", "streefdoel__indicator"]
    search_fields = ["titel", "tekst", "trekker_omschrijving"]
    filter_horizontal = ["trekkers"]
    raw_id_fields = ["streefdoel", "toegevoegd_bij"]


class WijzigingsregelInline(admin.StackedInline):
    model = Wijzigingsregel
    extra = 0
    raw_id_fields = ["afspraakpunt", "onderdeel"]
    readonly_fields = ["oude_status", "oud_streefdoel"]


@admin.register(Wijziging)
class WijzigingAdmin(admin.ModelAdmin):
    list_display = ["titel", "afspraak", "soort", "datum", "toegepast_op"]
    list_filter = ["soort", "afspraak"]
    search_fields = ["titel", "reden"]
    readonly_fields = ["toegepast_op", "toegepast_door"]
    inlines = [WijzigingsregelInline]
