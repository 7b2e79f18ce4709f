from django.apps import AppConfig


class InrichtingConfig(AppConfig):
    name = "inrichting"
    verbose_name = "inrichting van dossiers"
