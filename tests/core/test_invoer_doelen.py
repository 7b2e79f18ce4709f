"""The entry grid shows, under each field, what the figure counts toward: the year's plan
and the item's target, a term target with what is realised so far (core.voortgang's rule)."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import Indicator, Streefdoel, Waarde


def grid(client, afspraak, user, jaar, soort="realisatie", organisatie=None):
    client.force_login(user)
    url = reverse("core:invoer", args=[afspraak.dossier.slug, jaar, soort])
    return client.get(f"{url}?organisatie={organisatie.slug}" if organisatie else url)


def onder_veld(html: str, indicator, organisatie=None) -> str:
    """The text under the field of one item (and organisation) in the grid."""
    naam = f"waarde_{indicator.pk}" + (f"_{organisatie.pk}" if organisatie else "")
    gevonden = re.search(rf'<p class="[^"]*invoer-doel" id="doel_id_{naam}">(.*?)</p>', html)
    if gevonden is None:
        return ""
    return re.sub(r"<[^>]+>", "", gevonden.group(1))


def test_the_gemeente_sees_the_term_target_with_what_is_realised_so_far(client, termijnafspraak):
    t = termijnafspraak

    response = grid(client, t, t.beleid_gemeente, 2026)

    assert response.status_code == 200
    html = response.content.decode()
    assert onder_veld(html, t.nieuwbouw) == "Telt mee voor: doel 800 over 2025–2028, tot nu toe 410"
    # The year is submitted, so shown as text; opened to change it, the text describes the field.
    wijzigen = client.get(response.request["PATH_INFO"] + "?wijzigen=1").content.decode()
    assert f'aria-describedby="doel_id_waarde_{t.nieuwbouw.pk}"' in wijzigen
    # The other municipality's target of 999 is not this agreement's.
    assert "999" not in html and "333" not in html


def test_entering_a_realisation_shows_the_years_plan_and_a_plan_grid_does_not(
    client, termijnafspraak
):
    t = termijnafspraak
    Waarde.objects.create(indicator=t.nieuwbouw, jaar=2026, soort="plan", waarde=1200)

    realisatie = grid(client, t, t.beleid_gemeente, 2026).content.decode()
    plan = grid(client, t, t.beleid_gemeente, 2026, soort="plan").content.decode()

    assert onder_veld(realisatie, t.nieuwbouw) == (
        "Telt mee voor: plan 2026: 1.200; doel 800 over 2025–2028, tot nu toe 410"
    )
    assert onder_veld(plan, t.nieuwbouw) == "Telt mee voor: doel 800 over 2025–2028, tot nu toe 410"


def test_a_lowered_target_shows_in_the_grid_at_once(client, termijnafspraak):
    t = termijnafspraak
    t.doel.waarde = 700
    t.doel.save()

    html = grid(client, t, t.beleid_gemeente, 2027).content.decode()

    assert onder_veld(html, t.nieuwbouw) == "Telt mee voor: doel 700 over 2025–2028, tot nu toe 410"
    assert "800" not in html


def test_the_corporation_sees_its_own_target_and_not_the_gemeentes(client, termijnafspraak):
    t = termijnafspraak
    Streefdoel.objects.create(
        dossier=t.dossier,
        indicator=t.verduurzaming,
        organisatie=t.corporatie,
        soort=Streefdoel.Soort.BANDBREEDTE,
        per_jaar=True,
        minimum=50,
        maximum=80,
    )

    html = grid(client, t, t.beleid_corporatie, 2025).content.decode()

    assert onder_veld(html, t.verduurzaming, t.corporatie) == (
        "Telt mee voor: doel van Woonstichting Voorbeeld minimaal 50 en maximaal 80 per jaar"
    )
    assert "800" not in html and "410" not in html


def test_a_target_past_the_term_is_context_never_an_entry_year(client, termijnafspraak):
    t = termijnafspraak
    t.doel.tot_en_met_jaar = 2032
    t.doel.save()

    laatste = grid(client, t, t.beleid_gemeente, 2028)
    erna = grid(client, t, t.beleid_gemeente, 2029)
    url = reverse("core:invoer", args=[t.dossier.slug, 2029, "realisatie"])
    opslaan = client.post(url, {f"waarde_{t.nieuwbouw.pk}": "90", f"versie_{t.nieuwbouw.pk}": "0"})

    assert onder_veld(laatste.content.decode(), t.nieuwbouw) == (
        "Telt mee voor: doel 800 over 2025–2032 (loopt door na 2028), tot nu toe 410"
    )
    assert erna.status_code == opslaan.status_code == 404
    assert "Pagina niet gevonden" in opslaan.content.decode()
    assert not Waarde.objects.filter(jaar=2029).exists()


def test_the_grid_takes_as_many_queries_with_more_targets(client, termijnafspraak):
    t = termijnafspraak

    def queries() -> int:
        grid(client, t, t.beleid_gemeente, 2026)  # warm up: the session, content types
        with CaptureQueriesContext(connection) as vastgelegd:
            assert grid(client, t, t.beleid_gemeente, 2026).status_code == 200
        return len(vastgelegd.captured_queries)

    voor = queries()
    for nummer in range(4):
        item = Indicator.objects.create(
            dossier=t.dossier,
            onderdeel=t.thema,
            code=f"extra-{nummer}",
            naam=f"Extra {nummer}",
            eenheid="aantal",
        )
        Waarde.objects.create(indicator=item, jaar=2026, soort="plan", waarde=10)
        Waarde.objects.create(indicator=item, jaar=2025, soort="realisatie", waarde=5)
        Streefdoel.objects.create(
            dossier=t.dossier, indicator=item, soort=Streefdoel.Soort.LOOPTIJD, waarde=40
        )
        Streefdoel.objects.create(
            dossier=t.dossier, indicator=item, soort=Streefdoel.Soort.PER_JAAR, waarde=10
        )
    na = queries()

    assert na == voor
    html = grid(client, t, t.beleid_gemeente, 2026).content.decode()
    extra = Indicator.objects.get(code="extra-3")
    assert onder_veld(html, extra) == (
        "Telt mee voor: plan 2026: 10; doel 40 over 2025–2028, tot nu toe 5; doel 10 per jaar"
    )
