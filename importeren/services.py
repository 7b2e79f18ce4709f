"""Importing figures from Excel: upload, a preview of what changes and what is wrong, then
everything in one transaction, or nothing.

Each row is judged with the rules of the entry grid (`core.services`, `core.rules`,
`core.forms.toets_cijfer`); every problem becomes an `Importfout` with its row and column.
A row of a figure the user may not change is refused whatever its value, so an import can
never be used to probe figures the user cannot see. A row that changes nothing is fine, also
in a vastgesteld year: a template downloaded and uploaded unchanged is accepted and changes
nothing.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from core.aanlevering import levert_cijfers
from core.dutch_numbers import GROOTSTE_GETAL, parse_getal
from core.forms import toets_cijfer
from core.gegevens import Sleutel, parse_sleutel
from core.models import Dossier, Eenheid, Indicator, Jaaropgave, Organisatie, User, Waarde
from core.services import (
    Cijfer,
    Cijferwijziging,
    check_jaar,
    cijfer_verandert,
    eigenaar_van,
    invoer_plekken,
    sla_cijfers_op,
)
from historie.context import wijzigingscontext

from .bestand import Blad, Rij, read_blad
from .models import Cijferimport, Importwijziging

TWO_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class Importfout:
    rij: int
    kolom: str  # "J (Waarde)"
    melding: str


@dataclass(frozen=True)
class Importregel:
    """A figure the import changes: old → new."""

    rij: int
    sleutel: str
    omschrijving: str
    oud: Decimal | None
    nieuw: Decimal | None
    oude_toelichting: str
    nieuwe_toelichting: str

    @property
    def soort(self) -> str:
        if self.oud is None:
            return "nieuw"
        return "verwijderd" if self.nieuw is None else "gewijzigd"

    @property
    def toelichting_gewijzigd(self) -> bool:
        return self.oude_toelichting != self.nieuwe_toelichting


@dataclass
class Voorbeeld:
    """What an import would do: its changes, its errors, and the figures to save."""

    regels: list[Importregel] = field(default_factory=list)
    fouten: list[Importfout] = field(default_factory=list)
    aantal_rijen: int = 0
    cijfers: list[Cijfer] = field(default_factory=list)
    rijen: dict = field(default_factory=dict)  # Cijfer.sleutel → (row, key text, description)
    jaren: set[int] = field(default_factory=set)

    @property
    def vingerafdruk(self) -> str:
        return vingerafdruk(self.regels)

    @property
    def kan_opslaan(self) -> bool:
        return not self.fouten and bool(self.regels)


class ImportFouten(Exception):
    """The file has errors: nothing was saved."""

    def __init__(self, voorbeeld: Voorbeeld):
        super().__init__(f"{len(voorbeeld.fouten)} fouten")
        self.voorbeeld = voorbeeld


def vingerafdruk(regels) -> str:
    """A fingerprint of the changes shown in a preview, to confirm exactly those."""
    regels = sorted(
        f"{r.sleutel}|{_tekst(r.oud)}|{r.oude_toelichting}|{_tekst(r.nieuw)}|{r.nieuwe_toelichting}"
        for r in regels
    )
    return hashlib.sha256("\n".join(regels).encode()).hexdigest()


def _tekst(waarde: Decimal | None) -> str:
    return "" if waarde is None else str(waarde.quantize(TWO_PLACES))


# --- Upload, preview, confirm ----------------------------------------------------------


def upload_import(*, dossier: Dossier, door: User, naam: str, inhoud: bytes):
    """Check and read an uploaded file; keep it (in the database) until it is confirmed.

    Raises `bestand.Geweigerd` for a file that is refused as a whole; row errors are in the
    returned preview. A new upload replaces the user's unconfirmed one of the same dossier.
    """
    if not door.has_perm("importeren.upload_to_dossier", dossier):
        raise PermissionDenied("U mag in dit dossier geen cijfers importeren.")
    blad = read_blad(naam, inhoud)
    voorbeeld = evaluate(dossier=dossier, blad=blad, door=door)
    Cijferimport.objects.filter(
        door=door, dossier=dossier, status=Cijferimport.Status.VOORBEELD
    ).delete()
    cijferimport = Cijferimport.objects.create(
        dossier=dossier,
        bestandsnaam=naam[-255:],
        grootte=len(inhoud),
        sha256=hashlib.sha256(inhoud).hexdigest(),
        inhoud=inhoud,
        door=door,
    )
    return cijferimport, voorbeeld


def preview_import(cijferimport: Cijferimport, door: User) -> Voorbeeld:
    blad = read_blad(cijferimport.bestandsnaam, bytes(cijferimport.inhoud))
    return evaluate(dossier=cijferimport.dossier, blad=blad, door=door)


def confirm_import(
    *, cijferimport: Cijferimport, door: User, verwacht: str | None = None
) -> Cijferimport:
    """Save every figure of the file in one transaction, or none; record it as one change.

    Imports of one dossier are serialised on the dossier's row (select_for_update) and the
    file is judged again under that lock, so two imports at the same time end with the
    figures of one of them. `verwacht` is the fingerprint of the preview the user saw: when
    the figures changed since, nothing is saved.
    """
    if cijferimport.door_id != door.pk:  # a predicate would let a superuser through
        raise PermissionDenied("Alleen wie het bestand uploadde, kan het opslaan.")
    if cijferimport.is_bevestigd:
        raise ValidationError("Deze import is al opgeslagen.", code="al_opgeslagen")
    blad = read_blad(cijferimport.bestandsnaam, bytes(cijferimport.inhoud))
    reden = f"Import ‘{cijferimport.bestandsnaam}’ (nr. {cijferimport.pk})"
    with transaction.atomic(), wijzigingscontext(door=door, bron="import", reden=reden):
        dossier = Dossier.objects.select_for_update().get(pk=cijferimport.dossier_id)
        cijferimport = Cijferimport.objects.select_for_update().get(pk=cijferimport.pk)
        if cijferimport.is_bevestigd:
            raise ValidationError("Deze import is al opgeslagen.", code="al_opgeslagen")
        voorbeeld = evaluate(dossier=dossier, blad=blad, door=door)
        if voorbeeld.fouten:
            raise ImportFouten(voorbeeld)
        gedaan = sla_cijfers_op(dossier=dossier, cijfers=voorbeeld.cijfers, door=door)
        regels = [_regel(voorbeeld, wijziging) for wijziging in gedaan]
        if verwacht is not None and vingerafdruk(regels) != verwacht:
            raise ValidationError(
                "Sinds het voorbeeld zijn er cijfers gewijzigd; er is niets opgeslagen. "
                "Bekijk het nieuwe voorbeeld en bevestig opnieuw.",
                code="verouderd",
            )
        _record(cijferimport, voorbeeld, gedaan, regels)
    return cijferimport


def _regel(voorbeeld: Voorbeeld, wijziging: Cijferwijziging) -> Importregel:
    rij, sleutel, omschrijving = voorbeeld.rijen[wijziging.cijfer.sleutel]
    return Importregel(
        rij=rij,
        sleutel=sleutel,
        omschrijving=omschrijving,
        oud=wijziging.oud,
        nieuw=wijziging.nieuw,
        oude_toelichting=wijziging.oude_toelichting,
        nieuwe_toelichting=wijziging.cijfer.toelichting,
    )


def _record(cijferimport, voorbeeld, gedaan, regels) -> None:
    cijferimport.status = Cijferimport.Status.BEVESTIGD
    cijferimport.bevestigd_op = timezone.now()
    cijferimport.aantal_gewijzigd = len(gedaan)
    cijferimport.jaar = next(iter(voorbeeld.jaren)) if len(voorbeeld.jaren) == 1 else None
    cijferimport.inhoud = b""  # history keeps the changes, name, size and hash, not the file
    cijferimport.save()
    Importwijziging.objects.bulk_create(
        [
            Importwijziging(
                cijferimport=cijferimport,
                waarde=wijziging.waarde,
                rij=regel.rij,
                sleutel=regel.sleutel,
                omschrijving=regel.omschrijving[:500],
                oud=regel.oud,
                nieuw=regel.nieuw,
                oude_toelichting=regel.oude_toelichting,
                nieuwe_toelichting=regel.nieuwe_toelichting,
            )
            for wijziging, regel in zip(gedaan, regels, strict=True)
        ],
        batch_size=1000,
    )


# --- Judging the rows ----------------------------------------------------------------------


def evaluate(*, dossier: Dossier, blad: Blad, door: User) -> Voorbeeld:
    """Judge every row of a sheet against the database; saves nothing."""
    return _Beoordeling(dossier, blad, door).run()


class _Beoordeling:
    """One pass over the rows, with what they need loaded in a fixed number of queries."""

    def __init__(self, dossier: Dossier, blad: Blad, door: User):
        self.dossier, self.blad, self.door = dossier, blad, door
        self.voorbeeld = Voorbeeld(aantal_rijen=len(blad.rijen))
        self.indicatoren = {i.code: i for i in dossier.indicatoren.all()}
        self.locaties = {locatie.pk: locatie for locatie in dossier.locaties.all()}
        self.organisaties: dict[str, Organisatie] = {}  # by slug, the keys' organisations
        self.eigenaars: dict[int, Organisatie] = {}  # by pk, who answers for a figure
        self.plekken: dict[int, dict] = {}  # owner → {Plek: Invoerplek}
        self.gezien: dict[tuple, int] = {}  # Cijfer.sleutel → row

    def fout(self, rij: Rij, kolom: str, melding) -> None:
        if isinstance(melding, ValidationError):
            melding = " ".join(melding.messages)
        self.voorbeeld.fouten.append(Importfout(rij.nummer, self.blad.kolom(kolom), melding))

    def run(self) -> Voorbeeld:
        sleutels = [(rij, self._sleutel(rij)) for rij in self.blad.rijen]
        sleutels = [(rij, sleutel) for rij, sleutel in sleutels if sleutel]
        slugs = {s.organisatie for _, s in sleutels if s.organisatie}
        self.organisaties = Organisatie.objects.in_bulk(slugs, field_name="slug")
        jaren = {s.jaar for _, s in sleutels}
        self.bestaand = {
            ((w.indicator_id, w.organisatie_id, w.locatie_id), w.jaar, w.soort): w
            for w in Waarde.objects.filter(indicator__dossier=self.dossier, jaar__in=jaren)
        }
        self.opgaven = {
            (o.organisatie_id, o.jaar, o.soort): o
            for o in Jaaropgave.objects.filter(dossier=self.dossier, jaar__in=jaren)
        }
        for rij, sleutel in sleutels:
            self._rij(rij, sleutel)
        self.voorbeeld.fouten.sort(key=lambda fout: fout.rij)
        return self.voorbeeld

    def _sleutel(self, rij: Rij) -> Sleutel | None:
        if "sleutel" in rij.formules:
            self.fout(rij, "sleutel", FORMULE_ZONDER_WAARDE)
            return None
        tekst = "" if rij.sleutel is None else str(rij.sleutel).strip()
        if not tekst:
            self.fout(rij, "sleutel", "De sleutel ontbreekt: elke rij hoort bij één cijfer.")
            return None
        try:
            return parse_sleutel(tekst)
        except ValidationError as error:
            self.fout(rij, "sleutel", error)
            return None

    def _rij(self, rij: Rij, sleutel: Sleutel) -> None:
        plek = self._plek(rij, sleutel)
        if plek is None:
            return
        sleutel_cijfer = (plek.sleutel, sleutel.jaar, sleutel.soort)
        if sleutel_cijfer in self.gezien:
            self.fout(rij, "sleutel", f"Dit cijfer staat ook op rij {self.gezien[sleutel_cijfer]}.")
            return
        self.gezien[sleutel_cijfer] = rij.nummer
        if not self._kolommen_kloppen(rij, sleutel):
            return
        nieuw = self._waarde(rij, plek.indicator)
        if nieuw is False:
            return
        oud = self.bestaand.get(sleutel_cijfer)
        toelichting = self._toelichting(rij, oud)
        if toelichting is None:
            return
        if nieuw is None:
            toelichting = ""  # an empty cell removes the figure with its toelichting
        cijfer = Cijfer(plek, sleutel.jaar, sleutel.soort, nieuw, toelichting)
        omschrijving = _omschrijving(plek, sleutel)
        self.voorbeeld.cijfers.append(cijfer)
        self.voorbeeld.rijen[cijfer.sleutel] = (rij.nummer, str(sleutel), omschrijving)
        self.voorbeeld.jaren.add(sleutel.jaar)
        if not cijfer_verandert(oud, cijfer):
            return
        opgave = self.opgaven.get((eigenaar_van(self.dossier, plek), sleutel.jaar, sleutel.soort))
        if opgave is not None and opgave.is_vergrendeld:
            kolom = "waarde" if _waarde_van(oud) != nieuw else "toelichting"
            self.fout(
                rij,
                kolom,
                f"{opgave.get_soort_display().capitalize()} {sleutel.jaar} van "
                f"{opgave.organisatie} is vastgesteld; heropen het jaar om iets te wijzigen.",
            )
            return
        self.voorbeeld.regels.append(
            Importregel(
                rij=rij.nummer,
                sleutel=str(sleutel),
                omschrijving=omschrijving,
                oud=_waarde_van(oud),
                nieuw=nieuw,
                oude_toelichting=oud.toelichting if oud else "",
                nieuwe_toelichting=cijfer.toelichting,
            )
        )

    def _plek(self, rij: Rij, sleutel: Sleutel):
        """The grid's place for the key, once the user may change it; else an error."""
        if sleutel.dossier != self.dossier.slug:
            self.fout(
                rij,
                "sleutel",
                f"Deze rij hoort bij een ander dossier (‘{sleutel.dossier}’), "
                f"niet bij ‘{self.dossier.slug}’.",
            )
            return None
        indicator = self.indicatoren.get(sleutel.indicator)
        if indicator is None:
            self.fout(rij, "sleutel", f"Onbekend item ‘{sleutel.indicator}’ in dit dossier.")
            return None
        organisatie = locatie = None
        if sleutel.organisatie:
            organisatie = self.organisaties.get(sleutel.organisatie)
            if organisatie is None:
                self.fout(rij, "sleutel", f"Onbekende organisatie ‘{sleutel.organisatie}’.")
                return None
        if sleutel.locatie is not None:
            locatie = self.locaties.get(sleutel.locatie)
            if locatie is None:
                self.fout(rij, "sleutel", f"Onbekende locatie {sleutel.locatie} in dit dossier.")
                return None
        try:
            check_jaar(self.dossier, sleutel.jaar)
        except ValidationError as error:
            self.fout(rij, "sleutel", error)
            return None
        if indicator.laatste_jaar and sleutel.jaar > indicator.laatste_jaar:
            self.fout(
                rij,
                "sleutel",
                f"‘{indicator.naam}’ is beëindigd na {indicator.laatste_jaar}: "
                f"er is geen cijfer voor {sleutel.jaar}.",
            )
            return None
        kandidaat = Waarde(
            indicator=indicator,
            organisatie=organisatie,
            locatie=locatie,
            jaar=sleutel.jaar,
            soort=sleutel.soort,
        )
        eigenaar_id = kandidaat.eigenaar_id
        if not self.door.has_perm("core.change_waarde", kandidaat):
            eigenaar = self._organisatie(eigenaar_id)
            self.fout(rij, "sleutel", f"U mag dit cijfer niet wijzigen: het is van {eigenaar}.")
            return None
        plek = self._plekken(eigenaar_id).get((indicator.pk, _pk(organisatie), _pk(locatie)))
        if plek is None and not self._plekken(eigenaar_id):
            eigenaar = self._organisatie(eigenaar_id)
            if not levert_cijfers(self.dossier, eigenaar):  # a party that only signs
                self.fout(rij, "sleutel", f"{eigenaar} levert in dit dossier geen cijfers aan.")
                return None
        if plek is None:
            if organisatie or locatie:
                wie = f"organisatie {organisatie}" if organisatie else f"locatie {locatie}"
            else:
                wie = "het totaal"
            self.fout(
                rij,
                "sleutel",
                f"‘{indicator.naam}’ heeft geen cijfer voor {wie} "
                f"(uitsplitsing: {indicator.get_uitsplitsing_display()}).",
            )
        return plek

    def _organisatie(self, pk: int) -> Organisatie:
        if pk not in self.eigenaars:
            self.eigenaars[pk] = Organisatie.objects.get(pk=pk)
        return self.eigenaars[pk]

    def _plekken(self, eigenaar_id: int) -> dict:
        if eigenaar_id not in self.plekken:
            organisatie = self._organisatie(eigenaar_id)
            self.plekken[eigenaar_id] = {
                plek.sleutel: plek for plek in invoer_plekken(self.dossier, organisatie)
            }
        return self.plekken[eigenaar_id]

    def _kolommen_kloppen(self, rij: Rij, sleutel: Sleutel) -> bool:
        """The Jaar and Soort columns, where there are any, agree with the key."""
        if rij.jaar is not None and _als_tekst(rij.jaar) != str(sleutel.jaar):
            self.fout(
                rij,
                "jaar",
                f"Het jaar {_als_tekst(rij.jaar)[:20]} wijkt af van de sleutel ({sleutel.jaar}). "
                "Een ander jaar invoeren kan alleen met de sleutel van dat jaar.",
            )
            return False
        if rij.soort is not None and _als_tekst(rij.soort).lower() != sleutel.soort:
            self.fout(
                rij,
                "soort",
                f"De soort ‘{_als_tekst(rij.soort)[:20]}’ wijkt af van de sleutel "
                f"({sleutel.soort}).",
            )
            return False
        return True

    def _waarde(self, rij: Rij, indicator: Indicator):
        """The new figure, None for an empty cell, or False after an error."""
        if "waarde" in rij.formules:
            self.fout(rij, "waarde", FORMULE_ZONDER_WAARDE)
            return False
        try:
            waarde = cel_getal(rij)
            if waarde is None:
                return None
            if rij.waarde_procent and indicator.eenheid == Eenheid.PROCENT:
                waarde = _centen(waarde * 100)  # Excel keeps 45 % as 0.45
            return toets_cijfer(
                waarde, eenheid=indicator.eenheid, mag_negatief=indicator.mag_negatief
            )
        except ValidationError as error:
            self.fout(rij, "waarde", error)
            return False

    def _toelichting(self, rij: Rij, oud: Waarde | None) -> str | None:
        if "toelichting" in rij.formules:
            self.fout(rij, "toelichting", FORMULE_ZONDER_WAARDE)
            return None
        if not self.blad.heeft_toelichting:  # no such column: keep what there is
            return oud.toelichting if oud else ""
        return "" if rij.toelichting is None else _als_tekst(rij.toelichting)


FORMULE_ZONDER_WAARDE = (
    "Formule zonder waarde: Excel heeft de uitkomst niet opgeslagen. Open het bestand in "
    "Excel en sla het opnieuw op, of typ de waarde zelf in."
)


def cel_getal(rij: Rij) -> Decimal | None:
    """The number in a Waarde cell: an Excel number, or text typed the Dutch way."""
    waarde = rij.waarde
    if rij.waarde_type == "e":
        raise ValidationError(f"De cel bevat de Excel-fout {waarde}, geen getal.", code="fout")
    if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
        return None
    if isinstance(waarde, bool | date | datetime | time):
        raise ValidationError(
            "‘%(tekst)s’ is geen getal.", code="geen_getal", params={"tekst": str(waarde)[:40]}
        )
    if isinstance(waarde, int):
        return Decimal(waarde)
    if isinstance(waarde, float):
        return _uit_float(waarde)
    return parse_getal(str(waarde))


def _uit_float(getal: float) -> Decimal:
    """Excel keeps numbers as doubles: 0,1 + 0,2 is 0.30000000000000004. Round what is only
    binary noise to cents; a figure that really has more decimals stays refused."""
    if getal != getal or getal in (float("inf"), float("-inf")):
        raise ValidationError("Dit is geen getal.", code="geen_getal")
    if abs(getal) >= GROOTSTE_GETAL:  # beyond any figure (toets_cijfer)
        raise ValidationError("Dit getal is te groot.", code="te_groot")
    return _centen(Decimal(repr(getal)))


def _centen(waarde: Decimal) -> Decimal:
    afgerond = waarde.quantize(TWO_PLACES)
    if abs(waarde - afgerond) <= Decimal("1e-9") * max(1, abs(waarde)):
        return afgerond
    return waarde


def _als_tekst(waarde) -> str:
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde).strip()


def _waarde_van(oud: Waarde | None) -> Decimal | None:
    return oud.waarde if oud else None


def _pk(obj) -> int | None:
    return obj.pk if obj is not None else None


def _omschrijving(plek, sleutel: Sleutel) -> str:
    wie = f" – {plek.organisatie}" if plek.organisatie else ""
    return f"{plek.naam}{wie}, {sleutel.soort} {sleutel.jaar}"
