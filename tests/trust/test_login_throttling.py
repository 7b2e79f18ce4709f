"""Guessing passwords is throttled: a username is locked from one address after 5 failures."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from core.models import User

PASSWORD = "geheim-wachtwoord-1"  # tests/conftest.py user_factory
LOCKED = "Te veel mislukte inlogpogingen"


@pytest.fixture
def eigenaar(wereld):
    return wereld.eigenaar


def log_in(client, username, password, ip="203.0.113.7"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def logged_in_user(client):
    return client.get(reverse("start")).wsgi_request.user


def test_four_failures_still_allow_the_right_password(client, eigenaar, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(4):
        response = log_in(client, "eigenaar", "fout")
        assert response.status_code == 200
        assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.content.decode()

    response = log_in(client, "eigenaar", PASSWORD)

    assert response.status_code == 302
    assert logged_in_user(client) == eigenaar
    # AXES_RESET_ON_SUCCESS: the failures before a good login no longer count.
    assert not AccessAttempt.objects.filter(username="eigenaar").exists()


def test_five_wrong_passwords_lock_out_even_the_right_one_with_a_dutch_page(client, eigenaar):
    responses = [log_in(client, "eigenaar", f"fout-{n}") for n in range(5)]

    assert [r.status_code for r in responses] == [200, 200, 200, 200, 429]
    response = log_in(client, "eigenaar", PASSWORD)

    assert response.status_code == 429
    html = response.content.decode()
    assert LOCKED in html
    assert "Probeer het over 15 minuten opnieuw" in html
    assert '<html lang="nl">' in html
    assert not logged_in_user(client).is_authenticated


def test_the_lock_is_per_username_and_address(client, eigenaar, wereld):
    for n in range(5):
        log_in(client, "eigenaar", f"fout-{n}")
    assert log_in(client, "eigenaar", PASSWORD).status_code == 429

    # A colleague behind the same address (one municipality, one NAT address) still gets in,
    colleague = log_in(client, "collega", PASSWORD)
    assert colleague.status_code == 302
    assert logged_in_user(client) == wereld.collega
    client.logout()
    # and so does the owner from another address; the guesser's address stays locked.
    assert log_in(client, "eigenaar", PASSWORD, ip="198.51.100.20").status_code == 302
    client.logout()
    assert log_in(client, "eigenaar", PASSWORD).status_code == 429


def test_the_lock_ends_after_the_cool_off_time(client, eigenaar):
    from datetime import timedelta

    from django.utils import timezone

    for n in range(5):
        log_in(client, "eigenaar", f"fout-{n}")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))

    assert log_in(client, "eigenaar", PASSWORD).status_code == 302


def test_the_admin_login_is_throttled_too(client, wereld):
    url = reverse("admin:login")
    for n in range(5):
        client.post(url, {"username": "beheer", "password": f"fout-{n}"}, REMOTE_ADDR="192.0.2.1")

    response = client.post(
        url, {"username": "beheer", "password": PASSWORD}, REMOTE_ADDR="192.0.2.1"
    )

    assert response.status_code == 429
    assert LOCKED in response.content.decode()


def test_a_beheerder_can_unlock_with_the_axes_command(client, eigenaar):
    from django.core.management import call_command

    for n in range(5):
        log_in(client, "eigenaar", f"fout-{n}")

    call_command("axes_reset_username", "eigenaar", verbosity=0)

    assert log_in(client, "eigenaar", PASSWORD).status_code == 302
    assert User.objects.get(username="eigenaar").last_login is not None
