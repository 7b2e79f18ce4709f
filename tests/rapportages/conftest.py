import pytest

from core.models import Organisatie, Rol


@pytest.fixture(autouse=True)
def taken_direct(settings):
    """Reports are made by the task queue; here it runs each task at once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


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
