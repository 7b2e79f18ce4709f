from django.contrib import admin

from .forms import BeheerInlogFormulier
from .models import Aanmeldgebeurtenis, Identiteit, Identiteitsprovider, Rolkoppeling

admin.site.login_form = BeheerInlogFormulier


class RolkoppelingInline(admin.TabularInline):
    model = Rolkoppeling
    extra = 1


@admin.register(Identiteitsprovider)
class IdentiteitsproviderAdmin(admin.ModelAdmin):
    list_display = ["organisatie", "issuer", "actief", "lokaal_inloggen"]
    list_filter = ["actief", "lokaal_inloggen"]
    autocomplete_fields = ["organisatie"]
    inlines = [RolkoppelingInline]
    fieldsets = [
        (None, {"fields": ["organisatie", "actief", "lokaal_inloggen"]}),
        (
            "Provider",
            {
                "fields": [
                    "issuer",
                    "authorization_endpoint",
                    "token_endpoint",
                    "userinfo_endpoint",
                    "jwks_endpoint",
                    "end_session_endpoint",
                    "algoritme",
                ]
            },
        ),
        ("Registratie", {"fields": ["client_id", "geheim_variabele", "scopes", "groepen_claim"]}),
    ]


@admin.register(Identiteit)
class IdentiteitAdmin(admin.ModelAdmin):
    list_display = ["gebruiker", "provider", "sub", "aangemaakt"]
    search_fields = ["gebruiker__username", "gebruiker__email", "sub"]
    list_select_related = ["gebruiker", "provider__organisatie"]
    readonly_fields = ["provider", "sub", "gebruiker", "aangemaakt"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Aanmeldgebeurtenis)
class AanmeldgebeurtenisAdmin(admin.ModelAdmin):
    """Read only: a history is not edited."""

    list_display = ["tijdstip", "soort", "gebruikersnaam", "via", "door", "omschrijving"]
    list_filter = ["soort", "via"]
    search_fields = ["gebruikersnaam", "omschrijving"]
    date_hierarchy = "tijdstip"
    list_select_related = ["door"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
