import django_tables2 as tables

from .models import Afspraak


class AfspraakTable(tables.Table):
    caption = "Afspraken"

    titel = tables.Column(verbose_name="Titel", linkify=True)
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
        template_name = "afspraken/afspraak_tabel.html"
