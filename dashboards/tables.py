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


class BegrensdePaginator(OngeteldePaginator):
    """Pages without counting, and no deeper than `MAX_PAGINA`: page 400 of a million figures
    is read by skipping 20.000 rows, ten times as slow at ten times the data, and nobody reads
    it; the page says to filter instead (templates/dashboards/cijfers.html). A page asked
    beyond the bound shows the last page allowed."""

    MAX_PAGINA = 20

    def validate_number(self, number):
        return min(super().validate_number(number), self.MAX_PAGINA)

    def page(self, number):
        pagina = super().page(number)
        if pagina.number == self.MAX_PAGINA and self._final_num_pages is None:
            self._final_num_pages = self._num_pages = self.MAX_PAGINA  # no "Volgende"
            pagina.begrensd = True
        return pagina


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


class AlleCelTable(CelTable):
    """The figures of all dossiers sort on the dossier only: the database walks them in that
    order through an index and stops at the page. Plan, realisation and status are computed
    per figure, and the other columns are only in index order behind figures the reader may
    not see (future years, other municipalities' concepts), so sorting on them reads the
    whole country (docs/performance.md, "The figures of all dossiers")."""

    dossier = tables.Column(
        verbose_name="Afspraak, deal of project",
        accessor="indicator__dossier__titel",
        order_by="indicator__dossier__titel",
        orderable=True,
    )

    class Meta(CelTable.Meta):
        orderable = False
