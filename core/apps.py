from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "kern: organisaties en planning tegenover realisatie"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import opgeslagen_status
        from .signals import verbind

        verbind()
        opgeslagen_status.verbind()
        post_migrate.connect(opgeslagen_status.vul_aan, sender=self)
