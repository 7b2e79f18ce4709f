"""The report workbook of two seed reports against its floor, and the `Gegevens` query alone
(issue 19), as the public reader of a report and as the dossier's coördinator. Needs a
database loaded with `migrate`, `laad_brondata` and `demo_accounts`:

    DEBUG=1 DATABASE_URL=postgres://... python benchmarks/werkboek_seed.py

Workbook, floor and query take turns; medians of wall time and of CPU time, which on
PostgreSQL adds the time its server process for this connection spent on the CPU
(/proc/<pid>/schedstat): on a shared machine the CPU time is the steadier of the two.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

import floors  # noqa: E402
from django.db import connection  # noqa: E402

from core.gegevens import iter_gegevens  # noqa: E402
from core.models import Dossier, User  # noqa: E402
from core.rules import openbare_lezer  # noqa: E402
from rapportages.excel import gegevens_van, render_xlsx  # noqa: E402
from rapportages.inhoud import bouw_inhoud  # noqa: E402
from rapportages.models import Rapport  # noqa: E402

RAPPORTEN = [
    ("regio-deal-groningen-noord-ii", 2025, "groningen"),
    ("maastricht-2015", 2015, "maastricht"),
]


def meet(rapport, lezer, herhalingen: int) -> str:
    inhoud = bouw_inhoud(rapport, lezer)
    inhoud.context.update(versie_status="concept", versie_nummer="–", is_concept=True)
    waarden = gegevens_van(rapport, lezer)
    bladen = floors.rows_of(render_xlsx(inhoud, waarden))
    taken = {
        "werkboek": lambda: render_xlsx(inhoud, waarden),
        "vloer": lambda: floors.write_rows(bladen),
        "query": lambda: sum(1 for _ in iter_gegevens(waarden)),
    }
    tijden = {naam: [] for naam in taken}
    cpu = {naam: [] for naam in taken}
    for _ in range(herhalingen):
        for naam, taak in taken.items():
            begin, begin_cpu = time.perf_counter(), cpu_tijd()
            taak()
            tijden[naam].append(time.perf_counter() - begin)
            cpu[naam].append(cpu_tijd() - begin_cpu)
    w, v, q = (statistics.median(tijden[naam]) * 1000 for naam in taken)
    cw, cv, cq = (statistics.median(cpu[naam]) * 1000 for naam in taken)
    rijen = sum(len(b.rijen) for b in bladen)
    return (
        f"{rapport.dossier.slug} {rapport.jaar} ({lezer.username}, {rijen} rows): "
        f"wall: workbook {w:.1f} ms, floor {v:.1f} ms, rate {v / w:.2f}, query {q:.1f} ms; "
        f"CPU: workbook {cw:.1f} ms, floor {cv:.1f} ms, rate {cv / cw:.2f}, query {cq:.1f} ms"
    )


def cpu_tijd() -> float:
    """This process's CPU time and that of its PostgreSQL server process, in seconds."""
    eigen = time.process_time()
    if connection.vendor != "postgresql":
        return eigen
    if not hasattr(cpu_tijd, "pid"):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            cpu_tijd.pid = cursor.fetchone()[0]
    with open(f"/proc/{cpu_tijd.pid}/schedstat") as stat:
        return eigen + int(stat.read().split()[0]) / 1e9


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--herhalingen", type=int, default=30)
    parser.add_argument(
        "--rapport",
        nargs=3,
        action="append",
        metavar=("SLUG", "JAAR", "COORDINATOR"),
        help="another report, e.g. vol-afspraak-0 2025 vol-gemeente-0-coordinator on the "
        "database of benchmarks/scale.py --bewaar",
    )
    args = parser.parse_args()
    for slug, jaar, coordinator in args.rapport or RAPPORTEN:
        jaar = int(jaar)
        dossier = Dossier.objects.get(slug=slug)
        rapport = Rapport.objects.filter(dossier=dossier, jaar=jaar).first()
        rapport = rapport or Rapport(dossier=dossier, jaar=jaar)
        for lezer in (openbare_lezer(), User.objects.get(username=coordinator)):
            print(meet(rapport, lezer, args.herhalingen), flush=True)


if __name__ == "__main__":
    main()
