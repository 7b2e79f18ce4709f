import pytest
from django.core.management import call_command

from core.services import create_demo_accounts


@pytest.fixture
def brondata(db, settings):
    """The five source documents, as `make run` loads them, and the demo accounts."""
    call_command("laad_brondata", verbosity=0)
    settings.DEBUG = True
    create_demo_accounts()
    settings.DEBUG = False
