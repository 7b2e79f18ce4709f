"""Convenant rules on amendments (art. 11) and withdrawal (art. 12)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from regiodeals.models import Convenantwijziging, Partijmutatie, plus_maanden

D = datetime.date


def test_withdrawal_needs_three_months_notice(deal_factory):
    deal = deal_factory("Opzeg", 10_000_000)
    te_snel = Partijmutatie(
        regiodeal=deal,
        organisatie=deal.penvoerder,
        soort="opzegging",
        datum=D(2026, 1, 31),
        ingangsdatum=D(2026, 4, 29),
    )
    op_tijd = Partijmutatie(
        regiodeal=deal,
        organisatie=deal.penvoerder,
        soort="opzegging",
        datum=D(2026, 1, 31),
        ingangsdatum=D(2026, 4, 30),
    )

    with pytest.raises(ValidationError, match="drie maanden"):
        te_snel.full_clean()
    op_tijd.full_clean()


def test_plus_maanden_keeps_the_day_or_takes_the_months_last():
    assert plus_maanden(D(2025, 11, 30), 3) == D(2026, 2, 28)
    assert plus_maanden(D(2025, 10, 15), 3) == D(2026, 1, 15)


def test_an_amendment_needs_the_consent_of_all_parties(deal_factory):
    deal = deal_factory("Wijzig", 10_000_000)
    wijziging = Convenantwijziging(
        regiodeal=deal,
        datum=D(2026, 5, 1),
        titel="Nieuwe verdeling",
        omschrijving="Andere verdeling over de actielijnen",
    )

    with pytest.raises(ValidationError, match="instemming van alle partijen"):
        wijziging.full_clean()
    wijziging.instemming_alle_partijen = True
    wijziging.full_clean()
