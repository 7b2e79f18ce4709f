"""The one progress rule (core.voortgang) for every kind of target, on the shared example."""

import datetime
from decimal import Decimal

import pytest

from core.models import Streefdoel, Waarde
from core.voortgang import Doelstatus, Reeks, bepaal_voortgang, voortgang_van


def test_term_target_is_judged_on_the_cumulative_realisation_against_the_share_due(
    termijnafspraak,
):
    (voortgang,) = voortgang_van(termijnafspraak.dossier, termijnafspraak.bestuurder, 2026)

    assert voortgang.gerealiseerd == Decimal(410)
    assert voortgang.verwacht == Decimal(400)  # 800 × 2 of 4 years
    assert voortgang.status == Doelstatus.OP_SCHEMA
    assert voortgang.tekst == "410 van 800"
    assert voortgang.vorige_periode == Decimal(640)


def test_a_lower_term_target_puts_the_same_realisation_ahead(termijnafspraak):
    termijnafspraak.doel.waarde = 700
    termijnafspraak.doel.save()

    (voortgang,) = voortgang_van(termijnafspraak.dossier, termijnafspraak.bestuurder, 2026)

    assert voortgang.verwacht == Decimal(350)
    assert voortgang.status == Doelstatus.VOOR
    assert voortgang.tekst == "410 van 700"


def test_the_yearly_plan_sets_the_share_due_where_every_year_has_one(termijnafspraak):
    for jaar, plan in {2025: 300, 2026: 300}.items():
        Waarde.objects.create(
            indicator=termijnafspraak.nieuwbouw, jaar=jaar, soort="plan", waarde=plan
        )

    (voortgang,) = voortgang_van(termijnafspraak.dossier, termijnafspraak.coordinator, 2026)

    assert voortgang.verwacht == Decimal(600)
    assert voortgang.status == Doelstatus.ACHTER


def test_after_the_last_year_a_term_target_is_met_or_not(termijnafspraak):
    doel = termijnafspraak.doel
    reeks = Reeks(realisatie={2025: Decimal(150), 2026: Decimal(260), 2027: Decimal(200)})
    reeks_gehaald = Reeks(realisatie={**reeks.realisatie, 2028: Decimal(190)})

    assert bepaal_voortgang(doel, reeks, 2028).status == Doelstatus.NIET_GEHAALD
    assert bepaal_voortgang(doel, reeks_gehaald, 2028).status == Doelstatus.GEHAALD


@pytest.mark.parametrize(
    ("per_jaar", "realisatie", "status"),
    [
        (True, {2026: 2}, Doelstatus.BINNEN),
        (True, {2026: 4}, Doelstatus.BOVEN),
        (True, {2026: 0}, Doelstatus.ONDER),
        (False, {2025: 0, 2026: 0}, Doelstatus.LOPEND),  # the term is not over yet
        (False, {2025: 1, 2026: 1}, Doelstatus.BINNEN),
        (False, {2025: 2, 2026: 2}, Doelstatus.BOVEN),
    ],
)
def test_a_range_is_within_below_or_above(termijnafspraak, per_jaar, realisatie, status):
    doel = Streefdoel(
        dossier=termijnafspraak.dossier,
        indicator=termijnafspraak.nieuwbouw,
        soort=Streefdoel.Soort.BANDBREEDTE,
        minimum=1,
        maximum=3,
        per_jaar=per_jaar,
    )
    reeks = Reeks(realisatie={j: Decimal(w) for j, w in realisatie.items()})

    assert bepaal_voortgang(doel, reeks, 2026).status == status


@pytest.mark.parametrize(
    ("bereikt_op", "vandaag", "status"),
    [
        (None, datetime.date(2026, 6, 30), Doelstatus.LOPEND),
        (None, datetime.date(2026, 7, 2), Doelstatus.TE_LAAT),
        (datetime.date(2026, 5, 1), datetime.date(2026, 7, 2), Doelstatus.GEHAALD),
        (datetime.date(2026, 9, 1), datetime.date(2026, 10, 1), Doelstatus.GEHAALD_TE_LAAT),
    ],
)
def test_a_milestone_is_reached_on_time_late_or_still_running(
    termijnafspraak, bereikt_op, vandaag, status
):
    doel = Streefdoel(
        dossier=termijnafspraak.dossier,
        soort=Streefdoel.Soort.MIJLPAAL,
        deadline=datetime.date(2026, 7, 1),
        bereikt_op=bereikt_op,
    )

    assert bepaal_voortgang(doel, Reeks(), 2026, vandaag).status == status


def test_a_milestone_without_its_own_date_is_due_at_the_end_of_the_dossier(termijnafspraak):
    doel = Streefdoel(dossier=termijnafspraak.dossier, soort=Streefdoel.Soort.MIJLPAAL)

    assert doel.uiterlijk == datetime.date(2028, 12, 31)
    assert bepaal_voortgang(doel, Reeks(), 2026, datetime.date(2029, 1, 1)).status == (
        Doelstatus.TE_LAAT
    )


def test_an_effect_moves_from_its_baseline_toward_its_level_in_its_direction(termijnafspraak):
    doel = Streefdoel(
        dossier=termijnafspraak.dossier,
        indicator=termijnafspraak.nieuwbouw,
        soort=Streefdoel.Soort.EFFECT,
        waarde=10,
        nulmeting=20,
        nulmeting_jaar=2024,
        richting="lager",
    )
    # Due pro rata: 2024 → 2028 from 20 to 10, so 15 at the end of 2026.
    assert bepaal_voortgang(doel, Reeks({2026: Decimal(15)}), 2026).verwacht == Decimal(15)
    assert bepaal_voortgang(doel, Reeks({2026: Decimal(15)}), 2026).status == Doelstatus.OP_SCHEMA
    assert bepaal_voortgang(doel, Reeks({2026: Decimal(19)}), 2026).status == Doelstatus.ACHTER
    assert bepaal_voortgang(doel, Reeks({2028: Decimal(9)}), 2028).status == Doelstatus.GEHAALD
    assert bepaal_voortgang(doel, Reeks({2028: Decimal(12)}), 2028).status == (
        Doelstatus.NIET_GEHAALD
    )


def test_a_withdrawn_target_is_not_judged(termijnafspraak):
    termijnafspraak.doel.vervallen = True

    assert bepaal_voortgang(termijnafspraak.doel, Reeks(), 2026).status == Doelstatus.VERVALLEN


def test_progress_counts_only_the_figures_the_reader_may_see(termijnafspraak):
    Waarde.objects.create(
        indicator=termijnafspraak.nieuwbouw, jaar=2027, soort="realisatie", waarde=500
    )  # a concept of the gemeente, not submitted

    (voor_bestuurder,) = voortgang_van(
        termijnafspraak.dossier, termijnafspraak.beleid_corporatie, 2027
    )
    (voor_gemeente,) = voortgang_van(termijnafspraak.dossier, termijnafspraak.beleid_gemeente, 2027)

    assert voor_bestuurder.gerealiseerd == Decimal(410)
    assert voor_gemeente.gerealiseerd == Decimal(910)


def test_progress_of_a_dossier_takes_the_same_queries_with_more_targets(termijnafspraak):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    lezer = termijnafspraak.bestuurder
    voortgang_van(termijnafspraak.dossier, lezer, 2026)  # the reader's roles, loaded once
    with CaptureQueriesContext(connection) as een_doel:
        voortgang_van(termijnafspraak.dossier, lezer, 2026)
    for i in range(10):
        Streefdoel.objects.create(
            dossier=termijnafspraak.dossier,
            indicator=termijnafspraak.nieuwbouw,
            soort=Streefdoel.Soort.LOOPTIJD,
            waarde=100 + i,
        )
    with CaptureQueriesContext(connection) as elf_doelen:
        assert len(voortgang_van(termijnafspraak.dossier, lezer, 2026)) == 11

    assert len(elf_doelen) == len(een_doel) == 3
