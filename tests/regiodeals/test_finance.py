"""The money rules of DOMAIN.md rule 3, each edge on its own."""

from decimal import Decimal

import pytest

from regiodeals.finance import financien_van, rijksbijdrage_verschuldigd, toets_tranche
from regiodeals.models import Kosten

MLN = Decimal(1_000_000)


@pytest.mark.parametrize(
    ("kosten", "verschuldigd"),
    [
        (Decimal("4999999.98"), Decimal("2499999.99")),  # below the cap: half the costs
        (Decimal("5000000.00"), Decimal("2500000.00")),  # exactly at the cap
        (Decimal("5000000.02"), Decimal("2500000.00")),  # above: the cap
        (Decimal("0"), Decimal("0")),
    ],
)
def test_rijksbijdrage_due_is_half_the_realised_costs_capped_at_the_maximum(kosten, verschuldigd):
    assert rijksbijdrage_verschuldigd(kosten, Decimal("2500000.00")) == verschuldigd


def test_a_deal_above_40_or_below_5_million_is_flagged(tranche, deal_factory):
    deals = [
        deal_factory("Te groot", Decimal("40.01") * MLN),
        deal_factory("Te klein", Decimal("4.99") * MLN),
        deal_factory("Precies", 40 * MLN),
        deal_factory("Ondergrens", 5 * MLN),
    ]
    tranche.envelop = 200 * MLN

    regels = {(b.regel, b.item) for b in toets_tranche(tranche, deals)}

    assert regels == {("deal_maximum", deals[0].pk), ("deal_minimum", deals[1].pk)}


def test_a_tranche_over_its_envelope_is_flagged(tranche, deal_factory):
    deals = [deal_factory("A", 30 * MLN), deal_factory("B", Decimal("20.01") * MLN)]

    bevindingen = toets_tranche(tranche, deals)

    assert [(b.regel, b.verwacht, b.gevonden) for b in bevindingen] == [
        ("envelop", 50 * MLN, Decimal("50.01") * MLN)
    ]
    assert bevindingen[0].wat == (
        "Proeftranche: de deals vragen samen € 50,01 mln, beschikbaar is € 50,0 mln"
    )


def test_regional_financing_below_the_rijksbijdrage_needs_a_reason(deal_factory):
    deal = deal_factory("Arm", 10 * MLN, regio_bedrag=5 * MLN)

    zonder_reden = financien_van(deal).bevindingen
    deal.reden_minder_cofinanciering = "Financieel minder sterke regio, onderbouwd in het voorstel."
    met_reden = financien_van(deal).bevindingen

    assert [b.regel for b in zonder_reden] == ["cofinanciering"]
    assert met_reden == []


def test_vat_above_three_percent_of_the_rijksbijdrage_is_flagged(deal_factory):
    binnen = deal_factory("Binnen", 10 * MLN, vat=Decimal("0.30"))  # exactly 3 %
    erboven = deal_factory("Erboven", 10 * MLN, vat=Decimal("0.31"))

    assert financien_van(binnen).bevindingen == []
    assert [b.regel for b in financien_van(erboven).bevindingen] == ["vat"]


def test_realised_costs_give_the_rijksbijdrage_due_and_check_regional_share(deal_factory):
    deal = deal_factory("Uitvoering", 10 * MLN)
    werken = deal.posten.get(naam="Werken")
    Kosten.objects.create(post=werken, jaar=2025, bron="rijk", bedrag=1 * MLN)
    Kosten.objects.create(post=werken, jaar=2025, bron="regionaal_publiek", bedrag=Decimal(600_000))
    Kosten.objects.create(post=werken, jaar=2026, bron="regionaal_privaat", bedrag=Decimal(100_000))

    financien = financien_van(deal)
    tot_2025 = financien_van(deal, tot_en_met_jaar=2025)

    assert financien.gerealiseerd == Decimal(1_700_000)
    assert financien.rijksbijdrage == Decimal(850_000)
    assert financien.regionaal == Decimal(700_000)
    assert [b.regel for b in financien.bevindingen] == ["cofinanciering_gerealiseerd"]
    assert tot_2025.gerealiseerd == Decimal(1_600_000)


def test_the_same_rules_judge_the_realised_costs(deal_factory):
    """The plan keeps to the rules; the realisation breaks all three: € 100.000 of
    uitvoeringskosten against € 10.000 for the work (the Rijk owes € 55.000, € 50.000 of it for
    uitvoeringskosten: far above 3 %), and the region paid less than the Rijk owes."""
    deal = deal_factory("Uitvoering", 10 * MLN)
    vat = deal.posten.get(is_uitvoeringskosten=True)
    werken = deal.posten.get(naam="Werken")
    Kosten.objects.create(post=vat, jaar=2025, bron="rijk", bedrag=Decimal(70_000))
    Kosten.objects.create(post=vat, jaar=2025, bron="regionaal_publiek", bedrag=Decimal(30_000))
    Kosten.objects.create(post=werken, jaar=2025, bron="rijk", bedrag=Decimal(10_000))

    financien = financien_van(deal)

    assert [(b.regel, b.soort) for b in financien.bevindingen] == [
        ("cofinanciering_gerealiseerd", "realisatie"),
        ("cofinanciering_gerealiseerd", "realisatie"),
        ("vat_gerealiseerd", "realisatie"),
    ]
    vat_bevinding = financien.bevindingen[-1]
    assert (vat_bevinding.verwacht, vat_bevinding.gevonden) == (Decimal("1650.00"), 50_000)
    assert [b.uitkomst for b in financien.toetsblokken()] == [
        "2 posten getoetst: de regels zijn gehaald.",
        "2 posten met gerealiseerde kosten getoetst: 3 bevindingen.",
    ]


def test_the_rijksbijdrage_due_above_the_deals_maximum_is_flagged(deal_factory):
    deal = deal_factory("Vol", 10 * MLN)
    deal.maximale_rijksbijdrage = 5 * MLN  # the posts ask 10 mln: the plan breaks the rule
    for post in deal.posten.all():
        for bron in ("rijk", "regionaal_publiek"):
            Kosten.objects.create(
                post=post, jaar=2025, bron=bron, bedrag=post.maximale_rijksbijdrage
            )

    regels = [b.regel for b in financien_van(deal).bevindingen]

    assert regels == ["boven_maximum", "boven_maximum_gerealiseerd"]
