"""What users see of the Maastricht 2015 agreement, through the real URLs."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from core.models import Organisatie, User, Waarde
from core.services import create_demo_accounts
from tests.rooster import rooster_post


@pytest.fixture
def maastricht(db, settings):
    call_command("loaddata", "organisaties", "maastricht_2015", verbosity=0)
    settings.DEBUG = True
    create_demo_accounts()
    settings.DEBUG = False
    return reverse("afspraken:detail", args=["maastricht-2015"])


def login(client, username):
    client.force_login(User.objects.get(username=username))


def test_bestuurder_sees_exactly_the_known_mismatches_next_to_the_figures(client, maastricht):
    login(client, "bestuurder")

    response = client.get(maastricht)

    html = response.content.decode()
    assert sorted(b.wat for b in response.context["tabel"].bevindingen) == sorted(
        [
            "Realisatie 2013: de delen van ‘Verhuur totaal’ tellen op tot 1.050, "
            "het opgegeven totaal is 1.069",
            "Realisatie 2014: de delen van ‘Verhuur totaal’ tellen op tot 1.032, "
            "het opgegeven totaal is 1.039",
            "Realisatie 2014: de delen van ‘Totaal aantal maatwerk’ tellen op tot 122, "
            "het opgegeven totaal is 121",
            "Realisatie 2014: de uitsplitsing van ‘Maatwerk’ geeft als totaal 121, "
            "de post ‘Maatwerk’ zelf is 102",
        ]
    )
    rij = next(r for r in response.context["tabel"].rijen if r.indicator.code == "verhuur-totaal")
    assert [b.gevonden for b in rij.bevindingen] == [Decimal(1050), Decimal(1032)]
    assert html.count('class="bevinding"') == 4


def test_the_figures_table_shows_the_2015_plan_per_corporation(client, maastricht):
    login(client, "bestuurder")

    tabel = client.get(maastricht).context["tabel"]

    plan_2015 = {
        (r.indicator.code, r.wie): r.cellen[2015].plan.waarde
        for r in tabel.rijen
        if 2015 in r.cellen and r.cellen[2015].plan
    }
    assert plan_2015[("verbeteringen", "Servatius")] == 473
    assert plan_2015[("duurzaamheid", None)] == Decimal("4200000")
    assert plan_2015[("duurzaamheid", "Woonpunt")] == Decimal("1000000")
    assert plan_2015[("sloop", "Maasvallei")] == 32
    servatius = next(
        r for r in tabel.rijen if r.indicator.code == "verbeteringen" and r.wie == "Servatius"
    )
    assert "opgestart" in servatius.meetdefinitie
    assert "€ 4,2 mln" in client.get(maastricht).content.decode()


def test_woonpunt_cannot_read_or_change_servatius_concept(client, maastricht):
    login(client, "servatius")
    grid = reverse("core:invoer", args=["maastricht-2015", 2015, "realisatie"])
    verbeteringen = Waarde.objects.get(
        indicator__code="verbeteringen", jaar=2015, soort="plan", organisatie__slug="servatius"
    ).indicator
    servatius = Organisatie.objects.get(slug="servatius")
    veld = f"waarde_{verbeteringen.pk}_{servatius.pk}"
    rooster_post(client, grid, {veld: "470"})
    concept = Waarde.objects.get(indicator=verbeteringen, jaar=2015, soort="realisatie")
    assert concept.waarde == 470

    login(client, "woonpunt")
    page = client.get(maastricht)
    forbidden = client.post(f"{grid}?organisatie=servatius", {veld: "1"})

    assert not any(
        r.wie == "Servatius" and r.cellen.get(2015) and r.cellen[2015].realisatie
        for r in page.context["tabel"].rijen
    )
    assert forbidden.status_code == 403
    concept.refresh_from_db()
    assert concept.waarde == 470


def test_bestuurder_can_change_nothing(client, maastricht):
    login(client, "bestuurder")
    grid = reverse("core:invoer", args=["maastricht-2015", 2015, "realisatie"])
    before = list(Waarde.objects.values_list("pk", "waarde"))

    assert client.get(grid).status_code == 403
    assert client.post(f"{grid}?organisatie=woonpunt", {}).status_code == 403
    assert list(Waarde.objects.values_list("pk", "waarde")) == before


def test_agreement_page_offers_entry_links_to_a_corporation_but_not_to_a_bestuurder(
    client, maastricht
):
    grid = reverse("core:invoer", args=["maastricht-2015", 2015, "realisatie"])

    login(client, "woonpunt")
    voor_woonpunt = client.get(maastricht).content.decode()
    login(client, "bestuurder")
    voor_bestuurder = client.get(maastricht).content.decode()

    assert f'href="{grid}"' in voor_woonpunt
    assert "/invoer/" not in voor_bestuurder and "Cijfers invoeren" not in voor_bestuurder


@pytest.mark.parametrize(
    ("query", "titels"),
    [
        ("soort_afspraak=prestatieafspraken", ["Van huis naar thuis"]),
        ("partij=woonpunt", ["Van huis naar thuis"]),
        ("partij=Maasvallei", ["Van huis naar thuis"]),
        ("partij=Nergens", []),
        ("jaar=2015", ["Van huis naar thuis"]),
        ("jaar=2012", []),
        ("status=afgelopen", ["Van huis naar thuis"]),
    ],
)
def test_agreement_list_filters(client, maastricht, query, titels):
    login(client, "bestuurder")

    response = client.get(f"{reverse('afspraken:list')}?{query}")

    gevonden = [row.record.titel for row in response.context["table"].rows]
    assert [any(t in g for g in gevonden) for t in titels] == [True] * len(titels)
    assert len(gevonden) == len(titels)


def test_agreement_list_and_page_show_the_period_in_years(client, maastricht):
    login(client, "bestuurder")

    lijst = client.get(reverse("afspraken:list")).content.decode()
    pagina = client.get(maastricht).content.decode()

    assert "2013–2015" in lijst
    assert "<dd>2013–2015</dd>" in pagina


def _woorden(response) -> str:
    import re

    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_the_agreement_and_item_pages_word_the_term_target_and_its_progress(
    client, termijnafspraak
):
    t = termijnafspraak
    client.force_login(t.bestuurder)

    afspraak = _woorden(client.get(reverse("afspraken:detail", args=[t.dossier.slug])))
    punt = _woorden(client.get(t.punt.get_absolute_url()))

    assert "Doel: 800 over 2025–2028" in afspraak
    assert "Stand: 410 van 800 (t/m 2026); verwacht eind 2026: 400" in afspraak
    assert "Huidig doel 800 over 2025–2028: 800 nieuwe sociale huurwoningen in 2025–2028" in punt
    assert "op schema 410 van 800 (t/m 2026); verwacht eind 2026: 400" in punt
    assert "vorige periode: 640 gerealiseerd" in punt
    assert "999" not in afspraak + punt


def test_the_po_items_show_their_2020_targets_by_the_shared_rule(client, brondata):
    from afspraken.models import Afspraakpunt

    client.force_login(User.objects.get(username="ocw"))
    slug = "bestuursakkoord-po-2014-2020"

    pagina = client.get(reverse("afspraken:detail", args=[slug]))
    kwaliteit = Afspraakpunt.objects.get(afspraak__slug=slug, streefdoel__waarde=80)
    punt = _woorden(client.get(kwaliteit.get_absolute_url()))

    woorden = _woorden(pagina)
    assert "Doel: minstens 80 % in 2020" in woorden
    assert "Doel: uiterlijk 31 december 2020 Stand: nog niet bereikt" in woorden
    assert "Doel: uiterlijk 1 augustus 2016 Stand: bereikt op 1 mei 2018" in woorden
    html = pagina.content.decode()
    assert html.count('status--gehaald-te-laat">gehaald (te laat)') == 6
    assert "Huidig doel minstens 80 % in 2020" in punt
    assert "geen realisatie nog niets gerealiseerd" in punt
    assert "Oorspronkelijk doel: minstens 80 % in 2017; nieuw doel: minstens 80 % in 2020." in punt


def test_the_agreement_page_runs_as_many_queries_with_more_items_and_targets(
    client, termijnafspraak
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from afspraken.models import Afspraakpunt
    from core.models import Streefdoel

    t = termijnafspraak
    client.force_login(t.bestuurder)
    url = reverse("afspraken:detail", args=[t.dossier.slug])
    client.get(url)

    def tel() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    weinig = tel()
    for i in range(5):
        doel = Streefdoel.objects.create(
            dossier=t.dossier, soort=Streefdoel.Soort.MIJLPAAL, omschrijving=f"mijlpaal {i}"
        )
        Afspraakpunt.objects.create(
            afspraak=t.dossier,
            onderdeel=t.thema,
            soort="afspraak",
            titel=f"Punt {i}",
            streefdoel=doel,
        )

    assert tel() == weinig


def test_the_findings_say_per_kind_of_check_what_was_checked_and_found(client, maastricht):
    login(client, "bestuurder")

    html = _woorden(client.get(maastricht))

    assert "Totalen en delen" in html and "4 verschillen" in html
    assert "Normen" in html and "Geen bevindingen" not in html


def test_without_figures_the_findings_say_there_is_nothing_to_check(client, maastricht):
    Waarde.objects.filter(indicator__dossier__slug="maastricht-2015").delete()
    login(client, "bestuurder")

    html = _woorden(client.get(maastricht))

    assert html.count("Nog geen cijfers om te toetsen.") == 2  # the sums and the norms
    assert "tellen op" not in html and "Geen bevindingen" not in html
