from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from core.doeltekst import doel_tekst, uit_gegevens
from core.models import Dossier, Onderdeel, Organisatie, Streefdoel


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


class Afspraakpunt(models.Model):
    """One item of an agreement under a theme or line: an opdracht, afspraak, goal or indicator."""

    class Soort(models.TextChoices):
        BESTUURSOPDRACHT = "bestuursopdracht", "bestuursopdracht"
        AFSPRAAK = "afspraak", "afspraak"
        DOELSTELLING = "doelstelling", "doelstelling"
        INDICATOR = "indicator", "indicator"

    class Status(models.TextChoices):
        LOPEND = "lopend", "lopend"
        AFGEROND = "afgerond", "afgerond"
        VERVALLEN = "vervallen", "vervallen"
        GEWIJZIGD = "gewijzigd", "gewijzigd"

    afspraak = models.ForeignKey(
        Afspraak, verbose_name="afspraak", on_delete=models.CASCADE, related_name="punten"
    )
    onderdeel = models.ForeignKey(
        Onderdeel,
        verbose_name="thema of lijn",
        on_delete=models.PROTECT,
        related_name="afspraakpunten",
    )
    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    titel = models.CharField("titel", max_length=300)
    tekst = models.TextField("tekst", blank=True)
    trekkers = models.ManyToManyField(
        Organisatie, verbose_name="trekkers", blank=True, related_name="getrokken_afspraakpunten"
    )
    trekker_omschrijving = models.CharField(
        "trekker (omschrijving)",
        max_length=300,
        blank=True,
        help_text="Wie precies, bijvoorbeeld ‘directeur-bestuurder Servatius’.",
    )
    resultaat = models.CharField("op te leveren resultaat", max_length=300, blank=True)
    deadline_omschrijving = models.CharField(
        "deadline (zoals afgesproken)", max_length=100, blank=True, help_text="Bijv. ‘eind 2015’."
    )
    status = models.CharField("status", max_length=12, choices=Status.choices, default="lopend")
    streefdoel = models.OneToOneField(
        Streefdoel,
        verbose_name="streefdoel",
        help_text="Wat het punt belooft: een aantal, een bandbreedte, een mijlpaal met "
        "deadline of een effect.",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="afspraakpunt",
    )
    toegevoegd_bij = models.ForeignKey(
        "Wijziging",
        verbose_name="toegevoegd bij",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="toegevoegde_punten",
    )
    volgorde = models.PositiveIntegerField("volgorde", default=0)

    class Meta:
        ordering = ["afspraak", "onderdeel__volgorde", "volgorde", "pk"]
        verbose_name = "afspraakpunt"
        verbose_name_plural = "afspraakpunten"

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("afspraken:punt", kwargs={"slug": self.afspraak.slug, "pk": self.pk})

    def clean(self) -> None:
        if self.onderdeel_id and self.afspraak_id and self.onderdeel.dossier_id != self.afspraak_id:
            raise ValidationError(
                {"onderdeel": "Dit thema hoort bij een andere afspraak."}, code="ander_dossier"
            )


class Wijziging(models.Model):
    """An amendment (actualisatie, wijziging) of an agreement: a dated list of changes."""

    class Soort(models.TextChoices):
        ACTUALISATIE = "actualisatie", "actualisatie"
        WIJZIGING = "wijziging", "wijziging"

    afspraak = models.ForeignKey(
        Afspraak, verbose_name="afspraak", on_delete=models.CASCADE, related_name="wijzigingen"
    )
    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    datum = models.DateField("datum")
    titel = models.CharField("titel", max_length=300)
    reden = models.TextField("reden")
    toegepast_op = models.DateTimeField("verwerkt op", null=True, blank=True)
    toegepast_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="verwerkt door",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["afspraak", "datum", "pk"]
        verbose_name = "wijziging"
        verbose_name_plural = "wijzigingen"

    def __str__(self) -> str:
        return f"{self.titel} ({self.datum:%d-%m-%Y})"

    @property
    def is_toegepast(self) -> bool:
        return self.toegepast_op is not None


class Wijzigingsregel(models.Model):
    """One change of an amendment; old values are recorded when the amendment is applied."""

    class Soort(models.TextChoices):
        VERVALLEN = "vervallen", "vervalt"
        STREEFWAARDE = "streefwaarde", "streefdoel gewijzigd"
        INDICATOR_VERVALLEN = "indicator_vervallen", "indicator vervalt (niet meer meetbaar)"
        TOEGEVOEGD = "toegevoegd", "toegevoegd"
        AFGEROND = "afgerond", "afgerond"

    wijziging = models.ForeignKey(
        Wijziging, verbose_name="wijziging", on_delete=models.CASCADE, related_name="regels"
    )
    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    afspraakpunt = models.ForeignKey(
        Afspraakpunt,
        verbose_name="afspraakpunt",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="wijzigingsregels",
        help_text="Leeg bij een toevoeging; na verwerking het nieuwe punt.",
    )
    reden = models.TextField("reden", blank=True)
    oud_streefdoel = models.JSONField(
        "oud streefdoel",
        null=True,
        blank=True,
        help_text="Het streefdoel zoals het was vóór de wijziging (ingevuld bij verwerking).",
    )
    oude_status = models.CharField(
        "oude status", max_length=12, choices=Afspraakpunt.Status.choices, blank=True
    )
    nieuwe_streefwaarde = models.DecimalField(
        "nieuwe streefwaarde", max_digits=16, decimal_places=2, null=True, blank=True
    )
    nieuw_streefjaar = models.PositiveSmallIntegerField("nieuw streefjaar", null=True, blank=True)
    nieuw_minimum = models.DecimalField(
        "nieuw minimum", max_digits=16, decimal_places=2, null=True, blank=True
    )
    nieuw_maximum = models.DecimalField(
        "nieuw maximum", max_digits=16, decimal_places=2, null=True, blank=True
    )
    nieuwe_deadline = models.DateField("nieuwe deadline", null=True, blank=True)
    # For an addition: where the new item goes and what it says.
    onderdeel = models.ForeignKey(
        Onderdeel,
        verbose_name="thema of lijn",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    nieuw_punt_soort = models.CharField(
        "soort nieuw punt", max_length=20, choices=Afspraakpunt.Soort.choices, blank=True
    )
    titel = models.CharField("titel nieuw punt", max_length=300, blank=True)
    tekst = models.TextField("tekst nieuw punt", blank=True)
    volgorde = models.PositiveIntegerField("volgorde", default=0)

    class Meta:
        ordering = ["wijziging", "volgorde", "pk"]
        verbose_name = "wijzigingsregel"
        verbose_name_plural = "wijzigingsregels"

    def __str__(self) -> str:
        onderwerp = self.afspraakpunt or self.titel
        return f"{self.get_soort_display()}: {onderwerp}"

    def nieuwe_waarden(self) -> dict:
        """What this change sets on the target: only the values it gives."""
        nieuw = {
            "waarde": self.nieuwe_streefwaarde,
            "tot_en_met_jaar": self.nieuw_streefjaar,
            "minimum": self.nieuw_minimum,
            "maximum": self.nieuw_maximum,
            "deadline": self.nieuwe_deadline,
        }
        return {veld: waarde for veld, waarde in nieuw.items() if waarde is not None}

    @property
    def oud_doel(self) -> Streefdoel | None:
        """The target before this change: as recorded when applied, else as it is now."""
        huidig = self.afspraakpunt.streefdoel if self.afspraakpunt_id else None
        if huidig is None:
            return None
        if not self.wijziging.is_toegepast:
            return huidig
        if self.oud_streefdoel is None:
            return None  # the change gave the item its first target
        return uit_gegevens(self.oud_streefdoel, huidig)

    @property
    def nieuw_doel(self) -> Streefdoel | None:
        basis = self.oud_doel or (self.afspraakpunt.streefdoel if self.afspraakpunt_id else None)
        if basis is None or not self.nieuwe_waarden():
            return None
        return uit_gegevens(self.nieuwe_waarden(), basis)

    @property
    def doelwijziging(self) -> str:
        """ "Oorspronkelijk doel: 800 in 2025–2028; nieuw doel: 700 in 2025–2028." """
        if self.soort != self.Soort.STREEFWAARDE:
            return ""
        oud, nieuw = self.oud_doel, self.nieuw_doel
        if nieuw is None:
            return ""
        if oud is None:
            return f"Nieuw doel: {doel_tekst(nieuw)}."
        return f"Oorspronkelijk doel: {doel_tekst(oud)}; nieuw doel: {doel_tekst(nieuw)}."

    def clean(self) -> None:
        if self.soort == self.Soort.TOEGEVOEGD:
            if not (self.onderdeel_id and self.titel and self.nieuw_punt_soort):
                raise ValidationError(
                    "Een toevoeging heeft een thema, een soort en een titel nodig.",
                    code="toevoeging_onvolledig",
                )
        elif self.afspraakpunt_id is None:
            raise ValidationError(
                {"afspraakpunt": "Kies het afspraakpunt dat wijzigt."}, code="punt_ontbreekt"
            )
        nieuw = (
            self.nieuwe_streefwaarde,
            self.nieuw_streefjaar,
            self.nieuw_minimum,
            self.nieuw_maximum,
            self.nieuwe_deadline,
        )
        if self.soort == self.Soort.STREEFWAARDE and all(v is None for v in nieuw):
            raise ValidationError(
                "Geef wat er aan het streefdoel verandert: waarde, jaar, bandbreedte of deadline.",
                code="streefdoel_onveranderd",
            )
        if (
            self.nieuw_minimum is not None
            and self.nieuw_maximum is not None
            and self.nieuw_minimum > self.nieuw_maximum
        ):
            raise ValidationError(
                {"nieuw_maximum": "Het nieuwe minimum is groter dan het nieuwe maximum."},
                code="bereik_omgekeerd",
            )
