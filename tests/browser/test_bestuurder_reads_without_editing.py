"""The wethouder reads the start page and the Maastricht dashboard, and can change nothing."""

from playwright.sync_api import Page, expect

VERHUUR_2014 = (
    "Realisatie 2014: de delen van ‘Verhuur totaal’ tellen op tot 1.032, "
    "het opgegeven totaal is 1.039"
)
VERHUUR_2013 = (
    "Realisatie 2013: de delen van ‘Verhuur totaal’ tellen op tot 1.050, "
    "het opgegeven totaal is 1.069"
)
TITEL = "Van huis naar thuis – Afspraken over samenwerking tussen Gemeente Maastricht"
KORT = "Maastricht 2015"  # the short name, in tables


def expect_nothing_to_edit(page: Page) -> None:
    """No field, no form that changes something, no link to an entry, import or admin page."""
    expect(page.locator("input:not([type=hidden]), textarea, select")).to_have_count(0)
    expect(page.locator("form[method=post]")).to_have_count(1)  # logging out
    expect(page.get_by_role("button")).to_have_text(["Uitloggen"])
    for pad in ("/invoer/", "/kosten/", "/import/", "/beheer/"):
        expect(page.locator(f"a[href*='{pad}']")).to_have_count(0)
    expect(page.get_by_role("link", name="Beheer")).to_have_count(0)


def test_bestuurder_sees_the_verhuur_mismatch_and_finds_no_way_to_edit(person, page):
    person.log_in("bestuurder")

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Welkom, Wethouder Wonen Gemeente Maastricht"
    )
    bevindingen = page.get_by_role("region", name="Nieuwste bevindingen").get_by_role("listitem")
    expect(bevindingen.filter(has_text=VERHUUR_2014)).to_have_count(1)
    expect(bevindingen.filter(has_text=VERHUUR_2013)).to_have_count(1)
    expect_nothing_to_edit(page)

    overzicht = page.get_by_role("table", name="Aantal cijfers per status, over alle jaren")
    person.activate(overzicht.get_by_role("link", name=KORT, exact=True))

    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Dashboard: {TITEL}")
    stand = page.get_by_role("region", name="Stand van zaken")
    expect(stand.get_by_role("heading", name="Bevindingen: wat niet klopt")).to_be_visible()
    expect(stand.get_by_role("listitem").filter(has_text=VERHUUR_2014)).to_contain_text(
        "klopt niet"
    )
    expect(stand.get_by_role("listitem").filter(has_text=VERHUUR_2013)).to_have_count(1)
    expect_nothing_to_edit(page)

    person.activate(page.get_by_role("link", name="Alle gegevens van afspraak"))

    expect(page.get_by_role("heading", level=1)).to_contain_text(TITEL)
    expect(page.get_by_role("listitem").filter(has_text=VERHUUR_2014)).to_have_count(1)
    expect_nothing_to_edit(page)
