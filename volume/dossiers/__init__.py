"""The three kinds of dossier of `volume.generator`, each in batches of `BATCH` dossiers.

Each builder returns (dossiers made, figures made). Figures follow a plan with some growth per
year and a realisation around it, so every status occurs; now and then a reported total is not
the sum of its parts, a share norm is missed or the last year is not realised yet, as in the
source documents. Every dossier has targets of every kind (`streefdoelen`), written in bulk.
"""

from .afspraken import maak_afspraken
from .projecten import maak_projecten
from .regiodeals import maak_deals

__all__ = ["maak_afspraken", "maak_deals", "maak_projecten"]
