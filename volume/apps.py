from django.apps import AppConfig


class VolumeConfig(AppConfig):
    name = "volume"
    verbose_name = "volume: gegenereerde gegevens op landelijke schaal"
