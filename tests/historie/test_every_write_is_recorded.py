"""The history is written by the database: every path that writes is in it, on SQLite and
on PostgreSQL alike, with who, from where, old → new and the reason where one was given."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from core.models import Waarde
from core.opgeslagen_status import herbereken_alles
from core.services import heropen_jaaropgave
from historie.models import Mutatie
from importeren.services import confirm_import, upload_import
from importeren.sjabloon import maak_sjabloon
from tests.importeren.conftest import bewaar, kolom, open_werkmap, rij_met


def van_waarde(waarde: Waarde):
    return Mutatie.objects.filter(tabel="core.waarde", object_id=waarde.pk).order_by("pk")


def test_a_grid_save_records_the_user_the_screen_and_old_and_new(client, wereld):
    client.force_login(wereld.eigenaar)
    veld = f"{wereld.nieuwbouw.pk}_{wereld.corporatie_a.pk}"

    client.post(
        reverse("core:invoer", args=[wereld.dossier.slug, 2015, "realisatie"]),
        {f"waarde_{veld}": "61", f"versie_{veld}": "1"},
    )

    mutatie = van_waarde(wereld.waarde_a).last()
    assert mutatie.actie == Mutatie.Actie.GEWIJZIGD
    assert mutatie.gebruiker == wereld.eigenaar
    assert mutatie.bron == "scherm"
    assert Decimal(str(mutatie.oud["waarde"])) == 60
    assert Decimal(str(mutatie.nieuw["waarde"])) == 61
    assert mutatie.dossier_id == wereld.dossier.pk
    sleutel = f"{wereld.nieuwbouw.pk}/2015/realisatie/{wereld.corporatie_a.pk}/-"
    assert mutatie.sleutel == sleutel


@pytest.mark.parametrize(
    "schrijf",
    [
        pytest.param(
            lambda w: Waarde.objects.filter(pk=w.waarde_a.pk).update(waarde=70), id="update"
        ),
        pytest.param(
            lambda w: Waarde.objects.bulk_update([Waarde(pk=w.waarde_a.pk, waarde=70)], ["waarde"]),
            id="bulk_update",
        ),
        pytest.param(
            lambda w: connection.cursor().execute(
                "UPDATE core_waarde SET waarde = 70 WHERE id = %s", [w.waarde_a.pk]
            ),
            id="raw_sql",
        ),
    ],
)
def test_bulk_and_raw_writes_are_recorded_too(wereld, schrijf):
    schrijf(wereld)
    herbereken_alles()  # as after a repair around the application (herbereken_status)

    mutatie = van_waarde(wereld.waarde_a).last()
    assert mutatie.actie == Mutatie.Actie.GEWIJZIGD
    assert (Decimal(str(mutatie.oud["waarde"])), Decimal(str(mutatie.nieuw["waarde"]))) == (60, 70)
    assert mutatie.bron == "systeem" and mutatie.gebruiker is None


def test_bulk_create_and_delete_are_recorded_per_row(wereld):
    nieuw = Waarde.objects.bulk_create(
        [
            Waarde(indicator=wereld.nieuwbouw, jaar=jaar, soort="plan", waarde=jaar - 2000)
            for jaar in (2016, 2017, 2018)
        ]
    )
    Waarde.objects.filter(jaar__in=[2016, 2017]).delete()
    herbereken_alles()

    aangemaakt = Mutatie.objects.filter(tabel="core.waarde", actie="I", sleutel__contains="/plan/")
    verwijderd = Mutatie.objects.filter(tabel="core.waarde", actie="D")
    assert {m.nieuw["jaar"] for m in aangemaakt} >= {2016, 2017, 2018}
    assert sorted(m.oud["jaar"] for m in verwijderd) == [2016, 2017]
    assert len(nieuw) == 3


def test_a_change_that_changes_nothing_is_not_recorded(wereld):
    voor = Mutatie.objects.count()

    Waarde.objects.filter(pk=wereld.waarde_a.pk).update(waarde=60)

    assert Mutatie.objects.count() == voor


def test_a_data_migration_with_historical_models_is_recorded(wereld):
    """A RunPython step gets models from the migration state, not the app: still recorded."""
    historisch = MigrationExecutor(connection).loader.project_state().apps
    HistorischeWaarde = historisch.get_model("core", "Waarde")

    HistorischeWaarde.objects.filter(jaar=2015, soort="realisatie").update(waarde=0)

    jaren = Mutatie.objects.filter(tabel="core.waarde", actie="U").values_list("object_id")
    assert {pk for (pk,) in jaren} == {wereld.waarde_a.pk, wereld.waarde_b.pk}


def test_a_rolled_back_write_leaves_no_history(wereld):
    voor = Mutatie.objects.count()
    with pytest.raises(IntegrityError), transaction.atomic():
        Waarde.objects.filter(pk=wereld.waarde_a.pk).update(waarde=99)
        Waarde.objects.create(
            indicator=wereld.nieuwbouw,
            jaar=2015,
            soort="realisatie",
            organisatie=wereld.corporatie_a,
            waarde=1,
        )

    assert Mutatie.objects.count() == voor


def test_the_history_cannot_be_changed(wereld):
    with pytest.raises(Exception, match="kan niet worden aangepast"), transaction.atomic():
        Mutatie.objects.update(bron="vervalst")

    assert not Mutatie.objects.filter(bron="vervalst").exists()


def test_an_admin_change_is_recorded_as_beheer(als):
    client = als("beheerder")
    waarde = Waarde.objects.filter(soort="plan", jaar=2015).first()
    url = reverse("admin:core_waarde_change", args=[waarde.pk])
    formulier = client.get(url).context["adminform"].form
    data = {naam: formulier[naam].value() for naam in formulier.fields}
    data = {naam: "" if waarde is None else waarde for naam, waarde in data.items()}
    data.update(waarde="67", toelichting="Correctie na telling")

    response = client.post(url, data)

    assert response.status_code == 302
    mutatie = van_waarde(waarde).last()
    assert mutatie.bron == "beheer"
    assert mutatie.gebruiker.username == "beheerder"
    assert mutatie.nieuw["toelichting"] == "Correctie na telling"
    assert Decimal(str(mutatie.nieuw["waarde"])) == 67


def test_reopening_a_year_records_its_reason(wereld):
    from core.models import Jaaropgave

    opgave = Jaaropgave.objects.create(
        dossier=wereld.dossier,
        organisatie=wereld.corporatie_a,
        jaar=2015,
        soort="realisatie",
        status=Jaaropgave.Status.VASTGESTELD,
    )

    heropen_jaaropgave(opgave=opgave, door=wereld.coordinator, reden="Telfout bij nieuwbouw")

    mutatie = Mutatie.objects.filter(tabel="core.jaaropgave", actie="U").first()
    assert mutatie.reden == "Heropend: Telfout bij nieuwbouw"
    assert (mutatie.oud["status"], mutatie.nieuw["status"]) == ("vastgesteld", "ingediend")
    assert mutatie.gebruiker == wereld.coordinator


def test_an_import_records_its_file_as_reason(brondata):
    from core.models import Dossier, User

    woonpunt = User.objects.get(username="woonpunt")
    dossier = Dossier.objects.get(slug="maastricht-2015")
    workbook = open_werkmap(
        maak_sjabloon(dossier=dossier, organisatie=woonpunt.organisatie, jaar=2015)
    )
    ws = workbook["Cijfers"]
    ws[
        f"{kolom(ws, 'Waarde')}{rij_met(ws, 'maastricht-2015/sloop/woonpunt/-/2015/realisatie')}"
    ] = 75
    cijferimport, _ = upload_import(
        dossier=dossier, door=woonpunt, naam="sloop.xlsx", inhoud=bewaar(workbook)
    )

    confirm_import(cijferimport=cijferimport, door=woonpunt)

    mutatie = Mutatie.objects.filter(tabel="core.waarde", actie="I").first()
    assert mutatie.bron == "import"
    assert mutatie.gebruiker == woonpunt
    assert mutatie.reden == f"Import ‘sloop.xlsx’ (nr. {cijferimport.pk})"
    assert Decimal(str(mutatie.nieuw["waarde"])) == 75


def test_a_target_saved_from_its_form_is_recorded_with_the_coordinator_and_the_screen(
    client, termijnafspraak
):
    t = termijnafspraak
    client.force_login(t.coordinator)

    response = client.post(
        reverse("core:streefdoel_wijzigen", args=[t.dossier.slug, t.doel.pk]),
        {
            "soort": "looptijd",
            "indicator": t.nieuwbouw.pk,
            "waarde": "750",
            # The agreement is published: a changed target is an amendment (core.Doelwijziging).
            "wijzigingsdatum": "01-03-2027",
            "reden": "Actualisatie 2027",
        },
    )

    assert response.status_code == 302, response.context["form"].errors

    mutatie = Mutatie.objects.filter(tabel="core.streefdoel", object_id=t.doel.pk).latest("pk")
    assert (mutatie.actie, mutatie.gebruiker, mutatie.bron) == ("U", t.coordinator, "scherm")
    assert mutatie.reden == "Actualisatie 2027"
    assert Decimal(str(mutatie.oud["waarde"])) == 800
    assert Decimal(str(mutatie.nieuw["waarde"])) == 750
    assert mutatie.dossier_id == t.dossier.pk
