"""What the three builders share: batches, rounding, a realisation around a plan."""

from decimal import Decimal

from core.models import Dossier, Jaaropgave

from ..schrijver import maak
from ..stand import EIND_JAAR

BATCH = 50
MILJOEN = Decimal(1_000_000)
WAARDE_VELDEN = ["indicator_id", "jaar", "soort", "organisatie_id", "locatie_id", "waarde"]
OPGAVE_VELDEN = ["dossier_id", "organisatie_id", "jaar", "soort", "status"]


def maak_dossiers(soort: str, rijen: list[dict]) -> list[Dossier]:
    return maak(Dossier, [Dossier(soort=soort, **rij) for rij in rijen])


def batches(aantal: int):
    for begin in range(0, aantal, BATCH):
        yield range(begin, min(begin + BATCH, aantal))


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
