"""A dossier in opbouw is seen only by who sets it up (its coördinator, a beheerder): no other
page, list or report shows it, and nobody enters figures in it until it is published."""

import pytest
from django.urls import reverse

from core.models import Rol


@pytest.fixture
def opbouw(termijnafspraak, user_factory):
    t = termijnafspraak
    t.dossier.in_opbouw = True
    t.dossier.save()
    t.coordinator = user_factory("coordinator-voorbeeldstad", t.gemeente, Rol.COORDINATOR)
    t.lezer = user_factory("bestuurder-elders", t.ander.penvoerder, Rol.BESTUURDER)
    t.corporatie_mw = user_factory("mw-corporatie", t.corporatie, Rol.BELEIDSMEDEWERKER)
    return t


def pagina_s(slug: str) -> list[str]:
    return [
        reverse("afspraken:detail", args=[slug]),
        reverse("dashboards:dossier", args=[slug]),
        reverse("core:streefdoelen", args=[slug]),
        reverse("historie:dossier", args=[slug]),
        reverse("rapportages:rapport", args=[slug, 2025]),
    ]


def test_a_dossier_in_opbouw_is_hidden_from_everyone_but_its_coordinator(client, opbouw):
    slug = opbouw.dossier.slug
    for gebruiker in (opbouw.lezer, opbouw.corporatie_mw):
        client.force_login(gebruiker)
        for url in pagina_s(slug):
            assert client.get(url).status_code == 404, (gebruiker, url)
        lijst = client.get(reverse("afspraken:list")).content.decode()
        assert opbouw.dossier.naam not in lijst
        assert opbouw.ander.naam in lijst  # the published agreement of Elders stays listed
        start = client.get("/").content.decode()
        assert opbouw.dossier.naam not in start

    client.force_login(opbouw.coordinator)
    for url in pagina_s(slug)[:4]:
        assert client.get(url).status_code == 200, url
    html = client.get(reverse("afspraken:detail", args=[slug])).content.decode()
    assert "In opbouw:" in html


def test_nobody_enters_figures_in_a_dossier_in_opbouw_until_it_is_published(client, opbouw):
    invoer = reverse("core:invoer", args=[opbouw.dossier.slug, 2025, "realisatie"])
    client.force_login(opbouw.corporatie_mw)
    assert client.get(invoer).status_code in (403, 404)
    client.force_login(opbouw.coordinator)
    assert client.get(invoer + "?organisatie=" + opbouw.corporatie.slug).status_code == 403

    opbouw.dossier.in_opbouw = False
    opbouw.dossier.save()
    client.force_login(opbouw.corporatie_mw)
    response = client.get(invoer)
    assert response.status_code == 200
    assert opbouw.verduurzaming.naam in response.content.decode()
