"""The tranche and deal pages as a bestuurder sees them, and their query counts."""

import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.dutch_numbers import format_euro
from core.models import Dossier, Organisatie, Rol
from regiodeals.models import Regiodeal, Tranche

MLN = Decimal(1_000_000)


@pytest.fixture
def tranche_6(db):
    call_command("loaddata", "organisaties", "tranche_6", verbosity=0)
    return Tranche.objects.get(nummer=6)


@pytest.fixture
def lezer(client, user_factory):
    client.force_login(user_factory("lezer", None, Rol.BESTUURDER))
    return client


def test_tranche_page_shows_the_letters_subtotals_and_total(lezer, tranche_6):
    response = lezer.get(reverse("regiodeals:tranche", args=[6]))

    tabel = response.context["tabel"]
    subtotalen = {groep.naam: groep.maximale_rijksbijdrage for groep in tabel.groepen}
    assert subtotalen == {
        "Noord": Decimal("41.5") * MLN,
        "Oost": Decimal("47.5") * MLN,
        "Zuid": 50 * MLN,
        "Noordwest": 33 * MLN,
        "Zuidwest": Decimal("59.3") * MLN,
        "BES": 13 * MLN,
    }
    assert [len(groep.deals) for groep in tabel.groepen] == [3, 2, 3, 2, 5, 1]
    assert tabel.totaal == Decimal("244.3") * MLN
    assert tabel.bevindingen == []
    html = response.content.decode()
    for bedrag in ("€ 41,5 mln", "€ 59,3 mln", "€ 244,3 mln", "€ 8,3 mln"):
        assert bedrag in html


def test_tranche_page_flags_a_deal_that_breaks_the_rules(lezer, tranche_6):
    Regiodeal.objects.filter(volgnummer=16).update(maximale_rijksbijdrage=41 * MLN)

    response = lezer.get(reverse("regiodeals:tranche", args=[6]))

    assert {b.regel for b in response.context["tabel"].bevindingen} == {"deal_maximum", "envelop"}


def extra_deals(tranche, aantal):
    vro = Organisatie.objects.get(slug="ministerie-vro")
    for i in range(aantal):
        deal = Regiodeal(
            titel=f"Regio Deal Extra {i}",
            slug=f"extra-{i}",
            penvoerder=vro,
            tranche=tranche,
            landsdeel="oost",
            volgnummer=100 + i,
            maximale_rijksbijdrage=5 * MLN,
            soort=Dossier.Soort.REGIODEAL,
        )
        deal.save()


def count(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_tranche_and_deal_pages_run_as_many_queries_with_160_deals_as_with_16(lezer, tranche_6):
    tranche_url = reverse("regiodeals:tranche", args=[6])
    deal_url = Regiodeal.objects.get(volgnummer=1).get_absolute_url()
    lijst_url = reverse("regiodeals:list")
    klein = (count(lezer, tranche_url), count(lezer, deal_url), count(lezer, lijst_url))

    extra_deals(tranche_6, 144)

    assert Regiodeal.objects.count() == 160
    assert (count(lezer, tranche_url), count(lezer, deal_url), count(lezer, lijst_url)) == klein


@pytest.mark.parametrize(
    ("query", "aantal"),
    [
        ("landsdeel=zuidwest", 5),
        ("landsdeel=bes", 1),
        ("status=geselecteerd", 16),
        ("status=lopend", 0),
        ("tranche=6", 16),
    ],
)
def test_deal_list_filters(lezer, tranche_6, query, aantal):
    response = lezer.get(f"{reverse('regiodeals:list')}?{query}")

    assert response.context["table"].paginator.count == aantal


def test_groningen_deal_page_shows_the_convenants_finance_table(lezer, db):
    call_command("loaddata", "organisaties", "tranche_6", "groningen_noord_2", verbosity=0)
    deal = Regiodeal.objects.get(slug="regio-deal-groningen-noord-ii")

    response = lezer.get(deal.get_absolute_url())

    f = response.context["financien"]
    rijen = [
        (
            r.post.naam,
            r.post.maximale_rijksbijdrage,
            r.post.minimale_regionale_financiering,
            r.totaal_gepland,
        )
        for r in f.regels
    ]
    assert [r[1:] for r in rijen] == [
        (Decimal("2.5") * MLN, Decimal("2.5") * MLN, 5 * MLN),
        (Decimal("3.75") * MLN, Decimal("3.75") * MLN, Decimal("7.5") * MLN),
        (Decimal("3.5") * MLN, Decimal("3.5") * MLN, 7 * MLN),
        (Decimal("0.25") * MLN, Decimal("0.25") * MLN, Decimal("0.5") * MLN),
    ]
    assert (f.maximale_rijksbijdrage, f.minimale_regionale_financiering, f.totaal_gepland) == (
        10 * MLN,
        10 * MLN,
        20 * MLN,
    )
    assert f.bevindingen == []
    html = response.content.decode()
    for tekst in (
        "€ 3,75 mln",
        "€ 20,0 mln",
        "Kansrijk Groningen",
        "Vinkhuizen",
        "Woningcorporatie Lefier",
        "minimaal 1 en maximaal 3",
    ):
        assert tekst in html


def test_coordinator_reaches_the_cost_entry_of_a_deal_whose_start_date_is_not_known(
    client, db, user_factory
):
    call_command("loaddata", "organisaties", "tranche_6", "groningen_noord_2", verbosity=0)
    deal = Regiodeal.objects.get(slug="regio-deal-groningen-noord-ii")
    client.force_login(user_factory("coord", deal.penvoerder, Rol.COORDINATOR))
    vorig_jaar = timezone.localdate().year - 1

    html = client.get(deal.get_absolute_url()).content.decode()

    assert deal.startdatum is None
    assert f'href="{reverse("regiodeals:kosten", args=[deal.slug, vorig_jaar])}"' in html


def test_deal_list_shows_each_deals_row_sorted_and_pages_with_its_filter(lezer, tranche_6):
    extra_deals(tranche_6, 14)  # 30 deals of tranche 6: two pages of 25
    grootste = Regiodeal.objects.get(slug="extra-3")
    grootste.maximale_rijksbijdrage = 30 * MLN  # more than any deal of the letter (25 mln)
    grootste.save()

    response = lezer.get(
        reverse("regiodeals:list"), {"tranche": 6, "sort": "-maximale_rijksbijdrage"}
    )

    html = response.content.decode()
    assert '<caption class="utrecht-table__caption">Regio Deals (30)</caption>' in html
    assert (
        'aria-sort="descending"><a class="utrecht-link" '
        'href="?tranche=6&amp;sort=maximale_rijksbijdrage">Max. Rijksbijdrage' in html
    )
    eerste_rij = html.split('<tbody class="utrecht-table__body">')[1].split("</tr>")[0]
    cellen = [re.sub(r"<[^>]+>", "", c).strip() for c in eerste_rij.split("</td>")[:-1]]
    assert cellen == [
        grootste.titel,
        str(tranche_6),
        grootste.get_landsdeel_display(),
        grootste.get_status_display(),
        format_euro(grootste.maximale_rijksbijdrage),
    ]
    assert f'href="{grootste.get_absolute_url()}"' in eerste_rij
    assert "Pagina 1 van 2" in html
    assert 'rel="next" href="?tranche=6&amp;sort=-maximale_rijksbijdrage&amp;page=2"' in html
