"""How long importing 10.000 rows takes (docs/performance.md, section "Import").

    .venv/bin/python benchmarks/import_rows.py               # SQLite, in memory
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/pm_bench \
        .venv/bin/python benchmarks/import_rows.py           # PostgreSQL
    .venv/bin/python benchmarks/import_rows.py --rows 20000 --geheugen

It makes a throwaway test database (as the tests do; for PostgreSQL `test_<name>`, dropped at
the end), a dossier of 50 items split over 100 locations (5.000 places, plan and realisatie:
10.000 figures of one year), and a flat `Gegevens` file with one row per figure. A
coordinator of the dossier then imports it twice, through the same services as the pages:

1. every figure new (10.000 inserts);
2. every figure changed (10.000 updates, each versie + 1).

For each: reading the file (zip check, both passes of openpyxl), the preview (judging every
row against the database) and confirming (read and judge again under the lock, then save).
"""

import argparse
import io
import os
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

import django

django.setup()

from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from core.gegevens import COLUMNS, Sleutel, header_cells, number_cell, text_cell  # noqa: E402
from core.models import Dossier, Indicator, Locatie, Organisatie, Rol, User, Waarde  # noqa: E402
from importeren.bestand import read_blad  # noqa: E402
from importeren.services import confirm_import, evaluate, upload_import  # noqa: E402

ITEMS = 50
JAAR = 2024


def build_dossier(rows: int):
    gemeente = Organisatie.objects.create(naam="Gemeente Meetstad", soort="gemeente", slug="meet")
    dossier = Dossier.objects.create(
        soort="project", titel="Meetproject", slug="meetproject", penvoerder=gemeente
    )
    plekken = rows // 2  # plan and realisatie per place
    locaties = Locatie.objects.bulk_create(
        Locatie(dossier=dossier, naam=f"Kern {n}", volgorde=n) for n in range(plekken // ITEMS)
    )
    indicatoren = Indicator.objects.bulk_create(
        Indicator(
            dossier=dossier,
            code=f"item-{n}",
            naam=f"Item {n}",
            eenheid="aantal",
            uitsplitsing="locatie",
            volgorde=n,
        )
        for n in range(ITEMS)
    )
    coordinator = User.objects.create_user("meetcoordinator", organisatie=gemeente)
    coordinator.groups.set([Group.objects.get(name=Rol.COORDINATOR.value)])
    return dossier, indicatoren, locaties, coordinator


def gegevens_file(dossier, indicatoren, locaties, basis: int) -> bytes:
    """A flat Gegevens sheet with one row per figure, written as the Excel reports do."""
    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet("Gegevens")
    ws.append(header_cells(ws, COLUMNS))
    teller = 0
    for indicator in indicatoren:
        for locatie in locaties:
            for soort in ("plan", "realisatie"):
                teller += 1
                sleutel = Sleutel(dossier.slug, indicator.code, None, locatie.pk, JAAR, soort)
                ws.append(
                    [
                        text_cell(ws, str(sleutel)),
                        text_cell(ws, dossier.titel),
                        None,
                        text_cell(ws, indicator.naam),
                        None,
                        text_cell(ws, locatie.naam),
                        JAAR,
                        text_cell(ws, soort),
                        number_cell(ws, basis + teller, "aantal"),
                        text_cell(ws, "aantal"),
                        text_cell(ws, f"toelichting {teller}"),
                    ]
                )
    uitvoer = io.BytesIO()
    workbook.save(uitvoer)
    return uitvoer.getvalue()


def timed(functie, *, geheugen: bool = False):
    """Run once; the time, and the peak memory when asked (tracemalloc slows it down a lot)."""
    if geheugen:
        tracemalloc.start()
    begin = time.perf_counter()
    resultaat = functie()
    duur = time.perf_counter() - begin
    piek = tracemalloc.get_traced_memory()[1] if geheugen else 0
    tracemalloc.stop()
    return resultaat, duur, piek


def run(rows: int, geheugen: bool = False) -> None:
    dossier, indicatoren, locaties, coordinator = build_dossier(rows)
    print(f"database: {connection.vendor}; {len(indicatoren) * len(locaties) * 2} rows per file")
    kop = f"{'import':<14}{'file':>9}{'read':>8}{'preview':>9}{'confirm':>9}"
    print(kop + (f"{'peak':>9}" if geheugen else ""))
    for naam, basis in [(f"{rows} nieuw", 0), (f"{rows} anders", 1)]:
        inhoud = gegevens_file(dossier, indicatoren, locaties, basis)
        blad, lezen, _ = timed(lambda inhoud=inhoud: read_blad("meting.xlsx", inhoud))
        voorbeeld, beoordelen, _ = timed(
            lambda blad=blad: evaluate(dossier=dossier, blad=blad, door=coordinator)
        )
        assert not voorbeeld.fouten, voorbeeld.fouten[:3]
        cijferimport, _ = upload_import(
            dossier=dossier, door=coordinator, naam="meting.xlsx", inhoud=inhoud
        )
        _, bevestigen, piek = timed(
            lambda cijferimport=cijferimport, voorbeeld=voorbeeld: confirm_import(
                cijferimport=cijferimport, door=coordinator, verwacht=voorbeeld.vingerafdruk
            ),
            geheugen=geheugen,
        )
        cijferimport.refresh_from_db()
        assert cijferimport.aantal_gewijzigd == len(voorbeeld.regels) == rows
        regel = (
            f"{naam:<14}{len(inhoud) / 1024:>7.0f}KB{lezen:>7.2f}s{beoordelen:>8.2f}s"
            f"{bevestigen:>8.2f}s"
        )
        print(regel + (f"{piek / 1024 / 1024:>7.0f}MB" if geheugen else ""))
    assert Waarde.objects.count() == rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000, help="rows per file (even)")
    parser.add_argument(
        "--geheugen", action="store_true", help="also the peak memory of confirming (slower)"
    )
    args = parser.parse_args()
    oude_naam = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        run(args.rows, args.geheugen)
    finally:
        connection.creation.destroy_test_db(oude_naam, verbosity=0)


if __name__ == "__main__":
    main()
