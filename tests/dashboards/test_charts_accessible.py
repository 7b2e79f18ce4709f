"""Every chart carries a text alternative and its data table (WCAG 1.1.1), and escapes text."""

import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from core.charts import Reeks, Staafdiagram

DASHBOARDS = [
    reverse_args
    for reverse_args in [
        ("dashboards:dossier", ["maastricht-2015"]),
        ("dashboards:dossier", ["regio-deal-groningen-noord-ii"]),
        ("dashboards:dossier", ["sociaal-vitaal-in-kleine-kernen"]),
        ("dashboards:trend", ["maastricht-2015", "verhuur-totaal"]),
    ]
]


class Grafieken(HTMLParser):
    """Collects each <svg> with its title and desc text, and what follows it in its figure."""

    def __init__(self):
        super().__init__()
        self.svgs, self.ids, self._in = [], {}, None
        self.tekst_van_id, self.figuren, self._figuur = {}, [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "figure":
            self._figuur = {"svg": 0, "table": 0}
            self.figuren.append(self._figuur)
        if tag == "svg":
            self.svgs.append(attrs)
            if self._figuur is not None:
                self._figuur["svg"] += 1
        if tag == "table" and self._figuur is not None:
            self._figuur["table"] += 1
        if tag in ("title", "desc") and "id" in attrs:
            self._in = attrs["id"]
            self.tekst_van_id[self._in] = ""

    def handle_endtag(self, tag):
        if tag in ("title", "desc"):
            self._in = None
        if tag == "figure":
            self._figuur = None

    def handle_data(self, data):
        if self._in:
            self.tekst_van_id[self._in] += data


@pytest.mark.parametrize(("naam", "args"), DASHBOARDS)
def test_every_chart_has_a_text_alternative_and_a_data_table(als, naam, args):
    response = als("bestuurder").get(reverse(naam, args=args))
    assert response.status_code == 200
    parser = Grafieken()
    parser.feed(response.content.decode())

    assert parser.svgs, "the dashboard draws charts"
    for svg in parser.svgs:
        assert svg.get("role") == "img"
        verwijzingen = svg["aria-labelledby"].split()
        assert len(verwijzingen) == 2
        for ref in verwijzingen:
            assert parser.tekst_van_id.get(ref, "").strip(), f"{ref} has no text"
    for figuur in parser.figuren:
        if figuur["svg"]:
            assert figuur["table"] == 1, "each chart figure holds its data table"


def test_the_text_alternative_reads_out_every_value():
    grafiek = Staafdiagram(
        id="g",
        titel="Sloop, 2015",
        categorieen=["Maasvallei", "Woonpunt"],
        reeksen=[
            Reeks("Plan", [Decimal(32), Decimal(82)], "plan"),
            Reeks("Realisatie", [None, None]),
        ],
    )

    assert grafiek.beschrijving == (
        "Staafdiagram: Sloop, 2015. Maasvallei: plan 32, realisatie –. "
        "Woonpunt: plan 82, realisatie –."
    )


def test_user_text_in_a_chart_is_escaped():
    grafiek = Staafdiagram(
        id="g",
        titel="<script>alert(1)</script>",
        categorieen=['"><img src=x onerror=alert(1)>'],
        reeksen=[Reeks("<b>Plan</b>", [Decimal(1)], "plan")],
    )

    svg = str(grafiek.svg)
    assert "<script>" not in svg and "<img" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg
    assert re.search(r"<svg [^>]*role=\"img\"", svg)


def test_the_target_charts_read_out_their_values_and_escape_text():
    from core.doelgrafieken import Doelbalk, Lijndiagram

    balk = Doelbalk(
        id="b",
        titel="<b>800</b> woningen",
        gerealiseerd=Decimal(410),
        streefwaarde=Decimal(800),
        verwacht=Decimal(400),
        status="op schema",
        peiljaar=2026,
    )
    lijn = Lijndiagram(
        id="l",
        titel="<i>lijn</i>",
        categorieen=["2025", "2026"],
        reeksen=[Reeks("Opgeteld", [Decimal(150), Decimal(410)])],
    )

    assert balk.beschrijving == (
        "Voortgangsbalk: <b>800</b> woningen. Gerealiseerd t/m 2026: 410; "
        "Verwacht eind 2026: 400; Doel: 800; status: op schema."
    )
    assert "<b>" not in balk.svg and "&lt;b&gt;800&lt;/b&gt;" in balk.svg
    assert lijn.beschrijving.startswith("Lijndiagram: <i>lijn</i>. 2025: opgeteld 150.")
    assert "<i>" not in lijn.svg and 'role="img"' in lijn.svg
