"""Organisations, users and the planned-versus-realised spine shared by every app.

A `Dossier` is anything with a period, parties and measurable items: an agreement, a
Regio Deal or a project extends it (multi-table inheritance). Every figure of every app is a
`Waarde` of an `Indicator` of a dossier, so one check, one export and one dashboard query
cover them all.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from .managers import DossierQuerySet, WaardeQuerySet
from .slugs import unieke_slug


class Organisatie(models.Model):
    class Soort(models.TextChoices):
        GEMEENTE = "gemeente", "gemeente"
        WONINGCORPORATIE = "woningcorporatie", "woningcorporatie"
        HUURDERSORGANISATIE = "huurdersorganisatie", "huurdersorganisatie"
        MINISTERIE = "ministerie", "ministerie"
        PROVINCIE = "provincie", "provincie"
        ONDERWIJS = "onderwijs", "onderwijs"
        ZORG_EN_WELZIJN = "zorg_en_welzijn", "zorg en welzijn"
        POLITIE = "politie", "politie"
        OVERIG = "overig", "overig"

    naam = models.CharField("naam", max_length=200, unique=True)
    afkorting = models.CharField("afkorting", max_length=40, blank=True)
    soort = models.CharField("soort", max_length=30, choices=Soort.choices)
    slug = models.SlugField(
        "slug",
        max_length=200,
        unique=True,
        blank=True,
        help_text="Deel van het webadres. Leeg: gemaakt uit de naam.",
    )

    class Meta:
        ordering = ["naam"]
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"

    def __str__(self) -> str:
        return self.naam

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unieke_slug(Organisatie, self.afkorting or self.naam, exclude=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("core:organisatie_detail", kwargs={"slug": self.slug})


class Rol(models.TextChoices):
    """The roles of DOMAIN.md; each is a Django group of the same name."""

    BELEIDSMEDEWERKER = "beleidsmedewerker", "beleidsmedewerker"
    BESTUURDER = "bestuurder", "bestuurder"
    COORDINATOR = "coördinator", "coördinator"
    BEHEERDER = "beheerder", "beheerder"


class User(AbstractUser):
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name="organisatie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gebruikers",
    )

    class Meta(AbstractUser.Meta):
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"

    @staticmethod
    def rol_veld(rol: Rol) -> str:
        """The name of a role's flag, when the user was loaded with them (core.backends)."""
        return f"_rol_{rol.name.lower()}"

    @property
    def rollen(self) -> frozenset[str]:
        if not hasattr(self, "_rollen"):
            vlaggen = {rol.value: getattr(self, self.rol_veld(rol), None) for rol in Rol}
            if None not in vlaggen.values():
                self._rollen = frozenset(naam for naam, heeft in vlaggen.items() if heeft)
            else:
                names = self.groups.values_list("name", flat=True) if self.pk else []
                self._rollen = frozenset(names)
        return self._rollen

    def heeft_rol(self, rol: Rol) -> bool:
        if rol == Rol.BEHEERDER and self.is_superuser:
            return True
        return self.is_active and rol.value in self.rollen

    @property
    def mag_inrichten(self) -> bool:
        """Sets up dossiers (the menu's Inrichting): `core.add_dossier` without asking every
        permission backend, so a page's menu costs no query."""
        return self.heeft_rol(Rol.BEHEERDER) or self.heeft_rol(Rol.COORDINATOR)


class Dossier(models.Model):
    """What every agreement, deal and project has in common: a period, parties, items."""

    class Soort(models.TextChoices):
        AFSPRAAK = "afspraak", "afspraak"
        REGIODEAL = "regiodeal", "Regio Deal"
        PROJECT = "project", "project"

    soort = models.CharField("soort", max_length=20, choices=Soort.choices, editable=False)
    titel = models.CharField("titel", max_length=300)
    korte_naam = models.CharField(
        "korte naam",
        max_length=60,
        blank=True,
        help_text="Voor tabellen, koppen en tabbladen, bijv. ‘Maastricht 2015’. Leeg: de titel.",
    )
    slug = models.SlugField(
        "slug",
        max_length=200,
        unique=True,
        blank=True,
        help_text="Deel van het webadres. Leeg: gemaakt uit de korte naam of de titel.",
    )
    in_opbouw = models.BooleanField(
        "in opbouw",
        default=False,
        help_text="Alleen de coördinatoren zien het dossier en er kan nog niets worden "
        "ingevoerd. Vaststellen maakt het zichtbaar voor de partijen.",
    )
    vastgesteld_op = models.DateTimeField("vastgesteld op", null=True, blank=True)
    samenvatting = models.TextField("samenvatting", blank=True)
    startdatum = models.DateField("startdatum", null=True, blank=True)
    einddatum = models.DateField("einddatum", null=True, blank=True)
    penvoerder = models.ForeignKey(
        Organisatie,
        verbose_name="penvoerder",
        help_text="De organisatie die het dossier coördineert (regiokassier, aanvrager).",
        on_delete=models.PROTECT,
        related_name="+",
    )
    organisaties = models.ManyToManyField(
        Organisatie, through="Partij", related_name="dossiers", verbose_name="organisaties"
    )
    voorganger = models.ForeignKey(
        "self",
        verbose_name="vorige periode",
        help_text="Het dossier van de vorige periode (2021–2023 vóór 2024–2027).",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="opvolgers",
    )

    objects = DossierQuerySet.as_manager()

    class Meta:
        ordering = ["titel"]
        verbose_name = "dossier"
        verbose_name_plural = "dossiers"
        # Lists page through dossiers by title: with the index the first 25 of 20.000
        # projects are found without sorting them all (docs/performance.md).
        # The year filters' choices run from the first start to the last end
        # (core.filters.jaarkeuzes): with these indexes two lookups, not a scan of every dossier.
        indexes = [
            models.Index(fields=["titel"], name="dossier_titel"),
            models.Index(fields=["startdatum"], name="dossier_startdatum"),
            models.Index(fields=["einddatum"], name="dossier_einddatum"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True)
                | Q(startdatum__isnull=True)
                | Q(einddatum__gte=models.F("startdatum")),
                name="dossier_einde_na_start",
                violation_error_message="De einddatum ligt vóór de startdatum.",
            )
        ]

    # Set by each app's subclass; fixtures carry `soort` explicitly (loaddata skips save()).
    dossier_soort: str = ""

    def __str__(self) -> str:
        return self.titel

    def save(self, *args, **kwargs) -> None:
        self.soort = self.dossier_soort or self.soort
        if not self.slug:
            self.slug = unieke_slug(Dossier, self.korte_naam or self.titel, exclude=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        # Each app names its detail URL "<app>:detail"; the soort says which app.
        app = {"afspraak": "afspraken", "regiodeal": "regiodeals", "project": "projecten"}
        return reverse(f"{app[self.soort]}:detail", kwargs={"slug": self.slug})

    @property
    def naam(self) -> str:
        """The short name where there is one: tables, headers and tabs."""
        return self.korte_naam or self.titel

    @property
    def periode(self) -> str:
        """ "2013–2015", an open end "2013–…". An unknown start as the source puts it: a Regio
        Deal runs from its signing (as its page says); of another dossier only the end is known."""
        if self.startjaar:
            return f"{self.startjaar}–{self.eindjaar or '…'}"
        if self.soort == Dossier.Soort.REGIODEAL:
            return "vanaf ondertekening" + (f" – {self.eindjaar}" if self.eindjaar else "")
        return f"tot en met {self.eindjaar}" if self.eindjaar else "looptijd niet bekend"

    @property
    def startjaar(self) -> int | None:
        return self.startdatum.year if self.startdatum else None

    @property
    def eindjaar(self) -> int | None:
        return self.einddatum.year if self.einddatum else None


class Partij(models.Model):
    """An organisation taking part in a dossier, in a role."""

    class Rol(models.TextChoices):
        PARTIJ = "partij", "partij (ondertekenaar)"
        PARTNER = "partner", "partner"
        AANVRAGER = "aanvrager", "aanvrager"
        DEELNEMER = "deelnemer", "deelnemer"
        ONDERSTEUNER = "ondersteuner", "ondersteunende partij"
        FINANCIER = "financier", "financier"

    dossier = models.ForeignKey(
        Dossier, verbose_name="dossier", on_delete=models.CASCADE, related_name="partijen"
    )
    organisatie = models.ForeignKey(
        Organisatie, verbose_name="organisatie", on_delete=models.PROTECT, related_name="partijen"
    )
    rol = models.CharField("rol", max_length=20, choices=Rol.choices)
    omschrijving = models.CharField(
        "omschrijving", max_length=200, blank=True, help_text="Bijvoorbeeld ‘regiokassier’."
    )
    levert_cijfers = models.BooleanField(
        "levert cijfers",
        default=True,
        help_text="Uit: de partij ondertekent alleen (bijvoorbeeld een huurdersorganisatie) "
        "en krijgt geen invoer, herinneringen of ‘te laat’.",
    )
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)

    class Meta:
        ordering = ["dossier", "volgorde", "organisatie__naam"]
        verbose_name = "partij"
        verbose_name_plural = "partijen"
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "organisatie", "rol"],
                name="partij_eenmaal_per_rol",
                violation_error_message="Deze organisatie is al partij in deze rol.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisatie} ({self.get_rol_display()})"


class Onderdeel(models.Model):
    """A numbered node in a dossier's hierarchy: a theme, a line, an action line, a phase."""

    dossier = models.ForeignKey(
        Dossier, verbose_name="dossier", on_delete=models.CASCADE, related_name="onderdelen"
    )
    hoofdonderdeel = models.ForeignKey(
        "self",
        verbose_name="hoofdonderdeel",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subonderdelen",
    )
    nummer = models.CharField("nummer", max_length=20)
    titel = models.CharField("titel", max_length=300)
    omschrijving = models.TextField("omschrijving", blank=True)
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)

    class Meta:
        ordering = ["dossier", "volgorde", "nummer"]
        verbose_name = "onderdeel"
        verbose_name_plural = "onderdelen"
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "nummer"],
                name="onderdeel_nummer_uniek",
                violation_error_message="Dit dossier heeft al een onderdeel met dit nummer.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.nummer} {self.titel}"

    def clean(self) -> None:
        hoofd = self.hoofdonderdeel
        if hoofd is None:
            return
        if hoofd.dossier_id != self.dossier_id:
            raise ValidationError(
                {"hoofdonderdeel": "Dit onderdeel hoort bij een ander dossier."},
                code="ander_dossier",
            )
        if self.pk and self.pk in _keten(hoofd, "hoofdonderdeel"):
            raise ValidationError(
                {
                    "hoofdonderdeel": "Een onderdeel kan niet onder zichzelf of een eigen "
                    "subonderdeel vallen."
                },
                code="kringloop",
            )


class Locatie(models.Model):
    """A place a dossier's figures may be split by: a kern, a neighbourhood."""

    dossier = models.ForeignKey(
        Dossier, verbose_name="dossier", on_delete=models.CASCADE, related_name="locaties"
    )
    naam = models.CharField("naam", max_length=200)
    gemeente = models.ForeignKey(
        Organisatie,
        verbose_name="gemeente",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="locaties",
    )
    inwoners = models.PositiveIntegerField("inwoners", null=True, blank=True)
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)

    class Meta:
        ordering = ["dossier", "volgorde", "naam"]
        verbose_name = "locatie"
        verbose_name_plural = "locaties"
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "naam"],
                name="locatie_naam_uniek",
                violation_error_message="Dit dossier heeft al een locatie met deze naam.",
            )
        ]

    def __str__(self) -> str:
        return self.naam


class Eenheid(models.TextChoices):
    AANTAL = "aantal", "aantal"
    EURO = "euro", "euro"
    PROCENT = "procent", "procent"


class Richting(models.TextChoices):
    HOGER_IS_BETER = "hoger", "hoger is beter"
    LAGER_IS_BETER = "lager", "lager is beter"


class Indicator(models.Model):
    """A measurable item of a dossier, with plan and realisation per year."""

    class Uitsplitsing(models.TextChoices):
        GEEN = "geen", "geen (alleen een totaal)"
        ORGANISATIE = "organisatie", "per organisatie"
        LOCATIE = "locatie", "per locatie"

    dossier = models.ForeignKey(
        Dossier, verbose_name="dossier", on_delete=models.CASCADE, related_name="indicatoren"
    )
    onderdeel = models.ForeignKey(
        Onderdeel,
        verbose_name="onderdeel",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicatoren",
    )
    code = models.SlugField(
        "code", max_length=80, help_text="Vaste sleutel binnen het dossier, gebruikt bij import."
    )
    naam = models.CharField("naam", max_length=300)
    eenheid = models.CharField("eenheid", max_length=10, choices=Eenheid.choices)
    richting = models.CharField(
        "richting", max_length=10, choices=Richting.choices, default=Richting.HOGER_IS_BETER
    )
    meetdefinitie = models.TextField("meetdefinitie", blank=True)
    uitsplitsing = models.CharField(
        "uitsplitsing", max_length=20, choices=Uitsplitsing.choices, default=Uitsplitsing.GEEN
    )
    deel_van = models.ForeignKey(
        "self",
        verbose_name="deel van",
        help_text="Het totaal waarvan deze post een deel is; de delen tellen op tot het totaal.",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="delen",
    )
    is_waarvan = models.BooleanField(
        "waarvan-post",
        default=False,
        help_text="Een ‘waarvan’: de delen hoeven niet op te tellen tot het totaal, "
        "maar mogen het niet overschrijden.",
    )
    uitsplitsing_van = models.ForeignKey(
        "self",
        verbose_name="uitsplitsing van",
        help_text="Dit is het opgegeven totaal van een uitsplitsing van die post; "
        "het moet gelijk zijn aan die post.",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="uitsplitsingen",
    )
    mag_negatief = models.BooleanField(
        "mag negatief zijn", default=False, help_text="Bijvoorbeeld een correctiepost."
    )
    laatste_jaar = models.PositiveSmallIntegerField(
        "laatste jaar",
        null=True,
        blank=True,
        help_text="Beëindigd: na dit jaar wordt het item niet meer ingevuld. Een item met "
        "cijfers wordt beëindigd, nooit verwijderd. Leeg: het loopt mee met het dossier.",
    )
    volgorde = models.PositiveIntegerField("volgorde", default=0)

    class Meta:
        ordering = ["dossier", "volgorde", "pk"]
        verbose_name = "indicator"
        verbose_name_plural = "indicatoren"
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "code"],
                name="indicator_code_uniek",
                violation_error_message="Dit dossier heeft al een item met deze code.",
            ),
        ]

    def __str__(self) -> str:
        return self.naam

    def clean(self) -> None:
        """A part's total, a split's item and a theme lie in the same dossier; parts do not go
        round in a circle (A part of B part of A)."""
        fouten = {}
        if self.onderdeel_id and self.onderdeel.dossier_id != self.dossier_id:
            fouten["onderdeel"] = ValidationError(
                "Dit onderdeel hoort bij een ander dossier.", code="ander_dossier"
            )
        for veld in ("deel_van", "uitsplitsing_van"):
            ander = getattr(self, veld)
            if ander is None:
                continue
            if ander.dossier_id != self.dossier_id:
                fouten[veld] = ValidationError(
                    "Dat item hoort bij een ander dossier.", code="ander_dossier"
                )
            elif self.pk and self.pk in _keten(ander, veld):
                fouten[veld] = ValidationError(
                    "Een item kan geen deel zijn van zichzelf of van een van zijn eigen delen.",
                    code="kringloop",
                )
        if fouten:
            raise ValidationError(fouten)

    def meetdefinitie_voor(self, organisatie_id: int | None) -> str:
        for definitie in self.meetdefinities.all():
            if definitie.organisatie_id == organisatie_id:
                return definitie.omschrijving
        return self.meetdefinitie


class Meetdefinitie(models.Model):
    """How one organisation measures an item, where it differs (started vs completed)."""

    indicator = models.ForeignKey(
        Indicator, verbose_name="indicator", on_delete=models.CASCADE, related_name="meetdefinities"
    )
    organisatie = models.ForeignKey(
        Organisatie, verbose_name="organisatie", on_delete=models.PROTECT, related_name="+"
    )
    omschrijving = models.TextField("omschrijving")

    class Meta:
        verbose_name = "meetdefinitie"
        verbose_name_plural = "meetdefinities"
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "organisatie"], name="meetdefinitie_eenmaal_per_organisatie"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator} – {self.organisatie}"


class Norm(models.Model):
    """A bound on an item's values: absolute (a range) or as a share of another item."""

    class Soort(models.TextChoices):
        ABSOLUUT = "absoluut", "absolute waarde"
        AANDEEL = "aandeel", "aandeel (%) van een ander item"

    indicator = models.ForeignKey(
        Indicator, verbose_name="indicator", on_delete=models.CASCADE, related_name="normen"
    )
    soort = models.CharField("soort", max_length=10, choices=Soort.choices)
    ondergrens = models.DecimalField(
        "ondergrens", max_digits=16, decimal_places=2, null=True, blank=True
    )
    bovengrens = models.DecimalField(
        "bovengrens", max_digits=16, decimal_places=2, null=True, blank=True
    )
    ten_opzichte_van = models.ForeignKey(
        Indicator,
        verbose_name="ten opzichte van",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    omschrijving = models.CharField("omschrijving", max_length=300, blank=True)

    class Meta:
        verbose_name = "norm"
        verbose_name_plural = "normen"
        constraints = [
            models.CheckConstraint(
                condition=Q(ondergrens__isnull=False) | Q(bovengrens__isnull=False),
                name="norm_heeft_een_grens",
                violation_error_message="Geef een ondergrens, een bovengrens of beide.",
            ),
            models.CheckConstraint(
                condition=Q(soort="absoluut") | Q(ten_opzichte_van__isnull=False),
                name="aandeel_heeft_referentie",
                violation_error_message="Een aandeel-norm heeft een item nodig om "
                "het aandeel van te berekenen.",
            ),
        ]

    def __str__(self) -> str:
        return self.omschrijving or f"norm op {self.indicator}"

    def clean(self) -> None:
        ander = self.ten_opzichte_van
        if ander is None or not self.indicator_id:
            return
        if ander.pk == self.indicator_id:
            raise ValidationError(
                {"ten_opzichte_van": "Een norm kan niet naar zijn eigen item verwijzen."},
                code="naar_zichzelf",
            )
        if ander.dossier_id != self.indicator.dossier_id:
            raise ValidationError(
                {"ten_opzichte_van": "Dat item hoort bij een ander dossier."},
                code="ander_dossier",
            )


def _keten(start, veld: str) -> set[int]:
    """The keys met walking `veld` up from `start` (itself included); stops at a loop."""
    gezien: set[int] = set()
    while start is not None and start.pk not in gezien:
        gezien.add(start.pk)
        start = getattr(start, veld)
    return gezien


class Soort(models.TextChoices):
    """Whether a figure is planned or realised, or a corporation's bod: its proposed plan for
    next year, from which the agreed plan is made (docs/cycle.md). Places that count plans or
    realisations never read a bod (`WaardeQuerySet.visible_to` leaves it out unless asked)."""

    PLAN = "plan", "plan"
    REALISATIE = "realisatie", "realisatie"
    BOD = "bod", "bod"


class Waarde(models.Model):
    """One figure: an item's plan or realisation for a year, per organisation or location."""

    indicator = models.ForeignKey(
        Indicator, verbose_name="indicator", on_delete=models.PROTECT, related_name="waarden"
    )
    jaar = models.PositiveSmallIntegerField("jaar")
    soort = models.CharField("soort", max_length=12, choices=Soort.choices)
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name="organisatie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="waarden",
    )
    locatie = models.ForeignKey(
        Locatie,
        verbose_name="locatie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="waarden",
    )
    waarde = models.DecimalField("waarde", max_digits=16, decimal_places=2)
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
    # The cell's status (core.status) as a reader who sees every figure of this one's owner
    # sees it, and as one who sees only submitted figures; GEEN_CEL where the figure is no cell
    # for that reader (a realisation beside its plan), ONZICHTBAAR in the second where that
    # reader does not see it (not submitted), "" until computed. Kept by
    # core.opgeslagen_status, so that filtering and counting by status, and who sees a figure,
    # read a column.
    status_alles = models.CharField(max_length=20, default="", editable=False)
    status_openbaar = models.CharField(max_length=20, default="", editable=False)

    objects = WaardeQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "jaar", "soort"]
        verbose_name = "waarde"
        verbose_name_plural = "waarden"
        constraints = [
            models.CheckConstraint(
                condition=Q(organisatie__isnull=True) | Q(locatie__isnull=True),
                name="waarde_per_organisatie_of_locatie",
            ),
            models.UniqueConstraint(
                fields=["indicator", "jaar", "soort"],
                condition=Q(organisatie__isnull=True, locatie__isnull=True),
                name="waarde_uniek_totaal",
            ),
            models.UniqueConstraint(
                fields=["indicator", "jaar", "soort", "organisatie"],
                condition=Q(organisatie__isnull=False),
                name="waarde_uniek_per_organisatie",
            ),
            models.UniqueConstraint(
                fields=["indicator", "jaar", "soort", "locatie"],
                condition=Q(locatie__isnull=False),
                name="waarde_uniek_per_locatie",
            ),
        ]
        indexes = [
            models.Index(fields=["jaar", "soort"], name="waarde_jaar_soort"),
            # a cell's partner (the plan or realisation in the same place, core.cellen): the
            # partial unique indexes cannot serve a lookup that compares organisation and
            # location through Coalesce
            models.Index(fields=["indicator", "jaar", "soort"], name="waarde_plek"),
            models.Index(fields=["status_alles"], name="waarde_status_alles"),
            models.Index(fields=["status_openbaar"], name="waarde_status_openbaar"),
        ]

    def __str__(self) -> str:
        wie = self.organisatie or self.locatie or "totaal"
        return f"{self.indicator} {self.jaar} {self.get_soort_display()} ({wie}): {self.waarde}"

    @property
    def dossier(self) -> Dossier:
        return self.indicator.dossier

    @property
    def eigenaar_id(self) -> int:
        """Who answers for this figure: its organisation, else its location's municipality,
        else the dossier's penvoerder."""
        gemeente_id = self.locatie.gemeente_id if self.locatie_id else None
        return self.organisatie_id or gemeente_id or self.indicator.dossier.penvoerder_id


class Jaaropgave(models.Model):
    """An organisation's figures of one kind for one year of a dossier, as a unit of workflow.

    Figures without an opgave, or with one in concept, are visible only to their own
    organisation and the dossier's coordinators.
    """

    class Status(models.TextChoices):
        CONCEPT = "concept", "concept"
        INGEDIEND = "ingediend", "ingediend"
        VASTGESTELD = "vastgesteld", "vastgesteld"

    dossier = models.ForeignKey(
        Dossier, verbose_name="dossier", on_delete=models.CASCADE, related_name="jaaropgaven"
    )
    organisatie = models.ForeignKey(
        Organisatie, verbose_name="organisatie", on_delete=models.PROTECT, related_name="+"
    )
    jaar = models.PositiveSmallIntegerField("jaar")
    soort = models.CharField("soort", max_length=12, choices=Soort.choices)
    status = models.CharField(
        "status", max_length=12, choices=Status.choices, default=Status.CONCEPT
    )
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="gewijzigd door",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    gewijzigd_op = models.DateTimeField("gewijzigd op", auto_now=True)

    class Meta:
        ordering = ["dossier", "jaar", "soort", "organisatie__naam"]
        verbose_name = "jaaropgave"
        verbose_name_plural = "jaaropgaven"
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "organisatie", "jaar", "soort"], name="jaaropgave_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.dossier} – {self.organisatie} – {self.get_soort_display()} {self.jaar}"

    @property
    def is_vergrendeld(self) -> bool:
        return self.status == self.Status.VASTGESTELD


class Heropening(models.Model):
    """A fixed (vastgesteld) year reopened for changes: who, when and why."""

    jaaropgave = models.ForeignKey(
        Jaaropgave, verbose_name="jaaropgave", on_delete=models.CASCADE, related_name="heropeningen"
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="door", on_delete=models.PROTECT, related_name="+"
    )
    op = models.DateTimeField("op", auto_now_add=True)
    reden = models.TextField("reden")

    class Meta:
        ordering = ["jaaropgave", "op"]
        verbose_name = "heropening"
        verbose_name_plural = "heropeningen"

    def __str__(self) -> str:
        return f"{self.jaaropgave} heropend op {self.op:%d-%m-%Y}"


from .doelwijziging import Doelwijziging  # noqa: E402, F401  (amendments of a target)
from .streefdoel import Streefdoel  # noqa: E402, F401  (its own module: the target and its rules)
