"""A coördinator sets up an agreement in the browser: its fields, eight parties (two signing
only), six themes, a location; then publishes it, and only then its parties see it and enter."""

import datetime

import pytest
from django.urls import reverse

from afspraken.models import Afspraak
from core.models import Dossier, Indicator, Onderdeel, Organisatie, Partij, Rol, User

GRONINGEN_DEAL = "regio-deal-groningen-noord-ii"
NIEUWE_AFSPRAAK = {
    "titel": "Prestatieafspraken Groningen 2025–2028",
    "korte_naam": "Groningen 2025",
    "startdatum": "01-01-2025",
    "einddatum": "31-12-2028",
    "samenvatting": "Afspraken over wonen.",
    "soort_afspraak": "prestatieafspraken",
    "overlegorgaan": "Bestuurlijk overleg wonen",
    "voorzitter": "wethouder wonen",
}


@pytest.fixture
def groningen(als):
    return als("groningen")


def nieuwe_afspraak(client) -> Afspraak:
    response = client.post(reverse("inrichting:dossier_nieuw", args=["afspraak"]), NIEUWE_AFSPRAAK)
    assert response.status_code == 302, response.content.decode()
    dossier = Afspraak.objects.get(titel=NIEUWE_AFSPRAAK["titel"])
    assert response["Location"] == reverse("inrichting:dossier", args=[dossier.slug])
    return dossier


def test_the_start_page_offers_the_three_kinds_and_lists_the_coordinators_dossiers(groningen):
    dossier = nieuwe_afspraak(groningen)
    html = groningen.get(reverse("inrichting:start")).content.decode()
    for soort in ("afspraak", "regiodeal", "project"):
        assert reverse("inrichting:dossier_nieuw", args=[soort]) in html
    assert "Groningen 2025" in html and "in opbouw" in html and "2025–2028" in html
    assert reverse("inrichting:dossier", args=[GRONINGEN_DEAL]) in html  # published, theirs
    assert reverse("inrichting:dossier", args=[dossier.slug]) in html
    assert "Maastricht" not in html  # not theirs to set up


def test_a_coordinator_sets_up_an_agreement_and_publishes_it(
    groningen, organisatie_factory, user_factory, client
):
    coordinator = User.objects.get(username="groningen")
    dossier = nieuwe_afspraak(groningen)
    assert dossier.in_opbouw and dossier.vastgesteld_op is None
    assert dossier.penvoerder == coordinator.organisatie
    assert (dossier.korte_naam, dossier.voorzitter) == ("Groningen 2025", "wethouder wonen")
    assert dossier.startdatum == datetime.date(2025, 1, 1)
    assert list(dossier.partijen.values_list("organisatie", "rol")) == [
        (coordinator.organisatie_id, "partij")
    ]
    pagina = groningen.get(reverse("inrichting:dossier", args=[dossier.slug])).content.decode()
    assert "In opbouw" in pagina and "Partijen</a> (1)" in pagina
    assert "Volgende stap: Partijen" in pagina

    # Seven more parties in one go; the tenants and the province only sign.
    nieuw = [organisatie_factory(f"Woonstichting {n}") for n in "ABCDE"]
    huurders = organisatie_factory("Huurders Groningen", Organisatie.Soort.HUURDERSORGANISATIE)
    provincie = organisatie_factory("Provincie Groningen", Organisatie.Soort.PROVINCIE)
    url = reverse("inrichting:partijen", args=[dossier.slug])
    leeg = groningen.get(url)
    assert leeg.context["formset"].total_form_count() == 8  # the penvoerder and 7 empty rows
    rijen = [{"organisatie": o.naam, "rol": "partij", "levert_cijfers": "on"} for o in nieuw]
    rijen += [{"organisatie": o.naam, "rol": "partij"} for o in (huurders, provincie)]
    response = groningen.post(url, formset_post(leeg, rijen))
    assert response.status_code == 302, (
        [e for e in response.context["formset"].errors if e],
        response.context["formset"].non_form_errors(),
    )
    assert dossier.partijen.count() == 8
    alleen_tekenen = dossier.partijen.filter(levert_cijfers=False)
    assert {p.organisatie for p in alleen_tekenen} == {huurders, provincie}
    html = groningen.get(url).content.decode()
    assert "Volgende stap: Onderdelen" in html and "Woonstichting E" in html

    # Six themes, then 1.1 under theme 1.
    url = reverse("inrichting:onderdelen", args=[dossier.slug])
    leeg = groningen.get(url)
    assert leeg.context["formset"].total_form_count() == 8
    themas = [{"nummer": str(n), "titel": f"Thema {n}", "volgorde": n} for n in range(1, 7)]
    response = groningen.post(url, formset_post(leeg, themas))
    assert response.status_code == 302, (
        [e for e in response.context["formset"].errors if e],
        response.context["formset"].non_form_errors(),
    )
    thema_1 = dossier.onderdelen.get(nummer="1")
    sub = [{"nummer": "1.1", "titel": "Sociale huur", "hoofdonderdeel": thema_1.pk}]
    assert groningen.post(url, formset_post(groningen.get(url), sub)).status_code == 302
    assert dossier.onderdelen.count() == 7
    assert dossier.onderdelen.get(nummer="1.1").hoofdonderdeel == thema_1

    url = reverse("inrichting:locaties", args=[dossier.slug])
    kern = [{"naam": "Vinkhuizen", "gemeente": coordinator.organisatie_id, "inwoners": 12000}]
    assert groningen.post(url, formset_post(groningen.get(url), kern)).status_code == 302
    locatie = dossier.locaties.get()
    assert (locatie.naam, locatie.inwoners) == ("Vinkhuizen", 12000)

    # Publishing needs an item (the items step is another page); then entry opens.
    vaststellen = reverse("inrichting:vaststellen", args=[dossier.slug])
    html = groningen.post(vaststellen, follow=True).content.decode()
    assert "het dossier heeft minstens één item nodig" in html
    dossier.refresh_from_db()
    assert dossier.in_opbouw
    Indicator.objects.create(
        dossier=dossier, onderdeel=thema_1, code="nieuwbouw", naam="Nieuwbouw", eenheid="aantal"
    )
    html = groningen.post(vaststellen, follow=True).content.decode()
    assert "Vastgesteld op" in html
    dossier.refresh_from_db()
    assert not dossier.in_opbouw and dossier.vastgesteld_op is not None
    html = groningen.post(vaststellen, follow=True).content.decode()
    assert "Dit dossier is al vastgesteld op" in html


def test_publishing_opens_the_dossier_to_its_parties_and_entry(
    groningen, organisatie_factory, user_factory, client
):
    dossier = nieuwe_afspraak(groningen)
    corporatie = organisatie_factory("Woonstichting Noord")
    dossier.partijen.create(organisatie=corporatie, rol="partij")
    Indicator.objects.create(
        dossier=dossier,
        code="nieuwbouw",
        naam="Nieuwbouw",
        eenheid="aantal",
        uitsplitsing=Indicator.Uitsplitsing.ORGANISATIE,
    )
    medewerker = user_factory("noord", corporatie, Rol.BELEIDSMEDEWERKER)
    bestuurder = User.objects.get(username="bestuurder")
    invoer = (
        reverse("core:invoer", args=[dossier.slug, 2025, "realisatie"])
        + f"?organisatie={corporatie.slug}"
    )

    def kijk():
        client.force_login(medewerker)
        status = client.get(invoer).status_code
        client.force_login(bestuurder)
        lijst = client.get(reverse("afspraken:list")).content.decode()
        return status, "Groningen 2025" in lijst

    assert kijk() in {(403, False), (404, False)}  # entry is refused while in opbouw
    groningen.force_login(User.objects.get(username="groningen"))
    assert groningen.post(reverse("inrichting:vaststellen", args=[dossier.slug])).status_code == 302
    assert kijk() == (200, True)


def test_after_publication_words_change_but_the_period_stays(groningen):
    dossier = nieuwe_afspraak(groningen)
    url = reverse("inrichting:dossier", args=[dossier.slug])
    anders = {**NIEUWE_AFSPRAAK, "startdatum": "01-01-2024", "korte_naam": "Gron 2024"}
    assert groningen.post(url, anders).status_code == 302
    dossier.refresh_from_db()
    assert (dossier.korte_naam, dossier.startjaar) == ("Gron 2024", 2024)

    Dossier.objects.filter(pk=dossier.pk).update(in_opbouw=False)
    html = groningen.get(url).content.decode()
    assert "de looptijd ligt vast" in html
    later = {**anders, "startdatum": "01-01-2020", "korte_naam": "Groningen wonen"}
    assert groningen.post(url, later).status_code == 302
    dossier.refresh_from_db()
    assert (dossier.korte_naam, dossier.startjaar) == ("Groningen wonen", 2024)


def test_a_beheerder_sets_up_a_regiodeal_and_a_project_with_their_own_fields(als):
    beheerder = als("beheerder")
    regio = Organisatie.objects.get(slug="gemeente-groningen")
    response = beheerder.post(
        reverse("inrichting:dossier_nieuw", args=["regiodeal"]),
        {
            "titel": "Regio Deal Oost-Groningen",
            "startdatum": "01-03-2025",
            "penvoerder": regio.pk,
            "tranche": 6,
            "regio": "Oost-Groningen",
            "landsdeel": "noord",
            "maximale_rijksbijdrage": "7.500.000",
            "status": "geselecteerd",
        },
    )
    assert response.status_code == 302
    deal = Dossier.objects.get(titel="Regio Deal Oost-Groningen").regiodeal
    assert (deal.tranche.nummer, deal.landsdeel, deal.regio) == (6, "noord", "Oost-Groningen")
    assert deal.maximale_rijksbijdrage == 7_500_000 and deal.in_opbouw
    assert deal.partijen.get().omschrijving == "regiokassier"

    actielijn = Onderdeel.objects.filter(dossier__slug=GRONINGEN_DEAL).first()
    response = beheerder.post(
        reverse("inrichting:dossier_nieuw", args=["project"]),
        {
            "titel": "Buurtkamers Vinkhuizen",
            "penvoerder": regio.pk,
            "soort_financiering": "regiodeal",
            "plandatum": "15-02-2025",
            "hoofddoel": "Ontmoeting in de wijk.",
            "voert_uit": actielijn.pk,
        },
    )
    assert response.status_code == 302
    project = Dossier.objects.get(titel="Buurtkamers Vinkhuizen").project
    assert (project.soort_financiering, project.voert_uit) == ("regiodeal", actielijn)
    assert project.plandatum == datetime.date(2025, 2, 15)
    assert project.partijen.get().rol == Partij.Rol.AANVRAGER
    assert project.slug == "buurtkamers-vinkhuizen" and project.penvoerder == regio


def formset_post(response, nieuw: list[dict], **wijzig) -> dict:
    """The POST of the formset in `response`: every shown row as it is (with `wijzig`,
    `{"form-0": {"DELETE": "on"}}`, changed), then `nieuw` in the empty rows (more rows than
    the page shows, as a browser script adding rows would)."""
    formset = response.context["formset"]
    prefix = formset.prefix
    bestaand = formset.initial_form_count()
    totaal = max(formset.total_form_count(), bestaand + len(nieuw))
    data = {
        f"{prefix}-TOTAL_FORMS": totaal,
        f"{prefix}-INITIAL_FORMS": bestaand,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }
    for index, form in enumerate(formset.forms[:bestaand]):
        rij = {
            naam: waarde
            for naam, waarde in form.initial.items()
            if naam in form.fields and waarde is not None
        }
        if rij.pop("levert_cijfers", False):
            rij["levert_cijfers"] = "on"
        rij["id"] = form.instance.pk
        rij.update(wijzig.get(f"{prefix}-{index}", {}))
        data.update({f"{prefix}-{index}-{naam}": waarde for naam, waarde in rij.items()})
    leeg = formset.empty_form
    vooraf = {
        naam: ("on" if waarde is True else waarde)
        for naam, veld in leeg.fields.items()
        if (waarde := leeg.get_initial_for_field(veld, naam)) is not None and waarde is not False
    }
    for index in range(bestaand, totaal):
        rij = {**vooraf}
        if index - bestaand < len(nieuw):  # a ticked box not in the new row: untick it
            rij = {n: w for n, w in rij.items() if w != "on"} | nieuw[index - bestaand]
        data.update({f"{prefix}-{index}-{naam}": waarde for naam, waarde in rij.items()})
    return data
