"""A page of 100 figures from the API against the Gegevens export, per row (issue #24).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/pm_bench .venv/bin/python benchmarks/api.py
    ... benchmarks/api.py --schaal 0.05 --herhalingen 15

One throwaway database (`<name>_api`) with `generate_volume` at the given scale. The largest
dossier's coördinator (the penvoerder's) downloads the dossier's Gegevens export (every
figure they may change, importeren:gegevens) and asks the API for its figures, 100 per page:
the first page, and a page deep in the list (cursor), and a page over everything they may see.
The goal: the API's time per row at most twice the export's (docs/performance.md). Medians of
repeated requests through Django's test client, DEBUG off, logged in through the login page.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.template import engines  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from core.models import Dossier, Rol, User, Waarde  # noqa: E402
from volume.generator import analyseer, genereer  # noqa: E402
from volume.omvang import Omvang  # noqa: E402

WACHTWOORD = "meet-wachtwoord-24"
DOEL = 2.0  # API time per row over the export's, at most


def inloggen(user: User) -> Client:
    user.set_password(WACHTWOORD)
    user.save()
    client = Client()
    antwoord = client.post(reverse("login"), {"username": user.username, "password": WACHTWOORD})
    assert antwoord.status_code == 302, antwoord.status_code
    return client


def mediaan(client: Client, url: str, herhalingen: int) -> tuple[float, bytes]:
    tijden = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        antwoord = client.get(url)
        inhoud = antwoord.content
        tijden.append(time.perf_counter() - begin)
        assert antwoord.status_code == 200, (url, antwoord.status_code, inhoud[:200])
    return statistics.median(tijden), inhoud


def meet(herhalingen: int) -> list[str]:
    dossier = Dossier.objects.annotate(n=Count("indicatoren__waarden")).order_by("-n").first()
    coordinator = User.objects.filter(
        organisatie=dossier.penvoerder, groups__name=Rol.COORDINATOR.value
    ).first()
    client = inloggen(coordinator)
    rijen = Waarde.objects.for_dossier(dossier).editable_by(coordinator).count()
    export, _ = mediaan(client, reverse("importeren:gegevens", args=[dossier.slug]), herhalingen)
    per_rij = export / rijen
    regels = [
        f"Dossier {dossier.slug}: {rijen} cijfers; Gegevens-export {export * 1000:.0f} ms, "
        f"{per_rij * 1e6:.0f} µs per rij",
    ]
    basis = reverse("api-v1:cijfers")
    _, inhoud = mediaan(client, f"{basis}?dossier={dossier.slug}&per_pagina=100", 1)
    diep = json.loads(inhoud)["resultaten"][-1]["id"]
    for naam, url in [
        ("API, eerste pagina van het dossier", f"{basis}?dossier={dossier.slug}&per_pagina=100"),
        (
            "API, volgende pagina (cursor)",
            f"{basis}?dossier={dossier.slug}&per_pagina=100&na={diep}",
        ),
        ("API, eerste pagina van alles", f"{basis}?per_pagina=100"),
        ("API, 1.000 per pagina (een BI-tool)", f"{basis}?dossier={dossier.slug}&per_pagina=1000"),
    ]:
        tijd, inhoud = mediaan(client, url, herhalingen)
        aantal = len(json.loads(inhoud)["resultaten"])
        verhouding = (tijd / aantal) / per_rij
        regels.append(
            f"{naam}: {aantal} rijen, {tijd * 1000:.1f} ms, {tijd / aantal * 1e6:.0f} µs per rij, "
            f"{verhouding:.2f} × de export per rij "
            f"({'gehaald' if verhouding <= DOEL else 'NIET gehaald'})"
        )
    return regels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--schaal", type=float, default=0.05)
    parser.add_argument("--herhalingen", type=int, default=15)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("De meting draait op PostgreSQL, de productiedatabase: zet DATABASE_URL.")
    naam = connection.settings_dict["NAME"]
    connection.settings_dict["TEST"] = {
        **connection.settings_dict.get("TEST", {}),
        "NAME": f"{naam}_api",
    }
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    engines["django"].engine.debug = False
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        genereer(Omvang.schaal(args.schaal))
        analyseer()
        print(f"schaal {args.schaal}, PostgreSQL, mediaan van {args.herhalingen}")
        for regel in meet(args.herhalingen):
            print(regel, flush=True)
    finally:
        connection.creation.destroy_test_db(naam, verbosity=0)


if __name__ == "__main__":
    main()
