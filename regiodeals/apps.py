from django.apps import AppConfig


class RegiodealsConfig(AppConfig):
    name = "regiodeals"
    verbose_name = "Regio Deals"
