"""`manage.py generate_volume --scale N`: realistic volume, see volume/omvang.py and
docs/performance.md. Run it after `make run` has loaded the source data (their fixtures use
fixed primary keys); a second run adds to the first."""

import time

from django.core.management.base import BaseCommand, CommandError

from volume.generator import analyseer, genereer
from volume.omvang import Omvang


def _getal(n: int) -> str:
    return f"{n:,}".replace(",", ".")


class Command(BaseCommand):
    help = "Maakt gegevens op landelijke schaal: --scale 1 is heel Nederland (±1,2 mln cijfers)."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="1 = heel Nederland.")
        parser.add_argument("--seed", type=int, default=11, help="Dezelfde seed, dezelfde data.")

    def handle(self, *args, scale: float, seed: int, **options):
        try:
            omvang = Omvang.schaal(scale)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Schaal {scale}: {omvang.afspraken} afspraken, {omvang.deals} Regio Deals, "
            f"{omvang.projecten} projecten, ±{_getal(omvang.cijfers())} cijfers"
        )
        begin = time.perf_counter()
        verslag = genereer(omvang, seed=seed)
        analyseer()
        self.stdout.write(
            f"Gemaakt in {time.perf_counter() - begin:.1f} s: {verslag.organisaties} organisaties, "
            f"{verslag.gebruikers} gebruikers, {verslag.afspraken} afspraken, "
            f"{verslag.deals} Regio Deals, {verslag.projecten} projecten, "
            f"{_getal(verslag.cijfers)} cijfers."
        )
