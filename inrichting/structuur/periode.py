"""‘Nieuwe periode’: a dossier's structure copied into a new dossier in opbouw for the next
period (`lees`, shift, `maak` with `voorganger`), without figures (docs/import.md)."""

import datetime
import re

from django.db import transaction

from afspraken.models import Afspraakpunt
from core.models import Dossier, User
from projecten.models import Project
from regiodeals.models import plus_maanden

from .gegevens import Structuur, lees
from .services import maak


def volgende_periode(dossier: Dossier) -> tuple[datetime.date | None, datetime.date | None]:
    """The period right after this one, of the same length."""
    if not (dossier.startdatum and dossier.einddatum):
        return None, None
    start = dossier.einddatum + datetime.timedelta(days=1)
    maanden = _maanden(dossier.startdatum, start)
    if plus_maanden(dossier.startdatum, maanden) == start:
        return start, plus_maanden(start, maanden) - datetime.timedelta(days=1)
    return start, start + (dossier.einddatum - dossier.startdatum)


def _maanden(van: datetime.date, tot: datetime.date) -> int:
    return (tot.year - van.year) * 12 + tot.month - van.month


def verschuif_jaren(tekst: str, jaren: int) -> str:
    """ "Maastricht 2015" one year on: "Maastricht 2016"."""
    if not jaren:
        return tekst
    return re.sub(r"\b(?:19|20)\d{2}\b", lambda m: str(int(m.group()) + jaren), tekst)


@transaction.atomic
def maak_nieuwe_periode(
    *,
    dossier: Dossier,
    door: User,
    startdatum: datetime.date,
    einddatum: datetime.date,
    titel: str,
    korte_naam: str,
    streefdoelen_overnemen: bool,
) -> Dossier:
    """A copy of `dossier`'s structure for the next period, in opbouw, with `voorganger` set
    and no figures. Targets are carried over with their years shifted, or left out (the
    agreement items and intended results keep their words, without a target)."""
    structuur = lees(dossier)
    maanden = _verschuiving(dossier, startdatum, einddatum)
    jaren = round(maanden / 12)
    structuur.dossier.update(
        titel=titel, korte_naam=korte_naam, slug="", startdatum=startdatum, einddatum=einddatum
    )
    _verschuif_datums(structuur, maanden)
    if structuur.soort == "project":
        structuur.dossier["status"] = Project.Status.AANGEVRAAGD
    if streefdoelen_overnemen:
        _verschuif_streefdoelen(structuur, jaren, maanden)
    else:
        structuur.bladen["Streefdoelen"] = []
    over = {rij["nummer"] for rij in structuur.bladen["Streefdoelen"]}
    structuur.bladen["Afspraakpunten"] = [
        {**rij, "status": Afspraakpunt.Status.LOPEND}
        for rij in structuur.bladen.get("Afspraakpunten", [])
        if rij["status"] != Afspraakpunt.Status.VERVALLEN
    ]
    for blad in ("Afspraakpunten", "Resultaten"):
        for rij in structuur.bladen.get(blad, []):
            if rij["streefdoel"] not in over:
                rij["streefdoel"] = None
    return maak(structuur, door=door, voorganger=dossier)


def _verschuiving(dossier: Dossier, startdatum, einddatum) -> int:
    """How many months the new period lies after the old one: start to start, else (a
    convenant running from its signing) end to end."""
    if dossier.startdatum:
        return _maanden(dossier.startdatum, startdatum)
    if dossier.einddatum:
        return _maanden(dossier.einddatum, einddatum)
    return 0


def _schuif(datum, maanden: int):
    return plus_maanden(datum, maanden) if datum else datum


def _verschuif_datums(structuur: Structuur, maanden: int) -> None:
    if "plandatum" in structuur.dossier:
        structuur.dossier["plandatum"] = _schuif(structuur.dossier["plandatum"], maanden)
    for blad, velden in (
        ("Fasen", ("start", "eind")),
        ("Acties", ("start", "eind")),
        ("Rapportages", ("venster_start", "venster_eind")),
    ):
        for rij in structuur.bladen.get(blad, []):
            for veld in velden:
                rij[veld] = _schuif(rij[veld], maanden)


def _verschuif_streefdoelen(structuur: Structuur, jaren: int, maanden: int) -> None:
    doelen = []
    for rij in structuur.bladen["Streefdoelen"]:
        if rij["vervallen"]:
            continue
        for veld in ("van_jaar", "tot_en_met_jaar"):
            if rij[veld] is not None:
                rij[veld] += jaren
        rij["deadline"] = _schuif(rij["deadline"], maanden)
        rij["bereikt_op"] = None
        doelen.append(rij)
    structuur.bladen["Streefdoelen"] = doelen
