"""The status of an intended result: a range or target met, a milestone reached, an effect."""

from decimal import Decimal

from core.status import Status, bepaal_status

from .models import BeoogdResultaat


def resultaat_status(resultaat: BeoogdResultaat, realisaties: dict[int, Decimal]) -> Status:
    """`realisaties` holds the realised value per year of the result's indicator.

    A result "per jaar" is judged on its latest year; one for the whole term on the sum.
    """
    soort = BeoogdResultaat.Soort
    if resultaat.soort == soort.MIJLPAAL:
        return Status.OP_SCHEMA if resultaat.bereikt_op else Status.GEEN_REALISATIE
    if not realisaties:
        return Status.GEEN_REALISATIE
    if resultaat.per_jaar:
        gerealiseerd = realisaties[max(realisaties)]
    else:
        gerealiseerd = sum(realisaties.values(), Decimal(0))
    if resultaat.soort == soort.EFFECT:
        return _effect_status(resultaat, gerealiseerd)
    if resultaat.minimum is not None or resultaat.maximum is not None:
        binnen = (resultaat.minimum is None or gerealiseerd >= resultaat.minimum) and (
            resultaat.maximum is None or gerealiseerd <= resultaat.maximum
        )
        return Status.OP_SCHEMA if binnen else Status.NORM_NIET_GEHAALD
    return bepaal_status(plan=resultaat.streefwaarde, realisatie=gerealiseerd)


def _effect_status(resultaat: BeoogdResultaat, gemeten: Decimal) -> Status:
    """Closer to the reference than the baseline was is progress ("voor")."""
    if resultaat.referentiewaarde is None or resultaat.nulmeting is None:
        return Status.GEEN_PLAN
    afstand_nu = abs(resultaat.referentiewaarde - gemeten)
    afstand_start = abs(resultaat.referentiewaarde - resultaat.nulmeting)
    if afstand_nu < afstand_start:
        return Status.VOOR
    return Status.OP_SCHEMA if afstand_nu == afstand_start else Status.ACHTER
