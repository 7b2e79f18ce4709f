"""Woonpunt enters its 2015 realisation in the grid, mistypes one figure, and submits the year:
the error summary takes the focus and leads to the field; submitting with empty fields asks
for confirmation, naming them."""

from decimal import Decimal

from playwright.sync_api import expect

from core.models import Jaaropgave, Waarde

FOUT = "‘8g’ is geen getal. Schrijf bijvoorbeeld 1.234,56."


def woonpunt_realisatie_2015():
    return dict(
        Waarde.objects.filter(
            indicator__dossier__slug="maastricht-2015",
            organisatie__slug="woonpunt",
            jaar=2015,
            soort="realisatie",
        ).values_list("indicator__naam", "waarde")
    )


def test_woonpunt_fixes_a_mistyped_figure_then_saves_and_submits_2015(person, page):
    person.log_in("woonpunt")
    person.activate(
        page.get_by_role("link", name="Realisatie 2015 van Woonpunt nog niet ingediend")
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Realisatie 2015 van Woonpunt")

    verbeteringen = page.get_by_role("textbox", name="Verbeteringen", exact=True)
    sloop = page.get_by_role("textbox", name="Sloop", exact=True)
    person.type_into(verbeteringen, "8g")  # meant 87
    person.type_into(sloop, "82")
    person.activate(page.get_by_role("button", name="Opslaan"))

    overzicht = page.get_by_role("alert")
    expect(overzicht).to_contain_text("Er is niets opgeslagen: 1 vak bevat een fout.")
    expect(overzicht).to_be_focused()  # document.activeElement: read first, after an error
    link = overzicht.get_by_role("link", name=f"Verbeteringen: {FOUT}")
    if person.keyboard_only:
        page.keyboard.press("Tab")
        expect(link).to_be_focused()
        page.keyboard.press("Enter")
    else:
        link.click()
    expect(verbeteringen).to_be_focused()
    expect(verbeteringen).to_have_attribute("aria-invalid", "true")
    # The error first, then what the figure counts toward (Woonpunt's plan for 2015).
    expect(verbeteringen).to_have_accessible_description(f"{FOUT} Telt mee voor: plan 2015: 89")
    expect(page.get_by_role("row").filter(has=verbeteringen)).to_contain_text(FOUT)
    expect(page.locator("[aria-invalid=true]")).to_have_count(1)
    expect(verbeteringen).to_have_value("8g")
    expect(sloop).to_have_value("82")  # what was typed right is kept to save later
    assert woonpunt_realisatie_2015() == {}

    person.type_into(verbeteringen, "87")
    person.activate(page.get_by_role("button", name="Opslaan"))

    expect(page.get_by_role("status")).to_contain_text("De cijfers van Woonpunt zijn opgeslagen.")
    expect(page.get_by_role("status")).to_be_focused()
    expect(verbeteringen).to_have_value("87")
    assert woonpunt_realisatie_2015() == {"Verbeteringen": Decimal(87), "Sloop": Decimal(82)}

    person.activate(page.get_by_role("button", name="Realisatie 2015 indienen"))

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Realisatie 2015 van Woonpunt indienen met lege vakken?"
    )
    expect(page.get_by_role("alert").get_by_role("listitem")).to_have_text(
        ["Nieuwbouw", "Investeringen in duurzaamheid", "waarvan plaatsing HR-ketels", "Verkoop"]
    )
    assert (
        not Jaaropgave.objects.filter(organisatie__slug="woonpunt", jaar=2015)
        .exclude(soort="plan")
        .exclude(status="concept")
    )
    person.activate(page.get_by_role("button", name="Toch indienen"))

    expect(page.get_by_role("status")).to_contain_text("Realisatie 2015 is ingediend.")
    expect(page.get_by_text("Status: ingediend.")).to_contain_text(
        "Ingediend door Beleidsmedewerker"
    )
    expect(page.get_by_role("button", name="Opslaan")).to_have_count(0)
    opgave = Jaaropgave.objects.get(
        dossier__slug="maastricht-2015", organisatie__slug="woonpunt", jaar=2015, soort="realisatie"
    )
    assert opgave.status == Jaaropgave.Status.INGEDIEND
