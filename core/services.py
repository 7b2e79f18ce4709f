"""Workflows of the core app: one function each, atomic, keyword-only."""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.db import transaction

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
from .rules import waarden_van_q

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


def invoer_plekken(dossier: Dossier, organisatie: Organisatie) -> list[Invoerplek]:
    """The figures an organisation fills itself: its own row of items split per organisation,
    each of its municipality's locations for items split per location; the penvoerder fills
    the items without a split and the reported totals of items split per organisation."""
    is_penvoerder = dossier.penvoerder_id == organisatie.pk
    locaties = [
        locatie
        for locatie in dossier.locaties.all()
        if locatie.gemeente_id == organisatie.pk or (is_penvoerder and not locatie.gemeente_id)
    ]
    plekken = []
    for indicator in dossier.indicatoren.select_related("onderdeel").prefetch_related(
        "meetdefinities"
    ):
        if indicator.uitsplitsing == Indicator.Uitsplitsing.LOCATIE:
            plekken += [Invoerplek(indicator, locatie=locatie) for locatie in locaties]
            continue
        if is_penvoerder:
            plekken.append(Invoerplek(indicator))
        elif indicator.uitsplitsing == Indicator.Uitsplitsing.ORGANISATIE:
            plekken.append(Invoerplek(indicator, organisatie=organisatie))
    return plekken


def _check_jaar(dossier: Dossier, jaar: int) -> None:
    if (dossier.startjaar and jaar < dossier.startjaar) or (
        dossier.eindjaar and jaar > dossier.eindjaar
    ):
        raise ValidationError(
            "%(jaar)s valt buiten de looptijd van %(dossier)s (%(van)s–%(tot)s).",
            code="jaar_buiten_looptijd",
            params={
                "jaar": jaar,
                "dossier": dossier,
                "van": dossier.startjaar,
                "tot": dossier.eindjaar,
            },
        )


def _lock_opgave(
    *, dossier: Dossier, organisatie: Organisatie, jaar: int, soort: str
) -> Jaaropgave:
    opgave, _ = Jaaropgave.objects.get_or_create(
        dossier=dossier, organisatie=organisatie, jaar=jaar, soort=soort
    )
    return Jaaropgave.objects.select_for_update().get(pk=opgave.pk)


@transaction.atomic
def sla_jaaropgave_op(
    *,
    dossier: Dossier,
    organisatie: Organisatie,
    jaar: int,
    soort: str,
    cijfers: dict[Plek, tuple[Decimal | None, str]],
    door: User,
) -> Jaaropgave:
    """Save a whole grid, or nothing: a locked year, a foreign item or a bad year refuses all.

    An empty value removes the figure; its toelichting goes with it.
    """
    _check_jaar(dossier, jaar)
    opgave = _lock_opgave(dossier=dossier, organisatie=organisatie, jaar=jaar, soort=soort)
    if not door.has_perm("core.enter_jaaropgave", opgave):
        raise PermissionDenied("U mag de cijfers van deze organisatie niet invoeren.")
    if opgave.is_vergrendeld:
        raise ValidationError(
            "%(soort)s %(jaar)s is vastgesteld; heropen het jaar om iets te wijzigen.",
            code="vastgesteld",
            params={"soort": opgave.get_soort_display().capitalize(), "jaar": jaar},
        )
    toegestaan = {plek.sleutel: plek for plek in invoer_plekken(dossier, organisatie)}
    if set(cijfers) - set(toegestaan):
        raise PermissionDenied("Deze cijfers horen niet bij uw organisatie.")
    bestaand = bestaande_waarden(dossier, organisatie, jaar, soort)
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
    return opgave


def bestaande_waarden(
    dossier: Dossier, organisatie: Organisatie, jaar: int, soort: str
) -> dict[Plek, Waarde]:
    """The figures an organisation answers for in one year of a dossier, by grid cell."""
    return {
        (w.indicator_id, w.organisatie_id, w.locatie_id): w
        for w in Waarde.objects.filter(indicator__dossier=dossier, jaar=jaar, soort=soort).filter(
            waarden_van_q(organisatie.pk)
        )
    }


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
    return opgave


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


@transaction.atomic
def heropen_jaaropgave(*, opgave: Jaaropgave, door: User, reden: str) -> Heropening:
    """Unlock a fixed year, with a recorded reason; it goes back to ingediend (still public)."""
    if not reden.strip():
        raise ValidationError("Geef een reden op.", code="reden_ontbreekt")
    opgave = _verander_status(
        opgave,
        door=door,
        recht="core.vaststellen_jaaropgave",
        weigering="Alleen de coördinator of een beheerder heropent een jaar.",
        van=Status.VASTGESTELD,
        naar=Status.INGEDIEND,
        fout=ValidationError("Dit jaar is niet vastgesteld.", code="niet_vastgesteld"),
    )
    return Heropening.objects.create(jaaropgave=opgave, door=door, reden=reden.strip())
