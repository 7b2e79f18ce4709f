"""The menu offers Inrichting to exactly who may set up a dossier (`core.add_dossier`)."""

import pytest

from core.models import User

ROLLEN = ["beheerder", "bestuurder", "maastricht", "woonpunt", "groningen", "deventer", "ocw"]


@pytest.mark.parametrize("naam", ROLLEN)
def test_the_menu_offers_inrichting_to_who_may_set_up_a_dossier(als, naam):
    html = als(naam).get("/").content.decode()
    gebruiker = User.objects.get(username=naam)
    in_menu = 'href="/inrichting/"' in html and ">Inrichting</a>" in html
    assert in_menu == gebruiker.has_perm("core.add_dossier") == gebruiker.mag_inrichten
    assert in_menu == (naam in {"beheerder", "groningen", "deventer"})
