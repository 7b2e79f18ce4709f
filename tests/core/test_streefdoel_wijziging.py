"""A target after its dossier was published: changing what it promises is an amendment, with
a date and a reason, that keeps the old and the new target (core.Doelwijziging) and is shown
under the target on the list. While the dossier is in opbouw, edits are free.

On the made-up agreement of tests/conftest.py (`termijnafspraak`): 800 new social rental homes
over 2025–2028."""

import datetime
import re

from afspraken.models import Afspraak
from core.models import Doelwijziging, Streefdoel

from .test_streefdoel_pages import formulier, lijst_url, veldfout, wijzig_url


def post_van(doel, **velden) -> dict:
    return formulier(
        omschrijving=doel.omschrijving, soort=doel.soort, indicator=doel.indicator_id, **velden
    )


def test_an_amendment_without_date_or_reason_is_refused_with_nothing_saved(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.coordinator)
    assert "Datum van de wijziging" in client.get(wijzig_url(t.doel)).content.decode()

    response = client.post(wijzig_url(t.doel), post_van(t.doel, waarde="900"))

    assert response.status_code == 400
    html = response.content.decode()
    assert veldfout(html, "wijzigingsdatum") == (
        "Het streefdoel is vastgesteld: geef de datum van de wijziging."
    )
    assert (
        veldfout(html, "reden") == "Het streefdoel is vastgesteld: geef de reden van de wijziging."
    )
    t.doel.refresh_from_db()
    assert t.doel.waarde == 800
    assert not Doelwijziging.objects.exists()


def test_an_amendment_keeps_the_old_and_new_target_and_the_list_shows_it(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.coordinator)

    response = client.post(
        wijzig_url(t.doel),
        post_van(
            t.doel,
            waarde="900",
            wijzigingsdatum="01-03-2027",
            reden="Actualisatie 2027: extra bouwlocatie",
        ),
    )

    assert response.status_code == 302
    t.doel.refresh_from_db()
    assert t.doel.waarde == 900
    wijziging = Doelwijziging.objects.get()
    assert (wijziging.streefdoel, wijziging.datum, wijziging.reden, wijziging.door) == (
        t.doel,
        datetime.date(2027, 3, 1),
        "Actualisatie 2027: extra bouwlocatie",
        t.coordinator,
    )
    assert (wijziging.oud["waarde"], wijziging.nieuw["waarde"]) == ("800.00", "900.00")
    assert wijziging.oud["soort"] == wijziging.nieuw["soort"] == "looptijd"
    html = client.get(lijst_url(t.dossier)).content.decode()
    regel = re.sub(r"\s+", " ", html)
    assert (
        "gewijzigd op 1-3-2027: 800 over 2025–2028 → 900 over 2025–2028, "
        "reden: Actualisatie 2027: extra bouwlocatie"
    ) in regel
    # The other agreement's target is untouched.
    assert Streefdoel.objects.get(dossier=t.ander).waarde == 999


def test_a_published_target_is_set_aside_by_an_amendment(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.coordinator)

    client.post(
        wijzig_url(t.doel),
        post_van(
            t.doel, waarde="800", vervallen="on", wijzigingsdatum="1-7-2026", reden="Geschrapt"
        ),
    )

    t.doel.refresh_from_db()
    assert t.doel.vervallen
    wijziging = Doelwijziging.objects.get()
    assert (wijziging.oud["vervallen"], wijziging.nieuw["vervallen"]) == (False, True)
    assert "(vervallen), reden: Geschrapt" in client.get(lijst_url(t.dossier)).content.decode()


def test_changing_only_the_words_of_a_published_target_is_no_amendment(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.coordinator)

    response = client.post(
        wijzig_url(t.doel),
        formulier(
            omschrijving="800 sociale huurwoningen erbij",
            soort="looptijd",
            indicator=t.nieuwbouw.pk,
            waarde="800",
        ),
    )

    assert response.status_code == 302
    t.doel.refresh_from_db()
    assert t.doel.omschrijving == "800 sociale huurwoningen erbij"
    assert not Doelwijziging.objects.exists()


def test_in_opbouw_a_target_changes_freely(client, termijnafspraak):
    t = termijnafspraak
    Afspraak.objects.filter(pk=t.dossier.pk).update(in_opbouw=True)
    client.force_login(t.coordinator)

    response = client.post(wijzig_url(t.doel), post_van(t.doel, waarde="950"))

    assert response.status_code == 302
    assert Streefdoel.objects.get(pk=t.doel.pk).waarde == 950
    assert not Doelwijziging.objects.exists()


def test_an_outsider_cannot_amend_a_target(client, termijnafspraak):
    t = termijnafspraak
    for user in (t.bestuurder, t.beleid_corporatie, t.beleid_gemeente):
        client.force_login(user)
        response = client.post(
            wijzig_url(t.doel), post_van(t.doel, waarde="1", wijzigingsdatum="1-1-2027", reden="x")
        )
        assert response.status_code == 403
    assert Streefdoel.objects.get(pk=t.doel.pk).waarde == 800
    assert not Doelwijziging.objects.exists()
