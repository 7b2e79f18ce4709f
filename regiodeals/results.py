"""The status of an intended result: a range or target met, a milestone reached, an effect."""

from collections import defaultdict
from decimal import Decimal

from core.status import Status, bepaal_status

from .models import BeoogdResultaat


def resultaat_status(resultaat: BeoogdResultaat, realisaties: dict[int, Decimal]) -> Status:
    """`realisaties` holds the realised value per year of the result's indicator."""
    soort = BeoogdResultaat.Soort
    if resultaat.soort == soort.MIJLPAAL:
        return Status.OP_SCHEMA if resultaat.bereikt_op else Status.GEEN_REALISATIE
    gerealiseerd = gerealiseerde_waarde(resultaat, realisaties)
    if gerealiseerd is None:
        return Status.GEEN_REALISATIE
    if resultaat.soort == soort.EFFECT:
        return _effect_status(resultaat, gerealiseerd)
    if resultaat.minimum is not None or resultaat.maximum is not None:
        binnen = (resultaat.minimum is None or gerealiseerd >= resultaat.minimum) and (
            resultaat.maximum is None or gerealiseerd <= resultaat.maximum
        )
        return Status.OP_SCHEMA if binnen else Status.NORM_NIET_GEHAALD
    return bepaal_status(plan=resultaat.streefwaarde, realisatie=gerealiseerd)


def gerealiseerde_waarde(resultaat: BeoogdResultaat, realisaties: dict[int, Decimal]):
    """The value a result is judged on: its latest year, or the sum over the term."""
    if not realisaties:
        return None
    if resultaat.per_jaar:
        return realisaties[max(realisaties)]
    return sum(realisaties.values(), Decimal(0))


def realisaties_van(deal, waarden) -> dict[int, dict[int, Decimal]]:
    """Realised values per result indicator and year, in one query over visible figures."""
    per_indicator: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for indicator_id, jaar, waarde in (
        waarden.filter(
            indicator__beoogd_resultaat__regiodeal=deal,
            soort="realisatie",
            organisatie__isnull=True,
        )
        .order_by()
        .values_list("indicator_id", "jaar", "waarde")
    ):
        per_indicator[indicator_id][jaar] = waarde
    return per_indicator


def _effect_status(resultaat: BeoogdResultaat, gemeten: Decimal) -> Status:
    """Closer to the reference than the baseline was is progress ("voor")."""
    if resultaat.referentiewaarde is None or resultaat.nulmeting is None:
        return Status.GEEN_PLAN
    afstand_nu = abs(resultaat.referentiewaarde - gemeten)
    afstand_start = abs(resultaat.referentiewaarde - resultaat.nulmeting)
    if afstand_nu < afstand_start:
        return Status.VOOR
    return Status.OP_SCHEMA if afstand_nu == afstand_start else Status.ACHTER
