import pytest
from django.contrib.auth.models import Group
from django.db import connections
from django.db.models import F
from pytest_django.plugin import blocking_manager_key

from core.models import Organisatie, Rol, User

_MIGRATIEDATA: dict[str, str] = {}


def _met_geserialiseerde_rollback(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return "django_db_serialized_rollback" in getattr(item, "fixturenames", ()) or bool(
        marker and marker.kwargs.get("serialized_rollback")
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Puts back what the migrations made (the role groups, the site) after a test that ends
    by emptying the database (a serialized rollback's flush).

    Django runs such tests after the others; pytest-xdist's worksteal may still hand a worker
    a plain test after one (it steals from the end of another worker's queue), which would
    find no roles. Django itself puts the rows back only when the next test is serialized too.
    After the worker's last test the test database is already gone: nothing to put back.
    """
    uitkomst = yield
    if nextitem is not None and _met_geserialiseerde_rollback(item):
        for verbinding in connections.all():
            if inhoud := getattr(verbinding, "_test_serialized_contents", None):
                _MIGRATIEDATA[verbinding.alias] = inhoud
        with item.config.stash[blocking_manager_key].unblock():
            for alias, inhoud in _MIGRATIEDATA.items():
                if not Group.objects.using(alias).exists():
                    connections[alias].creation.deserialize_db_from_string(inhoud)
    return uitkomst


DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "live_server"}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """After every test that wrote to the database: each figure's stored statuses are the ones
    computed from the figures now. A write path that forgets to keep them fails its own test
    (core.opgeslagen_status)."""
    uitkomst = yield
    met_database = item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(
        getattr(item, "fixturenames", ())
    )
    if met_database and not connections["default"].needs_rollback:
        from core.opgeslagen_status import afwijkingen, eerste_afwijkingen

        with item.config.stash[blocking_manager_key].unblock():
            if verouderd := eerste_afwijkingen():
                verouderd = list(
                    afwijkingen()
                    .filter(pk__in=verouderd)
                    .values("pk", "status_alles", "berekend_alles", "status_openbaar")
                    .annotate(b=F("berekend_openbaar"))
                )
        assert not verouderd, f"Verouderde opgeslagen status: {verouderd}"
    return uitkomst


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


@pytest.fixture(autouse=True)
def _geen_bewaarde_dashboards():
    """Each test starts without kept dashboards: a test's rolled-back data may number its
    history as the one before did (dashboards.bewaard)."""
    from dashboards.bewaard import vergeet

    vergeet()
    yield
    vergeet()


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


@pytest.fixture
def termijnafspraak(db, organisatie_factory, user_factory):
    """Made-up prestatieafspraken 2025–2028 (not a seed) whose main promise is a term target:
    800 new social rental homes over 2025–2028, realised 150 in 2025 and 260 in 2026 (both
    submitted by the gemeente, which reports the total). A corporation reports its own
    verduurzaming per year; the tenants' organisation only signs. The previous period
    (2021–2024) realised 640 of the same item. A second agreement, of another municipality,
    has a target of 999 that nobody here may mistake for this one.
    """
    import datetime
    from types import SimpleNamespace

    from afspraken.models import Afspraak, Afspraakpunt
    from core.models import Indicator, Jaaropgave, Onderdeel, Streefdoel, Waarde

    gemeente = organisatie_factory("Gemeente Voorbeeldstad", Organisatie.Soort.GEMEENTE)
    corporatie = organisatie_factory("Woonstichting Voorbeeld")
    huurders = organisatie_factory(
        "Huurdersvereniging Voorbeeld", Organisatie.Soort.HUURDERSORGANISATIE
    )
    elders = organisatie_factory("Gemeente Elders", Organisatie.Soort.GEMEENTE)

    def afspraak(titel, slug, van, tot, penvoerder, **extra):
        return Afspraak.objects.create(
            titel=titel,
            slug=slug,
            startdatum=datetime.date(van, 1, 1),
            einddatum=datetime.date(tot, 12, 31),
            penvoerder=penvoerder,
            soort_afspraak=Afspraak.Soort.PRESTATIEAFSPRAKEN,
            **extra,
        )

    def nieuwbouw_van(dossier):
        thema = Onderdeel.objects.create(dossier=dossier, nummer="1", titel="Nieuwbouw")
        item = Indicator.objects.create(
            dossier=dossier,
            onderdeel=thema,
            code="nieuwbouw-sociale-huur",
            naam="Nieuwe sociale huurwoningen",
            eenheid="aantal",
        )
        return thema, item

    def realisaties(dossier, item, organisatie, per_jaar):
        for jaar, waarde in per_jaar.items():
            Waarde.objects.create(indicator=item, jaar=jaar, soort="realisatie", waarde=waarde)
            Jaaropgave.objects.create(
                dossier=dossier,
                organisatie=organisatie,
                jaar=jaar,
                soort="realisatie",
                status=Jaaropgave.Status.INGEDIEND,
            )

    vorige = afspraak(
        "Prestatieafspraken Voorbeeldstad 2021–2024",
        "voorbeeldstad-2021-2024",
        2021,
        2024,
        gemeente,
    )
    vorige.partijen.create(organisatie=gemeente, rol="partij")
    _, vorig_item = nieuwbouw_van(vorige)
    realisaties(vorige, vorig_item, gemeente, {2021: 100, 2022: 160, 2023: 180, 2024: 200})

    dossier = afspraak(
        "Prestatieafspraken Voorbeeldstad 2025–2028",
        "voorbeeldstad-2025-2028",
        2025,
        2028,
        gemeente,
        voorganger=vorige,
    )
    dossier.partijen.create(organisatie=gemeente, rol="partij")
    dossier.partijen.create(organisatie=corporatie, rol="partij")
    dossier.partijen.create(organisatie=huurders, rol="partij", levert_cijfers=False)
    thema, nieuwbouw = nieuwbouw_van(dossier)
    verduurzaming = Indicator.objects.create(
        dossier=dossier,
        onderdeel=thema,
        code="verduurzaming",
        naam="Verduurzaamde woningen",
        eenheid="aantal",
        uitsplitsing=Indicator.Uitsplitsing.ORGANISATIE,
        volgorde=1,
    )
    doel = Streefdoel.objects.create(
        dossier=dossier,
        indicator=nieuwbouw,
        soort=Streefdoel.Soort.LOOPTIJD,
        waarde=800,
        omschrijving="800 nieuwe sociale huurwoningen in 2025–2028",
    )
    punt = Afspraakpunt.objects.create(
        afspraak=dossier,
        onderdeel=thema,
        soort=Afspraakpunt.Soort.AFSPRAAK,
        titel="Samen bouwen we 800 nieuwe sociale huurwoningen",
        streefdoel=doel,
    )
    realisaties(dossier, nieuwbouw, gemeente, {2025: 150, 2026: 260})

    ander = afspraak("Prestatieafspraken Elders 2025–2028", "elders-2025-2028", 2025, 2028, elders)
    ander.partijen.create(organisatie=elders, rol="partij")
    _, ander_item = nieuwbouw_van(ander)
    Streefdoel.objects.create(
        dossier=ander, indicator=ander_item, soort=Streefdoel.Soort.LOOPTIJD, waarde=999
    )
    realisaties(ander, ander_item, elders, {2025: 333})

    return SimpleNamespace(
        dossier=dossier,
        vorige=vorige,
        ander=ander,
        thema=thema,
        nieuwbouw=nieuwbouw,
        verduurzaming=verduurzaming,
        doel=doel,
        punt=punt,
        gemeente=gemeente,
        corporatie=corporatie,
        huurders=huurders,
        coordinator=user_factory("voorbeeld-coordinator", gemeente, Rol.COORDINATOR),
        beleid_gemeente=user_factory("voorbeeld-gemeente", gemeente, Rol.BELEIDSMEDEWERKER),
        beleid_corporatie=user_factory("voorbeeld-corporatie", corporatie, Rol.BELEIDSMEDEWERKER),
        beleid_huurders=user_factory("voorbeeld-huurders", huurders, Rol.BELEIDSMEDEWERKER),
        bestuurder=user_factory("voorbeeld-wethouder", gemeente, Rol.BESTUURDER),
        beheerder=user_factory("voorbeeld-beheer", None, Rol.BEHEERDER),
    )
