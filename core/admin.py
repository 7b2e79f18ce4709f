from django import forms
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from .models import (
    Heropening,
    Indicator,
    Jaaropgave,
    Locatie,
    Meetdefinitie,
    Norm,
    Onderdeel,
    Organisatie,
    Partij,
    Streefdoel,
    User,
    Waarde,
)

# Beheer in Dutch: its titles and the names of the apps that come from elsewhere; the
# libraries' model and field names are translated in locale/nl (docs/architecture.md).
admin.site.site_header = "Prestatiemonitor – Beheer"
admin.site.site_title = "Prestatiemonitor – Beheer"
admin.site.index_title = "Beheer"
NEDERLANDSE_APPNAMEN = {
    "auth": "gebruikersgroepen",
    "axes": "inlogpogingen (blokkering)",
    "django_tasks": "achtergrondtaken",
    "django_tasks_database": "achtergrondtaken (wachtrij)",
}
for label, naam in NEDERLANDSE_APPNAMEN.items():
    if label in apps.app_configs:
        apps.get_app_config(label).verbose_name = naam


class OnderdeelKeuze(forms.ModelChoiceField):
    """A theme, action line or project with its dossier, since every dossier has a '1'."""

    def label_from_instance(self, obj: Onderdeel) -> str:
        return f"{obj.dossier.naam} – {obj}"


class OnderdeelMetDossier:
    """For an admin or inline: every choice of a theme (Onderdeel) names its dossier."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Onderdeel and db_field.name not in self.raw_id_fields:
            kwargs.setdefault("form_class", OnderdeelKeuze)
            kwargs.setdefault(
                "queryset",
                Onderdeel.objects.select_related("dossier").order_by(
                    "dossier__titel", "volgorde", "nummer"
                ),
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Organisatie)
class OrganisatieAdmin(admin.ModelAdmin):
    list_display = ["naam", "afkorting", "soort"]
    list_filter = ["soort"]
    search_fields = ["naam", "afkorting"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "organisatie", "is_active"]
    list_filter = [*DjangoUserAdmin.list_filter, "organisatie"]
    list_select_related = ["organisatie"]
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        ("Organisatie", {"fields": ["organisatie"]}),
    ]


class PartijInline(admin.TabularInline):
    model = Partij
    extra = 0
    autocomplete_fields = ["organisatie"]


class MeetdefinitieInline(admin.TabularInline):
    model = Meetdefinitie
    extra = 0


class NormInline(admin.TabularInline):
    model = Norm
    fk_name = "indicator"
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["naam", "dossier", "onderdeel", "eenheid", "uitsplitsing", "deel_van"]
    list_filter = ["eenheid", "uitsplitsing", "dossier"]
    list_select_related = ["dossier", "onderdeel", "deel_van"]
    search_fields = ["naam", "code"]
    raw_id_fields = ["dossier", "onderdeel", "deel_van", "uitsplitsing_van"]
    inlines = [MeetdefinitieInline, NormInline]


@admin.register(Streefdoel)
class StreefdoelAdmin(admin.ModelAdmin):
    list_display = ["__str__", "dossier", "soort", "waarde", "minimum", "maximum", "deadline"]
    list_filter = ["soort", "dossier"]
    list_select_related = ["dossier", "indicator"]
    search_fields = ["omschrijving", "indicator__naam"]
    raw_id_fields = ["dossier", "indicator", "organisatie"]


@admin.register(Onderdeel)
class OnderdeelAdmin(OnderdeelMetDossier, admin.ModelAdmin):
    list_display = ["nummer", "titel", "dossier"]
    list_filter = ["dossier"]
    search_fields = ["titel"]


@admin.register(Locatie)
class LocatieAdmin(admin.ModelAdmin):
    list_display = ["naam", "gemeente", "inwoners", "dossier"]
    list_filter = ["dossier", "gemeente"]
    search_fields = ["naam"]


@admin.register(Waarde)
class WaardeAdmin(admin.ModelAdmin):
    list_display = ["indicator", "jaar", "soort", "organisatie", "locatie", "waarde"]
    list_filter = ["soort", "jaar", "indicator__dossier"]
    list_select_related = ["indicator", "organisatie", "locatie"]
    search_fields = ["indicator__naam", "toelichting"]
    raw_id_fields = ["indicator", "organisatie", "locatie", "ingevoerd_door"]


@admin.register(Jaaropgave)
class JaaropgaveAdmin(admin.ModelAdmin):
    list_display = ["dossier", "organisatie", "jaar", "soort", "status", "gewijzigd_op"]
    list_filter = ["status", "soort", "jaar"]
    list_select_related = ["dossier", "organisatie"]


class HeropeningInline(admin.TabularInline):
    model = Heropening
    extra = 0
    readonly_fields = ["door", "op", "reden"]
    can_delete = False


JaaropgaveAdmin.inlines = [HeropeningInline]
