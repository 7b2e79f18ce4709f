import django_tables2 as tables

from core.dutch_numbers import format_euro

from .models import Regiodeal

NUMERIEK = {"td": {"class": "numeric"}, "th": {"class": "numeric"}}


class RegiodealTable(tables.Table):
    caption = "Regio Deals"

    titel = tables.Column(verbose_name="Regio Deal", linkify=True)
    tranche = tables.Column(verbose_name="Tranche", order_by="tranche__nummer")
    landsdeel = tables.Column(verbose_name="Landsdeel")
    status = tables.Column(verbose_name="Status")
    maximale_rijksbijdrage = tables.Column(verbose_name="Max. Rijksbijdrage", attrs=NUMERIEK)

    class Meta:
        model = Regiodeal
        fields = ["titel", "tranche", "landsdeel", "status", "maximale_rijksbijdrage"]
        attrs = {"class": "utrecht-table"}
        empty_text = "Geen Regio Deals gevonden."
        template_name = "regiodeals/regiodeal_tabel.html"

    def render_maximale_rijksbijdrage(self, value):
        return format_euro(value)
