from django.db import migrations


def opnieuw(apps, schema_editor):
    # `status_openbaar` now also says whether a reader of submitted figures sees the figure
    # at all (core.cellen): emptied here, computed again after `migrate`
    # (core.opgeslagen_status.vul_aan). History leaves the status columns out.
    apps.get_model("core", "Waarde").objects.update(status_openbaar="")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0012_waarde_status"),
    ]

    operations = [migrations.RunPython(opnieuw, opnieuw, elidable=True)]
