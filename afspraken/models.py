from django.db import models

from core.models import Dossier


class Afspraak(Dossier):
    """An agreement between organisations: prestatieafspraken, a bestuursakkoord, other."""

    class Soort(models.TextChoices):
        PRESTATIEAFSPRAKEN = "prestatieafspraken", "prestatieafspraken"
        BESTUURSAKKOORD = "bestuursakkoord", "bestuursakkoord"
        OVERIG = "overig", "overig"

    dossier_soort = Dossier.Soort.AFSPRAAK

    soort_afspraak = models.CharField("soort afspraak", max_length=30, choices=Soort.choices)
    overlegorgaan = models.CharField("bestuurlijk overleg", max_length=200, blank=True)
    voorzitter = models.CharField("voorzitter", max_length=200, blank=True)

    class Meta:
        verbose_name = "afspraak"
        verbose_name_plural = "afspraken"
