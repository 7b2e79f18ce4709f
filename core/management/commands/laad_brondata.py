"""Load the data of the source documents once; a second run leaves everything as it is.

Plain `loaddata` would overwrite what users changed since (and undo an applied amendment), so
each fixture is loaded only when its marker object is not there yet.
"""

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand

# fixture → (model, lookup) of an object that exists once the fixture is loaded
BRONNEN = [
    ("organisaties", ("core.Organisatie", {"slug": "gemeente-maastricht"})),
    ("maastricht_2015", ("core.Dossier", {"slug": "maastricht-2015"})),
    ("po_bestuursakkoord", ("core.Dossier", {"slug": "bestuursakkoord-po-2014-2020"})),
    ("po_actualisatie_2018", ("afspraken.Wijziging", {"pk": 1})),
    ("tranche_6", ("regiodeals.Tranche", {"nummer": 6})),
    ("groningen_noord_2", ("core.Dossier", {"slug": "regio-deal-groningen-noord-ii"})),
    ("groningen_noord_2_projecten", ("core.Dossier", {"pk": 60})),
    ("sociaal_vitaal", ("core.Dossier", {"slug": "sociaal-vitaal-in-kleine-kernen"})),
]
# amendments of the sources that were agreed, and so are applied once after loading
TOE_TE_PASSEN = [1]


class Command(BaseCommand):
    help = "Laadt de gegevens van de vijf brondocumenten (eenmalig) en verwerkt hun wijzigingen."

    def handle(self, *args, **options):
        from afspraken.models import Wijziging
        from afspraken.services import pas_wijziging_toe

        for fixture, (label, lookup) in BRONNEN:
            if apps.get_model(label).objects.filter(**lookup).exists():
                self.stdout.write(f"{fixture}: al geladen, ongewijzigd gelaten")
                continue
            call_command("loaddata", fixture, verbosity=0)
            self.stdout.write(f"{fixture}: geladen")
        for wijziging in Wijziging.objects.filter(pk__in=TOE_TE_PASSEN, toegepast_op=None):
            pas_wijziging_toe(wijziging=wijziging, door=None)
            self.stdout.write(f"{wijziging}: verwerkt")
