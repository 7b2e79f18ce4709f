from django.apps import AppConfig


class AanmeldenConfig(AppConfig):
    name = "aanmelden"
    verbose_name = "inloggen met de eigen organisatie (OpenID Connect)"

    def ready(self) -> None:
        from . import gebeurtenissen  # noqa: F401  (connects the audit receivers)
