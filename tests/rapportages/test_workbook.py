"""The report workbook read back: every chapter of the PDF a sheet, every sheet a table with a
frozen bold header and an autofilter, numbers as numbers, totals that add up, and a line
saying why on a sheet without rows."""

import datetime
import io
from decimal import Decimal

import pytest
from django.db.models import Sum
from openpyxl import load_workbook

from core.models import Dossier, User, Waarde
from core.rules import openbare_lezer
from rapportages.excel import BLADEN
from rapportages.inhoud import bouw_inhoud
from rapportages.models import Rapport
from rapportages.services import maak_bestanden
from regiodeals.models import Regiodeal, Tranche

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
    "sociaal vitaal": lambda: dossierrapport("sociaal-vitaal-in-kleine-kernen", 2018),
    "tranche 6": trancherapport,
}


def is_uitleg(rijen: list[tuple]) -> bool:
    """A sheet without rows: one line, a Dutch sentence in its first cell and nothing else."""
    return (
        len(rijen) == 1
        and isinstance(rijen[0][0], str)
        and rijen[0][0].endswith(".")
        and all(v is None for v in rijen[0][1:])
    )


@pytest.mark.parametrize("naam", RAPPORTEN)
def test_every_chapter_is_a_table_sheet_with_typed_numbers(brondata, naam):
    rapport = RAPPORTEN[naam]()
    wb = werkboek(rapport)

    hoofdstukken = bouw_inhoud(rapport, openbare_lezer()).hoofdstukken
    assert hoofdstukken and {BLADEN[h.anker] for h in hoofdstukken} <= set(wb.sheetnames)
    samenvatting = list(wb["Samenvatting"].iter_rows(min_row=2, values_only=True))
    assert [(r[1], r[2]) for r in samenvatting if str(r[0]).startswith("Hoofdstuk")] == [
        (h.titel, BLADEN[h.anker]) for h in hoofdstukken
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
