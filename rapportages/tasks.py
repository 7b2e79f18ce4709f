"""Background work: reports are made by the task queue (`manage.py db_worker`), not by the
web worker that answers the coördinator's click."""

from django_tasks import task


@task()
def genereer_versie(versie_pk: int) -> None:
    from .models import Rapportversie
    from .services import genereer

    genereer(Rapportversie.objects.select_related("rapport", "gemaakt_door").get(pk=versie_pk))


@task()
def ververs_rapporten(dossier_ids: list[int]) -> None:
    from .services import ververs_rapporten as ververs

    ververs(dossier_ids)
