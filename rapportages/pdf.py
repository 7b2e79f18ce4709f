"""The report as a PDF (WeasyPrint): A4, tagged (PDF/UA-1), with the project's own font.

WeasyPrint fetches images, stylesheets and fonts through `StaticFetcher`, which serves the
project's static files and refuses every other URL (file:, http:, https: elsewhere), so text a
user typed can never make the renderer read a file of the server or call out to the network.
"""

import mimetypes

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

# The documents' base URL: a host that cannot exist (.invalid, RFC 2606), served by the fetcher.
STATIC_BASE = "https://prestatiemonitor.invalid/static/"


class WeigerExternBestand(ValueError):
    pass


class StaticFetcher(URLFetcher):
    """Serves the project's static assets; everything else is refused (and remembered)."""

    def __init__(self):
        super().__init__(allowed_protocols=["https"], allow_redirects=False)
        self.gevraagd: list[str] = []
        self.geweigerd: list[str] = []

    def fetch(self, url, headers=None):
        self.gevraagd.append(url)
        pad = url.removeprefix(STATIC_BASE).split("?")[0].split("#")[0]
        gevonden = finders.find(pad) if url.startswith(STATIC_BASE) and ".." not in pad else None
        if not gevonden:
            self.geweigerd.append(url)
            raise WeigerExternBestand(f"Alleen eigen statische bestanden: {url}")
        with open(gevonden, "rb") as bestand:
            inhoud = bestand.read()
        soort = mimetypes.guess_type(gevonden)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=inhoud, headers={"Content-Type": soort})


def render_pdf(template: str, context: dict, fetcher: StaticFetcher | None = None) -> bytes:
    return render_html(render_to_string(template, context), fetcher)


# Per process: the stylesheet parsed and its fonts loaded once, not for every report (most
# of a small report's time). Workers render one report at a time (gunicorn's sync workers,
# the task worker), so nothing is shared between threads.
_WARM: dict = {}


def _stylesheet(fetcher: StaticFetcher | None) -> tuple[CSS, FontConfiguration, StaticFetcher]:
    if fetcher is not None or settings.DEBUG:  # a fetcher of its own, or a CSS being edited
        fetcher = fetcher or StaticFetcher()
        fonts = FontConfiguration()
        css = CSS(url=f"{STATIC_BASE}css/rapport.css", url_fetcher=fetcher, font_config=fonts)
        return css, fonts, fetcher
    if not _WARM:
        fetcher, fonts = StaticFetcher(), FontConfiguration()
        css = CSS(url=f"{STATIC_BASE}css/rapport.css", url_fetcher=fetcher, font_config=fonts)
        _WARM.update(css=css, fonts=fonts, fetcher=fetcher)
    return _WARM["css"], _WARM["fonts"], _WARM["fetcher"]


def render_html(html: str, fetcher: StaticFetcher | None = None) -> bytes:
    css, fonts, fetcher = _stylesheet(fetcher)
    document = HTML(string=html, base_url=STATIC_BASE, url_fetcher=fetcher)
    pdf = document.write_pdf(stylesheets=[css], font_config=fonts, pdf_variant="pdf/ua-1")
    if fetcher is _WARM.get("fetcher"):
        fetcher.gevraagd.clear()  # a long-lived worker keeps no list of every request
        fetcher.geweigerd.clear()
    return pdf
