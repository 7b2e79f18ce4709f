import datetime

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from core.models import Dossier, Locatie, Onderdeel


class Project(Dossier):
    """A project plan, standing alone or carrying out part of a deal or an agreement.

    The applicant is the penvoerder; participants, the supporting party and the funder are
    `core.Partij`s with those roles.
    """

    class Financiering(models.TextChoices):
        SUBSIDIE = "subsidie", "subsidie"
        REGIODEAL = "regiodeal", "Regio Deal"
        EIGEN_MIDDELEN = "eigen_middelen", "eigen middelen"

    class Status(models.TextChoices):
        AANGEVRAAGD = "aangevraagd", "aangevraagd"
        LOPEND = "lopend", "lopend"
        AFGEROND = "afgerond", "afgerond"

    dossier_soort = Dossier.Soort.PROJECT

    soort_financiering = models.CharField(
        "soort financiering", max_length=20, choices=Financiering.choices, blank=True
    )
    plandatum = models.DateField("plandatum", null=True, blank=True)
    status = models.CharField(
        "status", max_length=12, choices=Status.choices, default=Status.AANGEVRAAGD
    )
    hoofddoel = models.TextField("hoofddoelstelling", blank=True)
    voert_uit = models.ForeignKey(
        Onderdeel,
        verbose_name="voert uit",
        help_text="De actielijn of het project van een Regio Deal, of het thema van een "
        "afspraak, waarvan dit project een deel uitvoert.",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projecten",
    )

    class Meta:
        verbose_name = "project"
        verbose_name_plural = "projecten"


class Projectonderdeel(models.Model):
    """The plan's text items: sub-goals, target groups and intended results."""

    class Soort(models.TextChoices):
        SUBDOEL = "subdoel", "subdoelstelling"
        DOELGROEP = "doelgroep", "doelgroep"
        RESULTAAT = "resultaat", "beoogd resultaat"

    KOPJES = {
        "subdoel": "Subdoelstellingen",
        "doelgroep": "Doelgroepen",
        "resultaat": "Beoogde resultaten",
    }

    project = models.ForeignKey(
        Project, verbose_name="project", on_delete=models.CASCADE, related_name="onderdelen_plan"
    )
    soort = models.CharField("soort", max_length=12, choices=Soort.choices)
    tekst = models.TextField("tekst")
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)

    class Meta:
        ordering = ["project", "soort", "volgorde"]
        verbose_name = "onderdeel van het plan"
        verbose_name_plural = "onderdelen van het plan"

    def __str__(self) -> str:
        return self.tekst[:80]

    @property
    def kopje(self) -> str:
        return self.KOPJES[self.soort]


class Periode(models.Model):
    """Month precision, as the plan gives it: a start and end month, and the plan's words."""

    start = models.DateField("startmaand", null=True, blank=True, help_text="De 1e van de maand.")
    eind = models.DateField("eindmaand", null=True, blank=True, help_text="De 1e van de maand.")
    periode_tekst = models.CharField(
        "periode (zoals in het plan)",
        max_length=100,
        blank=True,
        help_text="Bijv. ‘z.s.m.’, ‘periodiek’ of ‘gehele projectperiode’.",
    )

    class Meta:
        abstract = True


class Fase(Periode):
    project = models.ForeignKey(
        Project, verbose_name="project", on_delete=models.CASCADE, related_name="fasen"
    )
    nummer = models.PositiveSmallIntegerField("nummer")
    titel = models.CharField("titel", max_length=200)

    class Meta:
        ordering = ["project", "nummer"]
        verbose_name = "fase"
        verbose_name_plural = "fasen"
        constraints = [
            models.UniqueConstraint(fields=["project", "nummer"], name="fase_nummer_uniek"),
            models.CheckConstraint(
                condition=Q(eind__isnull=True)
                | Q(start__isnull=True)
                | Q(eind__gte=models.F("start")),
                name="fase_einde_na_start",
                violation_error_message="De eindmaand ligt vóór de startmaand.",
            ),
        ]

    def __str__(self) -> str:
        return f"Fase {self.nummer}: {self.titel}"


class Actie(Periode):
    fase = models.ForeignKey(
        Fase, verbose_name="fase", on_delete=models.CASCADE, related_name="acties"
    )
    omschrijving = models.CharField("omschrijving", max_length=300)
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)

    class Meta:
        ordering = ["fase", "volgorde"]
        verbose_name = "actie"
        verbose_name_plural = "acties"

    def __str__(self) -> str:
        return self.omschrijving


class Kern(Locatie):
    """A village or neighbourhood of a project, with its local project leader."""

    projectleider_fte = models.DecimalField(
        "projectleider (fte)", max_digits=4, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = "kern"
        verbose_name_plural = "kernen"


class Rapportage(models.Model):
    """A report due in a window (tussenrapportage, eindrapportage)."""

    class Soort(models.TextChoices):
        TUSSEN = "tussenrapportage", "tussenrapportage"
        EIND = "eindrapportage", "eindrapportage"

    project = models.ForeignKey(
        Project, verbose_name="project", on_delete=models.CASCADE, related_name="rapportages"
    )
    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    venster_start = models.DateField("in te dienen vanaf")
    venster_eind = models.DateField("in te dienen uiterlijk")
    ontvangen_op = models.DateField("ontvangen op", null=True, blank=True)

    class Meta:
        ordering = ["project", "venster_start"]
        verbose_name = "rapportage"
        verbose_name_plural = "rapportages"

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.project}"

    def get_absolute_url(self) -> str:
        return reverse("projecten:detail", kwargs={"slug": self.project.slug})

    def is_te_laat(self, vandaag: datetime.date | None = None) -> bool:
        vandaag = vandaag or timezone.localdate()
        return self.ontvangen_op is None and vandaag > self.venster_eind
