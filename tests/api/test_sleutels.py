"""Personal API keys: made and revoked on the user's own page, shown once, stored hashed;
a request with a key answers as the screens answer its user, is limited per minute and is
logged with the user. Without a key or session: 401 in problem+json."""

import pytest
from django.urls import reverse

from api.models import ApiSleutel, ApiVerzoek

CIJFERS = reverse("api-v1:cijfers") + "?dossier=testafspraken"
ENDPOINTS = [
    reverse("api-v1:dossiers"),
    reverse("api-v1:dossier", args=["testafspraken"]),
    reverse("api-v1:bevindingen", args=["testafspraken"]),
    reverse("api-v1:items"),
    reverse("api-v1:cijfers"),
    reverse("api-v1:rapportversies"),
    reverse("api-v1:kosten"),
]


def maak(client, user, naam="Power BI") -> str:
    client.force_login(user)
    response = client.post(reverse("api:sleutels"), {"naam": naam})
    assert response.status_code == 200
    tekst = response.context["nieuw"]
    assert tekst.startswith("pm_") and tekst in response.content.decode()
    client.logout()
    return tekst


def test_without_key_or_session_every_endpoint_answers_401_in_dutch_problem_json(client, wereld):
    for url in ENDPOINTS:
        response = client.get(url)
        assert response.status_code == 401, url
        assert response["Content-Type"] == "application/problem+json"
        assert response["API-Version"] == "1.0.0"
        assert response.json()["title"] == "Niet aangemeld"
        assert "API-sleutel" in response.json()["detail"]
    assert client.get(CIJFERS, HTTP_AUTHORIZATION="Bearer pm_verzonnen").status_code == 401


def test_a_key_is_shown_once_stored_hashed_and_reads_as_its_user(client, wereld):
    tekst = maak(client, wereld.eigenaar)
    sleutel = ApiSleutel.objects.get(gebruiker=wereld.eigenaar)
    assert tekst not in (sleutel.hash, sleutel.begin) and len(sleutel.hash) == 64
    client.force_login(wereld.eigenaar)
    assert tekst not in client.get(reverse("api:sleutels")).content.decode()
    client.logout()
    response = client.get(CIJFERS, HTTP_AUTHORIZATION=f"Bearer {tekst}")
    assert response.status_code == 200
    assert "60.00" in response.content.decode()  # the owner's own concept figure
    verzoek = ApiVerzoek.objects.get()
    assert (verzoek.gebruiker, verzoek.status, verzoek.pad) == (wereld.eigenaar, 200, CIJFERS)


def test_an_outsiders_key_never_reads_a_concept_figure(client, wereld):
    tekst = maak(client, wereld.buitenstaander)
    response = client.get(CIJFERS, HTTP_AUTHORIZATION=f"Bearer {tekst}")
    assert response.status_code == 200
    assert "60.00" not in response.content.decode()
    assert "6.00" in response.content.decode()


def test_a_revoked_key_answers_401_and_only_its_owner_revokes_it(client, wereld):
    tekst = maak(client, wereld.eigenaar)
    sleutel = ApiSleutel.objects.get()
    client.force_login(wereld.collega)
    assert client.post(reverse("api:sleutel_intrekken", args=[sleutel.pk])).status_code == 403
    client.force_login(wereld.eigenaar)
    assert client.get(reverse("api:sleutel_intrekken", args=[sleutel.pk])).status_code == 405
    response = client.post(reverse("api:sleutel_intrekken", args=[sleutel.pk]))
    assert response.status_code == 302
    client.logout()
    assert client.get(CIJFERS, HTTP_AUTHORIZATION=f"Bearer {tekst}").status_code == 401


def test_the_keys_page_lists_only_the_users_own_keys(client, wereld):
    maak(client, wereld.eigenaar, "Sleutel van eigenaar")
    client.force_login(wereld.collega)
    pagina = client.get(reverse("api:sleutels")).content.decode()
    assert "Sleutel van eigenaar" not in pagina
    assert "nog geen API-sleutels" in pagina


def test_a_key_past_its_limit_per_minute_gets_429_and_it_is_logged(client, wereld, settings):
    from django.core.cache import cache

    cache.clear()
    settings.API_LIMIET_PER_MINUUT = 2
    tekst = maak(client, wereld.eigenaar)
    statussen = [
        client.get(CIJFERS, HTTP_AUTHORIZATION=f"Bearer {tekst}").status_code for _ in range(3)
    ]
    assert statussen == [200, 200, 429]
    response = client.get(CIJFERS, HTTP_AUTHORIZATION=f"Bearer {tekst}")
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "Te veel verzoeken"
    assert response["Retry-After"] == "60"
    assert list(ApiVerzoek.objects.order_by("pk").values_list("status", flat=True)) == [
        200,
        200,
        429,
        429,
    ]


@pytest.mark.parametrize(
    ("query", "woord"),
    [
        ("jaar=twintig", "jaar"),
        ("dossier=bestaat-niet", "geen dossier"),
        ("organisatie=bestaat-niet", "geen organisatie"),
        ("tranche=99", "geen tranche"),
        ("status=prima", "status"),
        ("soort=boek", "soort"),
        ("per_pagina=1001", "per_pagina"),
    ],
)
def test_a_bad_filter_is_a_400_in_dutch(client, wereld, query, woord):
    client.force_login(wereld.eigenaar)
    response = client.get(f"{reverse('api-v1:cijfers')}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "Ongeldig verzoek"
    assert woord in response.json()["detail"]


def test_unknown_things_wrong_methods_and_paths_answer_in_problem_json(client, wereld):
    client.force_login(wereld.eigenaar)
    for url, status in [
        (reverse("api-v1:dossier", args=["bestaat-niet"]), 404),
        (reverse("api-v1:bevindingen", args=["bestaat-niet"]), 404),
        ("/api/v1/bestaat-niet", 404),
    ]:
        response = client.get(url)
        assert response.status_code == status, url
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["title"] == "Niet gevonden"
        assert response["API-Version"] == "1.0.0"
    response = client.post(reverse("api-v1:dossiers"))
    assert response.status_code == 405
    assert response.json()["title"] == "Methode niet toegestaan"
