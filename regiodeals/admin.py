from django.contrib import admin

from core.admin import PartijInline

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
    model = Regiodeal
    fields = ["volgnummer", "titel", "landsdeel", "maximale_rijksbijdrage", "status"]
    extra = 0
    show_change_link = True


@admin.register(Tranche)
class TrancheAdmin(admin.ModelAdmin):
    list_display = ["nummer", "naam", "envelop", "aantal_voorstellen"]
    inlines = [RegiodealInline]


class FinancieringspostInline(admin.TabularInline):
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
    prepopulated_fields = {"slug": ["titel"]}
    inlines = [
        PartijInline,
        FinancieringspostInline,
        OverlegInline,
        ConvenantwijzigingInline,
        PartijmutatieInline,
    ]


@admin.register(Doel)
class DoelAdmin(admin.ModelAdmin):
    list_display = ["tekst", "thema"]
    list_select_related = ["thema"]
    search_fields = ["tekst"]


@admin.register(BeoogdResultaat)
class BeoogdResultaatAdmin(admin.ModelAdmin):
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
