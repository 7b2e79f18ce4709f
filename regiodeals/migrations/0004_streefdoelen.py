"""An intended result's numbers (target, range, per year, milestone date, reference, baseline,
linked item) move onto `core.Streefdoel`; the result keeps its text. A range was also a
`core.Norm` on its item, judged per year: the target now judges it, so that norm goes."""

import django.db.models.deletion
from django.db import migrations, models

from historie.migraties import zonder_sqlite_triggers


def naar_streefdoelen(apps, schema_editor):
    BeoogdResultaat = apps.get_model("regiodeals", "BeoogdResultaat")
    Streefdoel = apps.get_model("core", "Streefdoel")
    Norm = apps.get_model("core", "Norm")
    for resultaat in BeoogdResultaat.objects.order_by("pk"):
        doel = Streefdoel.objects.create(
            dossier_id=resultaat.regiodeal_id,
            volgorde=resultaat.volgorde,
            **streefdoel_van(resultaat),
        )
        resultaat.streefdoel = doel
        resultaat.save(update_fields=["streefdoel"])
        if doel.soort == "bandbreedte" and doel.indicator_id:
            Norm.objects.filter(
                indicator_id=doel.indicator_id,
                soort="absoluut",
                ondergrens=doel.minimum,
                bovengrens=doel.maximum,
            ).delete()


def streefdoel_van(resultaat) -> dict:
    """The mapping the fixtures were converted with; tests/core/test_streefdoel_migratie.py."""
    # An effect's level and (rare) a milestone's number are kept too: no number is lost.
    velden = {"indicator_id": resultaat.indicator_id, "waarde": resultaat.streefwaarde}
    if resultaat.soort == "mijlpaal":
        return {**velden, "soort": "mijlpaal", "bereikt_op": resultaat.bereikt_op}
    if resultaat.soort == "effect":
        return {
            **velden,
            "soort": "effect",
            "referentie": resultaat.referentie,
            "referentiewaarde": resultaat.referentiewaarde,
            "nulmeting": resultaat.nulmeting,
            "bron": resultaat.bron,
        }
    if resultaat.minimum is not None or resultaat.maximum is not None:
        return {
            **velden,
            "soort": "bandbreedte",
            "minimum": resultaat.minimum,
            "maximum": resultaat.maximum,
            "per_jaar": resultaat.per_jaar,
        }
    soort = "per_jaar" if resultaat.per_jaar or resultaat.streefwaarde is None else "looptijd"
    return {**velden, "soort": soort}


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_streefdoel"),
        ("regiodeals", "0003_kosten_versie"),
    ]

    operations = [
        migrations.AddField(
            model_name="beoogdresultaat",
            name="streefdoel",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="beoogd_resultaat",
                to="core.streefdoel",
                verbose_name="streefdoel",
            ),
        ),
        migrations.RunPython(naar_streefdoelen, migrations.RunPython.noop),
        zonder_sqlite_triggers("regiodeals_beoogdresultaat"),
        migrations.RemoveField(model_name="beoogdresultaat", name="bereikt_op"),
        migrations.RemoveField(model_name="beoogdresultaat", name="bron"),
        migrations.RemoveField(model_name="beoogdresultaat", name="indicator"),
        migrations.RemoveField(model_name="beoogdresultaat", name="maximum"),
        migrations.RemoveField(model_name="beoogdresultaat", name="minimum"),
        migrations.RemoveField(model_name="beoogdresultaat", name="nulmeting"),
        migrations.RemoveField(model_name="beoogdresultaat", name="per_jaar"),
        migrations.RemoveField(model_name="beoogdresultaat", name="referentie"),
        migrations.RemoveField(model_name="beoogdresultaat", name="referentiewaarde"),
        migrations.RemoveField(model_name="beoogdresultaat", name="soort"),
        migrations.RemoveField(model_name="beoogdresultaat", name="streefwaarde"),
    ]
