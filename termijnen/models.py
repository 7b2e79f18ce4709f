"""Due dates per dossier (Termijn), the reminders sent about them (Herinnering) and each
user's own settings for both (Instellingen)."""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from core.models import Dossier


class Termijn(models.Model):
    """A date by which someone in a dossier must do something for one year of it: the
    corporations their bod, the coördinator the agreed jaarschijf, the parties their
    realisation. Proposed by the dossier's kind (termijnen.kalender), adjusted by its
    coördinator."""

    class Soort(models.TextChoices):
        BOD = "bod", "bod"
        JAARSCHIJF = "jaarschijf", "afspraken of jaarschijf"
        REALISATIE = "realisatie", "realisatie"
        JAARVERSLAG = "jaarverslag", "voortgangsrapportage"

    class Wie(models.TextChoices):
        PARTIJEN = "partijen", "de partijen die cijfers leveren"
        COORDINATOR = "coördinator", "de coördinator"

    class Handeling(models.TextChoices):
        INVOEREN = "invoeren", "invoeren"
        INDIENEN = "indienen", "indienen"
        VASTSTELLEN = "vaststellen", "vaststellen"
        PUBLICEREN = "publiceren", "rapport publiceren"

    dossier = models.ForeignKey(
        Dossier, verbose_name="dossier", on_delete=models.CASCADE, related_name="termijnen"
    )
    soort = models.CharField("soort", max_length=12, choices=Soort.choices)
    jaar = models.PositiveSmallIntegerField("jaar", help_text="Het jaar waar het om gaat.")
    datum = models.DateField("uiterlijk op")
    wie = models.CharField("wie", max_length=12, choices=Wie.choices)
    handeling = models.CharField("wat", max_length=12, choices=Handeling.choices)
    omschrijving = models.CharField("omschrijving", max_length=200)
    afgerond_op = models.DateField(
        "afgerond op",
        null=True,
        blank=True,
        help_text="Leeg zolang het nog moet gebeuren. Een realisatie is af als de partij "
        "haar jaar heeft ingediend.",
    )

    class Meta:
        ordering = ["datum", "pk"]
        verbose_name = "termijn"
        verbose_name_plural = "termijnen"
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "soort", "jaar"],
                name="termijn_eenmaal_per_jaar",
                violation_error_message="Dit dossier heeft deze termijn voor dit jaar al.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.omschrijving} (uiterlijk {self.datum:%d-%m-%Y})"

    def clean(self) -> None:
        """A due date within the dossier's term: its years, with the year before them (the
        bod and the agreement for the first year) and the year after (the last realisation)."""
        dossier = self.dossier
        if not self.datum:
            return
        van = datetime.date(dossier.startjaar - 1, 1, 1) if dossier.startdatum else None
        tot = datetime.date(dossier.eindjaar + 1, 12, 31) if dossier.einddatum else None
        if (van and self.datum < van) or (tot and self.datum > tot):
            if van and tot:
                grenzen = f"van {van:%d-%m-%Y} tot en met {tot:%d-%m-%Y}"
            else:
                grenzen = f"vanaf {van:%d-%m-%Y}" if van else f"tot en met {tot:%d-%m-%Y}"
            raise ValidationError(
                {
                    "datum": ValidationError(
                        f"Deze datum valt buiten de looptijd van het dossier "
                        f"({dossier.periode}): kies een datum {grenzen}.",
                        code="buiten_looptijd",
                    )
                }
            )


class Herinnering(models.Model):
    """A mail that was sent, so that nobody gets it twice: per user one `sleutel`, such as
    "vooraf:12" (due date 12 comes near), "te-laat:12" or "overzicht:2026-W27"."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="gebruiker",
        on_delete=models.CASCADE,
        related_name="herinneringen",
    )
    sleutel = models.CharField("sleutel", max_length=60)
    termijn = models.ForeignKey(
        Termijn,
        verbose_name="termijn",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="herinneringen",
    )
    verstuurd_op = models.DateTimeField("verstuurd op", auto_now_add=True)

    class Meta:
        ordering = ["-verstuurd_op"]
        verbose_name = "herinnering"
        verbose_name_plural = "herinneringen"
        constraints = [
            models.UniqueConstraint(
                fields=["gebruiker", "sleutel"], name="herinnering_eenmaal_per_gebruiker"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sleutel} aan {self.gebruiker}"


def nieuw_token() -> str:
    return secrets.token_urlsafe(32)


class Instellingen(models.Model):
    """A user's own choices: reminders by mail, and the secret of their calendar feed."""

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="gebruiker",
        on_delete=models.CASCADE,
        related_name="instellingen",
    )
    herinneringen = models.BooleanField(
        "herinneringen per e-mail",
        default=True,
        help_text="Een e-mail vóór een termijn en als die verstreken is; coördinatoren ook "
        "een wekelijks overzicht van wat te laat is.",
    )
    dagen_vooraf = models.PositiveSmallIntegerField(
        "dagen vooraf",
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="Hoeveel dagen vóór een termijn de eerste herinnering komt (1 tot 60).",
    )
    kalendertoken = models.CharField(
        "kalendertoken", max_length=64, unique=True, null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = "instellingen"
        verbose_name_plural = "instellingen"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(dagen_vooraf__gte=1, dagen_vooraf__lte=60),
                name="instellingen_dagen_vooraf",
                violation_error_message="Kies 1 tot 60 dagen.",
            )
        ]

    def __str__(self) -> str:
        return f"instellingen van {self.gebruiker}"
