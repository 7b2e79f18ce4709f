"""axe-core finds no WCAG 2.2 AA violation on any main page, in the state a user sees it in, and
each page reflows (WCAG 1.4.10): at 320 and at 1280 CSS px wide the page itself never scrolls
sideways; a wide table or chart scrolls inside its own labelled region or stacks its rows.

axe-core comes from npm (package.json, `npm ci`) and is read from disk into each page; nothing
is fetched from the network.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import Page, expect

from .conftest import OPTIONAL

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BREEDTES = (320, 1280)  # CSS px: WCAG 1.4.10's narrow screen, and a desktop
# The entry grid's own fields: a corporation must reach them on a phone without scrolling.
INVOERVELDEN = ".invoergrid :is(input:not([type=hidden]), textarea)"

LEZEN = [  # as the bestuurder
    "/",
    "/afspraken/",
    "/regiodeals/",
    "/projecten/",
    "/cijfers/",
    "/cijfers/?bereik=alle&page=400",  # across all dossiers: sorted on the dossier, bounded
    "/rapportages/",
    "/organisaties/",
    "/organisaties/gemeente-maastricht/",
    "/afspraken/maastricht-2015/",
    "/afspraken/maastricht-2015/punten/1/",
    "/afspraken/bestuursakkoord-po-2014-2020/",
    "/regiodeals/tranches/",
    "/regiodeals/tranches/6/",
    "/regiodeals/regio-deal-groningen-noord-ii/",
    "/projecten/sociaal-vitaal-in-kleine-kernen/",
    "/dashboards/maastricht-2015/",
    "/dashboards/regio-deal-groningen-noord-ii/",
    "/dashboards/sociaal-vitaal-in-kleine-kernen/",
    "/dashboards/maastricht-2015/vergelijking/?jaar=2015",
    "/dashboards/maastricht-2015/trend/verhuur-totaal/",
    "/bestaat-niet/",
    "/toegankelijkheid/",
    "/privacy/",
    "/contact/",
    "/instellingen/api-sleutels/",
    "/api/v1/docs/",
    "/instellingen/",
]


INRICHTEN = [  # as the Groningen coördinator
    "/inrichting/",
    "/inrichting/organisaties/gemeente-groningen/",
    "/inrichting/dossiers/nieuw/afspraak/",
    "/inrichting/dossiers/regio-deal-groningen-noord-ii/",
    "/inrichting/dossiers/regio-deal-groningen-noord-ii/partijen/",
    "/inrichting/dossiers/regio-deal-groningen-noord-ii/items/",
    "/inrichting/dossiers/regio-deal-groningen-noord-ii/items/nieuw/",
    "/inrichting/dossiers/regio-deal-groningen-noord-ii/normen/",
    "/inrichting/dossiers/regio-deal-groningen-noord-ii/nieuwe-periode/",
    "/inrichting/structuur/",
    "/dossiers/regio-deal-groningen-noord-ii/streefdoelen/nieuw/",
    "/termijnen/regio-deal-groningen-noord-ii/",
]


@pytest.fixture
def axe_source() -> str:
    if not AXE.exists():
        if OPTIONAL:
            pytest.skip("axe-core ontbreekt en PM_BROWSER_OPTIONAL=1: draai npm ci")
        pytest.fail("axe-core ontbreekt: draai npm ci (make test doet dat)", pytrace=False)
    return AXE.read_text()


def violations(page: Page, axe_source: str) -> list[str]:
    """axe-core's violations on the page as it is now, one line per rule and element."""
    page.evaluate(axe_source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} – {node['target']}"
        for v in result["violations"]
        for node in v["nodes"]
    ]


def reflow(page: Page, breedte: int, velden: str = "") -> list[str]:
    """What scrolls the page sideways at this width, and which of `velden` fall off screen."""
    page.set_viewport_size({"width": breedte, "height": 900})
    fouten = []
    breed = page.evaluate("document.documentElement.scrollWidth")
    if breed > breedte:
        fouten.append(f"reflow ({breedte} px): de pagina is {breed} px breed")
    if velden:
        buiten = page.evaluate(
            "sel => [...document.querySelectorAll(sel)]"
            ".filter(v => v.getBoundingClientRect().right > window.innerWidth + 1)"
            ".map(v => v.name)",
            velden,
        )
        if buiten:
            fouten.append(f"reflow ({breedte} px): velden buiten beeld: {', '.join(buiten)}")
    return fouten


def log_in(page: Page, username: str) -> None:
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("demo")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welkom")


def test_main_pages_have_no_wcag_violations(page, axe_source, tmp_path):
    gevonden: dict[str, list[str]] = {}

    def scan(naam: str, velden: str = "") -> None:
        fouten = []
        for breedte in BREEDTES:  # ends at 1280, where the test goes on
            fouten += reflow(page, breedte, velden)
            fouten += [f"axe ({breedte} px): {fout}" for fout in violations(page, axe_source)]
        if fouten:
            gevonden[naam] = list(dict.fromkeys(fouten))

    page.goto("/inloggen/")
    scan("inloggen")
    page.get_by_label("Gebruikersnaam").fill("onbekend")
    page.get_by_label("Wachtwoord").fill("fout")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_be_visible()
    scan("inloggen met fouten")

    log_in(page, "bestuurder")
    for pad in LEZEN:
        page.goto(pad)
        scan(pad)
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, "woonpunt")
    page.goto("/dossiers/maastricht-2015/invoer/2015/realisatie/")
    scan("invoer", velden=INVOERVELDEN)
    page.get_by_role("textbox", name="Verbeteringen", exact=True).fill("8g")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("Er is niets opgeslagen")
    scan("invoer met een fout", velden=INVOERVELDEN)
    page.goto("/dossiers/maastricht-2015/invoer/2015/realisatie/")
    page.get_by_role("button", name="Realisatie 2015 indienen").click()
    expect(page.get_by_role("button", name="Toch indienen")).to_be_visible()
    scan("indienen met lege velden")
    page.goto("/dossiers/maastricht-2015/invoer/2015/bod/")  # the corporation's bod (#23)
    scan("bod", velden=INVOERVELDEN)
    page.get_by_role("textbox", name="Verbeteringen", exact=True).fill("12")
    page.get_by_role("button", name="Opslaan").click()
    page.goto("/dashboards/maastricht-2015/?jaar=2015")
    expect(page.get_by_role("heading", name="Bod, afspraak en realisatie")).to_be_visible()
    scan("dashboard met bod")
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, "maastricht")
    page.goto("/import/dossiers/maastricht-2015/")
    scan("importeren")
    with page.expect_download() as download:
        page.get_by_role("link", name="Sjabloon downloaden: plan en realisatie 2015").click()
    sjabloon = tmp_path / download.value.suggested_filename
    download.value.save_as(sjabloon)
    page.get_by_label("Excel-bestand").set_input_files(sjabloon)
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Voorbeeld")
    scan("importvoorbeeld")
    page.get_by_role("link", name="← Cijfers importeren in").click()
    page.get_by_label("Excel-bestand").set_input_files(
        {"name": "geen-excel.xlsx", "mimeType": "text/plain", "buffer": b"geen werkboek"}
    )
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    scan("importeren met een fout")
    page.goto("/import/")
    scan("imports")
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, "groningen")
    jaar = timezone.localdate().year - 1
    page.goto(f"/regiodeals/regio-deal-groningen-noord-ii/kosten/{jaar}/")
    scan("kosten")
    page.goto(f"/rapportages/regio-deal-groningen-noord-ii/{jaar}/")
    scan("nog geen rapportage")
    page.get_by_role("button", name="Concept maken").click()
    expect(page.get_by_role("link", name="PDF", exact=True)).to_be_visible()
    scan("rapportage")
    for pad in INRICHTEN:
        page.goto(pad)
        scan(pad)
    page.goto("/inrichting/dossiers/regio-deal-groningen-noord-ii/onderdelen/")
    page.get_by_label("Nummer, rij 1", exact=True).fill("2")  # theme 2 exists: a row error
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("Er is niets opgeslagen")
    scan("onderdelen met een fout")
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, "beheerder")
    for pad in (
        "/inrichting/organisaties/",
        "/inrichting/tranches/nieuw/",
        "/inrichting/tranches/6/",
    ):
        page.goto(pad)
        scan(pad)

    assert gevonden == {}, "\n".join(
        f"{naam}:\n  " + "\n  ".join(fouten) for naam, fouten in gevonden.items()
    )


ROLLEN = ["beheerder", "maastricht", "woonpunt", "groningen", "deventer"]


def test_every_main_page_reflows_for_every_role(page):
    """The read pages (scanned with axe as the bestuurder above) as each other role sees them,
    with their own menu, tasks and concept figures: at 320 and 1280 px nothing scrolls the page
    sideways."""
    gevonden: dict[str, list[str]] = {}
    for rol in ROLLEN:
        log_in(page, rol)
        for pad in ["/", "/rapportages/", *LEZEN]:
            page.goto(pad)
            fouten = [fout for breedte in (320, 1280) for fout in reflow(page, breedte)]
            if fouten:
                gevonden[f"{rol} {pad}"] = fouten
        page.get_by_role("button", name="Uitloggen").click()

    assert gevonden == {}, "\n".join(f"{naam}: {fouten}" for naam, fouten in gevonden.items())
