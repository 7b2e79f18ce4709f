"""Bad input while setting up a dossier: a Dutch error at the field or row, nothing saved."""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from core.models import Dossier, Indicator, Jaaropgave, Locatie, Organisatie, Rol, Waarde

from .test_dossiers_opzetten import formset_post


@pytest.fixture
def opzet(client, organisatie_factory, user_factory):
    """A coördinator of a made-up municipality with an agreement in opbouw, and a second
    municipality's dossier that must stay untouched."""
    gemeente = organisatie_factory("Gemeente Testdorp", Organisatie.Soort.GEMEENTE)
    corporatie = organisatie_factory("Woonstichting Testdorp")
    coordinator = user_factory("coordinator", gemeente, Rol.COORDINATOR)
    client.force_login(coordinator)
    response = client.post(
        reverse("inrichting:dossier_nieuw", args=["afspraak"]),
        {"titel": "Afspraken Testdorp", "soort_afspraak": "prestatieafspraken"},
    )
    assert response.status_code == 302
    elders = Dossier.objects.create(
        soort="afspraak",
        titel="Afspraken Elders",
        penvoerder=organisatie_factory("Gemeente Elders", Organisatie.Soort.GEMEENTE),
    )
    elders.onderdelen.create(nummer="1", titel="Wonen elders")
    return SimpleNamespace(
        client=client,
        gemeente=gemeente,
        corporatie=corporatie,
        dossier=Dossier.objects.get(titel="Afspraken Testdorp"),
        elders=elders,
    )


def stap(opzet, naam: str) -> str:
    return reverse(f"inrichting:{naam}", args=[opzet.dossier.slug])


def geweigerd(response, fout: str) -> None:
    html = response.content.decode()
    assert response.status_code == 400
    assert "Er is niets opgeslagen" in html and fout in html


def test_an_end_before_the_start_is_refused_at_the_field(opzet):
    response = opzet.client.post(
        reverse("inrichting:dossier_nieuw", args=["afspraak"]),
        {
            "titel": "Afspraken Achterstevoren",
            "soort_afspraak": "overig",
            "startdatum": "01-01-2028",
            "einddatum": "31-12-2025",
        },
    )
    geweigerd(response, "De einddatum ligt vóór de startdatum.")
    assert response.context["form"].errors["einddatum"]
    assert not Dossier.objects.filter(titel="Afspraken Achterstevoren").exists()
    response = opzet.client.post(
        reverse("inrichting:dossier_nieuw", args=["afspraak"]),
        {"titel": "Afspraken Zonder Soort", "startdatum": "31-02-2025"},
    )
    geweigerd(response, "Voer een geldige datum in.")
    assert "Dit veld is verplicht." in response.content.decode()  # soort afspraak


def test_a_party_twice_in_the_same_role_is_refused_at_its_rows_and_nothing_is_saved(opzet):
    url = stap(opzet, "partijen")
    nieuw = [
        {"organisatie": opzet.corporatie.naam, "rol": "partij", "levert_cijfers": "on"},
        {"organisatie": opzet.corporatie.naam, "rol": "partij"},
        {"organisatie": opzet.gemeente.naam, "rol": "partij"},  # the penvoerder is a party
    ]
    response = opzet.client.post(url, formset_post(opzet.client.get(url), nieuw))
    geweigerd(response, "Deze organisatie is al partij in deze rol.")
    fouten = response.context["formset"].errors
    assert [bool(f) for f in fouten[:4]] == [False, False, True, True]  # the repeats
    assert opzet.dossier.partijen.count() == 1
    # The same organisation in another role is fine.
    nieuw = [{"organisatie": opzet.gemeente.naam, "rol": "financier"}]
    response = opzet.client.post(url, formset_post(opzet.client.get(url), nieuw))
    assert response.status_code == 302
    assert sorted(opzet.dossier.partijen.values_list("rol", flat=True)) == ["financier", "partij"]


def test_a_party_with_figures_cannot_be_removed_one_without_can(opzet):
    url = stap(opzet, "partijen")
    for organisatie in (
        opzet.corporatie,
        organisatie_b := Organisatie.objects.create(
            naam="Woonstichting B", soort="woningcorporatie"
        ),
    ):
        opzet.dossier.partijen.create(organisatie=organisatie, rol="partij")
    Jaaropgave.objects.create(
        dossier=opzet.dossier, organisatie=opzet.corporatie, jaar=2025, soort="realisatie"
    )
    rijen = {p.organisatie_id: f"form-{i}" for i, p in enumerate(opzet.dossier.partijen.all())}
    weg = {rijen[opzet.corporatie.pk]: {"DELETE": "on"}, rijen[organisatie_b.pk]: {"DELETE": "on"}}
    response = opzet.client.post(url, formset_post(opzet.client.get(url), [], **weg))
    geweigerd(response, "Deze partij heeft cijfers in dit dossier en kan niet worden verwijderd.")
    assert opzet.dossier.partijen.count() == 3
    weg = {rijen[organisatie_b.pk]: {"DELETE": "on"}}
    response = opzet.client.post(url, formset_post(opzet.client.get(url), [], **weg))
    assert response.status_code == 302
    assert not opzet.dossier.partijen.filter(organisatie=organisatie_b).exists()


def test_a_theme_number_twice_or_a_theme_of_another_dossier_is_refused(opzet):
    url = stap(opzet, "onderdelen")
    dubbel = [{"nummer": "1", "titel": "Wonen"}, {"nummer": "1", "titel": "Zorg"}]
    response = opzet.client.post(url, formset_post(opzet.client.get(url), dubbel))
    geweigerd(response, "Dit dossier heeft al een onderdeel met dit nummer.")
    assert not opzet.dossier.onderdelen.exists()

    thema = [{"nummer": "1", "titel": "Wonen"}]
    assert opzet.client.post(url, formset_post(opzet.client.get(url), thema)).status_code == 302
    nog_eens = [{"nummer": "1", "titel": "Nogmaals wonen"}]
    response = opzet.client.post(url, formset_post(opzet.client.get(url), nog_eens))
    geweigerd(response, "Dit dossier heeft al een onderdeel met dit nummer.")

    vreemd = opzet.elders.onderdelen.get()
    onder_vreemd = [{"nummer": "1.1", "titel": "Sub", "hoofdonderdeel": vreemd.pk}]
    response = opzet.client.post(url, formset_post(opzet.client.get(url), onder_vreemd))
    geweigerd(response, "Selecteer een geldige keuze.")
    assert list(opzet.dossier.onderdelen.values_list("titel", flat=True)) == ["Wonen"]
    assert list(opzet.elders.onderdelen.values_list("titel", flat=True)) == ["Wonen elders"]
    assert "Wonen elders" not in opzet.client.get(url).content.decode()


def test_a_theme_under_itself_or_its_own_sub_theme_is_refused(opzet):
    thema = opzet.dossier.onderdelen.create(nummer="1", titel="Wonen")
    sub = opzet.dossier.onderdelen.create(nummer="1.1", titel="Huur", hoofdonderdeel=thema)
    url = stap(opzet, "onderdelen")
    for hoofd in (thema, sub):
        response = opzet.client.post(
            url,
            formset_post(opzet.client.get(url), [], **{"form-0": {"hoofdonderdeel": hoofd.pk}}),
        )
        geweigerd(
            response, "Een onderdeel kan niet onder zichzelf of een eigen subonderdeel vallen."
        )
    thema.refresh_from_db()
    assert thema.hoofdonderdeel is None


def test_a_theme_with_items_cannot_be_removed(opzet):
    thema = opzet.dossier.onderdelen.create(nummer="1", titel="Wonen")
    leeg = opzet.dossier.onderdelen.create(nummer="2", titel="Leeg")
    Indicator.objects.create(
        dossier=opzet.dossier, onderdeel=thema, code="nieuwbouw", naam="Nieuwbouw", eenheid="aantal"
    )
    url = stap(opzet, "onderdelen")
    response = opzet.client.post(
        url, formset_post(opzet.client.get(url), [], **{"form-0": {"DELETE": "on"}})
    )
    geweigerd(response, "het kan niet worden verwijderd")
    assert opzet.dossier.onderdelen.count() == 2
    response = opzet.client.post(
        url, formset_post(opzet.client.get(url), [], **{"form-1": {"DELETE": "on"}})
    )
    assert response.status_code == 302
    assert not opzet.dossier.onderdelen.filter(pk=leeg.pk).exists()


def test_a_location_twice_or_one_with_figures_removed_is_refused(opzet):
    url = stap(opzet, "locaties")
    dubbel = [{"naam": "Centrum"}, {"naam": "Centrum"}]
    response = opzet.client.post(url, formset_post(opzet.client.get(url), dubbel))
    geweigerd(response, "Dit dossier heeft al een locatie met deze naam.")
    assert not Locatie.objects.exists()

    locatie = Locatie.objects.create(dossier=opzet.dossier, naam="Centrum")
    item = Indicator.objects.create(
        dossier=opzet.dossier, code="woningen", naam="Woningen", eenheid="aantal"
    )
    Waarde.objects.create(indicator=item, jaar=2025, soort="plan", locatie=locatie, waarde=5)
    response = opzet.client.post(
        url, formset_post(opzet.client.get(url), [], **{"form-0": {"DELETE": "on"}})
    )
    geweigerd(response, "Deze locatie heeft cijfers en kan niet worden verwijderd.")
    assert Locatie.objects.filter(pk=locatie.pk).exists()


def test_publishing_without_parties_or_items_changes_nothing(opzet):
    opzet.dossier.partijen.all().delete()
    response = opzet.client.post(
        reverse("inrichting:vaststellen", args=[opzet.dossier.slug]), follow=True
    )
    assert "het dossier heeft minstens één partij en minstens één item nodig" in (
        response.content.decode()
    )
    opzet.dossier.refresh_from_db()
    assert opzet.dossier.in_opbouw and opzet.dossier.vastgesteld_op is None


def test_a_deal_above_its_tranches_maximum_is_refused(client, organisatie_factory, user_factory):
    from regiodeals.models import Regiodeal, Tranche

    tranche = Tranche.objects.create(
        nummer=9, naam="Negende tranche", minimale_rijksbijdrage=1, maximale_rijksbijdrage=10**7
    )
    gemeente = organisatie_factory("Gemeente Testdorp", Organisatie.Soort.GEMEENTE)
    client.force_login(user_factory("coordinator", gemeente, Rol.COORDINATOR))
    gegevens = {"titel": "Regio Deal Testdorp", "tranche": tranche.pk, "status": "voorstel"}
    response = client.post(
        reverse("inrichting:dossier_nieuw", args=["regiodeal"]),
        {**gegevens, "maximale_rijksbijdrage": "12.000.000"},
    )
    geweigerd(response, "€ 12,0 mln is meer dan het maximum van € 10,0 mln per deal.")
    assert not Regiodeal.objects.exists()
    response = client.post(
        reverse("inrichting:dossier_nieuw", args=["regiodeal"]),
        {**gegevens, "maximale_rijksbijdrage": "10.000.000"},
    )
    assert response.status_code == 302
    assert Regiodeal.objects.get().maximale_rijksbijdrage == 10**7


def test_a_party_is_typed_by_name_an_unknown_name_is_refused_and_a_search_lists_at_most_20(
    opzet, organisatie_factory
):
    url = stap(opzet, "partijen")
    html = opzet.client.get(url).content.decode()
    # A text field with the name, not a list of every organisation of the country.
    assert '<input type="text" name="form-0-organisatie" value="Gemeente Testdorp"' in html
    assert "Woonstichting Testdorp" not in html  # an organisation not searched for: not listed
    nieuw = [{"organisatie": "Woonstichting Nergensdorp", "rol": "partij"}]
    response = opzet.client.post(url, formset_post(opzet.client.get(url), nieuw))
    geweigerd(response, "Er is geen organisatie met deze naam.")
    assert opzet.dossier.partijen.count() == 1

    for n in range(22):
        organisatie_factory(f"Woonstichting Zoekdorp {n:02}")
    gevonden = opzet.client.get(url, {"zoek": "zoekdorp"}).content.decode()
    assert "20 organisaties met ‘zoekdorp’ in de naam (de eerste 20: zoek preciezer)" in gevonden
    assert '<option value="Woonstichting Zoekdorp 19">' in gevonden
    assert "Woonstichting Zoekdorp 20" not in gevonden
    niets = opzet.client.get(url, {"zoek": "xyz"}).content.decode()
    assert "Geen organisatie met ‘xyz’ in de naam." in niets
    nieuw = [{"organisatie": "Woonstichting Zoekdorp 21", "rol": "partij"}]
    response = opzet.client.post(url, formset_post(opzet.client.get(url), nieuw))
    assert response.status_code == 302
    assert opzet.dossier.partijen.filter(organisatie__naam="Woonstichting Zoekdorp 21").exists()
