"""The report of a tranche: one overview of its deals, as its web page shows them."""

from decimal import Decimal

from django.db.models import Sum

from regiodeals.finance import rijksbijdrage_verschuldigd, toets_tranche
from regiodeals.models import Kosten

from .models import Rapport
from .opbouw import Hoofdstuk, Inhoud


def tranche_inhoud(rapport: Rapport) -> Inhoud:
    tranche = rapport.tranche
    deals = list(tranche.deals.order_by("landsdeel", "volgnummer"))
    kosten = {
        r["post__regiodeal"]: r["totaal"]
        for r in Kosten.objects.filter(post__regiodeal__in=deals, jaar__lte=rapport.jaar)
        .values("post__regiodeal")
        .annotate(totaal=Sum("bedrag"))
        .order_by()
    }
    regels = [
        (
            deal,
            kosten.get(deal.pk, Decimal(0)),
            rijksbijdrage_verschuldigd(
                kosten.get(deal.pk, Decimal(0)), deal.maximale_rijksbijdrage or 0
            ),
        )
        for deal in deals
    ]
    inhoud = Inhoud(
        rapport,
        context={
            "tranche": tranche,
            "jaar": rapport.jaar,
            "deals": regels,
            "totaal": sum((d.maximale_rijksbijdrage or 0 for d in deals), Decimal(0)),
            "tranche_bevindingen": toets_tranche(tranche, deals),
        },
    )
    inhoud.hoofdstukken += [
        Hoofdstuk("De deals van de tranche", "tranche_deals", "deals"),
        Hoofdstuk("Bevindingen", "bevindingen", "bevindingen"),
    ]
    return inhoud
