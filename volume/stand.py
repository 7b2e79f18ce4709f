"""What the dossier builders of one run share."""

import datetime
import random
from dataclasses import dataclass, field

from core.models import Organisatie

from .omvang import Omvang

PREFIX = "vol"
EIND_JAAR = 2025  # the last year with figures


@dataclass
class Stand:
    """What the dossier builders share: the size, the seed, the organisations of this run."""

    omvang: Omvang
    seed: int
    nu: datetime.datetime
    gemeenten: list[Organisatie] = field(default_factory=list)
    corporaties: list[Organisatie] = field(default_factory=list)
    provincies: list[Organisatie] = field(default_factory=list)
    ministeries: list[Organisatie] = field(default_factory=list)

    def rng(self, soort: str, nummer: int) -> random.Random:
        """One generator per object, so an object does not change when others are added."""
        return random.Random(f"{self.seed}:{soort}:{nummer}")
