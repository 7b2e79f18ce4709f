"""`manage.py export_report <slug> --year 2025 --format pdf|xlsx --output FILE` (and
`--tranche 6` instead of a slug): a voortgangsrapportage for batch work, see docs/reports.md."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core.models import Dossier, User
from rapportages.models import Rapport
from rapportages.services import maak_bestanden
from regiodeals.models import Tranche


class Command(BaseCommand):
    help = "Maak de voortgangsrapportage van een afspraak, deal, project of tranche als bestand."

    def add_arguments(self, parser):
        parser.add_argument("slug", nargs="?", help="De slug van de afspraak, deal of project.")
        parser.add_argument("--tranche", type=int, help="Alle deals van deze tranche.")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--format", choices=["pdf", "xlsx"], required=True)
        parser.add_argument("--output", required=True, help="Het bestand om naar te schrijven.")

    def handle(self, *args, slug, tranche, year, format, output, **options):
        if bool(slug) == bool(tranche):
            raise CommandError("Geef een slug of --tranche, niet allebei en niet geen van beide.")
        if tranche:
            onderwerp = {"tranche": Tranche.objects.filter(nummer=tranche).first()}
        else:
            onderwerp = {"dossier": Dossier.objects.filter(slug=slug).first()}
        if not any(onderwerp.values()):
            raise CommandError(f"Niet gevonden: {slug or f'tranche {tranche}'}.")
        bestaand = Rapport.objects.filter(jaar=year, **onderwerp).first()
        rapport = bestaand or Rapport(jaar=year, **onderwerp)
        # The batch export reads as a beheerder: every figure, concept ones included.
        lezer = User(username="export", is_superuser=True, is_active=True)
        pdf, xlsx = maak_bestanden(rapport, lezer, status=rapport.status, gemaakt_op=timezone.now())
        with open(output, "wb") as bestand:
            bestand.write(pdf if format == "pdf" else xlsx)
        self.stdout.write(f"Geschreven: {output}")
