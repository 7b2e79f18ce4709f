"""`manage.py stuur_herinneringen [--datum YYYY-MM-DD]`: complete the dossiers' calendars and
mail today's reminders. Run daily (cron or a systemd timer, docs/deployment.md); running it
twice on a day sends nothing twice, and a run started while another still sends stops at once
(`termijnen.slot`). Exits non-zero when the mail server refused a mail: those are sent on the
next run."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from termijnen.herinneringen import berichten, verstuur
from termijnen.services import vul_kalenders_aan
from termijnen.slot import alleen


class Command(BaseCommand):
    help = "Verstuurt de herinneringen van vandaag (termijnen die naderen of verstreken zijn)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--datum",
            type=datetime.date.fromisoformat,
            help="De dag waarvoor verstuurd wordt (JJJJ-MM-DD); standaard vandaag.",
        )

    def handle(self, *args, datum=None, **options):
        with alleen("stuur_herinneringen") as gekregen:
            if not gekregen:
                self.stdout.write("Er loopt al een run van stuur_herinneringen; deze stopt.")
                return
            self._stuur(datum or datetime.date.today())

    def _stuur(self, vandaag: datetime.date) -> None:
        toegevoegd = vul_kalenders_aan(vandaag=vandaag)
        verslag = verstuur(berichten(vandaag), vandaag)
        self.stdout.write(
            f"{vandaag:%d-%m-%Y}: {toegevoegd} termijn(en) voorgesteld, "
            f"{verslag.verstuurd} e-mail(s) verstuurd."
        )
        for naam in verslag.zonder_adres:
            self.stdout.write(f"Overgeslagen: {naam} heeft geen e-mailadres.")
        for fout in verslag.fouten:
            self.stderr.write(f"Niet verstuurd: {fout}")
        if verslag.fouten:
            raise CommandError(
                f"{len(verslag.fouten)} e-mail(s) niet verstuurd; de volgende run probeert "
                "ze opnieuw."
            )
