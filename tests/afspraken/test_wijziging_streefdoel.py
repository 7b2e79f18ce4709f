"""An amendment changes a target of any kind (value, years, range, deadline) and keeps the old
target with the amendment's date and reason; applied at the real URL by the coördinator.

On the made-up agreement of tests/conftest.py (`termijnafspraak`): 800 new social rental homes
over 2025–2028, realised 150 (2025) and 260 (2026).
"""

import datetime
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.template.loader import render_to_string
from django.urls import reverse

from afspraken.models import Afspraakpunt, Wijziging, Wijzigingsregel
from core.models import Streefdoel
from core.voortgang import Doelstatus, voortgang_van

D = Decimal
STREEFWAARDE = Wijzigingsregel.Soort.STREEFWAARDE


def wijziging(t, **regel) -> Wijziging:
    w = Wijziging.objects.create(
        afspraak=t.dossier,
        soort=Wijziging.Soort.WIJZIGING,
        datum=datetime.date(2027, 3, 1),
        titel="Wijziging prestatieafspraken 2027",
        reden="Twee bouwlocaties vallen af.",
    )
    w.regels.create(soort=STREEFWAARDE, **{"afspraakpunt": t.punt, **regel})
    return w


def verwerk(client, w: Wijziging):
    return client.post(
        reverse("afspraken:wijziging_verwerken", args=[w.afspraak.slug, w.pk]),
    )


def meldingen(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def geschiedenis(punt: Afspraakpunt) -> str:
    """The item's history as the punt page shows it (templates/afspraken/partials/
    wijzigingen.html, with the regels the way the page selects them)."""
    regels = punt.wijzigingsregels.select_related(
        "wijziging", "afspraakpunt__streefdoel__indicator", "afspraakpunt__streefdoel__dossier"
    ).order_by("wijziging__datum", "pk")
    return render_to_string("afspraken/partials/wijzigingen.html", {"regels": regels})


def stand(t) -> tuple:
    return (
        list(Streefdoel.objects.order_by("pk").values()),
        list(Afspraakpunt.objects.order_by("pk").values("pk", "status", "streefdoel")),
        list(Wijzigingsregel.objects.order_by("pk").values("pk", "oude_status", "oud_streefdoel")),
        list(Wijziging.objects.order_by("pk").values("pk", "toegepast_op")),
    )


@pytest.fixture
def punt_met(termijnafspraak):
    """Another item of the agreement with a target of the given kind."""

    def maak(titel: str, **doel) -> Afspraakpunt:
        streefdoel = Streefdoel.objects.create(dossier=termijnafspraak.dossier, **doel)
        return Afspraakpunt.objects.create(
            afspraak=termijnafspraak.dossier,
            onderdeel=termijnafspraak.thema,
            soort=Afspraakpunt.Soort.AFSPRAAK,
            titel=titel,
            streefdoel=streefdoel,
        )

    return maak


def test_the_coordinator_lowers_the_term_target_to_700_and_the_800_is_kept(client, termijnafspraak):
    t = termijnafspraak
    w = wijziging(t, nieuwe_streefwaarde=700, reden="Locaties Noord en Zuid vervallen.")
    client.force_login(t.coordinator)

    response = verwerk(client, w)

    assert response.status_code == 302
    assert meldingen(response) == ["‘Wijziging prestatieafspraken 2027’ is verwerkt."]
    t.doel.refresh_from_db()
    assert (t.doel.soort, t.doel.waarde, t.doel.tot_en_met_jaar) == ("looptijd", D(700), None)
    regel = w.regels.get()
    assert regel.oud_streefdoel["waarde"] == "800.00"
    assert regel.oud_streefdoel["soort"] == "looptijd"
    assert (regel.wijziging.datum, regel.reden) == (
        datetime.date(2027, 3, 1),
        "Locaties Noord en Zuid vervallen.",
    )
    t.punt.refresh_from_db()
    assert t.punt.status == Afspraakpunt.Status.GEWIJZIGD
    html = geschiedenis(t.punt)
    assert "1 maart 2027, Wijziging prestatieafspraken 2027" in html
    assert "Oorspronkelijk doel: 800 over 2025–2028; nieuw doel: 700 over 2025–2028." in html
    assert "Reden: Locaties Noord en Zuid vervallen." in html
    assert "nog niet verwerkt" not in html
    # The other municipality's target is untouched; progress now judges 410 against 700.
    assert Streefdoel.objects.get(dossier=t.ander).waarde == 999
    (voortgang,) = [v for v in voortgang_van(t.dossier, t.coordinator, 2026) if v.doel == t.doel]
    assert (voortgang.gerealiseerd, voortgang.verwacht) == (D(410), D(350))
    assert voortgang.status == Doelstatus.VOOR


def test_before_it_is_applied_the_history_shows_the_change_to_come(termijnafspraak):
    t = termijnafspraak
    wijziging(t, nieuwe_streefwaarde=700)

    html = geschiedenis(t.punt)

    assert "Oorspronkelijk doel: 800 over 2025–2028; nieuw doel: 700 over 2025–2028." in html
    assert "(nog niet verwerkt)" in html
    assert "Reden: Twee bouwlocaties vallen af." in html  # the amendment's own reason


@pytest.mark.parametrize("gebruiker", ["bestuurder", "beleid_gemeente", "beleid_corporatie"])
def test_only_the_coordinator_or_a_beheerder_applies_it(client, termijnafspraak, gebruiker):
    t = termijnafspraak
    w = wijziging(t, nieuwe_streefwaarde=700)
    voor = stand(t)
    client.force_login(getattr(t, gebruiker))

    assert verwerk(client, w).status_code == 403
    assert stand(t) == voor


def test_a_beheerder_moves_the_term_target_past_the_term(client, termijnafspraak):
    t = termijnafspraak
    w = wijziging(t, nieuwe_streefwaarde=1000, nieuw_streefjaar=2030)
    client.force_login(t.beheerder)

    verwerk(client, w)

    t.doel.refresh_from_db()
    assert (t.doel.waarde, t.doel.tot_en_met_jaar, t.doel.voorbij_looptijd) == (D(1000), 2030, True)
    assert w.regels.get().oud_streefdoel["tot_en_met_jaar"] is None
    assert "Oorspronkelijk doel: 800 over 2025–2028; nieuw doel: 1.000 over 2025–2030." in (
        geschiedenis(t.punt)
    )


def test_a_range_amendment_changes_both_bounds_and_keeps_the_old_ones(
    client, termijnafspraak, punt_met
):
    t = termijnafspraak
    punt = punt_met(
        "Eén tot drie wijkcentra", soort="bandbreedte", minimum=1, maximum=3, indicator=t.nieuwbouw
    )
    w = wijziging(t, afspraakpunt=punt, nieuw_minimum=2, nieuw_maximum=4)
    client.force_login(t.coordinator)

    verwerk(client, w)

    punt.streefdoel.refresh_from_db()
    assert (punt.streefdoel.minimum, punt.streefdoel.maximum) == (D(2), D(4))
    oud = w.regels.get().oud_streefdoel
    assert (oud["minimum"], oud["maximum"], oud["per_jaar"]) == ("1.00", "3.00", False)
    assert (
        "Oorspronkelijk doel: minimaal 1 en maximaal 3 over 2025–2028; "
        "nieuw doel: minimaal 2 en maximaal 4 over 2025–2028." in geschiedenis(punt)
    )


def test_a_milestone_amendment_moves_the_deadline_and_keeps_the_old_date(
    client, termijnafspraak, punt_met
):
    t = termijnafspraak
    punt = punt_met(
        "Laatste E-, F- en G-labels verbeterd",
        soort="mijlpaal",
        deadline=datetime.date(2026, 12, 31),
        organisatie=t.corporatie,
    )
    w = wijziging(t, afspraakpunt=punt, nieuwe_deadline=datetime.date(2027, 6, 30))
    client.force_login(t.coordinator)

    verwerk(client, w)

    punt.streefdoel.refresh_from_db()
    assert punt.streefdoel.deadline == datetime.date(2027, 6, 30)
    assert w.regels.get().oud_streefdoel["deadline"] == "2026-12-31"
    assert (
        "Oorspronkelijk doel: uiterlijk 31 december 2026; nieuw doel: uiterlijk 30 juni 2027."
        in geschiedenis(punt)
    )


def test_a_range_amendment_with_minimum_above_maximum_is_refused_and_changes_nothing(
    client, termijnafspraak, punt_met
):
    t = termijnafspraak
    punt = punt_met("Bandbreedte", soort="bandbreedte", minimum=1, maximum=3)
    w = wijziging(t, afspraakpunt=punt, nieuw_minimum=5, nieuw_maximum=4)
    voor = stand(t)
    client.force_login(t.coordinator)

    response = verwerk(client, w)

    assert response.status_code == 302
    assert meldingen(response) == [
        "Niets verwerkt: Het nieuwe minimum is groter dan het nieuwe maximum."
    ]
    assert stand(t) == voor
    w.refresh_from_db()
    assert not w.is_toegepast


def test_a_new_minimum_above_the_current_maximum_is_refused_and_changes_nothing(
    client, termijnafspraak, punt_met
):
    t = termijnafspraak
    punt = punt_met("Bandbreedte", soort="bandbreedte", minimum=1, maximum=3)
    w = wijziging(t, afspraakpunt=punt, nieuw_minimum=5)
    w.regels.create(soort=STREEFWAARDE, afspraakpunt=t.punt, nieuwe_streefwaarde=700)
    voor = stand(t)
    client.force_login(t.coordinator)

    response = verwerk(client, w)

    assert meldingen(response) == ["Niets verwerkt: Het minimum (5) is groter dan het maximum (3)."]
    assert stand(t) == voor  # not even the 700 of the other change
    t.doel.refresh_from_db()
    assert t.doel.waarde == 800
