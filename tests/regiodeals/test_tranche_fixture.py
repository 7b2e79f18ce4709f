"""The sixth tranche of Regio Deals (letter to parliament, 3 February 2025) as a fixture.

Every figure below is typed from DOMAIN.md section 2 and the seed
`001_c21be375eff79856.txt` (Tabel 1 and Bijlage 1), not from the fixture.
"""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db.models import Sum

from core.models import Dossier, Partij
from regiodeals.models import Regiodeal, Tranche

D = Decimal
MLN = D(1_000_000)
VRO = 7

DEALS = {
    # volgnummer: (naam in Tabel 1, landsdeel, maximale Rijksbijdrage in € mln)
    1: ("Noord-Drenthe", "noord", D("15.0")),
    2: ("Noordoost-Fryslân", "noord", D("18.0")),
    3: ("Eemsdelta", "noord", D("8.5")),
    4: ("Regio Foodvalley", "oost", D("25.0")),
    5: ("Regio FruitDelta Rivierenland", "oost", D("22.5")),
    6: ("Parkstad Limburg", "zuid", D("15.0")),
    7: ("Noordoost-Brabant", "zuid", D("25.0")),
    8: ("Zuid-Limburg", "zuid", D("10.0")),
    9: ("Regio Waterland", "noordwest", D("13.0")),
    10: ("Vitale Wijken 2.0: Utrecht-Amersfoort", "noordwest", D("20.0")),
    11: ("Barendrecht, Ridderkerk en Rotterdam", "zuidwest", D("8.3")),
    12: ("Zeeuws-Vlaanderen/Zeeland", "zuidwest", D("13.0")),
    13: ("Regio Groene Hart", "zuidwest", D("18.0")),
    14: ("Sierteeltregio", "zuidwest", D("10.0")),
    15: (
        "Voormalige Groeikernen Zuid-Holland (Capelle a/d IJssel, Nissewaard en Zoetermeer)",
        "zuidwest",
        D("10.0"),
    ),
    16: ("Bonaire", "bes", D("13.0")),
}
SUBTOTALEN = {
    "noord": D("41.5"),
    "oost": D("47.5"),
    "zuid": D("50.0"),
    "noordwest": D("33.0"),
    "zuidwest": D("59.3"),
    "bes": D("13.0"),
}
TOTAAL = D("244.3")
INWONERS = {"Noordoost-Fryslân": 125_000, "Noordoost-Brabant": 631_000, "Bonaire": 25_133}


def tellingen() -> dict:
    return {
        model.__name__: model.objects.count() for model in (Tranche, Dossier, Regiodeal, Partij)
    }


@pytest.fixture
def zesde_tranche(db):
    call_command("loaddata", "organisaties", "tranche_6", verbosity=0)
    return Tranche.objects.get(nummer=6)


@pytest.fixture
def deals(zesde_tranche):
    return {deal.volgnummer: deal for deal in zesde_tranche.deals.select_related("penvoerder")}


def test_the_sixth_tranche_has_the_figures_of_the_letter(zesde_tranche):
    assert zesde_tranche.pk == 6
    assert zesde_tranche.naam == "Zesde tranche Regio Deals"
    assert zesde_tranche.datum_besluit == datetime.date(2025, 2, 3)
    assert zesde_tranche.aantal_voorstellen == 27
    assert zesde_tranche.aangevraagd == D("565.1") * MLN
    assert zesde_tranche.envelop == TOTAAL * MLN
    assert zesde_tranche.minimale_rijksbijdrage == 5 * MLN
    assert zesde_tranche.maximale_rijksbijdrage == 40 * MLN
    assert zesde_tranche.cofinanciering == D(1)


def test_the_fifth_tranche_has_the_same_bounds_and_no_invented_figures(zesde_tranche):
    vijfde = Tranche.objects.get(nummer=5)

    assert vijfde.pk == 5
    assert vijfde.naam == "Vijfde tranche Regio Deals"
    assert vijfde.minimale_rijksbijdrage == zesde_tranche.minimale_rijksbijdrage
    assert vijfde.maximale_rijksbijdrage == zesde_tranche.maximale_rijksbijdrage
    assert (vijfde.envelop, vijfde.aantal_voorstellen, vijfde.aangevraagd) == (None, None, None)
    assert not vijfde.deals.exists()


def test_the_sixteen_selected_deals_have_their_landsdeel_volgnummer_and_maximum(deals):
    gevonden = {
        nummer: (deal.titel, deal.landsdeel, deal.maximale_rijksbijdrage)
        for nummer, deal in deals.items()
    }

    assert gevonden == {
        nummer: (f"Regio Deal {naam}", landsdeel, maximum * MLN)
        for nummer, (naam, landsdeel, maximum) in DEALS.items()
    }


def test_the_deals_are_dossiers_10_to_25_in_the_order_of_the_table(deals):
    assert {nummer: deal.pk for nummer, deal in deals.items()} == {n: 9 + n for n in DEALS}
    assert list(Regiodeal.objects.values_list("volgnummer", flat=True)) == list(DEALS)
    assert set(Dossier.objects.values_list("soort", flat=True)) == {"regiodeal"}


def test_every_deal_is_selected_not_yet_signed_and_led_by_vro(deals):
    for deal in deals.values():
        assert deal.soort == "regiodeal"
        assert deal.status == "geselecteerd"
        assert deal.startdatum is None
        assert deal.einddatum is None
        assert deal.penvoerder.pk == VRO
        assert deal.penvoerder.afkorting == "VRO"
        assert deal.reden_minder_cofinanciering == ""


def test_the_slugs_follow_the_titles(deals):
    assert deals[1].slug == "regio-deal-noord-drenthe"
    assert deals[2].slug == "regio-deal-noordoost-fryslan"
    assert deals[10].slug == "regio-deal-vitale-wijken-20-utrecht-amersfoort"
    assert deals[11].slug == "regio-deal-barendrecht-ridderkerk-en-rotterdam"
    assert deals[15].slug.startswith("regio-deal-voormalige-groeikernen-zuid-holland-capelle")


def test_the_subtotals_per_landsdeel_and_the_total_match_the_table(zesde_tranche):
    subtotalen = {
        rij["landsdeel"]: rij["totaal"]
        for rij in Regiodeal.objects.filter(tranche__nummer=6)
        .values("landsdeel")
        .annotate(totaal=Sum("maximale_rijksbijdrage"))
        .order_by()
    }
    totaal = Regiodeal.objects.filter(tranche__nummer=6).aggregate(
        totaal=Sum("maximale_rijksbijdrage")
    )["totaal"]

    assert subtotalen == {landsdeel: bedrag * MLN for landsdeel, bedrag in SUBTOTALEN.items()}
    assert totaal == TOTAAL * MLN
    assert totaal == zesde_tranche.envelop


def test_every_deal_lies_between_the_tranche_minimum_and_maximum(zesde_tranche, deals):
    assert len(deals) == 16
    for deal in deals.values():
        assert (
            zesde_tranche.minimale_rijksbijdrage
            <= deal.maximale_rijksbijdrage
            <= zesde_tranche.maximale_rijksbijdrage
        ), deal.titel


def test_inhabitants_are_given_only_where_the_letter_gives_a_number(deals):
    gevonden = {
        DEALS[nummer][0]: deal.inwoners_gebied
        for nummer, deal in deals.items()
        if deal.inwoners_gebied is not None
    }

    assert gevonden == INWONERS


def test_the_region_names_the_municipalities_the_letter_names(deals):
    assert deals[1].regio == "Noord-Drenthe (Noordenveld, Tynaarlo en Aa en Hunze)"
    assert deals[7].regio == "Noordoost-Brabant"
    for gemeente in ("Bodegraven-Reeuwijk", "Krimpenerwaard", "Lopik", "Molenlanden"):
        assert gemeente in deals[13].regio
    for gemeente in ("Capelle aan den IJssel", "Nissewaard", "Zoetermeer"):
        assert gemeente in deals[15].regio
    assert deals[16].regio == "Bonaire"


def test_every_deal_has_a_short_summary_from_bijlage_1(deals):
    for deal in deals.values():
        assert 2 <= deal.samenvatting.count(". ") + 1 <= 4, deal.titel
    assert "groene buffer tussen de steden Groningen en Assen" in deals[1].samenvatting
    assert "twee zeehavens" in deals[3].samenvatting
    assert "Fruittech-campus" in deals[5].samenvatting
    assert "631.000 inwoners in 10 gemeenten" in deals[7].samenvatting
    assert "Vitale Wijken 1.0" in deals[10].samenvatting
    assert "Dutch Fresh Port" in deals[11].samenvatting
    assert "Green Flower Campus" in deals[14].samenvatting
    assert "25.133 in 2024" in deals[16].samenvatting


def test_the_rijk_vro_is_the_only_party_of_each_deal(deals):
    partijen = Partij.objects.select_related("organisatie")

    assert partijen.count() == 16
    assert {p.dossier_id for p in partijen} == {deal.pk for deal in deals.values()}
    for partij in partijen:
        assert partij.organisatie_id == VRO
        assert partij.rol == "partij"
        assert partij.omschrijving == "Rijk (VRO)"


def test_loading_the_fixture_twice_duplicates_nothing(zesde_tranche):
    voor = tellingen()

    call_command("loaddata", "organisaties", "tranche_6", verbosity=0)

    assert tellingen() == voor
    assert voor == {"Tranche": 2, "Dossier": 16, "Regiodeal": 16, "Partij": 16}


def test_every_loaded_object_passes_model_validation(zesde_tranche):
    for model in (Tranche, Regiodeal, Partij):
        for obj in model.objects.all():
            obj.full_clean()
