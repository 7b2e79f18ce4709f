"""A dossier's dashboard is kept between requests until something of the dossier changes
(dashboards.bewaard, historie.stand): the reader gets the same page from fewer queries, and
every change, by any path, shows on the next request."""

import types

import psycopg
import pytest
from django.db import connection
from django.db.models.query import QuerySet
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import Dossier, Jaaropgave, Organisatie, User, Waarde
from core.opgeslagen_status import herbereken
from dashboards.dossier import dashboard_context
from dashboards.views import _trend

from .test_targets_on_the_dashboard import tekst


def lees(client, dossier) -> tuple[str, int]:
    """The dashboard as its reader reads it, and the queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("dashboards:dossier", args=[dossier.slug]), {"jaar": 2026})
    assert response.status_code == 200
    return tekst(response), len(queries)


# Kept only what no open transaction wrote: the test's own transaction must be committed.
keeping = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@keeping
def test_a_dashboard_read_again_is_kept_until_its_figures_change(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.bestuurder)
    eerst, gebouwd = lees(client, t.dossier)
    weer, bewaard = lees(client, t.dossier)
    assert "410 van 800" in eerst and weer == eerst
    assert bewaard < gebouwd / 2

    # A bulk update sends no signal; the database's history still sees it.
    Waarde.objects.filter(indicator=t.nieuwbouw, jaar=2026).update(waarde=300)
    herbereken(dossiers=[t.dossier.pk])
    na, aantal = lees(client, t.dossier)
    assert "450 van 800" in na and "410 van 800" not in na
    assert aantal == gebouwd


def _vorige_periode_meer(t) -> None:
    Waarde.objects.filter(indicator__dossier=t.vorige, jaar=2024).update(waarde=300)
    herbereken(dossiers=[t.vorige.pk])


def _gemeente_hernoemd(t) -> None:
    Organisatie.objects.filter(pk=t.gemeente.pk).update(naam="Gemeente Nieuwstad")


@keeping
@pytest.mark.parametrize(
    "wijzig, voor, na",
    [
        # the targets' progress shows what the previous term (2021–2024) realised
        (_vorige_periode_meer, "640", "740"),
        # shared by every dossier it takes part in: history without a dossier
        (_gemeente_hernoemd, "Gemeente Voorbeeldstad", "Gemeente Nieuwstad"),
    ],
    ids=["vorige periode", "organisatie hernoemd"],
)
def test_a_change_outside_the_dossier_that_its_page_shows_is_read_next_time(
    client, termijnafspraak, wijzig, voor, na
):
    t = termijnafspraak
    client.force_login(t.bestuurder)
    assert voor in lees(client, t.dossier)[0]

    wijzig(t)

    daarna = lees(client, t.dossier)[0]
    assert na in daarna and voor not in daarna


@keeping
def test_a_change_in_another_dossier_keeps_the_dashboard(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.bestuurder)
    gebouwd = lees(client, t.dossier)[1]
    bewaard = lees(client, t.dossier)[1]
    assert bewaard < gebouwd / 2

    Waarde.objects.create(indicator=t.ander.indicatoren.get(), jaar=2026, soort="plan", waarde=1)

    assert lees(client, t.dossier)[1] == bewaard


@keeping
def test_a_kept_dashboard_never_shows_one_readers_concept_figures_to_another(
    client, termijnafspraak
):
    t = termijnafspraak
    Waarde.objects.create(
        indicator=t.verduurzaming,
        organisatie=t.corporatie,
        jaar=2026,
        soort="realisatie",
        waarde=4321,
    )  # a concept: the corporation has not submitted 2026
    assert not Jaaropgave.objects.filter(organisatie=t.corporatie).exists()
    client.force_login(t.beleid_corporatie)
    assert "4.321" in lees(client, t.dossier)[0]

    client.force_login(t.bestuurder)
    assert "4.321" not in lees(client, t.dossier)[0]


@keeping
def test_the_trend_is_kept_per_item(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.bestuurder)
    urls = [
        reverse("dashboards:trend", args=[t.dossier.slug, code])
        for code in ("nieuwbouw-sociale-huur", "verduurzaming")
    ]

    def lees_trends() -> tuple[list[str], int]:
        with CaptureQueriesContext(connection) as queries:
            teksten = [tekst(client.get(url)) for url in urls]
        return teksten, len(queries)

    eerste, gebouwd = lees_trends()
    assert "Nieuwe sociale huurwoningen" in eerste[0] and "Verduurzaamde" in eerste[1]
    weer, bewaard = lees_trends()
    assert weer == eerste and bewaard < gebouwd / 2


def _onaf(waarde, pad: str, gezien: set) -> list[str]:
    """Where in a context a value is not finished: a queryset, generator or iterator."""
    if id(waarde) in gezien or isinstance(waarde, str | bytes | int | float):
        return []
    gezien.add(id(waarde))
    if isinstance(waarde, QuerySet):  # finished once read (a prefetch)
        return [pad] if waarde._result_cache is None else []
    if isinstance(waarde, types.GeneratorType) or hasattr(waarde, "__next__"):
        return [pad]
    if isinstance(waarde, dict):
        delen = waarde.items()
    elif isinstance(waarde, list | tuple | set | frozenset):
        delen = enumerate(waarde)
    elif type(waarde).__module__.split(".")[0] in {"core", "dashboards", "regiodeals", "projecten"}:
        delen = vars(waarde).items() if hasattr(waarde, "__dict__") else []
    else:
        return []
    return [fout for sleutel, deel in delen for fout in _onaf(deel, f"{pad}.{sleutel}", gezien)]


def test_every_kept_context_holds_finished_values_only(brondata):
    lezer = User.objects.get(username="bestuurder")
    dossiers = list(Dossier.objects.all())
    assert _onaf({"q": Dossier.objects.all(), "g": [iter([])]}, "x", set()) == ["x.q", "x.g.0"]
    assert {d.soort for d in dossiers} == set(Dossier.Soort.values)
    for dossier in dossiers:
        assert _onaf(dashboard_context(dossier, lezer, None), dossier.slug, set()) == []
        for item in dossier.indicatoren.all()[:3]:
            assert _onaf(_trend(dossier, item, lezer), item.code, set()) == []


@keeping
def test_a_dashboard_built_while_a_writer_is_busy_is_not_kept(client, termijnafspraak):
    if connection.vendor != "postgresql":
        pytest.skip("a second connection writing meanwhile: PostgreSQL")
    t = termijnafspraak
    client.force_login(t.bestuurder)
    with psycopg.connect(**connection.get_connection_params()) as ander:
        with ander.cursor() as cursor:  # a transaction that wrote and has not committed
            cursor.execute("UPDATE core_organisatie SET naam = naam WHERE id = %s", [t.huurders.pk])
        gebouwd = lees(client, t.dossier)[1]
        assert lees(client, t.dossier)[1] == gebouwd
        ander.rollback()
    lees(client, t.dossier)
    assert lees(client, t.dossier)[1] < gebouwd / 2
