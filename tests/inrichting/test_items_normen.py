"""A dossier's norms in the browser: the coördinator adds a bound on one of its items; a norm
on its own item, a norm without a bound or a number not written the Dutch way is refused in
Dutch with nothing saved; outsiders are refused."""

import re

import pytest
from django.urls import reverse

from core.models import Norm, Rol


def normen_url(dossier) -> str:
    return reverse("inrichting:normen", args=[dossier.slug])


def formulier(**velden) -> dict:
    basis = dict.fromkeys(
        ["indicator", "soort", "ondergrens", "bovengrens", "ten_opzichte_van", "omschrijving"], ""
    )
    return {**basis, **{k: str(v) for k, v in velden.items()}}


def veldfout(html: str, veld: str) -> str:
    gevonden = re.search(rf'id="id_{veld}_error">(.*?)</div>', html, re.S)
    assert gevonden, f"geen fout bij {veld}"
    return re.sub(r"<[^>]+>", "", gevonden.group(1)).replace("Fout: ", "").strip()


def test_the_coordinator_adds_a_norm_the_dutch_way(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.coordinator)

    response = client.post(
        normen_url(t.dossier),
        formulier(
            indicator=t.verduurzaming.pk,
            soort="aandeel",
            bovengrens="12,5",
            ten_opzichte_van=t.nieuwbouw.pk,
            omschrijving="Hoogstens een achtste",
        ),
    )

    assert response.status_code == 302
    norm = Norm.objects.get(indicator=t.verduurzaming)
    assert (str(norm.bovengrens), norm.ondergrens, norm.ten_opzichte_van) == (
        "12.50",
        None,
        t.nieuwbouw,
    )
    html = client.get(normen_url(t.dossier)).content.decode()
    assert "1 norm" in html and "12,5" in html and "Hoogstens een achtste" in html


@pytest.mark.parametrize(
    "velden, veld, fout",
    [
        (
            {"soort": "aandeel", "ondergrens": "1", "ten_opzichte_van": "zelf"},
            "ten_opzichte_van",
            "Een norm kan niet naar zijn eigen item verwijzen.",
        ),
        ({"soort": "absoluut"}, None, "Geef een ondergrens, een bovengrens of beide."),
        (
            {"soort": "absoluut", "ondergrens": "1.5"},
            "ondergrens",
            "‘1.5’ is geen getal. Schrijf bijvoorbeeld 1.234,56.",
        ),
        (
            {"soort": "absoluut", "ondergrens": "1", "ten_opzichte_van": "elders"},
            "ten_opzichte_van",
            "Selecteer een geldige keuze. Deze keuze is niet beschikbaar.",
        ),
    ],
)
def test_a_bad_norm_is_refused_in_dutch_with_nothing_saved(
    client, termijnafspraak, velden, veld, fout
):
    t = termijnafspraak
    client.force_login(t.coordinator)
    elders = t.ander.indicatoren.get()
    vervang = {"zelf": t.nieuwbouw.pk, "elders": elders.pk}
    velden = {k: vervang.get(v, v) for k, v in velden.items()}
    voor = Norm.objects.count()

    response = client.post(normen_url(t.dossier), formulier(indicator=t.nieuwbouw.pk, **velden))

    assert response.status_code == 400
    assert Norm.objects.count() == voor
    html = response.content.decode()
    assert "Er is niets opgeslagen" in html
    if veld:
        assert veldfout(html, veld) == fout
    else:
        assert fout in html


def test_a_norm_is_removed_by_post(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.coordinator)
    norm = Norm.objects.create(indicator=t.nieuwbouw, soort="absoluut", ondergrens=0)
    ander = Norm.objects.create(indicator=t.ander.indicatoren.get(), soort="absoluut", ondergrens=0)
    url = reverse("inrichting:norm_verwijderen", args=[t.dossier.slug, norm.pk])

    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    assert not Norm.objects.filter(pk=norm.pk).exists()
    vreemd = reverse("inrichting:norm_verwijderen", args=[t.dossier.slug, ander.pk])
    assert client.post(vreemd).status_code == 404
    assert Norm.objects.filter(pk=ander.pk).exists()


def test_only_the_coordinator_or_a_beheerder_keeps_the_norms(client, termijnafspraak, user_factory):
    t = termijnafspraak
    norm = Norm.objects.create(indicator=t.nieuwbouw, soort="absoluut", ondergrens=0)
    verwijder = reverse("inrichting:norm_verwijderen", args=[t.dossier.slug, norm.pk])
    for user in (
        t.bestuurder,
        t.beleid_corporatie,
        user_factory("coordinator-elders", t.ander.penvoerder, Rol.COORDINATOR),
    ):
        client.force_login(user)
        assert client.get(normen_url(t.dossier)).status_code == 403
        post = formulier(indicator=t.nieuwbouw.pk, soort="absoluut", ondergrens="1")
        assert client.post(normen_url(t.dossier), post).status_code == 403
        assert client.post(verwijder).status_code == 403
    assert list(Norm.objects.values_list("pk", flat=True)) == [norm.pk]
    client.force_login(t.beheerder)
    assert client.get(normen_url(t.dossier)).status_code == 200
    assert client.put(normen_url(t.dossier)).status_code == 405
