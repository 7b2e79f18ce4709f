"""What the PDF and the workbook of a voortgangsrapportage contain, read back from the files."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from openpyxl import load_workbook
from pypdf import PdfReader

from core.models import User, Waarde
from rapportages.models import Rapport
from rapportages.pdf import STATIC_BASE, StaticFetcher, render_pdf
from rapportages.services import maak_bestanden
from regiodeals.models import Bron, Financieringspost, Kosten


def pdf_tekst(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def bestanden(slug: str, jaar: int, username: str = "groningen"):
    from core.models import Dossier

    rapport = Rapport(dossier=Dossier.objects.get(slug=slug), jaar=jaar)
    return maak_bestanden(rapport, User.objects.get(username=username), status="concept")


@pytest.fixture
def gerealiseerd(brondata):
    post = Financieringspost.objects.get(
        regiodeal__slug="regio-deal-groningen-noord-ii", naam="Meedoen"
    )
    Kosten.objects.create(post=post, jaar=2025, bron=Bron.RIJK, bedrag=Decimal("800000"))
    Kosten.objects.create(
        post=post, jaar=2025, bron=Bron.REGIONAAL_PUBLIEK, bedrag=Decimal("300000")
    )


def test_groningen_report_pdf_holds_its_finance_table_projects_and_findings(gerealiseerd):
    pdf, _ = bestanden("regio-deal-groningen-noord-ii", 2025)

    tekst = pdf_tekst(pdf)
    for verwacht in [
        "Voortgangsrapportage 2025",
        "(× € 1 mln)",  # the finance table's unit, in its header
        "2,50",
        "3,75",
        "10,00",
        "20,00",
        "0,55",  # Rijksbijdrage due: half of 1,1 mln realised costs
        "Kansrijk Groningen",
        "Stratenaanpak",
        "Realisatie: Meedoen: de gerealiseerde regionale financiering van € 300.000",  # < 550.000
        "pagina 2 van",
        "Inhoud",
    ]:
        assert verwacht in tekst, verwacht
    assert "CONCEPT" in tekst


def test_the_pdf_is_tagged_dutch_and_a4(gerealiseerd):
    pdf, _ = bestanden("regio-deal-groningen-noord-ii", 2025)

    lezer = PdfReader(io.BytesIO(pdf))
    root = lezer.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    breedte, hoogte = (float(x) for x in lezer.pages[0].mediabox[2:])
    assert (round(breedte / 72 * 25.4), round(hoogte / 72 * 25.4)) == (210, 297)


def test_maastricht_report_shows_the_verhuur_mismatches(brondata):
    pdf, _ = bestanden("maastricht-2015", 2014, "maastricht")

    tekst = " ".join(pdf_tekst(pdf).split())
    assert (
        "de delen van ‘Verhuur totaal’ tellen op tot 1.032, het opgegeven totaal is 1.039" in tekst
    )
    assert (
        "de uitsplitsing van ‘Maatwerk’ geeft als totaal 121, de post ‘Maatwerk’ zelf is 102"
        in tekst
    )
    assert (
        "de delen van ‘Verhuur totaal’ tellen op tot 1.050, het opgegeven totaal is 1.069" in tekst
    )


def test_the_workbook_holds_numbers_and_every_figure_and_no_formula(brondata):
    waarde = Waarde.objects.get(
        indicator__code="sloop", organisatie__slug="woonpunt", jaar=2015, soort="plan"
    )
    waarde.toelichting = '=HYPERLINK("http://x")'
    waarde.save()
    _, xlsx = bestanden("maastricht-2015", 2015, "maastricht")

    wb = load_workbook(io.BytesIO(xlsx))
    assert wb.sheetnames[0] == "Samenvatting" and "Gegevens" in wb.sheetnames
    gegevens = wb["Gegevens"]
    rijen = list(gegevens.iter_rows(min_row=2, values_only=True))
    assert len(rijen) == Waarde.objects.filter(indicator__dossier__slug="maastricht-2015").count()
    assert gegevens.freeze_panes == "B2"
    sloop = next(r for r in rijen if r[0] == "maastricht-2015/sloop/woonpunt/-/2015/plan")
    assert sloop[8] == 82 and isinstance(sloop[8], int | float)
    assert sloop[10] == '=HYPERLINK("http://x")'
    cel = next(c for c in gegevens.iter_rows(min_row=2) if c[0].value == sloop[0])[10]
    assert cel.data_type == "s"
    cijfers = wb["Cijfers"]
    kop, *rijen = cijfers.iter_rows(values_only=True)
    plan = kop.index("Plan")  # after the level column "Niveau" (was leading spaces)
    getallen = [r[plan] for r in rijen if r[plan] is not None]
    assert getallen and all(isinstance(g, int | float) for g in getallen)
    assert cijfers.freeze_panes == "A2"


def test_the_pdf_fetches_nothing_but_the_projects_own_static_files(brondata):
    waarde = Waarde.objects.get(
        indicator__code="sloop", organisatie__slug="woonpunt", jaar=2015, soort="plan"
    )
    waarde.toelichting = (
        '<img src="file:///etc/passwd"> <link rel="attachment" href="file:///etc/hostname">'
    )
    waarde.save()
    from core.models import Dossier
    from rapportages.inhoud import bouw_inhoud

    rapport = Rapport(dossier=Dossier.objects.get(slug="maastricht-2015"), jaar=2015)
    inhoud = bouw_inhoud(rapport, User.objects.get(username="maastricht"))
    fetcher = StaticFetcher()

    pdf = render_pdf("rapportages/pdf/rapport.html", inhoud.as_context(), fetcher)

    assert fetcher.gevraagd, "the stylesheet and fonts come through the fetcher"
    assert all(url.startswith(STATIC_BASE) for url in fetcher.gevraagd)
    assert fetcher.geweigerd == []
    tekst = " ".join(pdf_tekst(pdf).split())
    assert "root:x:0:0" not in tekst  # the password file was never read
    with open("/etc/hostname") as bestand:
        assert bestand.read().strip() not in tekst
    # The toelichting is printed as the text it is, escaped, not followed as markup.
    assert '<img src="file:///etc/passwd">' in tekst.replace("/ ", "/")


def test_the_fetcher_refuses_files_and_other_hosts():
    fetcher = StaticFetcher()
    for url in [
        "file:///etc/passwd",
        "http://example.org/x.png",
        "https://example.org/x.png",
        f"{STATIC_BASE}../../etc/passwd",
    ]:
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert fetcher.fetch(f"{STATIC_BASE}css/rapport.css").status == 200


def test_export_report_command_writes_pdf_xlsx_and_the_tranche(brondata, tmp_path):
    pdf, xlsx, tranche = tmp_path / "r.pdf", tmp_path / "r.xlsx", tmp_path / "t.pdf"

    call_command(
        "export_report",
        "regio-deal-groningen-noord-ii",
        "--year",
        "2025",
        "--format",
        "pdf",
        "--output",
        str(pdf),
    )
    call_command(
        "export_report",
        "maastricht-2015",
        "--year",
        "2015",
        "--format",
        "xlsx",
        "--output",
        str(xlsx),
    )
    call_command(
        "export_report",
        "--tranche",
        "6",
        "--year",
        "2025",
        "--format",
        "pdf",
        "--output",
        str(tranche),
    )

    assert pdf.read_bytes().startswith(b"%PDF")
    assert "Gegevens" in load_workbook(xlsx).sheetnames
    tekst = pdf_tekst(tranche.read_bytes())
    assert "Regio Deal Bonaire" in tekst and "€ 244,3 mln" in tekst
