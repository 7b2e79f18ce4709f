"""Entering a dossier's targets in the browser: the coördinator (and a beheerder) adds and edits
targets of every kind; everyone else reads them; bad input is refused on its field, in Dutch,
with nothing saved.

On the made-up agreement of tests/conftest.py (`termijnafspraak`): 800 new social rental homes
over 2025–2028; another municipality's agreement has a target of 999.
"""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from afspraken.models import Afspraak
from core.models import Indicator, Organisatie, Rol, Streefdoel

D = Decimal


def lijst_url(dossier) -> str:
    return reverse("core:streefdoelen", args=[dossier.slug])


def nieuw_url(dossier) -> str:
    return reverse("core:streefdoel_toevoegen", args=[dossier.slug])


def wijzig_url(doel) -> str:
    return reverse("core:streefdoel_wijzigen", args=[doel.dossier.slug, doel.pk])


def formulier(**velden) -> dict:
    """A POST of the form: every field empty unless given."""
    leeg = dict.fromkeys(
        [
            "omschrijving",
            "indicator",
            "organisatie",
            "waarde",
            "minimum",
            "maximum",
            "van_jaar",
            "tot_en_met_jaar",
            "eenheid",
            "richting",
            "deadline",
            "bereikt_op",
            "referentie",
            "referentiewaarde",
            "nulmeting",
            "nulmeting_jaar",
            "bron",
        ],
        "",
    )
    return {**leeg, **{k: ("" if v is None else str(v)) for k, v in velden.items()}}


def veldfout(html: str, veld: str) -> str:
    """The error text shown on one field of the form."""
    gevonden = re.search(rf'id="id_{veld}_error">(.*?)</div>', html, re.S)
    assert gevonden, f"geen fout bij {veld}"
    return re.sub(r"<[^>]+>", "", gevonden.group(1)).replace("Fout: ", "").strip()


def alles(dossier) -> list:
    return list(Streefdoel.objects.filter(dossier=dossier).order_by("pk").values())


# --- Reading -------------------------------------------------------------------------------


def test_everyone_reads_the_targets_but_only_the_coordinator_sees_how_to_change_them(
    client, termijnafspraak
):
    t = termijnafspraak
    for gebruiker, beheert in [
        (t.coordinator, True),
        (t.beheerder, True),
        (t.bestuurder, False),
        (t.beleid_corporatie, False),
        (t.beleid_huurders, False),
    ]:
        client.force_login(gebruiker)
        html = client.get(lijst_url(t.dossier)).content.decode()

        assert "800 nieuwe sociale huurwoningen in 2025–2028" in html
        assert "Nieuwe sociale huurwoningen" in html
        assert "800 over 2025–2028" in html
        assert "999" not in html  # the other municipality's target
        assert ("Streefdoel toevoegen" in html) == beheert, gebruiker
        assert (wijzig_url(t.doel) in html) == beheert, gebruiker


def test_the_list_of_targets_costs_the_same_queries_for_3_or_30_targets(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.coordinator)

    def tel() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(lijst_url(t.dossier)).status_code == 200
        return len(queries)

    def voeg_toe(aantal):
        for n in range(aantal):
            Streefdoel.objects.create(
                dossier=t.dossier, indicator=t.verduurzaming, soort="per_jaar", waarde=n
            )

    voeg_toe(2)
    weinig = tel()
    voeg_toe(27)
    assert tel() == weinig


# --- Adding and editing, every kind --------------------------------------------------------

SOORTEN = {
    "per_jaar": (
        {"soort": "per_jaar", "waarde": "150", "van_jaar": 2026},
        {"waarde": D(150), "van_jaar": 2026},
        "150 per jaar in 2026–2028",
    ),
    "looptijd": (
        {"soort": "looptijd", "waarde": "1.200"},
        {"waarde": D(1200), "tot_en_met_jaar": None},
        "1.200 over 2025–2028",
    ),
    "bandbreedte per jaar": (
        {"soort": "bandbreedte", "minimum": "1", "maximum": "3", "per_jaar": "on"},
        {"minimum": D(1), "maximum": D(3), "per_jaar": True},
        "minimaal 1 en maximaal 3 per jaar",
    ),
    "bandbreedte over de looptijd": (
        {"soort": "bandbreedte", "minimum": "40", "maximum": "60,5"},
        {"minimum": D(40), "maximum": D("60.5"), "per_jaar": False},
        "minimaal 40 en maximaal 60,50 over 2025–2028",
    ),
    "mijlpaal": (
        {"soort": "mijlpaal", "deadline": "01-07-2027", "bereikt_op": "15-06-2027"},
        {"deadline": datetime.date(2027, 7, 1), "bereikt_op": datetime.date(2027, 6, 15)},
        "uiterlijk 1 juli 2027; bereikt op 15 juni 2027",
    ),
    "effect": (
        {
            "soort": "effect",
            "waarde": "7,5",
            "tot_en_met_jaar": 2028,
            "referentie": "gemeentelijk gemiddelde",
            "referentiewaarde": "7,2",
            "nulmeting": "6,1",
            "nulmeting_jaar": 2024,
            "bron": "Leefbaarometer",
            "richting": "hoger",
        },
        {
            "waarde": D("7.5"),
            "referentie": "gemeentelijk gemiddelde",
            "referentiewaarde": D("7.2"),
            "nulmeting": D("6.1"),
            "nulmeting_jaar": 2024,
            "bron": "Leefbaarometer",
            "richting": "hoger",
        },
        "minstens 7,50 in 2028; referentie: gemeentelijk gemiddelde (7,20); "
        "nulmeting 2024: 6,10; bron: Leefbaarometer",
    ),
}


@pytest.mark.parametrize("soort", list(SOORTEN))
def test_the_coordinator_adds_a_target_of_every_kind(client, termijnafspraak, soort):
    t = termijnafspraak
    velden, verwacht, tekst = SOORTEN[soort]
    client.force_login(t.coordinator)
    assert client.get(nieuw_url(t.dossier)).status_code == 200

    response = client.post(
        nieuw_url(t.dossier),
        formulier(omschrijving=f"Nieuw: {soort}", indicator=t.verduurzaming.pk, **velden),
    )

    assert response.status_code == 302
    assert response.url == lijst_url(t.dossier)
    doel = Streefdoel.objects.get(omschrijving=f"Nieuw: {soort}")
    assert (doel.dossier_id, doel.indicator, doel.organisatie) == (
        t.dossier.pk,
        t.verduurzaming,
        None,
    )
    assert {veld: getattr(doel, veld) for veld in verwacht} == verwacht
    html = client.get(lijst_url(t.dossier)).content.decode()
    assert tekst in html
    assert f"Het streefdoel ‘{tekst}’ is opgeslagen." in html


def test_a_party_s_own_target_names_the_party(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.beheerder)

    client.post(
        nieuw_url(t.dossier),
        formulier(
            soort="per_jaar", waarde="40", indicator=t.verduurzaming.pk, organisatie=t.corporatie.pk
        ),
    )

    doel = Streefdoel.objects.get(indicator=t.verduurzaming)
    assert (doel.organisatie, doel.waarde) == (t.corporatie, D(40))
    assert "Woonstichting Voorbeeld" in client.get(lijst_url(t.dossier)).content.decode()


def test_the_coordinator_edits_the_term_target_and_the_form_shows_it_the_dutch_way(
    client, termijnafspraak
):
    t = termijnafspraak
    Afspraak.objects.filter(pk=t.dossier.pk).update(in_opbouw=True)  # free edits while set up
    client.force_login(t.coordinator)
    formulier_html = client.get(wijzig_url(t.doel)).content.decode()
    assert "Datum van de wijziging" not in formulier_html
    assert 'value="800"' in formulier_html

    response = client.post(
        wijzig_url(t.doel),
        formulier(
            omschrijving=t.doel.omschrijving,
            soort="looptijd",
            indicator=t.nieuwbouw.pk,
            waarde="1.000",
        ),
    )

    assert response.status_code == 302
    t.doel.refresh_from_db()
    assert (t.doel.waarde, t.doel.soort, t.doel.indicator) == (D(1000), "looptijd", t.nieuwbouw)
    assert "1.000 over 2025–2028" in client.get(lijst_url(t.dossier)).content.decode()
    assert Streefdoel.objects.filter(dossier=t.ander, waarde=999).exists()


def test_a_target_past_the_term_is_saved_and_shown_as_running_on(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.coordinator)

    response = client.post(
        nieuw_url(t.dossier),
        formulier(
            omschrijving="Regionaal: 300 tot en met 2032",
            soort="looptijd",
            indicator=t.nieuwbouw.pk,
            waarde="300",
            tot_en_met_jaar=2032,
        ),
    )

    assert response.status_code == 302
    doel = Streefdoel.objects.get(omschrijving="Regionaal: 300 tot en met 2032")
    assert (doel.tot_en_met_jaar, doel.voorbij_looptijd) == (2032, True)
    html = client.get(lijst_url(t.dossier)).content.decode()
    assert "300 over 2025–2032" in html
    assert "Loopt door na de looptijd van het dossier." in html


# --- Who may ----------------------------------------------------------------------------


def test_nobody_but_the_coordinator_or_a_beheerder_adds_or_edits_a_target(
    client, termijnafspraak, user_factory
):
    t = termijnafspraak
    elders = user_factory("elders-coordinator", t.ander.penvoerder, Rol.COORDINATOR)
    voor = alles(t.dossier)
    for gebruiker in (t.bestuurder, t.beleid_gemeente, t.beleid_corporatie, elders):
        client.force_login(gebruiker)
        for url in (nieuw_url(t.dossier), wijzig_url(t.doel)):
            assert client.get(url).status_code == 403, (gebruiker, url)
            nieuw = formulier(soort="looptijd", indicator=t.nieuwbouw.pk, waarde="1")
            assert client.post(url, nieuw).status_code == 403, (gebruiker, url)
    assert alles(t.dossier) == voor


def test_a_target_of_another_dossier_is_not_found_through_this_one(client, termijnafspraak):
    t = termijnafspraak
    ander_doel = Streefdoel.objects.get(dossier=t.ander)
    client.force_login(t.beheerder)

    url = reverse("core:streefdoel_wijzigen", args=[t.dossier.slug, ander_doel.pk])

    assert client.get(url).status_code == 404
    assert client.post(url, formulier(soort="looptijd", waarde="1")).status_code == 404
    ander_doel.refresh_from_db()
    assert ander_doel.waarde == 999


def test_the_target_forms_take_only_get_and_post(client, termijnafspraak):
    client.force_login(termijnafspraak.coordinator)

    assert client.put(nieuw_url(termijnafspraak.dossier)).status_code == 405
    assert client.delete(wijzig_url(termijnafspraak.doel)).status_code == 405
    assert client.post(lijst_url(termijnafspraak.dossier)).status_code == 405


# --- Bad input -------------------------------------------------------------------------------


@pytest.fixture
def zonder_looptijd(termijnafspraak):
    """An agreement of the same gemeente without start or end date."""
    dossier = Afspraak.objects.create(
        titel="Intentieverklaring zonder looptijd",
        slug="zonder-looptijd",
        penvoerder=termijnafspraak.gemeente,
        soort_afspraak=Afspraak.Soort.OVERIG,
    )
    item = Indicator.objects.create(
        dossier=dossier, code="woningen", naam="Woningen", eenheid="aantal"
    )
    return dossier, item


@pytest.fixture
def procent_item(termijnafspraak):
    return Indicator.objects.create(
        dossier=termijnafspraak.dossier,
        code="aandeel-sociaal",
        naam="Aandeel sociale huur",
        eenheid="procent",
    )


def test_a_range_with_minimum_above_maximum_is_refused_on_the_maximum(client, termijnafspraak):
    fout = weiger(
        client,
        termijnafspraak,
        termijnafspraak.dossier,
        formulier(
            soort="bandbreedte", indicator=termijnafspraak.nieuwbouw.pk, minimum="5", maximum="3"
        ),
        "maximum",
    )
    assert fout == "Het minimum (5) is groter dan het maximum (3)."


def test_a_term_target_on_a_dossier_without_a_term_is_refused(
    client, termijnafspraak, zonder_looptijd
):
    dossier, item = zonder_looptijd
    fout = weiger(
        client,
        termijnafspraak,
        dossier,
        formulier(soort="looptijd", indicator=item.pk, waarde="100"),
        "tot_en_met_jaar",
    )
    assert fout == "Dit dossier heeft geen looptijd: geef het eerste en laatste jaar van het doel."


def test_a_milestone_without_a_date_on_a_dossier_without_an_end_is_refused(
    client, termijnafspraak, zonder_looptijd
):
    dossier, _ = zonder_looptijd
    fout = weiger(
        client,
        termijnafspraak,
        dossier,
        formulier(soort="mijlpaal", omschrijving="Visie"),
        "deadline",
    )
    assert fout == "Een mijlpaal heeft een datum waarop hij bereikt moet zijn."


def test_a_target_year_before_the_dossier_starts_is_refused(client, termijnafspraak):
    fout = weiger(
        client,
        termijnafspraak,
        termijnafspraak.dossier,
        formulier(
            soort="per_jaar", indicator=termijnafspraak.nieuwbouw.pk, waarde="10", van_jaar=2023
        ),
        "van_jaar",
    )
    assert fout == "2023 ligt vóór het begin van het dossier (2025)."


@pytest.mark.parametrize(
    "velden",
    [{"soort": "looptijd", "waarde": "40"}, {"soort": "bandbreedte", "minimum": "30"}],
    ids=["over de looptijd", "bandbreedte over de looptijd"],
)
def test_a_summed_target_on_a_percentage_is_refused(client, termijnafspraak, procent_item, velden):
    fout = weiger(
        client,
        termijnafspraak,
        termijnafspraak.dossier,
        formulier(indicator=procent_item.pk, **velden),
        "soort",
    )
    assert fout.startswith("Een percentage kan niet over jaren worden opgeteld")


def test_a_percentage_per_year_is_fine(client, termijnafspraak, procent_item):
    client.force_login(termijnafspraak.coordinator)

    response = client.post(
        nieuw_url(termijnafspraak.dossier),
        formulier(soort="bandbreedte", indicator=procent_item.pk, minimum="30", per_jaar="on"),
    )

    assert response.status_code == 302
    assert Streefdoel.objects.get(indicator=procent_item).minimum == D(30)


def test_an_item_or_party_of_another_dossier_cannot_be_chosen(client, termijnafspraak):
    t = termijnafspraak
    ander_item = Indicator.objects.get(dossier=t.ander)
    fout = weiger(
        client,
        t,
        t.dossier,
        formulier(soort="looptijd", indicator=ander_item.pk, waarde="10"),
        "indicator",
    )
    assert "geldige keuze" in fout
    fout = weiger(
        client,
        t,
        t.dossier,
        formulier(soort="per_jaar", organisatie=t.ander.penvoerder.pk, waarde="10"),
        "organisatie",
    )
    assert "geldige keuze" in fout


def test_a_number_that_is_not_dutch_is_refused_on_its_field(client, termijnafspraak):
    fout = weiger(
        client,
        termijnafspraak,
        termijnafspraak.dossier,
        formulier(soort="looptijd", indicator=termijnafspraak.nieuwbouw.pk, waarde="8oo"),
        "waarde",
    )
    assert fout == "‘8oo’ is geen getal. Schrijf bijvoorbeeld 1.234,56."


def test_a_bad_edit_leaves_the_target_as_it_was(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.coordinator)
    voor = alles(t.dossier)

    response = client.post(
        wijzig_url(t.doel),
        formulier(soort="bandbreedte", indicator=t.nieuwbouw.pk, minimum="900", maximum="700"),
    )

    assert response.status_code == 400
    assert veldfout(response.content.decode(), "maximum") == (
        "Het minimum (900) is groter dan het maximum (700)."
    )
    assert alles(t.dossier) == voor


def weiger(client, t, dossier, data: dict, veld: str) -> str:
    """POST as the coördinator: refused with 400, nothing stored; the error on `veld`."""
    client.force_login(t.coordinator)
    voor = Streefdoel.objects.count()

    response = client.post(nieuw_url(dossier), data)

    assert response.status_code == 400
    html = response.content.decode()
    assert "Er is niets opgeslagen" in html
    assert Streefdoel.objects.count() == voor
    assert Organisatie.objects.filter(pk=t.gemeente.pk).exists()
    return veldfout(html, veld)


def test_the_range_error_writes_its_numbers_the_dutch_way(client, termijnafspraak):
    fout = weiger(
        client,
        termijnafspraak,
        termijnafspraak.dossier,
        formulier(soort="bandbreedte", minimum="1.002,5", maximum="999,75", per_jaar="on"),
        "maximum",
    )
    assert fout == "Het minimum (1.002,50) is groter dan het maximum (999,75)."


def test_a_template_names_a_target_in_the_same_words(termijnafspraak):
    from django.template import Context, Template

    html = Template("{% load streefdoelen %}{{ punt.streefdoel|doeltekst }}|{{ geen|doeltekst }}")

    assert html.render(Context({"punt": termijnafspraak.punt})) == "800 over 2025–2028|"


def test_the_list_names_each_target_in_the_words_of_its_document(client, termijnafspraak):
    """The agreement item's words head the row; the target's own description stands under it."""
    t = termijnafspraak
    client.force_login(t.bestuurder)

    html = client.get(lijst_url(t.dossier)).content.decode()

    rij = html.split("<tbody")[1].split("</tr>")[0]
    assert "Samen bouwen we 800 nieuwe sociale huurwoningen<br>" in rij
    assert '<span class="soort">800 nieuwe sociale huurwoningen in 2025–2028</span>' in rij


def test_the_list_of_a_deal_shows_its_intended_results_words(client, brondata):
    from core.models import User

    client.force_login(User.objects.get(username="groningen"))
    html = client.get(reverse("core:streefdoelen", args=["regio-deal-groningen-noord-ii"]))

    assert "Het project KIEM is opgeschaald naar alle basisscholen" in html.content.decode()
