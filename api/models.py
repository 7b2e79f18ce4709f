"""Personal API keys and the log of every request made with one (docs/api.md)."""

from django.conf import settings
from django.db import models


class ApiSleutel(models.Model):
    """A personal API key: acts as its user, with that user's rights. Only a hash is stored;
    the key itself is shown once, when it is made (`api.services.maak_sleutel`)."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="gebruiker",
        on_delete=models.CASCADE,
        related_name="api_sleutels",
    )
    naam = models.CharField("naam", max_length=100, help_text="Waarvoor u de sleutel gebruikt.")
    begin = models.CharField("begin van de sleutel", max_length=12)
    hash = models.CharField("hash", max_length=64, unique=True)
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    laatst_gebruikt_op = models.DateTimeField("laatst gebruikt op", null=True, blank=True)
    ingetrokken_op = models.DateTimeField("ingetrokken op", null=True, blank=True)

    class Meta:
        ordering = ["-aangemaakt_op", "-pk"]
        verbose_name = "API-sleutel"
        verbose_name_plural = "API-sleutels"

    def __str__(self) -> str:
        return f"{self.naam} ({self.begin}…)"

    @property
    def is_actief(self) -> bool:
        return self.ingetrokken_op is None


class ApiVerzoek(models.Model):
    """One request made with an API key: who, when, what, and the answer's status."""

    sleutel = models.ForeignKey(
        ApiSleutel, verbose_name="sleutel", on_delete=models.CASCADE, related_name="verzoeken"
    )
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="gebruiker",
        on_delete=models.CASCADE,
        related_name="+",
    )
    tijdstip = models.DateTimeField("tijdstip", auto_now_add=True, db_index=True)
    methode = models.CharField("methode", max_length=10)
    pad = models.CharField("pad", max_length=2000)
    status = models.PositiveSmallIntegerField("status")

    class Meta:
        ordering = ["-tijdstip", "-pk"]
        verbose_name = "API-verzoek"
        verbose_name_plural = "API-verzoeken"

    def __str__(self) -> str:
        return f"{self.methode} {self.pad} ({self.status})"
