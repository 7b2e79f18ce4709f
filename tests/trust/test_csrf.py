"""Every POST needs a CSRF token: no view is exempt, every post form carries one."""

import re

import pytest
from django.http import HttpResponseForbidden
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from core.models import User
from tests.rooster import formulier

from .project_files import ROOT, project_python_files

REFUSED = "csrf-geweigerd"


def csrf_failure(request, reason=""):
    """Stands in for Django's CSRF failure page, so a CSRF refusal is told from other 403s."""
    return HttpResponseForbidden(REFUSED)


@pytest.fixture
def strict(settings):
    settings.CSRF_FAILURE_VIEW = "tests.trust.test_csrf.csrf_failure"
    return Client(enforce_csrf_checks=True)


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from _walk(entry.url_patterns, namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{prefix}{entry.name}", entry


# Arguments taken from the loaded source documents; the CSRF check refuses a POST before the
# view runs, so what matters is that every pattern can be reached.
EXAMPLES = {
    "slug": "maastricht-2015",
    "jaar": 2015,
    "soort": "realisatie",
    "actie": "indienen",
    "nummer": 6,
    "pk": 1,
    "object_id": "1",
    "app_label": "core",
}


def example_url(name, pattern):
    kwargs = {}
    for key, converter in pattern.pattern.converters.items():
        kwargs[key] = EXAMPLES.get(key, 1 if converter.regex == "[0-9]+" else "voorbeeld")
    try:
        return reverse(name, kwargs=kwargs)
    except Exception:  # regex patterns without named converters (some admin ones)
        return None


def test_a_post_without_a_token_is_refused_on_every_url(strict, brondata):
    strict.force_login(User.objects.get(username="beheerder"))
    checked = []
    for name, pattern in _walk(get_resolver().url_patterns):
        url = example_url(name, pattern)
        if url is None:
            continue
        response = strict.post(url, {"waarde": "1", "reden": "x"})
        if name.startswith("api-v1:"):
            # The read API changes nothing: django-ninja answers any POST with 405 before
            # anything runs (its views skip Django's CSRF check, it has none to protect); its
            # other pages are refused by the CSRF check. Both in problem+json (api.middleware).
            assert response.status_code in (403, 405), (name, url)
            assert response["Content-Type"] == "application/problem+json", (name, url)
            checked.append(name)
            continue
        assert (response.status_code, response.content.decode()) == (403, REFUSED), (name, url)
        checked.append(name)
    assert len(checked) > 40
    for name in (
        "login",
        "logout",
        "core:invoer",
        "core:invoer_actie",
        "regiodeals:kosten",
        "afspraken:wijziging_verwerken",
        "admin:login",
    ):
        assert name in checked


def token_from(response) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())
    assert match, "the page has no CSRF token in a form"
    return match.group(1)


def test_the_forms_tokens_are_accepted_by_their_views(strict, brondata):
    """The other half: with the token from the page, the same POSTs reach their views."""
    login_page = strict.get(reverse("login"))
    response = strict.post(
        reverse("login"),
        {"username": "woonpunt", "password": "demo", "csrfmiddlewaretoken": token_from(login_page)},
    )
    assert response.status_code == 302

    grid_url = reverse("core:invoer", args=["maastricht-2015", 2015, "realisatie"])
    grid = strict.get(grid_url)
    token = token_from(grid)
    velden = formulier(grid.content.decode())  # with the versions the page shows
    assert strict.post(grid_url, velden | {"csrfmiddlewaretoken": token}).status_code == 302
    actie = reverse("core:invoer_actie", args=["maastricht-2015", 2015, "realisatie", "indienen"])
    assert strict.post(actie, {"csrfmiddlewaretoken": token, "bevestigd": "ja"}).status_code == 302

    strict.force_login(User.objects.get(username="groningen"))
    kosten_url = reverse("regiodeals:kosten", args=["regio-deal-groningen-noord-ii", 2021])
    kosten = strict.get(kosten_url)
    assert kosten.status_code == 200
    response = strict.post(
        kosten_url, formulier(kosten.content.decode()) | {"csrfmiddlewaretoken": token_from(kosten)}
    )
    assert response.status_code == 302

    strict.force_login(User.objects.get(username="beheerder"))
    page = strict.get(reverse("afspraken:detail", args=["bestuursakkoord-po-2014-2020"]))
    verwerken = reverse("afspraken:wijziging_verwerken", args=["bestuursakkoord-po-2014-2020", 1])
    response = strict.post(verwerken, {"csrfmiddlewaretoken": token_from(page)})
    assert response.status_code == 302

    response = strict.post(reverse("logout"), {"csrfmiddlewaretoken": token_from(page)})
    assert response.status_code == 302


POST_FORM = re.compile(
    r"""<form\b[^>]*\bmethod\s*=\s*["']?post["']?[^>]*>(.*?)</form>""", re.I | re.S
)


def test_every_post_form_in_the_templates_has_a_csrf_token():
    forms = []
    for path in sorted((ROOT / "templates").rglob("*.html")):
        for match in POST_FORM.finditer(path.read_text()):
            forms.append((path.relative_to(ROOT), "{% csrf_token %}" in match.group(1)))
    assert len(forms) >= 6
    assert [path for path, has_token in forms if not has_token] == []


def test_no_view_is_exempt_from_csrf():
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in project_python_files()
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r"csrf_exempt|_dont_enforce_csrf_checks", line)
    ]
    assert offenders == []
    from django.conf import settings

    assert "django.middleware.csrf.CsrfViewMiddleware" in settings.MIDDLEWARE
