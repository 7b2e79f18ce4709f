from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate


class HistorieConfig(AppConfig):
    name = "historie"
    verbose_name = "Wijzigingshistorie"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .context import koppel_verbinding
        from .triggers import installeer_triggers

        connection_created.connect(koppel_verbinding, dispatch_uid="historie_verbinding")
        post_migrate.connect(installeer_triggers, sender=self, dispatch_uid="historie_triggers")
