"""The report workbook read back: every chapter of the PDF a sheet, every sheet a table with a
frozen bold header and an autofilter, numbers as numbers, totals that add up, and a line
saying why on a sheet without rows."""

import datetime
import io
import itertools
import re
from decimal import Decimal

import pytest
from django.db import transaction
from django.db.models import Sum
from django.test import override_settings
from openpyxl import load_workbook

from core.models import Dossier, User, Waarde
from core.rules import openbare_lezer
from rapportages.excel import BLADEN
from rapportages.inhoud import bouw_inhoud
from rapportages.models import Rapport
from rapportages.services import maak_bestanden
from regiodeals.models import Regiodeal, Tranche

pytestmark = pytest.mark.django_db  # so the test database is set up for `werkboeken` too

# A column whose header holds one of these words holds numbers (or nothing).
GETALWOORDEN = (
    "Niveau",
    "Plan",
    "Realisatie",
    "Som van de delen",
    "Streefwaarde",
    "Minimum",
    "Maximum",
    "Referentiewaarde",
    "Nulmeting",
    "Gerealiseerd",
    "Verwacht",
    "Vorige periode",
    "Rijksbijdrage",
    "financiering",
    "Totaal gepland",
    "kosten",
    "Aantal",
    "Gemeten",
    "Startjaar",
    "Eindjaar",
    "Jaar",
    "Waarde",
)
DATUMKOPPEN = (
    "Uiterlijk",
    "Bereikt op",
    "Datum",
    "Start",
    "Eind",
    "Venster vanaf",
    "Venster tot",
    "Ontvangen op",
)


def werkboek(rapport: Rapport):
    _, xlsx = maak_bestanden(rapport, User.objects.get(username="groningen"), status="concept")
    return load_workbook(io.BytesIO(xlsx))


def dossierrapport(slug: str, jaar: int) -> Rapport:
    return Rapport(dossier=Dossier.objects.get(slug=slug), jaar=jaar)


def trancherapport() -> Rapport:
    return Rapport(tranche=Tranche.objects.get(nummer=6), jaar=2025)


RAPPORTEN = {
    "maastricht 2015": lambda: dossierrapport("maastricht-2015", 2015),
    "groningen noord ii 2025": lambda: dossierrapport("regio-deal-groningen-noord-ii", 2025),
    "sociaal vitaal 2025": lambda: dossierrapport("sociaal-vitaal-in-kleine-kernen", 2025),
    "sociaal vitaal 2018": lambda: dossierrapport("sociaal-vitaal-in-kleine-kernen", 2018),
    "bestuursakkoord po 2018": lambda: dossierrapport("bestuursakkoord-po-2014-2020", 2018),
    "tranche 6": trancherapport,
}


@pytest.fixture(scope="module")
def werkboeken(django_db_setup, django_db_blocker, tmp_path_factory):
    """The workbook of every seed report and the titles of its PDF's chapters, made once for
    the module from the seed documents (rolled back afterwards)."""
    from django.core.management import call_command

    from core.services import create_demo_accounts

    media = tmp_path_factory.mktemp("media")
    gemaakt = {}
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        call_command("laad_brondata", verbosity=0)
        with override_settings(DEBUG=True):
            create_demo_accounts()
        for naam, maak in RAPPORTEN.items():
            rapport = maak()
            hoofdstukken = bouw_inhoud(rapport, openbare_lezer()).hoofdstukken
            gemaakt[naam] = (werkboek(rapport), [(h.anker, h.titel) for h in hoofdstukken])
        transaction.set_rollback(True)
    return gemaakt


def is_uitleg(rijen: list[tuple]) -> bool:
    """A sheet without rows: one line, a Dutch sentence in its first cell and nothing else."""
    return (
        len(rijen) == 1
        and isinstance(rijen[0][0], str)
        and rijen[0][0].endswith(".")
        and all(v is None for v in rijen[0][1:])
    )


@pytest.mark.parametrize("naam", RAPPORTEN)
def test_every_chapter_is_a_table_sheet_with_typed_numbers(werkboeken, naam):
    wb, hoofdstukken = werkboeken[naam]

    assert hoofdstukken and {BLADEN[anker] for anker, _ in hoofdstukken} <= set(wb.sheetnames)
    samenvatting = list(wb["Samenvatting"].iter_rows(min_row=2, values_only=True))
    assert [(r[1], r[2]) for r in samenvatting if str(r[0]).startswith("Hoofdstuk")] == [
        (titel, BLADEN[anker]) for anker, titel in hoofdstukken
    ]
    for ws in wb.worksheets:
        kop, *rijen = ws.iter_rows(values_only=True)
        assert all(c.font.b for c in next(ws.iter_rows(max_row=1)) if c.value), ws.title
        assert ws.freeze_panes == ("B2" if ws.title == "Gegevens" else "A2"), ws.title
        assert ws.auto_filter.ref.startswith("A1:"), ws.title
        # `Gegevens` is the import format: it stays a header and rows, without a sentence
        assert rijen or ws.title == "Gegevens", f"{ws.title}: only a header"
        if ws.title == "Samenvatting" or is_uitleg(rijen):
            continue
        assert not any(isinstance(v, str) and v.startswith(" ") for r in rijen for v in r)
        for i, titel in enumerate(kop):
            waarden = [r[i] for r in rijen if r[i] is not None]
            if any(woord in titel for woord in GETALWOORDEN):
                verkeerd = [v for v in waarden if not isinstance(v, int | float)]
                assert not verkeerd, f"{ws.title}, {titel}: {verkeerd[:3]}"
            if titel in DATUMKOPPEN:
                verkeerd = [v for v in waarden if not isinstance(v, datetime.datetime)]
                assert not verkeerd, f"{ws.title}, {titel}: {verkeerd[:3]}"


# A number as a Dutch or plain text: 12, -3, 1.234, 1.234,5, 0,75, € 250.000, € 3,75 mln,
# 42,5 %, 3.5
GETALTEKST = re.compile(
    r"^[-+]?(€\s*)?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?(\s*(mln|miljoen|mld|miljard))?\s*%?$"
    r"|^[-+]?\d+\.\d+$"
)


@pytest.mark.parametrize("naam", RAPPORTEN)
def test_no_column_of_numbers_holds_a_number_as_text_in_any_sheet(werkboeken, naam):
    """Every cell of every sheet: a text that reads as a number, in a column whose other
    cells are numbers, is a number a filter or a sum would miss."""
    wb, _ = werkboeken[naam]

    for ws in wb.worksheets:
        kop, *rijen = ws.iter_rows(values_only=True)
        for i, titel in enumerate(kop):
            waarden = [r[i] for r in rijen if i < len(r) and r[i] is not None]
            getallen = [v for v in waarden if type(v) in (int, float)]
            als_tekst = [v for v in waarden if isinstance(v, str) and GETALTEKST.match(v.strip())]
            assert not (getallen and als_tekst), f"{ws.title}, {titel}: {als_tekst[:3]}"


@pytest.mark.parametrize("naam", RAPPORTEN)
def test_total_rows_are_labelled_totaal_and_add_up_the_rows_above(werkboeken, naam):
    wb, _ = werkboeken[naam]

    for ws in wb.worksheets:
        kop, *rijen = ws.iter_rows(values_only=True)
        totalen = [i for i, r in enumerate(rijen) if r[0] == "Totaal"]
        if ws.title in ("Op schema", "Financiën", "Deals") and not is_uitleg(rijen):
            assert totalen == [len(rijen) - 1], f"{ws.title}: no total row at the end"
            assert ws.cell(len(rijen) + 1, 1).font.b, ws.title
        for t in totalen:
            boven = [r for r in rijen[:t] if not str(r[0]).lower().startswith(("totaal", "sub"))]
            for i in range(1, len(kop)):
                if isinstance(rijen[t][i], int | float):
                    som = sum(r[i] or 0 for r in boven)
                    assert rijen[t][i] == pytest.approx(som), f"{ws.title}, {kop[i]}"


@pytest.mark.parametrize("naam", ["groningen noord ii 2025", "maastricht 2015"])
def test_the_hierarchy_is_a_level_column_without_indentation(werkboeken, naam):
    wb, _ = werkboeken[naam]

    for titel in ("Cijfers", "Resultaten"):
        if titel not in wb.sheetnames:
            continue
        kop, *rijen = wb[titel].iter_rows(values_only=True)
        assert kop[0] == "Niveau"
        if is_uitleg(rijen):
            continue
        niveaus = [r[0] for r in rijen]
        assert all(isinstance(n, int) and n >= 1 for n in niveaus), titel
        assert niveaus[0] == 1 and max(niveaus) > 1, titel
        # one level deeper at most from one row to the next: a child follows its parent
        assert all(b <= a + 1 for a, b in itertools.pairwise(niveaus)), titel
        assert not any(isinstance(v, str) and v[:1].isspace() for r in rijen for v in r)
    if "Resultaten" in wb.sheetnames:  # the number in its own column, not before the title
        _, *rijen = wb["Resultaten"].iter_rows(values_only=True)
        assert not [r for r in rijen if r[1] and r[2].startswith(f"{r[1]} ")]


ENGELSE_KOPPEN = {"Deadline", "Target", "Status update", "Milestone", "Findings"}


@pytest.mark.parametrize("naam", RAPPORTEN)
def test_the_sheets_speak_dutch_in_every_header(werkboeken, naam):
    wb, _ = werkboeken[naam]

    koppen = {v for blad in wb for v in next(blad.iter_rows(max_row=1, values_only=True))}
    assert not koppen & ENGELSE_KOPPEN


def test_a_norm_is_gehaald_only_on_a_realisation_in_the_workbook_as_in_the_pdf(werkboeken):
    """Maastricht 2015 has only a plan: each norm says the plan meets it, not "ja"."""
    wb, _ = werkboeken["maastricht 2015"]
    kop, *rijen = wb["Normen"].iter_rows(values_only=True)

    assert kop[-1] == "Uitkomst"
    assert [r[-1] for r in rijen if r[2] == "plan"] == [
        "plan haalt de norm; nog geen realisatie"
    ] * 2
    assert not [r for r in rijen if r[-1] in ("ja", "nee")]


def test_the_tranche_sheet_totals_its_deals(brondata):
    wb = werkboek(trancherapport())

    kop, *rijen = wb["Deals"].iter_rows(values_only=True)
    *rijen, totaal = rijen
    deals = [r for r in rijen if not r[0].startswith("Subtotaal ")]
    assert totaal[0] == "Totaal" and "Totaal" not in [r[0] for r in rijen]
    assert len(deals) == Regiodeal.objects.filter(tranche__nummer=6).count()
    for i, titel in enumerate(kop[4:], start=4):
        assert (totaal[i] or 0) == pytest.approx(sum(r[i] or 0 for r in deals)), titel
    maximum = Regiodeal.objects.filter(tranche__nummer=6).aggregate(s=Sum("maximale_rijksbijdrage"))
    assert Decimal(str(totaal[kop.index("Maximale Rijksbijdrage")])) == maximum["s"]
    assert wb["Deals"].auto_filter.ref == f"A1:G{len(rijen) + 1}"  # the total stays visible


def test_a_target_range_and_a_milestone_are_typed_columns(brondata):
    """Groningen's 2b2 (15 per jaar), a range (minimaal 1 en maximaal 3) and a milestone."""
    ws = werkboek(dossierrapport("regio-deal-groningen-noord-ii", 2025))["Streefdoelen"]
    kop, *rijen = ws.iter_rows(values_only=True)
    rijen = [dict(zip(kop, r, strict=True)) for r in rijen]
    bereik = next(r for r in rijen if r["Minimum"] is not None and r["Maximum"] is not None)
    assert (bereik["Minimum"], bereik["Maximum"]) == (1, 3)
    assert any(isinstance(r["Uiterlijk"], datetime.datetime) for r in rijen)
    assert any(r["Streefwaarde"] == 15 for r in rijen)
    assert all(isinstance(r["Status"], str) for r in rijen)


def test_a_year_without_figures_says_so_on_its_sheets(brondata):
    Waarde.objects.filter(indicator__dossier__slug="maastricht-2015").delete()

    wb = werkboek(dossierrapport("maastricht-2015", 2015))

    rijen = list(wb["Cijfers"].iter_rows(min_row=2, values_only=True))
    assert is_uitleg(rijen) and rijen[0][0] == "Nog geen cijfers over 2015."
    assert wb["Normen"]["A2"].value == "Geen normen van toepassing op 2015."
    assert wb["Cijfers"].auto_filter.ref == "A1:I2"
