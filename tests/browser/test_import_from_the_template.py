"""Gemeente Maastricht changes one figure through the Excel template: download, upload, confirm."""

import re
from decimal import Decimal

from openpyxl import load_workbook
from playwright.sync_api import expect

from core.models import Indicator, Waarde


def verhuur_totaal_2015():
    return Waarde.objects.get(
        indicator__dossier__slug="maastricht-2015",
        indicator__naam="Verhuur totaal",
        jaar=2015,
        soort="realisatie",
    ).waarde


def test_maastricht_changes_one_figure_through_the_excel_template(person, page, tmp_path):
    Waarde.objects.create(  # entered earlier, as a concept
        indicator=Indicator.objects.get(dossier__slug="maastricht-2015", naam="Verhuur totaal"),
        jaar=2015,
        soort="realisatie",
        waarde=Decimal(1000),
    )
    person.log_in("maastricht")
    person.activate(
        page.get_by_role("link", name="Realisatie 2015 van Gemeente Maastricht nog niet ingediend")
    )
    expect(page.get_by_role("textbox", name="Verhuur totaal", exact=True)).to_have_value("1.000")

    sjabloon = person.download(page.get_by_role("link", name="Sjabloon downloaden"), tmp_path)

    assert sjabloon.name == "sjabloon-maastricht-2015-gemeente-maastricht-2015.xlsx"
    workbook = load_workbook(sjabloon)
    blad = workbook.active
    kop = [cel.value for cel in blad[1]]
    rijen = [
        rij
        for rij in blad.iter_rows(min_row=2)
        if (rij[kop.index("Item")].value, rij[kop.index("Soort")].value)
        == ("Verhuur totaal", "realisatie")
    ]
    assert len(rijen) == 1 and rijen[0][kop.index("Waarde")].value == 1000
    rijen[0][kop.index("Waarde")].value = 1012
    gewijzigd = tmp_path / "verhuur-2015.xlsx"
    workbook.save(gewijzigd)

    person.activate(page.get_by_role("link", name="Cijfers importeren"))
    person.choose_file(page.get_by_label("Excel-bestand"), gewijzigd)
    person.activate(page.get_by_role("button", name="Voorbeeld bekijken"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Voorbeeld: verhuur-2015.xlsx")
    expect(page.get_by_text("Er is nog niets opgeslagen.")).to_contain_text(
        "1 cijfer verandert, 0 fouten"
    )
    wijzigingen = page.get_by_role("table", name="Oude en nieuwe waarde per cijfer")
    expect(wijzigingen.get_by_role("row")).to_have_count(2)  # the header and one change
    regel = wijzigingen.get_by_role("row").filter(has_text="Verhuur totaal, realisatie 2015")
    expect(regel.get_by_role("cell").nth(1)).to_have_text("1.000")  # Oud
    expect(regel.get_by_role("cell").nth(2)).to_have_text("1.012")  # Nieuw
    assert verhuur_totaal_2015() == 1000  # nothing saved before confirming

    person.activate(page.get_by_role("button", name="1 cijfer opslaan"))

    expect(page.get_by_role("status")).to_contain_text("Opgeslagen: 1 cijfer(s) gewijzigd.")
    assert verhuur_totaal_2015() == 1012

    person.activate(page.get_by_role("link", name="← Cijfers importeren in"))
    person.activate(page.get_by_role("link", name="← Maastricht 2015"))
    cijfers = page.get_by_role("table", name="Planning en realisatie per jaar")
    verhuur = cijfers.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name=re.compile(r"^Verhuur totaal"))
    )
    plan, realisatie, status = verhuur.get_by_role("cell").all()[6:9]  # 2015
    expect(plan).to_have_text("1.000")
    expect(realisatie).to_have_text("1.012")
    expect(status).to_have_text("op schema")
