"""The data migrations that move every target number onto `core.Streefdoel` lose nothing.

The database is taken back to before the move (afspraken 0002, regiodeals 0003, core 0004),
old-style rows are written with the historical models of that moment, and the database is
migrated forward again: every number and date must arrive on the target, and the range that
was also a norm on its item is no longer a norm. Runs on SQLite and on PostgreSQL alike
(DATABASE_URL=postgres://… pytest tests/core/test_streefdoel_migratie.py).
"""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Max

from afspraken.models import Afspraakpunt, Wijzigingsregel
from core.models import Norm, Organisatie, Partij, Streefdoel
from historie.models import Mutatie
from historie.triggers import installeer_triggers
from regiodeals.models import BeoogdResultaat

# Migrating needs real transactions; serialized_rollback keeps the role groups of core 0002
# for the tests after this one.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

VOOR = [
    ("core", "0004_dossier_titel"),
    ("afspraken", "0002_wijziging_afspraakpunt_wijzigingsregel"),
    ("regiodeals", "0003_kosten_versie"),
]
D = Decimal


def migreer(doelen) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(doelen)
    return MigrationExecutor(connection)


@pytest.fixture
def oud():
    """The historical models before the move; afterwards the database is current again, with
    its history triggers (a migration rebuilds tables, and the executor sends no signal)."""
    executor = migreer(VOOR)
    try:
        yield executor.loader.project_state(VOOR).apps
    finally:
        naar_nu()


def naar_nu() -> None:
    migreer(MigrationExecutor(connection).loader.graph.leaf_nodes())
    installeer_triggers()


def oude_afspraak(apps):
    Organisatie = apps.get_model("core", "Organisatie")
    Afspraak = apps.get_model("afspraken", "Afspraak")
    Onderdeel = apps.get_model("core", "Onderdeel")
    gemeente = Organisatie.objects.create(
        naam="Gemeente Oud", slug="gemeente-oud", soort="gemeente"
    )
    afspraak = Afspraak.objects.create(
        soort="afspraak",
        titel="Oude afspraak",
        slug="oude-afspraak",
        startdatum=datetime.date(2014, 1, 1),
        einddatum=datetime.date(2020, 12, 31),
        penvoerder=gemeente,
        soort_afspraak="bestuursakkoord",
    )
    lijn = Onderdeel.objects.create(dossier_id=afspraak.pk, nummer="1", titel="Lijn")
    return gemeente, afspraak, lijn


def oude_punten(apps) -> dict:
    _, afspraak, lijn = oude_afspraak(apps)
    Afspraakpunt = apps.get_model("afspraken", "Afspraakpunt")
    Wijziging = apps.get_model("afspraken", "Wijziging")

    def punt(titel, **velden):
        return Afspraakpunt.objects.create(
            afspraak=afspraak, onderdeel=lijn, soort="doelstelling", titel=titel, **velden
        ).pk

    punten = {
        "procent": punt(
            "80 procent", streefwaarde=D(80), streefeenheid="procent", streefjaar=2017, volgorde=4
        ),
        "deadline": punt(
            "Evaluatie", resultaat="evaluatie opgeleverd", deadline=datetime.date(2016, 8, 1)
        ),
        "tekst": punt("Alleen tekst"),
        "afgerond": punt(
            "Verkenning", deadline=datetime.date(2015, 12, 31), status="afgerond", volgorde=9
        ),
        "vervallen": punt("Vervallen doel", streefwaarde=D(2), streefjaar=2020, status="vervallen"),
    }
    wijziging = Wijziging.objects.create(
        afspraak=afspraak,
        soort="actualisatie",
        datum=datetime.date(2018, 5, 1),
        titel="Actualisatie",
        reden="Tussenmeting",
        toegepast_op=datetime.datetime(2018, 5, 2, tzinfo=datetime.UTC),
    )
    punten["regel"] = wijziging.regels.create(
        soort="streefwaarde",
        afspraakpunt_id=punten["procent"],
        oude_streefwaarde=D(80),
        oud_streefjaar=2016,
        nieuwe_streefwaarde=D(80),
        nieuw_streefjaar=2017,
    ).pk
    wijziging.regels.create(soort="afgerond", afspraakpunt_id=punten["afgerond"])
    return punten


def oude_resultaten(apps) -> dict:
    Organisatie = apps.get_model("core", "Organisatie")
    Regiodeal = apps.get_model("regiodeals", "Regiodeal")
    Onderdeel = apps.get_model("core", "Onderdeel")
    Indicator = apps.get_model("core", "Indicator")
    Norm = apps.get_model("core", "Norm")
    BeoogdResultaat = apps.get_model("regiodeals", "BeoogdResultaat")
    regio = Organisatie.objects.create(naam="Regio Oud", slug="regio-oud", soort="gemeente")
    deal = Regiodeal.objects.create(
        soort="regiodeal",
        titel="Oude deal",
        slug="oude-deal",
        startdatum=datetime.date(2020, 1, 1),
        einddatum=datetime.date(2023, 12, 31),
        penvoerder=regio,
    )
    lijn = Onderdeel.objects.create(dossier_id=deal.pk, nummer="A", titel="Actielijn")

    def item(code, eenheid="aantal"):
        return Indicator.objects.create(
            dossier_id=deal.pk, onderdeel=lijn, code=code, naam=code, eenheid=eenheid
        )

    def resultaat(soort, indicator=None, **velden):
        return BeoogdResultaat.objects.create(
            regiodeal=deal,
            onderdeel=lijn,
            soort=soort,
            omschrijving=soort,
            indicator=indicator,
            **velden,
        ).pk

    bereik = item("bereik")
    Norm.objects.create(indicator=bereik, soort="absoluut", ondergrens=1, bovengrens=3)
    anders = Norm.objects.create(indicator=bereik, soort="absoluut", ondergrens=0, bovengrens=9)
    return {
        "deal": deal.pk,
        "bereik_item": bereik.pk,
        "andere_norm": anders.pk,
        "bereik": resultaat("telbaar", bereik, minimum=D(1), maximum=D(3), volgorde=2),
        "per_jaar": resultaat("telbaar", item("controles"), streefwaarde=D(15), per_jaar=True),
        "looptijd": resultaat("telbaar", item("woningen"), streefwaarde=D(120)),
        "mijlpaal": resultaat("mijlpaal", bereikt_op=datetime.date(2021, 6, 30)),
        "effect": resultaat(
            "effect",
            item("leefbaarheid", "procent"),
            streefwaarde=D("6.5"),
            referentie="gemeentelijk gemiddelde",
            referentiewaarde=D("7.2"),
            nulmeting=D("5.9"),
            bron="Leefbaarometer",
        ),
    }


def velden(doel: Streefdoel, *namen: str) -> tuple:
    return tuple(getattr(doel, naam) for naam in namen)


def test_an_agreement_item_s_target_level_deadline_and_amendment_arrive_on_the_target(oud):
    punten = oude_punten(oud)
    naar_nu()

    procent = Streefdoel.objects.get(afspraakpunt__pk=punten["procent"])
    assert velden(procent, "soort", "waarde", "eenheid", "tot_en_met_jaar", "volgorde") == (
        "effect",
        D(80),
        "procent",
        2017,
        4,
    )
    assert procent.dossier.titel == "Oude afspraak"
    deadline = Afspraakpunt.objects.get(pk=punten["deadline"]).streefdoel
    assert velden(deadline, "soort", "deadline", "omschrijving", "waarde") == (
        "mijlpaal",
        datetime.date(2016, 8, 1),
        "evaluatie opgeleverd",
        None,
    )
    assert Afspraakpunt.objects.get(pk=punten["tekst"]).streefdoel is None
    # Completed by an applied amendment: reached on its date, as applying one does now.
    afgerond = Afspraakpunt.objects.get(pk=punten["afgerond"]).streefdoel
    assert velden(afgerond, "soort", "deadline", "bereikt_op", "volgorde") == (
        "mijlpaal",
        datetime.date(2015, 12, 31),
        datetime.date(2018, 5, 1),
        9,
    )
    vervallen = Afspraakpunt.objects.get(pk=punten["vervallen"]).streefdoel
    assert velden(vervallen, "soort", "waarde", "tot_en_met_jaar", "vervallen") == (
        "effect",
        D(2),
        2020,
        True,
    )
    assert Streefdoel.objects.count() == 4
    regel = Wijzigingsregel.objects.get(pk=punten["regel"])
    assert regel.oud_streefdoel == {"waarde": "80.00", "tot_en_met_jaar": 2016}
    assert (regel.nieuwe_streefwaarde, regel.nieuw_streefjaar) == (D(80), 2017)


def test_an_intended_result_s_range_milestone_and_effect_arrive_on_the_target(oud):
    oude = oude_resultaten(oud)
    naar_nu()

    def doel(naam) -> Streefdoel:
        return BeoogdResultaat.objects.get(pk=oude[naam]).streefdoel

    bereik = doel("bereik")
    assert velden(bereik, "soort", "minimum", "maximum", "per_jaar", "volgorde") == (
        "bandbreedte",
        D(1),
        D(3),
        False,
        2,
    )
    assert bereik.indicator_id == oude["bereik_item"]
    assert velden(doel("per_jaar"), "soort", "waarde") == ("per_jaar", D(15))
    assert velden(doel("looptijd"), "soort", "waarde") == ("looptijd", D(120))
    assert velden(doel("mijlpaal"), "soort", "bereikt_op", "indicator") == (
        "mijlpaal",
        datetime.date(2021, 6, 30),
        None,
    )
    effect = doel("effect")
    assert velden(
        effect, "soort", "waarde", "referentie", "referentiewaarde", "nulmeting", "bron"
    ) == ("effect", D("6.5"), "gemeentelijk gemiddelde", D("7.2"), D("5.9"), "Leefbaarometer")
    assert {d.dossier_id for d in Streefdoel.objects.all()} == {oude["deal"]}
    assert Streefdoel.objects.count() == 5
    # The range judged by the target is no longer a norm; a norm it did not state stays.
    assert list(Norm.objects.values_list("pk", flat=True)) == [oude["andere_norm"]]


def test_after_going_back_and_forth_every_write_is_recorded_again(oud):
    oude = oude_resultaten(oud)
    naar_nu()
    # On PostgreSQL the data migration's own writes were recorded too: only ours count here.
    voor = Mutatie.objects.aggregate(laatste=Max("pk"))["laatste"] or 0

    doel = BeoogdResultaat.objects.get(pk=oude["looptijd"]).streefdoel
    doel.waarde = 140
    doel.save()
    BeoogdResultaat.objects.filter(pk=oude["looptijd"]).update(omschrijving="Nieuw")
    Partij.objects.create(dossier_id=oude["deal"], organisatie=Organisatie.objects.get())

    nieuw = Mutatie.objects.filter(pk__gt=voor)
    gewijzigd = nieuw.filter(actie="U").values_list("tabel", "object_id")
    assert set(gewijzigd) == {
        ("core.streefdoel", doel.pk),
        ("regiodeals.beoogdresultaat", oude["looptijd"]),
    }
    assert nieuw.filter(tabel="core.partij", actie="I").count() == 1
