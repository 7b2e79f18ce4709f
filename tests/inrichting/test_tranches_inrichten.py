"""A tranche with 14 deals set up through the screens by the beheerder; its page shows the
subtotals per landsdeel, the total and the checks once the deals are published."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from core.models import Organisatie, Partij, Rol
from regiodeals.models import Regiodeal, Tranche

MLN = Decimal(1_000_000)
# (landsdeel, bedrag in mln): 14 deals over five landsdelen.
DEALS = [
    ("noord", "7,5"),
    ("noord", "10"),
    ("noord", "12,5"),
    ("oost", "5"),
    ("oost", "7,5"),
    ("oost", "20"),
    ("zuid", "15"),
    ("zuid", "9,9"),
    ("zuid", "6"),
    ("noordwest", "8"),
    ("noordwest", "8"),
    ("noordwest", "5"),
    ("zuidwest", "10"),
    ("zuidwest", "12,25"),
]


@pytest.fixture
def beheerder(user_factory):
    return user_factory("beheer", None, Rol.BEHEERDER)


@pytest.fixture
def kassiers(organisatie_factory):
    return [
        organisatie_factory(f"Provincie {n}", Organisatie.Soort.PROVINCIE)
        for n in ("Drenthe", "Overijssel", "Limburg")
    ]


def tranche_data(deals: list[tuple[str, str]], kassiers, **tranche) -> dict:
    data = {
        "nummer": "7",
        "naam": "Zevende tranche",
        "datum_besluit": "15-07-2022",
        "envelop": "140.000.000",
        "aantal_voorstellen": "30",
        "aangevraagd": "600.000.000",
        "minimale_rijksbijdrage": "5.000.000",
        "maximale_rijksbijdrage": "20.000.000",
        "cofinanciering": "1",
        "deals-TOTAL_FORMS": str(len(deals)),
        "deals-INITIAL_FORMS": "0",
        "deals-MIN_NUM_FORMS": "0",
        "deals-MAX_NUM_FORMS": "1000",
        **tranche,
    }
    for i, (landsdeel, mln) in enumerate(deals):
        bedrag = Decimal(mln.replace(",", ".")) * MLN
        data.update(
            {
                f"deals-{i}-titel": f"Regio Deal {landsdeel.title()} {i + 1}",
                f"deals-{i}-korte_naam": f"{landsdeel.title()} {i + 1}",
                f"deals-{i}-regio": f"Regio {i + 1}",
                f"deals-{i}-landsdeel": landsdeel,
                f"deals-{i}-maximale_rijksbijdrage": f"{bedrag:,.0f}".replace(",", "."),
                # the first three know their regiokassier, the others not yet
                f"deals-{i}-penvoerder": str(kassiers[i].pk) if i < len(kassiers) else "",
            }
        )
    return data


def tekst(response) -> str:
    html = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html.replace("&nbsp;", " "))


def test_a_tranche_of_14_deals_set_up_and_published_shows_its_subtotals_and_checks(
    client, beheerder, kassiers, user_factory
):
    anders = Regiodeal.objects.create(titel="Regio Deal Noord 1", penvoerder=kassiers[0])
    client.force_login(beheerder)
    assert client.get(reverse("inrichting:tranche_nieuw")).status_code == 200
    response = client.post(reverse("inrichting:tranche_nieuw"), tranche_data(DEALS, kassiers))
    assert response.status_code == 302, tekst(response)[:3000]
    assert response["Location"] == reverse("inrichting:tranche", args=[7])

    tranche = Tranche.objects.get(nummer=7)
    assert (tranche.envelop, tranche.maximale_rijksbijdrage) == (140 * MLN, 20 * MLN)
    assert str(tranche.datum_besluit) == "2022-07-15"
    deals = list(tranche.deals.order_by("volgnummer"))
    assert [d.volgnummer for d in deals] == list(range(1, 15))
    assert all(d.in_opbouw for d in deals)
    assert [d.landsdeel for d in deals] == [landsdeel for landsdeel, _ in DEALS]
    assert deals[5].maximale_rijksbijdrage == 20 * MLN
    assert deals[0].slug != anders.slug  # named like a deal outside the tranche
    assert deals[0].penvoerder == kassiers[0]
    assert Partij.objects.filter(dossier=deals[0], organisatie=kassiers[0]).exists()
    assert deals[13].penvoerder.slug == "regiokassier-nog-onbekend"
    assert not deals[13].penvoerder.gebruikers.exists()

    # In opbouw, a bestuurder does not see the deals; published, everyone does.
    lezer = user_factory("lezer", kassiers[2], Rol.BESTUURDER)
    client.force_login(lezer)
    assert "Regio Deal Oost 6" not in tekst(client.get(reverse("regiodeals:tranche", args=[7])))
    tranche.deals.update(in_opbouw=False)
    pagina = tekst(client.get(reverse("regiodeals:tranche", args=[7])))
    for regel in (
        "Totaal Noord € 30,0 mln",
        "Totaal Oost € 32,5 mln",
        "Totaal Zuid € 30,9 mln",
        "Totaal Noordwest € 21,0 mln",
        "Totaal Zuidwest € 22,25 mln",
        "Totaal € 136,65 mln",
        "Beschikbaar € 140,0 mln",
        "Geen bevindingen",
        "Regio Deal Oost 6 € 20,0 mln",
    ):
        assert regel in pagina, regel

    client.force_login(beheerder)
    detail = client.get(reverse("regiodeals:tranche", args=[7])).content.decode()
    assert reverse("inrichting:tranche", args=[7]) in detail

    # The edit page shows the deals back, amounts the Dutch way, the unknown kassier empty.
    client.force_login(beheerder)
    bewerk = client.get(reverse("inrichting:tranche", args=[7])).content.decode()
    assert 'value="20.000.000"' in bewerk
    assert 'value="Regio Deal Zuidwest 14"' in bewerk


def test_a_deal_above_the_maximum_is_an_error_at_its_row_and_nothing_is_saved(
    client, beheerder, kassiers
):
    client.force_login(beheerder)
    deals = [*DEALS[:3], ("oost", "20,5"), ("zuid", "4")]
    response = client.post(reverse("inrichting:tranche_nieuw"), tranche_data(deals, kassiers))
    assert response.status_code == 400
    pagina = tekst(response)
    assert "€ 20,5 mln is meer dan het maximum van € 20,0 mln per deal" in pagina
    assert "€ 4,0 mln is minder dan het minimum van € 5,0 mln per deal" in pagina
    assert "Er is niets opgeslagen" in pagina
    assert not Tranche.objects.exists() and not Regiodeal.objects.exists()


def test_deals_above_the_envelope_are_an_error_and_nothing_is_saved(client, beheerder, kassiers):
    client.force_login(beheerder)
    data = tranche_data(DEALS, kassiers, envelop="100.000.000")
    response = client.post(reverse("inrichting:tranche_nieuw"), data)
    assert response.status_code == 400
    assert "De deals vragen samen € 136,65 mln; beschikbaar (envelop) is € 100,0 mln" in tekst(
        response
    )
    assert not Tranche.objects.exists() and not Regiodeal.objects.exists()


def test_an_existing_tranche_keeps_its_deals_when_one_is_added(client, beheerder, kassiers):
    client.force_login(beheerder)
    client.post(reverse("inrichting:tranche_nieuw"), tranche_data(DEALS[:2], kassiers))
    tranche = Tranche.objects.get(nummer=7)
    eerste, tweede = tranche.deals.order_by("volgnummer")
    data = tranche_data(DEALS[:3], kassiers, **{"deals-INITIAL_FORMS": "2"})
    data.update({"deals-0-dossier_ptr": str(eerste.pk), "deals-1-dossier_ptr": str(tweede.pk)})
    data["deals-1-maximale_rijksbijdrage"] = "11.000.000"
    response = client.post(reverse("inrichting:tranche", args=[7]), data)
    assert response.status_code == 302, tekst(response)[:3000]
    assert tranche.deals.count() == 3
    tweede.refresh_from_db()
    assert tweede.maximale_rijksbijdrage == 11 * MLN


@pytest.mark.parametrize("rol", [Rol.COORDINATOR, Rol.BESTUURDER, Rol.BELEIDSMEDEWERKER])
def test_only_the_beheerder_sets_up_a_tranche(client, user_factory, kassiers, rol):
    client.force_login(user_factory("iemand", kassiers[0], rol))
    assert client.get(reverse("inrichting:tranche_nieuw")).status_code == 403
    response = client.post(reverse("inrichting:tranche_nieuw"), tranche_data(DEALS, kassiers))
    assert response.status_code == 403
    assert not Tranche.objects.exists()
    Tranche.objects.create(
        nummer=3, naam="Derde", minimale_rijksbijdrage=1, maximale_rijksbijdrage=2
    )
    assert client.get(reverse("inrichting:tranche", args=[3])).status_code == 403


def test_a_tranche_page_answers_405_to_another_method_and_404_to_an_unknown_number(
    client, beheerder
):
    client.force_login(beheerder)
    assert client.delete(reverse("inrichting:tranche_nieuw")).status_code == 405
    assert client.get(reverse("inrichting:tranche", args=[99])).status_code == 404
