import pytest
from django.contrib.auth.models import Group

from core.models import Organisatie, Rol, User


@pytest.fixture
def organisatie_factory(db):
    def make(naam: str, soort: str = Organisatie.Soort.WONINGCORPORATIE) -> Organisatie:
        from django.utils.text import slugify

        return Organisatie.objects.create(naam=naam, soort=soort, slug=slugify(naam))

    return make


@pytest.fixture
def user_factory(db):
    def make(username: str, organisatie: Organisatie | None, *rollen: Rol) -> User:
        user = User.objects.create_user(username, password="geheim-wachtwoord-1")
        user.organisatie = organisatie
        user.save()
        user.groups.set(Group.objects.filter(name__in=[r.value for r in rollen]))
        return user

    return make


@pytest.fixture
def wereld(db, organisatie_factory, user_factory):
    """A small agreement led by a gemeente, with two corporations that each enter figures.

    `eigenaar` and `collega` work at corporation A, `buitenstaander` at corporation B.
    """
    from types import SimpleNamespace

    from core.models import Dossier, Indicator, Jaaropgave, Waarde

    gemeente = organisatie_factory("Gemeente Testdorp", Organisatie.Soort.GEMEENTE)
    corporatie_a = organisatie_factory("Corporatie A")
    corporatie_b = organisatie_factory("Corporatie B")
    dossier = Dossier.objects.create(
        soort=Dossier.Soort.AFSPRAAK,
        titel="Testafspraken",
        slug="testafspraken",
        penvoerder=gemeente,
    )
    for organisatie in (gemeente, corporatie_a, corporatie_b):
        dossier.partijen.create(organisatie=organisatie, rol="partij")
    nieuwbouw = Indicator.objects.create(
        dossier=dossier,
        code="nieuwbouw",
        naam="Nieuwbouw",
        eenheid="aantal",
        uitsplitsing=Indicator.Uitsplitsing.ORGANISATIE,
    )
    waarde_a = Waarde.objects.create(
        indicator=nieuwbouw, jaar=2015, soort="realisatie", organisatie=corporatie_a, waarde=60
    )
    waarde_b = Waarde.objects.create(
        indicator=nieuwbouw, jaar=2015, soort="realisatie", organisatie=corporatie_b, waarde=6
    )
    totaal = Waarde.objects.create(indicator=nieuwbouw, jaar=2015, soort="plan", waarde=66)
    Jaaropgave.objects.create(
        dossier=dossier,
        organisatie=corporatie_b,
        jaar=2015,
        soort="realisatie",
        status=Jaaropgave.Status.INGEDIEND,
    )
    return SimpleNamespace(
        gemeente=gemeente,
        corporatie_a=corporatie_a,
        corporatie_b=corporatie_b,
        dossier=dossier,
        nieuwbouw=nieuwbouw,
        waarde_a=waarde_a,
        waarde_b=waarde_b,
        totaal=totaal,
        eigenaar=user_factory("eigenaar", corporatie_a, Rol.BELEIDSMEDEWERKER),
        collega=user_factory("collega", corporatie_a, Rol.BELEIDSMEDEWERKER),
        buitenstaander=user_factory("buitenstaander", corporatie_b, Rol.BELEIDSMEDEWERKER),
        bestuurder=user_factory("wethouder", gemeente, Rol.BESTUURDER),
        coordinator=user_factory("coordinator", gemeente, Rol.COORDINATOR),
        andere_coordinator=user_factory("elders", corporatie_b, Rol.COORDINATOR),
        beheerder=user_factory("beheer", None, Rol.BEHEERDER),
    )


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def brondata(db, settings, tmp_path):
    """The five source documents, as `make run` loads them, and the demo accounts."""
    from django.core.management import call_command

    from core.services import create_demo_accounts

    settings.MEDIA_ROOT = tmp_path / "media"  # generated reports stay out of the project
    call_command("laad_brondata", verbosity=0)
    settings.DEBUG = True
    create_demo_accounts()
    settings.DEBUG = False


@pytest.fixture
def als(client, brondata):
    """`als("bestuurder")` logs the client in as that demo account and returns it."""

    def inloggen(username: str):
        client.force_login(User.objects.get(username=username))
        return client

    return inloggen
