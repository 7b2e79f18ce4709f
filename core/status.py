"""The status of a realised figure against its plan; thresholds in docs/architecture.md."""

from decimal import Decimal

from django.db import models

MARGE_OP_SCHEMA = Decimal("0.15")


class Status(models.TextChoices):
    OP_SCHEMA = "op_schema", "op schema"
    ACHTER = "achter", "achter"
    VOOR = "voor", "voor"
    NORM_NIET_GEHAALD = "norm_niet_gehaald", "norm niet gehaald"
    GEEN_REALISATIE = "geen_realisatie", "geen realisatie"
    GEEN_PLAN = "geen_plan", "geen plan"

    @property
    def css(self) -> str:
        return self.value.replace("_", "-")


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
