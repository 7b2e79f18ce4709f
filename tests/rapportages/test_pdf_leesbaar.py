"""The report PDF read back as a reader meets it: the size of every piece of text, how far down
each page the text goes, the header rows of tables that run over pages, and one amount format
per money column. Sizes and places come from the PDF's own matrices (text matrix × the
transformation of the page and of the forms drawn on it), read with pypdf."""

import io
import math
import re
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import transaction
from pypdf import PdfReader

from core.dutch_numbers import bedragkolom
from core.models import Dossier, User
from rapportages.models import Rapport
from rapportages.services import maak_bestanden
from regiodeals.models import Bron, Financieringspost, Kosten, Tranche

A4_HOOGTE = 842  # pt
# The page's text area (rapport.css: @page margin 22 mm top, 20 mm bottom): what lies outside
# it is the running header and footer.
TEKST_BOVEN = A4_HOOGTE - 22 / 25.4 * 72
TEKST_ONDER = 20 / 25.4 * 72
KLEINSTE_LETTER = 9  # pt
WATERMERK = 50  # pt: the CONCEPT mark, larger than any text

# Marked so that the test database exists for the module's fixture (pytest-django sets it up
# only for the tests that ask for it).
pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Stuk:
    tekst: str
    grootte: float  # pt, as printed
    y: float  # pt from the foot of the page
    in_figuur: bool  # drawn inside a chart (tagged /Figure)


def _maal(a, b):
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def stukken(pagina) -> list[Stuk]:
    """Every piece of text on a page with its printed size. pypdf reads a form (a chart's
    label, drawn with `Do`) as if it stood at the page's origin, so the transformation in force
    at each `Do` is kept on a stack and applied to what the form draws."""
    buiten = [[1.0, 0.0, 0.0, 1.0, 0.0, 0.0]]
    merken: list[str] = []
    uit: list[Stuk] = []

    def voor(operator, operanden, cm, tm):
        if operator == b"Do":
            buiten.append(_maal(cm, buiten[-1]))
        elif operator in (b"BDC", b"BMC"):
            merken.append(str(operanden[0]))
        elif operator == b"EMC" and merken:
            merken.pop()

    def na(operator, operanden, cm, tm):
        if operator == b"Do":
            buiten.pop()

    def tekst(t, cm, tm, font, grootte):
        if t.strip():
            m = _maal(_maal(tm, cm), buiten[-1])
            echt = grootte * math.hypot(m[2], m[3])
            uit.append(Stuk(t.strip(), round(echt, 2), m[5], "/Figure" in merken))

    pagina.extract_text(visitor_text=tekst, visitor_operand_before=voor, visitor_operand_after=na)
    return uit


def inhoud(pagina: list[Stuk]) -> list[Stuk]:
    """The page's own text: no running header or footer, no CONCEPT mark."""
    return [s for s in pagina if TEKST_ONDER < s.y < TEKST_BOVEN and s.grootte < WATERMERK]


@pytest.fixture(scope="module")
def rapporten(django_db_setup, django_db_blocker):
    """The pages of three real reports, made once for the module in a transaction that is
    rolled back: Groningen Noord II 2025 (with costs, so the finance table holds amounts of
    every size), Maastricht 2015 and tranche 6."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("laad_brondata", verbosity=0)
        post = Financieringspost.objects.get(
            regiodeal__slug="regio-deal-groningen-noord-ii", naam="Meedoen"
        )
        Kosten.objects.create(post=post, jaar=2025, bron=Bron.RIJK, bedrag=Decimal("800000"))
        Kosten.objects.create(
            post=post, jaar=2025, bron=Bron.REGIONAAL_PUBLIEK, bedrag=Decimal("300000")
        )
        maker = User.objects.create(username="coordinator-pdf")
        rapporten = {
            "groningen": Rapport(
                dossier=Dossier.objects.get(slug="regio-deal-groningen-noord-ii"), jaar=2025
            ),
            "maastricht": Rapport(dossier=Dossier.objects.get(slug="maastricht-2015"), jaar=2015),
            "tranche 6": Rapport(tranche=Tranche.objects.get(nummer=6), jaar=2025),
        }
        pdfs = {
            naam: maak_bestanden(rapport, maker, status="concept")[0]
            for naam, rapport in rapporten.items()
        }
        transaction.set_rollback(True)
    return {
        naam: [stukken(p) for p in PdfReader(io.BytesIO(pdf)).pages] for naam, pdf in pdfs.items()
    }


@pytest.mark.parametrize("rapport", ["groningen", "maastricht", "tranche 6"])
def test_no_text_under_9_pt_in_the_body_tables_charts_header_or_footer(rapporten, rapport):
    te_klein = [
        (nummer, s.grootte, s.tekst)
        for nummer, pagina in enumerate(rapporten[rapport], start=1)
        for s in pagina
        if s.grootte < KLEINSTE_LETTER
    ]

    assert not te_klein, te_klein[:10]


@pytest.mark.parametrize("rapport", ["groningen", "maastricht", "tranche 6"])
def test_no_page_after_the_cover_is_mostly_empty_but_the_last(rapporten, rapport):
    pagina_s = rapporten[rapport]
    hoogte = TEKST_BOVEN - TEKST_ONDER
    gebruikt = {
        nummer: round((TEKST_BOVEN - min(s.y for s in inhoud(pagina))) / hoogte, 2)
        if inhoud(pagina)
        else 0
        for nummer, pagina in enumerate(pagina_s, start=1)
    }

    leeg = {n: deel for n, deel in gebruikt.items() if 1 < n < len(pagina_s) and deel < 0.15}
    assert not leeg, f"pagina: deel van de hoogte gebruikt {leeg}"


def _pagina_met(pagina_s, kop: str) -> int:
    """The page (from 0) where a chapter's heading stands; the cover lists it too."""
    return next(
        n
        for n, pagina in enumerate(pagina_s)
        if n > 0 and any(s.tekst == kop and s.grootte > 12 for s in pagina)
    )


def test_a_table_running_over_pages_repeats_its_header_row_on_each(rapporten):
    """Maastricht's figures of 2015 take more than a page: the next page opens with the header."""
    pagina_s = rapporten["maastricht"]
    begin = _pagina_met(pagina_s, "1. Planning en realisatie 2015")
    vervolg = [s.tekst for s in inhoud(pagina_s[begin + 1])]
    assert "Verhuur totaal" in vervolg, "de tabel loopt door op de volgende pagina"

    for n in (begin, begin + 1):
        teksten = [s.tekst for s in inhoud(pagina_s[n])]
        assert {"Onderwerp", "Organisatie", "Plan", "Realisatie", "Status"} <= set(teksten), n + 1


GETAL = r"-?\d{1,3}(\.\d{3})*"
VORMEN = {"× € 1 mln": rf"{GETAL},\d\d|< 0,01", "€": GETAL}


def test_each_money_column_of_the_finance_table_has_one_format_named_in_its_header(
    rapporten,
):
    pagina_s = rapporten["groningen"]
    n = _pagina_met(pagina_s, "3. Financiën")
    teksten = [s.tekst for s in inhoud(pagina_s[n]) + inhoud(pagina_s[n + 1])]
    kop_begin, rijen = teksten.index("Uitvoeringsactiviteiten"), teksten.index("Werken en leren")
    kop = " ".join(teksten[kop_begin:rijen])
    bedragen = teksten[rijen : teksten.index("Totaal", rijen) + 7]
    bedragen = [t for t in bedragen if re.search(r"\d", t)]

    assert kop.count("(× € 1 mln)") == 6, kop  # the largest, the total plan, is € 20 mln
    assert len(bedragen) == 6 * 5, bedragen  # four posts and the total row
    assert all(re.fullmatch(VORMEN["× € 1 mln"], b) for b in bedragen), bedragen
    assert {"2,50", "3,75", "20,00", "1,10", "0,55", "0,30"} <= set(bedragen)


@pytest.mark.parametrize(
    ("bedragen", "kop", "getoond"),
    [
        (
            [Decimal(20_000_000), Decimal(250_000), Decimal(4_000), None],
            "× € 1 mln",
            ["20,00", "0,25", "< 0,01", ""],
        ),
        ([Decimal(250_000), Decimal("1234.56"), 0], "€", ["250.000", "1.235", "0"]),
    ],
)
def test_a_table_of_amounts_takes_one_unit_from_its_largest_amount(bedragen, kop, getoond):
    """The helper the report's tables use, for a table elsewhere: in a template
    `{% bedragkolom totaal deals_kosten as geld %}`, a header `Bedrag ({{ geld.kop }})` and
    cells `{{ bedrag|bedrag:geld }}` (see core.templatetags.dutch_numbers)."""
    geld = bedragkolom(bedragen)

    assert geld.kop == kop
    assert [geld.getal(b) for b in bedragen] == getoond
