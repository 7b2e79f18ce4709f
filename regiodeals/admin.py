from django.contrib import admin

from core.admin import OnderdeelMetDossier, PartijInline

from .models import (
    BeoogdResultaat,
    Convenantwijziging,
    Doel,
    Financieringspost,
    Kosten,
    Overleg,
    Partijmutatie,
    Regiodeal,
    Tranche,
)


class RegiodealInline(admin.TabularInline):
    """The tranche's deals; a deal needs its penvoerder (the regiokassier), so it is asked
    here too (without it the row could not be saved). The slug is made from the name."""

    model = Regiodeal
    fields = [
        "volgnummer",
        "titel",
        "korte_naam",
        "landsdeel",
        "penvoerder",
        "maximale_rijksbijdrage",
        "status",
    ]
    autocomplete_fields = ["penvoerder"]
    extra = 0
    show_change_link = True


@admin.register(Tranche)
class TrancheAdmin(admin.ModelAdmin):
    list_display = ["nummer", "naam", "envelop", "aantal_voorstellen"]
    inlines = [RegiodealInline]


class FinancieringspostInline(OnderdeelMetDossier, admin.TabularInline):
    model = Financieringspost
    extra = 0


class OverlegInline(admin.TabularInline):
    model = Overleg
    extra = 0


class ConvenantwijzigingInline(admin.StackedInline):
    model = Convenantwijziging
    extra = 0


class PartijmutatieInline(admin.TabularInline):
    model = Partijmutatie
    extra = 0


@admin.register(Regiodeal)
class RegiodealAdmin(admin.ModelAdmin):
    list_display = ["titel", "tranche", "landsdeel", "maximale_rijksbijdrage", "status"]
    list_filter = ["tranche", "landsdeel", "status"]
    list_select_related = ["tranche"]
    search_fields = ["titel", "regio", "samenvatting"]
    inlines = [
        PartijInline,
        FinancieringspostInline,
        OverlegInline,
        ConvenantwijzigingInline,
        PartijmutatieInline,
    ]


@admin.register(Doel)
class DoelAdmin(OnderdeelMetDossier, admin.ModelAdmin):
    list_display = ["tekst", "thema"]
    list_select_related = ["thema"]
    search_fields = ["tekst"]


@admin.register(BeoogdResultaat)
class BeoogdResultaatAdmin(OnderdeelMetDossier, admin.ModelAdmin):
    list_display = ["omschrijving", "regiodeal", "onderdeel", "streefdoel"]
    list_filter = ["streefdoel__soort", "regiodeal"]
    list_select_related = ["regiodeal", "onderdeel", "streefdoel__indicator"]
    search_fields = ["omschrijving"]
    raw_id_fields = ["streefdoel"]


@admin.register(Kosten)
class KostenAdmin(admin.ModelAdmin):
    list_display = ["post", "jaar", "bron", "bedrag", "ingevoerd_door", "ingevoerd_op"]
    list_filter = ["bron", "jaar", "post__regiodeal"]
    list_select_related = ["post", "ingevoerd_door"]
