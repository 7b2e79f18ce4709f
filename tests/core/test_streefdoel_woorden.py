"""A target in the document's words: on the target form of an agreement the coördinator names
its agreement item (title, theme, kind), of a Regio Deal its intended result (text, line);
saving creates or updates that item, which then reads the target's words everywhere.

On the made-up agreement of tests/conftest.py (`termijnafspraak`) and the demo's Regio Deal
Groningen Noord II (its coördinator `groningen`)."""

from django.urls import reverse

from afspraken.models import Afspraakpunt
from core.models import Onderdeel, Streefdoel
from regiodeals.models import BeoogdResultaat

from .test_streefdoel_pages import formulier, lijst_url, nieuw_url, veldfout, wijzig_url


def test_a_new_target_of_an_agreement_gets_its_agreement_item(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.coordinator)
    assert "Afspraakpunt" in client.get(nieuw_url(t.dossier)).content.decode()

    response = client.post(
        nieuw_url(t.dossier),
        formulier(
            soort="per_jaar",
            indicator=t.verduurzaming.pk,
            waarde="40",
            woorden_titel="Wij verduurzamen 40 woningen per jaar",
            woorden_onderdeel=t.thema.pk,
            woorden_soort="doelstelling",
        ),
    )

    assert response.status_code == 302
    doel = Streefdoel.objects.get(indicator=t.verduurzaming)
    punt = Afspraakpunt.objects.get(streefdoel=doel)
    assert (punt.afspraak_id, punt.onderdeel, punt.soort, punt.titel) == (
        t.dossier.pk,
        t.thema,
        "doelstelling",
        "Wij verduurzamen 40 woningen per jaar",
    )
    assert (
        "Wij verduurzamen 40 woningen per jaar" in client.get(lijst_url(t.dossier)).content.decode()
    )
    hoofdstuk = client.get(reverse("afspraken:detail", args=[t.dossier.slug])).content.decode()
    assert "Wij verduurzamen 40 woningen per jaar" in hoofdstuk
    assert not Afspraakpunt.objects.filter(afspraak=t.ander).exists()


def test_editing_the_words_updates_the_same_agreement_item(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.coordinator)
    assert 'value="Samen bouwen we 800 nieuwe sociale huurwoningen"' in (
        client.get(wijzig_url(t.doel)).content.decode()
    )

    client.post(
        wijzig_url(t.doel),
        formulier(
            omschrijving=t.doel.omschrijving,
            soort="looptijd",
            indicator=t.nieuwbouw.pk,
            waarde="800",
            woorden_titel="Samen bouwen we 800 sociale huurwoningen erbij",
            woorden_onderdeel=t.thema.pk,
            woorden_soort="afspraak",
        ),
    )

    punt = Afspraakpunt.objects.get(streefdoel=t.doel)
    assert (punt.pk, punt.titel) == (t.punt.pk, "Samen bouwen we 800 sociale huurwoningen erbij")


def test_words_without_a_theme_are_refused_with_nothing_saved(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.coordinator)
    doelen, punten = Streefdoel.objects.count(), Afspraakpunt.objects.count()

    response = client.post(
        nieuw_url(t.dossier),
        formulier(soort="per_jaar", woorden_titel="Zonder thema", woorden_soort="afspraak"),
    )

    assert response.status_code == 400
    assert veldfout(response.content.decode(), "woorden_onderdeel") == (
        "Kies waar het afspraakpunt onder valt."
    )
    assert (Streefdoel.objects.count(), Afspraakpunt.objects.count()) == (doelen, punten)


def test_a_target_of_a_regio_deal_gets_its_intended_result(als):
    client = als("groningen")
    slug = "regio-deal-groningen-noord-ii"
    lijn = Onderdeel.objects.filter(dossier__slug=slug).first()

    response = client.post(
        reverse("core:streefdoel_toevoegen", args=[slug]),
        formulier(
            soort="mijlpaal",
            deadline="31-12-2026",
            omschrijving="Dorpshuis open",
            woorden_titel="Het dorpshuis is eind 2026 open",
            woorden_onderdeel=lijn.pk,
        ),
    )

    assert response.status_code == 302
    resultaat = BeoogdResultaat.objects.get(streefdoel__omschrijving="Dorpshuis open")
    assert (resultaat.regiodeal.slug, resultaat.onderdeel, resultaat.omschrijving) == (
        slug,
        lijn,
        "Het dorpshuis is eind 2026 open",
    )
    lijst = client.get(reverse("core:streefdoelen", args=[slug])).content.decode()
    assert "Het dorpshuis is eind 2026 open" in lijst
