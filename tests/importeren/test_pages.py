"""The import through its pages: find it, upload, read the preview, confirm with CSRF."""

import io
import re
import zipfile

from django.test import Client
from django.urls import reverse

from core.gegevens import iter_gegevens
from core.models import Dossier, Waarde
from importeren.models import Cijferimport
from importeren.services import confirm_import
from importeren.sjabloon import maak_sjabloon

from .conftest import bewaar, kolom, open_werkmap, rij_met

SLOOP_REAL = "maastricht-2015/sloop/woonpunt/-/2015/realisatie"
UPLOAD = reverse("importeren:upload", args=["maastricht-2015"])


def ingevuld(maastricht, waarde=75) -> bytes:
    workbook = open_werkmap(
        maak_sjabloon(
            dossier=maastricht.dossier, organisatie=maastricht.woonpunt.organisatie, jaar=2015
        )
    )
    ws = workbook["Cijfers"]
    ws[f"{kolom(ws, 'Waarde')}{rij_met(ws, SLOOP_REAL)}"] = waarde
    return bewaar(workbook)


def bestand(inhoud: bytes, naam="woonpunt-2015.xlsx"):
    upload = io.BytesIO(inhoud)
    upload.name = naam
    return upload


def test_the_entry_grid_links_to_template_and_import(client, maastricht):
    client.force_login(maastricht.woonpunt)

    html = client.get(reverse("core:invoer", args=["maastricht-2015", 2015, "realisatie"]))

    html = html.content.decode()
    assert "/import/dossiers/maastricht-2015/sjabloon/2015/?organisatie=woonpunt" in html
    assert ">Sjabloon downloaden</a>" in html
    assert "/import/dossiers/maastricht-2015/?organisatie=woonpunt&amp;jaar=2015" in html
    assert ">Cijfers importeren</a>" in html


def test_upload_preview_and_confirm(maastricht):
    client = Client(enforce_csrf_checks=True)
    client.force_login(maastricht.woonpunt)
    pagina = client.get(UPLOAD)
    assert pagina.status_code == 200
    token = pagina.cookies["csrftoken"].value

    upload = client.post(
        UPLOAD, {"bestand": bestand(ingevuld(maastricht)), "csrfmiddlewaretoken": token}
    )

    cijferimport = Cijferimport.objects.get()
    assert upload.status_code == 302
    assert upload["Location"] == cijferimport.get_absolute_url()
    voorbeeld = client.get(upload["Location"])
    html = voorbeeld.content.decode()
    assert voorbeeld.status_code == 200
    assert "Er is nog niets opgeslagen" in html
    assert "Sloop – Woonpunt, realisatie 2015" in html
    assert not Waarde.objects.filter(soort="realisatie", jaar=2015).exists()
    vingerafdruk = re.search(r'name="vingerafdruk" value="(\w+)"', html).group(1)
    bevestig = reverse("importeren:bevestig", args=[cijferimport.pk])

    zonder_token = client.post(bevestig, {"vingerafdruk": vingerafdruk})
    assert zonder_token.status_code == 403
    assert not Waarde.objects.filter(soort="realisatie", jaar=2015).exists()

    opgeslagen = client.post(
        bevestig, {"vingerafdruk": vingerafdruk, "csrfmiddlewaretoken": token}, follow=True
    )

    html = opgeslagen.content.decode()
    assert "Opgeslagen: 1 cijfer(s) gewijzigd." in html
    assert "woonpunt-2015.xlsx" in html
    assert "Sloop – Woonpunt, realisatie 2015" in html
    assert Waarde.objects.get(soort="realisatie", jaar=2015).waarde == 75


def test_a_preview_with_errors_shows_them_and_offers_no_confirmation(client, maastricht):
    client.force_login(maastricht.woonpunt)

    response = client.post(UPLOAD, {"bestand": bestand(ingevuld(maastricht, "6o"))}, follow=True)

    html = response.content.decode()
    assert response.status_code == 400
    assert "Fouten per rij en kolom" in html
    assert "K (Waarde)" in html
    assert "‘6o’ is geen getal" in html
    assert 'name="vingerafdruk"' not in html


def test_confirming_a_stale_preview_saves_nothing_and_says_so(client, maastricht):
    client.force_login(maastricht.woonpunt)
    client.post(UPLOAD, {"bestand": bestand(ingevuld(maastricht))})
    cijferimport = Cijferimport.objects.get()

    response = client.post(
        reverse("importeren:bevestig", args=[cijferimport.pk]),
        {"vingerafdruk": "verouderd"},
        follow=True,
    )

    assert "Sinds het voorbeeld zijn er cijfers gewijzigd" in response.content.decode()
    assert not Waarde.objects.filter(soort="realisatie", jaar=2015).exists()


def test_a_refused_file_is_a_dutch_message_never_a_server_error(client, maastricht):
    client.force_login(maastricht.woonpunt)
    bom = io.BytesIO()
    with zipfile.ZipFile(bom, "w", zipfile.ZIP_DEFLATED) as archief:
        archief.writestr("[Content_Types].xml", b"0" * 60 * 1024 * 1024)

    for inhoud, naam, melding in [
        (b"a;b", "cijfers.csv", "Alleen Excel-werkmappen met de extensie .xlsx"),
        (b"a;b", "cijfers.xlsx", "Dit is geen geldige Excel-werkmap"),
        (bom.getvalue(), "bom.xlsx", "mogelijk een zip-bom"),
    ]:
        response = client.post(UPLOAD, {"bestand": bestand(inhoud, naam)})

        assert response.status_code == 400
        assert melding in response.content.decode()
    assert not Cijferimport.objects.exists()


def test_an_upload_over_the_size_limit_is_refused(client, maastricht, settings):
    settings.IMPORT_MAX_FILE_SIZE = 1000
    client.force_login(maastricht.woonpunt)

    response = client.post(UPLOAD, {"bestand": bestand(ingevuld(maastricht))})

    assert response.status_code == 400
    assert "de grens is 1000\xa0bytes" in response.content.decode()


def test_who_may_upload_and_see_an_import(client, maastricht):
    client.force_login(maastricht.bestuurder)
    assert client.get(UPLOAD).status_code == 403
    client.force_login(maastricht.woonpunt)
    client.post(UPLOAD, {"bestand": bestand(ingevuld(maastricht))})
    detail = Cijferimport.objects.get().get_absolute_url()

    client.force_login(maastricht.servatius)
    assert client.get(detail).status_code == 403
    client.force_login(maastricht.beheerder)
    beheerder = client.get(detail)
    assert beheerder.status_code == 200
    assert 'name="vingerafdruk"' not in beheerder.content.decode()  # only the uploader saves


def test_the_flat_sheet_holds_what_the_user_may_change(client, maastricht):
    client.force_login(maastricht.woonpunt)

    response = client.get(reverse("importeren:gegevens", args=["maastricht-2015"]))

    ws = open_werkmap(response.content)["Gegevens"]
    sleutels = [cel.value for cel in ws["A"][1:]]
    assert sleutels
    assert all("/woonpunt/" in sleutel for sleutel in sleutels)
    titel = Dossier.objects.get(slug="maastricht-2015").titel
    assert {cel.value for cel in ws["B"][1:]} == {titel}


def test_the_rows_of_one_dossier_are_those_of_the_general_export_in_the_same_order(maastricht):
    dossier = Dossier.objects.get(slug="maastricht-2015")
    waarden = Waarde.objects.for_dossier(dossier)

    rijen = list(iter_gegevens(waarden, dossier=dossier))

    assert len(rijen) > 50 and len({rij[4] for rij in rijen}) > 2  # several organisations
    assert rijen == list(iter_gegevens(waarden))


def test_the_list_shows_the_users_imports(client, maastricht):
    client.force_login(maastricht.woonpunt)
    client.post(UPLOAD, {"bestand": bestand(ingevuld(maastricht))})

    response = client.get(reverse("importeren:list"))

    assert "woonpunt-2015.xlsx" in response.content.decode()
    client.force_login(maastricht.servatius)
    assert "woonpunt-2015.xlsx" not in client.get(reverse("importeren:list")).content.decode()


def test_beheer_shows_a_confirmed_import_read_only(client, maastricht):
    client.force_login(maastricht.woonpunt)
    client.post(UPLOAD, {"bestand": bestand(ingevuld(maastricht))})
    cijferimport = Cijferimport.objects.get()
    client.get(cijferimport.get_absolute_url())  # the preview, then save as the user would
    confirm_import(cijferimport=cijferimport, door=maastricht.woonpunt)
    client.force_login(maastricht.beheerder)

    lijst = client.get(reverse("admin:importeren_cijferimport_changelist"))
    detail = client.get(reverse("admin:importeren_cijferimport_change", args=[cijferimport.pk]))

    assert lijst.status_code == detail.status_code == 200
    html = detail.content.decode()
    assert "Sloop – Woonpunt, realisatie 2015" in html
    assert 'name="bestandsnaam"' not in html  # read only


def test_without_imports_the_list_says_where_an_import_begins(client, maastricht):
    client.force_login(maastricht.woonpunt)

    html = client.get(reverse("importeren:list")).content.decode()

    assert "Nog geen imports." in html
    assert "Excel-sjabloon" in html and "“Cijfers importeren”" in html
