"""The entry grid guards a corporation's year (issue 20): the plan beside each realisation
field, a confirmation naming the empty fields before a year is submitted, a submitted year as
text with who submitted it when, and the dossier's checks beside the fields after a save.
Woonpunt enters at the real URL; Maasvallei's figures must neither change nor appear."""

import re
from decimal import Decimal

from django.urls import reverse

from core.models import Indicator, Jaaropgave, Waarde
from tests.rooster import rooster_post

DOSSIER = "maastricht-2015"
GRID = reverse("core:invoer", args=[DOSSIER, 2015, "realisatie"])
INDIENEN = reverse("core:invoer_actie", args=[DOSSIER, 2015, "realisatie", "indienen"])


def item(naam):
    return Indicator.objects.get(dossier__slug=DOSSIER, naam=naam)


def veld(naam, organisatie="woonpunt"):
    from core.models import Organisatie

    return f"waarde_{item(naam).pk}_{Organisatie.objects.get(slug=organisatie).pk}"


def tekst(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def onder_veld(html: str, prefix: str, naam: str) -> str:
    """The text of the element `prefix_id_<field>` under one field of the grid."""
    gevonden = re.search(rf'id="{prefix}_id_{veld(naam)}">(.*?)</(?:p|div)>', html, re.S)
    return tekst(gevonden.group(1)).strip() if gevonden else ""


def opgave(organisatie="woonpunt"):
    return Jaaropgave.objects.filter(
        dossier__slug=DOSSIER, organisatie__slug=organisatie, jaar=2015, soort="realisatie"
    ).first()


def realisatie(organisatie):
    return dict(
        Waarde.objects.filter(
            indicator__dossier__slug=DOSSIER,
            organisatie__slug=organisatie,
            jaar=2015,
            soort="realisatie",
        ).values_list("indicator__naam", "waarde")
    )


def maasvallei_deel_groter_dan_geheel():
    """Maasvallei's own realisation, with a part larger than its total: not Woonpunt's."""
    from core.models import Organisatie

    maasvallei = Organisatie.objects.get(slug="maasvallei")
    for naam, waarde in [("Investeringen in duurzaamheid", 5), ("waarvan plaatsing HR-ketels", 7)]:
        Waarde.objects.create(
            indicator=item(naam),
            jaar=2015,
            soort="realisatie",
            organisatie=maasvallei,
            waarde=waarde,
        )


def test_the_realisation_grid_shows_the_plan_beside_each_field_and_not_another_corporation(als):
    client = als("woonpunt")

    html = client.get(GRID).content.decode()

    assert onder_veld(html, "doel", "Verbeteringen") == "Telt mee voor: plan 2015: 89"
    assert onder_veld(html, "doel", "Sloop") == "Telt mee voor: plan 2015: 82"
    assert re.search(
        rf'id="id_{veld("Sloop")}"\s+value=""[^>]*aria-describedby="[^"]*doel_id_', html
    )
    # Maasvallei's plan (66 nieuwbouw, 40 verbeteringen, € 370.000) is not in Woonpunt's grid.
    assert "plan 2015: 40" not in html and "370.000" not in html


def test_submitting_with_empty_fields_asks_to_confirm_them_by_name_and_submits_nothing_yet(als):
    client = als("woonpunt")
    rooster_post(client, GRID, {veld("Verbeteringen"): "87", veld("Sloop"): "82"})

    bevestigen = client.post(INDIENEN, {"organisatie": "woonpunt"})

    assert bevestigen.status_code == 200
    pagina = tekst(bevestigen.content.decode())
    assert "Er is nog niets ingediend. 4 vakken zijn leeg:" in pagina
    lijst = re.search(r'invoer-lege-velden">(.*?)</ul>', bevestigen.content.decode(), re.S)
    assert re.findall(r"<li[^>]*>([^<]+)</li>", lijst.group(1)) == [
        "Nieuwbouw",
        "Investeringen in duurzaamheid",
        "waarvan plaatsing HR-ketels",
        "Verkoop",
    ]
    assert "Toch indienen" in pagina and "Terug naar invoer" in pagina
    assert opgave() is None or opgave().status == Jaaropgave.Status.CONCEPT

    client.post(INDIENEN, {"organisatie": "woonpunt", "bevestigd": "ja"})

    assert opgave().status == Jaaropgave.Status.INGEDIEND
    assert opgave("maasvallei") is None


def test_a_complete_year_is_submitted_without_a_question(als):
    client = als("woonpunt")
    namen = ["Nieuwbouw", "Verbeteringen", "Investeringen in duurzaamheid"]
    namen += ["waarvan plaatsing HR-ketels", "Sloop", "Verkoop"]
    rooster_post(client, GRID, {veld(naam): "1" for naam in namen})

    response = client.post(INDIENEN, {"organisatie": "woonpunt"})

    assert response.status_code == 302
    assert opgave().status == Jaaropgave.Status.INGEDIEND


def test_a_submitted_year_is_text_with_who_submitted_it_when_and_how_to_change_it(als):
    client = als("woonpunt")
    rooster_post(client, GRID, {veld("Verbeteringen"): "87"})
    client.post(INDIENEN, {"organisatie": "woonpunt", "bevestigd": "ja"})

    html = client.get(GRID).content.decode()

    assert 'name="waarde_' not in html and "<textarea" not in html and "Opslaan" not in html
    pagina = tekst(html)
    assert re.search(
        r"Status: ingediend \. Ingediend door Beleidsmedewerker Woonpunt op \d+ \w+ 20\d\d, "
        r"\d\d:\d\d\.",
        pagina,
    )
    assert "tot de coördinator van dit dossier (Gemeente Maastricht) het jaar vaststelt" in pagina
    assert "Cijfers wijzigen" in pagina
    assert realisatie("woonpunt") == {"Verbeteringen": Decimal(87)}


def test_a_vastgesteld_year_says_who_can_reopen_it(als):
    plan = reverse("core:invoer", args=[DOSSIER, 2015, "plan"])

    html = als("woonpunt").get(plan).content.decode()

    assert 'name="waarde_' not in html and "Opslaan" not in html
    assert (
        "Vraag de coördinator van dit dossier (Gemeente Maastricht) of een functioneel "
        "beheerder om het jaar te heropenen" in tekst(html)
    )


def test_after_saving_a_part_larger_than_its_total_the_finding_stands_beside_both(als):
    maasvallei_deel_groter_dan_geheel()
    client = als("woonpunt")

    opgeslagen = rooster_post(
        client,
        GRID,
        {veld("Investeringen in duurzaamheid"): "10", veld("waarvan plaatsing HR-ketels"): "20"},
    )
    html = client.get(opgeslagen.url).content.decode()

    bevinding = (
        "Let op: Realisatie 2015: ‘waarvan plaatsing HR-ketels’ (20) is groter dan het geheel "
        "‘Investeringen in duurzaamheid’ (10)"
    )
    assert onder_veld(html, "bev", "Investeringen in duurzaamheid") == bevinding
    assert onder_veld(html, "bev", "waarvan plaatsing HR-ketels") == bevinding
    assert onder_veld(html, "bev", "Sloop") == ""
    pagina = tekst(html)
    assert "Controle van de opgeslagen cijfers: 1 bevinding" in pagina
    assert "(7)" not in pagina  # Maasvallei's own finding is not Woonpunt's
    assert realisatie("maasvallei") == {
        "Investeringen in duurzaamheid": Decimal(5),
        "waarvan plaatsing HR-ketels": Decimal(7),
    }


def test_an_error_summary_links_to_each_field_in_error(als):
    client = als("woonpunt")

    response = rooster_post(client, GRID, {veld("Verbeteringen"): "8g", veld("Sloop"): "-1"})

    assert response.status_code == 400
    html = response.content.decode()
    overzicht = re.search(r'class="[^"]*pm-foutoverzicht"[^>]*tabindex="-1"(.*?)</div>', html, re.S)
    links = re.findall(r'<a class="utrecht-link" href="#([^"]+)">([^<]+)</a>', overzicht.group(1))
    assert links == [
        (
            f"id_{veld('Verbeteringen')}",
            "Verbeteringen: ‘8g’ is geen getal. Schrijf bijvoorbeeld 1.234,56.",
        ),
        (f"id_{veld('Sloop')}", "Sloop: Een negatief getal is hier niet toegestaan."),
    ]
    assert f'id="id_{veld("Verbeteringen")}"' in html
    assert "Er is niets opgeslagen: 2 vakken bevatten een fout." in tekst(html)
