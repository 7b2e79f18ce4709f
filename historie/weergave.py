"""History rows as people read them: what changed, from what to what, by whom."""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal

from django.apps import apps
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format

from core.dutch_numbers import format_getal

from .gevolgd import gevolgd
from .models import Mutatie

# Bookkeeping columns: they change with every save and tell nothing the row does not.
BOEKHOUDING = {
    "id",
    "versie",
    "ingevoerd_op",
    "gewijzigd_op",
    "ingevoerd_door_id",
    "gewijzigd_door_id",
}
# Technical columns: a web address or code says nothing to a reader of the history.
TECHNISCH = {"slug"}
NAAMVELDEN = ("naam", "titel", "omschrijving", "nummer", "code")
# How a change came in, as a reader says it ("bron" as the triggers record it).
WEGEN = {
    "scherm": "via de website",
    "beheer": "via Beheer",
    "import": "met een Excel-import",
    "achtergrond": "bij het maken van een rapportage",
    "systeem": "automatisch (inlezen of bijwerken)",
    "database": "rechtstreeks in de database",
}
LEEG = "–"


@dataclass
class Veldwijziging:
    veld: str
    oud: str
    nieuw: str


@dataclass
class Regel:
    mutatie: Mutatie
    wat: str
    velden: list[Veldwijziging] = field(default_factory=list)

    @property
    def door(self) -> str:
        """Who: a person by name, else the system or someone outside the application."""
        gebruiker = self.mutatie.gebruiker
        if gebruiker is None:
            return "buiten de applicatie" if self.mutatie.bron == "database" else "het systeem"
        return gebruiker.get_full_name() or gebruiker.username

    @property
    def namens(self) -> str:
        gebruiker = self.mutatie.gebruiker
        return str(gebruiker.organisatie) if gebruiker and gebruiker.organisatie_id else ""

    @property
    def hoe(self) -> str:
        return WEGEN.get(self.mutatie.bron, self.mutatie.bron)


def regels(
    mutaties: list[Mutatie], *, met_namen: bool = True, bekend: frozenset[str] = frozenset()
) -> list[Regel]:
    """Each mutation with its changed fields, foreign keys shown by name (one query per
    model they point to, not per row); without names, no query at all. `bekend`: columns
    the page already says (the dossier on a dossier's history), not repeated per row."""
    namen = _namen(mutaties) if met_namen else {}
    resultaat = []
    for mutatie in mutaties:
        model = apps.get_model(mutatie.tabel)
        spec = gevolgd(mutatie.tabel)
        # A figure is named by its place; its place need not be repeated among its fields.
        velden = {k: v for k, v in _velden(model).items() if not (spec and k in spec.sleutel)}
        oud, nieuw = mutatie.oud or {}, mutatie.nieuw or {}
        getoond = (
            _gewijzigd
            if mutatie.actie == Mutatie.Actie.GEWIJZIGD
            else lambda kolom, oud, nieuw: not _leeg(oud.get(kolom, nieuw.get(kolom)))
        )
        kolommen = [
            k
            for k in velden
            if k not in BOEKHOUDING | TECHNISCH | bekend and getoond(k, oud, nieuw)
        ]
        if mutatie.actie == Mutatie.Actie.GEWIJZIGD and not kolommen:
            continue  # only bookkeeping changed (a save that changed no figure of a year)
        resultaat.append(
            Regel(
                mutatie,
                wat=omschrijving(mutatie, namen),
                velden=[
                    Veldwijziging(
                        str(velden[kolom].verbose_name),
                        _tekst(velden[kolom], oud.get(kolom), namen),
                        _tekst(velden[kolom], nieuw.get(kolom), namen),
                    )
                    for kolom in kolommen
                ],
            )
        )
    return resultaat


def omschrijving(mutatie: Mutatie, namen: dict) -> str:
    model = apps.get_model(mutatie.tabel)
    velden = _velden(model)
    rij = mutatie.nieuw or mutatie.oud or {}
    soort = str(model._meta.verbose_name).capitalize()
    spec = gevolgd(mutatie.tabel)
    if spec is not None and (spec.sleutel or spec.omschrijving):
        delen = [
            _tekst(velden[k], rij[k], namen)
            for k in spec.sleutel or spec.omschrijving
            if rij.get(k) is not None
            and (not velden[k].is_relation or (velden[k].related_model, rij[k]) in namen)
        ]
        return f"{soort}: {', '.join(delen)}"
    for naam in NAAMVELDEN:
        if rij.get(naam):
            return f"{soort}: {rij[naam]}"
    return soort  # a number would tell a reader nothing


def _velden(model: type[models.Model]) -> dict[str, models.Field]:
    return {veld.column: veld for veld in model._meta.local_concrete_fields}


def _gewijzigd(kolom: str, oud: dict, nieuw: dict) -> bool:
    return oud.get(kolom) != nieuw.get(kolom)


def _leeg(waarde) -> bool:
    return waarde is None or waarde == ""


def _namen(mutaties: list[Mutatie]) -> dict[tuple[type, object], str]:
    """The names of every object the mutations point to, per model in one query."""
    gevraagd: dict[type[models.Model], set] = {}
    for mutatie in mutaties:
        for kolom, veld in _velden(apps.get_model(mutatie.tabel)).items():
            if not veld.is_relation:
                continue
            for rij in (mutatie.oud, mutatie.nieuw):
                if rij and rij.get(kolom) is not None:
                    gevraagd.setdefault(veld.related_model, set()).add(rij[kolom])
    namen = {}
    for model, pks in gevraagd.items():
        naamveld = next((n for n in NAAMVELDEN if _heeft_veld(model, n)), None)
        if model._meta.label_lower == "core.user":
            for pk, voornaam, achternaam, gebruikersnaam in model.objects.filter(
                pk__in=pks
            ).values_list("pk", "first_name", "last_name", "username"):
                namen[(model, pk)] = f"{voornaam} {achternaam}".strip() or gebruikersnaam
        elif naamveld:
            for pk, naam in model.objects.filter(pk__in=pks).values_list("pk", naamveld):
                namen[(model, pk)] = str(naam)
    return namen


def _heeft_veld(model: type[models.Model], naam: str) -> bool:
    try:
        model._meta.get_field(naam)
    except Exception:
        return False
    return True


def _lokaal(moment: datetime) -> datetime:
    """SQLite keeps UTC without a zone, PostgreSQL with one; both shown in local time."""
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, UTC)
    return timezone.localtime(moment)


def _tekst(veld: models.Field, waarde, namen: dict) -> str:
    if _leeg(waarde):
        return LEEG
    if veld.is_relation:
        return namen.get((veld.related_model, waarde), f"#{waarde}")
    if veld.choices:
        return str(dict(veld.flatchoices).get(waarde, waarde))
    if isinstance(veld, models.BooleanField):
        return "ja" if waarde else "nee"
    if isinstance(veld, models.DecimalField):
        return format_getal(Decimal(str(waarde)))
    if isinstance(veld, models.DateTimeField):
        moment = parse_datetime(str(waarde).replace(" ", "T"))
        return date_format(_lokaal(moment), "j F Y H:i") if moment else str(waarde)
    if isinstance(veld, models.DateField):
        dag = parse_date(str(waarde)[:10])
        return date_format(dag, "j F Y") if dag else str(waarde)
    return str(waarde)
