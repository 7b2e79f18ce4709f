"""Workflows of the core app: one function each, atomic, keyword-only."""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from historie.context import namens_door, wijzigingscontext

from .aanlevering import levert_cijfers
from .jaren import toets_jaar as _check_jaar
from .models import (
    Dossier,
    Heropening,
    Indicator,
    Jaaropgave,
    Locatie,
    Organisatie,
    Rol,
    User,
    Waarde,
)
from .opgeslagen_status import houd_vast, in_een_keer, markeer
from .rules import waarden_van_q
from .signals import meld_cijfers_gewijzigd
from .versies import toets_versies

DEMO_WACHTWOORD = "demo"

# username → (organisation slug or None, roles, first name)
DEMO_ACCOUNTS: dict[str, tuple[str | None, list[Rol], str]] = {
    "beheerder": (None, [Rol.BEHEERDER], "Functioneel beheerder"),
    "bestuurder": ("gemeente-maastricht", [Rol.BESTUURDER], "Wethouder Wonen"),
    "maastricht": ("gemeente-maastricht", [Rol.BELEIDSMEDEWERKER], "Beleidsmedewerker"),
    "maasvallei": ("maasvallei", [Rol.BELEIDSMEDEWERKER], "Beleidsmedewerker"),
    "woonpunt": ("woonpunt", [Rol.BELEIDSMEDEWERKER], "Beleidsmedewerker"),
    "servatius": ("servatius", [Rol.BELEIDSMEDEWERKER], "Beleidsmedewerker"),
    "groningen": ("gemeente-groningen", [Rol.COORDINATOR], "Programmamanager"),
    "deventer": ("gemeente-deventer", [Rol.COORDINATOR], "Projectleider"),
    "ocw": ("ministerie-ocw", [Rol.BELEIDSMEDEWERKER], "Beleidsmedewerker"),
}


@transaction.atomic
def create_demo_accounts() -> list[User]:
    """Create or reset the demo accounts; never on a production configuration."""
    if not settings.DEBUG:
        raise ImproperlyConfigured(
            "Demo-accounts worden alleen aangemaakt met DEBUG aan, nooit in productie."
        )
    users = []
    for username, (org_slug, rollen, voornaam) in DEMO_ACCOUNTS.items():
        organisatie = Organisatie.objects.get(slug=org_slug) if org_slug else None
        user, _ = User.objects.update_or_create(
            username=username,
            defaults={
                "organisatie": organisatie,
                "first_name": voornaam,
                "last_name": organisatie.naam if organisatie else "",
                "is_staff": Rol.BEHEERDER in rollen,
                "is_superuser": Rol.BEHEERDER in rollen,
                "is_active": True,
            },
        )
        user.set_password(DEMO_WACHTWOORD)
        user.save()
        user.groups.set(Group.objects.filter(name__in=[r.value for r in rollen]))
        users.append(user)
    return users


# --- Yearly figures: enter, submit, fix, reopen ---------------------------------------


# One cell of a grid: (indicator, organisatie or None, locatie or None).
Plek = tuple[int, int | None, int | None]


@dataclass(frozen=True)
class Invoerplek:
    indicator: Indicator
    organisatie: Organisatie | None = None
    locatie: Locatie | None = None

    @property
    def sleutel(self) -> Plek:
        return (
            self.indicator.pk,
            self.organisatie.pk if self.organisatie else None,
            self.locatie.pk if self.locatie else None,
        )

    @property
    def naam(self) -> str:
        if self.locatie is not None:
            return f"{self.indicator.naam} – {self.locatie}"
        if self.organisatie is None and self.indicator.uitsplitsing != Indicator.Uitsplitsing.GEEN:
            return f"{self.indicator.naam} (totaal)"
        return self.indicator.naam


def invoer_plekken(
    dossier: Dossier, organisatie: Organisatie, jaar: int | None = None
) -> list[Invoerplek]:
    """The figures an organisation fills itself: its own row of items split per organisation,
    each of its municipality's locations for items split per location; the penvoerder fills
    the items without a split and the reported totals of items split per organisation.
    An organisation that delivers no figures here (a party that only signs) has none.
    With `jaar`: not an item ended before that year (its `laatste_jaar`)."""
    if not levert_cijfers(dossier, organisatie):
        return []
    is_penvoerder = dossier.penvoerder_id == organisatie.pk
    locaties = [
        locatie
        for locatie in dossier.locaties.all()
        if locatie.gemeente_id == organisatie.pk or (is_penvoerder and not locatie.gemeente_id)
    ]
    plekken = []
    indicatoren = dossier.indicatoren.select_related("onderdeel").prefetch_related("meetdefinities")
    if jaar is not None:
        indicatoren = indicatoren.exclude(laatste_jaar__lt=jaar)
    for indicator in indicatoren:
        if indicator.uitsplitsing == Indicator.Uitsplitsing.LOCATIE:
            plekken += [Invoerplek(indicator, locatie=locatie) for locatie in locaties]
            continue
        if is_penvoerder:
            plekken.append(Invoerplek(indicator))
        elif indicator.uitsplitsing == Indicator.Uitsplitsing.ORGANISATIE:
            plekken.append(Invoerplek(indicator, organisatie=organisatie))
    return plekken


def _lock_opgave(
    *, dossier: Dossier, organisatie: Organisatie, jaar: int, soort: str
) -> Jaaropgave:
    opgave, _ = Jaaropgave.objects.get_or_create(
        dossier=dossier, organisatie=organisatie, jaar=jaar, soort=soort
    )
    return Jaaropgave.objects.select_for_update().get(pk=opgave.pk)


@namens_door
@transaction.atomic
@in_een_keer()
def sla_jaaropgave_op(
    *,
    dossier: Dossier,
    organisatie: Organisatie,
    jaar: int,
    soort: str,
    cijfers: dict[Plek, tuple[Decimal | None, str]],
    door: User,
    gezien: dict[Plek, int] | None = None,
) -> Jaaropgave:
    """Save a whole grid, or nothing: a locked year, a foreign item or a bad year refuses all,
    and so does a figure changed by someone else since its version in `gezien` was shown.

    An empty value removes the figure; its toelichting goes with it.
    """
    _check_jaar(dossier, jaar)
    houd_vast([dossier.pk])
    opgave = _lock_opgave(dossier=dossier, organisatie=organisatie, jaar=jaar, soort=soort)
    if not door.has_perm("core.enter_jaaropgave", opgave):
        raise PermissionDenied("U mag de cijfers van deze organisatie niet invoeren.")
    if opgave.is_vergrendeld:
        raise ValidationError(
            "%(soort)s %(jaar)s is vastgesteld; heropen het jaar om iets te wijzigen.",
            code="vastgesteld",
            params={"soort": opgave.get_soort_display().capitalize(), "jaar": jaar},
        )
    toegestaan = {plek.sleutel: plek for plek in invoer_plekken(dossier, organisatie, jaar)}
    if set(cijfers) - set(toegestaan):
        raise PermissionDenied("Deze cijfers horen niet bij uw organisatie.")
    bestaand = bestaande_waarden(dossier, organisatie, jaar, soort)
    toets_versies(
        nieuw=cijfers,
        gezien=gezien,
        opgeslagen=bestaand,
        namen={sleutel: toegestaan[sleutel].naam for sleutel in cijfers},
    )
    for sleutel, (waarde, toelichting) in cijfers.items():
        plek = toegestaan[sleutel]
        oud = bestaand.get(sleutel)
        if waarde is None:
            if oud is not None:
                oud.delete()
            continue
        if oud is None:
            Waarde.objects.create(
                indicator=plek.indicator,
                jaar=jaar,
                soort=soort,
                organisatie=plek.organisatie,
                locatie=plek.locatie,
                waarde=waarde,
                toelichting=toelichting,
                ingevoerd_door=door,
            )
        elif (oud.waarde, oud.toelichting) != (waarde, toelichting):
            oud.waarde, oud.toelichting, oud.ingevoerd_door = waarde, toelichting, door
            oud.versie += 1
            oud.save()
    opgave.gewijzigd_door = door
    opgave.save(update_fields=["gewijzigd_door", "gewijzigd_op"])
    meld_cijfers_gewijzigd(dossier.pk)
    return opgave


def bestaande_waarden(
    dossier: Dossier, organisatie: Organisatie, jaar: int, soort: str
) -> dict[Plek, Waarde]:
    """The figures an organisation answers for in one year of a dossier, by grid cell."""
    return {
        (w.indicator_id, w.organisatie_id, w.locatie_id): w
        for w in Waarde.objects.filter(indicator__dossier=dossier, jaar=jaar, soort=soort)
        .filter(waarden_van_q(organisatie.pk))
        .select_related("ingevoerd_door")
    }


check_jaar = _check_jaar  # public: the import reports the grid's message per row (core.jaren)


def eigenaar_van(dossier: Dossier, plek: Invoerplek) -> int:
    """The organisation that answers for the figure at a place (as `Waarde.eigenaar_id`)."""
    if plek.organisatie is not None:
        return plek.organisatie.pk
    if plek.locatie is not None and plek.locatie.gemeente_id:
        return plek.locatie.gemeente_id
    return dossier.penvoerder_id


@dataclass(frozen=True)
class Cijfer:
    """One figure to save: a place of the grid in a year, plan or realisatie.

    `waarde` None removes the figure, as an empty cell of the grid does.
    """

    plek: Invoerplek
    jaar: int
    soort: str
    waarde: Decimal | None
    toelichting: str = ""

    @property
    def sleutel(self) -> tuple[Plek, int, str]:
        return (self.plek.sleutel, self.jaar, self.soort)


@dataclass(frozen=True)
class Cijferwijziging:
    """What saving a `Cijfer` changed: the figure before and after."""

    cijfer: Cijfer
    waarde: Waarde | None  # the saved figure; None when it was removed
    oud: Decimal | None
    oude_toelichting: str

    @property
    def nieuw(self) -> Decimal | None:
        return self.cijfer.waarde


@namens_door
@transaction.atomic
@in_een_keer()
def sla_cijfers_op(*, dossier: Dossier, cijfers: list[Cijfer], door: User) -> list[Cijferwijziging]:
    """Save many figures of a dossier at once (an import), or none, with bulk writes.

    The grid's rules per organisation, year and kind (`sla_jaaropgave_op`): a year outside
    the term, a figure of an organisation `door` may not enter for, or a place that is not
    that organisation's refuses everything; so does a change in a vastgesteld year. Unchanged
    figures are left alone (a vastgesteld year may be in the file unchanged). Writes are the
    grid's: a new figure has versie 1, a changed one gets versie + 1, both `ingevoerd_door`.
    """
    for jaar in sorted({cijfer.jaar for cijfer in cijfers}):
        _check_jaar(dossier, jaar)
    houd_vast([dossier.pk])
    groepen: dict[tuple[int, int, str], list[Cijfer]] = {}
    for cijfer in cijfers:
        eigenaar = eigenaar_van(dossier, cijfer.plek)
        groepen.setdefault((eigenaar, cijfer.jaar, cijfer.soort), []).append(cijfer)
    organisaties = Organisatie.objects.in_bulk({eigenaar for eigenaar, _, _ in groepen})
    plekken: dict[int, set[Plek]] = {}
    for eigenaar, jaar, soort in groepen:
        organisatie = organisaties[eigenaar]
        opgave = Jaaropgave(dossier=dossier, organisatie=organisatie, jaar=jaar, soort=soort)
        if not door.has_perm("core.enter_jaaropgave", opgave):
            raise PermissionDenied(f"U mag de cijfers van {organisatie} niet invoeren.")
        if eigenaar not in plekken:
            plekken[eigenaar] = {p.sleutel for p in invoer_plekken(dossier, organisatie)}
    for (eigenaar, _, _), groep in groepen.items():
        if any(cijfer.plek.sleutel not in plekken[eigenaar] for cijfer in groep):
            raise PermissionDenied(f"Deze cijfers horen niet bij {organisaties[eigenaar]}.")

    bestaand = _bestaande_cijfers(dossier, groepen)
    gewijzigd = {
        groep: [c for c in lijst if cijfer_verandert(bestaand.get(c.sleutel), c)]
        for groep, lijst in groepen.items()
    }
    for (eigenaar, jaar, soort), lijst in sorted(gewijzigd.items()):
        if not lijst:
            continue
        # Locked in a fixed order, so two imports never wait for each other crosswise.
        opgave = _lock_opgave(
            dossier=dossier, organisatie=organisaties[eigenaar], jaar=jaar, soort=soort
        )
        if opgave.is_vergrendeld:
            raise ValidationError(
                "%(soort)s %(jaar)s van %(organisatie)s is vastgesteld; heropen het jaar om "
                "iets te wijzigen.",
                code="vastgesteld",
                params={
                    "soort": opgave.get_soort_display().capitalize(),
                    "jaar": jaar,
                    "organisatie": opgave.organisatie,
                },
            )
        opgave.gewijzigd_door = door
        opgave.save(update_fields=["gewijzigd_door", "gewijzigd_op"])
    # Read again under the locks: the old values are those we actually overwrite.
    bestaand = _bestaande_cijfers(dossier, groepen)
    te_schrijven = []
    for groep, lijst in groepen.items():
        for cijfer in lijst:
            if not cijfer_verandert(bestaand.get(cijfer.sleutel), cijfer):
                continue
            if not gewijzigd[groep]:  # changed by someone else in between, and not locked
                raise ValidationError(
                    "Intussen zijn er cijfers gewijzigd; probeer het opnieuw.", code="intussen"
                )
            te_schrijven.append(cijfer)
    meld_cijfers_gewijzigd(dossier.pk)
    wijzigingen = _schrijf_cijfers(te_schrijven, bestaand, door)
    markeer(dossiers=[dossier.pk])  # written in bulk, which sends no signals
    return wijzigingen


def _bestaande_cijfers(dossier: Dossier, groepen) -> dict[tuple[Plek, int, str], Waarde]:
    jaren = {jaar for _, jaar, _ in groepen}
    return {
        ((w.indicator_id, w.organisatie_id, w.locatie_id), w.jaar, w.soort): w
        for w in Waarde.objects.filter(indicator__dossier=dossier, jaar__in=jaren)
    }


def cijfer_verandert(oud: Waarde | None, cijfer: Cijfer) -> bool:
    if oud is None:
        return cijfer.waarde is not None
    return (oud.waarde, oud.toelichting) != (cijfer.waarde, cijfer.toelichting)


def _schrijf_cijfers(cijfers: list[Cijfer], bestaand, door: User) -> list[Cijferwijziging]:
    wijzigingen, nieuw, weg = [], [], []
    bijgewerkt: dict[tuple[str, ...], list[Waarde]] = {}  # by the fields that changed
    for cijfer in cijfers:
        oud = bestaand.get(cijfer.sleutel)
        voor = (oud.waarde, oud.toelichting) if oud else (None, "")
        if cijfer.waarde is None:
            weg.append(oud.pk)
            waarde = None
        elif oud is None:
            waarde = Waarde(
                indicator=cijfer.plek.indicator,
                jaar=cijfer.jaar,
                soort=cijfer.soort,
                organisatie=cijfer.plek.organisatie,
                locatie=cijfer.plek.locatie,
                waarde=cijfer.waarde,
                toelichting=cijfer.toelichting,
                ingevoerd_door=door,
            )
            nieuw.append(waarde)
        else:
            waarde = oud
            velden = tuple(
                veld
                for veld, was, wordt in [
                    ("waarde", oud.waarde, cijfer.waarde),
                    ("toelichting", oud.toelichting, cijfer.toelichting),
                ]
                if was != wordt
            )
            waarde.waarde, waarde.toelichting = cijfer.waarde, cijfer.toelichting
            bijgewerkt.setdefault(velden, []).append(waarde)
        wijzigingen.append(Cijferwijziging(cijfer, waarde, *voor))
    Waarde.objects.filter(pk__in=weg).delete()
    Waarde.objects.bulk_create(nieuw, batch_size=500)
    _werk_bij(bijgewerkt, door)
    return wijzigingen


def _werk_bij(bijgewerkt: dict[tuple[str, ...], list[Waarde]], door: User) -> None:
    """Update changed figures as the grid does (new value, versie + 1, `ingevoerd_door`).

    bulk_update builds a CASE per row and field, so it gets only the fields that differ per
    row; what is the same for every row is one UPDATE per 1000 rows.
    """
    nu = timezone.now()
    for velden, waarden in bijgewerkt.items():
        Waarde.objects.bulk_update(waarden, velden, batch_size=500)
    alle = [waarde for waarden in bijgewerkt.values() for waarde in waarden]
    for begin in range(0, len(alle), 1000):
        Waarde.objects.filter(pk__in=[w.pk for w in alle[begin : begin + 1000]]).update(
            ingevoerd_door=door, ingevoerd_op=nu, versie=F("versie") + 1
        )
    for waarde in alle:
        waarde.ingevoerd_door, waarde.ingevoerd_op, waarde.versie = door, nu, waarde.versie + 1


Status = Jaaropgave.Status


def _verander_status(
    opgave: Jaaropgave,
    *,
    door: User,
    recht: str,
    weigering: str,
    van: str,
    naar: str,
    fout: ValidationError,
) -> Jaaropgave:
    """One step of a year's workflow: lock, check the right and the current status, move."""
    opgave = Jaaropgave.objects.select_for_update().get(pk=opgave.pk)
    if not door.has_perm(recht, opgave):
        raise PermissionDenied(weigering)
    if opgave.status != van:
        raise fout
    opgave.status, opgave.gewijzigd_door = naar, door
    opgave.save(update_fields=["status", "gewijzigd_door", "gewijzigd_op"])
    # A submitted or reopened year changes what the reports show (they show submitted figures).
    meld_cijfers_gewijzigd(opgave.dossier_id)
    return opgave


@namens_door
@transaction.atomic
def dien_jaaropgave_in(*, opgave: Jaaropgave, door: User) -> Jaaropgave:
    return _verander_status(
        opgave,
        door=door,
        recht="core.enter_jaaropgave",
        weigering="U mag dit jaar niet indienen.",
        van=Status.CONCEPT,
        naar=Status.INGEDIEND,
        fout=ValidationError("Dit jaar is al ingediend.", code="niet_concept"),
    )


@namens_door
@transaction.atomic
def stel_jaaropgave_vast(*, opgave: Jaaropgave, door: User) -> Jaaropgave:
    return _verander_status(
        opgave,
        door=door,
        recht="core.vaststellen_jaaropgave",
        weigering="Alleen de coördinator of een beheerder stelt een jaar vast.",
        van=Status.INGEDIEND,
        naar=Status.VASTGESTELD,
        fout=ValidationError(
            "Alleen een ingediend jaar kan worden vastgesteld.", code="niet_ingediend"
        ),
    )


@namens_door
@transaction.atomic
def heropen_jaaropgave(*, opgave: Jaaropgave, door: User, reden: str) -> Heropening:
    """Unlock a fixed year, with a recorded reason; it goes back to ingediend (still public)."""
    if not reden.strip():
        raise ValidationError("Geef een reden op.", code="reden_ontbreekt")
    with wijzigingscontext(reden=f"Heropend: {reden.strip()}"):
        return _heropen(opgave, door=door, reden=reden.strip())


def _heropen(opgave: Jaaropgave, *, door: User, reden: str) -> Heropening:
    opgave = _verander_status(
        opgave,
        door=door,
        recht="core.vaststellen_jaaropgave",
        weigering="Alleen de coördinator of een beheerder heropent een jaar.",
        van=Status.VASTGESTELD,
        naar=Status.INGEDIEND,
        fout=ValidationError("Dit jaar is niet vastgesteld.", code="niet_vastgesteld"),
    )
    return Heropening.objects.create(jaaropgave=opgave, door=door, reden=reden)
