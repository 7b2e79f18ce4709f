"""The convenant Regio Deal Groningen Noord II as a fixture.

Every value below is typed from DOMAIN.md section 2 and the seed `004_1f247946e4776503.txt`,
not from the fixture: the fixture must reproduce the convenant, and nothing is realised yet.
"""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db.models import F, Sum

from core.models import (
    Dossier,
    Indicator,
    Locatie,
    Norm,
    Onderdeel,
    Partij,
    Streefdoel,
    Waarde,
)
from regiodeals.finance import financien_van, toets_tranche
from regiodeals.models import (
    BeoogdResultaat,
    Convenantwijziging,
    Doel,
    Financieringspost,
    Kosten,
    Overleg,
    Partijmutatie,
    Regiodeal,
)

D = Decimal
MLN = D(1_000_000)
GEMEENTE_GRONINGEN = 12

PARTIJEN = {
    # organisation pk: (rol, omschrijving)
    7: ("partij", "Rijk"),  # VRO
    8: ("partij", "Rijk"),  # BZK
    9: ("partij", "Rijk"),  # BZK/Herstel Groningen
    10: ("partij", "Rijk"),  # JenV
    11: ("partij", "Rijk"),  # SZW
    GEMEENTE_GRONINGEN: ("partij", "Regio, regiokassier"),
}
RIJK_AFKORTINGEN = {"VRO", "BZK", "BZK/Herstel Groningen", "JenV", "SZW"}
PARTNERS = {
    "Woningcorporatie Lefier": "",
    "Woningcorporatie Nijestee": "",
    "Woningcorporatie De Huismeesters": "",
    "Woningcorporatie Patrimonium": "",
    "Stichting WIJ Groningen": "",
    "Stichting Openbaar Onderwijs Gemeente Groningen": "namens het primair en voortgezet onderwijs",
    "Regionaal opleidingscentrum Alfa College": "namens het middelbaar en hoger beroepsonderwijs",
    "Regionaal opleidingscentrum Noorderpoort": "",
    "Stichting Kinderopvang Stad Groningen": "namens de besturen kinderopvang",
    "Stichting Het Pand": "",
    "Nationale Politie, Eenheid Noord-Nederland": "",
    "Stichting Sportcentrum Noord": "",
    "Stichting WerkPro": "",
}
BUURTEN = [
    "Vinkhuizen",
    "Paddepoel",
    "Selwerd",
    "Tuinwijk",
    "De Hoogte",
    "Indische buurt",
    "Professorenbuurt",
    "Oosterparkwijk",
]
ONDERDELEN = [
    # (nummer, titel, hoofdonderdeel) in the order of the convenant
    ("1", "Werken en leren", None),
    ("1a", "Kansrijk Groningen", "1"),
    ("1b", "Wijkbedrijvigheid", "1"),
    ("1c", "Preventie en vroegsignalering op basisscholen (project Kiem)", "1"),
    ("2", "Veilig zijn en wonen", None),
    ("2a", "Stratenaanpak", "2"),
    ("2b1", "Veilig op straat (en online)", "2"),
    ("2b2", "Regionale aanpak ondermijning", "2"),
    ("3", "Meedoen", None),
    ("3a", "Doorbraaknetwerk en -perspectieffonds", "3"),
    ("3b", "Transformatieprogramma's", "3"),
    ("3b1", "De beste scholen staan in Noord", "3b"),
    ("3b2", "De meest weerbare wijken van Groningen", "3b"),
    ("3b3", "Radicaal gelijkwaardige wijken", "3b"),
]
DOELEN = {
    "1": [
        "Het vergroten van werkgelegenheid en baankansen voor meer inwoners",
        "Meer inwoners hebben een eigen, voldoende en stabiel inkomen zodat ze goed kunnen "
        "rondkomen",
        "Minder bewoners hebben problematische schulden die de eigen regie in de weg staan",
        "Minder kinderen en jongeren hebben leer- en ontwikkelingsachterstanden",
        "Meer kinderen en jongeren leren op een manier die past en waarmee ze vooruitkomen",
        "Meer jongeren hebben een passende startkwalificatie en stromen in op de arbeidsmarkt",
    ],
    "2": [
        "De omgeving en voorzieningen sluiten beter aan op de behoeften en wensen van bewoners",
        "Meer bewoners voelen zich veilig",
        "Er is minder overlast gevend, ondermijnd en crimineel gedrag",
        "Kwetsbare bewoners worden weerbaar en beschermd tegen ongewenst gedrag en criminaliteit",
    ],
    "3": [
        "Meer inwoners hebben regie over het eigen leven en kunnen voor zichzelf zorgen en hulp "
        "organiseren als dat nodig is",
        "Meer inwoners hebben een sterk sociaal netwerk waarop ze kunnen terugvallen",
        "Meer inwoners voelen zich betrokken bij de eigen buurt en kunnen meedoen aan de "
        "ontwikkeling van hun buurt",
        "Meer inwoners hebben meer vertrouwen in de lokale overheid en maatschappelijke instanties",
    ],
}

# The kinds of target (core.Streefdoel.Soort): a milestone, an effect, a range, a number over
# the term, a number per year.
M, E, B, L, J = "mijlpaal", "effect", "bandbreedte", "looptijd", "per_jaar"
RESULTATEN = {
    # project: [(soort, streefwaarde, minimum, maximum, bandbreedte per jaar)] in art. 3's order
    "1a": [(M, None, None, None, False), (E, None, None, None, False)],
    "1b": [
        (M, None, None, None, False),
        (B, None, 1, 3, False),  # minimaal 1 en maximaal 3 integrale wijkcentra
        (E, None, None, None, False),
    ],
    "1c": [
        (M, None, None, None, False),  # KIEM opgeschaald naar alle basisscholen
        (E, None, None, None, False),  # leerkrachten signaleren eerder en beter
        (E, None, None, None, False),  # beter zicht op een leerling
        (M, None, None, None, False),  # samenwerking basisonderwijs en WIJ-teams verbeterd
        (E, None, None, None, False),
    ],
    "2a": [
        (L, 10, None, None, False),  # de top 10 plekken
        (B, None, 1, 3, False),  # in minimaal 1 en maximaal 3 straten fysieke aanpassing
        (E, None, None, None, False),
    ],
    "2b1": [
        (M, None, None, None, False),  # wijkprofessionals en boa's
        (M, None, None, None, False),  # balans preventie en repressie
        (M, None, None, None, False),  # digikamer
        (M, None, None, None, False),  # campagne veiligheid in en rondom scholen
        (E, None, None, None, False),  # the effect of 2b as a whole
    ],
    "2b2": [
        (M, None, None, None, False),  # campagne tegen drugshandel
        (M, None, None, None, False),  # bewustwording ambtenaren en bestuurders
        (J, 15, None, None, False),  # 15 regionale bestuurlijke controles per jaar
        (M, None, None, None, False),  # harmonisering beleid, regelgeving, uitvoering
    ],
    "3a": [
        (M, None, None, None, False),  # verbreed naar zorg, onderwijs, veiligheid, wonen
        (M, None, None, None, False),  # doorbraakperspectieffonds opgericht
        (M, None, None, None, False),  # onderdeel gemaakt van reguliere oplossingen
        (E, None, None, None, False),
    ],
    "3b": [
        (M, None, None, None, False),  # drie programma's starten in het eerste jaar
        (M, None, None, None, False),  # vanaf het tweede jaar uitvoering
        (M, None, None, None, False),  # gevolgd via de ex-durante lerende evaluatie
        (E, None, None, None, False),
    ],
}
TEKSTEN = {
    # a phrase of art. 3 that each result must contain, in the same order as RESULTATEN
    "1a": ["In iedere wijk is er een 'kansrijk'-netwerk opgezet", "problematische schulden"],
    "1b": [
        "met het lokale MKB is in alle buurten en wijken",
        "minimaal 1 en maximaal 3 wijkbedrijven doorontwikkeld naar integrale wijkcentra",
        "meer bewoners een betaalde baan",
    ],
    "1c": [
        "KIEM is opgeschaald naar alle basisscholen en kinderopvanglocaties",
        "Leerkrachten zijn beter in staat om risicofactoren",
        "medewerkers van de Kindteams+ hebben beter zicht op een leerling",
        "samenwerking tussen het basisonderwijs en de WIJ-teams is verbeterd",
        "leer- en ontwikkelingsachterstanden",
    ],
    "2a": [
        "de top 10 plekken",
        "in minimaal 1 en maximaal 3 straten ook aanpassing van de fysieke leefomgeving",
        "De leefbaarheid, veiligheid en sociale samenhang in deze straten is toegenomen",
    ],
    "2b1": [
        "specialistische boa's voor digitale surveillance",
        "balans tussen preventie en repressie",
        "'digikamer'",
        "campagne 'veiligheid in en rondom scholen'",
        "kwetsbare bewoners worden weerbaar en beschermd",
    ],
    "2b2": [
        "campagne voor de provincie Groningen tegen drugshandel",
        "bewustwording bij ambtenaren, bestuurders en politieke ambtsdragers",
        "15 regionale bestuurlijke controles in de provincie Groningen per jaar",
        "Harmonisering van beleid, regelgeving en uitvoering",
    ],
    "3a": [
        "verbreed naar de sectoren zorg, onderwijs, veiligheid en wonen",
        "Er is een doorbraakperspectieffonds opgericht",
        "onderdeel gemaakt van reguliere oplossingen",
        "meer regie op hun eigen leven",
    ],
    "3b": [
        "In het eerste jaar starten",
        "Vanaf het tweede jaar gaat de uitvoering lopen",
        "ex-durante lerende evaluatie",
        "meer vertrouwen in de lokale overheid",
    ],
}
# The effects the text measures against the city average ("dichter(bij) het gemeentelijk
# gemiddelde"); the others (1c's teachers, 3b) give no reference.
EFFECTEN_TEN_OPZICHTE_VAN_GEMIDDELDE = {"1a", "1b", "1c", "2a", "2b1", "3a"}
INDICATOREN = {
    # code: (project, streefwaarde, norm (ondergrens, bovengrens) or None)
    "1b-wijkcentra": ("1b", None, (1, 3)),
    "2a-top-10-plekken": ("2a", 10, None),
    "2a-straten-fysieke-aanpassing": ("2a", None, (1, 3)),
    "2b2-bestuurlijke-controles": ("2b2", 15, None),
}
# The ranges ("minimaal 1 en maximaal 3") are targets on their item, no longer norms.
BANDBREEDTEN = {"1b-wijkcentra": (1, 3), "2a-straten-fysieke-aanpassing": (1, 3)}
FINANCIEN = [
    # (naam, actielijn, VAT, maximale Rijksbijdrage, minimale regionale financiering, totaal)
    ("Werken en leren", "1", False, D("2.5") * MLN, D("2.5") * MLN, D("5.0") * MLN),
    ("Veilig zijn en wonen", "2", False, D("3.75") * MLN, D("3.75") * MLN, D("7.5") * MLN),
    ("Meedoen", "3", False, D("3.5") * MLN, D("3.5") * MLN, D("7.0") * MLN),
    ("Uitvoeringskosten (VAT)", None, True, D("0.25") * MLN, D("0.25") * MLN, D("0.5") * MLN),
]


def tellingen() -> dict:
    modellen = [
        Dossier,
        Regiodeal,
        Partij,
        Locatie,
        Onderdeel,
        Doel,
        BeoogdResultaat,
        Indicator,
        Norm,
        Financieringspost,
        Waarde,
        Kosten,
        Overleg,
        Convenantwijziging,
        Partijmutatie,
    ]
    return {model.__name__: model.objects.count() for model in modellen}


@pytest.fixture
def deal(db):
    call_command("loaddata", "organisaties", "tranche_6", "groningen_noord_2", verbosity=0)
    return Regiodeal.objects.get(slug="regio-deal-groningen-noord-ii")


def resultaten_per_project(deal) -> dict:
    per_project: dict[str, list] = {}
    for r in deal.resultaten.select_related("onderdeel", "streefdoel").order_by("volgorde"):
        per_project.setdefault(r.onderdeel.nummer, []).append(r)
    return per_project


def test_the_deal_is_a_dossier_of_soort_regiodeal_with_the_regio_as_kassier(deal):
    dossier = Dossier.objects.get(pk=50)

    assert deal.pk == dossier.pk == 50
    assert dossier.soort == "regiodeal"
    assert deal.titel == "Regio Deal Groningen Noord II"
    assert deal.penvoerder.naam == "Gemeente Groningen"
    assert deal.regio == "Groningen Noord"
    assert deal.landsdeel == "noord"
    assert deal.status == "getekend"
    assert deal.reden_minder_cofinanciering == ""


def test_the_deal_belongs_to_the_fifth_tranche_without_a_number_in_it(deal):
    assert deal.tranche.nummer == 5
    assert deal.volgnummer is None
    assert toets_tranche(deal.tranche, [deal]) == []


def test_the_term_ends_on_31_december_2028_and_starts_the_day_after_signing(deal):
    # Art. 19: in force the day after signing by all parties; the text gives no date.
    assert deal.einddatum == datetime.date(2028, 12, 31)
    assert deal.startdatum is None
    assert "dag na ondertekening" in deal.samenvatting


def test_the_summary_gives_the_main_ambition_and_the_area(deal):
    samenvatting = deal.samenvatting

    assert "dichterbij het gemeentelijk gemiddelde" in samenvatting
    assert "leefbaarheid, veiligheid en brede welvaart in Groningen Noord" in samenvatting
    assert "over 20 jaar niet meer uitmaakt waar je in Groningen woont of opgroeit" in (
        samenvatting
    )
    assert "ongeveer 60.000 inwoners" in samenvatting
    for buurt in BUURTEN:
        assert buurt in samenvatting


def test_the_five_members_of_the_rijk_and_the_regio_are_the_parties(deal):
    partijen = {
        p.organisatie_id: (p.rol, p.omschrijving)
        for p in deal.partijen.filter(rol="partij").select_related("organisatie")
    }
    afkortingen = set(
        deal.partijen.filter(omschrijving="Rijk").values_list("organisatie__afkorting", flat=True)
    )

    assert partijen == PARTIJEN
    assert afkortingen == RIJK_AFKORTINGEN


def test_the_thirteen_partners_are_involved_but_do_not_sign(deal):
    partners = dict(
        deal.partijen.filter(rol="partner").values_list("organisatie__naam", "omschrijving")
    )

    assert len(partners) == 13
    assert partners == PARTNERS
    assert deal.partijen.count() == 6 + 13
    assert not set(PARTIJEN) & set(
        deal.partijen.filter(rol="partner").values_list("organisatie_id", flat=True)
    )


def test_the_four_housing_corporations_are_partners(deal):
    corporaties = set(
        deal.partijen.filter(rol="partner", organisatie__soort="woningcorporatie").values_list(
            "organisatie__afkorting", flat=True
        )
    )

    assert corporaties == {"Lefier", "Nijestee", "De Huismeesters", "Patrimonium"}


def test_the_area_is_eight_neighbourhoods_of_about_60000_inhabitants(deal):
    locaties = list(deal.locaties.all())

    assert [loc.naam for loc in locaties] == BUURTEN
    assert {loc.gemeente_id for loc in locaties} == {GEMEENTE_GRONINGEN}
    assert {loc.inwoners for loc in locaties} == {None}  # only the total is given
    assert deal.inwoners_gebied == 60_000


def test_the_lines_and_projects_follow_the_convenant_in_order(deal):
    onderdelen = [
        (o.nummer, o.titel, o.hoofdonderdeel.nummer if o.hoofdonderdeel else None)
        for o in deal.onderdelen.select_related("hoofdonderdeel")
    ]

    assert onderdelen == ONDERDELEN


def test_the_projects_describe_the_approach_of_article_2(deal):
    omschrijving = dict(deal.onderdelen.values_list("nummer", "omschrijving"))

    assert "bundelen en opschalen" in omschrijving["1"]
    assert "doen wat nodig is" in omschrijving["2"]
    assert "durven doen" in omschrijving["3"]
    assert "buddy's" in omschrijving["1a"]
    assert "Siebe Jan Bouwmaschool" in omschrijving["1b"]
    assert "Kindteam+" in omschrijving["1c"]
    assert "analysetool" in omschrijving["2a"]
    assert "digitale surveillance" in omschrijving["2b1"]
    assert "waterbedeffect" in omschrijving["2b2"]
    assert "Doorbraakmethode®" in omschrijving["3a"]
    assert "ABCD-methode" in omschrijving["3b"]
    assert "beste basisscholen van de stad" in omschrijving["3b1"]
    assert "onbegrepen gedrag" in omschrijving["3b2"]
    assert "systeemwereld" in omschrijving["3b3"]
    for nummer, *_ in ONDERDELEN:
        assert omschrijving[nummer], nummer


def test_the_other_names_the_convenant_uses_for_a_project_are_kept(deal):
    omschrijving = dict(deal.onderdelen.values_list("nummer", "omschrijving"))

    assert "Preventie en vroegsignalering" in omschrijving["1c"]
    assert "Doorbraaknetwerk en Doorbraakperspectieffonds" in omschrijving["3a"]
    assert "Het meest inclusieve gebied van Groningen" in omschrijving["3b2"]
    assert "2b Veilig op straat en online | Regionale aanpak ondermijning" in omschrijving["2b1"]
    assert "2b Veilig op straat en online | Regionale aanpak ondermijning" in omschrijving["2b2"]


def test_the_goals_of_article_1_are_six_four_and_four_per_theme(deal):
    doelen: dict[str, list[str]] = {}
    for doel in Doel.objects.filter(thema__dossier=deal).select_related("thema"):
        doelen.setdefault(doel.thema.nummer, []).append(doel.tekst)

    assert {thema: len(teksten) for thema, teksten in doelen.items()} == {"1": 6, "2": 4, "3": 4}
    assert doelen == DOELEN
    assert Doel.objects.count() == 14


def test_every_intended_result_of_article_3_is_under_its_project(deal):
    gevonden = {
        nummer: [
            (
                r.streefdoel.soort,
                r.streefdoel.waarde,
                r.streefdoel.minimum,
                r.streefdoel.maximum,
                r.streefdoel.per_jaar,
            )
            for r in resultaten
        ]
        for nummer, resultaten in resultaten_per_project(deal).items()
    }
    verwacht = {
        nummer: [
            (soort, *(None if w is None else D(w) for w in (streef, minimum, maximum)), jaar)
            for soort, streef, minimum, maximum, jaar in rijen
        ]
        for nummer, rijen in RESULTATEN.items()
    }

    assert gevonden == verwacht
    assert deal.resultaten.count() == 30


def test_every_intended_result_says_what_article_3_says(deal):
    per_project = resultaten_per_project(deal)

    for nummer, zinnen in TEKSTEN.items():
        for resultaat, zin in zip(per_project[nummer], zinnen, strict=True):
            assert zin in resultaat.omschrijving, (nummer, zin)


def test_the_results_are_listed_in_the_order_of_the_projects(deal):
    nummers = []
    for r in deal.resultaten.select_related("onderdeel"):
        if r.onderdeel.nummer not in nummers:
            nummers.append(r.onderdeel.nummer)

    assert nummers == ["1a", "1b", "1c", "2a", "2b1", "2b2", "3a", "3b"]


def test_the_three_transformation_programmes_have_no_results_of_their_own(deal):
    start = deal.resultaten.filter(onderdeel__nummer="3b").order_by("volgorde").first()

    assert not deal.resultaten.filter(onderdeel__nummer__in=["3b1", "3b2", "3b3"]).exists()
    assert "drie transformatieprogramma's" in start.omschrijving
    for titel in (
        "De beste scholen staan in Noord",
        "Het meest inclusieve gebied van Groningen",
        "Radicaal gelijkwaardige wijken",
    ):
        assert titel in start.omschrijving


def test_every_countable_result_has_an_indicator_of_its_project(deal):
    telbaar = deal.resultaten.filter(streefdoel__indicator__isnull=False).select_related(
        "streefdoel__indicator__onderdeel", "onderdeel"
    )
    gevonden = {}
    for r in telbaar:
        indicator = r.streefdoel.indicator
        assert indicator.dossier_id == deal.pk
        assert indicator.onderdeel == r.onderdeel
        assert (indicator.eenheid, indicator.uitsplitsing) == ("aantal", "geen")
        assert indicator.naam
        doel = r.streefdoel
        gevonden[indicator.code] = (
            indicator.onderdeel.nummer,
            doel.waarde,
            None if doel.minimum is None else (doel.minimum, doel.maximum),
        )

    assert gevonden == {
        code: (
            project,
            None if streef is None else D(streef),
            None if norm is None else (D(norm[0]), D(norm[1])),
        )
        for code, (project, streef, norm) in INDICATOREN.items()
    }
    assert Indicator.objects.filter(dossier=deal).count() == len(INDICATOREN)
    assert not deal.resultaten.filter(
        streefdoel__soort__in=[M, E], streefdoel__indicator__isnull=False
    ).exists()


def test_the_ranges_from_one_to_three_are_targets_not_norms(deal):
    bandbreedten = deal.resultaten.filter(streefdoel__soort=B).select_related(
        "streefdoel__indicator"
    )

    assert {
        r.streefdoel.indicator.code: (r.streefdoel.minimum, r.streefdoel.maximum)
        for r in bandbreedten
    } == {code: (D(laag), D(hoog)) for code, (laag, hoog) in BANDBREEDTEN.items()}
    for resultaat in bandbreedten:
        assert "minimaal 1 en maximaal 3" in resultaat.omschrijving
        assert resultaat.streefdoel.is_opgeteld  # over the term, not per year
    # No number twice: the range is judged by its target only.
    assert not Norm.objects.filter(indicator__dossier=deal).exists()


def test_only_the_regional_controls_are_counted_per_year(deal):
    per_jaar = deal.resultaten.filter(streefdoel__soort=J).select_related("streefdoel__indicator")

    assert [(r.streefdoel.indicator.code, r.streefdoel.waarde) for r in per_jaar] == [
        ("2b2-bestuurlijke-controles", D(15))
    ]
    assert not deal.resultaten.filter(streefdoel__per_jaar=True).exists()


def test_the_effects_are_measured_against_the_city_average_without_figures(deal):
    effecten = deal.resultaten.filter(streefdoel__soort=E).select_related("onderdeel", "streefdoel")
    met_referentie = {
        r.onderdeel.nummer for r in effecten if r.streefdoel.referentie == "gemeentelijk gemiddelde"
    }

    assert met_referentie == EFFECTEN_TEN_OPZICHTE_VAN_GEMIDDELDE
    for r in effecten:
        doel = r.streefdoel
        assert (doel.referentiewaarde, doel.nulmeting, doel.nulmeting_jaar) == (None, None, None)
        assert (doel.waarde, doel.minimum, doel.maximum) == (None, None, None)
        if doel.referentie:
            assert doel.bron == "Gemeentelijke Basismonitor Groningen"
            assert "gemeentelijk gemiddelde" in r.omschrijving
        else:
            assert doel.bron == ""
            assert "gemeentelijk gemiddelde" not in r.omschrijving


def test_no_milestone_is_reached_and_each_is_due_at_the_end_of_the_term(deal):
    mijlpalen = deal.resultaten.filter(streefdoel__soort=M).select_related("streefdoel__dossier")

    assert mijlpalen.count() == 17
    for r in mijlpalen:
        assert r.streefdoel.bereikt_op is None
        assert r.streefdoel.deadline is None
        assert r.streefdoel.uiterlijk == datetime.date(2028, 12, 31)
        assert r.streefdoel.indicator_id is None
    assert not Waarde.objects.filter(indicator__dossier=deal).exists()
    assert not Kosten.objects.filter(post__regiodeal=deal).exists()


def test_every_target_belongs_to_the_deal_and_to_exactly_one_result(deal):
    doelen = Streefdoel.objects.filter(dossier=deal)

    assert doelen.count() == 30
    assert set(doelen.values_list("pk", flat=True)) == set(
        deal.resultaten.values_list("streefdoel", flat=True)
    )
    assert not doelen.filter(vervallen=True).exists()
    assert not doelen.exclude(organisatie=None).exists()


def test_the_text_reports_no_meeting_amendment_or_change_of_parties(deal):
    assert not deal.overleggen.exists()
    assert not deal.wijzigingen.exists()
    assert not deal.mutaties.exists()


def test_the_finance_table_has_every_figure_of_table_1(deal):
    posten = [
        (
            p.naam,
            p.actielijn.nummer if p.actielijn else None,
            p.is_uitvoeringskosten,
            p.maximale_rijksbijdrage,
            p.minimale_regionale_financiering,
            p.maximale_rijksbijdrage + p.minimale_regionale_financiering,
        )
        for p in deal.posten.select_related("actielijn")
    ]

    assert posten == FINANCIEN


def test_the_totals_computed_in_the_database_are_10_10_and_20_million(deal):
    totalen = deal.posten.aggregate(
        rijk=Sum("maximale_rijksbijdrage"),
        regio=Sum("minimale_regionale_financiering"),
        totaal=Sum(F("maximale_rijksbijdrage") + F("minimale_regionale_financiering")),
    )

    assert totalen == {"rijk": D("10.0") * MLN, "regio": D("10.0") * MLN, "totaal": 20 * MLN}
    assert deal.maximale_rijksbijdrage == D("10000000.00") == totalen["rijk"]


def test_the_regio_matches_the_rijksbijdrage_one_to_one_on_every_line(deal):
    for post in deal.posten.all():
        assert post.minimale_regionale_financiering >= post.maximale_rijksbijdrage, post.naam
    assert financien_van(deal).bevindingen == []


def test_the_vat_is_2_5_percent_of_the_rijksbijdrage_within_the_3_percent_cap(deal):
    vat = deal.posten.get(is_uitvoeringskosten=True)
    totaal = deal.posten.aggregate(rijk=Sum("maximale_rijksbijdrage"))["rijk"]

    assert vat.actielijn is None
    assert vat.maximale_rijksbijdrage == D("250000.00")
    assert vat.maximale_rijksbijdrage / totaal * 100 == D("2.5")
    assert vat.maximale_rijksbijdrage <= totaal * D("0.03")


def test_loading_the_fixture_twice_duplicates_nothing(deal):
    voor = tellingen()

    call_command("loaddata", "organisaties", "tranche_6", "groningen_noord_2", verbosity=0)

    assert tellingen() == voor
    assert Regiodeal.objects.filter(slug="regio-deal-groningen-noord-ii").count() == 1
    assert voor["BeoogdResultaat"] == 30
    assert voor["Financieringspost"] == 4


def test_every_loaded_object_passes_model_validation(deal):
    objecten = [
        deal,
        *Partij.objects.filter(dossier=deal),
        *Locatie.objects.filter(dossier=deal),
        *Onderdeel.objects.filter(dossier=deal),
        *Doel.objects.filter(thema__dossier=deal),
        *BeoogdResultaat.objects.filter(regiodeal=deal),
        *Indicator.objects.filter(dossier=deal),
        *Streefdoel.objects.filter(dossier=deal),
        *Financieringspost.objects.filter(regiodeal=deal),
    ]

    for obj in objecten:
        obj.full_clean()
    assert len(objecten) == 1 + 19 + 8 + 14 + 14 + 30 + 4 + 30 + 4


def test_summed_targets_without_the_start_the_convenant_does_not_give_are_judged_at_its_end(
    deal,
):
    """The convenant starts "de dag na ondertekening": no start year, so nothing is due pro
    rata; what is realised counts, and the end of 2028 judges it."""
    from decimal import Decimal

    from core.voortgang import Doelstatus, Reeks, bepaal_voortgang

    opgeteld = [d for d in Streefdoel.objects.filter(dossier=deal) if d.is_opgeteld]
    tien_plekken = Streefdoel.objects.get(pk=1011)

    assert {d.pk for d in opgeteld} == {1004, 1011, 1012}
    assert deal.startdatum is None
    assert {d.eindjaar for d in opgeteld} == {2028}
    onderweg = bepaal_voortgang(tien_plekken, Reeks({2025: Decimal(4)}), 2026)
    assert (onderweg.status, onderweg.gerealiseerd) == (Doelstatus.LOPEND, Decimal(4))
    klaar = Reeks({2025: Decimal(4), 2027: Decimal(6)})
    assert bepaal_voortgang(tien_plekken, klaar, 2028).status == Doelstatus.GEHAALD
