"""The tranche report follows the tranche's web page: the deals per landsdeel in the letter's
order, each landsdeel's subtotal as the page shows it, the total, the envelope and per-deal
rules with their checks, and "nog niet opgegeven" rather than € 0 for costs nobody reported.
The page is read through its URL, the report from its PDF (pypdf) and workbook (openpyxl)."""

import html
import io
import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from core.dutch_numbers import format_getal, parse_getal
from core.models import Rol
from rapportages.models import Rapport
from rapportages.services import maak_bestanden
from regiodeals.models import Bron, Financieringspost, Kosten, Regiodeal, Tranche

MLN = Decimal(1_000_000)


@pytest.fixture
def tranche_6(db):
    call_command("loaddata", "organisaties", "tranche_6", verbosity=0)
    return Tranche.objects.get(nummer=6)


@pytest.fixture
def beheerder(user_factory):
    return user_factory("beheer", None, Rol.BEHEERDER)


@pytest.fixture
def lezer(user_factory):
    """A reader who may not see a deal in opbouw: no beheerder, no coördinator of it."""
    return user_factory("lezer", None, Rol.BESTUURDER)


def bedrag(tekst: str) -> Decimal:
    """The page's "€ 41,5 mln" or "€ 370.000" as a number."""
    getal = tekst.replace("€", "").replace("mln", "").strip()
    return parse_getal(getal) * (MLN if "mln" in tekst else 1)


def webpagina(client, user, tranche: Tranche) -> dict:
    """What the page shows: its deals in order, each landsdeel's subtotal and the total."""
    client.force_login(user)
    response = client.get(reverse("regiodeals:tranche", args=[tranche.nummer]))
    assert response.status_code == 200
    pagina = response.content.decode()
    tabel = pagina[pagina.index("tranchetabel") : pagina.index("</table>")]
    return {
        "deals": [
            html.unescape(t)
            for t in re.findall(r'<a class="utrecht-link" href="[^"]*">([^<]+)</a>', tabel)
        ],
        "subtotalen": {
            naam: bedrag(html.unescape(b))
            for naam, b in re.findall(
                r'scope="row">Totaal (\w+)</th>\s*<td[^>]*><strong>([^<]+)</strong>', tabel
            )
        },
        "totaal": bedrag(
            html.unescape(
                re.search(r'scope="row">Totaal</th>\s*<td[^>]*><strong>([^<]+)<', tabel)[1]
            )
        ),
    }


def rapport(tranche: Tranche, beheerder) -> tuple[str, object]:
    """The 2025 report's PDF text (whitespace made single spaces) and its workbook."""
    pdf, xlsx = maak_bestanden(Rapport(tranche=tranche, jaar=2025), beheerder, status="concept")
    tekst = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    tekst = re.sub(r"(\w)-\n(\w)", r"\1-\2", tekst)  # a name wrapped at its hyphen
    return " ".join(tekst.split()), load_workbook(io.BytesIO(xlsx))


def zonder_spaties(tekst: str) -> str:
    return re.sub(r"\s", "", tekst)


def euros(waarde: Decimal) -> str:
    return format_getal(waarde, 0)


def subtotaalrijen(wb) -> dict:
    kop, *rijen = wb["Deals"].iter_rows(values_only=True)
    kolom = kop.index("Maximale Rijksbijdrage")
    return {
        r[0].removeprefix("Subtotaal "): r[kolom] for r in rijen if r[0].startswith("Subtotaal ")
    }


def test_the_tranche_report_holds_the_web_pages_subtotals_in_its_order(
    client, tranche_6, beheerder
):
    pagina = webpagina(client, beheerder, tranche_6)
    tekst, wb = rapport(tranche_6, beheerder)

    assert list(pagina["subtotalen"]) == ["Noord", "Oost", "Zuid", "Noordwest", "Zuidwest", "BES"]
    for landsdeel, subtotaal in pagina["subtotalen"].items():
        assert f"Subtotaal {landsdeel} {euros(subtotaal)}" in tekst, landsdeel
    assert f"Totaal {euros(pagina['totaal'])}" in tekst
    # the deals in the page's order, whatever lines a long title wraps over
    compact = zonder_spaties(tekst)
    plaatsen = [compact.index(zonder_spaties(titel)) for titel in pagina["deals"]]
    assert len(plaatsen) == 16 and plaatsen == sorted(plaatsen)
    # the workbook: the same subtotals, as numbers
    subtotalen = subtotaalrijen(wb)
    assert list(subtotalen) == list(pagina["subtotalen"])
    for landsdeel, waarde in subtotalen.items():
        assert isinstance(waarde, int | float), landsdeel
        assert Decimal(str(waarde)) == pagina["subtotalen"][landsdeel], landsdeel
    *_, totaal = wb["Deals"].iter_rows(values_only=True)
    assert totaal[0] == "Totaal" and Decimal(str(totaal[4])) == pagina["totaal"]
    deals = [r[0] for r in wb["Deals"].iter_rows(min_row=2, values_only=True)]
    assert [d for d in deals if d in pagina["deals"]] == pagina["deals"]
    assert wb["Deals"].auto_filter.ref.startswith("A1:")


def test_the_tranche_report_states_the_envelope_and_per_deal_rules_with_their_checks(
    tranche_6, beheerder
):
    tekst, wb = rapport(tranche_6, beheerder)

    for regel in (
        "Envelop € 244,3 mln: de deals vragen samen € 244,3 mln, binnen de envelop",
        "Minimaal € 5,0 mln per deal: de kleinste bijdrage is € 8,3 mln, elke deal voldoet",
        "Maximaal € 40,0 mln per deal: de grootste bijdrage is € 25,0 mln, elke deal voldoet",
    ):
        assert regel in tekst, regel
    _, *regels = wb["Regels tranche"].iter_rows(values_only=True)
    assert [(r[0], r[1], r[3], r[4]) for r in regels] == [
        ("Envelop", 244_300_000, 244_300_000, "ja"),
        ("Minimum per deal", 5_000_000, 8_300_000, "ja"),
        ("Maximum per deal", 40_000_000, 25_000_000, "ja"),
    ]


def test_the_tranche_report_names_the_deal_that_breaks_a_rule_when_one_does(tranche_6, beheerder):
    Regiodeal.objects.filter(titel="Regio Deal Bonaire").update(maximale_rijksbijdrage=41 * MLN)
    Regiodeal.objects.filter(titel="Regio Deal Eemsdelta").update(maximale_rijksbijdrage=4 * MLN)

    tekst, wb = rapport(tranche_6, beheerder)

    for regel in (
        "Envelop € 244,3 mln: de deals vragen samen € 267,8 mln, € 23,5 mln boven de envelop",
        "Minimaal € 5,0 mln per deal: de kleinste bijdrage is € 4,0 mln, "
        "1 deal onder het minimum: Regio Deal Eemsdelta",
        "Maximaal € 40,0 mln per deal: de grootste bijdrage is € 41,0 mln, "
        "1 deal boven het maximum: Regio Deal Bonaire",
    ):
        assert regel in tekst, regel
    assert [r[4] for r in wb["Regels tranche"].iter_rows(min_row=2, values_only=True)] == [
        "nee",
        "nee",
        "nee",
    ]


def test_a_deal_without_costs_says_nog_niet_opgegeven_and_costs_add_up_per_landsdeel(
    tranche_6, beheerder
):
    """Noord-Drenthe reported costs on two posts (and some in 2026, after the report year);
    the other fifteen deals nothing. Per post the Rijksbijdrage due is half, capped."""
    drenthe = Regiodeal.objects.get(titel="Regio Deal Noord-Drenthe")
    wonen = Financieringspost.objects.create(
        regiodeal=drenthe,
        naam="Wonen",
        maximale_rijksbijdrage=MLN,
        minimale_regionale_financiering=MLN,
    )
    werken = Financieringspost.objects.create(
        regiodeal=drenthe,
        naam="Werken",
        maximale_rijksbijdrage=MLN,
        minimale_regionale_financiering=MLN,
    )
    for post, jaar, bron, euro in (
        (wonen, 2024, Bron.RIJK, 300_000),
        (wonen, 2025, Bron.REGIONAAL_PUBLIEK, 100_000),
        (werken, 2025, Bron.RIJK, 3_000_000),  # half is 1,5 mln: capped at the post's 1 mln
        (werken, 2026, Bron.RIJK, 999_000),  # after 2025: not in the 2025 report
    ):
        Kosten.objects.create(post=post, jaar=jaar, bron=bron, bedrag=Decimal(euro))

    tekst, wb = rapport(tranche_6, beheerder)

    assert not re.search(r"€\s?0(?![\d,.])", tekst)
    assert tekst.count("nog niet opgegeven") == 15
    assert "Regio Deal Noord-Drenthe geselecteerd 15.000.000 3.400.000 1.200.000" in tekst
    assert "Subtotaal Noord 41.500.000 3.400.000 1.200.000" in tekst
    assert "Totaal 244.300.000 3.400.000 1.200.000" in tekst
    _, *rijen = wb["Deals"].iter_rows(values_only=True)
    per_titel = {r[0]: r[5:] for r in rijen}
    assert per_titel["Regio Deal Noord-Drenthe"] == (3_400_000, 1_200_000)
    assert per_titel["Subtotaal Noord"] == (3_400_000, 1_200_000)
    assert per_titel["Regio Deal Eemsdelta"] == (None, None)  # empty, not 0
    assert per_titel["Subtotaal Oost"] == (None, None)
    assert per_titel["Totaal"] == (3_400_000, 1_200_000)


def test_a_deal_in_opbouw_stays_out_of_the_report_and_of_the_page_for_a_reader(
    client, tranche_6, beheerder, lezer
):
    Regiodeal.objects.filter(titel="Regio Deal Bonaire").update(in_opbouw=True)

    pagina = webpagina(client, lezer, tranche_6)
    tekst, wb = rapport(tranche_6, beheerder)  # whoever asks, made for every reader

    assert "Regio Deal Bonaire" not in pagina["deals"] and "BES" not in pagina["subtotalen"]
    assert "Bonaire" not in tekst and "Subtotaal BES" not in tekst
    assert f"Totaal {euros(pagina['totaal'])}" in tekst
    assert pagina["totaal"] == Decimal("231.3") * MLN
    assert "de deals vragen samen € 231,3 mln" in tekst
    assert list(subtotaalrijen(wb)) == list(pagina["subtotalen"])
    titels = [r[0] for r in wb["Deals"].iter_rows(min_row=2, values_only=True)]
    assert "Regio Deal Bonaire" not in titels
    # the beheerder still sees it on the page
    assert "Regio Deal Bonaire" in webpagina(client, beheerder, tranche_6)["deals"]
