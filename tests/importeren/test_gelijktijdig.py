"""Two imports of the same dossier and year at the same time, on two connections (PostgreSQL).

They are serialised on the dossier's row (select_for_update): the second waits for the first
and then judges its file again. The figures are those of exactly one import, never a mix,
never a duplicate. SQLite has no row locks (it locks the whole database), so this runs on
PostgreSQL only: DATABASE_URL=postgres://... pytest tests/importeren.
"""

import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from core.models import Waarde
from importeren import services
from importeren.models import Cijferimport
from importeren.services import confirm_import, upload_import
from importeren.sjabloon import maak_sjabloon

from .conftest import bewaar, kolom, open_werkmap

# serialized_rollback: the flush after each test would drop the role groups of migration 0002.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs row locks on two connections: run with DATABASE_URL=postgres://…")


def realisaties(maastricht, basis: int) -> bytes:
    """Woonpunt's template with every realisatie 2015 filled: basis, basis + 1, …"""
    workbook = open_werkmap(
        maak_sjabloon(
            dossier=maastricht.dossier, organisatie=maastricht.woonpunt.organisatie, jaar=2015
        )
    )
    ws = workbook["Cijfers"]
    waarde, soort = kolom(ws, "Waarde"), kolom(ws, "Soort")
    for nummer, rij in enumerate(range(2, ws.max_row + 1)):
        if ws[f"{soort}{rij}"].value == "realisatie":
            ws[f"{waarde}{rij}"] = basis + nummer
    return bewaar(workbook)


def figures():
    return dict(
        Waarde.objects.filter(jaar=2015, soort="realisatie").values_list(
            "indicator__code", "waarde"
        )
    )


def run_together(maastricht, monkeypatch, *, met_vingerafdruk: bool):
    """Upload A (woonpunt) and B (beheerder), then confirm both at once from two threads."""
    uploads = {
        naam: upload_import(
            dossier=maastricht.dossier,
            door=user,
            naam=f"{naam}.xlsx",
            inhoud=realisaties(maastricht, basis),
        )
        for naam, user, basis in [("A", maastricht.woonpunt, 100), ("B", maastricht.beheerder, 200)]
    }
    verwacht = {  # per import: item code → its new value
        naam: {r.sleutel.split("/")[1]: r.nieuw for r in voorbeeld.regels}
        for naam, (_, voorbeeld) in uploads.items()
    }
    assert len(verwacht["A"]) == len(verwacht["B"]) == 6

    # Hold the lock a while before writing, so the other import surely comes in meanwhile.
    echte_opslag = services.sla_cijfers_op

    def langzaam(**kwargs):
        time.sleep(0.3)
        return echte_opslag(**kwargs)

    monkeypatch.setattr(services, "sla_cijfers_op", langzaam)
    start = threading.Barrier(2)
    uitkomst = {}

    def confirm(naam):
        cijferimport, voorbeeld = uploads[naam]
        try:
            start.wait()
            confirm_import(
                cijferimport=cijferimport,
                door=cijferimport.door,
                verwacht=voorbeeld.vingerafdruk if met_vingerafdruk else None,
            )
            uitkomst[naam] = "opgeslagen"
        except ValidationError as error:
            uitkomst[naam] = " ".join(error.messages)
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=(naam,)) for naam in uploads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return uitkomst, verwacht


def test_the_second_import_sees_the_first_and_refuses_its_stale_preview(maastricht, monkeypatch):
    uitkomst, verwacht = run_together(maastricht, monkeypatch, met_vingerafdruk=True)

    [winnaar] = [naam for naam, tekst in uitkomst.items() if tekst == "opgeslagen"]
    [verliezer] = set(uitkomst) - {winnaar}
    assert "Sinds het voorbeeld zijn er cijfers gewijzigd" in uitkomst[verliezer]
    assert figures() == verwacht[winnaar]
    assert Waarde.objects.filter(jaar=2015, soort="realisatie").count() == 6
    assert Cijferimport.objects.filter(status="bevestigd").get().bestandsnaam == f"{winnaar}.xlsx"


def test_without_a_preview_check_both_save_one_after_the_other(maastricht, monkeypatch):
    uitkomst, verwacht = run_together(maastricht, monkeypatch, met_vingerafdruk=False)

    assert uitkomst == {"A": "opgeslagen", "B": "opgeslagen"}
    eerste, tweede = Cijferimport.objects.filter(status="bevestigd").order_by("bevestigd_op")
    # The second created nothing: it changed what the first had created (versie 2).
    assert eerste.wijzigingen.filter(oud=None).count() == 6
    assert tweede.wijzigingen.filter(oud=None).count() == 0
    assert figures() == verwacht[tweede.bestandsnaam.removesuffix(".xlsx")]
    assert Waarde.objects.filter(jaar=2015, soort="realisatie").count() == 6
    assert set(
        Waarde.objects.filter(jaar=2015, soort="realisatie").values_list("versie", flat=True)
    ) == {2}
