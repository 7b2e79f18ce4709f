"""Charts a reader can read: a value axis with values, the value at every bar and mark, whole
labels wrapped over lines, one unit per chart, and words of at least 9 pt in the PDF (the
dashboard's 12 px at 1280 wide is measured in tests/browser/test_charts_readable.py)."""

import io
import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings
from django.urls import reverse
from pypdf import PdfReader

from core.charts import Reeks, Staafdiagram, Voortgangsregel, resultaatgrafieken
from core.models import Dossier, Indicator
from core.rules import openbare_lezer
from dashboards.dossier import dashboard_context

PDF_INHOUD_MM = 174  # A4 (210 mm) less the page margins of 18 mm (rapport.css, @page)
PX_PER_MM = 96 / 25.4


class Svgs(HTMLParser):
    """Every <svg> in a page: its attributes, and its text elements with their font size."""

    def __init__(self):
        super().__init__()
        self.svgs: list[dict] = []
        self._tekst = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "svg":
            self.svgs.append({"attrs": attrs, "teksten": [], "titel": ""})
        elif tag == "text" and self.svgs:
            self._tekst = [float(attrs["font-size"]), ""]
            self.svgs[-1]["teksten"].append(self._tekst)
        elif tag == "title" and self.svgs:
            self._tekst = self.svgs[-1]

    def handle_endtag(self, tag):
        if tag in ("text", "title"):
            self._tekst = None

    def handle_data(self, data):
        if isinstance(self._tekst, list):
            self._tekst[1] += data
        elif isinstance(self._tekst, dict):
            self._tekst["titel"] += data


def svgs_in(html: str) -> list[dict]:
    parser = Svgs()
    parser.feed(html)
    return parser.svgs


def woorden(svg: dict) -> list[str]:
    return [t for _, t in svg["teksten"]]


def pdf_regel() -> str:
    css = (Path(settings.BASE_DIR) / "static" / "css" / "rapport.css").read_text()
    return re.search(r"\.grafiek svg\s*\{([^}]*)\}", css).group(1)


def pt_in_pdf(svg: dict) -> float:
    """The smallest font size of a chart as printed: its size in viewBox units times the width
    the PDF's stylesheet gives it over its viewBox width, in points (1 px = 0,75 pt)."""
    regel = pdf_regel()
    inhoud = PDF_INHOUD_MM * PX_PER_MM
    breedte = float(svg["attrs"]["width"])
    if re.search(r"(^|[^-])width:\s*100%", regel):
        getoond = inhoud
    else:
        assert "max-width: 100%" in regel
        getoond = min(breedte, inhoud)
    assert "max-height" not in regel, "a height cap would shrink a tall chart"
    viewbox = float(svg["attrs"]["viewbox"].split()[2])
    return min(grootte for grootte, _ in svg["teksten"]) * getoond / viewbox * 0.75


def test_groningen_results_chart_has_an_axis_the_values_and_whole_labels(als):
    """Line 2's three results: 10 plekken, 1 to 3 straten, 15 controles per jaar."""
    deal = "regio-deal-groningen-noord-ii"
    context = dashboard_context(Dossier.objects.get(slug=deal), openbare_lezer(), 2025)
    lijn2 = next(g for g in context["voortgang"] if "Veilig zijn en wonen" in g.titel)
    svg = svgs_in(str(lijn2.svg))[0]
    tekst = woorden(svg)

    assert [t for t in tekst if t.isdigit()] == ["0", "5", "10", "15"]  # the axis, round steps
    assert "aantal" in tekst  # the unit beside the axis
    assert {"doel 10", "doel 15", "1–3"} <= set(tekst)  # at every mark its value
    assert tekst.count("nog geen realisatie") == 3
    assert not any(t.endswith("…") for t in tekst)
    for regel in lijn2.regels:  # every word of every result's name, in its order
        assert regel.naam in " ".join(tekst)

    # The coördinator's PDF prints the same chart, its words at 9 pt or more.
    client = als("groningen")
    client.post(reverse("rapportages:actie", args=[deal, 2025, "concept"]))
    pdf = b"".join(
        client.get(reverse("rapportages:actueel", args=[deal, 2025, "pdf"])).streaming_content
    )
    teksten = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    begin = next(n for n, t in enumerate(teksten) if "2. Liggen de partijen" in t)
    einde = next(n for n, t in enumerate(teksten) if "3. Financiën" in t)
    pagina = " ".join(teksten[begin : einde + 1])  # the chapter flows on over pages
    assert "doel 15" in pagina and "1–3" in pagina and "…" not in pagina
    assert pt_in_pdf(svg) >= 9


def test_a_total_and_a_part_in_different_units_get_a_chart_and_a_scale_each(als):
    """Maastricht's Nieuwbouw and its parts, one of them in euro: two charts, not one scale."""
    Indicator.objects.filter(dossier__slug="maastricht-2015", naam="Nieuwbouw koop").update(
        eenheid="euro"
    )
    response = als("bestuurder").get(
        reverse("dashboards:dossier", args=["maastricht-2015"]), {"jaar": 2015}
    )
    svgs = [s for s in svgs_in(response.content.decode()) if s["titel"].startswith("Nieuwbouw en")]

    assert [s["titel"] for s in svgs] == [
        "Nieuwbouw en de delen daarvan, 2015 (aantal)",
        "Nieuwbouw en de delen daarvan, 2015 (bedrag in euro)",
    ]
    aantal, euro = (woorden(s) for s in svgs)
    assert "Nieuwbouw koop" in euro and "Nieuwbouw koop" not in aantal
    assert not any("€" in t for t in aantal) and any(t.startswith("€") for t in euro)


def test_every_dashboard_chart_prints_at_9_pt_or_more_in_the_pdf(als):
    response = als("bestuurder").get(
        reverse("dashboards:dossier", args=["maastricht-2015"]), {"jaar": 2015}
    )
    svgs = [s for s in svgs_in(response.content.decode()) if "grafiek" in s["attrs"]["class"]]

    assert len(svgs) > 10
    for svg in svgs:
        assert pt_in_pdf(svg) >= 9, svg["titel"]
        assert not any(t.endswith("…") for t in woorden(svg)), svg["titel"]


def test_results_in_different_units_are_split_into_a_chart_per_unit():
    regels = [
        Voortgangsregel("Wijkcentra", Decimal(2), minimum=Decimal(1), maximum=Decimal(3)),
        Voortgangsregel("Geïnvesteerd", Decimal(400_000), Decimal(1_000_000), eenheid="euro"),
        Voortgangsregel("Straten", None, Decimal(10)),
    ]

    grafieken = resultaatgrafieken("g", "Telbare resultaten", regels)

    assert [(g.eenheid, [r.naam for r in g.regels]) for g in grafieken] == [
        ("aantal", ["Wijkcentra", "Straten"]),
        ("euro", ["Geïnvesteerd"]),
    ]
    euro = woorden(svgs_in(str(grafieken[1].svg))[0])
    assert "doel € 1,0 mln" in euro and "€ 400.000" in euro and "bedrag in euro" in euro


def test_a_bar_chart_prints_every_value_and_wraps_a_long_label_whole():
    naam = "Aantal woningen dat met een energielabel B of beter is opgeleverd in de wijk"
    grafiek = Staafdiagram(
        id="g",
        titel="Woningen",
        categorieen=[naam, "Sloop"],
        reeksen=[
            Reeks("Plan", [Decimal(1250), Decimal(40)], "plan"),
            Reeks("Realisatie", [Decimal(980), Decimal(0)]),
        ],
    )

    tekst = woorden(svgs_in(str(grafiek.svg))[0])

    assert {"1.250", "980", "40", "0"} <= set(tekst)
    assert "aantal" in tekst and "1.500" in tekst  # the axis's top, a round step
    regels = [t for t in tekst if t[:1].isalpha() and t not in ("Plan", "Realisatie", "aantal")]
    assert " ".join(regels[:-1]) == naam and len(regels) >= 4  # wrapped over lines, whole


def test_a_chart_without_values_says_so_in_words():
    grafiek = Staafdiagram(
        id="g", titel="Sloop", categorieen=["2015"], reeksen=[Reeks("Plan", [None], "plan")]
    )

    assert woorden(svgs_in(str(grafiek.svg))[0]) == ["Nog geen cijfers om te tekenen."]
