"""The rules of a dossier's structure hold for every way in (a setup screen, a structure
workbook, Beheer): each is a model's `clean()`, so `full_clean()` gives the same Dutch error."""

import pytest
from django.core.exceptions import ValidationError

from core.models import Indicator, Norm, Onderdeel, Partij


def fouten(obj) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as fout:
        obj.full_clean()
    return fout.value.message_dict


@pytest.fixture
def twee(termijnafspraak):
    return termijnafspraak


def test_an_item_code_used_twice_in_a_dossier_is_refused(twee):
    dubbel = Indicator(
        dossier=twee.dossier, code=twee.nieuwbouw.code, naam="Nog een", eenheid="aantal"
    )
    assert fouten(dubbel) == {"__all__": ["Dit dossier heeft al een item met deze code."]}
    assert not twee.ander.indicatoren.filter(code=twee.verduurzaming.code).exists()
    elders = Indicator(
        dossier=twee.ander, code=twee.verduurzaming.code, naam="Zelfde code", eenheid="aantal"
    )
    elders.full_clean()


def test_a_part_whose_total_lies_in_another_dossier_is_refused(twee):
    anders = Indicator.objects.filter(dossier=twee.ander).first()
    twee.verduurzaming.deel_van = anders
    assert fouten(twee.verduurzaming)["deel_van"] == ["Dat item hoort bij een ander dossier."]


def test_a_cycle_of_parts_is_refused(twee):
    twee.verduurzaming.deel_van = twee.nieuwbouw
    twee.verduurzaming.save()
    twee.nieuwbouw.deel_van = twee.verduurzaming
    assert fouten(twee.nieuwbouw)["deel_van"] == [
        "Een item kan geen deel zijn van zichzelf of van een van zijn eigen delen."
    ]
    twee.nieuwbouw.deel_van = twee.nieuwbouw
    assert "deel_van" in fouten(twee.nieuwbouw)


def test_a_norm_that_refers_to_its_own_item_is_refused(twee):
    norm = Norm(
        indicator=twee.nieuwbouw,
        soort=Norm.Soort.AANDEEL,
        ondergrens=10,
        ten_opzichte_van=twee.nieuwbouw,
    )
    assert fouten(norm) == {
        "ten_opzichte_van": ["Een norm kan niet naar zijn eigen item verwijzen."]
    }
    norm.ten_opzichte_van = twee.verduurzaming
    norm.full_clean()


def test_a_theme_under_a_theme_of_another_dossier_or_under_itself_is_refused(twee):
    elders = Onderdeel.objects.create(dossier=twee.ander, nummer="9", titel="Elders")
    onder = Onderdeel(dossier=twee.dossier, nummer="1.1", titel="Sub", hoofdonderdeel=elders)
    assert fouten(onder)["hoofdonderdeel"] == ["Dit onderdeel hoort bij een ander dossier."]
    twee.thema.hoofdonderdeel = twee.thema
    assert "hoofdonderdeel" in fouten(twee.thema)


def test_an_organisation_twice_in_the_same_role_is_refused(twee):
    bestaand = Partij.objects.filter(dossier=twee.dossier).first()
    dubbel = Partij(dossier=twee.dossier, organisatie=bestaand.organisatie, rol=bestaand.rol)
    assert fouten(dubbel) == {"__all__": ["Deze organisatie is al partij in deze rol."]}
