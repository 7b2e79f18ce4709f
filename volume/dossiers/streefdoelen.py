"""Targets (`core.Streefdoel`) of every kind for the generated dossiers, made in bulk.

As real agreements write them: an agreement promises a number over its term (per corporation,
and for the whole where the item has a reported total; such items have no yearly plan), a range
per year, an effect against a reference, and its bestuursopdrachten are milestones with a due
date. A deal's intended results are ranges (per year or over the term), numbers over the term
or per year, milestones and effects. A project promises its outputs over its term, a range per
year, a milestone (the final report) and an effect without an item.

A term target is set around what the generator realises (`Sommen`), so its progress takes every
status: op schema, voor or achter on the way, gehaald or niet gehaald in its last year.
"""

import datetime
from collections import defaultdict
from decimal import Decimal

from core.models import Indicator, Streefdoel

from ..schrijver import maak
from ..stand import EIND_JAAR

LOOPTIJD = Streefdoel.Soort.LOOPTIJD
BANDBREEDTE = Streefdoel.Soort.BANDBREEDTE
MIJLPAAL = Streefdoel.Soort.MIJLPAAL
EFFECT = Streefdoel.Soort.EFFECT
PER_JAAR = Streefdoel.Soort.PER_JAAR


class Sommen:
    """What the generator realised per item and organisation (None: the item's total row), up
    to `tot_jaar`, counted while the figures stream to the database."""

    def __init__(self, items: set[int], tot_jaar: int):
        self.items, self.tot_jaar = items, tot_jaar
        self.per: dict[tuple[int, int | None], Decimal] = defaultdict(Decimal)

    def tel(self, rijen):
        for rij in rijen:
            indicator, jaar, soort, organisatie, locatie, waarde = rij
            if (
                soort == "realisatie"
                and indicator in self.items
                and locatie is None
                and jaar <= self.tot_jaar
            ):
                self.per[(indicator, organisatie)] += waarde
            yield rij


def _rond(waarde: Decimal) -> Decimal:
    return Decimal(max(1, round(waarde)))


def afspraak_doelen(stand, termijnitems, sommen: Sommen, overig, slugs) -> list[Streefdoel]:
    """Per agreement: the term targets on `termijnitems`, and on the `overig` items the yearly
    plan, a range per year and an effect.

    The whole of an item with a total row is promised over the whole term, around what is
    realised. Each corporation promises its part by `sommen.tot_jaar`, the year before the
    last: in turn a little less than it realises and a little more, so every agreement has a
    target gehaald and one niet gehaald (also when its last year is not realised yet).
    """
    doelen = []
    per_pk = {i.pk: i for i in termijnitems}
    beurt: dict[int, int] = defaultdict(int)
    for (indicator, organisatie), som in sorted(
        sommen.per.items(), key=lambda paar: (paar[0][0], paar[0][1] or 0)
    ):
        item = per_pk[indicator]
        rng = stand.rng("looptijd", f"{slugs[item.dossier_id]}/{item.code}/{organisatie}")
        if organisatie is None:
            factor, tot = rng.uniform(0.8, 1.3), None
        else:
            beurt[item.dossier_id] += 1
            laag = beurt[item.dossier_id] % 2 == 1
            factor = rng.uniform(0.75, 0.95) if laag else rng.uniform(1.05, 1.3)
            tot = sommen.tot_jaar
        doelen.append(
            Streefdoel(
                dossier_id=item.dossier_id,
                indicator=item,
                organisatie_id=organisatie,
                soort=LOOPTIJD,
                omschrijving=f"{item.naam} over de looptijd",
                waarde=_rond(som * Decimal(factor)),
                tot_en_met_jaar=tot,
                volgorde=1 if organisatie is None else 2,
            )
        )
    for planning, bereik, effect in overig:
        doelen.append(
            Streefdoel(
                dossier_id=planning.dossier_id,
                indicator=planning,
                soort=PER_JAAR,
                omschrijving=f"{planning.naam} volgens de planning per jaar",
                volgorde=0,
            )
        )
        doelen.append(
            Streefdoel(
                dossier_id=bereik.dossier_id,
                indicator=bereik,
                soort=BANDBREEDTE,
                omschrijving=f"{bereik.naam}: tussen 100 en 400 per jaar",
                minimum=Decimal(100),
                maximum=Decimal(400),
                per_jaar=True,
                volgorde=3,
            )
        )
        doelen.append(_effect(effect, referentiewaarde=Decimal(250), volgorde=4))
    return doelen


def mijlpaal(dossier_id: int, omschrijving: str, deadline: datetime.date, bereikt: bool):
    """Due by `deadline`; reached a month early when `bereikt` and the date has passed."""
    bereikt_op = None
    if bereikt and deadline.year <= EIND_JAAR:
        bereikt_op = deadline - datetime.timedelta(days=30)
    return Streefdoel(
        dossier_id=dossier_id,
        soort=MIJLPAAL,
        omschrijving=omschrijving,
        deadline=deadline,
        bereikt_op=bereikt_op,
    )


def _effect(item: Indicator, referentiewaarde: Decimal, volgorde: int = 0) -> Streefdoel:
    return Streefdoel(
        dossier_id=item.dossier_id,
        indicator=item,
        soort=EFFECT,
        omschrijving=f"{item.naam} op het gemeentelijk gemiddelde",
        waarde=referentiewaarde,
        referentie="gemeentelijk gemiddelde",
        referentiewaarde=referentiewaarde,
        nulmeting=Decimal(1),
        bron="eigen meting",
        volgorde=volgorde,
    )


def resultaat_doel(item: Indicator, jaren: int, deadline: datetime.date) -> Streefdoel:
    """An intended result's target, by its number: every kind occurs in a deal of six or more
    results. Its yearly plan is 1 to 6."""
    n = item.volgorde
    velden = {"dossier_id": item.dossier_id, "indicator": item, "volgorde": n}
    soort = n % 6
    if soort == 0:
        return Streefdoel(
            **velden,
            soort=BANDBREEDTE,
            minimum=Decimal(1 + n % 3),
            maximum=Decimal(4 + n % 3),
            per_jaar=True,
        )
    if soort == 1:
        return Streefdoel(**velden, soort=LOOPTIJD, waarde=Decimal(jaren * (2 + n % 4)))
    if soort == 2:
        return Streefdoel(**velden, soort=PER_JAAR)  # the yearly plan
    if soort == 3:
        return Streefdoel(
            **velden,
            soort=BANDBREEDTE,
            minimum=Decimal(2 * jaren),
            maximum=Decimal(5 * jaren),
        )
    if soort == 4:
        doel = mijlpaal(item.dossier_id, f"{item.naam} bereikt", deadline, bereikt=n % 12 == 4)
        doel.indicator, doel.volgorde = item, n
        return doel
    return _effect(item, referentiewaarde=Decimal(4), volgorde=n)


def project_doelen(dossier, items: list[Indicator], locaties: int, jaren: int) -> list:
    """A project's outputs over its term (about its plan), a range per year on the second
    output, the final report as a milestone and an effect without an item."""
    doelen = []
    for n, item in enumerate(items):
        if n == 0:
            doelen.append(
                Streefdoel(
                    dossier_id=dossier.pk,
                    indicator=item,
                    soort=LOOPTIJD,
                    waarde=Decimal(20 * locaties * jaren),
                )
            )
        elif n == 1:
            doelen.append(
                Streefdoel(
                    dossier_id=dossier.pk,
                    indicator=item,
                    soort=BANDBREEDTE,
                    minimum=Decimal(5 * locaties),
                    maximum=Decimal(40 * locaties),
                    per_jaar=True,
                    volgorde=1,
                )
            )
    doelen.append(mijlpaal(dossier.pk, "Eindrapportage ingediend", dossier.einddatum, False))
    doelen.append(
        Streefdoel(
            dossier_id=dossier.pk,
            soort=EFFECT,
            eenheid="procent",
            omschrijving="Inwoners die wekelijks sporten",
            waarde=Decimal(50),
            referentie="landelijk gemiddelde",
            referentiewaarde=Decimal(53),
            nulmeting=Decimal(41),
            nulmeting_jaar=dossier.startdatum.year - 1,
            bron="gezondheidsmonitor",
            volgorde=9,
        )
    )
    return doelen


def bewaar(doelen: list[Streefdoel]) -> list[Streefdoel]:
    return maak(Streefdoel, doelen)
