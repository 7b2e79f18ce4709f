"""The report of a tranche: the table of its web page (`regiodeals.tranchetabel`), as the
report's reader sees it, with each deal's realised costs through the report year."""

from regiodeals.tranchetabel import tranchetabel

from .models import Rapport
from .opbouw import Hoofdstuk, Inhoud


def tranche_inhoud(rapport: Rapport, user) -> Inhoud:
    tabel = tranchetabel(rapport.tranche, user, rapport.jaar)
    inhoud = Inhoud(
        rapport,
        context={
            "tranche": rapport.tranche,
            "jaar": rapport.jaar,
            "tranchetabel": tabel,
            "tranche_bevindingen": tabel.bevindingen,
        },
    )
    inhoud.hoofdstukken += [
        Hoofdstuk("De deals van de tranche", "tranche_deals", "deals"),
        Hoofdstuk("Bevindingen", "bevindingen", "bevindingen"),
    ]
    return inhoud
