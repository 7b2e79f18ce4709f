"""An uploaded Excel file of figures, from preview to confirmation, and what it changed.

Until it is confirmed, a `Cijferimport` holds the uploaded file itself (in the database, so
any app server can show the preview and save it); once confirmed it is history: who, when,
which file, and one `Importwijziging` per figure it changed (old → new). The file's bytes are
then dropped; its name, size and SHA-256 stay.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse

from core.models import Dossier, Waarde


class Cijferimport(models.Model):
    class Status(models.TextChoices):
        VOORBEELD = "voorbeeld", "voorbeeld (niets opgeslagen)"
        BEVESTIGD = "bevestigd", "opgeslagen"

    dossier = models.ForeignKey(
        Dossier, verbose_name="dossier", on_delete=models.PROTECT, related_name="+"
    )
    jaar = models.PositiveSmallIntegerField(
        "jaar", null=True, blank=True, help_text="Leeg als de import meer jaren raakte."
    )
    bestandsnaam = models.CharField("bestandsnaam", max_length=255)
    grootte = models.PositiveIntegerField("grootte (bytes)")
    sha256 = models.CharField("SHA-256", max_length=64)
    inhoud = models.BinaryField("inhoud", editable=False, blank=True)
    status = models.CharField(
        "status", max_length=12, choices=Status.choices, default=Status.VOORBEELD
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="door", on_delete=models.PROTECT, related_name="+"
    )
    aangemaakt_op = models.DateTimeField("geüpload op", auto_now_add=True)
    bevestigd_op = models.DateTimeField("opgeslagen op", null=True, blank=True)
    aantal_gewijzigd = models.PositiveIntegerField("aantal gewijzigde cijfers", default=0)

    class Meta:
        ordering = ["-aangemaakt_op", "-pk"]
        verbose_name = "cijferimport"
        verbose_name_plural = "cijferimports"

    def __str__(self) -> str:
        return f"{self.bestandsnaam} ({self.dossier}, {self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("importeren:detail", kwargs={"pk": self.pk})

    @property
    def is_bevestigd(self) -> bool:
        return self.status == self.Status.BEVESTIGD


class Importwijziging(models.Model):
    """One figure a confirmed import changed: created (no old value), changed, or removed."""

    cijferimport = models.ForeignKey(
        Cijferimport,
        verbose_name="cijferimport",
        on_delete=models.CASCADE,
        related_name="wijzigingen",
    )
    waarde = models.ForeignKey(
        Waarde,
        verbose_name="cijfer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Leeg als het cijfer is verwijderd.",
    )
    rij = models.PositiveIntegerField("rij in het bestand")
    sleutel = models.CharField("sleutel", max_length=300)
    omschrijving = models.CharField("cijfer", max_length=500)
    oud = models.DecimalField("oud", max_digits=16, decimal_places=2, null=True, blank=True)
    nieuw = models.DecimalField("nieuw", max_digits=16, decimal_places=2, null=True, blank=True)
    oude_toelichting = models.TextField("oude toelichting", blank=True)
    nieuwe_toelichting = models.TextField("nieuwe toelichting", blank=True)

    class Meta:
        ordering = ["cijferimport", "rij"]
        verbose_name = "importwijziging"
        verbose_name_plural = "importwijzigingen"

    def __str__(self) -> str:
        return f"{self.omschrijving}: {self.oud} → {self.nieuw}"
