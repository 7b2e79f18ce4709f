"""Setting up a tranche with its deals: one transaction, the deals in opbouw."""

from django.db import transaction

from core.models import Organisatie, Partij
from regiodeals.models import Regiodeal, Tranche

REGIOKASSIER_ONBEKEND = "regiokassier-nog-onbekend"


def regiokassier_onbekend() -> Organisatie:
    """The stand-in penvoerder of a deal whose regiokassier is not known yet: an organisation
    without users, so nobody but a beheerder coordinates (or sees) the deal in opbouw."""
    organisatie, _ = Organisatie.objects.get_or_create(
        slug=REGIOKASSIER_ONBEKEND,
        defaults={"naam": "Regiokassier nog onbekend", "soort": Organisatie.Soort.OVERIG},
    )
    return organisatie


@transaction.atomic
def sla_tranche_op(
    *, tranche: Tranche, deals: list[tuple[Regiodeal, Organisatie | None]]
) -> Tranche:
    """Save the tranche and its deals in the order given (volgnummer 1, 2, …). A new deal
    starts in opbouw; its regiokassier, once known, is its penvoerder and a party."""
    tranche.full_clean()
    tranche.save()
    for volgnummer, (deal, kassier) in enumerate(deals, start=1):
        if deal.pk is None:
            deal.in_opbouw = True
        deal.tranche, deal.volgnummer = tranche, volgnummer
        deal.penvoerder = kassier or regiokassier_onbekend()
        deal.soort = Regiodeal.dossier_soort
        deal.full_clean()
        deal.save()
        if kassier:
            Partij.objects.get_or_create(
                dossier=deal,
                organisatie=kassier,
                rol=Partij.Rol.AANVRAGER,
                defaults={"omschrijving": "regiokassier"},
            )
    return tranche
