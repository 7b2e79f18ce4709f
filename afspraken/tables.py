import django_tables2 as tables

from core.dutch_numbers import format_getal
from core.tabellen import RijenInPython, link

from .models import Afspraak


class AfspraakTable(RijenInPython, tables.Table):
    caption = "Afspraken"

    titel = tables.Column(verbose_name="Titel")
    soort_afspraak = tables.Column(verbose_name="Soort")
    penvoerder = tables.Column(verbose_name="Penvoerder", order_by="penvoerder__naam")
    periode = tables.Column(verbose_name="Periode", orderable=True, order_by="startdatum")
    aantal_punten = tables.Column(
        verbose_name="Afspraakpunten",
        attrs={"td": {"class": "numeric"}, "th": {"class": "numeric"}},
    )

    class Meta:
        model = Afspraak
        fields = ["titel", "soort_afspraak", "penvoerder", "periode", "aantal_punten"]
        attrs = {"class": "utrecht-table"}
        empty_text = "Geen afspraken gevonden."

    def cellen(self, afspraak):
        return (
            link(self.pad("afspraken:detail", slug=afspraak.slug), afspraak.naam),
            afspraak.get_soort_afspraak_display(),
            afspraak.penvoerder or "—",
            afspraak.periode,
            format_getal(afspraak.aantal_punten),
        )
