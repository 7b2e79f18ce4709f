import io
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from core.models import Dossier, User
from core.services import create_demo_accounts


@pytest.fixture
def maastricht(db, settings):
    """The real Maastricht 2015 agreement (2013–2015) with the demo accounts.

    Plan 2015 is vastgesteld for the gemeente and the three corporations; realisatie 2015 has
    no opgave yet (concept).
    """
    call_command("loaddata", "organisaties", "maastricht_2015", verbosity=0)
    settings.DEBUG = True
    create_demo_accounts()
    settings.DEBUG = False
    return SimpleNamespace(
        dossier=Dossier.objects.get(slug="maastricht-2015"),
        **{u.username: u for u in User.objects.all()},
    )


def open_werkmap(inhoud: bytes):
    return load_workbook(io.BytesIO(inhoud))


def bewaar(workbook) -> bytes:
    uitvoer = io.BytesIO()
    workbook.save(uitvoer)
    return uitvoer.getvalue()


def kolom(ws, kop: str) -> str:
    """The letter of the column with this header in row 1."""
    for cel in ws[1]:
        if cel.value == kop:
            return cel.column_letter
    raise KeyError(kop)


def rij_met(ws, sleutel: str) -> int:
    for cel in ws["A"]:
        if cel.value == sleutel:
            return cel.row
    raise KeyError(sleutel)
