"""The flat format (core/gegevens.py): its key, its rows, and how its cells are written."""

import inspect
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook, load_workbook

from core.gegevens import COLUMNS, Sleutel, iter_gegevens, parse_sleutel, write_gegevens
from core.models import Waarde


def test_a_key_names_one_figure_and_reads_back():
    sleutel = Sleutel("maastricht-2015", "verbeteringen", "woonpunt", None, 2015, "plan")

    assert str(sleutel) == "maastricht-2015/verbeteringen/woonpunt/-/2015/plan"
    assert parse_sleutel(str(sleutel)) == sleutel
    per_locatie = parse_sleutel(" sociaal-vitaal/nieuwe-sporters/-/301/2017/realisatie ")
    assert (per_locatie.organisatie, per_locatie.locatie) == (None, 301)


@pytest.mark.parametrize(
    ("tekst", "fragment"),
    [
        ("", "geen geldige sleutel"),
        ("maastricht-2015/verbeteringen/2015/plan", "zes delen"),
        ("maastricht-2015/verbeteringen/woonpunt/-/2015/begroting", "niet plan, realisatie of bod"),
        ("maastricht-2015/verbeteringen/woonpunt/-/15/plan", "geen jaartal"),
        ("maastricht-2015/verbeteringen/woonpunt/3/2015/plan", "niet bij beide"),
        ("maastricht-2015/verbeteringen/-/kern/2015/plan", "geen nummer"),
        ("maastricht 2015/verbeteringen/-/-/2015/plan", "geen geldige naam"),
    ],
)
def test_anything_else_is_refused_in_dutch(tekst, fragment):
    with pytest.raises(ValidationError) as error:
        parse_sleutel(tekst)

    assert fragment in " ".join(error.value.messages)


def test_rows_follow_the_columns_and_stream(wereld):
    wereld.waarde_a.toelichting = "Project X"
    wereld.waarde_a.save()

    rijen = iter_gegevens(Waarde.objects.for_dossier(wereld.dossier))

    assert inspect.isgenerator(rijen)
    rijen = list(rijen)
    assert COLUMNS == (
        "Sleutel",
        "Dossier",
        "Onderdeel",
        "Item",
        "Organisatie",
        "Locatie",
        "Jaar",
        "Soort",
        "Waarde",
        "Eenheid",
        "Toelichting",
    )
    assert rijen == [
        ("testafspraken/nieuwbouw/-/-/2015/plan", "Testafspraken", "", "Nieuwbouw", "", "", 2015,
         "plan", Decimal("66.00"), "aantal", ""),
        ("testafspraken/nieuwbouw/corporatie-a/-/2015/realisatie", "Testafspraken", "",
         "Nieuwbouw", "Corporatie A", "", 2015, "realisatie", Decimal("60.00"), "aantal",
         "Project X"),
        ("testafspraken/nieuwbouw/corporatie-b/-/2015/realisatie", "Testafspraken", "",
         "Nieuwbouw", "Corporatie B", "", 2015, "realisatie", Decimal("6.00"), "aantal", ""),
    ]  # fmt: skip


def test_the_sheet_has_numbers_as_numbers_and_text_never_as_a_formula(wereld):
    wereld.waarde_a.toelichting = '=HYPERLINK("http://kwaad.example","klik")'
    wereld.waarde_a.save()
    wereld.waarde_b.toelichting = "#N/A"
    wereld.waarde_b.save()
    workbook = Workbook(write_only=True)

    write_gegevens(workbook, Waarde.objects.for_dossier(wereld.dossier))
    uitvoer = io.BytesIO()
    workbook.save(uitvoer)

    ws = load_workbook(io.BytesIO(uitvoer.getvalue()))["Gegevens"]
    assert [cel.value for cel in ws[1]] == list(COLUMNS)
    waarde = ws["I3"]
    assert (waarde.value, waarde.data_type, waarde.number_format) == (60, "n", "#,##0")
    toelichting = ws["K3"]
    assert toelichting.value == '=HYPERLINK("http://kwaad.example","klik")'
    assert toelichting.data_type == "s"
    assert toelichting.quotePrefix
    assert (ws["K4"].value, ws["K4"].data_type) == ("#N/A", "s")
