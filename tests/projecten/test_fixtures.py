"""The project plan “Sociaal Vitaal in kleine kernen” and the projects of Groningen Noord II.

Every value below is typed from DOMAIN.md section 3 and the seeds `002_63f4e4f02983290c.txt`
(the plan) and `004_1f247946e4776503.txt` (the convenant, art. 2), not from the fixtures.
"""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db.models import Count, Sum

from core.models import Dossier, Indicator, Locatie, Onderdeel, Partij, Waarde
from projecten.models import Actie, Fase, Kern, Project, Projectonderdeel, Rapportage

D = Decimal
SLUG = "sociaal-vitaal-in-kleine-kernen"
GEMEENTEN = [
    "Almelo",
    "Borne",
    "Deventer",
    "Hardenberg",
    "Hellendoorn",
    "Hof van Twente",
    "Losser",
    "Oldenzaal",
    "Olst-Wijhe",
    "Raalte",
    "Zwolle",
]
HOOFDDOEL = (
    "Het realiseren van vitale kernen, door een optimale afstemming van het sport-, beweeg- en "
    "gezonde leefstijlaanbod op de wensen en behoeftes van alle inwoners."
)
SUBDOELEN = [
    "inzicht (op basis van inventarisatie/onderzoek) in de wensen en behoeftes van de inwoners "
    "waar het gaat om het bestaande en/of nieuw sport-, beweeg- en leefstijlaanbod",
    "verbeteren van bestaande en/of opzetten van nieuwe samenwerkingsverbanden tussen sport, "
    "gezondheidszorg, zorg en welzijn, onderwijs en private partijen, die zich inzetten om de "
    "inwoners in beweging te brengen en/of te houden",
    "(bij voorkeur) aanhaken bij en/of uitbreiden van een bestaande breed gedragen "
    "organisatiestructuur ten behoeve van de continuïteit; alleen als die mogelijkheid ontbreekt "
    "opzetten van een nieuwe structuur.",
]
RESULTATEN = [
    "maken van samenwerkingsafspraken om het sport-, beweeg- en leefstijlaanbod te optimaliseren",
    "opzetten van een netwerk voor doorverwijzing en/of opvang en begeleiding van de doelgroep",
    "samenstellen van actueel voorlichtingsmateriaal over het sport- en beweegaanbod.",
    "vernieuw(en)d aanbod (veelzijdig en laagdrempelig) op het gebied van sport, bewegen en "
    "gezondheid toegankelijk voor diverse leeftijden en doelgroepen",
    "indien van toepassing zijn sport- en beweegaanbieders bekend met de mogelijkheden van de "
    "gekozen (kwetsbare) doelgroep(en).",
    "een samenwerkingsverband tussen sport- en beweegaanbieders en 'buurt'-organisaties, dat als "
    "zelforganisatie functioneert.",
]


def maand(jaar: int, maand: int) -> datetime.date:
    return datetime.date(jaar, maand, 1)


FASEN = [
    # (nummer, titel, start, eind, periode zoals in het plan)
    (
        1,
        "Verkenningsfase",
        maand(2016, 9),
        maand(2017, 2),
        "september/oktober 2016 - januari/februari 2017",
    ),
    (2, "Organisatiefase", maand(2017, 1), maand(2017, 5), "januari-mei 2017"),
    (3, "Uitvoeringsfase", maand(2017, 5), maand(2018, 12), "uiterlijk mei 2017 - december 2018"),
    (
        4,
        "Evaluatie, rapportage en implementatie",
        maand(2017, 10),
        maand(2018, 12),
        "oktober 2017 - december 2018",
    ),
]
ACTIES = {
    # fase: [(omschrijving, periode zoals in het plan, startmaand, eindmaand)]
    1: [
        (
            "Inventarisatie en kennismaking met (potentiële) samenwerkingspartners/bestaande "
            "netwerk(en)",
            "2016 / januari -februari",
            None,
            None,
        ),
        (
            "Creëren draagvlak bij Stakeholders",
            "gehele projectperiode",
            maand(2017, 1),
            maand(2018, 12),
        ),
        ("Formeren werk-/klankbordgroep", "2016 / januari -februari", None, None),
    ],
    2: [
        ("In kaart brengen wensen, behoeften inwoners", "maart", maand(2017, 3), maand(2017, 3)),
        (
            "Opstellen sociale kaart (mede op basis wensen/behoeften)",
            "maart",
            maand(2017, 3),
            maand(2017, 3),
        ),
        (
            "Vertalen speerpunten naar werkplan, inclusief. communicatieplan",
            "april/mei",
            maand(2017, 4),
            maand(2017, 5),
        ),
    ],
    3: [
        ("Uitvoering werkplan", "mei t/m dec. 2017", maand(2017, 5), maand(2017, 12)),
        ("Monitoring projectactiviteiten", "z.s.m. / periodiek", None, None),
        ("Opnieuw vaststellen werkplan", "januari 2018", maand(2018, 1), maand(2018, 1)),
    ],
    4: [
        (
            "Op basis evaluatie opstellen tussen- en eindrapportage",
            "nov.-dec.'17/nov.-dec.'18",
            None,
            None,
        ),
        ("Bepalen strategie voor implementatie en continuering", "z.s.m.", None, None),
        ("Publiceren van de successen/overdragen van de kennis", "z.s.m. / periodiek", None, None),
    ],
}
OUTPUT = {
    "nieuwe-sportactiviteiten": "Aantal nieuwe sportactiviteiten",
    "nieuwe-sporters": "Aantal nieuwe sporters",
    "doorverwijzingen": "Aantal doorverwijzingen",
}

GRONINGEN_NOORD_II = 50
GEMEENTE_GRONINGEN = 12
GRONINGEN_PROJECTEN = {
    # code: titel in artikel 2 van het convenant
    "1a": "Kansrijk Groningen",
    "1b": "Wijkbedrijvigheid",
    "1c": "Preventie en vroegsignalering op basisscholen (project Kiem)",
    "2a": "Stratenaanpak",
    "2b1": "Veilig op straat (en online)",
    "2b2": "Regionale aanpak ondermijning",
    "3a": "Doorbraaknetwerk en Doorbraakperspectieffonds",
    "3b": "Transformatieprogramma's",
    "3b1": "De beste scholen staan in Noord",
    "3b2": "De meest weerbare wijken van Groningen",
    "3b3": "Radicaal gelijkwaardige wijken",
}
GRONINGEN_PARTNERS = {
    # code: partners the convenant names for that project (and that are organisations here)
    "1a": {"Stichting WIJ Groningen"},
    "1c": {"Stichting WIJ Groningen"},
    "2b2": {"Nationale Politie, Eenheid Noord-Nederland"},
}


def laad() -> None:
    call_command(
        "loaddata",
        "organisaties",
        "tranche_6",
        "groningen_noord_2",
        "sociaal_vitaal",
        "groningen_noord_2_projecten",
        verbosity=0,
    )


@pytest.fixture
def project(db):
    laad()
    return Project.objects.get(slug=SLUG)


@pytest.fixture
def groningen(db):
    laad()
    return Project.objects.filter(voert_uit__dossier_id=GRONINGEN_NOORD_II)


def tellingen() -> dict:
    modellen = [
        Dossier,
        Project,
        Partij,
        Onderdeel,
        Locatie,
        Kern,
        Indicator,
        Waarde,
        Projectonderdeel,
        Fase,
        Actie,
        Rapportage,
    ]
    return {model.__name__: model.objects.count() for model in modellen}


def test_sociaal_vitaal_loads_on_its_own_with_the_organisations(db):
    call_command("loaddata", "organisaties", "sociaal_vitaal", verbosity=0)

    assert Project.objects.get(slug=SLUG).pk == 100


def test_the_plan_is_an_application_of_soort_project_standing_alone(project):
    dossier = Dossier.objects.get(pk=project.pk)

    assert dossier.soort == "project"
    assert project.titel == "Sociaal Vitaal in kleine kernen"
    assert project.status == "aangevraagd"
    assert project.soort_financiering == "subsidie"
    assert project.voert_uit is None
    assert project.get_absolute_url() == f"/projecten/{SLUG}/"


def test_the_period_is_2017_and_2018_and_the_plan_is_dated_26_may_2016(project):
    assert project.startdatum == datetime.date(2017, 1, 1)
    assert project.einddatum == datetime.date(2018, 12, 31)
    assert project.plandatum == datetime.date(2016, 5, 26)


def test_deventer_applies_and_leads(project):
    aanvragers = project.partijen.filter(rol="aanvrager")

    assert project.penvoerder.naam == "Gemeente Deventer"
    assert [p.organisatie.naam for p in aanvragers] == ["Gemeente Deventer"]
    assert aanvragers.get().omschrijving == "aanvragende en penvoerende gemeente"


def test_the_eleven_municipalities_take_part_including_deventer(project):
    deelnemers = project.partijen.filter(rol="deelnemer").order_by("volgorde")

    assert [p.organisatie.naam for p in deelnemers] == [f"Gemeente {g}" for g in GEMEENTEN]
    assert {p.organisatie.soort for p in deelnemers} == {"gemeente"}


def test_sportservice_supports_and_the_province_funds_with_a_subsidy(project):
    rollen = {
        (p.organisatie.naam, p.rol, p.omschrijving)
        for p in project.partijen.exclude(rol__in=["aanvrager", "deelnemer"])
    }

    assert rollen == {
        (
            "Sportservice Overijssel",
            "ondersteuner",
            "provinciale regie en coördinatie namens de penvoerende gemeente",
        ),
        ("Provincie Overijssel", "financier", "subsidie"),
    }
    assert project.partijen.count() == 1 + 11 + 1 + 1


def test_the_main_goal_and_the_three_sub_goals_are_verbatim(project):
    subdoelen = project.onderdelen_plan.filter(soort="subdoel").values_list("tekst", flat=True)

    assert project.hoofddoel == HOOFDDOEL
    assert list(subdoelen) == SUBDOELEN


def test_the_target_groups_are_all_inhabitants_and_the_secondary_groups(project):
    doelgroepen = list(
        project.onderdelen_plan.filter(soort="doelgroep").values_list("tekst", flat=True)
    )

    assert doelgroepen[0] == (
        "Sociaal Vitaal richt zich op alle inwoners van de deelnemende kleine kernen."
    )
    assert "niet vanzelf in beweging komen" in doelgroepen[1]
    assert "vluchtelingen/vergunninghouders" in doelgroepen[1]
    assert "secundaire doelgroepen" in doelgroepen[-1]
    assert len(doelgroepen) == 3


def test_every_bullet_of_the_intended_results_is_one_item(project):
    resultaten = project.onderdelen_plan.filter(soort="resultaat").values_list("tekst", flat=True)

    assert list(resultaten) == RESULTATEN


def test_there_are_22_kernen_two_per_municipality(project):
    kernen = Kern.objects.filter(dossier=project)
    per_gemeente = dict(
        kernen.values("gemeente__naam").annotate(n=Count("pk")).values_list("gemeente__naam", "n")
    )

    assert kernen.count() == 22
    assert per_gemeente == {f"Gemeente {g}": 2 for g in GEMEENTEN}


def test_the_kernen_are_unnamed_in_the_plan_and_have_no_inhabitants(project):
    kernen = Kern.objects.filter(dossier=project).order_by("volgorde")

    assert [k.naam for k in kernen] == [f"{g}, kern {n}" for g in GEMEENTEN for n in (1, 2)]
    assert {k.inwoners for k in kernen} == {None}
    assert list(project.locaties.order_by("volgorde").values_list("pk", flat=True)) == [
        k.pk for k in kernen
    ]


def test_each_kern_has_a_project_leader_of_0_1_fte_2_2_in_total(project):
    kernen = Kern.objects.filter(dossier=project)

    assert set(kernen.values_list("projectleider_fte", flat=True)) == {D("0.1")}
    assert kernen.aggregate(totaal=Sum("projectleider_fte"))["totaal"] == D("2.2")


def test_the_four_phases_have_their_months_and_the_plan_s_words(project):
    fasen = [(f.nummer, f.titel, f.start, f.eind, f.periode_tekst) for f in project.fasen.all()]

    assert fasen == FASEN


def test_every_action_has_its_period_as_the_plan_gives_it(project):
    gevonden = {
        fase.nummer: [(a.omschrijving, a.periode_tekst, a.start, a.eind) for a in fase.acties.all()]
        for fase in project.fasen.prefetch_related("acties")
    }

    assert gevonden == ACTIES


def test_actions_without_a_fixed_month_have_no_dates(project):
    acties = Actie.objects.filter(fase__project=project)

    for tekst in ("z.s.m.", "z.s.m. / periodiek", "nov.-dec.'17/nov.-dec.'18"):
        assert acties.filter(periode_tekst=tekst).exists(), tekst
        assert not acties.filter(periode_tekst=tekst, start__isnull=False).exists(), tekst
        assert not acties.filter(periode_tekst=tekst, eind__isnull=False).exists(), tekst


def test_the_three_output_indicators_are_counted_per_kern_without_figures(project):
    indicatoren = project.indicatoren.all()

    assert dict(indicatoren.values_list("code", "naam")) == OUTPUT
    assert list(indicatoren.values_list("code", flat=True)) == list(OUTPUT)
    for indicator in indicatoren:
        assert indicator.eenheid == "aantal"
        assert indicator.uitsplitsing == "locatie"
        assert indicator.onderdeel is None
        assert "wat de diverse activiteiten hebben opgeleverd" in indicator.meetdefinitie
    assert not Waarde.objects.filter(indicator__dossier=project).exists()


def test_the_interim_and_final_reports_are_due_in_november_and_december(project):
    rapportages = [
        (r.soort, r.venster_start, r.venster_eind, r.ontvangen_op)
        for r in project.rapportages.all()
    ]

    assert rapportages == [
        ("tussenrapportage", datetime.date(2017, 11, 1), datetime.date(2017, 12, 31), None),
        ("eindrapportage", datetime.date(2018, 11, 1), datetime.date(2018, 12, 31), None),
    ]


def test_a_report_not_received_is_late_only_after_its_window(project):
    tussen = project.rapportages.get(soort="tussenrapportage")
    eind = project.rapportages.get(soort="eindrapportage")

    assert tussen.is_te_laat(datetime.date(2019, 1, 1)) is True
    assert eind.is_te_laat(datetime.date(2019, 1, 1)) is True
    assert tussen.is_te_laat(datetime.date(2017, 12, 15)) is False
    assert eind.is_te_laat(datetime.date(2017, 12, 15)) is False


def test_the_eleven_groningen_projects_carry_out_their_project_of_the_deal(groningen):
    gevonden = {}
    for project in groningen.select_related("voert_uit"):
        code, titel = project.titel.split(" ", 1)
        gevonden[code] = titel
        assert project.voert_uit.nummer == code
        assert project.voert_uit.dossier_id == GRONINGEN_NOORD_II
        assert project.slug.startswith(f"groningen-noord-ii-{code}-")

    assert gevonden == GRONINGEN_PROJECTEN
    assert sorted(groningen.values_list("dossier_ptr_id", flat=True)) == list(range(60, 71))


def test_the_groningen_projects_run_with_the_deal_funded_by_it(groningen):
    for project in groningen:
        assert project.soort == "project"
        assert project.penvoerder_id == GEMEENTE_GRONINGEN
        assert project.soort_financiering == "regiodeal"
        assert project.status == "lopend"
        assert project.startdatum is None
        assert project.einddatum == datetime.date(2028, 12, 31)
        assert project.samenvatting


def test_kansrijk_groningen_is_project_1a_of_groningen_noord_ii(groningen):
    kansrijk = groningen.get(slug="groningen-noord-ii-1a-kansrijk-groningen")

    assert kansrijk.voert_uit.titel == "Kansrijk Groningen"
    assert "buddy's" in kansrijk.samenvatting
    assert kansrijk in kansrijk.voert_uit.projecten.all()


def test_groningen_applies_and_only_partners_named_for_a_project_take_part(groningen):
    for project in groningen:
        code = project.titel.split(" ", 1)[0]
        partijen = project.partijen.select_related("organisatie")

        assert [p.organisatie_id for p in partijen.filter(rol="aanvrager")] == [GEMEENTE_GRONINGEN]
        assert {p.organisatie.naam for p in partijen.filter(rol="deelnemer")} == (
            GRONINGEN_PARTNERS.get(code, set())
        ), code
        assert set(partijen.values_list("rol", flat=True)) <= {"aanvrager", "deelnemer"}


def test_loading_the_fixtures_twice_duplicates_nothing(project):
    voor = tellingen()

    laad()

    assert tellingen() == voor
    assert voor["Project"] == 12
    assert voor["Kern"] == 22
    assert voor["Fase"] == 4
    assert voor["Actie"] == 12
    assert voor["Rapportage"] == 2


def test_every_loaded_object_passes_model_validation(project, groningen):
    objecten = [
        project,
        *Partij.objects.filter(dossier=project),
        *Kern.objects.filter(dossier=project),
        *project.onderdelen_plan.all(),
        *project.fasen.all(),
        *Actie.objects.filter(fase__project=project),
        *project.indicatoren.all(),
        *project.rapportages.all(),
        *groningen,
        *Partij.objects.filter(dossier__in=groningen),
    ]

    for obj in objecten:
        obj.full_clean()
    assert len(objecten) == 1 + 14 + 22 + 12 + 4 + 12 + 3 + 2 + 11 + 14
