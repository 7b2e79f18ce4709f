"""Workflows of agreements: applying an amendment."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.models import User

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
            streefwaarde=regel.nieuwe_streefwaarde,
            streefjaar=regel.nieuw_streefjaar,
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
    regel.oude_streefwaarde = punt.streefwaarde
    regel.oud_streefjaar = punt.streefjaar
    if regel.soort == Regel.STREEFWAARDE:
        if regel.nieuwe_streefwaarde is not None:
            punt.streefwaarde = regel.nieuwe_streefwaarde
        punt.streefjaar = regel.nieuw_streefjaar
        punt.status = Status.GEWIJZIGD
    elif regel.soort in (Regel.VERVALLEN, Regel.INDICATOR_VERVALLEN):
        punt.status = Status.VERVALLEN
    elif regel.soort == Regel.AFGEROND:
        punt.status = Status.AFGEROND
    punt.full_clean()
    punt.save(update_fields=["status", "streefwaarde", "streefjaar"])
    regel.save(update_fields=["oude_status", "oude_streefwaarde", "oud_streefjaar"])
