"""Two organisations save their grids of one dossier at the same time (PostgreSQL, two
connections). Each save computes the stored statuses of the whole dossier in its own
transaction, so without one writer per dossier each would wait for the rows the other had
written: PostgreSQL then kills one of them ("deadlock detected", a 500 in the load test of
5 December). Now the second waits for the first before it writes anything, both are saved and
every stored status is the one computed from both."""

import threading
import time
from decimal import Decimal

import pytest
from django.db import connection, transaction

from core.models import Waarde
from core.opgeslagen_status import eerste_afwijkingen, in_een_keer
from core.services import sla_jaaropgave_op

# serialized_rollback: the flush after each test would drop the role groups of migration 0002.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs row locks on two connections: run with DATABASE_URL=postgres://…")


def sla_grid_op(wereld, organisatie, waarde, door) -> None:
    """Save the 2016 realisation grid of one corporation, with its Nieuwbouw filled."""
    sla_jaaropgave_op(
        dossier=wereld.dossier,
        organisatie=organisatie,
        jaar=2016,
        soort="realisatie",
        cijfers={(wereld.nieuwbouw.pk, organisatie.pk, None): (Decimal(waarde), "")},
        door=door,
    )


def wait_until_a_connection_waits_for_a_lock(seconds: float = 20) -> bool:
    einde = time.monotonic() + seconds
    with connection.cursor() as cursor:
        while time.monotonic() < einde:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return True
            time.sleep(0.02)
    return False


def test_two_grids_of_one_dossier_saved_at_once_are_both_saved_with_true_statuses(wereld):
    # Both corporations have a 2016 figure already: saving changes rows the other can see.
    for organisatie, waarde in [(wereld.corporatie_a, 50), (wereld.corporatie_b, 5)]:
        Waarde.objects.create(
            indicator=wereld.nieuwbouw,
            jaar=2016,
            soort="realisatie",
            organisatie=organisatie,
            waarde=waarde,
        )
    a_heeft_geschreven, a_mag_verder = threading.Event(), threading.Event()
    fouten = []

    def corporatie_a():
        """Writes its grid; the statuses are computed at the end of its batch, after B came
        in (as when two saves overlap): that computation needs the row B has written."""
        try:
            with transaction.atomic(), in_een_keer():
                sla_grid_op(wereld, wereld.corporatie_a, 70, wereld.eigenaar)
                a_heeft_geschreven.set()
                a_mag_verder.wait(timeout=30)
        except Exception as fout:  # the test reports what went wrong
            fouten.append(f"A: {fout!r}")
        finally:
            connection.close()

    def corporatie_b():
        try:
            sla_grid_op(wereld, wereld.corporatie_b, 7, wereld.buitenstaander)
        except Exception as fout:
            fouten.append(f"B: {fout!r}")
        finally:
            connection.close()

    a = threading.Thread(target=corporatie_a)
    a.start()
    assert a_heeft_geschreven.wait(timeout=30)
    b = threading.Thread(target=corporatie_b)
    b.start()
    b_wacht = wait_until_a_connection_waits_for_a_lock()
    a_mag_verder.set()
    a.join(timeout=30)
    b.join(timeout=30)

    assert b_wacht, "B never waited for A"
    assert fouten == []
    opgeslagen = Waarde.objects.filter(jaar=2016, soort="realisatie")
    assert sorted(opgeslagen.values_list("organisatie__naam", "waarde")) == [
        ("Corporatie A", 70),
        ("Corporatie B", 7),
    ]
    assert eerste_afwijkingen() == []
