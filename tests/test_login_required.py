"""Every page but the login page, the health endpoint and the footer's pages needs a logged-in
user."""

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# kalender: a calendar program does not log in; its secret token is the key (termijnen/).
PUBLIC = {
    *("login", "health", "wachtwoord_instellen", "toegankelijkheid", "privacy", "contact"),
    *("aanmelden:start", "aanmelden:terug", "kalender"),
}


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from _walk(entry.url_patterns, namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{prefix}{entry.name}", entry


def _example_url(name, pattern):
    kwargs = {}
    for key, converter in pattern.pattern.converters.items():
        kwargs[key] = 1 if converter.regex == "[0-9]+" else "voorbeeld"
    try:
        return reverse(name, kwargs=kwargs)
    except Exception:  # patterns with positional groups (the admin): skip arguments
        return None


def test_every_non_public_url_redirects_anonymous_users_to_login(client, db):
    checked = 0
    for name, pattern in _walk(get_resolver().url_patterns):
        # The read API answers 401 in problem+json instead (tests/api/test_sleutels.py).
        if name in PUBLIC or name.startswith(("admin:", "api-v1:")):
            continue
        url = _example_url(name, pattern)
        if url is None:
            continue
        response = client.get(url)
        assert response.status_code == 302, f"{name} ({url}) answered {response.status_code}"
        assert response["Location"].startswith(reverse(settings.LOGIN_URL)), name
        checked += 1
    assert checked >= 8


def test_the_admin_sends_anonymous_users_to_its_login(client, db):
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_the_login_page_is_public_and_dutch(client, db):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Inloggen" in response.content.decode()
