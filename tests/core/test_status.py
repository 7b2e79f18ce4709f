from decimal import Decimal

import pytest

from core.status import Status, bepaal_status


@pytest.mark.parametrize(
    ("plan", "realisatie", "verwacht"),
    [
        (100, 85, Status.OP_SCHEMA),  # exactly 15 % below: still on schedule
        (100, 84, Status.ACHTER),
        (100, 115, Status.OP_SCHEMA),
        (100, 116, Status.VOOR),
        (0, 0, Status.OP_SCHEMA),
        (0, 1, Status.VOOR),
        (-40, -40, Status.OP_SCHEMA),
    ],
)
def test_status_when_higher_is_better(plan, realisatie, verwacht):
    assert bepaal_status(plan=Decimal(plan), realisatie=Decimal(realisatie)) == verwacht


def test_status_is_direction_aware_when_lower_is_better():
    assert (
        bepaal_status(plan=Decimal(100), realisatie=Decimal(70), lager_is_beter=True) == Status.VOOR
    )
    assert (
        bepaal_status(plan=Decimal(100), realisatie=Decimal(130), lager_is_beter=True)
        == Status.ACHTER
    )


def test_no_realisation_yet_and_missed_norm_and_no_plan():
    assert bepaal_status(plan=Decimal(100), realisatie=None) == Status.GEEN_REALISATIE
    assert (
        bepaal_status(plan=Decimal(100), realisatie=Decimal(100), norm_gehaald=False)
        == Status.NORM_NIET_GEHAALD
    )
    assert bepaal_status(plan=None, realisatie=Decimal(3)) == Status.GEEN_PLAN


@pytest.mark.django_db
def test_the_database_status_agrees_with_bepaal_status(organisatie_factory):
    """`core.cellen` computes the status in SQL; it must give what `bepaal_status` gives."""
    from itertools import product

    from core.cellen import cellen
    from core.models import Dossier, Indicator, User, Waarde

    gemeente = organisatie_factory("Gemeente Raster", "gemeente")
    dossier = Dossier.objects.create(
        soort="afspraak", titel="Raster", slug="raster", penvoerder=gemeente
    )
    getallen = [
        None,
        Decimal(0),
        Decimal(-40),
        Decimal(100),
        Decimal(85),
        Decimal(115),
        Decimal("114.99"),
        Decimal("84.99"),
        Decimal(116),
        Decimal(200),
    ]
    verwacht = {}
    for richting in ("hoger", "lager"):
        indicator = Indicator.objects.create(
            dossier=dossier,
            code=f"i-{richting}",
            naam=richting,
            eenheid="aantal",
            richting=richting,
        )
        for jaar, (plan, realisatie) in enumerate(product(getallen, getallen), start=1900):
            if plan is None and realisatie is None:
                continue
            for soort, waarde in (("plan", plan), ("realisatie", realisatie)):
                if waarde is not None:
                    Waarde.objects.create(
                        indicator=indicator, jaar=jaar, soort=soort, waarde=waarde
                    )
            verwacht[(indicator.pk, jaar)] = bepaal_status(
                plan=plan, realisatie=realisatie, lager_is_beter=richting == "lager"
            )
    beheerder = User.objects.create_superuser("raster", password="x")

    gevonden = {
        (c.indicator_id, c.jaar): Status(c.status)
        for c in cellen(beheerder).filter(indicator__dossier=dossier)
    }

    assert gevonden == verwacht


@pytest.mark.django_db
def test_the_database_judges_a_term_target_as_bepaal_voortgang_does(organisatie_factory):
    """A figure without a plan whose item has a term target: `core.cellen` gives, in SQL, the
    status `core.voortgang.bepaal_voortgang` gives for that target in the figure's year."""
    import datetime
    from itertools import product

    from core.cellen import cellen
    from core.models import Dossier, Indicator, Streefdoel, User, Waarde
    from core.opgeslagen_status import herbereken
    from core.voortgang import Reeks, bepaal_voortgang

    gemeente = organisatie_factory("Gemeente Termijn", "gemeente")
    corporatie = organisatie_factory("Woonstichting Termijn")
    dossier = Dossier.objects.create(
        soort="afspraak",
        titel="Termijn",
        slug="termijn",
        penvoerder=gemeente,
        startdatum=datetime.date(2025, 1, 1),
        einddatum=datetime.date(2028, 12, 31),
    )
    # per item: (target, direction, first and last year, whose), realisations per year
    getallen = [None, Decimal(0), Decimal(84), Decimal(85), Decimal(100), Decimal(116)]
    spannen = [(None, None), (2026, 2027), (2025, 2030)]
    gevallen = []
    for n, (richting, (van, tot), (a, b), waarde) in enumerate(
        product(
            ("hoger", "lager"),
            spannen,
            product(getallen, getallen),
            (Decimal(400), Decimal(240)),
        )
    ):
        laatste = [Decimal(0), Decimal(100), Decimal(200), Decimal(400)][n % 4]
        reeks = {2025: a, 2026: b, 2028: laatste}
        gevallen.append((richting, van, tot, waarde, None, reeks))
    gevallen.append(("hoger", None, None, Decimal(800), corporatie, {2025: 150, 2026: 260}))
    items = Indicator.objects.bulk_create(
        Indicator(dossier=dossier, code=f"i{n}", naam=f"i{n}", eenheid="aantal", richting=r)
        for n, (r, *_) in enumerate(gevallen)
    )
    doelen = Streefdoel.objects.bulk_create(
        Streefdoel(
            dossier=dossier,
            indicator=item,
            organisatie=wie,
            soort=Streefdoel.Soort.LOOPTIJD,
            waarde=waarde,
            van_jaar=van,
            tot_en_met_jaar=tot,
        )
        for item, (_, van, tot, waarde, wie, _) in zip(items, gevallen, strict=True)
    )
    Waarde.objects.bulk_create(
        Waarde(indicator=item, jaar=jaar, soort="realisatie", waarde=w, organisatie=wie)
        for item, (*_, wie, reeks) in zip(items, gevallen, strict=True)
        for jaar, w in reeks.items()
        if w is not None
    )
    herbereken(dossiers=[dossier.pk])  # bulk_create sends no signals (as volume's COPY)
    verwacht = {}
    for item, doel, (*_, reeks) in zip(items, doelen, gevallen, strict=True):
        gemeten = Reeks(realisatie={j: Decimal(w) for j, w in reeks.items() if w is not None})
        for jaar in gemeten.realisatie:
            if jaar < doel.startjaar:
                verwacht[(item.pk, jaar)] = Status.GEEN_PLAN  # not yet a year of the target
            else:
                voortgang = bepaal_voortgang(doel, gemeten, jaar)
                verwacht[(item.pk, jaar)] = Status(voortgang.status.value)
    beheerder = User.objects.create_superuser("termijn", password="x")

    gevonden = {
        (c.indicator_id, c.jaar): Status(c.status)
        for c in cellen(beheerder).filter(indicator__dossier=dossier)
    }

    assert gevonden == verwacht
    assert set(verwacht.values()) == {
        Status.OP_SCHEMA,
        Status.VOOR,
        Status.ACHTER,
        Status.GEHAALD,
        Status.NIET_GEHAALD,
        Status.GEEN_PLAN,
        Status.GEEN_REALISATIE,  # 2028, after a target of 2026–2027 with nothing realised
    }


@pytest.mark.django_db
def test_a_lapsed_target_or_another_partys_target_does_not_judge_a_figure(termijnafspraak):
    from core.cellen import cellen

    t = termijnafspraak
    t.doel.organisatie = t.corporatie  # the corporation's own target: not the total's
    t.doel.save()
    statussen = {c.jaar: c.status for c in cellen(t.beheerder, [t.dossier.pk])}
    t.doel.organisatie, t.doel.vervallen = None, True
    t.doel.save()
    vervallen = {c.jaar: c.status for c in cellen(t.beheerder, [t.dossier.pk])}

    assert statussen == vervallen == {2025: Status.GEEN_PLAN, 2026: Status.GEEN_PLAN}
