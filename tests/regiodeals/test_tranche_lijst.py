"""The tranche list, and the tranches reached from the Regio Deals list."""

import re
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import Organisatie, Rol
from regiodeals.models import Regiodeal, Tranche

MLN = Decimal(1_000_000)


def tekst(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def _tranche(nummer: int, kassier: Organisatie, deals: int) -> Tranche:
    tranche = Tranche.objects.create(
        nummer=nummer,
        naam=f"Tranche {nummer}",
        envelop=100 * MLN,
        minimale_rijksbijdrage=5 * MLN,
        maximale_rijksbijdrage=20 * MLN,
    )
    for i in range(deals):
        Regiodeal.objects.create(
            titel=f"Regio Deal {nummer}-{i}",
            penvoerder=kassier,
            tranche=tranche,
            volgnummer=i + 1,
            maximale_rijksbijdrage=7_500_000,
        )
    return tranche


def test_the_tranche_list_counts_and_sums_the_deals_with_a_flat_query_count(
    client, user_factory, organisatie_factory
):
    kassier = organisatie_factory("Provincie Zeeland", Organisatie.Soort.PROVINCIE)
    client.force_login(user_factory("lezer", kassier, Rol.BESTUURDER))
    _tranche(1, kassier, 2)
    with CaptureQueriesContext(connection) as weinig:
        pagina = tekst(client.get(reverse("regiodeals:tranches")))
    assert "Tranche 1 — € 100,0 mln 2 € 15,0 mln" in pagina
    for nummer in range(2, 6):
        _tranche(nummer, kassier, 4)
    with CaptureQueriesContext(connection) as veel:
        pagina = tekst(client.get(reverse("regiodeals:tranches")))
    assert "Tranche 5 — € 100,0 mln 4 € 30,0 mln" in pagina
    assert len(veel) == len(weinig)
    assert "inrichten" not in pagina  # only the beheerder sets tranches up


def test_the_beheerder_finds_the_setup_of_each_tranche_on_the_list(
    client, user_factory, organisatie_factory
):
    kassier = organisatie_factory("Provincie Zeeland", Organisatie.Soort.PROVINCIE)
    _tranche(4, kassier, 1)
    client.force_login(user_factory("beheer", None, Rol.BEHEERDER))
    html = client.get(reverse("regiodeals:tranches")).content.decode()
    assert reverse("inrichting:tranche", args=[4]) in html
    assert reverse("inrichting:tranche_nieuw") in html


def test_the_regiodeal_list_links_each_tranche_and_names_it_beside_a_shared_name(
    client, user_factory, organisatie_factory
):
    kassier = organisatie_factory("Gemeente Terneuzen", Organisatie.Soort.GEMEENTE)
    vier, vijf = _tranche(4, kassier, 0), _tranche(5, kassier, 0)
    for tranche in (vier, vijf):
        Regiodeal.objects.create(titel="Regio Deal Zeeland", penvoerder=kassier, tranche=tranche)
    Regiodeal.objects.create(titel="Regio Deal Uniek", penvoerder=kassier, tranche=vier)
    client.force_login(user_factory("lezer", kassier, Rol.BESTUURDER))
    response = client.get(reverse("regiodeals:list"))
    html, pagina = response.content.decode(), tekst(response)
    assert reverse("regiodeals:tranches") in html
    assert reverse("regiodeals:tranche", args=[5]) in html
    assert "Regio Deal Zeeland (Tranche 4)" in pagina
    assert "Regio Deal Zeeland (Tranche 5)" in pagina
    assert "Regio Deal Uniek (" not in pagina
    assert len(set(Regiodeal.objects.values_list("slug", flat=True))) == 3


def test_the_tranche_list_answers_405_to_a_post(client, user_factory):
    client.force_login(user_factory("lezer", None, Rol.BESTUURDER))
    assert client.post(reverse("regiodeals:tranches")).status_code == 405


def test_a_deal_in_opbouw_counts_only_for_who_sees_it(client, user_factory, organisatie_factory):
    kassier = organisatie_factory("Provincie Zeeland", Organisatie.Soort.PROVINCIE)
    tranche = _tranche(1, kassier, 2)
    Regiodeal.objects.create(
        titel="Regio Deal Geheim",
        penvoerder=kassier,
        tranche=tranche,
        maximale_rijksbijdrage=9_000_000,
        in_opbouw=True,
    )
    Regiodeal.objects.create(
        titel="Regio Deal Zonder Landsdeel", penvoerder=kassier, tranche=tranche
    )
    client.force_login(user_factory("lezer", kassier, Rol.BESTUURDER))
    assert "Tranche 1 — € 100,0 mln 3 € 15,0 mln" in tekst(
        client.get(reverse("regiodeals:tranches"))
    )
    pagina = tekst(client.get(reverse("regiodeals:tranche", args=[1])))
    assert "Geheim" not in pagina and "Totaal € 15,0 mln" in pagina
    assert "Landsdeel onbekend" in pagina
    client.force_login(user_factory("beheer", None, Rol.BEHEERDER))
    assert "Tranche 1 ( inrichten ) — € 100,0 mln 4 € 24,0 mln" in tekst(
        client.get(reverse("regiodeals:tranches"))
    )
    assert "Totaal € 24,0 mln" in tekst(client.get(reverse("regiodeals:tranche", args=[1])))
