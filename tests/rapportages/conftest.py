import pytest
from django.core.management import call_command

from core.models import Organisatie, Rol, User
from core.services import create_demo_accounts


@pytest.fixture
def brondata(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    call_command(
        "loaddata",
        "organisaties",
        "maastricht_2015",
        "tranche_6",
        "groningen_noord_2",
        "groningen_noord_2_projecten",
        "sociaal_vitaal",
        verbosity=0,
    )
    settings.DEBUG = True
    create_demo_accounts()
    settings.DEBUG = False


@pytest.fixture
def als(client, brondata):
    def inloggen(username: str):
        client.force_login(User.objects.get(username=username))
        return client

    return inloggen


@pytest.fixture
def partij_van_groningen(brondata, user_factory):
    """A policy officer of a ministry that signed the Groningen Noord II convenant."""
    ministerie = (
        Organisatie.objects.filter(
            partijen__dossier__slug="regio-deal-groningen-noord-ii", partijen__rol="partij"
        )
        .exclude(slug="gemeente-groningen")
        .first()
    )
    return user_factory("rijk", ministerie, Rol.BELEIDSMEDEWERKER)
