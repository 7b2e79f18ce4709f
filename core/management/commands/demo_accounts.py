from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from core.services import DEMO_WACHTWOORD, create_demo_accounts


class Command(BaseCommand):
    help = "Maakt de demo-accounts aan (alleen met DEBUG aan)."

    def handle(self, *args, **options):
        try:
            users = create_demo_accounts()
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from exc
        namen = ", ".join(u.username for u in users)
        self.stdout.write(f"Demo-accounts (wachtwoord ‘{DEMO_WACHTWOORD}’): {namen}")
