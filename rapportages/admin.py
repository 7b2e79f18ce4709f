from django.contrib import admin

from .models import Opmerking, Rapport, Rapportversie, Voortgangstekst


class VersieInline(admin.TabularInline):
    model = Rapportversie
    fields = ["nummer", "status", "gemaakt_door", "gemaakt_op", "taak", "pdf", "xlsx"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Rapport)
class RapportAdmin(admin.ModelAdmin):
    list_display = ["__str__", "jaar", "status", "aangemaakt_door", "aangemaakt_op"]
    list_filter = ["status", "jaar"]
    inlines = [VersieInline]
    readonly_fields = ["aangemaakt_door", "aangemaakt_op"]


admin.site.register(Opmerking)
admin.site.register(Voortgangstekst)
