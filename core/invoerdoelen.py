"""What each row of an entry grid counts toward: the year's plan when a realisation is
entered, and the targets on its item (`Streefdoel`), a term target with what is realised so
far by the one progress rule (`core.voortgang`). Three queries, whatever the grid's size."""

from .doeltekst import doel_tekst
from .models import Organisatie, Soort, Streefdoel, Waarde
from .services import Invoerplek, Plek, bestaande_waarden
from .voortgang import Reeks, bepaal_voortgang, formatteer, reeksen

SOORTEN = [Streefdoel.Soort.PER_JAAR, Streefdoel.Soort.LOOPTIJD, Streefdoel.Soort.BANDBREEDTE]


def doelen_bij(
    dossier, organisatie: Organisatie, plekken: list[Invoerplek], *, user, jaar: int, soort: str
) -> dict[Plek, list[str]]:
    """Per grid cell, short Dutch texts: "plan 2026: 200", "doel 800 over 2025–2028, tot nu
    toe 410". A target's years past the dossier's term are shown as context only."""
    teksten: dict[Plek, list[str]] = {plek.sleutel: [] for plek in plekken}
    if not plekken:
        return teksten
    if soort == Soort.REALISATIE:
        plannen = bestaande_waarden(dossier, organisatie, jaar, Soort.PLAN)
        for plek in plekken:
            plan = plannen.get(plek.sleutel)
            if plan is not None:
                eenheid = plek.indicator.eenheid
                teksten[plek.sleutel].append(f"plan {jaar}: {formatteer(plan.waarde, eenheid)}")
    doelen = list(
        Streefdoel.objects.filter(
            dossier=dossier,
            indicator__in={plek.indicator.pk for plek in plekken},
            soort__in=SOORTEN,
            vervallen=False,
        )
        .select_related("indicator")
        .order_by("volgorde", "pk")
    )
    for doel in doelen:
        doel.dossier = dossier
    opgeteld = [doel for doel in doelen if doel.is_opgeteld]
    per_reeks = reeksen(Waarde.objects.visible_to(user, [dossier.pk]), opgeteld) if opgeteld else {}
    for plek in plekken:
        for doel in doelen:
            if _telt_mee(doel, plek, jaar):
                reeks = per_reeks.get((doel.indicator_id, doel.organisatie_id), Reeks())
                teksten[plek.sleutel].append(_tekst(doel, reeks))
    return teksten


def _telt_mee(doel: Streefdoel, plek: Invoerplek, jaar: int) -> bool:
    """The cell's figure counts toward the target: same item, the target is the whole item's
    or this organisation's, and (per year) the target holds in this year."""
    if doel.indicator_id != plek.indicator.pk:
        return False
    if doel.soort == Streefdoel.Soort.PER_JAAR and doel.waarde is None:
        return False  # the yearly plan itself: shown as the plan
    if doel.organisatie_id is not None and (
        plek.organisatie is None or doel.organisatie_id != plek.organisatie.pk
    ):
        return False
    return doel.is_opgeteld or not doel.jaren or jaar in doel.jaren


def _tekst(doel: Streefdoel, reeks: Reeks) -> str:
    wie = f" van {doel.organisatie}" if doel.organisatie_id else ""
    tekst = f"doel{wie} {doel_tekst(doel)}"
    if doel.voorbij_looptijd:
        tekst += f" (loopt door na {doel.dossier.eindjaar})"
    if not doel.is_opgeteld:
        return tekst
    # Peiljaar None: everything realised so far, by the shared rule.
    voortgang = bepaal_voortgang(doel, reeks, None)
    if voortgang.gerealiseerd is None:
        return f"{tekst}, nog niets gerealiseerd"
    return f"{tekst}, tot nu toe {formatteer(voortgang.gerealiseerd, doel.eenheid_van)}"
