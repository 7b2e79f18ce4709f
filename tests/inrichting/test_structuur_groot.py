"""A 200-item structure arrives whole from its workbook, with queries linear in its rows; how
long it takes is measured by benchmarks/structure_import.py (docs/performance.md)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import Dossier, Indicator, Rol
from inrichting.structuur.gegevens import lees
from inrichting.structuur.invoer import importeer_werkboek
from inrichting.structuur.werkboek import schrijf
from volume.structuur import AANTAL, grote_structuur


def test_a_200_item_structure_arrives_whole_with_queries_linear_in_its_rows(
    organisatie_factory, user_factory
):
    gemeente = organisatie_factory("Gemeente Groot", "gemeente")
    corporaties = [organisatie_factory(f"Corporatie {n}") for n in range(5)]
    coordinator = user_factory("groot-coordinator", gemeente, Rol.COORDINATOR)
    structuur = grote_structuur(gemeente.slug, [gemeente.slug, *(c.slug for c in corporaties)])

    with CaptureQueriesContext(connection) as queries:
        dossier = importeer_werkboek(naam="groot.xlsx", inhoud=schrijf(structuur), door=coordinator)

    assert Indicator.objects.filter(dossier=dossier).count() == AANTAL
    assert Dossier.objects.get(pk=dossier.pk).in_opbouw
    gelezen = lees(dossier)
    assert gelezen.bladen["Items"] == structuur.bladen["Items"]
    assert gelezen.bladen["Streefdoelen"] == structuur.bladen["Streefdoelen"]
    assert gelezen.bladen["Normen"] == structuur.bladen["Normen"]
    assert len(queries) < 25 * (AANTAL + 100 + 100)
