"""An amendment of a target after its dossier was published: the target's numbers before and
after, when the amendment took effect and why. One model for every kind of dossier (an
agreement, a Regio Deal, a project); see docs/decisions.md."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction

from historie.context import wijzigingscontext

from .doeltekst import als_gegevens
from .streefdoel import Streefdoel

CENT = Decimal("0.01")

# A change of one of these, once the dossier is published, is an amendment.
GEWIJZIGD_ALS = [
    "soort",
    "waarde",
    "minimum",
    "maximum",
    "per_jaar",
    "van_jaar",
    "tot_en_met_jaar",
    "deadline",
    "vervallen",
]


class Doelwijziging(models.Model):
    """One amendment of a target: old and new values as JSON (`core.doeltekst.als_gegevens`
    plus `vervallen`)."""

    streefdoel = models.ForeignKey(
        Streefdoel,
        verbose_name="streefdoel",
        on_delete=models.CASCADE,
        related_name="wijzigingen",
    )
    datum = models.DateField("datum van de wijziging")
    reden = models.TextField("reden")
    oud = models.JSONField("oud")
    nieuw = models.JSONField("nieuw")
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="door",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    op = models.DateTimeField("vastgelegd op", auto_now_add=True)

    class Meta:
        ordering = ["streefdoel", "datum", "pk"]
        verbose_name = "wijziging van een streefdoel"
        verbose_name_plural = "wijzigingen van streefdoelen"

    def __str__(self) -> str:
        return f"{self.streefdoel} gewijzigd op {self.datum:%d-%m-%Y}"


def gegevens(doel: Streefdoel) -> dict:
    """The values an amendment records; numbers with two decimals (as stored), so that 900
    typed and 900.00 read back compare equal."""
    waarden = {**als_gegevens(doel), "vervallen": doel.vervallen}
    for veld in ("waarde", "minimum", "maximum"):
        if waarden[veld] is not None:
            waarden[veld] = str(Decimal(waarden[veld]).quantize(CENT))
    return waarden


def is_wijziging(oud: dict, doel: Streefdoel) -> bool:
    """Whether `doel` (the form's values over the stored target) changes what was promised."""
    nieuw = gegevens(doel)
    return any(oud.get(veld) != nieuw.get(veld) for veld in GEWIJZIGD_ALS)


@transaction.atomic
def wijzig_streefdoel(
    *, doel: Streefdoel, oud: dict, datum: datetime.date, reden: str, door
) -> Doelwijziging:
    """Save `doel` (already carrying its new values, checked) and record the amendment from
    `oud` (`gegevens` of the stored target) to the new values, dated `datum`, for `reden`."""
    if not reden.strip():
        raise ValidationError({"reden": "Geef de reden van de wijziging."}, code="verplicht")
    with wijzigingscontext(door=door, reden=reden):
        doel.save()
        return Doelwijziging.objects.create(
            streefdoel=doel,
            datum=datum,
            reden=reden,
            oud=oud,
            nieuw=gegevens(doel),
            door=door if door is not None and door.is_authenticated else None,
        )
