"""Figure cells: an item's plan and realisation for one year and one organisation or location,
side by side, with their status.

The status is computed in the database (`opgeslagen_statussen`) when figures change, and
stored on the figure twice: as a reader who sees every figure in its place sees it, and as one
who sees only submitted figures. Everything a status depends on (the partner, the term's
realisations, a norm's whole) has the figure's owner and dossier, so every reader is one of
the two for a given figure (`core.rules.ziet_alles_q`); core.opgeslagen_status keeps both true.
A figure the second kind may not see (not submitted) holds `ONZICHTBAAR` for it, so the stored
status is the figures' visibility rule as well (`core.rules.visible_waarden_q`).

The figures view filters, sorts and pages on these cells; the start page and the dashboards
count statuses with them. Each cell is one `Waarde` row (the plan, or the realisation where no
plan is visible) annotated with `plan`, `realisatie` and `status`, so a paginator's count stays
a count of one table, and the counts per status are one grouped query.

Each row looks up its partner once: the status is computed *inside* that one subquery, where
the partner's value is a plain column, instead of repeating the subquery everywhere the status
expression names the realisation (an SQL expression referring to another is copied into it).
The partner has the same owner as the row, so whether it is visible is decided on the row
(`visible_waarden_q(user, soort)`), not inside the subquery.

A figure without a plan whose item has a term target (`Streefdoel` "over de looptijd") is
judged as `core.voortgang` judges that target: the realisations to date in its place against
the share due by its year (`_tot_nu`). Only the item's total row is judged against a target
of the whole, and an organisation's row against that organisation's own target.
"""

from decimal import Decimal

from django.db.models import (
    BigIntegerField,
    BooleanField,
    Case,
    CharField,
    Count,
    DecimalField,
    Exists,
    F,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractYear, Least, NullIf, Round
from django.db.models.lookups import (
    Exact,
    GreaterThanOrEqual,
    IsNull,
    LessThanOrEqual,
)

from .models import Norm, Soort, Streefdoel, Waarde
from .rules import ingediend_q, visible_waarden_q, ziet_alles_q
from .status import GEEN_CEL, ONZICHTBAAR, Status, Termijnstatus, status_expressie

ALTIJD = Q(pk__isnull=False)  # a beheerder sees everything; When() refuses an empty Q


def _buiten(naam: str, diepte: int):
    ref = OuterRef(naam)
    for _ in range(diepte - 1):
        ref = OuterRef(ref)
    return ref


def _zelfde_plek(diepte: int = 1, indicator: str | None = "indicator") -> dict:
    """Lookups matching the outer figure's item, year and organisation or location.

    Organisation and location may be empty; comparing them through Coalesce makes
    "both empty" a match, which a plain `=` in SQL never is.
    """
    plek = {
        "_organisatie": Coalesce(
            _buiten("organisatie_id", diepte), Value(0), output_field=BigIntegerField()
        ),
        "_locatie": Coalesce(
            _buiten("locatie_id", diepte), Value(0), output_field=BigIntegerField()
        ),
        "jaar": _buiten("jaar", diepte),
    }
    if indicator:
        plek["indicator"] = _buiten(indicator, diepte)
    return plek


def _met_plek(waarden: QuerySet) -> QuerySet:
    return waarden.annotate(
        _organisatie=Coalesce("organisatie_id", Value(0), output_field=BigIntegerField()),
        _locatie=Coalesce("locatie_id", Value(0), output_field=BigIntegerField()),
    )


def _partner(soort: str) -> QuerySet:
    """The figure of `soort` in the same place as the outer row (visibility is the caller's)."""
    return _met_plek(Waarde.objects.order_by()).filter(soort=soort, **_zelfde_plek())


def _heeft_plan() -> IsNull:
    """Whether a plan stands in the outer row's place.

    A scalar subquery, not `Exists`: PostgreSQL may run an `EXISTS` under `OR`/`NOT` as a
    hashed subplan, which reads every plan figure in the country once per query (a
    sequential scan of `core_waarde`, most of an API page's time). A scalar subquery is
    looked up per row through the index on item, year and kind.
    """
    return IsNull(Subquery(_partner(Soort.PLAN).values("pk")[:1]), False)


def _geschonden_norm(realisatie, diepte: int) -> Exists:
    """Whether the item's norms are broken by `realisatie` (core.checks' rule 2, in SQL).

    `diepte` is how many subqueries down the realised figure's own row is. A share's whole
    has the same owner and kind as the realisation, so it is visible when that one is.
    """
    geheel = _met_plek(Waarde.objects.order_by()).filter(
        soort=Soort.REALISATIE,
        indicator=OuterRef("ten_opzichte_van"),
        **_zelfde_plek(diepte + 1, indicator=None),
    )
    honderd = Value(Decimal(100), output_field=DecimalField())
    nul = Value(Decimal(0), output_field=DecimalField())
    gemeten = Round(
        realisatie * honderd / NullIf(Subquery(geheel.values("waarde")[:1]), nul),
        2,
        output_field=DecimalField(),
    )
    absoluut = Q(soort=Norm.Soort.ABSOLUUT) & (
        Q(ondergrens__gt=realisatie) | Q(bovengrens__lt=realisatie)
    )
    aandeel = Q(soort=Norm.Soort.AANDEEL) & (
        Q(ondergrens__gt=F("_gemeten")) | Q(bovengrens__lt=F("_gemeten"))
    )
    return Exists(
        Norm.objects.filter(indicator=_buiten("indicator", diepte))
        .annotate(_gemeten=gemeten)
        .filter(absoluut | aandeel)
    )


DOEL = "indicator__streefdoelen__"


def _tot_nu(zichtbaar: Q) -> QuerySet:
    """Per term target judging the outer row's place, one row: `_gerealiseerd` (the
    realisations in `zichtbaar` in that place from the target's first year up to the outer
    row's year, at most its last; empty when there are none), `_waarde`, and what
    `_termijnstatus` judges by (as `core.voortgang.bepaal_voortgang`). Before the target's
    first year there is no row.
    The status is added only where it is asked for: a subquery resolves every annotation it
    holds, asked for or not, each time it is put in another query.

    The target comes in by a join, not a subquery, so the sum is one aggregate the status
    names as often as it likes. The share due is `waarde × verstreken / looptijd`; it is
    compared multiplied by `looptijd`, so no division is rounded.
    """
    eigen_doel = Q(**{f"{DOEL}organisatie__isnull": True, "organisatie__isnull": True}) | Q(
        **{f"{DOEL}organisatie": F("organisatie")}
    )
    start = Coalesce(F(f"{DOEL}van_jaar"), ExtractYear("indicator__dossier__startdatum"))
    eind = Coalesce(F(f"{DOEL}tot_en_met_jaar"), ExtractYear("indicator__dossier__einddatum"))
    # One filter() call: every condition on the targets is on the same joined target.
    rijen = Waarde.objects.order_by().filter(
        Q(**{f"{DOEL}soort": Streefdoel.Soort.LOOPTIJD})
        & Q(**{f"{DOEL}vervallen": False, f"{DOEL}waarde__isnull": False})
        & eigen_doel
        & Q(indicator=OuterRef("indicator"), soort=Soort.REALISATIE, locatie__isnull=True)
        & Q(IsNull(OuterRef("locatie_id"), True))
        & Q(
            Exact(
                Coalesce("organisatie_id", Value(0), output_field=BigIntegerField()),
                Coalesce(OuterRef("organisatie_id"), Value(0), output_field=BigIntegerField()),
            )
        )
        & Q(GreaterThanOrEqual(F("jaar"), start))
        & Q(LessThanOrEqual(F("jaar"), OuterRef("jaar")))
        & zichtbaar
    )
    lager = Exact(
        Coalesce(NullIf(F(f"{DOEL}richting"), Value("")), F("indicator__richting")), "lager"
    )
    # Grouped by target: its own numbers are the same on every row of the group, taken with
    # Max so that the status holds nothing more to group by (an outer reference inside an
    # aggregate of this query's rows stays out of the GROUP BY as well).
    return (
        rijen.values(f"{DOEL}id")
        .annotate(
            # the outer row itself keeps the group when the target's years have nothing
            _gerealiseerd=Sum(Case(When(LessThanOrEqual(F("jaar"), eind), then="waarde"))),
            _waarde=Max(f"{DOEL}waarde"),
            _looptijd=Max(eind - start + 1),
            _verstreken=Max(Least(OuterRef("jaar"), eind) - start + 1),
            _teken=Max(Case(When(lager, then=Value(-1)), default=Value(1))),
        )
        .order_by(f"{DOEL}id")
    )


def _termijnstatus() -> Termijnstatus:
    """Op schema, voor or achter against the share due; from the last year gehaald or not."""
    return Termijnstatus(*(F(f"_{naam}") for naam in Termijnstatus.NAMEN))


def _status(tot_nu: QuerySet) -> Subquery:
    """The row's status, judged on the realisation in its place: for a realisation row that is
    the row itself (without a plan: its norms, then its item's term target judge it), for a
    plan row its partner."""
    plan = Case(
        When(Exact(OuterRef("soort"), Soort.PLAN), then=OuterRef("waarde")),
        default=None,
        output_field=DecimalField(),
    )
    termijn = tot_nu.annotate(_status=_termijnstatus()).values("_status")[:1]
    realisatie = _partner(Soort.REALISATIE).annotate(
        _status=status_expressie(
            plan=plan,
            realisatie=F("waarde"),
            lager_is_beter=Q(Exact(OuterRef("indicator__richting"), "lager")),
            norm_niet_gehaald=Q(_geschonden_norm(OuterRef("waarde"), diepte=1)),
            zonder_plan=Coalesce(Subquery(termijn), Value(Status.GEEN_PLAN.value)),
        )
    )
    return Subquery(realisatie.values("_status")[:1], output_field=CharField())


def cellen(user, dossiers=None, *, met_waarden: bool = True) -> QuerySet:
    """Every cell this user may see, one row each, with `status` and (`met_waarden`) `plan`
    and `realisatie`; with `dossiers` (pks or a queryset of them) only those dossiers'.
    Counting statuses needs no values: leaving them out keeps the query small to build
    (`met_termijndoel` adds what a term target judges by).

    Which figures are cells, and their status, are read from the figure's stored status for
    this reader's kind (`ziet_alles_q`): a column, so a filter on it reads an index. The
    column is also who may see the figure (`visible_waarden_q`): a figure not submitted is
    `ONZICHTBAAR` to a reader who sees what is submitted, so no submission is looked up."""
    if not user.is_authenticated:
        return Waarde.objects.none()
    rijen = Waarde.objects.van_dossiers(dossiers).exclude(soort=Soort.BOD)
    ziet_alles = ziet_alles_q(user)
    if not ziet_alles:  # Q() for a beheerder: every figure is seen whole
        rijen = rijen.annotate(status=F("status_alles"))
        return _waarden(rijen.filter(status_alles__in=Status.values), user, dossiers, met_waarden)
    status = Case(When(ziet_alles, then=F("status_alles")), default=F("status_openbaar"))
    rijen = rijen.annotate(status=status).filter(
        Q(status_alles__in=Status.values) | Q(status_openbaar__in=Status.values),
        _als_helft(Q(status__in=Status.values)),
    )
    return _waarden(rijen, user, dossiers, met_waarden)


def _als_helft(voorwaarde: Q) -> Case:
    """`voorwaarde` as a boolean CASE. The planner takes a comparison of an expression (the
    reader's status) to keep 0,5 % of the rows, and then reads every figure with that status
    in the country to sort them, where walking in the order shown stops at the page; a boolean
    of unknown selectivity counts as half. The stored columns beside it, which imply nothing
    more, carry the real estimate (docs/performance.md)."""
    return Case(
        When(voorwaarde, then=Value(True)), default=Value(False), output_field=BooleanField()
    )


def _waarden(rijen: QuerySet, user, dossiers, met_waarden: bool) -> QuerySet:
    """`plan` and `realisatie` beside each cell, where `met_waarden`."""
    if not met_waarden:
        return rijen
    realisatie_zichtbaar = visible_waarden_q(user, Soort.REALISATIE, dossiers) or ALTIJD
    return rijen.annotate(
        plan=_eigen(Soort.PLAN),
        realisatie=Case(
            When(soort=Soort.REALISATIE, then=F("waarde")),
            When(
                realisatie_zichtbaar,
                then=Subquery(_partner(Soort.REALISATIE).values("waarde")[:1]),
            ),
            default=None,
        ),
    )


def met_termijndoel(rijen: QuerySet, user, dossiers=None) -> QuerySet:
    """`cellen` with, for a cell without plan judged against a term target, `doel_waarde`
    and `doel_gerealiseerd` (realised to date in its place): the figures view's "410 van
    800". Apart from `cellen`, because building the sum is half of building a page's query
    and the API and the counts do not show it."""
    tot_nu = _tot_nu(visible_waarden_q(user, None, dossiers) or ALTIJD)
    return rijen.annotate(
        # a realisation row has no visible plan
        doel_gerealiseerd=_eigen(Soort.REALISATIE, Subquery(tot_nu.values("_gerealiseerd")[:1])),
        doel_waarde=_eigen(Soort.REALISATIE, _doelwaarde()),
    )


def met_status(rijen: QuerySet, status: str) -> QuerySet:
    """`cellen` with this status. The first condition is implied by the second, but is one
    the database answers from the indexes on the stored statuses, and estimates from them:
    a rare status is read by its index, a common one found by walking in the order shown."""
    return rijen.filter(
        Q(status_alles=status) | Q(status_openbaar=status), _als_helft(Q(status=status))
    )


def opgeslagen_statussen(dossiers=None) -> dict[str, Case]:
    """`Waarde.status_alles` and `status_openbaar` computed from the figures, for
    core.opgeslagen_status to store: the status as a reader who sees every figure in the
    row's place sees it, and as one who sees what is submitted; GEEN_CEL where the row is no
    cell for that reader, ONZICHTBAAR where the second does not see it at all. `dossiers`
    only narrows the submissions looked at."""
    ingediend = ingediend_q(None, dossiers)
    return {
        "status_alles": _celstatus(ALTIJD, ALTIJD, ALTIJD),
        "status_openbaar": _celstatus(
            ingediend_q(Soort.PLAN, dossiers),
            ingediend_q(Soort.REALISATIE, dossiers),
            ingediend,
            zelf_zichtbaar=ingediend,
        ),
    }


def _celstatus(
    plan_zichtbaar: Q, realisatie_zichtbaar: Q, zichtbaar: Q, zelf_zichtbaar: Q | None = None
) -> Case:
    """A plan is a cell; a realisation is one where no plan in its place is visible; neither
    where the reader does not see the figure itself (`zelf_zichtbaar`: ONZICHTBAAR)."""
    geen_realisatie = Value(Status.GEEN_REALISATIE.value)
    cel = Q(soort=Soort.PLAN) | (Q(soort=Soort.REALISATIE) & ~(plan_zichtbaar & Q(_heeft_plan())))
    status = Case(
        When(
            Q(soort=Soort.REALISATIE) | realisatie_zichtbaar,
            then=Coalesce(_status(_tot_nu(zichtbaar)), geen_realisatie),
        ),
        default=geen_realisatie,
        output_field=CharField(),
    )
    onzichtbaar = [] if zelf_zichtbaar is None else [When(~zelf_zichtbaar, then=Value(ONZICHTBAAR))]
    return Case(
        *onzichtbaar, When(cel, then=status), default=Value(GEEN_CEL), output_field=CharField()
    )


def _doelwaarde() -> Subquery:
    """The whole of the term target `_tot_nu` finds for the outer row (the first that has
    begun by its year): read straight from the target, cheaper than a second sum."""
    plek = Coalesce(OuterRef("organisatie_id"), Value(0), output_field=BigIntegerField())
    doelen = Streefdoel.objects.filter(
        Exact(Coalesce("organisatie_id", Value(0), output_field=BigIntegerField()), plek),
        LessThanOrEqual(
            Coalesce(F("van_jaar"), ExtractYear("indicator__dossier__startdatum")),
            OuterRef("jaar"),
        ),
        indicator=OuterRef("indicator"),
        soort=Streefdoel.Soort.LOOPTIJD,
        vervallen=False,
        waarde__isnull=False,
    )
    return Subquery(doelen.order_by("pk").values("waarde")[:1])


def _eigen(soort: str, waarde=None):
    """The row's own value (or `waarde`) when it is of this kind, else nothing."""
    return Case(
        When(soort=soort, then=F("waarde") if waarde is None else waarde),
        default=None,
        output_field=DecimalField(),
    )


def tel_per(cellen_qs: QuerySet, groep: str) -> dict:
    """Counts per status for each value of `groep` (say `indicator__dossier`), in one query.

    Grouped by status rather than one filtered count per status: the status is computed once
    per cell, not once per status.
    """
    tellingen: dict = {}
    rijen = cellen_qs.order_by().values_list(groep, "status").annotate(n=Count("pk"))
    for waarde, status, aantal in rijen:
        tellingen.setdefault(waarde, dict.fromkeys(Status, 0))[Status(status)] = aantal
    return tellingen
