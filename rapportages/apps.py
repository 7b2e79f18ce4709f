from django.apps import AppConfig


class RapportagesConfig(AppConfig):
    name = "rapportages"
    verbose_name = "Voortgangsrapportages"

    def ready(self) -> None:
        from core.signals import cijfers_gewijzigd

        cijfers_gewijzigd.connect(_ververs, dispatch_uid="rapportages.ververs")


def _ververs(sender, dossier_ids, **kwargs) -> None:
    """Figures changed: their concept reports are made again, in the background."""
    from .models import Rapport
    from .tasks import ververs_rapporten

    if (
        Rapport.objects.filter(dossier__in=dossier_ids).exists()
        or Rapport.objects.filter(tranche__deals__in=dossier_ids).exists()
    ):
        ververs_rapporten.enqueue(sorted(dossier_ids))
