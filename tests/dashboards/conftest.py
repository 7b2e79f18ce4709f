import pytest
from django.core.management import call_command

from core.models import User
from core.services import create_demo_accounts


@pytest.fixture
def brondata(db, settings):
    """Every source document's fixture, and the demo accounts."""
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
    """`als("bestuurder")` logs the client in as that demo account and returns it."""

    def inloggen(username: str):
        client.force_login(User.objects.get(username=username))
        return client

    return inloggen
