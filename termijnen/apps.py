from django.apps import AppConfig


class TermijnenConfig(AppConfig):
    """The yearly cycle: due dates per dossier, reminders by mail and a calendar feed."""

    name = "termijnen"
    verbose_name = "termijnen"
