"""Setting up a dossier: create it in opbouw with its penvoerder as a party, save a step,
publish it."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.forms import BaseModelFormSet
from django.utils import timezone

from afspraken.models import Afspraak
from core.models import Dossier, Partij, User
from core.rules import is_beheerder
from projecten.models import Project
from regiodeals.models import Regiodeal

MODELLEN: dict[str, type[Dossier]] = {
    Dossier.Soort.AFSPRAAK: Afspraak,
    Dossier.Soort.REGIODEAL: Regiodeal,
    Dossier.Soort.PROJECT: Project,
}
# The penvoerder's place among the parties, as the source documents have it.
PENVOERDER_ALS = {
    Dossier.Soort.AFSPRAAK: (Partij.Rol.PARTIJ, ""),
    Dossier.Soort.REGIODEAL: (Partij.Rol.PARTIJ, "regiokassier"),
    Dossier.Soort.PROJECT: (Partij.Rol.AANVRAGER, "penvoerder"),
}


def als_soort(dossier: Dossier) -> Dossier:
    """The agreement, deal or project that `dossier` is, with its own fields; a bare dossier
    (made in a test or the admin) as it is."""
    return MODELLEN[dossier.soort].objects.filter(pk=dossier.pk).first() or dossier


@transaction.atomic
def maak_dossier(*, soort: str, gegevens: dict, door: User) -> Dossier:
    """A new dossier in opbouw. A coördinator's own organisation is its penvoerder, so they
    keep access; a beheerder names one in `gegevens["penvoerder"]`."""
    if not door.has_perm("core.add_dossier"):
        raise PermissionDenied("Alleen een coördinator of beheerder richt een dossier in.")
    penvoerder = gegevens.get("penvoerder") if is_beheerder(door) else door.organisatie
    if penvoerder is None:
        raise ValidationError("Kies de penvoerder.", code="geen_penvoerder")
    velden = {naam: waarde for naam, waarde in gegevens.items() if naam != "penvoerder"}
    dossier = MODELLEN[soort](**velden, soort=soort, penvoerder=penvoerder, in_opbouw=True)
    dossier.full_clean(exclude=["slug"])
    dossier.save()
    rol, omschrijving = PENVOERDER_ALS[soort]
    dossier.partijen.create(organisatie=penvoerder, rol=rol, omschrijving=omschrijving)
    return dossier


@transaction.atomic
def bewaar_stap(*, formset: BaseModelFormSet) -> None:
    """Save a step's rows (parties, parts, locations) all together, or none."""
    formset.save()


@transaction.atomic
def stel_vast(*, dossier: Dossier, door: User) -> Dossier:
    """Publish `dossier`: its parties see it and may enter figures from now on."""
    if not door.has_perm("core.change_dossier", dossier):
        raise PermissionDenied("Alleen de coördinator of een beheerder stelt een dossier vast.")
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    if not dossier.in_opbouw:
        raise ValidationError(
            "Dit dossier is al vastgesteld op %(datum)s.",
            code="al_vastgesteld",
            params={"datum": _datum(dossier.vastgesteld_op)},
        )
    ontbreekt = []
    if not dossier.partijen.exists():
        ontbreekt.append("minstens één partij")
    if not dossier.indicatoren.exists():
        ontbreekt.append("minstens één item")
    if ontbreekt:
        raise ValidationError(
            "Nog niet vastgesteld: het dossier heeft %(wat)s nodig.",
            code="onvolledig",
            params={"wat": " en ".join(ontbreekt)},
        )
    dossier.in_opbouw = False
    dossier.vastgesteld_op = timezone.now()
    dossier.save(update_fields=["in_opbouw", "vastgesteld_op"])
    return dossier


def _datum(moment) -> str:
    return f"{timezone.localtime(moment):%d-%m-%Y}" if moment else "een onbekende datum"
