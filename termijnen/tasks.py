"""The daily reminders as a django-tasks task, for a deployment that enqueues its periodic
work (docs/deployment.md); the same as `manage.py stuur_herinneringen`."""

from django_tasks import task


@task()
def stuur_herinneringen(datum: str | None = None) -> None:
    from django.core.management import call_command

    call_command("stuur_herinneringen", *(["--datum", datum] if datum else []))
