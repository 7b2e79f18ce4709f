import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html
from django_tables2.paginators import LazyPaginator

from core.charts import opmaak
from core.status import Status
from core.voortgang import formatteer

NUMERIEK = {"td": {"class": "numeric"}, "th": {"class": "numeric"}}


class OngeteldePaginator(LazyPaginator):
    """Pages without counting: a "next" link when there is more (templates/tabellen/lijst.html
    shows no total)."""

    ongeteld = True


class CijferColumn(tables.Column):
    """A plan or realisation in the item's own unit, the Dutch way."""

    def render(self, value, record):
        return opmaak(value, record.indicator.eenheid)


class CelTable(tables.Table):
    caption = "Cijfers"

    dossier = tables.Column(
        verbose_name="Afspraak, deal of project",
        accessor="indicator__dossier__titel",
        order_by="indicator__dossier__titel",
    )
    onderdeel = tables.Column(
        verbose_name="Thema of actielijn",
        accessor="indicator__onderdeel__titel",
        default="–",
    )
    item = tables.Column(verbose_name="Onderwerp", accessor="indicator__naam")
    wie = tables.Column(
        verbose_name="Organisatie of locatie",
        accessor="organisatie__naam",
        order_by=("organisatie__naam", "locatie__naam"),
        default="totaal",
    )
    jaar = tables.Column(verbose_name="Jaar", localize=False)
    plan = CijferColumn(verbose_name="Plan", attrs=NUMERIEK)
    realisatie = CijferColumn(verbose_name="Realisatie", attrs=NUMERIEK)
    streefdoel = tables.Column(
        verbose_name="Streefdoel",
        accessor="doel_gerealiseerd",
        orderable=False,
        attrs=NUMERIEK,
        default="",
    )
    status = tables.Column(verbose_name="Status")

    class Meta:
        attrs = {"class": "utrecht-table cijfers-tabel"}
        empty_text = "Geen cijfers gevonden."
        sequence = [
            "dossier",
            "onderdeel",
            "item",
            "wie",
            "jaar",
            "plan",
            "realisatie",
            "streefdoel",
            "status",
        ]

    def render_dossier(self, value, record):
        url = reverse("dashboards:dossier", args=[record.indicator.dossier.slug])
        return format_html('<a class="utrecht-link" href="{}">{}</a>', url, value)

    def render_item(self, value, record):
        url = reverse(
            "dashboards:trend", args=[record.indicator.dossier.slug, record.indicator.code]
        )
        return format_html('<a class="utrecht-link" href="{}">{}</a>', url, value)

    def render_wie(self, value, record):
        return record.organisatie or record.locatie or "totaal"

    def render_streefdoel(self, value, record):
        """Without a plan, a term target: realised to date of the whole, "410 van 800"."""
        eenheid = record.indicator.eenheid
        return f"{formatteer(value, eenheid)} van {formatteer(record.doel_waarde, eenheid)}"

    def render_status(self, value):
        status = Status(value)
        return format_html('<span class="status status--{}">{}</span>', status.css, status.label)
