"""Screenshots of the main pages for the README, in docs/screenshots/.

The pages are shot in a throwaway database with the source data and the demo accounts, served
by a server of this command's own, and driven in Debian's chromium (Playwright, like the
browser tests): what a user sees after a fresh `make run`, plus the state the journeys of
tests/browser leave behind (a mistyped figure, an import preview, a report in concept). The
database of `make run` is not touched.
"""

import io
import logging
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.test.testcases import LiveServerThread
from django.test.utils import override_settings, setup_databases, teardown_databases
from django.utils import timezone

from core.services import create_demo_accounts

MAP = Path(settings.BASE_DIR) / "docs" / "screenshots"
TELEFOON = {"width": 390, "height": 844}
INVOER_MAASTRICHT = "/dossiers/maastricht-2015/invoer/2015/"
VIEWPORT = {"width": 1280, "height": 800}


class Command(BaseCommand):
    help = "Maakt schermafbeeldingen van de belangrijkste pagina's in docs/screenshots/."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Alleen voor ontwikkeling: zet DEBUG=1 (demo-accounts).")
        chromium = shutil.which("chromium")
        if chromium is None:
            raise CommandError("chromium ontbreekt: apt-get install chromium.")
        try:
            from playwright.sync_api import sync_playwright
        except ImportError as exc:
            raise CommandError("Playwright ontbreekt: pip install -e '.[dev]'.") from exc

        # The 400 of the mistyped figure is intended; the browser's favicon request is not ours.
        logging.getLogger("django.request").setLevel(logging.ERROR)
        MAP.mkdir(parents=True, exist_ok=True)
        with (
            tempfile.TemporaryDirectory() as tijdelijk,
            _demo_site(Path(tijdelijk)) as basis,
            sync_playwright() as playwright,
        ):
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            for naam in _shoot(browser, basis, Path(tijdelijk)):
                self.stdout.write(f"docs/screenshots/{naam}")
            browser.close()


@contextmanager
def _demo_site(tijdelijk: Path):
    """A throwaway database with the source data and the demo accounts, served on a free port;
    yields the base URL."""
    databases = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    try:
        with override_settings(MEDIA_ROOT=tijdelijk / "media"):
            call_command("laad_brondata", stdout=io.StringIO())
            create_demo_accounts()
            server = _start_server()
            try:
                yield f"http://{server.host}:{server.port}"
            finally:
                server.terminate()
    finally:
        teardown_databases(databases, verbosity=0)


def _start_server() -> LiveServerThread:
    # An in-memory SQLite test database exists once, in this connection: share it.
    gedeeld = {
        c.alias: c for c in connections.all() if c.vendor == "sqlite" and c.is_in_memory_db()
    }
    for connection in gedeeld.values():
        connection.inc_thread_sharing()
    server = LiveServerThread("127.0.0.1", StaticFilesHandler, gedeeld)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    return server


def _shoot(browser, basis: str, tijdelijk: Path):
    """Every screenshot, as the user who sees the page; yields the file names."""
    from openpyxl import load_workbook

    jaar = timezone.localdate().year - 1

    def inloggen(username: str, viewport=VIEWPORT):
        context = browser.new_context(base_url=basis, locale="nl-NL", viewport=viewport)
        page = context.new_page()
        page.goto("/inloggen/")
        if username:
            page.get_by_label("Gebruikersnaam").fill(username)
            page.get_by_label("Wachtwoord").fill("demo")
            page.get_by_role("button", name="Inloggen").click()
            page.wait_for_url(f"{basis}/")
        return page

    def foto(page, naam: str, van=None, tot=None) -> str:
        """The viewport, or the stretch of the page from element `van` to element `tot`."""
        clip = None
        if van is not None:
            boven, onder = van.bounding_box(), (tot or van).bounding_box()
            y = max(boven["y"] - 24, 0)
            clip = {
                "x": 0,
                "y": y,
                "width": VIEWPORT["width"],
                "height": onder["y"] + onder["height"] + 12 - y,
            }
        page.screenshot(path=MAP / naam, clip=clip, full_page=clip is not None)
        return naam

    page = inloggen("")
    yield foto(page, "inloggen.png")

    page = inloggen("bestuurder")
    yield foto(page, "start-bestuurder.png")
    page.goto("/dashboards/maastricht-2015/?jaar=2014")
    yield foto(page, "dashboard-maastricht-2015.png")
    verhuur = page.locator("section.themablok").filter(has_text="Verhuur (woonruimteverdeling)")
    yield foto(page, "dashboard-maastricht-2015-verhuur.png", verhuur)
    page.goto("/dashboards/maastricht-2015/trend/verhuur-totaal/")
    yield foto(page, "trend-verhuur-totaal.png")
    page.goto("/cijfers/?jaar=2014&status=achter")
    tabel = page.get_by_role("table")
    yield foto(page, "cijfers.png", page.get_by_role("heading", level=1), tabel.locator("tr").last)
    page.goto("/projecten/sociaal-vitaal-in-kleine-kernen/")
    fasering = page.get_by_role("heading", name="Fasering")
    yield foto(page, "project-sociaal-vitaal-fasering.png", fasering, page.locator("figure").first)
    page.context.close()

    page = inloggen("woonpunt")
    page.goto("/dossiers/maastricht-2015/invoer/2015/realisatie/")
    page.get_by_role("textbox", name="Verbeteringen", exact=True).fill("8g")
    page.get_by_role("textbox", name="Sloop", exact=True).fill("82")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("alert").wait_for()
    yield foto(
        page,
        "invoer-met-fout.png",
        page.locator("main p").first,
        page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Sloop")),
    )
    page.context.close()

    yield from _op_een_telefoon(inloggen, foto)

    page = inloggen("maastricht")
    page.goto("/import/dossiers/maastricht-2015/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Sjabloon downloaden: plan en realisatie 2015").click()
    sjabloon = tijdelijk / "verhuur-2015.xlsx"
    download.value.save_as(sjabloon)
    workbook = load_workbook(sjabloon)
    kop = [cel.value for cel in workbook.active[1]]
    nieuw = {"Verhuur totaal": 1012, "Urgent": 181, "Aanbodmodel": 466}
    for rij in workbook.active.iter_rows(min_row=2):
        item, soort = rij[kop.index("Item")].value, rij[kop.index("Soort")].value
        if soort == "realisatie" and item in nieuw:
            rij[kop.index("Waarde")].value = nieuw[item]
    workbook.save(sjabloon)
    page.get_by_label("Excel-bestand").set_input_files(sjabloon)
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    page.get_by_role("heading", name="Wat er verandert").wait_for()
    yield foto(page, "importvoorbeeld.png")
    page.context.close()

    page = inloggen("groningen")
    page.goto(f"/regiodeals/regio-deal-groningen-noord-ii/kosten/{jaar}/")
    for post, bedrag in (("Werken en leren", "1.250.000,00"), ("Meedoen", "400.000,00")):
        for bron in ("Rijk", "regionaal publiek"):
            veld = page.get_by_role("textbox", name=f"{post} – {bron}", exact=True)
            veld.fill(bedrag)
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("status").wait_for()
    page.goto("/regiodeals/regio-deal-groningen-noord-ii/")
    yield foto(page, "regiodeal-groningen-noord-ii.png")
    page.goto("/dashboards/regio-deal-groningen-noord-ii/")
    financien = page.get_by_role("region", name="Financiën")
    yield foto(page, "dashboard-groningen-noord-ii-financien.png", financien)
    page.goto(f"/rapportages/regio-deal-groningen-noord-ii/{jaar}/")
    page.get_by_role("button", name="Concept maken").click()
    page.get_by_role("link", name="PDF", exact=True).wait_for()
    yield foto(page, "rapportage-concept.png")
    page.context.close()


def _op_een_telefoon(inloggen, foto):
    """The start page, a dashboard and the entry grid on a phone 390 px wide (issue #20)."""
    for username, pad, naam in (
        ("woonpunt", "/", "start-390-woonpunt.png"),
        ("bestuurder", "/dashboards/maastricht-2015/", "dashboard-390-maastricht-2015.png"),
        (
            "woonpunt",
            "/dossiers/maastricht-2015/invoer/2015/realisatie/",
            "invoer-390-woonpunt.png",
        ),
    ):
        page = inloggen(username, TELEFOON)
        page.goto(pad)
        yield foto(page, naam)
        page.context.close()
