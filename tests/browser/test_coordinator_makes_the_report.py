"""The regiokassier enters a realised cost and takes the year's report to definitief."""

from decimal import Decimal

from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect
from pypdf import PdfReader

from rapportages.models import Rapport
from regiodeals.models import Kosten

DEAL = "Groningen Noord II"  # its short name, in tables and links


def test_groningen_enters_a_cost_and_takes_the_report_from_concept_to_definitief(
    person, page, tmp_path
):
    jaar = timezone.localdate().year - 1  # the report is about the past year
    person.log_in("groningen")
    person.activate(page.get_by_role("link", name=DEAL, exact=True))
    person.activate(page.get_by_role("link", name=f"Alle gegevens van Regio Deal ‘{DEAL}’"))

    person.activate(page.get_by_role("link", name=f"Gerealiseerde kosten {jaar}"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Gerealiseerde kosten {jaar}")
    person.type_into(page.get_by_role("textbox", name="Meedoen – Rijk", exact=True), "400.000,00")
    person.activate(page.get_by_role("button", name="Opslaan"))

    expect(page.get_by_role("status")).to_contain_text(f"De kosten over {jaar} zijn opgeslagen.")
    financien = page.get_by_role("table", name="Planning (convenant) tegenover realisatie")
    meedoen = financien.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Meedoen"))
    expect(meedoen.get_by_role("cell")).to_have_text(
        ["€ 3,5 mln", "€ 3,5 mln", "€ 7,0 mln", "€ 400.000", "€ 200.000", "€ 0"]
    )
    assert list(Kosten.objects.values_list("post__naam", "jaar", "bron", "bedrag")) == [
        ("Meedoen", jaar, "rijk", Decimal("400000.00"))
    ]

    person.activate(page.get_by_role("link", name="Dashboard: plan tegenover realisatie"))
    rapportage = page.get_by_role("paragraph").filter(
        has_text="Voortgangsrapportage (PDF en Excel)"
    )
    person.activate(rapportage.get_by_role("link", name=str(jaar)))
    expect(page.get_by_text(f"Er is nog geen rapportage over {jaar}.")).to_be_visible()
    person.activate(page.get_by_role("button", name="Concept maken"))

    expect(page.get_by_role("status").first).to_contain_text("Het concept wordt gemaakt.")
    expect(status(page)).to_have_text("Concept")
    pdf = person.download(page.get_by_role("link", name="PDF", exact=True), tmp_path)
    xlsx = person.download(page.get_by_role("link", name="Excel", exact=True), tmp_path)

    assert pdf.name == f"voortgangsrapportage-regio-deal-groningen-noord-ii-{jaar}-v1.pdf"
    tekst = " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert f"Voortgangsrapportage {jaar}" in tekst and "(× € 1 mln)" in tekst
    assert "0,40" in tekst  # the finance table in millions: € 400.000
    blad = load_workbook(xlsx)["Financiën"]
    rijen = {rij[0]: rij for rij in blad.iter_rows(min_row=2, values_only=True)}
    assert rijen["Meedoen"][4] == 400000  # Gerealiseerde kosten

    person.activate(page.get_by_role("button", name="Voorleggen aan de partijen"))
    expect(page.get_by_role("status").first).to_contain_text(
        "De rapportage is voorgelegd aan de partijen."
    )
    expect(status(page)).to_have_text("Voorgelegd aan de partijen")

    person.activate(page.get_by_role("button", name="Definitief maken"))
    expect(page.get_by_role("status").first).to_contain_text("De rapportage is definitief.")
    expect(status(page)).to_have_text("Definitief")
    expect(page.get_by_role("button", name="Definitief maken")).to_have_count(0)

    rapport = Rapport.objects.get(dossier__slug="regio-deal-groningen-noord-ii", jaar=jaar)
    assert rapport.status == Rapport.Status.DEFINITIEF
    assert list(rapport.versies.order_by("nummer").values_list("nummer", "status")) == [
        (1, "concept"),
        (2, "voorgelegd"),
        (3, "definitief"),
    ]


def status(page):
    """The report's status as the page states it, under 'Status'."""
    return page.locator("dl.kenmerken dt:text-is('Status') + dd")
