"""Every list endpoint: as many queries for a large world as for a small one, pages that link
to each other, and the OpenAPI document: valid, every field described in Dutch, and every
path in it answers."""

import datetime
import json

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openapi_spec_validator import validate

from api.v1 import api
from core.models import Indicator, Jaaropgave, Onderdeel, Organisatie, Waarde
from core.streefdoel import Streefdoel
from rapportages.models import Rapport, Rapportversie
from regiodeals.models import Financieringspost, Kosten, Regiodeal, Tranche

LIJSTEN = ["dossiers", "items", "cijfers", "rapportversies", "kosten"]


def meer(wereld, n: int, begin: int) -> None:
    """`n` more deals in tranche 1, each with themes, parties, items with targets, submitted
    figures, a report version and costs."""
    tranche, _ = Tranche.objects.get_or_create(
        nummer=1,
        defaults={
            "naam": "Tranche 1",
            "minimale_rijksbijdrage": 0,
            "maximale_rijksbijdrage": 10**9,
        },
    )
    for i in range(begin, begin + n):
        deal = Regiodeal.objects.create(
            titel=f"Deal {i}",
            slug=f"deal-{i}",
            penvoerder=wereld.gemeente,
            tranche=tranche,
            startdatum=datetime.date(2020, 1, 1),
            einddatum=datetime.date(2026, 12, 31),
        )
        for org in (wereld.gemeente, wereld.corporatie_a, wereld.corporatie_b):
            deal.partijen.create(organisatie=org, rol="partij")
        thema = Onderdeel.objects.create(dossier=deal, nummer="1", titel="Wonen")
        Onderdeel.objects.create(dossier=deal, nummer="1.1", titel="Bouw", hoofdonderdeel=thema)
        for j in range(3):
            item = Indicator.objects.create(
                dossier=deal, onderdeel=thema, code=f"item-{j}", naam=f"Item {j}", eenheid="aantal"
            )
            Streefdoel.objects.create(
                dossier=deal, indicator=item, soort="per_jaar", waarde=10, omschrijving="Tien"
            )
            for jaar in (2021, 2022):
                for soort in ("plan", "realisatie"):
                    Waarde.objects.create(indicator=item, jaar=jaar, soort=soort, waarde=10 + j)
        for jaar in (2021, 2022):
            Jaaropgave.objects.create(
                dossier=deal,
                organisatie=wereld.gemeente,
                jaar=jaar,
                soort="realisatie",
                status="ingediend",
            )
        post = Financieringspost.objects.create(
            regiodeal=deal,
            actielijn=thema,
            naam="Wonen",
            maximale_rijksbijdrage=100,
            minimale_regionale_financiering=100,
        )
        Kosten.objects.create(post=post, jaar=2022, bron="rijk", bedrag=50)
        Streefdoel.objects.create(
            dossier=deal,
            soort="mijlpaal",
            omschrijving="Convenant getekend",
            deadline=datetime.date(2021, 6, 30),
        )
        rapport = Rapport.objects.create(
            dossier=deal, jaar=2022, status="definitief", aangemaakt_door=wereld.beheerder
        )
        Rapportversie.objects.create(
            rapport=rapport,
            nummer=1,
            status="definitief",
            gemaakt_door=wereld.beheerder,
            taak="klaar",
        )


def tel(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    assert response.json()["resultaten"], url
    return len(queries)


def test_every_list_endpoint_runs_as_many_queries_for_ten_times_the_data(client, wereld):
    meer(wereld, 2, 0)
    klein = {}
    for user in (wereld.eigenaar, wereld.coordinator, wereld.beheerder):
        client.force_login(user)
        klein[user] = {naam: tel(client, reverse(f"api-v1:{naam}")) for naam in LIJSTEN}
    meer(wereld, 20, 2)
    for user in (wereld.eigenaar, wereld.coordinator, wereld.beheerder):
        client.force_login(user)
        groot = {naam: tel(client, reverse(f"api-v1:{naam}")) for naam in LIJSTEN}
        assert groot == klein[user], user


def test_pages_link_to_each_other_and_together_hold_every_figure_once(client, wereld):
    meer(wereld, 3, 0)
    client.force_login(wereld.beheerder)
    url = reverse("api-v1:cijfers") + "?per_pagina=5&tranche=1"
    gezien, paginas = [], 0
    while url:
        antwoord = client.get(url).json()
        gezien += [c["id"] for c in antwoord["resultaten"]]
        paginas += 1
        volgende = antwoord["_links"]["next"]
        url = volgende["href"] if volgende else None
    assert len(gezien) == len(set(gezien)) == 3 * 3 * 2  # a cell per item and year
    assert paginas == 4
    laatste = antwoord["_links"]["prev"]["href"]
    terug = client.get(laatste).json()
    assert [c["id"] for c in terug["resultaten"]] == gezien[10:15]
    assert terug["_links"]["next"] is not None


def test_the_ministry_reads_a_tranches_realised_costs_of_a_year(client, wereld):
    meer(wereld, 2, 0)
    client.force_login(wereld.bestuurder)
    antwoord = client.get(reverse("api-v1:kosten") + "?tranche=1&jaar=2022").json()
    assert [(k["dossier"], k["bedrag"], k["bron"]) for k in antwoord["resultaten"]] == [
        ("deal-0", "50.00", "rijk"),
        ("deal-1", "50.00", "rijk"),
    ]


def test_a_dossier_shows_its_parties_themes_and_tranche(client, wereld):
    meer(wereld, 1, 0)
    client.force_login(wereld.buitenstaander)
    d = client.get(reverse("api-v1:dossier", args=["deal-0"])).json()
    assert d["tranche"] == 1 and d["soort"] == "regiodeal"
    assert {p["organisatie"]["slug"] for p in d["partijen"]} == {
        "gemeente-testdorp",
        "corporatie-a",
        "corporatie-b",
    }
    assert [(t["nummer"], t["hoofdonderdeel"]) for t in d["themas"]] == [("1", None), ("1.1", "1")]
    assert [(s["soort"], s["deadline"]) for s in d["streefdoelen"]] == [("mijlpaal", "2021-06-30")]
    items = client.get(reverse("api-v1:items") + "?dossier=deal-0").json()["resultaten"]
    assert items[0]["streefdoelen"][0]["waarde"] == "10.00"


def openapi(client) -> dict:
    response = client.get(reverse("api-v1:openapi-json"))
    assert response.status_code == 200
    assert response["API-Version"] == "1.0.0"
    return json.loads(response.content)


def test_the_openapi_document_is_public_valid_and_every_path_in_it_answers(client, wereld):
    meer(wereld, 1, 0)
    document = openapi(client)
    validate(document)
    client.force_login(wereld.beheerder)
    for pad, methoden in document["paths"].items():
        assert list(methoden) == ["get"], pad
        url = pad.replace("{slug}", "deal-0")
        assert client.get(url).status_code == 200, url
    namen = {p.name for p in api.urls[0] if p.name not in {"openapi-json", "api-root", "docs"}}
    assert len(document["paths"]) == len(namen) == 7


def test_every_field_and_parameter_has_a_dutch_description(client, db):
    document = openapi(client)
    for naam, schema in document["components"]["schemas"].items():
        for veld, eigenschappen in schema.get("properties", {}).items():
            assert eigenschappen.get("description"), f"{naam}.{veld}"
    for pad, methoden in document["paths"].items():
        for parameter in methoden["get"].get("parameters", []):
            assert parameter.get("description"), f"{pad} {parameter['name']}"


def test_the_documentation_page_is_public_and_loads_nothing_from_elsewhere(client, db):
    response = client.get(reverse("api-v1:docs"))
    assert response.status_code == 200
    pagina = response.content.decode()
    assert "Cijfers: plan en realisatie met status" in pagina
    assert "Het plancijfer" in pagina
    assert "https://" not in pagina.replace("https://testserver", "")
    assert Organisatie.objects.count() == 0
