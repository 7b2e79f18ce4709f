from django.db import models

from core.models import Dossier


class Regiodeal(Dossier):
    """A Regio Deal: a convenant between the Rijk and a region."""

    dossier_soort = Dossier.Soort.REGIODEAL

    regio = models.CharField("regio", max_length=200, blank=True)
    maximale_rijksbijdrage = models.DecimalField(
        "maximale Rijksbijdrage", max_digits=14, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = "Regio Deal"
        verbose_name_plural = "Regio Deals"
