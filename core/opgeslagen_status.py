"""Keeps each figure's stored statuses (`Waarde.status_alles`, `status_openbaar`) true.

A status depends on the figures in its place (the partner, the term's realisations, a norm's
whole), on the item's norms, targets and direction, on the dossier's term and on which years
were submitted, all within the figure's dossier (a norm measures against an item of its own
dossier). Every save of one of those marks its dossier (`verbind`, below); the statuses of the
marked dossiers are then computed again, one UPDATE each, inside the same transaction, so no
reader ever sees a stale one. Writes of many at once (a grid, an import,
`loaddata`) run `in_een_keer()`: one UPDATE at the end instead of one per save. Bulk writes
that send no signals call `markeer` themselves.

One writer per dossier: a computation reads every figure of the dossier and rewrites their
rows, so two transactions writing figures of one dossier would each wait for the rows the
other wrote (a deadlock, seen under load) and each compute from the other's old figures.
Every transaction therefore holds the dossier's row (`houd_vast`) before it writes a figure
or computes; a second writer of the same dossier waits until the first has committed.
"""

import functools
import threading
from collections.abc import Iterable
from contextlib import contextmanager

from django.db import connection
from django.db.models import F, OuterRef, Q, QuerySet, Subquery
from django.db.models.sql import UpdateQuery

from .cellen import opgeslagen_statussen
from .models import Dossier, Indicator, Norm, Waarde

_lokaal = threading.local()


def markeer(*, dossiers: Iterable[int] = (), indicatoren: Iterable[int] = ()) -> None:
    """These dossiers' or items' figures changed, or what judges them: now, or at the end of
    the open `in_een_keer()`."""
    wachtend = getattr(_lokaal, "wachtend", None)
    if wachtend is None:
        herbereken(dossiers=dossiers, indicatoren=indicatoren)
    else:
        wachtend[0].update(d for d in dossiers if d is not None)
        wachtend[1].update(i for i in indicatoren if i is not None)


@contextmanager
def in_een_keer():
    """Marks made inside are computed once, when the block ends without an error (on an
    error the transaction around it is rolled back). Nested blocks join the outer one."""
    if getattr(_lokaal, "wachtend", None) is not None:
        yield
        return
    _lokaal.wachtend = (set(), set())
    try:
        yield
        dossiers, indicatoren = _lokaal.wachtend
    finally:
        _lokaal.wachtend = None
    herbereken(dossiers=dossiers, indicatoren=indicatoren)


def herbereken(*, dossiers: Iterable[int] = (), indicatoren: Iterable[int] = ()) -> int:
    """Compute the statuses of the figures of these dossiers and of these items' dossiers
    (which holds the items whose norms measure against them); the number of figures."""
    dossiers = {d for d in dossiers if d is not None}
    indicatoren = {i for i in indicatoren if i is not None}
    if indicatoren:
        items = Indicator.objects.filter(pk__in=indicatoren)
        dossiers |= set(items.values_list("dossier", flat=True))
    if not dossiers:
        return 0
    houd_vast(dossiers)
    with connection.cursor() as cursor:
        sql, params = _per_dossier(connection.vendor)
        aantal = 0
        for dossier in sorted(dossiers):
            cursor.execute(sql, [dossier if p == _DOSSIER else p for p in params])
            aantal += cursor.rowcount
    return aantal


class _Vastgehouden(set):
    """The dossiers held at one savepoint level of the open transaction. Registered as an
    on-commit callback (that does nothing) so that Django drops it exactly when the database
    lets go of the locks: at the end of the transaction, or at the rollback of the savepoint
    it was taken in."""

    def __call__(self) -> None:
        pass


def houd_vast(dossiers: Iterable[int]) -> None:
    """Lock these dossiers' rows until the transaction ends, before writing their figures
    (FOR NO KEY UPDATE: what refers to a dossier can still be written meanwhile). Outside a
    transaction a statement is its own; SQLite writes one transaction at a time."""
    if not (connection.features.has_select_for_update and connection.in_atomic_block):
        return
    gehouden = [f for _, f, _ in connection.run_on_commit if isinstance(f, _Vastgehouden)]
    nieuw = sorted({d for d in dossiers if d is not None}.difference(*gehouden))
    if not nieuw:
        return
    vast = Dossier.objects.select_for_update(no_key=True).filter(pk__in=nieuw).order_by("pk")
    list(vast.values_list("pk", flat=True))
    _op_dit_niveau().update(nieuw)


def _op_dit_niveau() -> _Vastgehouden:
    niveau = set(connection.savepoint_ids)
    for sids, functie, _ in connection.run_on_commit:
        if isinstance(functie, _Vastgehouden) and sids == niveau:
            return functie
    functie = _Vastgehouden()
    connection.on_commit(functie)
    return functie


# Stands for the dossier in the statement below, which is built and compiled once per process:
# building the status expressions takes tens of milliseconds, the UPDATE of a dossier a few.
_DOSSIER = -7_391_113


@functools.cache
def _per_dossier(vendor: str) -> tuple[str, list]:
    items = Indicator.objects.filter(dossier=_DOSSIER).values("pk")
    waarden = Waarde.objects.filter(indicator__in=items).order_by()
    query = waarden.query.chain(UpdateQuery)
    query.add_update_values(_nieuwe_statussen([_DOSSIER]))
    sql, params = query.get_compiler(connection.alias).as_sql()
    assert _DOSSIER in params
    return sql, list(params)


def herbereken_alles(*, alleen_leeg: bool = False) -> int:
    """Every figure's statuses (`alleen_leeg`: only those not yet computed)."""
    waarden = Waarde.objects.all()
    if alleen_leeg:
        waarden = waarden.filter(Q(status_alles="") | Q(status_openbaar=""))
        if not waarden.exists():
            return 0
    return _werk_bij(waarden, None)


def _werk_bij(waarden: QuerySet, dossiers) -> int:
    return waarden.order_by().update(**_nieuwe_statussen(dossiers))


def _nieuwe_statussen(dossiers) -> dict[str, Subquery]:
    bron = Waarde.objects.order_by().filter(pk=OuterRef("pk"))
    return {
        veld: Subquery(bron.annotate(_s=expressie).values("_s")[:1])
        for veld, expressie in opgeslagen_statussen(dossiers).items()
    }


def afwijkingen(waarden: QuerySet | None = None) -> QuerySet:
    """The figures whose stored statuses differ from those computed now (none, when every
    write kept them): the check of tests/conftest.py and `herbereken_status --controleer`."""
    berekend = opgeslagen_statussen()
    waarden = waarden if waarden is not None else Waarde.objects.all()
    return (
        waarden.order_by("pk")
        .annotate(berekend_alles=berekend["status_alles"])
        .annotate(berekend_openbaar=berekend["status_openbaar"])
        .filter(~Q(status_alles=F("berekend_alles")) | ~Q(status_openbaar=F("berekend_openbaar")))
    )


# --- What marks: every save of something a status depends on ----------------------------

WAARDE_VELDEN = {"indicator", "jaar", "soort", "organisatie", "locatie", "waarde"}
WAARDE_VELDEN |= {f"{veld}_id" for veld in ("indicator", "organisatie", "locatie")}


def _raakt(update_fields, velden: set[str]) -> bool:
    return update_fields is None or bool(velden & set(update_fields))


def _waarde(sender, instance, update_fields=None, **kwargs) -> None:
    if _raakt(update_fields, WAARDE_VELDEN):
        markeer(indicatoren=[instance.indicator_id])


def _van_indicator(sender, instance, **kwargs) -> None:
    markeer(indicatoren=[instance.indicator_id])  # a norm


def _van_dossier(sender, instance, update_fields=None, **kwargs) -> None:
    if _raakt(
        update_fields,
        {
            "status",
            "dossier",
            "organisatie",
            "jaar",
            "soort",
            "indicator",
            "van_jaar",
            "tot_en_met_jaar",
            "waarde",
            "vervallen",
            "richting",
        },
    ):
        markeer(dossiers=[instance.dossier_id])  # a submission, a target


def _indicator(sender, instance, update_fields=None, **kwargs) -> None:
    if _raakt(update_fields, {"richting", "dossier"}):
        markeer(indicatoren=[instance.pk])


def _weg_indicator(sender, instance, **kwargs) -> None:
    markeer(dossiers=[instance.dossier_id])


def _dossier(sender, instance, update_fields=None, **kwargs) -> None:
    if _raakt(update_fields, {"startdatum", "einddatum", "penvoerder"}):
        markeer(dossiers=[instance.pk])


def _locatie(sender, instance, update_fields=None, **kwargs) -> None:
    if _raakt(update_fields, {"gemeente"}):  # whose figures they are, so who sees them
        items = Waarde.objects.filter(locatie=instance.pk).values_list("indicator", flat=True)
        markeer(indicatoren=set(items))


def verbind() -> None:
    from django.db.models.signals import post_delete, post_save

    from .models import Dossier, Jaaropgave, Locatie, Streefdoel

    for model, bij_opslaan, bij_weghalen in [
        (Waarde, _waarde, _waarde),
        (Norm, _van_indicator, _van_indicator),
        (Streefdoel, _van_dossier, _van_dossier),
        (Jaaropgave, _van_dossier, _van_dossier),
        (Indicator, _indicator, _weg_indicator),
        (Dossier, _dossier, None),
        (Locatie, _locatie, None),
    ]:
        naam = model._meta.model_name
        post_save.connect(bij_opslaan, sender=model, dispatch_uid=f"status_{naam}_save")
        if bij_weghalen:
            post_delete.connect(bij_weghalen, sender=model, dispatch_uid=f"status_{naam}_del")


def vul_aan(sender, apps, using="default", **kwargs) -> None:
    """After `migrate`: the statuses of figures that have none yet (the first migrate after
    the columns came, or figures written around the ORM)."""
    from django.core.exceptions import FieldDoesNotExist

    try:
        apps.get_model("core", "Waarde")._meta.get_field("status_alles")
    except (LookupError, FieldDoesNotExist):  # migrated back to before the columns
        return
    if using == "default":
        herbereken_alles(alleen_leeg=True)


def eerste_afwijkingen() -> list[int]:
    """The keys of up to five figures `afwijkingen` finds, from a statement compiled once."""
    sql, params = _afwijkingen_sql(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [rij[0] for rij in cursor.fetchall()]


@functools.cache
def _afwijkingen_sql(vendor: str) -> tuple[str, tuple]:
    return afwijkingen().values("pk")[:5].query.sql_with_params()
