"""The round trip: each source dossier's structure, exported to a workbook and imported into a
database without that dossier, gives the same dossier: the same structure, the same checks
on the same figures, the same progress texts of its targets."""

import datetime

import pytest

from afspraken.models import Wijziging, Wijzigingsregel
from core.checks import toets_dossier
from core.doeltekst import doel_tekst, stand_tekst
from core.models import Dossier, Indicator, Jaaropgave, Waarde
from core.voortgang import voortgang_van
from inrichting.structuur.gegevens import lees
from inrichting.structuur.services import maak, wis
from inrichting.structuur.werkboek import lees_werkboek, schrijf
from projecten.models import Project

BRONNEN = [
    "maastricht-2015",
    "bestuursakkoord-po-2014-2020",
    "regio-deal-groningen-noord-ii",
    "sociaal-vitaal-in-kleine-kernen",
]
VANDAAG = datetime.date(2026, 6, 1)


def _tranche_deal() -> str:
    return Dossier.objects.filter(regiodeal__tranche__nummer=6).order_by("pk").first().slug


def _figures(dossier) -> list[dict]:
    return list(
        Waarde.objects.filter(indicator__dossier=dossier).values(
            "indicator__code",
            "jaar",
            "soort",
            "organisatie_id",
            "locatie__naam",
            "waarde",
            "toelichting",
        )
    )


def _progress(dossier, user) -> list[tuple]:
    peiljaar = dossier.eindjaar
    return [
        (
            v.doel.titel,
            doel_tekst(v.doel),
            v.status,
            v.tekst,
            v.gerealiseerd,
            v.verwacht,
            tuple(stand_tekst(v)),
        )
        for v in voortgang_van(dossier, user, peiljaar, VANDAAG)
    ]


def _findings(dossier) -> list:
    toetsing = toets_dossier(dossier, Waarde.objects.all())
    codes = dict(Indicator.objects.filter(dossier=dossier).values_list("pk", "code"))
    bevindingen = [
        (codes[b.item], b.regel, b.jaar, b.soort, b.wie, b.wat, b.verwacht, b.gevonden)
        for b in toetsing.bevindingen
    ]
    normen = [
        (codes[u.item], u.regel.soort, u.jaar, u.soort, u.wie, u.waarde, u.gehaald)
        for u in toetsing.normuitkomsten
    ]
    return sorted(bevindingen, key=repr) + sorted(normen, key=repr)


def _remove(dossier) -> None:
    """Take the dossier out of the database: its figures, its structure, itself."""
    Waarde.objects.filter(indicator__dossier=dossier).delete()
    Jaaropgave.objects.filter(dossier=dossier).delete()
    Wijzigingsregel.objects.filter(wijziging__afspraak_id=dossier.pk).delete()
    Project.objects.filter(voert_uit__dossier=dossier).update(voert_uit=None)
    wis(dossier)
    Wijziging.objects.filter(afspraak_id=dossier.pk).delete()
    Dossier.objects.filter(pk=dossier.pk).delete()


def _restore_figures(dossier, figures) -> None:
    items = {i.code: i for i in dossier.indicatoren.all()}
    locaties = {loc.naam: loc for loc in dossier.locaties.all()}
    for f in figures:
        Waarde.objects.create(
            indicator=items[f["indicator__code"]],
            jaar=f["jaar"],
            soort=f["soort"],
            organisatie_id=f["organisatie_id"],
            locatie=locaties.get(f["locatie__naam"]),
            waarde=f["waarde"],
            toelichting=f["toelichting"],
        )


@pytest.mark.parametrize("slug", [*BRONNEN, "tranche-6"])
def test_the_structure_of_a_source_dossier_survives_the_workbook_exactly(brondata, slug):
    from core.models import User

    beheerder = User.objects.get(username="beheerder")
    slug = _tranche_deal() if slug == "tranche-6" else slug
    oud = Dossier.objects.get(slug=slug)
    voor = lees(oud)
    figures = _figures(oud)
    opgaven = list(Jaaropgave.objects.filter(dossier=oud).values())
    bevindingen, voortgang = _findings(oud), _progress(oud, beheerder)
    inhoud = schrijf(voor)

    _remove(oud)
    assert not Dossier.objects.filter(slug=slug).exists()
    structuur, fouten = lees_werkboek("structuur.xlsx", inhoud)
    assert fouten == []
    nieuw = maak(structuur, door=beheerder)
    nieuw.in_opbouw = oud.in_opbouw  # published as the source was, to compare its progress
    nieuw.save()
    _restore_figures(nieuw, figures)
    for opgave in opgaven:
        Jaaropgave.objects.create(**{**opgave, "id": None, "dossier_id": nieuw.pk})

    na = lees(Dossier.objects.get(pk=nieuw.pk))
    assert na.dossier == voor.dossier
    for blad, rijen in voor.bladen.items():
        assert na.bladen[blad] == rijen, blad
    assert sum(len(r) for r in voor.bladen.values()) >= 1
    assert _findings(nieuw) == bevindingen
    assert _progress(nieuw, beheerder) == voortgang
