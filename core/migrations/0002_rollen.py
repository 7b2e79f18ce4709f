from django.db import migrations

ROLLEN = ["beleidsmedewerker", "bestuurder", "coördinator", "beheerder"]


def maak_rollen(apps, schema_editor):
    # Into the database being migrated, which need not be the default one.
    groepen = apps.get_model("auth", "Group").objects.using(schema_editor.connection.alias)
    for naam in ROLLEN:
        groepen.get_or_create(name=naam)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(maak_rollen, migrations.RunPython.noop)]
