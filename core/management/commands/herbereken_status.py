"""Compute every figure's stored statuses again, or only check them."""

from django.core.management.base import BaseCommand, CommandError

from core.opgeslagen_status import afwijkingen, herbereken_alles


class Command(BaseCommand):
    help = (
        "Berekent de opgeslagen status van elk cijfer opnieuw (na een reparatie buiten de "
        "applicatie om); met --controleer alleen nagaan of ze kloppen."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--controleer",
            action="store_true",
            help="niets wijzigen; een afwijking geeft exitcode 1",
        )

    def handle(self, *args, controleer=False, **options):
        if controleer:
            aantal = afwijkingen().count()
            if aantal:
                raise CommandError(f"{aantal} cijfers hebben een verouderde status.")
            self.stdout.write("Alle opgeslagen statussen kloppen.")
            return
        aantal = herbereken_alles()
        self.stdout.write(f"Status van {aantal} cijfers berekend.")
