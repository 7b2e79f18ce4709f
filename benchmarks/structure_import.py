"""How long importing a dossier's structure from its workbook takes (docs/performance.md,
section "Inrichting").

    .venv/bin/python benchmarks/structure_import.py             # SQLite, 200 items
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/pm_bench \\
        .venv/bin/python benchmarks/structure_import.py --items 1000

A throwaway test database, a municipality with five corporations and its coördinator, and a
made-up agreement (volume/structuur.py): the workbook is written, then imported as the
coordinator does on the page: the preview (built and rolled back) and the confirmation.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

import django

django.setup()

from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from core.models import Organisatie, Rol, User  # noqa: E402
from inrichting.structuur.invoer import bekijk_werkboek, importeer_werkboek  # noqa: E402
from inrichting.structuur.werkboek import schrijf  # noqa: E402
from volume.structuur import grote_structuur  # noqa: E402


def meet(items: int) -> None:
    gemeente = Organisatie.objects.create(naam="Gemeente Groot", soort="gemeente")
    partijen = [gemeente] + [
        Organisatie.objects.create(naam=f"Corporatie {n}", soort="woningcorporatie")
        for n in range(5)
    ]
    coordinator = User.objects.create_user("groot", organisatie=gemeente)
    coordinator.groups.set([Group.objects.get(name=Rol.COORDINATOR.value)])
    inhoud = schrijf(grote_structuur(gemeente.slug, [p.slug for p in partijen], items))
    print(f"{items} items, werkboek {len(inhoud) / 1024:.0f} kB, {connection.vendor}")
    for stap, doe in (
        ("voorbeeld", lambda: bekijk_werkboek(naam="groot.xlsx", inhoud=inhoud, door=coordinator)),
        (
            "bevestigen",
            lambda: importeer_werkboek(naam="groot.xlsx", inhoud=inhoud, door=coordinator),
        ),
    ):
        begin = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            doe()
        print(f"  {stap}: {time.perf_counter() - begin:.2f} s, {len(queries)} queries")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=200)
    args = parser.parse_args()
    oude_naam = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        meet(args.items)
    finally:
        connection.creation.destroy_test_db(oude_naam, verbosity=0)


if __name__ == "__main__":
    main()
