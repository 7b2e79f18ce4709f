from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "kern: organisaties en planning tegenover realisatie"

    def ready(self) -> None:
        from .signals import verbind

        verbind()
