from django.contrib import admin

from .models import Cijferimport, Importwijziging


class ImportwijzigingInline(admin.TabularInline):
    model = Importwijziging
    extra = 0
    can_delete = False
    fields = ["rij", "omschrijving", "oud", "nieuw", "oude_toelichting", "nieuwe_toelichting"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Cijferimport)
class CijferimportAdmin(admin.ModelAdmin):
    """History: readable, never edited by hand (an unconfirmed upload may be deleted)."""

    list_display = ["bestandsnaam", "dossier", "jaar", "door", "status", "aangemaakt_op"]
    list_filter = ["status", "dossier"]
    list_select_related = ["dossier", "door"]
    search_fields = ["bestandsnaam", "door__username"]
    date_hierarchy = "aangemaakt_op"
    exclude = ["inhoud"]
    inlines = [ImportwijzigingInline]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in Cijferimport._meta.fields if field.name != "inhoud"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return obj is None or not obj.is_bevestigd
