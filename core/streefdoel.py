"""A target as agreements write it: per year, over a span of years, a range, a milestone or
an effect. The one place a target's numbers live, for agreements, deals and projects alike;
`afspraken.Afspraakpunt` and `regiodeals.BeoogdResultaat` keep the text and point here.
How progress toward a target is judged: `core.voortgang`.
"""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.db.models import Q

from .dutch_numbers import format_getal

# The apps' objects that word a target in its document, by their reverse one-to-one and the
# field with the words (core names them only here, as it names the apps' detail URLs).
WOORDEN_IN = {"afspraakpunt": "titel", "beoogd_resultaat": "omschrijving"}

GETAL = {"max_digits": 16, "decimal_places": 2, "null": True, "blank": True}


class Streefdoel(models.Model):
    class Soort(models.TextChoices):
        PER_JAAR = "per_jaar", "per jaar"
        LOOPTIJD = "looptijd", "over de looptijd"
        BANDBREEDTE = "bandbreedte", "bandbreedte"
        MIJLPAAL = "mijlpaal", "mijlpaal"
        EFFECT = "effect", "effect"

    dossier = models.ForeignKey(
        "core.Dossier",
        verbose_name="dossier",
        on_delete=models.CASCADE,
        related_name="streefdoelen",
    )
    indicator = models.ForeignKey(
        "core.Indicator",
        verbose_name="indicator",
        help_text="Het item waarvan de gerealiseerde waarden meetellen.",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="streefdoelen",
    )
    organisatie = models.ForeignKey(
        "core.Organisatie",
        verbose_name="organisatie",
        help_text="Alleen als het doel van één partij is (haar eigen cijfers tellen mee).",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    soort = models.CharField("soort", max_length=12, choices=Soort.choices)
    omschrijving = models.CharField("omschrijving", max_length=300, blank=True)
    waarde = models.DecimalField(
        "streefwaarde",
        help_text="Per jaar: per jaar (leeg: de planning per jaar). Over de looptijd: in "
        "totaal. Effect: het niveau dat bereikt moet worden.",
        **GETAL,
    )
    minimum = models.DecimalField("minimum", **GETAL)
    maximum = models.DecimalField("maximum", **GETAL)
    per_jaar = models.BooleanField(
        "bandbreedte per jaar", default=False, help_text="Anders over de looptijd, opgeteld."
    )
    van_jaar = models.PositiveSmallIntegerField(
        "vanaf jaar", null=True, blank=True, help_text="Leeg: het begin van het dossier."
    )
    tot_en_met_jaar = models.PositiveSmallIntegerField(
        "tot en met jaar",
        null=True,
        blank=True,
        help_text="Leeg: het einde van het dossier. Mag na de looptijd liggen.",
    )
    eenheid = models.CharField(
        "eenheid",
        max_length=10,
        choices=[("aantal", "aantal"), ("euro", "euro"), ("procent", "procent")],
        blank=True,
        help_text="Alleen zonder indicator; anders die van de indicator.",
    )
    richting = models.CharField(
        "richting",
        max_length=10,
        choices=[("hoger", "hoger is beter"), ("lager", "lager is beter")],
        blank=True,
        help_text="Leeg: die van de indicator, anders hoger is beter.",
    )
    deadline = models.DateField("uiterlijk", null=True, blank=True)
    bereikt_op = models.DateField("bereikt op", null=True, blank=True)
    referentie = models.CharField(
        "referentie", max_length=200, blank=True, help_text="Bijv. ‘gemeentelijk gemiddelde’."
    )
    referentiewaarde = models.DecimalField("referentiewaarde", **GETAL)
    nulmeting = models.DecimalField("nulmeting", **GETAL)
    nulmeting_jaar = models.PositiveSmallIntegerField("jaar nulmeting", null=True, blank=True)
    bron = models.CharField("bron", max_length=200, blank=True)
    vervallen = models.BooleanField("vervallen", default=False)
    volgorde = models.PositiveIntegerField("volgorde", default=0)

    class Meta:
        ordering = ["dossier", "volgorde", "pk"]
        verbose_name = "streefdoel"
        verbose_name_plural = "streefdoelen"
        constraints = [
            models.CheckConstraint(
                condition=Q(minimum__isnull=True)
                | Q(maximum__isnull=True)
                | Q(maximum__gte=models.F("minimum")),
                name="streefdoel_minimum_onder_maximum",
                violation_error_message="Het minimum is groter dan het maximum.",
            ),
            models.CheckConstraint(
                condition=Q(van_jaar__isnull=True)
                | Q(tot_en_met_jaar__isnull=True)
                | Q(tot_en_met_jaar__gte=models.F("van_jaar")),
                name="streefdoel_jaren_oplopend",
                violation_error_message="Het laatste jaar ligt vóór het eerste.",
            ),
        ]

    def __str__(self) -> str:
        return self.omschrijving or f"{self.get_soort_display()}: {self.indicator or ''}".strip()

    # --- derived -----------------------------------------------------------------------

    @property
    def titel(self) -> str:
        """The document's words for this target (its agreement item or intended result),
        else its own description. Select `WOORDEN_IN` with it to read them without queries."""
        for relatie, veld in WOORDEN_IN.items():
            try:
                return getattr(getattr(self, relatie), veld)
            except ObjectDoesNotExist:
                continue
        return self.omschrijving

    @property
    def startjaar(self) -> int | None:
        return self.van_jaar or self.dossier.startjaar

    @property
    def eindjaar(self) -> int | None:
        return self.tot_en_met_jaar or self.dossier.eindjaar

    @property
    def jaren(self) -> list[int]:
        if self.startjaar is None or self.eindjaar is None:
            return []
        return list(range(self.startjaar, self.eindjaar + 1))

    @property
    def uiterlijk(self):
        """A milestone's due date: its own, else the end of the dossier."""
        if self.deadline:
            return self.deadline
        return self.dossier.einddatum if self.dossier_id else None

    @property
    def eenheid_van(self) -> str:
        return self.indicator.eenheid if self.indicator_id else (self.eenheid or "aantal")

    @property
    def lager_is_beter(self) -> bool:
        richting = self.richting or (self.indicator.richting if self.indicator_id else "")
        return richting == "lager"

    @property
    def is_opgeteld(self) -> bool:
        """Judged on the realisations summed over its years (a term target, a term range)."""
        return self.soort == self.Soort.LOOPTIJD or (
            self.soort == self.Soort.BANDBREEDTE and not self.per_jaar
        )

    @property
    def voorbij_looptijd(self) -> bool:
        """Runs past the dossier's term: its later years are context, never entry years."""
        eind = self.dossier.eindjaar
        return bool(eind and self.eindjaar and self.eindjaar > eind)

    # --- rules -------------------------------------------------------------------------

    def clean(self) -> None:
        fouten = {}
        soort = self.Soort
        if self.soort == soort.LOOPTIJD and self.waarde is None:
            fouten["waarde"] = "Geef het aantal dat over de looptijd bereikt moet worden."
        if self.soort == soort.BANDBREEDTE and self.minimum is None and self.maximum is None:
            fouten["minimum"] = "Geef een minimum, een maximum of beide."
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            fouten["maximum"] = (
                f"Het minimum ({format_getal(self.minimum)}) is groter dan het maximum "
                f"({format_getal(self.maximum)})."
            )
        if self.soort == soort.MIJLPAAL and self.uiterlijk is None and self.bereikt_op is None:
            fouten["deadline"] = "Een mijlpaal heeft een datum waarop hij bereikt moet zijn."
        if self.is_opgeteld and self.indicator_id and self.indicator.eenheid == "procent":
            fouten["soort"] = (
                "Een percentage kan niet over jaren worden opgeteld: kies ‘per jaar’, "
                "een bandbreedte per jaar of een effect."
            )
        # Without a start (a convenant "from the day after signing") a summed target can
        # still be judged at its end; without an end it can never be.
        if self.is_opgeteld and self.dossier_id and not self.eindjaar:
            fouten["tot_en_met_jaar"] = (
                "Dit dossier heeft geen looptijd: geef het eerste en laatste jaar van het doel."
            )
        if self.dossier_id:
            fouten.update(self._binnen_dossier())
        if fouten:
            raise ValidationError(fouten)

    def _binnen_dossier(self) -> dict:
        fouten = {}
        begin = self.dossier.startjaar
        for veld in ("van_jaar", "tot_en_met_jaar"):
            jaar = getattr(self, veld)
            if begin and jaar and jaar < begin:
                fouten[veld] = f"{jaar} ligt vóór het begin van het dossier ({begin})."
        if self.indicator_id and self.indicator.dossier_id != self.dossier_id:
            fouten["indicator"] = "Deze indicator hoort bij een ander dossier."
        return fouten
