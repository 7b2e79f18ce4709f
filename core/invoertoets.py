"""The dossier's checks (`core.checks.toets_dossier`) on what one organisation saved in one
grid, with each finding placed beside the rows it concerns: a part larger than its total
beside the part and the total, a sum that does not add up beside the total and its parts."""

from .checks import Bevinding, toets_dossier
from .models import Waarde
from .rules import waarden_van_q
from .services import Invoerplek, Plek


def bevindingen_bij(
    dossier, organisatie, plekken: list[Invoerplek], *, jaar: int, soort: str
) -> tuple[dict[Plek, list[str]], list[Bevinding]]:
    """Per grid cell the findings' texts, and all findings that concern the grid."""
    per_plek: dict[Plek, list[str]] = {plek.sleutel: [] for plek in plekken}
    if not plekken:
        return per_plek, []
    waarden = Waarde.objects.filter(jaar=jaar, soort=soort).filter(waarden_van_q(organisatie.pk))
    toetsing = toets_dossier(dossier, waarden)
    gevonden = []
    for bevinding in toetsing.bevindingen:
        betrokken = [p for p in plekken if _betreft(bevinding, p, plekken)]
        for plek in betrokken:
            per_plek[plek.sleutel].append(bevinding.wat)
        if betrokken:
            gevonden.append(bevinding)
    return per_plek, gevonden


def _wie(plek: Invoerplek) -> str | None:
    """A cell as the checks name it (`toets_dossiers`): its organisation or location."""
    if plek.organisatie is not None:
        return plek.organisatie.naam
    return plek.locatie.naam if plek.locatie is not None else None


def _betreft(bevinding: Bevinding, plek: Invoerplek, plekken: list[Invoerplek]) -> bool:
    if bevinding.wie is not None and _wie(plek) != bevinding.wie:
        return False
    indicator = plek.indicator
    items = {bevinding.item}
    if bevinding.regel == "waarvan":
        items |= {p.indicator.deel_van_id for p in plekken if p.indicator.pk == bevinding.item}
    elif bevinding.regel == "som_delen":
        items |= {p.indicator.pk for p in plekken if p.indicator.deel_van_id == bevinding.item}
    elif bevinding.regel == "uitsplitsing":
        items |= {
            p.indicator.uitsplitsing_van_id for p in plekken if p.indicator.pk == bevinding.item
        }
    return indicator.pk in items
