"""Every page carries a strict Content Security Policy, and the templates need nothing looser."""

import itertools
import re
from pathlib import Path

from django.urls import (
    NoReverseMatch,
    URLPattern,
    URLResolver,
    get_resolver,
    reverse,
)

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"

EXPECTED_DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
    "base-uri": "'self'",
    "object-src": "'none'",
}


def directives(header: str) -> dict[str, str]:
    parts = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return {name: value for name, value in parts}


def test_the_login_page_has_the_content_security_policy(client, db):
    response = client.get(reverse("login"))

    assert directives(response["Content-Security-Policy"]) == EXPECTED_DIRECTIVES


def test_a_page_behind_the_login_has_the_policy_and_the_other_headers(client, wereld):
    client.force_login(wereld.eigenaar)

    response = client.get(reverse("start"))

    assert response.status_code == 200
    assert directives(response["Content-Security-Policy"]) == EXPECTED_DIRECTIVES
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_the_policy_allows_no_inline_code():
    from django.conf import settings

    policy = str(settings.CONTENT_SECURITY_POLICY)
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert "NONCE" not in policy


# --- The templates honour the policy: no inline script, style or event handler ---------

# A <script> element with something between its tags (a src-only script is fine).
INLINE_SCRIPT = re.compile(r"<script\b[^>]*>\s*[^<\s]", re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style\b", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"""\sstyle\s*=\s*["']""", re.IGNORECASE)
# onclick=, onload=, onsubmit= ...; the lookbehind keeps data-on..= and aria-... out.
EVENT_HANDLER = re.compile(r"""(?<![\w-])on[a-z]+\s*=\s*["']""", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"""(href|src|action)\s*=\s*["']\s*javascript:""", re.IGNORECASE)


def template_files():
    files = sorted(TEMPLATES.rglob("*.html")) + sorted(TEMPLATES.rglob("*.svg"))
    assert len(files) >= 20
    return files


def offences(pattern):
    found = []
    for path in template_files():
        # Template comments are prose about the markup, not markup.
        text = re.sub(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", "", path.read_text(), flags=re.S)
        text = re.sub(r"{#.*?#}", "", text)
        for match in pattern.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.append(f"{path.relative_to(TEMPLATES)}:{line}: {match.group(0)!r}")
    return found


def test_no_template_has_an_inline_script():
    assert offences(INLINE_SCRIPT) == []


def test_no_template_has_a_style_element_or_attribute():
    assert offences(STYLE_ELEMENT) + offences(STYLE_ATTRIBUTE) == []


def test_no_template_has_an_inline_event_handler_or_javascript_url():
    assert offences(EVENT_HANDLER) + offences(JAVASCRIPT_URL) == []


def test_the_template_checks_recognise_what_they_forbid():
    samples = {
        INLINE_SCRIPT: '<script>alert(1)</script><script type="module">\n x()</script>',
        STYLE_ATTRIBUTE: '<p style="color: red">',
        EVENT_HANDLER: '<button onclick="go()">',
        JAVASCRIPT_URL: '<a href="javascript:go()">',
    }
    for pattern, sample in samples.items():
        assert pattern.search(sample), pattern.pattern
    assert not INLINE_SCRIPT.search('<script src="/static/x.js"></script>')
    assert not EVENT_HANDLER.search('<div data-once="1" aria-controls="x" fill="none">')


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from _walk(entry.url_patterns, namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{prefix}{entry.name}", entry


def candidate_urls(name, pattern, candidates):
    keys = list(pattern.pattern.converters)
    for values in itertools.product(*(candidates.get(key, ["1"]) for key in keys)):
        try:
            yield reverse(name, kwargs=dict(zip(keys, values, strict=True)))
        except NoReverseMatch:
            continue


def test_rendered_pages_of_the_real_data_have_no_inline_code(client, brondata):
    """Every page a beheerder can open, with markup built in Python (charts, the SVG timeline,
    tables, widgets) as well as from templates."""
    from core.models import Dossier, User

    client.force_login(User.objects.get(username="beheerder"))
    dossiers = {d.soort: d.slug for d in Dossier.objects.order_by("pk")}
    candidates = {
        "slug": [*dossiers.values(), "gemeente-maastricht"],
        "jaar": [2015, 2021],
        "soort": ["realisatie"],
        "code": ["nieuwbouw", "verhuur-totaal"],
        "nummer": [6],
    }
    urls = [
        reverse("admin:index"),
        reverse("core:invoer", args=["maastricht-2015", 2015, "realisatie"])
        + "?organisatie=gemeente-maastricht",
        *(dossier.get_absolute_url() for dossier in Dossier.objects.all()),
    ]
    pages = []

    def check(url, response):
        assert response.status_code == 200, url
        if not response["Content-Type"].startswith("text/html"):
            return  # an Excel or PDF download
        assert "Content-Security-Policy" in response, url
        html = response.content.decode()
        for pattern in (INLINE_SCRIPT, STYLE_ELEMENT, STYLE_ATTRIBUTE, EVENT_HANDLER):
            assert not pattern.search(html), f"{url}: {pattern.search(html).group(0)!r}"
        pages.append(url)

    for url in urls:
        check(url, client.get(url))
    for name, pattern in _walk(get_resolver().url_patterns):
        if name.startswith("admin:"):
            continue
        for url in candidate_urls(name, pattern, candidates):
            response = client.get(url)
            if response.status_code == 200:
                check(url, response)
                break
    assert len(pages) > 30


# --- A logged-in user's pages are not kept by browsers or proxies ---------------------


def cache_directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def test_a_logged_in_page_is_private_and_not_stored(client, wereld):
    client.force_login(wereld.eigenaar)

    response = client.get(reverse("start"))

    assert response.status_code == 200
    assert "Afspraken" in response.content.decode()  # the page of a logged-in user
    assert {"private", "no-store"} <= cache_directives(response)
    assert "public" not in cache_directives(response)


def test_an_export_download_is_private_and_not_stored(client, wereld):
    client.force_login(wereld.coordinator)

    response = client.get(reverse("importeren:gegevens", args=[wereld.dossier.slug]))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert {"private", "no-store"} <= cache_directives(response)


def test_a_stricter_header_a_view_set_is_kept(client, wereld):
    """The login page is never cached (Django's `never_cache`), for anyone; a logged-in user
    gets the same directives with `private, no-store`, none of them loosened."""
    strict = {"max-age=0", "no-cache", "no-store", "must-revalidate", "private"}
    client.force_login(wereld.eigenaar)

    response = client.get(reverse("login"))

    assert cache_directives(response) == strict


def test_the_anonymous_login_page_and_health_check_keep_their_headers(client, db):
    """What they sent before the middleware: `never_cache`'s directives, nothing more."""
    strict = {"max-age=0", "no-cache", "no-store", "must-revalidate", "private"}

    login = client.get(reverse("login"))
    health = client.get(reverse("health"))

    assert login.status_code == 200
    assert "Inloggen" in login.content.decode()
    assert cache_directives(login) == strict
    assert health.status_code == 200
    assert cache_directives(health) == strict
