"""The yearly progress report (voortgangsrapportage) and its versions (convenant art. 7)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from core.models import Dossier, Onderdeel
from regiodeals.models import Tranche


class Rapport(models.Model):
    """The report of one dossier (or one tranche) over one year: concept → voorgelegd →
    definitief. Every generated file is a `Rapportversie`; a final version never changes."""

    class Status(models.TextChoices):
        CONCEPT = "concept", "concept"
        VOORGELEGD = "voorgelegd", "voorgelegd aan de partijen"
        DEFINITIEF = "definitief", "definitief"

    dossier = models.ForeignKey(
        Dossier,
        verbose_name="dossier",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rapporten",
    )
    tranche = models.ForeignKey(
        Tranche,
        verbose_name="tranche",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rapporten",
    )
    jaar = models.PositiveSmallIntegerField("jaar")
    status = models.CharField(
        "status", max_length=12, choices=Status.choices, default=Status.CONCEPT
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="aangemaakt door", on_delete=models.PROTECT
    )
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)

    class Meta:
        ordering = ["-jaar"]
        verbose_name = "voortgangsrapportage"
        verbose_name_plural = "voortgangsrapportages"
        constraints = [
            models.CheckConstraint(
                condition=Q(dossier__isnull=True) ^ Q(tranche__isnull=True),
                name="rapport_van_dossier_of_tranche",
                violation_error_message="Een rapportage hoort bij een dossier of bij een tranche.",
            ),
            models.UniqueConstraint(
                fields=["dossier", "jaar"],
                condition=Q(dossier__isnull=False),
                name="rapport_per_dossier_per_jaar",
                violation_error_message="Er is al een rapportage over dit jaar.",
            ),
            models.UniqueConstraint(
                fields=["tranche", "jaar"],
                condition=Q(tranche__isnull=False),
                name="rapport_per_tranche_per_jaar",
                violation_error_message="Er is al een rapportage over dit jaar.",
            ),
        ]

    def __str__(self) -> str:
        return f"Voortgangsrapportage {self.jaar}: {self.onderwerp}"

    def get_absolute_url(self) -> str:
        return reverse("rapportages:rapport", args=[self.slug, self.jaar])

    @property
    def onderwerp(self) -> str:
        return str(self.dossier or self.tranche)

    @property
    def korte_naam(self) -> str:
        """For the running header: the dossier's short name where it has one."""
        return self.dossier.naam if self.dossier else str(self.tranche)

    @property
    def slug(self) -> str:
        return self.dossier.slug if self.dossier else f"tranche-{self.tranche.nummer}"

    @property
    def laatste_versie(self):
        return self.versies.order_by("-nummer").first()


class Rapportversie(models.Model):
    """One generated PDF and workbook, with the figures they were made from."""

    class Taak(models.TextChoices):
        WACHTEND = "wachtend", "wacht op verwerking"
        BEZIG = "bezig", "wordt gemaakt"
        KLAAR = "klaar", "klaar"
        MISLUKT = "mislukt", "mislukt"

    rapport = models.ForeignKey(
        Rapport, verbose_name="rapportage", on_delete=models.CASCADE, related_name="versies"
    )
    nummer = models.PositiveSmallIntegerField("versie")
    status = models.CharField(
        "status van de rapportage", max_length=12, choices=Rapport.Status.choices
    )
    gemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="gemaakt door", on_delete=models.PROTECT
    )
    gemaakt_op = models.DateTimeField("gemaakt op", auto_now_add=True)
    taak = models.CharField(
        "verwerking", max_length=10, choices=Taak.choices, default=Taak.WACHTEND
    )
    fout = models.TextField("foutmelding", blank=True)
    pdf = models.FileField("PDF", upload_to="rapportages/", blank=True)
    xlsx = models.FileField("Excel", upload_to="rapportages/", blank=True)
    vingerafdruk = models.CharField("vingerafdruk van de cijfers", max_length=64, blank=True)
    momentopname = models.JSONField("momentopname van de cijfers", default=dict, blank=True)

    class Meta:
        ordering = ["rapport", "nummer"]
        verbose_name = "versie"
        verbose_name_plural = "versies"
        constraints = [
            models.UniqueConstraint(fields=["rapport", "nummer"], name="rapportversie_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.rapport}, versie {self.nummer}"

    @property
    def is_definitief(self) -> bool:
        return self.status == Rapport.Status.DEFINITIEF


class Voortgangstekst(models.Model):
    """The year's narrative of an action line, project or theme, written by the coördinator."""

    rapport = models.ForeignKey(
        Rapport, verbose_name="rapportage", on_delete=models.CASCADE, related_name="teksten"
    )
    onderdeel = models.ForeignKey(Onderdeel, verbose_name="onderdeel", on_delete=models.CASCADE)
    tekst = models.TextField("tekst", blank=True)

    class Meta:
        verbose_name = "voortgangstekst"
        verbose_name_plural = "voortgangsteksten"
        constraints = [
            models.UniqueConstraint(fields=["rapport", "onderdeel"], name="tekst_per_onderdeel")
        ]

    def __str__(self) -> str:
        return f"{self.onderdeel} ({self.rapport.jaar})"


class Opmerking(models.Model):
    """A party's comment on a report put before the parties."""

    rapport = models.ForeignKey(
        Rapport, verbose_name="rapportage", on_delete=models.CASCADE, related_name="opmerkingen"
    )
    versie = models.ForeignKey(
        Rapportversie, verbose_name="versie", on_delete=models.PROTECT, related_name="+"
    )
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="auteur", on_delete=models.PROTECT
    )
    tekst = models.TextField("opmerking")
    geplaatst_op = models.DateTimeField("geplaatst op", auto_now_add=True)

    class Meta:
        ordering = ["geplaatst_op"]
        verbose_name = "opmerking"
        verbose_name_plural = "opmerkingen"

    def __str__(self) -> str:
        return f"Opmerking van {self.auteur} op {self.rapport}"
