"""Workflows of agreements: applying an amendment."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.doeltekst import als_gegevens
from core.models import Streefdoel, User

from .models import Afspraakpunt, Wijziging, Wijzigingsregel

Regel = Wijzigingsregel.Soort
Status = Afspraakpunt.Status


@transaction.atomic
def pas_wijziging_toe(*, wijziging: Wijziging, door: User | None) -> Wijziging:
    """Apply every change of an amendment, or none; record the old values beside the new.

    Nothing is deleted: a dropped item keeps its text and gets status vervallen; a moved
    target keeps its old value and year on the change.
    """
    wijziging = Wijziging.objects.select_for_update().get(pk=wijziging.pk)
    if wijziging.is_toegepast:
        raise ValidationError("Deze wijziging is al verwerkt.", code="al_verwerkt")
    for regel in wijziging.regels.all():
        regel.full_clean()
        _pas_regel_toe(regel, wijziging)
    wijziging.toegepast_op = timezone.now()
    wijziging.toegepast_door = door
    wijziging.save(update_fields=["toegepast_op", "toegepast_door"])
    return wijziging


def _pas_regel_toe(regel: Wijzigingsregel, wijziging: Wijziging) -> None:
    if regel.soort == Regel.TOEGEVOEGD:
        if regel.onderdeel.dossier_id != wijziging.afspraak_id:
            raise ValidationError(
                "Het thema van ‘%(titel)s’ hoort bij een andere afspraak.",
                code="ander_dossier",
                params={"titel": regel.titel},
            )
        punt = Afspraakpunt(
            afspraak=wijziging.afspraak,
            onderdeel=regel.onderdeel,
            soort=regel.nieuw_punt_soort,
            titel=regel.titel,
            tekst=regel.tekst,
            streefdoel=_nieuw_streefdoel(regel, wijziging),
            toegevoegd_bij=wijziging,
            volgorde=10_000 + regel.volgorde,
        )
        punt.full_clean()
        punt.save()
        regel.afspraakpunt = punt
        regel.save(update_fields=["afspraakpunt"])
        return

    # Re-read and lock: an earlier change of this same amendment may have closed the item.
    punt = Afspraakpunt.objects.select_for_update().get(pk=regel.afspraakpunt_id)
    if punt.afspraak_id != wijziging.afspraak_id:
        raise ValidationError(
            "‘%(punt)s’ hoort niet bij deze afspraak.", code="ander_dossier", params={"punt": punt}
        )
    if punt.status in (Status.VERVALLEN, Status.AFGEROND):
        raise ValidationError(
            "‘%(punt)s’ is al %(status)s en kan niet meer wijzigen.",
            code="punt_gesloten",
            params={"punt": punt, "status": punt.get_status_display()},
        )
    regel.oude_status = punt.status
    doel = punt.streefdoel
    if doel is not None:
        regel.oud_streefdoel = als_gegevens(doel)
    if regel.soort == Regel.STREEFWAARDE:
        if doel is None:
            doel = punt.streefdoel = _nieuw_streefdoel(regel, wijziging)
        else:
            _wijzig_streefdoel(doel, regel)
        punt.status = Status.GEWIJZIGD
    elif regel.soort in (Regel.VERVALLEN, Regel.INDICATOR_VERVALLEN):
        punt.status = Status.VERVALLEN
        if doel is not None:
            doel.vervallen = True
            doel.save(update_fields=["vervallen"])
    elif regel.soort == Regel.AFGEROND:
        punt.status = Status.AFGEROND
        if doel is not None and doel.soort == Streefdoel.Soort.MIJLPAAL and not doel.bereikt_op:
            doel.bereikt_op = wijziging.datum
            doel.save(update_fields=["bereikt_op"])
    punt.full_clean()
    punt.save(update_fields=["status", "streefdoel"])
    regel.save(update_fields=["oude_status", "oud_streefdoel"])


def _wijzig_streefdoel(doel: Streefdoel, regel: Wijzigingsregel) -> None:
    for veld, waarde in regel.nieuwe_waarden().items():
        setattr(doel, veld, waarde)
    doel.full_clean()
    doel.save()


def _nieuw_streefdoel(regel: Wijzigingsregel, wijziging: Wijziging) -> Streefdoel | None:
    """A target where an amendment gives one to an item that had none: a milestone when it
    gives only a date, a range when it gives bounds, otherwise a level by a year."""
    nieuw = regel.nieuwe_waarden()
    if not nieuw:
        return None
    if set(nieuw) == {"deadline"}:
        soort = Streefdoel.Soort.MIJLPAAL
    elif "minimum" in nieuw or "maximum" in nieuw:
        soort = Streefdoel.Soort.BANDBREEDTE
    else:
        soort = Streefdoel.Soort.EFFECT
    doel = Streefdoel(dossier_id=wijziging.afspraak_id, soort=soort, **nieuw)
    doel.full_clean()
    doel.save()
    return doel
