"""Figure cells: an item's plan and realisation for one year and one organisation or location,
side by side, with the status computed in the database.

The figures view filters, sorts and pages on these cells; the start page and the dashboards
count statuses with them. Each cell is one `Waarde` row (the plan, or the realisation where no
plan is visible) annotated with `plan`, `realisatie` and `status`, so a paginator's count stays
a count of one table, and the counts per status are one grouped query.
"""

from decimal import Decimal

from django.db.models import (
    BigIntegerField,
    Case,
    Count,
    DecimalField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, NullIf, Round

from .models import Norm, Soort, Waarde
from .status import Status, status_expressie


def _zelfde_plek(diepte: int = 1) -> dict:
    """Lookups matching the outer figure's item, year and organisation or location.

    Organisation and location may be empty; comparing them through Coalesce makes
    "both empty" a match, which a plain `=` in SQL never is.
    """

    def buiten(naam: str):
        ref = OuterRef(naam)
        for _ in range(diepte - 1):
            ref = OuterRef(ref)
        return ref

    return {
        "_organisatie": Coalesce(
            buiten("organisatie_id"), Value(0), output_field=BigIntegerField()
        ),
        "_locatie": Coalesce(buiten("locatie_id"), Value(0), output_field=BigIntegerField()),
        "jaar": buiten("jaar"),
    }


def _met_plek(waarden: QuerySet) -> QuerySet:
    return waarden.annotate(
        _organisatie=Coalesce("organisatie_id", Value(0), output_field=BigIntegerField()),
        _locatie=Coalesce("locatie_id", Value(0), output_field=BigIntegerField()),
    )


def _tegenhanger(zichtbaar: QuerySet, soort: str) -> QuerySet:
    """The figure of the other kind (plan or realisatie) in the same place."""
    return _met_plek(zichtbaar).filter(
        indicator=OuterRef("indicator"), soort=soort, **_zelfde_plek()
    )


def _geschonden_norm(zichtbaar: QuerySet) -> QuerySet:
    """The item's norms that the realised figure breaks (core.checks' rule 2, in SQL)."""
    geheel = _met_plek(zichtbaar).filter(
        indicator=OuterRef("ten_opzichte_van"), soort=Soort.REALISATIE, **_zelfde_plek(2)
    )
    honderd = Value(Decimal(100), output_field=DecimalField())
    nul = Value(Decimal(0), output_field=DecimalField())
    gemeten = Round(
        OuterRef("realisatie") * honderd / NullIf(Subquery(geheel.values("waarde")[:1]), nul),
        2,
        output_field=DecimalField(),
    )
    absoluut = Q(soort=Norm.Soort.ABSOLUUT) & (
        Q(ondergrens__gt=OuterRef("realisatie")) | Q(bovengrens__lt=OuterRef("realisatie"))
    )
    aandeel = Q(soort=Norm.Soort.AANDEEL) & (
        Q(ondergrens__gt=F("_gemeten")) | Q(bovengrens__lt=F("_gemeten"))
    )
    return (
        Norm.objects.filter(indicator=OuterRef("indicator"))
        .annotate(_gemeten=gemeten)
        .filter(absoluut | aandeel)
    )


def cellen(user) -> QuerySet:
    """Every cell this user may see, one row each, with `plan`, `realisatie` and `status`."""
    zichtbaar = Waarde.objects.visible_to(user)
    tegen_plan = _tegenhanger(zichtbaar, Soort.PLAN)
    tegen_realisatie = _tegenhanger(zichtbaar, Soort.REALISATIE)
    return (
        zichtbaar.filter(Q(soort=Soort.PLAN) | ~Exists(tegen_plan))
        .annotate(
            plan=_eigen(Soort.PLAN),
            realisatie=Coalesce(
                _eigen(Soort.REALISATIE), Subquery(tegen_realisatie.values("waarde")[:1])
            ),
        )
        .annotate(norm_niet_gehaald=Exists(_geschonden_norm(zichtbaar)))
        .annotate(
            status=status_expressie(
                plan=F("plan"),
                realisatie=F("realisatie"),
                lager_is_beter=Q(indicator__richting="lager"),
                norm_niet_gehaald=Q(norm_niet_gehaald=True),
            )
        )
    )


def _eigen(soort: str):
    """The row's own value when it is of this kind, else nothing."""
    return Case(When(soort=soort, then=F("waarde")), default=None)


def tel_per(cellen_qs: QuerySet, groep: str) -> dict:
    """Counts per status for each value of `groep` (say `indicator__dossier`), in one query."""
    tellingen = (
        cellen_qs.order_by()
        .values(groep)
        .annotate(**{s.value: Count("pk", filter=Q(status=s.value)) for s in Status})
    )
    return {rij[groep]: {s: rij[s.value] for s in Status} for rij in tellingen}
