"""An agreement item's numbers (target value and year, deadline, linked item) move onto
`core.Streefdoel`; the item keeps its text. An amendment keeps the old target as a whole."""

import django.db.models.deletion
from django.db import migrations, models

from historie.migraties import zonder_sqlite_triggers


def naar_streefdoelen(apps, schema_editor):
    Afspraakpunt = apps.get_model("afspraken", "Afspraakpunt")
    Streefdoel = apps.get_model("core", "Streefdoel")
    Wijzigingsregel = apps.get_model("afspraken", "Wijzigingsregel")
    for punt in Afspraakpunt.objects.order_by("pk"):
        doel = streefdoel_van(punt)
        if doel is None:
            continue
        if doel["soort"] == "mijlpaal" and punt.status == "afgerond":
            # As applying an amendment does now: completed is reached, on the amendment's date.
            afgerond = Wijzigingsregel.objects.filter(
                afspraakpunt=punt, soort="afgerond", wijziging__toegepast_op__isnull=False
            ).order_by("wijziging__datum").first()
            doel["bereikt_op"] = afgerond.wijziging.datum if afgerond else None
        doel = Streefdoel.objects.create(dossier_id=punt.afspraak_id, volgorde=punt.volgorde, **doel)
        punt.streefdoel = doel
        punt.save(update_fields=["streefdoel"])
    for regel in Wijzigingsregel.objects.exclude(oude_streefwaarde=None, oud_streefjaar=None):
        regel.oud_streefdoel = {
            "waarde": None if regel.oude_streefwaarde is None else str(regel.oude_streefwaarde),
            "tot_en_met_jaar": regel.oud_streefjaar,
        }
        regel.save(update_fields=["oud_streefdoel"])


def streefdoel_van(punt) -> dict | None:
    """The mapping the fixtures were converted with; tests/core/test_streefdoel_migratie.py."""
    if punt.streefwaarde is not None:
        # A level to reach by a year ("80 % of boards sufficient in 2017"): never a sum.
        return {
            "soort": "effect",
            "waarde": punt.streefwaarde,
            "tot_en_met_jaar": punt.streefjaar,
            "eenheid": punt.streefeenheid if not punt.indicator_id else "",
            "indicator_id": punt.indicator_id,
            "deadline": punt.deadline,
            "vervallen": punt.status == "vervallen",
        }
    if punt.deadline is not None:
        return {
            "soort": "mijlpaal",
            "omschrijving": punt.resultaat[:300],
            "deadline": punt.deadline,
            "indicator_id": punt.indicator_id,
            "vervallen": punt.status == "vervallen",
        }
    if punt.indicator_id is not None:
        return {"soort": "per_jaar", "indicator_id": punt.indicator_id}
    return None


class Migration(migrations.Migration):
    dependencies = [
        ("afspraken", "0002_wijziging_afspraakpunt_wijzigingsregel"),
        ("core", "0005_streefdoel"),
    ]

    operations = [
        migrations.AddField(
            model_name="afspraakpunt",
            name="streefdoel",
            field=models.OneToOneField(
                blank=True,
                help_text="Wat het punt belooft: een aantal, een bandbreedte, een mijlpaal met "
                "deadline of een effect.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="afspraakpunt",
                to="core.streefdoel",
                verbose_name="streefdoel",
            ),
        ),
        migrations.AddField(
            model_name="wijzigingsregel",
            name="nieuw_maximum",
            field=models.DecimalField(
                blank=True, decimal_places=2, max_digits=16, null=True, verbose_name="nieuw maximum"
            ),
        ),
        migrations.AddField(
            model_name="wijzigingsregel",
            name="nieuw_minimum",
            field=models.DecimalField(
                blank=True, decimal_places=2, max_digits=16, null=True, verbose_name="nieuw minimum"
            ),
        ),
        migrations.AddField(
            model_name="wijzigingsregel",
            name="nieuwe_deadline",
            field=models.DateField(blank=True, null=True, verbose_name="nieuwe deadline"),
        ),
        migrations.AddField(
            model_name="wijzigingsregel",
            name="oud_streefdoel",
            field=models.JSONField(
                blank=True,
                help_text="Het streefdoel zoals het was vóór de wijziging (ingevuld bij verwerking).",
                null=True,
                verbose_name="oud streefdoel",
            ),
        ),
        migrations.RunPython(naar_streefdoelen, migrations.RunPython.noop),
        zonder_sqlite_triggers("afspraken_afspraakpunt", "afspraken_wijzigingsregel"),
        migrations.RemoveField(model_name="afspraakpunt", name="deadline"),
        migrations.RemoveField(model_name="afspraakpunt", name="indicator"),
        migrations.RemoveField(model_name="afspraakpunt", name="streefeenheid"),
        migrations.RemoveField(model_name="afspraakpunt", name="streefjaar"),
        migrations.RemoveField(model_name="afspraakpunt", name="streefwaarde"),
        migrations.RemoveField(model_name="wijzigingsregel", name="oud_streefjaar"),
        migrations.RemoveField(model_name="wijzigingsregel", name="oude_streefwaarde"),
        migrations.AlterField(
            model_name="wijzigingsregel",
            name="soort",
            field=models.CharField(
                choices=[
                    ("vervallen", "vervalt"),
                    ("streefwaarde", "streefdoel gewijzigd"),
                    ("indicator_vervallen", "indicator vervalt (niet meer meetbaar)"),
                    ("toegevoegd", "toegevoegd"),
                    ("afgerond", "afgerond"),
                ],
                max_length=20,
                verbose_name="soort",
            ),
        ),
    ]
