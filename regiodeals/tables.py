import django_tables2 as tables
from django.utils.html import format_html

from core.dutch_numbers import format_euro
from core.tabellen import RijenInPython, link

from .models import Regiodeal

NUMERIEK = {"td": {"class": "numeric"}, "th": {"class": "numeric"}}


class RegiodealTable(RijenInPython, tables.Table):
    caption = "Regio Deals"

    titel = tables.Column(verbose_name="Regio Deal")
    tranche = tables.Column(verbose_name="Tranche", order_by="tranche__nummer")
    landsdeel = tables.Column(verbose_name="Landsdeel")
    status = tables.Column(verbose_name="Status")
    maximale_rijksbijdrage = tables.Column(verbose_name="Max. Rijksbijdrage", attrs=NUMERIEK)

    class Meta:
        model = Regiodeal
        fields = ["titel", "tranche", "landsdeel", "status", "maximale_rijksbijdrage"]
        attrs = {"class": "utrecht-table"}
        empty_text = "Geen Regio Deals gevonden."

    def cellen(self, deal):
        titel = link(self.pad("regiodeals:detail", slug=deal.slug), deal.titel)
        tranche = deal.tranche
        if tranche:
            if deal.heeft_naamgenoot:
                titel = format_html('{} <span class="naamgenoot">({})</span>', titel, tranche)
            tranche = link(self.pad("regiodeals:tranche", nummer=tranche.nummer), tranche)
        return (
            titel,
            tranche or "—",
            deal.get_landsdeel_display() or "—",
            deal.get_status_display(),
            format_euro(deal.maximale_rijksbijdrage),
        )
