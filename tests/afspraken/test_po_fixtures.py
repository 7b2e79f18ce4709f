"""The Bestuursakkoord PO 2014–2020 and its 2018 actualisatie as fixtures.

Every expected number below is counted from the seed `003_c042d4fd9fde9743.txt`
(Actualisatie Bestuursakkoord PO, Bijlage A and Bijlage B), not from the fixtures.
"""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from afspraken.models import Afspraak, Afspraakpunt, Wijziging, Wijzigingsregel
from afspraken.services import pas_wijziging_toe
from core.models import Partij, Streefdoel

OCW, PO_RAAD, SZW = 5, 6, 11
LIJNEN = {
    "1": "Talentontwikkeling door uitdagend onderwijs",
    "2": "Een brede aanpak voor duurzame onderwijsverbetering",
    "3": "Professionele scholen",
    "4": "Doorgaande ontwikkellijnen",
}
# Bijlage B: the completed agreements, per line.
AFGEROND_PER_LIJN = {"1": 11, "2": 9, "3": 5, "4": 6}
# Bijlage A: the new agreements and goals, per line.
NIEUW_PER_LIJN = {
    "1": ["Prestatieboxmiddelen voor de dienstverlening van SIVON"],
    "2": [
        "Ondersteuningsaanpak voor besturen in ‘Goed worden, goed blijven’",
        "Relevante, complete en toegankelijke informatie op Scholen op de kaart",
        "Monitoring van het gebruik van Scholen op de kaart",
        "Informatie- en ondersteuningsaanbod voor scholen over Scholen op de kaart",
        "Afstemming van de set indicatoren op Scholen op de kaart",
    ],
    "3": [
        "Besturen en scholen versterken hun strategisch personeelsbeleid",
        "Onderzoek naar strategisch personeelsbeleid in het po",
        "PO-Raad faciliteert schoolbesturen bij strategisch personeelsbeleid",
        "Verkenning van benchmarking voor strategisch personeelsbeleid",
        "Monitoring van de ambitie strategisch personeelsbeleid",
        "Pilot werkplaatsen onderwijsonderzoek maximaal een jaar langer (2018-2019)",
        "Doorgaande professionalisering blijvend versterken",
    ],
    "4": [
        "Lerarenbeurs bewegingsonderwijs per 2019 opnieuw open",
        "Inzicht in hindernissen voor bewegingsonderwijs per gemeente",
        "Aansluiten bij het Nationaal Preventie Akkoord en het Sportakkoord",
    ],
}
ZITTENBLIJVEN = "Zittenblijven bij kleuters"
KWALITEITSZORG = "Kwaliteitszorg op bestuursniveau: 80 procent van de besturen voldoende"
INDICATOREN_VERVALLEN = [
    "Kwaliteitszorg op schoolniveau",
    "Differentiatievaardigheden van leraren",
    "Didactische vaardigheden van leraren",
    "Aandeel masters",
    "Ict-vaardigheden van leraren",
    "Onderzoekende vaardigheden van leraren",
]
# The akkoord's targets (a level by a year) and dated deliverables (milestones), as the
# bestuursakkoord gives them: (soort, waarde, jaar, deadline, deadline as written).
DOELEN_EN_DEADLINES = {
    KWALITEITSZORG: ("effect", Decimal(80), 2017, None, ""),
    "Vulling van Vensters": ("mijlpaal", None, None, datetime.date(2020, 12, 31), "in 2020"),
    "Planmatige begeleiding van startende leraren": (
        "mijlpaal",
        None,
        None,
        datetime.date(2020, 12, 31),
        "in 2020",
    ),
    "Minimaal twee lesuren bewegingsonderwijs in de groepen 3 tot en met 8": (
        "effect",
        Decimal(2),
        2020,
        None,
        "in de jaren tot 2020",
    ),
    "Leraren met een vo-bevoegdheid als specialisten in het primair onderwijs": (
        "mijlpaal",
        None,
        None,
        datetime.date(2016, 8, 1),
        "per 1 augustus 2016",
    ),
    "Groei van het aantal scholen in de categorie goed; ondersteuningsaanpak voor scholen met "
    "verbeterpotentieel": ("mijlpaal", None, None, datetime.date(2016, 12, 31), "in 2016"),
    "Programmering School aan Zet": (
        "mijlpaal",
        None,
        None,
        datetime.date(2015, 12, 31),
        "tot en met 2015",
    ),
    "Evaluatie van de Wet Fusietoets": (
        "mijlpaal",
        None,
        None,
        datetime.date(2015, 12, 31),
        "in 2015",
    ),
    "Onderzoek naar bekendheid, relevantie en gebruiksvriendelijkheid van Vensters PO": (
        "mijlpaal",
        None,
        None,
        datetime.date(2015, 12, 31),
        "in 2015",
    ),
    "Verkenning van bestuurlijke verhoudingen, verantwoordelijkheden en ontschotting": (
        "mijlpaal",
        None,
        None,
        datetime.date(2015, 12, 31),
        "eind 2015",
    ),
}
BLIJVEN_STAAN = [
    "Vulling van Vensters",
    "Planmatige begeleiding van startende leraren",
    "Minimaal twee lesuren bewegingsonderwijs in de groepen 3 tot en met 8",
    "Alle lesuren bewegingsonderwijs door een bevoegde leerkracht",
]


@pytest.fixture
def akkoord(db):
    call_command(
        "loaddata", "organisaties", "po_bestuursakkoord", "po_actualisatie_2018", verbosity=0
    )
    return Afspraak.objects.get(slug="bestuursakkoord-po-2014-2020")


@pytest.fixture
def actualisatie(akkoord):
    return akkoord.wijzigingen.get()


def punt(titel: str) -> Afspraakpunt:
    return Afspraakpunt.objects.get(afspraak__slug="bestuursakkoord-po-2014-2020", titel=titel)


def bijlage_b_punten(akkoord):
    return akkoord.punten.filter(wijzigingsregels__soort=Wijzigingsregel.Soort.AFGEROND)


def stand(akkoord):
    """Everything that applying an amendment may change, to compare before and after."""
    return (
        list(
            akkoord.punten.order_by("pk").values_list(
                "pk",
                "status",
                "streefdoel",
                "streefdoel__waarde",
                "streefdoel__tot_en_met_jaar",
                "streefdoel__deadline",
                "streefdoel__bereikt_op",
                "toegevoegd_bij",
            )
        ),
        list(
            Wijzigingsregel.objects.order_by("pk").values_list(
                "pk", "afspraakpunt", "oude_status", "oud_streefdoel"
            )
        ),
        list(Wijziging.objects.order_by("pk").values_list("pk", "toegepast_op")),
    )


def test_the_bestuursakkoord_is_signed_by_ocw_and_the_po_raad_for_2014_to_2020(akkoord):
    assert akkoord.soort == "afspraak"
    assert akkoord.soort_afspraak == Afspraak.Soort.BESTUURSAKKOORD
    assert akkoord.titel == "Bestuursakkoord primair onderwijs 2014–2020"
    assert (akkoord.startdatum, akkoord.einddatum) == (
        datetime.date(2014, 1, 1),
        datetime.date(2020, 12, 31),
    )
    assert akkoord.penvoerder_id == OCW
    assert sorted(akkoord.partijen.values_list("organisatie_id", "rol")) == [
        (OCW, Partij.Rol.PARTIJ),
        (PO_RAAD, Partij.Rol.PARTIJ),
    ]
    for moment in ("tussenmeting", "2017", "voorjaar van 2019", "Tweede Kamer", "eindmeting"):
        assert moment in akkoord.samenvatting


def test_the_agreement_has_the_four_lines_of_the_source(akkoord):
    assert dict(akkoord.onderdelen.values_list("nummer", "titel")) == LIJNEN
    assert list(akkoord.onderdelen.values_list("nummer", flat=True)) == ["1", "2", "3", "4"]


def test_bijlage_b_lists_eleven_nine_five_and_six_completed_agreements_per_line(akkoord):
    per_lijn = {
        nummer: bijlage_b_punten(akkoord).filter(onderdeel__nummer=nummer).count()
        for nummer in LIJNEN
    }
    assert per_lijn == AFGEROND_PER_LIJN
    assert bijlage_b_punten(akkoord).count() == 31


def test_every_item_is_lopend_and_of_this_agreement_before_the_actualisatie(akkoord):
    assert set(akkoord.punten.values_list("status", flat=True)) == {"lopend"}
    assert not akkoord.punten.filter(toegevoegd_bij__isnull=False).exists()
    for item in akkoord.punten.all():
        item.full_clean()


def test_trekkers_are_organisations_and_other_actors_are_named_in_words(akkoord):
    kennisnet = bijlage_b_punten(akkoord).get(tekst__contains="Kennisnet")
    assert list(kennisnet.trekkers.values_list("pk", flat=True)) == [PO_RAAD]
    assert "Kennisnet" in kennisnet.trekker_omschrijving
    vsnu = bijlage_b_punten(akkoord).get(tekst__contains="VSNU")
    assert list(vsnu.trekkers.values_list("pk", flat=True)) == [PO_RAAD]
    assert "VSNU" in vsnu.trekker_omschrijving
    kindcentra = punt("Eén integraal kwaliteitskader voor integrale kindcentra")
    assert set(kindcentra.trekkers.values_list("pk", flat=True)) == {OCW, SZW}
    for item in bijlage_b_punten(akkoord):
        assert item.trekker_omschrijving, item


def test_the_80_percent_goal_is_due_in_2017_before_the_actualisatie(akkoord):
    doel = punt(KWALITEITSZORG)
    assert doel.soort == Afspraakpunt.Soort.DOELSTELLING
    assert doel.onderdeel.nummer == "2"
    streefdoel = doel.streefdoel
    assert (
        streefdoel.soort,
        streefdoel.waarde,
        streefdoel.eenheid_van,
        streefdoel.tot_en_met_jaar,
    ) == (Streefdoel.Soort.EFFECT, Decimal(80), "procent", 2017)
    assert streefdoel.dossier_id == akkoord.pk


def test_the_targets_and_deadlines_of_the_akkoord_are_on_their_items(akkoord):
    gevonden = {
        p.titel: (
            p.streefdoel.soort,
            p.streefdoel.waarde,
            p.streefdoel.tot_en_met_jaar,
            p.streefdoel.deadline,
            p.deadline_omschrijving,
        )
        for p in akkoord.punten.filter(streefdoel__isnull=False).select_related("streefdoel")
    }

    assert gevonden == DOELEN_EN_DEADLINES
    assert Streefdoel.objects.filter(dossier=akkoord).count() == len(DOELEN_EN_DEADLINES)
    for doel in Streefdoel.objects.filter(dossier=akkoord):
        doel.full_clean()
        assert doel.bereikt_op is None and not doel.vervallen


def test_the_actualisatie_is_not_applied_and_its_regels_carry_no_old_values(actualisatie):
    assert actualisatie.soort == Wijziging.Soort.ACTUALISATIE
    assert actualisatie.datum == datetime.date(2018, 5, 1)
    assert actualisatie.toegepast_op is None
    regels = actualisatie.regels.all()
    assert regels.count() == 1 + 1 + 6 + sum(map(len, NIEUW_PER_LIJN.values())) + 31
    for regel in regels:
        regel.full_clean()
        assert regel.oude_status == ""
        assert regel.oud_streefdoel is None
    volgorden = list(regels.values_list("volgorde", flat=True))
    assert volgorden == sorted(set(volgorden))
    assert regels.first().afspraakpunt == punt(ZITTENBLIJVEN)


def test_applying_drops_zittenblijven_bij_kleuters_because_of_the_regeerakkoord(
    akkoord, actualisatie
):
    pas_wijziging_toe(wijziging=actualisatie, door=None)
    doel = punt(ZITTENBLIJVEN)
    assert doel.status == Afspraakpunt.Status.VERVALLEN
    regel = doel.wijzigingsregels.get()
    assert "regeerakkoord" in regel.reden
    assert regel.oude_status == Afspraakpunt.Status.LOPEND


def test_applying_moves_the_80_percent_goal_to_2020_and_keeps_the_old_target(akkoord, actualisatie):
    pas_wijziging_toe(wijziging=actualisatie, door=None)
    doel = punt(KWALITEITSZORG)
    assert doel.status == Afspraakpunt.Status.GEWIJZIGD
    assert (doel.streefdoel.waarde, doel.streefdoel.tot_en_met_jaar) == (Decimal(80), 2020)
    assert (doel.streefdoel.soort, doel.streefdoel.eenheid) == ("effect", "procent")
    regel = doel.wijzigingsregels.get()
    assert regel.soort == Wijzigingsregel.Soort.STREEFWAARDE
    assert (regel.oud_streefdoel["waarde"], regel.oud_streefdoel["tot_en_met_jaar"]) == (
        "80.00",
        2017,
    )
    assert regel.oud_streefdoel["soort"] == "effect"
    assert "bestuursgerichte toezicht" in regel.reden
    assert regel.wijziging.datum == datetime.date(2018, 5, 1)
    assert "tussenmeting" in regel.wijziging.reden
    assert regel.wijziging.toegepast_op is not None


def test_applying_drops_the_indicators_that_can_no_longer_be_measured(akkoord, actualisatie):
    pas_wijziging_toe(wijziging=actualisatie, door=None)
    for titel in INDICATOREN_VERVALLEN:
        indicator = punt(titel)
        assert indicator.soort == Afspraakpunt.Soort.INDICATOR
        assert indicator.status == Afspraakpunt.Status.VERVALLEN
        regel = indicator.wijzigingsregels.get()
        assert regel.soort == Wijzigingsregel.Soort.INDICATOR_VERVALLEN
    assert (
        "niet langer te monitoren"
        in punt("Kwaliteitszorg op schoolniveau").wijzigingsregels.get().reden
    )
    assert "strategisch" in punt("Aandeel masters").wijzigingsregels.get().reden


def test_applying_adds_the_new_agreements_as_lopend_items_of_the_actualisatie(
    akkoord, actualisatie
):
    pas_wijziging_toe(wijziging=actualisatie, door=None)
    for nummer, titels in NIEUW_PER_LIJN.items():
        nieuw = akkoord.punten.filter(toegevoegd_bij=actualisatie, onderdeel__nummer=nummer)
        assert sorted(nieuw.values_list("titel", flat=True)) == sorted(titels)
        assert set(nieuw.values_list("status", flat=True)) == {"lopend"}
    for item in akkoord.punten.filter(toegevoegd_bij=actualisatie):
        assert item.wijzigingsregels.get().soort == Wijzigingsregel.Soort.TOEGEVOEGD
        assert item.tekst
        item.full_clean()
    assert (
        "per 2019 opnieuw open"
        in punt("Lerarenbeurs bewegingsonderwijs per 2019 opnieuw open").tekst
    )


def test_applying_completes_every_bijlage_b_item(akkoord, actualisatie):
    pas_wijziging_toe(wijziging=actualisatie, door=None)
    afgerond = akkoord.punten.filter(status=Afspraakpunt.Status.AFGEROND)
    assert {
        nummer: afgerond.filter(onderdeel__nummer=nummer).count() for nummer in LIJNEN
    } == AFGEROND_PER_LIJN
    ict_plan = punt("Implementatie- en investeringsplan voor onderwijs en ICT")
    assert ict_plan.status == Afspraakpunt.Status.AFGEROND
    assert "niet 100 procent van de besturen" in ict_plan.wijzigingsregels.get().reden


def test_applying_leaves_the_goals_that_stay_lopend(akkoord, actualisatie):
    pas_wijziging_toe(wijziging=actualisatie, door=None)
    for titel in BLIJVEN_STAAN:
        assert punt(titel).status == Afspraakpunt.Status.LOPEND


def test_applying_deletes_nothing(akkoord, actualisatie):
    voor = set(akkoord.punten.values_list("pk", flat=True))
    toevoegingen = actualisatie.regels.filter(soort=Wijzigingsregel.Soort.TOEGEVOEGD).count()
    pas_wijziging_toe(wijziging=actualisatie, door=None)
    na = set(akkoord.punten.values_list("pk", flat=True))
    assert voor <= na
    assert len(voor) + toevoegingen == len(na)
    assert toevoegingen == 16


def test_applying_a_second_time_is_refused_and_changes_nothing(akkoord, actualisatie):
    pas_wijziging_toe(wijziging=actualisatie, door=None)
    eerst = stand(akkoord)
    with pytest.raises(ValidationError) as fout:
        pas_wijziging_toe(wijziging=actualisatie, door=None)
    assert fout.value.code == "al_verwerkt"
    assert stand(akkoord) == eerst


def test_a_failing_regel_rolls_back_the_whole_application(akkoord, actualisatie):
    pas_wijziging_toe(wijziging=actualisatie, door=None)
    extra = Wijziging.objects.create(
        afspraak=akkoord,
        soort=Wijziging.Soort.WIJZIGING,
        datum=datetime.date(2019, 1, 1),
        titel="Testwijziging",
        reden="Test",
    )
    extra.regels.create(
        soort=Wijzigingsregel.Soort.AFGEROND,
        afspraakpunt=punt("Vulling van Vensters"),
        volgorde=1,
    )
    extra.regels.create(
        soort=Wijzigingsregel.Soort.TOEGEVOEGD,
        onderdeel=akkoord.onderdelen.get(nummer="4"),
        nieuw_punt_soort=Afspraakpunt.Soort.AFSPRAAK,
        titel="Nieuwe testafspraak",
        volgorde=2,
    )
    extra.regels.create(
        soort=Wijzigingsregel.Soort.AFGEROND,
        afspraakpunt=punt(ZITTENBLIJVEN),  # already vervallen
        volgorde=3,
    )
    eerst = stand(akkoord)
    with pytest.raises(ValidationError) as fout:
        pas_wijziging_toe(wijziging=extra, door=None)
    assert fout.value.code == "punt_gesloten"
    assert stand(akkoord) == eerst
    extra.refresh_from_db()
    assert extra.toegepast_op is None
    assert punt("Vulling van Vensters").status == Afspraakpunt.Status.LOPEND
    assert not Afspraakpunt.objects.filter(titel="Nieuwe testafspraak").exists()
