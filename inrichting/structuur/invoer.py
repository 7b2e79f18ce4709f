"""Importing a structure workbook: the preview (made and rolled back) and the confirmation,
with who may make or replace which dossier (docs/import.md)."""

from dataclasses import dataclass

from django.db import transaction

from core.models import Dossier, User
from core.rules import is_beheerder

from .gegevens import Fout, Structuur, StructuurFouten
from .services import maak
from .werkboek import lees_werkboek


class _Proef(Exception):
    """Raised inside the preview's transaction to roll it back."""


@dataclass
class Voorbeeld:
    structuur: Structuur | None
    fouten: list[Fout]
    bestaand: Dossier | None = None

    @property
    def titel(self) -> str:
        return (self.structuur.dossier.get("titel") or "") if self.structuur else ""

    @property
    def aantallen(self) -> list[tuple[str, int]]:
        return list(self.structuur.aantallen().items()) if self.structuur else []


def _voorbereid(*, naam: str, inhoud: bytes, door: User) -> Voorbeeld:
    structuur, fouten = lees_werkboek(naam, inhoud)
    voorbeeld = Voorbeeld(structuur, fouten)
    if fouten:
        return voorbeeld
    rijen = structuur.dossier.get("_rijen", {})
    slug = structuur.dossier.get("slug")
    bestaand = Dossier.objects.filter(slug=slug).first() if slug else None
    if bestaand is not None:
        plaats = rijen.get("slug", 0)
        if not bestaand.in_opbouw:
            fouten.append(
                Fout(
                    "Dossier",
                    plaats,
                    f"‘{bestaand.naam}’ is vastgesteld: wijzig "
                    "een vastgesteld dossier via een wijziging, niet met een import.",
                )
            )
        elif not door.has_perm("core.change_dossier", bestaand):
            fouten.append(Fout("Dossier", plaats, "u mag het dossier met deze slug niet wijzigen."))
        voorbeeld.bestaand = bestaand
    penvoerder = structuur.dossier.get("penvoerder")
    eigen = door.organisatie.slug if door.organisatie else None
    if not is_beheerder(door) and penvoerder != eigen:
        fouten.append(
            Fout(
                "Dossier",
                rijen.get("penvoerder", 0),
                "penvoerder: als coördinator maakt u alleen dossiers van uw eigen organisatie"
                + (f" ({eigen})." if eigen else "."),
            )
        )
    return voorbeeld


def bekijk_werkboek(*, naam: str, inhoud: bytes, door: User) -> Voorbeeld:
    """What importing the workbook would do: it is made and rolled back, so the preview
    finds exactly the errors the confirmation would."""
    voorbeeld = _voorbereid(naam=naam, inhoud=inhoud, door=door)
    if voorbeeld.fouten:
        return voorbeeld
    try:
        with transaction.atomic():
            maak(voorbeeld.structuur, door=door, bestaand=voorbeeld.bestaand)
            raise _Proef
    except _Proef:
        pass
    except StructuurFouten as error:
        voorbeeld.fouten.extend(error.fouten)
    return voorbeeld


def importeer_werkboek(*, naam: str, inhoud: bytes, door: User) -> Dossier:
    voorbeeld = _voorbereid(naam=naam, inhoud=inhoud, door=door)
    if voorbeeld.fouten:
        raise StructuurFouten(voorbeeld.fouten)
    return maak(voorbeeld.structuur, door=door, bestaand=voorbeeld.bestaand)
