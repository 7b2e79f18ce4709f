"""`manage.py generate_volume`: national volume, made in bulk, the same for the same seed."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import transaction

from core.cellen import cellen, tel_per
from core.models import Dossier, Indicator, Locatie, Rol, User, Waarde
from core.status import Status
from regiodeals.models import BeoogdResultaat, Kosten
from volume.generator import genereer
from volume.omvang import Omvang


def test_scale_one_is_the_netherlands_and_scales_tenfold_both_ways():
    land = Omvang.schaal(1)

    assert (land.afspraken, land.corporaties, land.deals, land.projecten) == (350, 280, 80, 2000)
    # 350 agreements × 40 items × 10 years, plan and realisatie, split over 3 corporations
    assert land.themas * land.items_per_thema == 40 and land.jaren == 10
    assert 700_000 <= land.cijfers() - 80 * 160 - 2000 * 160 <= 850_000
    assert (Omvang.schaal(0.1).afspraken, Omvang.schaal(0.1).projecten) == (35, 200)
    assert (Omvang.schaal(10).afspraken, Omvang.schaal(10).deals) == (3500, 800)
    with pytest.raises(ValueError):
        Omvang.schaal(0)


def test_command_makes_dossiers_figures_and_users_of_every_role(db):
    omvang = Omvang.schaal(0.002)

    call_command("generate_volume", "--scale", "0.002", verbosity=0)

    assert Dossier.objects.filter(soort="afspraak").count() == omvang.afspraken == 1
    assert Dossier.objects.filter(soort="regiodeal").count() == omvang.deals == 1
    assert Dossier.objects.filter(soort="project").count() == omvang.projecten == 4
    afspraak = Dossier.objects.get(soort="afspraak")
    assert afspraak.indicatoren.count() == 40
    assert afspraak.partijen.count() == 4  # a gemeente and three corporations
    assert BeoogdResultaat.objects.filter(streefdoel__isnull=False).count() == 20
    assert Kosten.objects.count() == 11 * 4 * 3  # posts × years × sources
    assert Locatie.objects.filter(dossier__soort="project", kern__isnull=False).count() == 80
    # every figure of the plan, less the last year's realisations not in yet
    gemaakt = Waarde.objects.count()
    assert omvang.cijfers() - 105 <= gemaakt <= omvang.cijfers()
    for rol in Rol:
        if rol != Rol.BEHEERDER:
            assert User.objects.filter(groups__name=rol.value, organisatie__isnull=False).exists()


def _inhoud() -> set[tuple]:
    return set(
        Waarde.objects.values_list(
            "indicator__dossier__slug",
            "indicator__code",
            "organisatie__slug",
            "locatie__naam",
            "jaar",
            "soort",
            "waarde",
        )
    )


def test_the_same_seed_gives_the_same_figures(db):
    def eenmaal(seed: int) -> set[tuple]:
        with transaction.atomic():
            genereer(Omvang.schaal(0.002), seed=seed)
            inhoud = _inhoud()
            transaction.set_rollback(True)
        return inhoud

    eerste, tweede, ander = eenmaal(11), eenmaal(11), eenmaal(12)

    assert eerste == tweede
    assert eerste != ander


def test_a_second_run_adds_dossiers_and_leaves_the_first_as_it_was(db):
    genereer(Omvang.schaal(0.002))
    eerste = _inhoud()

    genereer(Omvang.schaal(0.002))

    assert Dossier.objects.filter(soort="afspraak").count() == 2
    assert eerste < _inhoud()
    tweede_gemeente = Dossier.objects.get(slug="vol-afspraak-1").penvoerder
    assert tweede_gemeente.slug == "vol-gemeente-1"


def test_generated_figures_have_every_status_and_findings_like_the_sources(db):
    from core.checks import toets_dossier

    genereer(Omvang.schaal(0.002))
    beheerder = User.objects.create_user("beheer", is_superuser=True)

    telling = tel_per(cellen(beheerder), "indicator__dossier__soort")
    afspraak = Dossier.objects.get(soort="afspraak")
    toetsing = toets_dossier(afspraak, Waarde.objects.all())

    for status in (
        Status.OP_SCHEMA,
        Status.VOOR,
        Status.ACHTER,
        Status.NORM_NIET_GEHAALD,
        Status.GEHAALD,  # a term target in its last year
        Status.NIET_GEHAALD,
    ):
        assert telling["afspraak"][status] > 0, status
    assert {b.regel for b in toetsing.bevindingen} >= {"som_delen", "som_organisaties"}
    euro = Indicator.objects.filter(dossier=afspraak, eenheid="euro").first()
    assert all(w.as_tuple().exponent == -2 for w in euro.waarden.values_list("waarde", flat=True))
    assert Waarde.objects.filter(waarde__lt=Decimal(0)).count() == 0


def test_every_dossier_gets_targets_of_every_kind(db):
    from afspraken.models import Afspraakpunt
    from core.models import Norm, Streefdoel

    genereer(Omvang.schaal(0.002))

    soorten = set(Streefdoel.objects.values_list("dossier__soort", "soort"))
    for dossier in ("afspraak", "regiodeal"):
        assert {s for d, s in soorten if d == dossier} == set(Streefdoel.Soort), dossier
    assert {s for d, s in soorten if d == "project"} == set(Streefdoel.Soort) - {"per_jaar"}
    opdrachten = Afspraakpunt.objects.filter(soort="bestuursopdracht")
    assert opdrachten.count() == 5
    assert all(p.streefdoel.soort == "mijlpaal" and p.streefdoel.deadline for p in opdrachten)
    assert {r.streefdoel.indicator_id for r in BeoogdResultaat.objects.all()} == set(
        Indicator.objects.filter(dossier__soort="regiodeal").values_list("pk", flat=True)
    )
    # a range is its target's, no longer a norm on the item as well
    assert not Norm.objects.filter(indicator__dossier__soort="regiodeal").exists()
    # an item promised over the term has no yearly plan
    termijn = Streefdoel.objects.filter(soort="looptijd", dossier__soort="afspraak")
    assert termijn.count() == 7  # t1-i3 for the whole and per corporation, t1-i6 per corporation
    assert not Waarde.objects.filter(indicator__streefdoelen__in=termijn, soort="plan").exists()


def test_generated_term_targets_are_judged_in_the_figures_as_by_the_progress_rule(db):
    """Every cell of a generated term target has, in SQL, the status `core.voortgang` gives
    that target in the cell's year: gehaald or niet gehaald from the target's last year."""
    from core.models import Streefdoel
    from core.voortgang import voortgang_van

    genereer(Omvang.schaal(0.002))
    beheerder = User.objects.create_user("beheer", is_superuser=True)
    afspraak = Dossier.objects.get(soort="afspraak")
    termijn = {
        (d.indicator_id, d.organisatie_id)
        for d in Streefdoel.objects.filter(dossier=afspraak, soort="looptijd")
    }

    gevonden = {
        (c.indicator_id, c.organisatie_id, c.jaar): Status(c.status)
        for c in cellen(beheerder, [afspraak.pk])
        if (c.indicator_id, c.organisatie_id) in termijn and c.locatie_id is None
    }
    verwacht = {}
    for jaar in {j for _, _, j in gevonden}:
        for v in voortgang_van(afspraak, beheerder, jaar):
            sleutel = (v.doel.indicator_id, v.doel.organisatie_id, jaar)
            if v.doel.soort == "looptijd" and sleutel in gevonden:
                verwacht[sleutel] = Status(v.status.value)

    assert gevonden == verwacht
    assert len(gevonden) == 7 * 10  # seven targets, ten years realised
    assert {Status.GEHAALD, Status.NIET_GEHAALD} <= set(gevonden.values())
