"""The calendar a dossier's kind proposes: per year of its term, who must do what by when.

- prestatieafspraken: the corporations' bod before 1 July of the year before, the agreed
  jaarschijf before 1 December of the year before (Kamerbrief 29453-561), and the realisation
  of the year on a date the parties choose (proposed: 1 April of the year after);
- another agreement: the realisation of each year;
- a Regio Deal: the parties' realisation and the penvoerder's yearly progress report;
- a project: nothing here; its reports have their own windows (projecten.Rapportage).

Only what is still to come is proposed: a calendar completed today does not make old years
"te laat". The coördinator adjusts dates afterwards; a completed calendar keeps them.
"""

import datetime
from dataclasses import dataclass

from core.models import Dossier

from .models import Termijn

S, W, H = Termijn.Soort, Termijn.Wie, Termijn.Handeling


@dataclass(frozen=True)
class Regel:
    soort: str
    wie: str
    handeling: str
    omschrijving: str  # with {jaar}
    jaar_verschil: int  # the due date's year relative to the year concerned
    maand: int
    dag: int


BOD = Regel(S.BOD, W.PARTIJEN, H.INDIENEN, "Bod voor {jaar} uitbrengen", -1, 7, 1)
JAARSCHIJF = Regel(
    S.JAARSCHIJF, W.COORDINATOR, H.VASTSTELLEN, "Afspraken voor {jaar} vastleggen", -1, 12, 1
)
REALISATIE = Regel(
    S.REALISATIE, W.PARTIJEN, H.INDIENEN, "Realisatie {jaar} invoeren en indienen", 1, 4, 1
)
DEAL_REALISATIE = Regel(
    S.REALISATIE, W.PARTIJEN, H.INDIENEN, "Realisatie {jaar} invoeren en indienen", 1, 3, 1
)
JAARVERSLAG = Regel(
    S.JAARVERSLAG, W.COORDINATOR, H.PUBLICEREN, "Voortgangsrapportage {jaar} publiceren", 1, 6, 1
)


def regels(dossier: Dossier) -> list[Regel]:
    if dossier.soort == Dossier.Soort.AFSPRAAK:
        afspraak = getattr(dossier, "afspraak", None)
        if getattr(afspraak, "soort_afspraak", "") == "prestatieafspraken":
            return [BOD, JAARSCHIJF, REALISATIE]
        return [REALISATIE]
    if dossier.soort == Dossier.Soort.REGIODEAL:
        return [DEAL_REALISATIE, JAARVERSLAG]
    return []


def voorstel(dossier: Dossier, vanaf: datetime.date) -> list[Termijn]:
    """The proposed due dates from `vanaf` on, unsaved; none without an end. A dossier whose
    start is not known (a Regio Deal runs from its signing) from last year on."""
    if dossier.eindjaar is None:
        return []
    termijnen = []
    for jaar in range(dossier.startjaar or vanaf.year - 1, dossier.eindjaar + 1):
        for regel in regels(dossier):
            datum = datetime.date(jaar + regel.jaar_verschil, regel.maand, regel.dag)
            if datum >= vanaf:
                termijnen.append(
                    Termijn(
                        dossier=dossier,
                        soort=regel.soort,
                        jaar=jaar,
                        datum=datum,
                        wie=regel.wie,
                        handeling=regel.handeling,
                        omschrijving=regel.omschrijving.format(jaar=jaar),
                    )
                )
    return termijnen
