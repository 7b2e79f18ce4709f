"""Django's `loaddata`, with the figures' stored statuses computed once at the end instead of
once per saved object (core.opgeslagen_status)."""

from django.core.management.commands.loaddata import Command as Loaddata

from core.opgeslagen_status import in_een_keer


class Command(Loaddata):
    def handle(self, *fixture_labels, **options):
        with in_een_keer():
            return super().handle(*fixture_labels, **options)
