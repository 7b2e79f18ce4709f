from django.apps import AppConfig


class AanmeldenConfig(AppConfig):
    name = "aanmelden"
    verbose_name = "inloggen met de eigen organisatie (OpenID Connect)"

    def ready(self) -> None:
        # Connect the receivers: the audit history's, and the login time of the idle-session
        # middleware (else a login before the first request would miss it).
        from . import gebeurtenissen, middleware  # noqa: F401
