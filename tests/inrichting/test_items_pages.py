"""Setting up a dossier's items in the browser: the coördinator adds items (and, in the same
step, their targets), the models' rules refuse bad input on the field with nothing saved, an
item with figures is ended instead of deleted. Outsiders are refused.

Two worlds: the demo's Groningen coördinator on a made-up Regio Deal in opbouw (her
organisation is its penvoerder), and the made-up agreement of tests/conftest.py
(`termijnafspraak`) for figures and parties.
"""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import Dossier, Indicator, Rol, Streefdoel, User

D = Decimal


def items_url(dossier) -> str:
    return reverse("inrichting:items", args=[dossier.slug])


def nieuw_url(dossier) -> str:
    return reverse("inrichting:item_nieuw", args=[dossier.slug])


def item_url(item) -> str:
    return reverse("inrichting:item", args=[item.dossier.slug, item.pk])


def verwijder_url(item) -> str:
    return reverse("inrichting:item_verwijderen", args=[item.dossier.slug, item.pk])


def formulier(**velden) -> dict:
    """A POST of the item form: the defaults of a plain count, overridden by `velden`."""
    basis = {
        "naam": "",
        "code": "",
        "onderdeel": "",
        "eenheid": "aantal",
        "richting": "hoger",
        "uitsplitsing": "geen",
        "deel_van": "",
        "uitsplitsing_van": "",
        "meetdefinitie": "",
        "volgorde": "0",
        "laatste_jaar": "",
        "doel_soort": "",
    }
    return {**basis, **{k: ("" if v is None else str(v)) for k, v in velden.items()}}


def veldfout(html: str, veld: str) -> str:
    gevonden = re.search(rf'id="id_{veld}_error">(.*?)</div>', html, re.S)
    assert gevonden, f"geen fout bij {veld}"
    return re.sub(r"<[^>]+>", "", gevonden.group(1)).replace("Fout: ", "").strip()


def in_opbouw(dossier) -> None:
    Dossier.objects.filter(pk=dossier.pk).update(in_opbouw=True)
    dossier.refresh_from_db()


@pytest.fixture
def deal(brondata):
    """A made-up Regio Deal 2025–2028 in opbouw, led by the Groningen coördinator's organisation."""
    groningen = User.objects.get(username="groningen").organisatie
    dossier = Dossier.objects.create(
        soort=Dossier.Soort.REGIODEAL,
        titel="Regio Deal Voorbeeldkust",
        slug="regio-deal-voorbeeldkust",
        penvoerder=groningen,
        startdatum=datetime.date(2025, 1, 1),
        einddatum=datetime.date(2028, 12, 31),
        in_opbouw=True,
    )
    dossier.partijen.create(organisatie=groningen, rol="partij")
    thema = dossier.onderdelen.create(nummer="1", titel="Wonen")
    return dossier, thema


# --- The happy path ---------------------------------------------------------------------------

TWAALF = [
    # naam, eenheid, target fields
    ("Nieuwe woningen", "aantal", {"doel_soort": "looptijd", "doel_waarde": "1.200"}),
    ("Gesloopte woningen", "aantal", {"doel_soort": "per_jaar", "doel_waarde": "50"}),
    ("Verduurzaamde woningen", "aantal", {"doel_soort": "per_jaar"}),
    ("Leegstand", "procent", {"doel_soort": "bandbreedte", "doel_minimum": "1,5"}),
    ("Investering", "euro", {"doel_soort": "looptijd", "doel_waarde": "2.500.000,50"}),
    (
        "Woonvisie vastgesteld",
        "aantal",
        {"doel_soort": "mijlpaal", "doel_deadline": "31-12-2026"},
    ),
    ("Starterswoningen", "aantal", {"doel_soort": "bandbreedte", "doel_maximum": "300"}),
    (
        "Huurwoningen",
        "aantal",
        {"doel_soort": "looptijd", "doel_waarde": "400", "doel_van_jaar": "2026"},
    ),
    ("Koopwoningen", "aantal", {}),
    (
        "Tijdelijke woningen",
        "aantal",
        {"doel_soort": "per_jaar", "doel_waarde": "10", "doel_tot_en_met_jaar": "2027"},
    ),
    ("Bewoners betrokken", "aantal", {}),
    ("Tevredenheid", "procent", {"doel_soort": "per_jaar", "doel_waarde": "80"}),
]


def test_the_coordinator_sets_up_twelve_items_with_their_targets(als, deal):
    dossier, thema = deal
    client = als("groningen")
    anders = Indicator.objects.exclude(dossier=dossier).count()

    for volgorde, (naam, eenheid, doel) in enumerate(TWAALF):
        response = client.post(
            nieuw_url(dossier),
            formulier(naam=naam, eenheid=eenheid, onderdeel=thema.pk, volgorde=volgorde, **doel),
        )
        assert response.status_code == 302, response.content.decode()[:3000]
        assert response["Location"] == items_url(dossier)

    items = list(Indicator.objects.filter(dossier=dossier).order_by("volgorde"))
    assert [i.naam for i in items] == [naam for naam, _, _ in TWAALF]
    assert items[0].code == "nieuwe-woningen" and items[0].onderdeel == thema
    assert Indicator.objects.exclude(dossier=dossier).count() == anders
    doelen = {d.indicator.naam: d for d in Streefdoel.objects.filter(dossier=dossier)}
    assert len(doelen) == 10
    assert (doelen["Nieuwe woningen"].soort, doelen["Nieuwe woningen"].waarde) == (
        "looptijd",
        D(1200),
    )
    assert doelen["Investering"].waarde == D("2500000.50")
    leegstand = doelen["Leegstand"]
    assert (leegstand.soort, leegstand.minimum, leegstand.per_jaar) == (
        "bandbreedte",
        D("1.5"),
        True,
    )
    assert doelen["Woonvisie vastgesteld"].deadline == datetime.date(2026, 12, 31)
    assert doelen["Huurwoningen"].van_jaar == 2026
    assert doelen["Tijdelijke woningen"].tot_en_met_jaar == 2027

    html = client.get(items_url(dossier)).content.decode()
    assert "12 items" in html
    assert "nieuwe-woningen" in html and "Woonvisie vastgesteld" in html
    # The targets page lists them too, in words.
    lijst = client.get(reverse("core:streefdoelen", args=[dossier.slug])).content.decode()
    assert "1.200 over 2025–2028" in lijst


def test_save_and_next_item_opens_a_new_item_with_the_theme_unit_and_split_before(als, deal):
    dossier, thema = deal
    client = als("groningen")
    post = formulier(
        naam="Nieuwe woningen", onderdeel=thema.pk, eenheid="euro", uitsplitsing="organisatie"
    )
    antwoord = client.post(nieuw_url(dossier), {**post, "volgende": "1"})

    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(nieuw_url(dossier) + "?")
    html = client.get(antwoord["Location"]).content.decode()
    assert "Het item ‘Nieuwe woningen’ is opgeslagen." in html
    assert re.search(rf'<option value="{thema.pk}" selected>1 Wonen</option>', html)
    assert re.search(r'<option value="euro" selected>', html)
    assert re.search(r'<option value="organisatie" selected>', html)
    naam = re.search(r'<input[^>]*name="naam"[^>]*>', html).group(0)
    assert "value=" not in naam  # a new item: its name is still to be typed
    assert Indicator.objects.filter(dossier=dossier, naam="Nieuwe woningen").count() == 1


def test_the_list_of_items_costs_the_same_queries_for_2_or_20_items(
    als, deal, django_assert_max_num_queries
):
    dossier, thema = deal
    client = als("groningen")

    def maak(van, tot):
        for nummer in range(van, tot):
            item = Indicator.objects.create(
                dossier=dossier,
                code=f"i{nummer}",
                naam=f"Item {nummer}",
                eenheid="aantal",
                onderdeel=thema,
                deel_van=Indicator.objects.filter(dossier=dossier).first(),
            )
            Streefdoel.objects.create(dossier=dossier, indicator=item, soort="per_jaar", waarde=1)

    maak(0, 2)
    client.get(items_url(dossier))
    with CaptureQueriesContext(connection) as twee:
        client.get(items_url(dossier))
    maak(2, 20)
    with django_assert_max_num_queries(len(twee)):
        response = client.get(items_url(dossier))
    assert "20 items" in response.content.decode()


def test_a_code_left_empty_is_made_from_the_name_and_kept_unique(client, termijnafspraak):
    t = termijnafspraak
    in_opbouw(t.dossier)
    client.force_login(t.coordinator)

    for _ in range(2):
        client.post(nieuw_url(t.dossier), formulier(naam="Sloop van flats"))

    codes = list(
        Indicator.objects.filter(dossier=t.dossier, naam="Sloop van flats").values_list(
            "code", flat=True
        )
    )
    assert sorted(codes) == ["sloop-van-flats", "sloop-van-flats-2"]


def test_the_coordinator_edits_an_item_and_ends_it(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.coordinator)
    html = client.get(item_url(t.verduurzaming)).content.decode()
    assert 'value="Verduurzaamde woningen"' in html
    assert "Item verwijderen" not in html  # no figures yet, but the dossier is published
    assert "Het dossier is vastgesteld" in html

    response = client.post(
        item_url(t.verduurzaming),
        formulier(
            naam="Verduurzaamde woningen",
            code="verduurzaming",
            uitsplitsing="organisatie",
            onderdeel=t.thema.pk,
            laatste_jaar=2026,
        ),
    )

    assert response.status_code == 302
    t.verduurzaming.refresh_from_db()
    assert (t.verduurzaming.laatste_jaar, t.verduurzaming.uitsplitsing) == (2026, "organisatie")
    assert "2026" in client.get(items_url(t.dossier)).content.decode()


# --- Bad input: a Dutch error on the field, nothing saved -------------------------------------


def _geweigerd(client, url, post, veld) -> str:
    voor = list(Indicator.objects.order_by("pk").values())
    doelen = Streefdoel.objects.count()
    response = client.post(url, post)
    assert response.status_code == 400
    assert list(Indicator.objects.order_by("pk").values()) == voor
    assert Streefdoel.objects.count() == doelen
    html = response.content.decode()
    assert "Er is niets opgeslagen" in html
    return veldfout(html, veld)


def test_a_typed_code_already_in_the_dossier_is_refused_on_the_code(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.coordinator)

    fout = _geweigerd(
        client, nieuw_url(t.dossier), formulier(naam="Iets anders", code="verduurzaming"), "code"
    )

    assert fout == "Dit dossier heeft al een item met de code ‘verduurzaming’."
    # Another dossier's codes are no obstacle.
    client.post(nieuw_url(t.dossier), formulier(naam="Elders ook", code="nieuwbouw-sociale-huur-x"))
    assert Indicator.objects.filter(dossier=t.dossier, code="nieuwbouw-sociale-huur-x").exists()


def test_a_part_of_an_item_of_another_dossier_cannot_be_chosen(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.coordinator)
    vreemd = Indicator.objects.get(dossier=t.ander)

    fout = _geweigerd(
        client, nieuw_url(t.dossier), formulier(naam="Deel", deel_van=vreemd.pk), "deel_van"
    )

    assert "geldige keuze" in fout
    assert vreemd.naam not in client.get(nieuw_url(t.dossier)).content.decode().split("deel_van")[1]


def test_a_cycle_of_parts_is_refused_on_the_field(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.coordinator)
    Indicator.objects.filter(pk=t.verduurzaming.pk).update(deel_van=t.nieuwbouw)

    fout = _geweigerd(
        client,
        item_url(t.nieuwbouw),
        formulier(
            naam=t.nieuwbouw.naam,
            code=t.nieuwbouw.code,
            onderdeel=t.thema.pk,
            deel_van=t.verduurzaming.pk,
        ),
        "deel_van",
    )

    assert fout == "Een item kan geen deel zijn van zichzelf of van een van zijn eigen delen."


def test_a_bad_target_with_a_new_item_saves_neither(client, termijnafspraak):
    t = termijnafspraak
    in_opbouw(t.dossier)
    client.force_login(t.coordinator)

    fout = _geweigerd(
        client, nieuw_url(t.dossier), formulier(naam="Sloop", doel_soort="looptijd"), "doel_waarde"
    )
    assert fout == "Geef het aantal dat over de looptijd bereikt moet worden."

    fout = _geweigerd(
        client,
        nieuw_url(t.dossier),
        formulier(naam="Sloop", doel_soort="per_jaar", doel_waarde="8oo"),
        "doel_waarde",
    )
    assert fout == "‘8oo’ is geen getal. Schrijf bijvoorbeeld 1.234,56."


# --- Deleting and ending ----------------------------------------------------------------------


def test_an_item_without_figures_is_deleted_while_the_dossier_is_in_opbouw(client, termijnafspraak):
    t = termijnafspraak
    in_opbouw(t.dossier)
    client.force_login(t.coordinator)
    client.post(nieuw_url(t.dossier), formulier(naam="Tijdelijk", doel_soort="per_jaar"))
    item = Indicator.objects.get(dossier=t.dossier, naam="Tijdelijk")
    assert "Item verwijderen" in client.get(item_url(item)).content.decode()

    response = client.post(verwijder_url(item), follow=True)

    assert not Indicator.objects.filter(pk=item.pk).exists()
    assert not Streefdoel.objects.filter(dossier=t.dossier, indicator__naam="Tijdelijk").exists()
    assert "Het item ‘Tijdelijk’ is verwijderd." in response.content.decode()


def test_an_item_with_figures_is_not_deleted(client, termijnafspraak):
    t = termijnafspraak
    in_opbouw(t.dossier)
    client.force_login(t.coordinator)
    melding = "Een item met cijfers wordt beëindigd, niet verwijderd: vul het laatste jaar in."
    assert melding in client.get(item_url(t.nieuwbouw)).content.decode()

    response = client.post(verwijder_url(t.nieuwbouw), follow=True)

    assert Indicator.objects.filter(pk=t.nieuwbouw.pk).exists()
    assert melding in response.content.decode()


def test_after_publication_an_item_is_ended_not_deleted(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.coordinator)

    response = client.post(verwijder_url(t.verduurzaming), follow=True)

    assert Indicator.objects.filter(pk=t.verduurzaming.pk).exists()
    assert "Het dossier is vastgesteld: een item wordt dan beëindigd" in response.content.decode()


def test_an_ended_item_is_not_offered_in_a_later_year(client, termijnafspraak):
    import io

    from openpyxl import load_workbook

    t = termijnafspraak
    Indicator.objects.filter(pk=t.verduurzaming.pk).update(laatste_jaar=2025)
    client.force_login(t.beleid_corporatie)

    def grid(jaar):
        url = reverse("core:invoer", args=[t.dossier.slug, jaar, "realisatie"])
        return client.get(url).content.decode()

    assert "Verduurzaamde woningen" in grid(2025)
    assert "Verduurzaamde woningen" not in grid(2026)

    def sjabloon(jaar):
        response = client.get(reverse("importeren:sjabloon", args=[t.dossier.slug, jaar]))
        assert response.status_code == 200
        blad = load_workbook(io.BytesIO(response.content)).worksheets[0]
        return [str(cel) for rij in blad.iter_rows(values_only=True) for cel in rij]

    assert "Verduurzaamde woningen" in sjabloon(2025)
    assert "Verduurzaamde woningen" not in sjabloon(2026)


def test_an_import_of_an_ended_item_for_a_later_year_is_refused_on_its_row(termijnafspraak):
    from importeren.services import upload_import
    from importeren.sjabloon import maak_sjabloon

    t = termijnafspraak
    inhoud = maak_sjabloon(dossier=t.dossier, organisatie=t.corporatie, jaar=2026)
    Indicator.objects.filter(pk=t.verduurzaming.pk).update(laatste_jaar=2025)

    _, voorbeeld = upload_import(
        dossier=t.dossier, door=t.beleid_corporatie, naam="2026.xlsx", inhoud=inhoud
    )

    meldingen = [fout.melding for fout in voorbeeld.fouten]
    assert "‘Verduurzaamde woningen’ is beëindigd na 2025: er is geen cijfer voor 2026." in (
        meldingen
    )


# --- Who may ----------------------------------------------------------------------------------


def test_only_the_coordinator_or_a_beheerder_sets_up_items(client, termijnafspraak, user_factory):
    t = termijnafspraak
    in_opbouw(t.dossier)
    anderen = [
        user_factory("een-bestuurder", None, Rol.BESTUURDER),
        t.beleid_corporatie,
        t.beleid_gemeente,
        user_factory("coordinator-elders", t.ander.penvoerder, Rol.COORDINATOR),
    ]
    urls = [items_url(t.dossier), nieuw_url(t.dossier), item_url(t.verduurzaming)]
    for user in anderen:
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 403, (user, url)
        assert client.post(nieuw_url(t.dossier), formulier(naam="Inbraak")).status_code == 403
        assert client.post(verwijder_url(t.verduurzaming)).status_code == 403
    assert not Indicator.objects.filter(naam="Inbraak").exists()
    assert Indicator.objects.filter(pk=t.verduurzaming.pk).exists()
    client.force_login(t.beheerder)
    assert client.get(items_url(t.dossier)).status_code == 200
    client.logout()
    assert client.get(items_url(t.dossier))["Location"].startswith("/inloggen/")


def test_the_item_pages_take_only_their_methods(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.coordinator)

    assert client.post(items_url(t.dossier)).status_code == 405
    assert client.put(nieuw_url(t.dossier)).status_code == 405
    assert client.delete(item_url(t.verduurzaming)).status_code == 405
    assert client.get(verwijder_url(t.verduurzaming)).status_code == 405


def test_an_item_of_another_dossier_is_not_found_through_this_one(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.coordinator)
    vreemd = Indicator.objects.get(dossier=t.ander)

    url = reverse("inrichting:item", args=[t.dossier.slug, vreemd.pk])
    assert client.get(url).status_code == 404
    assert (
        client.post(
            reverse("inrichting:item_verwijderen", args=[t.dossier.slug, vreemd.pk])
        ).status_code
        == 404
    )
