"""The status of a realised figure against its plan, or against the share of a term target due
by its year (`core.cellen`); thresholds in docs/architecture.md."""

from decimal import Decimal

from django.db import models

MARGE_OP_SCHEMA = Decimal("0.15")


class Status(models.TextChoices):
    OP_SCHEMA = "op_schema", "op schema"
    ACHTER = "achter", "achter"
    VOOR = "voor", "voor"
    # Only a term target judges these, once its last year is reached (core.voortgang's rule).
    GEHAALD = "gehaald", "gehaald"
    NIET_GEHAALD = "niet_gehaald", "niet gehaald"
    NORM_NIET_GEHAALD = "norm_niet_gehaald", "norm niet gehaald"
    GEEN_REALISATIE = "geen_realisatie", "geen realisatie"
    GEEN_PLAN = "geen_plan", "geen plan"

    @property
    def css(self) -> str:
        return self.value.replace("_", "-")


# Stored where a figure is no cell for a kind of reader (core.cellen).
GEEN_CEL = "-"
# Stored in `Waarde.status_openbaar` where a reader of submitted figures does not see the
# figure at all: it is not submitted (core.cellen, core.rules.visible_waarden_q).
ONZICHTBAAR = "x"
# What `status_openbaar` holds for a figure that reader sees; "" (not yet computed) is not
# among them, so a figure whose status is missing stays hidden rather than shown.
OPENBAAR_ZICHTBAAR = (*Status.values, GEEN_CEL)


def bepaal_status(
    *,
    plan: Decimal | None,
    realisatie: Decimal | None,
    lager_is_beter: bool = False,
    norm_gehaald: bool = True,
) -> Status:
    """Direction-aware: within 15 % of the plan is on schedule, beyond that ahead or behind.

    A violated norm outweighs the plan; without a plan only the norms can judge a figure.
    """
    if realisatie is None:
        return Status.GEEN_REALISATIE
    if not norm_gehaald:
        return Status.NORM_NIET_GEHAALD
    if plan is None:
        return Status.GEEN_PLAN
    verschil = realisatie - plan
    if lager_is_beter:
        verschil = -verschil
    if abs(verschil) <= abs(plan) * MARGE_OP_SCHEMA:
        return Status.OP_SCHEMA
    return Status.VOOR if verschil > 0 else Status.ACHTER


def status_expressie(
    *, plan, realisatie, lager_is_beter, norm_niet_gehaald, zonder_plan=None
) -> models.Case:
    """`bepaal_status` as one database expression, so lists can filter and count by status.

    The arguments are expressions (`lager_is_beter` and `norm_niet_gehaald` boolean ones);
    tests/core/test_status.py proves both give the same answer. The margin is compared as
    `|r - p| * 100 <= |p| * 15`, in whole numbers, so SQLite's floats cannot tip it.
    `zonder_plan` is the status where there is no plan (default: geen plan); `core.cellen`
    judges such a figure against its item's term target there.
    """
    from django.db.models import Q, Value
    from django.db.models.functions import Abs
    from django.db.models.lookups import GreaterThan, IsNull, LessThan, LessThanOrEqual

    def status(waarde: Status) -> Value:
        return Value(waarde.value)

    def getal(n: int) -> Value:
        return Value(Decimal(n), output_field=models.DecimalField())

    binnen_marge = LessThanOrEqual(
        Abs(realisatie - plan) * getal(100), Abs(plan) * getal(int(MARGE_OP_SCHEMA * 100))
    )
    vooruit = (Q(lager_is_beter) & Q(LessThan(realisatie, plan))) | (
        ~Q(lager_is_beter) & Q(GreaterThan(realisatie, plan))
    )
    return models.Case(
        models.When(IsNull(realisatie, True), then=status(Status.GEEN_REALISATIE)),
        models.When(norm_niet_gehaald, then=status(Status.NORM_NIET_GEHAALD)),
        models.When(
            IsNull(plan, True),
            then=status(Status.GEEN_PLAN) if zonder_plan is None else zonder_plan,
        ),
        models.When(binnen_marge, then=status(Status.OP_SCHEMA)),
        models.When(vooruit, then=status(Status.VOOR)),
        default=status(Status.ACHTER),
        output_field=models.CharField(max_length=20),
    )


class Termijnstatus(models.Expression):
    """A term target's status as one database expression (`core.voortgang`'s rule for a target
    "over de looptijd"; `core.cellen` uses it), from five numbers: realised to date (empty:
    geen realisatie), the target, its span in years, the years elapsed by the figure's year
    (at most the span), and -1 where lower is better, else 1.

    Before the target's last year the realisation is held against the share due, `waarde ×
    verstreken / looptijd`, multiplied by `looptijd` so that nothing is divided or rounded,
    with MARGE_OP_SCHEMA: op schema, voor or achter. From its last year: gehaald or niet
    gehaald. tests/core/test_status.py proves it agrees with `core.voortgang`.

    A class rather than a `Case`: Django copies an expression each time another names it,
    and resolves every copy again at each level of nested subqueries. Here each number is
    compiled once and its SQL repeated.
    """

    output_field = models.CharField(max_length=20)
    NAMEN = ("gerealiseerd", "waarde", "looptijd", "verstreken", "teken")
    SJABLOON = (
        "CASE WHEN {gerealiseerd} IS NULL THEN %s"
        " WHEN {verstreken} = {looptijd} THEN"
        " CASE WHEN {teken} * ({gerealiseerd} - {waarde}) >= 0 THEN %s ELSE %s END"
        " WHEN ABS({gerealiseerd} * {looptijd} - {waarde} * {verstreken}) * 100"
        " <= ABS({waarde} * {verstreken}) * %s THEN %s"
        " WHEN {teken} * ({gerealiseerd} * {looptijd} - {waarde} * {verstreken}) > 0 THEN %s"
        " ELSE %s END"
    )
    WAARDEN = (
        Status.GEEN_REALISATIE.value,
        Status.GEHAALD.value,
        Status.NIET_GEHAALD.value,
        int(MARGE_OP_SCHEMA * 100),
        Status.OP_SCHEMA.value,
        Status.VOOR.value,
        Status.ACHTER.value,
    )

    def __init__(self, gerealiseerd, waarde, looptijd, verstreken, teken):
        super().__init__()
        self.bronnen = [gerealiseerd, waarde, looptijd, verstreken, teken]

    def get_source_expressions(self):
        return self.bronnen

    def set_source_expressions(self, exprs):
        self.bronnen = list(exprs)

    def as_sql(self, compiler, connection):
        import re

        delen = dict(zip(self.NAMEN, map(compiler.compile, self.bronnen), strict=True))
        waarden = iter(self.WAARDEN)
        sql, params = [], []
        for stuk in re.split(r"(\{\w+\}|%s)", self.SJABLOON):
            if stuk == "%s":
                sql.append(stuk)
                params.append(next(waarden))
            elif stuk.startswith("{"):
                deel_sql, deel_params = delen[stuk[1:-1]]
                sql.append(f"({deel_sql})")
                params.extend(deel_params)
            else:
                sql.append(stuk)
        return "".join(sql), params
