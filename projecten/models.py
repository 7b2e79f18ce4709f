from django.db import models

from core.models import Dossier


class Project(Dossier):
    """A project plan, standing alone or carrying out part of a deal or an agreement."""

    class Financiering(models.TextChoices):
        SUBSIDIE = "subsidie", "subsidie"
        REGIODEAL = "regiodeal", "Regio Deal"
        EIGEN_MIDDELEN = "eigen_middelen", "eigen middelen"

    dossier_soort = Dossier.Soort.PROJECT

    soort_financiering = models.CharField(
        "soort financiering", max_length=20, choices=Financiering.choices, blank=True
    )
    plandatum = models.DateField("plandatum", null=True, blank=True)

    class Meta:
        verbose_name = "project"
        verbose_name_plural = "projecten"
