"""`genereer(omvang, seed)`: realistic volume for the benchmarks and the query-count tests.

Organisations, their users, and the three kinds of dossier (`volume.dossiers`), written in
bulk: `bulk_create` for what other rows point at, `COPY` (PostgreSQL) or `executemany` for the
figures. The same seed and starting state give the same data.

A second run adds to the first: numbering continues where it stopped, and the new dossiers get
their own municipalities and corporations, so what a user of the first run sees stays the same
while the database grows.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.utils import timezone

from core.models import Organisatie, Rol, User
from core.opgeslagen_status import herbereken_alles

from . import namen
from .dossiers import maak_afspraken, maak_deals, maak_projecten
from .omvang import Omvang
from .schrijver import maak, schrijf
from .stand import PREFIX, Stand


@dataclass
class Verslag:
    organisaties: int = 0
    gebruikers: int = 0
    afspraken: int = 0
    deals: int = 0
    projecten: int = 0
    cijfers: int = 0


def volgend_nummer(slug_prefix: str) -> int:
    """The first free number after the objects an earlier run made (vol-gemeente-12 → 13)."""
    return Organisatie.objects.filter(slug__startswith=slug_prefix).count()


def _organisaties(soort: str, slug: str, namen_: list[str], begin: int) -> list[Organisatie]:
    return maak(
        Organisatie,
        [
            Organisatie(naam=naam, soort=soort, slug=f"{PREFIX}-{slug}-{begin + i}")
            for i, naam in enumerate(namen_)
        ],
    )


def _vaste_organisaties(slug: str, soort: str, lijst: list[str]) -> list[Organisatie]:
    """Provinces and ministries: the same few for every run."""
    bestaand = {o.slug: o for o in Organisatie.objects.filter(slug__startswith=f"{PREFIX}-{slug}-")}
    nieuw = [
        Organisatie(naam=naam, soort=soort, slug=f"{PREFIX}-{slug}-{i}")
        for i, naam in enumerate(lijst)
        if f"{PREFIX}-{slug}-{i}" not in bestaand
    ]
    maak(Organisatie, nieuw)
    return sorted([*bestaand.values(), *nieuw], key=lambda o: int(o.slug.rsplit("-", 1)[1]))


def _gebruikers(stand: Stand) -> int:
    """A bestuurder and a coördinator per municipality, a beleidsmedewerker per corporation."""
    rollen = {
        Rol.BESTUURDER: stand.gemeenten,
        Rol.COORDINATOR: stand.gemeenten,
        Rol.BELEIDSMEDEWERKER: stand.corporaties,
    }
    achtervoegsel = {
        Rol.BESTUURDER: "bestuurder",
        Rol.COORDINATOR: "coordinator",
        Rol.BELEIDSMEDEWERKER: "medewerker",
    }
    groepen = {g.name: g.pk for g in Group.objects.all()}
    aantal = 0
    for rol, organisaties in rollen.items():
        users = maak(
            User,
            [
                User(
                    username=f"{o.slug}-{achtervoegsel[rol]}",
                    password="!",  # unusable: who needs to log in gets a password first
                    first_name=achtervoegsel[rol].capitalize(),
                    last_name=o.naam,
                    organisatie=o,
                    date_joined=stand.nu,
                )
                for o in organisaties
            ],
        )
        schrijf(User.groups.through, ["user_id", "group_id"], ((u.pk, groepen[rol]) for u in users))
        aantal += len(users)
    return aantal


@transaction.atomic
def genereer(omvang: Omvang, seed: int = 11) -> Verslag:
    stand = Stand(omvang=omvang, seed=seed, nu=timezone.now())
    begin = volgend_nummer(f"{PREFIX}-gemeente-")
    stand.gemeenten = _organisaties(
        Organisatie.Soort.GEMEENTE,
        "gemeente",
        [f"Gemeente {namen.plaats(begin + i)}" for i in range(omvang.gemeenten)],
        begin,
    )
    begin = volgend_nummer(f"{PREFIX}-corporatie-")
    stand.corporaties = _organisaties(
        Organisatie.Soort.WONINGCORPORATIE,
        "corporatie",
        [namen.corporatie(begin + i) for i in range(omvang.corporaties)],
        begin,
    )
    stand.provincies = _vaste_organisaties(
        "provincie", Organisatie.Soort.PROVINCIE, [f"Provincie {p}" for p in namen.PROVINCIES]
    )
    stand.ministeries = _vaste_organisaties(
        "ministerie", Organisatie.Soort.MINISTERIE, namen.MINISTERIES
    )
    verslag = Verslag(organisaties=len(stand.gemeenten) + len(stand.corporaties))
    verslag.gebruikers = _gebruikers(stand)
    verslag.afspraken, cijfers_a = maak_afspraken(stand)
    verslag.deals, cijfers_d = maak_deals(stand)
    verslag.projecten, cijfers_p = maak_projecten(stand)
    verslag.cijfers = cijfers_a + cijfers_d + cijfers_p
    herbereken_alles(alleen_leeg=True)  # the figures went in by COPY, past the signals
    return verslag


def analyseer() -> None:
    """Fresh planner statistics after a bulk load, and the figures' old row versions (their
    statuses were written after them) cleared, as autovacuum would do later."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            if connection.get_autocommit():  # VACUUM cannot run inside a transaction
                cursor.execute("VACUUM core_waarde")
            cursor.execute("ANALYZE")
