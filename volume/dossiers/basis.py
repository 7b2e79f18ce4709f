"""What the three builders share: batches, rounding, a realisation around a plan."""

from decimal import Decimal

from core.models import Dossier, Jaaropgave

from ..schrijver import maak
from ..stand import EIND_JAAR, PREFIX

BATCH = 50
MILJOEN = Decimal(1_000_000)
WAARDE_VELDEN = ["indicator_id", "jaar", "soort", "organisatie_id", "locatie_id", "waarde"]
OPGAVE_VELDEN = ["dossier_id", "organisatie_id", "jaar", "soort", "status"]


def maak_dossiers(soort: str, rijen: list[dict]) -> list[Dossier]:
    return maak(Dossier, [Dossier(soort=soort, **rij) for rij in rijen])


def in_batches(soort: str, aantal: int, maak_batch) -> int:
    """Make `aantal` dossiers of a kind, BATCH at a time, numbered on after those of an earlier
    run: `maak_batch(batch, begin)` makes one batch and returns its number of figures."""
    begin = Dossier.objects.filter(slug__startswith=f"{PREFIX}-{soort}-").count()
    return sum(
        maak_batch(range(van, min(van + BATCH, aantal)), begin) for van in range(0, aantal, BATCH)
    )


def nummer(slug: str) -> int:
    return int(slug.rsplit("-", 1)[1])


def rond(waarde: float, eenheid: str) -> Decimal:
    return Decimal(round(waarde * 100)) / 100 if eenheid == "euro" else Decimal(round(waarde))


def realisatie(rng, plan: Decimal, eenheid: str) -> Decimal:
    return rond(float(plan) * rng.uniform(0.6, 1.4), eenheid)


def opgave_status(jaar: int, soort: str, gerealiseerd: bool) -> str:
    if jaar < EIND_JAAR - 1:
        return Jaaropgave.Status.VASTGESTELD
    if jaar == EIND_JAAR and soort == "realisatie" and not gerealiseerd:
        return Jaaropgave.Status.CONCEPT
    return Jaaropgave.Status.INGEDIEND
