from django.core.management import call_command

from afspraken.models import Afspraakpunt, Wijziging
from core.models import Dossier, Waarde


def test_loading_the_sources_twice_duplicates_nothing_and_keeps_changes(db):
    call_command("laad_brondata", verbosity=0)
    telling = (Dossier.objects.count(), Waarde.objects.count(), Afspraakpunt.objects.count())
    Waarde.objects.filter(pk=1).update(toelichting="door een gebruiker gewijzigd")

    call_command("laad_brondata", verbosity=0)

    assert (
        Dossier.objects.count(),
        Waarde.objects.count(),
        Afspraakpunt.objects.count(),
    ) == telling
    assert Waarde.objects.get(pk=1).toelichting == "door een gebruiker gewijzigd"
    assert Wijziging.objects.get(pk=1).is_toegepast
