"""The health endpoint for the load balancer: public, and honest about the database."""

from unittest import mock

from django.db import OperationalError, connection
from django.urls import reverse


def test_health_answers_ok_without_a_login_after_asking_the_database(client, db):
    with mock.patch.object(connection, "cursor", wraps=connection.cursor) as cursor:
        response = client.get(reverse("health"))

    assert reverse("health") == "/gezondheid/"
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok"}
    assert cursor.called
    assert "no-cache" in response["Cache-Control"]


def test_health_answers_503_in_dutch_when_the_database_is_unreachable(client, db):
    with mock.patch.object(
        connection, "cursor", side_effect=OperationalError("connection refused")
    ):
        response = client.get(reverse("health"))

    assert response.status_code == 503
    assert response.json() == {"status": "fout", "melding": "De database is niet bereikbaar."}


def test_health_is_read_only(client, db):
    assert client.post(reverse("health")).status_code == 405


def test_health_is_not_redirected_to_https_so_the_load_balancer_can_probe_over_http(
    client, db, settings
):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get(reverse("health")).status_code == 200
    assert client.get(reverse("login")).status_code == 301
