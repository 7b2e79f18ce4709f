"""The Maastricht 2015 agreement (“Van huis naar thuis”) as a fixture.

Every figure below is typed from DOMAIN.md section 1 and the seed
`000_b7314056d195ed01.txt`, not from the fixture: the fixture must reproduce them exactly,
including the realised verhuur figures that do not add up.
"""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command

from afspraken.models import Afspraak, Afspraakpunt
from core.checks import toets_dossier
from core.models import (
    Dossier,
    Indicator,
    Jaaropgave,
    Meetdefinitie,
    Norm,
    Onderdeel,
    Partij,
    Streefdoel,
    Waarde,
)

D = Decimal
GEMEENTE, MAASVALLEI, WOONPUNT, SERVATIUS = 1, 2, 3, 4
WETHOUDER_WONEN = "Wethouder Ruimtelijke Ontwikkeling, Wonen, Natuur en Milieu"

PLAN_2015 = {
    # code: (total, Maasvallei, Woonpunt, Servatius); None where the document gives nothing
    "nieuwbouw": (66, 66, 0, 0),
    "nieuwbouw-sociale-huur": (54, None, None, None),
    "nieuwbouw-koop": (12, None, None, None),
    "verbeteringen": (602, 40, 89, 473),
    "duurzaamheid": (4_200_000, 370_000, 1_000_000, 2_830_000),
    "duurzaamheid-hr-ketels": (None, 70_000, 500_000, 880_000),
    "sloop": (172, 32, 82, 58),
    "verkoop": (200, 20, 48, 132),
    "leefbaarheid": (1_000_000, None, None, None),
}
VERHUUR_KOLOMMEN = [
    (2013, "plan"),
    (2013, "realisatie"),
    (2014, "plan"),
    (2014, "realisatie"),
    (2015, "plan"),
]
VERHUUR = {
    # code: (plan 2013, real 2013, plan 2014, real 2014, plan 2015)
    "herstructurering": (100, 49, 123, 49, 75),
    "urgent": (150, 176, 150, 182, 175),
    "maatwerk": (140, 106, 187, 102, 182),
    "aanbodmodel": (450, 630, 468, 578, 450),
    "eigen-inplaatsing": (100, 32, 104, 30, 100),
    "diverse-distributie": (100, 57, 70, 91, 75),
    "verdelingstekort": (-40, None, -62, None, -57),
    "verhuur-totaal": (1000, 1069, 1040, 1039, 1000),
}
MAATWERK_KOLOMMEN = [(2014, "plan"), (2014, "realisatie"), (2015, "plan")]
MAATWERK = {
    # code: (plan 2014, real 2014, plan 2015)
    "statushouders": (93, 45, 90),
    "ggz-mo-vb": (87, 76, 87),
    "moeilijk-plaatsbaren": (7, 1, 5),
    "maatwerk-uitsplitsing": (187, 121, 182),
}

INDICATOREN = {
    # code: (onderdeel, eenheid, uitsplitsing, deel_van, is_waarvan, uitsplitsing_van, negatief)
    "nieuwbouw": ("A", "aantal", "organisatie", None, False, None, False),
    "nieuwbouw-sociale-huur": ("A", "aantal", "geen", "nieuwbouw", False, None, False),
    "nieuwbouw-koop": ("A", "aantal", "geen", "nieuwbouw", False, None, False),
    "verbeteringen": ("A", "aantal", "organisatie", None, False, None, False),
    "duurzaamheid": ("A", "euro", "organisatie", None, False, None, False),
    "duurzaamheid-hr-ketels": ("A", "euro", "organisatie", "duurzaamheid", True, None, False),
    "sloop": ("A", "aantal", "organisatie", None, False, None, False),
    "verkoop": ("A", "aantal", "organisatie", None, False, None, False),
    "leefbaarheid": ("A", "euro", "geen", None, False, None, False),
    "verhuur-totaal": ("B", "aantal", "geen", None, False, None, False),
    "herstructurering": ("B", "aantal", "geen", "verhuur-totaal", False, None, False),
    "urgent": ("B", "aantal", "geen", "verhuur-totaal", False, None, False),
    "maatwerk": ("B", "aantal", "geen", "verhuur-totaal", False, None, False),
    "aanbodmodel": ("B", "aantal", "geen", "verhuur-totaal", False, None, False),
    "eigen-inplaatsing": ("B", "aantal", "geen", "verhuur-totaal", False, None, False),
    "diverse-distributie": ("B", "aantal", "geen", "verhuur-totaal", False, None, False),
    "verdelingstekort": ("B", "aantal", "geen", "verhuur-totaal", False, None, True),
    "maatwerk-uitsplitsing": ("B", "aantal", "geen", None, False, "maatwerk", False),
    "statushouders": ("B", "aantal", "geen", "maatwerk-uitsplitsing", False, None, False),
    "ggz-mo-vb": ("B", "aantal", "geen", "maatwerk-uitsplitsing", False, None, False),
    "moeilijk-plaatsbaren": ("B", "aantal", "geen", "maatwerk-uitsplitsing", False, None, False),
}

BESTUURSOPDRACHTEN = {
    # theme: (trekkers, trekker_omschrijving, resultaat, deadline, deadline_omschrijving)
    "1": (
        {SERVATIUS},
        "directeur-bestuurder Servatius",
        "actieplan opgeleverd",
        datetime.date(2015, 12, 31),
        "eind 2015",
    ),
    "2": (
        {GEMEENTE},
        "Wethouder Wmo, Welzijn, Buurten, Burgerparticipatie en Vergunningverlening",
        "onderzoek in twee buurten op welke manier bewoners verantwoordelijkheid willen en "
        "kunnen nemen, en wat gemeente en corporaties hiervan kunnen leren",
        datetime.date(2015, 12, 31),
        "in 2015",
    ),
    "3": (
        {MAASVALLEI, GEMEENTE},
        f"directeur-bestuurder Maasvallei en {WETHOUDER_WONEN}",
        "visie die antwoord geeft op de vraag: wat is betaalbaar voor wie?",
        datetime.date(2015, 12, 31),
        "tweede helft van 2015",
    ),
    "4": (
        {WOONPUNT},
        "directeur-bestuurder Woonpunt",
        "toewijzingsbeleid vastgesteld",
        datetime.date(2015, 12, 31),
        "eind 2015 (naar verwachting)",
    ),
    "5": ({GEMEENTE}, WETHOUDER_WONEN, "", None, ""),
}


def verwachte_waarden() -> dict:
    """Every figure of the document: (code, jaar, soort, organisatie pk or None) -> value."""
    verwacht = {}
    for code, waarden in PLAN_2015.items():
        for organisatie, waarde in zip(
            (None, MAASVALLEI, WOONPUNT, SERVATIUS), waarden, strict=True
        ):
            if waarde is not None:
                verwacht[(code, 2015, "plan", organisatie)] = D(waarde)
    for tabel, kolommen in ((VERHUUR, VERHUUR_KOLOMMEN), (MAATWERK, MAATWERK_KOLOMMEN)):
        for code, waarden in tabel.items():
            for (jaar, soort), waarde in zip(kolommen, waarden, strict=True):
                if waarde is not None:
                    verwacht[(code, jaar, soort, None)] = D(waarde)
    return verwacht


def geladen_waarden(dossier) -> dict:
    rijen = Waarde.objects.filter(indicator__dossier=dossier).values_list(
        "indicator__code", "jaar", "soort", "organisatie_id", "waarde"
    )
    return {(code, jaar, soort, org): waarde for code, jaar, soort, org, waarde in rijen}


def tellingen() -> dict:
    modellen = [
        Dossier,
        Afspraak,
        Partij,
        Onderdeel,
        Afspraakpunt,
        Afspraakpunt.trekkers.through,
        Indicator,
        Meetdefinitie,
        Norm,
        Streefdoel,
        Waarde,
        Jaaropgave,
    ]
    return {model.__name__: model.objects.count() for model in modellen}


@pytest.fixture
def maastricht(db):
    call_command("loaddata", "organisaties", "maastricht_2015", verbosity=0)
    return Afspraak.objects.get(slug="maastricht-2015")


@pytest.fixture
def codes(maastricht):
    return dict(maastricht.indicatoren.values_list("pk", "code"))


def test_the_agreement_is_a_dossier_of_soort_afspraak_led_by_the_gemeente(maastricht):
    dossier = Dossier.objects.get(pk=1)

    assert maastricht.pk == dossier.pk == 1
    assert dossier.soort == "afspraak"
    assert dossier.slug == "maastricht-2015"
    assert "Van huis naar thuis" in dossier.titel
    assert dossier.penvoerder.naam == "Gemeente Maastricht"
    assert maastricht.soort_afspraak == "prestatieafspraken"
    assert maastricht.overlegorgaan == "Bestuurlijk overleg wonen en wijken"
    assert maastricht.voorzitter == WETHOUDER_WONEN


def test_the_period_starts_in_2013_because_2013_and_2014_are_given_for_comparison(maastricht):
    assert maastricht.startdatum == datetime.date(2013, 1, 1)
    assert maastricht.einddatum == datetime.date(2015, 12, 31)
    assert "2015" in maastricht.samenvatting
    assert "2013 en 2014" in maastricht.samenvatting
    assert "vergelijking" in maastricht.samenvatting


def test_the_gemeente_and_the_three_corporations_are_the_parties(maastricht):
    partijen = {
        p.organisatie.naam: p.rol for p in maastricht.partijen.select_related("organisatie")
    }

    assert partijen == {
        "Gemeente Maastricht": "partij",
        "Maasvallei": "partij",
        "Woonpunt": "partij",
        "Servatius": "partij",
    }


def test_the_five_themes_come_first_then_chapter_3_and_the_verhuur(maastricht):
    onderdelen = list(maastricht.onderdelen.values_list("nummer", "titel"))

    assert onderdelen == [
        ("1", "Wonen en zorg"),
        ("2", "Doe-democratie en eigen kracht"),
        ("3", "Betaalbaarheid en duurzaamheid"),
        ("4", "Beschikbaarheid en woonruimteverdeling"),
        ("5", "Woonmilieus"),
        ("A", "Samenwerkingsafspraken 2015"),
        ("B", "Verhuur (woonruimteverdeling)"),
    ]


def test_the_document_s_other_names_for_theme_4_are_kept(maastricht):
    omschrijving = maastricht.onderdelen.get(nummer="4").omschrijving

    for naam in (
        "Woonruimteverdeling",
        "Beschikbaarheid-woonruimteverdeling",
        "Beschikbaarstelling en woonruimteverdeling",
    ):
        assert naam in omschrijving


def test_each_theme_has_one_bestuursopdracht_with_its_leads_and_deadline(maastricht):
    punten = maastricht.punten.select_related("onderdeel", "streefdoel").prefetch_related(
        "trekkers"
    )
    gevonden = {
        p.onderdeel.nummer: (
            {o.pk for o in p.trekkers.all()},
            p.trekker_omschrijving,
            p.resultaat,
            p.streefdoel.deadline if p.streefdoel else None,
            p.deadline_omschrijving,
        )
        for p in punten
    }

    assert punten.count() == 5
    assert {p.soort for p in punten} == {"bestuursopdracht"}
    assert {p.status for p in punten} == {"lopend"}
    assert gevonden == BESTUURSOPDRACHTEN


def test_each_dated_bestuursopdracht_is_a_milestone_of_the_agreement_not_yet_reached(maastricht):
    doelen = Streefdoel.objects.filter(dossier=maastricht)
    punten = maastricht.punten.filter(streefdoel__isnull=False).select_related("streefdoel")

    assert doelen.count() == 4 == punten.count()
    for punt in punten:
        doel = punt.streefdoel
        assert (doel.soort, doel.bereikt_op, doel.indicator_id) == ("mijlpaal", None, None)
        assert doel.omschrijving == punt.resultaat
        assert (doel.waarde, doel.minimum, doel.maximum) == (None, None, None)
        doel.full_clean()
    assert maastricht.punten.get(onderdeel__nummer="5").streefdoel is None


def test_every_bestuursopdracht_says_what_the_chapter_says(maastricht):
    teksten = {p.onderdeel.nummer: p.tekst for p in maastricht.punten.select_related("onderdeel")}

    assert "zorggeschikte woningen" in teksten["1"]
    assert "De buurt teruggeven aan de bewoners" in teksten["2"]
    assert "vraag-aanbodanalyse" in teksten["3"]
    assert "toewijzingsbeleid" in teksten["4"]
    assert "woonmilieus" in teksten["5"]


def test_the_indicators_have_the_structure_of_the_document(maastricht):
    indicatoren = maastricht.indicatoren.select_related("onderdeel", "deel_van", "uitsplitsing_van")
    gevonden = {
        i.code: (
            i.onderdeel.nummer,
            i.eenheid,
            i.uitsplitsing,
            i.deel_van.code if i.deel_van else None,
            i.is_waarvan,
            i.uitsplitsing_van.code if i.uitsplitsing_van else None,
            i.mag_negatief,
        )
        for i in indicatoren
    }

    assert gevonden == INDICATOREN


def test_the_indicators_appear_in_the_order_of_the_document(maastricht):
    assert list(maastricht.indicatoren.values_list("code", flat=True)) == list(INDICATOREN)


def test_every_figure_of_the_document_is_loaded_and_nothing_else(maastricht):
    assert geladen_waarden(maastricht) == verwachte_waarden()


def test_the_2015_plan_per_corporation_and_in_total_matches_domain(maastricht):
    geladen = geladen_waarden(maastricht)

    for code, (totaal, maasvallei, woonpunt, servatius) in PLAN_2015.items():
        for organisatie, waarde in (
            (None, totaal),
            (MAASVALLEI, maasvallei),
            (WOONPUNT, woonpunt),
            (SERVATIUS, servatius),
        ):
            sleutel = (code, 2015, "plan", organisatie)
            if waarde is None:
                assert sleutel not in geladen, sleutel
            else:
                assert geladen[sleutel] == D(waarde), sleutel


def test_the_verhuur_table_is_kept_exactly_as_the_document_gives_it(maastricht):
    geladen = geladen_waarden(maastricht)

    for code, waarden in VERHUUR.items():
        for (jaar, soort), waarde in zip(VERHUUR_KOLOMMEN, waarden, strict=True):
            assert geladen.get((code, jaar, soort, None)) == (
                None if waarde is None else D(waarde)
            ), (code, jaar, soort)


def test_the_maatwerk_breakdown_is_kept_exactly_as_the_document_gives_it(maastricht):
    geladen = geladen_waarden(maastricht)

    for code, waarden in MAATWERK.items():
        for (jaar, soort), waarde in zip(MAATWERK_KOLOMMEN, waarden, strict=True):
            assert geladen[(code, jaar, soort, None)] == D(waarde), (code, jaar, soort)


def test_the_verdelingstekort_is_a_negative_plan_correction_without_realisation(maastricht):
    indicator = maastricht.indicatoren.get(code="verdelingstekort")
    waarden = dict(indicator.waarden.values_list("jaar", "waarde").filter(soort="plan"))

    assert indicator.mag_negatief
    assert "negatieve planningscorrectie" in indicator.meetdefinitie.lower()
    assert waarden == {2013: D(-40), 2014: D(-62), 2015: D(-57)}
    assert not indicator.waarden.filter(soort="realisatie").exists()


def test_servatius_counts_renovations_started_the_others_completed(maastricht):
    verbeteringen = maastricht.indicatoren.get(code="verbeteringen")

    servatius = verbeteringen.meetdefinitie_voor(SERVATIUS)
    assert "renovatie in het jaar wordt opgestart" in servatius
    for organisatie in (MAASVALLEI, WOONPUNT, None):
        definitie = verbeteringen.meetdefinitie_voor(organisatie)
        assert "forse verbeteringen" in definitie.lower()
        assert "minimaal € 20.000 per woning" in definitie
        assert "renovatie in het jaar wordt afgerond/opgeleverd" in definitie
    assert Meetdefinitie.objects.count() == 1


def test_the_measurement_definitions_of_chapter_3_travel_with_the_figures(maastricht):
    definitie = dict(maastricht.indicatoren.values_list("code", "meetdefinitie"))

    assert "koopwoningen tot € 247.000" in definitie["nieuwbouw-koop"]
    assert "personeel" in definitie["duurzaamheid"]
    assert "niet meegenomen" in definitie["duurzaamheid"]
    assert "extra" in definitie["leefbaarheid"].lower()
    assert "projectmatig" in definitie["leefbaarheid"]
    assert "personele uren" in definitie["leefbaarheid"]
    assert "herstructurering/sloop/bewonersbegeleiding" in definitie["leefbaarheid"]
    assert "geplande verkoop" in definitie["verkoop"]


def test_the_verhuur_categories_carry_the_footnotes_of_the_document(maastricht):
    definitie = dict(maastricht.indicatoren.values_list("code", "meetdefinitie"))

    assert "vanwege sloop moeten verhuizen" in definitie["herstructurering"]
    assert "urgent woningzoekende" in definitie["urgent"]
    assert "reguliere woningaanbod via het Woningburo" in definitie["aanbodmodel"]
    assert "maximaal tien procent van het vrijkomende aanbod" in definitie["eigen-inplaatsing"]
    assert "woningruil en eerste bewoning bij nieuwbouw" in definitie["diverse-distributie"]


def test_aanbodmodel_and_eigen_inplaatsing_have_share_norms_of_the_total(maastricht):
    normen = {
        n.indicator.code: (
            n.soort,
            n.ondergrens,
            n.bovengrens,
            n.ten_opzichte_van.code,
            n.omschrijving,
        )
        for n in Norm.objects.select_related("indicator", "ten_opzichte_van")
    }

    assert normen == {
        "aanbodmodel": (
            "aandeel",
            D(45),
            None,
            "verhuur-totaal",
            "minimaal 45 % van het totaal",
        ),
        "eigen-inplaatsing": (
            "aandeel",
            None,
            D(10),
            "verhuur-totaal",
            "maximaal 10 % van het totaal",
        ),
    }


def test_every_year_with_figures_has_a_fixed_jaaropgave_and_2015_is_not_yet_realised(
    maastricht,
):
    opgaven = set(maastricht.jaaropgaven.values_list("organisatie_id", "jaar", "soort", "status"))
    eigenaars = {
        (w.eigenaar_id, w.jaar, w.soort)
        for w in Waarde.objects.select_related("indicator__dossier")
    }

    assert opgaven == {
        (GEMEENTE, 2013, "plan", "vastgesteld"),
        (GEMEENTE, 2013, "realisatie", "vastgesteld"),
        (GEMEENTE, 2014, "plan", "vastgesteld"),
        (GEMEENTE, 2014, "realisatie", "vastgesteld"),
        (GEMEENTE, 2015, "plan", "vastgesteld"),
        (MAASVALLEI, 2015, "plan", "vastgesteld"),
        (WOONPUNT, 2015, "plan", "vastgesteld"),
        (SERVATIUS, 2015, "plan", "vastgesteld"),
    }
    assert eigenaars == {(org, jaar, soort) for org, jaar, soort, _ in opgaven}
    assert not Waarde.objects.filter(jaar=2015, soort="realisatie").exists()


def test_loading_the_fixture_twice_duplicates_nothing(maastricht):
    voor = tellingen()

    call_command("loaddata", "organisaties", "maastricht_2015", verbosity=0)

    assert tellingen() == voor
    assert voor["Waarde"] == len(verwachte_waarden())
    assert geladen_waarden(maastricht) == verwachte_waarden()


def test_every_loaded_object_passes_model_validation(maastricht):
    for model in (
        Partij,
        Onderdeel,
        Afspraakpunt,
        Indicator,
        Meetdefinitie,
        Norm,
        Streefdoel,
        Waarde,
    ):
        for obj in model.objects.all():
            obj.full_clean()
    maastricht.full_clean()


def test_the_checks_report_exactly_the_mismatches_of_the_document(maastricht, codes):
    toetsing = toets_dossier(maastricht, Waarde.objects.all())

    gevonden = {
        (b.regel, codes[b.item], b.jaar, b.soort, b.verwacht, b.gevonden)
        for b in toetsing.bevindingen
    }
    assert len(toetsing.bevindingen) == 4
    assert gevonden == {
        ("som_delen", "verhuur-totaal", 2013, "realisatie", D(1069), D(1050)),
        ("som_delen", "verhuur-totaal", 2014, "realisatie", D(1039), D(1032)),
        ("uitsplitsing", "maatwerk-uitsplitsing", 2014, "realisatie", D(102), D(121)),
        ("som_delen", "maatwerk-uitsplitsing", 2014, "realisatie", D(121), D(122)),
    }


def test_the_share_norms_are_met_in_every_year(maastricht, codes):
    toetsing = toets_dossier(maastricht, Waarde.objects.all())

    uitkomsten = {
        (codes[u.item], u.jaar, u.soort): (u.waarde.quantize(D("0.01")), u.gehaald)
        for u in toetsing.normuitkomsten
    }
    assert uitkomsten == {
        ("aanbodmodel", 2013, "plan"): (D("45.00"), True),
        ("aanbodmodel", 2013, "realisatie"): (D("58.93"), True),
        ("aanbodmodel", 2014, "plan"): (D("45.00"), True),
        ("aanbodmodel", 2014, "realisatie"): (D("55.63"), True),
        ("aanbodmodel", 2015, "plan"): (D("45.00"), True),
        ("eigen-inplaatsing", 2013, "plan"): (D("10.00"), True),
        ("eigen-inplaatsing", 2013, "realisatie"): (D("2.99"), True),
        ("eigen-inplaatsing", 2014, "plan"): (D("10.00"), True),
        ("eigen-inplaatsing", 2014, "realisatie"): (D("2.89"), True),
        ("eigen-inplaatsing", 2015, "plan"): (D("10.00"), True),
    }


def test_new_figures_can_be_entered_after_loading(maastricht):
    nieuwbouw = maastricht.indicatoren.get(code="nieuwbouw")

    waarde = Waarde.objects.create(
        indicator=nieuwbouw, jaar=2015, soort="realisatie", organisatie_id=MAASVALLEI, waarde=60
    )

    assert waarde.pk > len(verwachte_waarden())
