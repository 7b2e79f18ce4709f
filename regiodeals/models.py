import calendar
import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from core.models import Dossier, Onderdeel, Organisatie, Streefdoel

BEDRAG = {"max_digits": 14, "decimal_places": 2}


def plus_maanden(datum: datetime.date, maanden: int) -> datetime.date:
    """The same day `maanden` later, or the month's last day (31 Nov → 30 Nov)."""
    jaar, maand = divmod(datum.month - 1 + maanden, 12)
    jaar, maand = datum.year + jaar, maand + 1
    return datum.replace(
        year=jaar, month=maand, day=min(datum.day, calendar.monthrange(jaar, maand)[1])
    )


def rijksbijdrage_fout(bedrag, *, minimum, maximum) -> ValidationError | None:
    """A deal's maximum Rijksbijdrage outside the bounds per deal of its tranche: the one rule
    for every way a deal comes in (the tranche's page, a deal's setup, a structure workbook)."""
    from core.dutch_numbers import format_euro

    if bedrag is None:
        return None
    if maximum is not None and bedrag > maximum:
        tekst, code, grens = "meer dan het maximum", "boven_maximum", maximum
    elif minimum is not None and bedrag < minimum:
        tekst, code, grens = "minder dan het minimum", "onder_minimum", minimum
    else:
        return None
    return ValidationError(
        "%(bedrag)s is " + tekst + " van %(grens)s per deal.",
        code=code,
        params={"bedrag": format_euro(bedrag), "grens": format_euro(grens)},
    )


class Landsdeel(models.TextChoices):
    NOORD = "noord", "Noord"
    OOST = "oost", "Oost"
    ZUID = "zuid", "Zuid"
    NOORDWEST = "noordwest", "Noordwest"
    ZUIDWEST = "zuidwest", "Zuidwest"
    BES = "bes", "BES"


class Tranche(models.Model):
    """A round of Regio Deals with its envelope and the rules every deal in it obeys."""

    nummer = models.PositiveSmallIntegerField("nummer", unique=True)
    naam = models.CharField("naam", max_length=100)
    datum_besluit = models.DateField("datum besluit", null=True, blank=True)
    envelop = models.DecimalField("beschikbaar (envelop)", null=True, blank=True, **BEDRAG)
    aantal_voorstellen = models.PositiveSmallIntegerField(
        "ontvangen voorstellen", null=True, blank=True
    )
    aangevraagd = models.DecimalField("gevraagde Rijksbijdrage", null=True, blank=True, **BEDRAG)
    minimale_rijksbijdrage = models.DecimalField("minimale Rijksbijdrage per deal", **BEDRAG)
    maximale_rijksbijdrage = models.DecimalField("maximale Rijksbijdrage per deal", **BEDRAG)
    cofinanciering = models.DecimalField(
        "minimale cofinanciering per euro Rijksbijdrage",
        max_digits=4,
        decimal_places=2,
        default=1,
        help_text="1,00: de regio draagt minimaal hetzelfde bij.",
    )

    class Meta:
        ordering = ["nummer"]
        verbose_name = "tranche"
        verbose_name_plural = "tranches"

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("regiodeals:tranche", kwargs={"nummer": self.nummer})


class Regiodeal(Dossier):
    """A Regio Deal: a convenant between the Rijk and a region."""

    class Status(models.TextChoices):
        VOORSTEL = "voorstel", "voorstel"
        GESELECTEERD = "geselecteerd", "geselecteerd"
        GETEKEND = "getekend", "convenant getekend"
        LOPEND = "lopend", "lopend"
        AFGEROND = "afgerond", "afgerond"

    dossier_soort = Dossier.Soort.REGIODEAL

    tranche = models.ForeignKey(
        Tranche,
        verbose_name="tranche",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="deals",
    )
    volgnummer = models.PositiveSmallIntegerField("volgnummer in de tranche", null=True, blank=True)
    landsdeel = models.CharField("landsdeel", max_length=10, choices=Landsdeel.choices, blank=True)
    regio = models.CharField("regio", max_length=200, blank=True)
    maximale_rijksbijdrage = models.DecimalField(
        "maximale Rijksbijdrage", null=True, blank=True, **BEDRAG
    )
    status = models.CharField(
        "status", max_length=12, choices=Status.choices, default=Status.GESELECTEERD
    )
    inwoners_gebied = models.PositiveIntegerField("inwoners van het gebied", null=True, blank=True)
    reden_minder_cofinanciering = models.TextField(
        "reden voor minder regionale financiering",
        blank=True,
        help_text="Alleen als de regio minder bijdraagt dan de Rijksbijdrage.",
    )

    class Meta:
        ordering = ["tranche__nummer", "volgnummer", "dossier_ptr__titel"]
        verbose_name = "Regio Deal"
        verbose_name_plural = "Regio Deals"

    def clean(self) -> None:
        super().clean()
        if self.tranche_id and (
            fout := rijksbijdrage_fout(
                self.maximale_rijksbijdrage,
                minimum=self.tranche.minimale_rijksbijdrage,
                maximum=self.tranche.maximale_rijksbijdrage,
            )
        ):
            raise ValidationError({"maximale_rijksbijdrage": fout})


class Doel(models.Model):
    """A goal of a deal under one of its themes."""

    thema = models.ForeignKey(
        Onderdeel, verbose_name="thema", on_delete=models.CASCADE, related_name="doelen"
    )
    tekst = models.TextField("tekst")
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)

    class Meta:
        ordering = ["thema", "volgorde"]
        verbose_name = "doel"
        verbose_name_plural = "doelen"

    def __str__(self) -> str:
        return self.tekst[:80]


class BeoogdResultaat(models.Model):
    """An intended result (art. 3) as the convenant words it; what it promises (a number, a
    range, a milestone, an effect against a reference) is its `core.Streefdoel`."""

    regiodeal = models.ForeignKey(
        Regiodeal, verbose_name="Regio Deal", on_delete=models.CASCADE, related_name="resultaten"
    )
    onderdeel = models.ForeignKey(
        Onderdeel,
        verbose_name="actielijn of project",
        on_delete=models.PROTECT,
        related_name="beoogde_resultaten",
    )
    omschrijving = models.TextField("omschrijving")
    streefdoel = models.OneToOneField(
        Streefdoel,
        verbose_name="streefdoel",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="beoogd_resultaat",
    )
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)

    class Meta:
        ordering = ["regiodeal", "onderdeel__volgorde", "volgorde"]
        verbose_name = "beoogd resultaat"
        verbose_name_plural = "beoogde resultaten"

    def __str__(self) -> str:
        return self.omschrijving[:80]


class Bron(models.TextChoices):
    RIJK = "rijk", "Rijk"
    REGIONAAL_PUBLIEK = "regionaal_publiek", "regionaal publiek"
    REGIONAAL_PRIVAAT = "regionaal_privaat", "regionaal privaat"


class Financieringspost(models.Model):
    """A row of the convenant's finance table: an action line, or the uitvoeringskosten."""

    regiodeal = models.ForeignKey(
        Regiodeal, verbose_name="Regio Deal", on_delete=models.CASCADE, related_name="posten"
    )
    actielijn = models.ForeignKey(
        Onderdeel,
        verbose_name="actielijn",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="financieringsposten",
    )
    naam = models.CharField("naam", max_length=200)
    is_uitvoeringskosten = models.BooleanField("uitvoeringskosten (VAT)", default=False)
    maximale_rijksbijdrage = models.DecimalField("maximale Rijksbijdrage", **BEDRAG)
    minimale_regionale_financiering = models.DecimalField(
        "minimale regionale financiering", **BEDRAG
    )
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)

    class Meta:
        ordering = ["regiodeal", "volgorde"]
        verbose_name = "financieringspost"
        verbose_name_plural = "financieringsposten"

    def __str__(self) -> str:
        return self.naam


class Kosten(models.Model):
    """Realised costs of one post in one year from one source."""

    post = models.ForeignKey(
        Financieringspost, verbose_name="post", on_delete=models.PROTECT, related_name="kosten"
    )
    jaar = models.PositiveSmallIntegerField("jaar")
    bron = models.CharField("bron", max_length=20, choices=Bron.choices)
    bedrag = models.DecimalField("bedrag", **BEDRAG)
    toelichting = models.TextField("toelichting", blank=True)
    ingevoerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="ingevoerd door",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    ingevoerd_op = models.DateTimeField("ingevoerd op", auto_now=True)
    versie = models.PositiveIntegerField("versie", default=1)

    class Meta:
        ordering = ["post", "jaar", "bron"]
        verbose_name = "gerealiseerde kosten"
        verbose_name_plural = "gerealiseerde kosten"
        constraints = [
            models.UniqueConstraint(fields=["post", "jaar", "bron"], name="kosten_uniek"),
            models.CheckConstraint(
                condition=models.Q(bedrag__gte=0),
                name="kosten_niet_negatief",
                violation_error_message="Kosten zijn niet negatief.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.post} {self.jaar} {self.get_bron_display()}"


class Overleg(models.Model):
    """A Rijk-Regio-overleg (at least once a year) and what it decided."""

    regiodeal = models.ForeignKey(
        Regiodeal, verbose_name="Regio Deal", on_delete=models.CASCADE, related_name="overleggen"
    )
    datum = models.DateField("datum")
    besluiten = models.TextField("besluiten", blank=True)

    class Meta:
        ordering = ["regiodeal", "datum"]
        verbose_name = "Rijk-Regio-overleg"
        verbose_name_plural = "Rijk-Regio-overleggen"

    def __str__(self) -> str:
        return f"Rijk-Regio-overleg {self.datum:%d-%m-%Y}"


class Convenantwijziging(models.Model):
    """An amendment (art. 11): needs the consent of all parties and is attached."""

    regiodeal = models.ForeignKey(
        Regiodeal, verbose_name="Regio Deal", on_delete=models.CASCADE, related_name="wijzigingen"
    )
    datum = models.DateField("datum")
    titel = models.CharField("titel", max_length=300)
    omschrijving = models.TextField("omschrijving")
    instemming_alle_partijen = models.BooleanField("instemming van alle partijen", default=False)

    class Meta:
        ordering = ["regiodeal", "datum"]
        verbose_name = "convenantwijziging"
        verbose_name_plural = "convenantwijzigingen"

    def __str__(self) -> str:
        return self.titel

    def clean(self) -> None:
        if not self.instemming_alle_partijen:
            raise ValidationError(
                "Een wijziging van het convenant vraagt instemming van alle partijen (art. 11).",
                code="geen_instemming",
            )


class Partijmutatie(models.Model):
    """A party joining (art. 13) or withdrawing with three months' notice (art. 12)."""

    class Soort(models.TextChoices):
        TOETREDING = "toetreding", "toetreding"
        OPZEGGING = "opzegging", "opzegging"

    OPZEGTERMIJN_MAANDEN = 3

    regiodeal = models.ForeignKey(
        Regiodeal, verbose_name="Regio Deal", on_delete=models.CASCADE, related_name="mutaties"
    )
    organisatie = models.ForeignKey(
        Organisatie, verbose_name="organisatie", on_delete=models.PROTECT, related_name="+"
    )
    soort = models.CharField("soort", max_length=12, choices=Soort.choices)
    datum = models.DateField("datum melding")
    ingangsdatum = models.DateField("ingangsdatum")

    class Meta:
        ordering = ["regiodeal", "datum"]
        verbose_name = "toetreding of opzegging"
        verbose_name_plural = "toetredingen en opzeggingen"

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.organisatie}"

    def clean(self) -> None:
        if (
            self.soort == self.Soort.OPZEGGING
            and self.datum
            and self.ingangsdatum
            and self.ingangsdatum < plus_maanden(self.datum, self.OPZEGTERMIJN_MAANDEN)
        ):
            raise ValidationError(
                {"ingangsdatum": "Opzeggen kan met een termijn van drie maanden (art. 12)."},
                code="opzegtermijn",
            )
