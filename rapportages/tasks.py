"""Background work: reports are made by the task queue (`manage.py db_worker`), not by the
web worker that answers the coördinator's click."""

from django_tasks import task


@task()
def genereer_versie(versie_pk: int) -> None:
    from historie.context import wijzigingscontext

    from .models import Rapportversie
    from .services import genereer

    versie = Rapportversie.objects.select_related("rapport", "gemaakt_door").get(pk=versie_pk)
    with wijzigingscontext(door=versie.gemaakt_door, bron="achtergrond"):
        genereer(versie)


@task()
def ververs_rapporten(dossier_ids: list[int]) -> None:
    from .services import ververs_rapporten as ververs

    ververs(dossier_ids)
