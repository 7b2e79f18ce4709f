"""The structure workbook through its pages: download, upload → preview → confirm, and the
Dutch row errors of bad workbooks (nothing saved); who may do what."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from core.models import Dossier, Indicator, Partij, Streefdoel, Waarde
from inrichting.structuur.gegevens import lees
from regiodeals.models import BeoogdResultaat

MAASTRICHT, GRONINGEN = "maastricht-2015", "regio-deal-groningen-noord-ii"
IMPORT = reverse("inrichting:structuur_import")


def _export(client, slug: str):
    response = client.get(reverse("inrichting:structuur_export", args=[slug]))
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def _bytes(workbook) -> bytes:
    uitvoer = io.BytesIO()
    workbook.save(uitvoer)
    return uitvoer.getvalue()


def _veld(workbook, veld: str, waarde) -> None:
    for rij in workbook["Dossier"].iter_rows(min_row=2):
        if rij[0].value == veld:
            rij[1].value = waarde
            return
    raise AssertionError(veld)


def _kolom(ws, naam: str) -> int:
    return [c.value for c in ws[1]].index(naam) + 1


def _cel(workbook, blad: str, rij: int, kolom: str, waarde) -> None:
    ws = workbook[blad]
    ws.cell(rij, _kolom(ws, kolom)).value = waarde


def _upload(client, inhoud: bytes, naam: str = "structuur.xlsx"):
    bestand = io.BytesIO(inhoud)
    bestand.name = naam
    return client.post(IMPORT, {"bestand": bestand})


def _nieuw(workbook, slug: str = "nieuw-dossier") -> None:
    _veld(workbook, "slug", slug)
    _veld(workbook, "titel", "Een nieuw dossier")


def _tellingen() -> tuple:
    return (
        Dossier.objects.count(),
        Indicator.objects.count(),
        Partij.objects.count(),
        Streefdoel.objects.count(),
    )


def test_a_bestuurder_downloads_the_structure_as_a_workbook_with_numbers_and_dates(als):
    client = als("bestuurder")
    response = client.get(reverse("inrichting:structuur_export", args=[MAASTRICHT]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames[:3] == ["Uitleg", "Dossier", "Partijen"]
    assert "Afspraakpunten" in workbook.sheetnames
    dossier = {r[0]: r[1] for r in workbook["Dossier"].iter_rows(min_row=2, values_only=True)}
    assert dossier["slug"] == MAASTRICHT and dossier["penvoerder"] == "gemeente-maastricht"
    bron = Dossier.objects.get(slug=MAASTRICHT)
    assert dossier["startdatum"].date() == bron.startdatum  # a date, not text
    items = workbook["Items"]
    assert items.freeze_panes == "A2" and items.auto_filter.ref.startswith("A1:")
    codes = [c.value for c in items["A"][1:]]
    assert codes == list(
        Indicator.objects.filter(dossier__slug=MAASTRICHT).values_list("code", flat=True)
    )
    normen = list(workbook["Normen"].iter_rows(min_row=2, values_only=True))
    assert normen and all(isinstance(n[2] or n[3], int | float) for n in normen)
    assert "Er staan geen cijfers in" in workbook["Uitleg"]["A2"].value


def test_a_dossier_in_opbouw_is_downloaded_only_by_its_coordinator(als, client):
    Dossier.objects.filter(slug=GRONINGEN).update(in_opbouw=True)
    url = reverse("inrichting:structuur_export", args=[GRONINGEN])
    assert als("bestuurder").get(url).status_code == 403
    assert als("groningen").get(url).status_code == 200
    assert als("groningen").post(url).status_code == 405


def test_anonymous_users_are_sent_to_log_in(brondata, client):
    response = client.get(IMPORT)
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")


def test_a_coordinator_imports_a_new_deal_preview_then_confirm(als):
    client = als("groningen")
    workbook = _export(client, GRONINGEN)
    _nieuw(workbook, "groningen-noord-iii")
    voor = _tellingen()

    preview = _upload(client, _bytes(workbook))
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Een nieuw dossier" in html and "Bevestigen en aanmaken" in html
    assert '<td class="utrecht-table__cell">Resultaten</td>' in html
    assert ">30</td>" in html  # the 30 intended results
    assert _tellingen() == voor  # nothing saved by the preview

    vingerafdruk = preview.context["vingerafdruk"]
    response = client.post(IMPORT, {"bevestig": "1", "vingerafdruk": vingerafdruk})
    assert response.status_code == 302
    nieuw = Dossier.objects.get(slug="groningen-noord-iii")
    assert nieuw.in_opbouw and nieuw.titel == "Een nieuw dossier"
    assert nieuw.penvoerder.slug == "gemeente-groningen"
    assert BeoogdResultaat.objects.filter(regiodeal_id=nieuw.pk).count() == 30
    assert Streefdoel.objects.filter(dossier=nieuw).count() == 30
    assert not Waarde.objects.filter(indicator__dossier=nieuw).exists()
    oud, kopie = lees(Dossier.objects.get(slug=GRONINGEN)), lees(nieuw)
    assert kopie.bladen == oud.bladen
    # the original is untouched
    assert Streefdoel.objects.filter(dossier__slug=GRONINGEN).count() == 30


def test_importing_again_replaces_the_structure_of_the_dossier_in_opbouw(als):
    client = als("groningen")
    workbook = _export(client, GRONINGEN)
    _nieuw(workbook, "groningen-noord-iii")
    _upload(client, _bytes(workbook))
    client.post(
        IMPORT, {"bevestig": "1", "vingerafdruk": client.session["inrichting_structuur"]["sha256"]}
    )
    eerst = Dossier.objects.get(slug="groningen-noord-iii")
    workbook["Resultaten"].delete_rows(2, 5)  # five intended results fewer
    preview = _upload(client, _bytes(workbook))
    assert "wordt vervangen" in preview.content.decode()
    client.post(IMPORT, {"bevestig": "1", "vingerafdruk": preview.context["vingerafdruk"]})
    daarna = Dossier.objects.get(slug="groningen-noord-iii")
    assert daarna.pk == eerst.pk
    assert BeoogdResultaat.objects.filter(regiodeal_id=daarna.pk).count() == 25


def test_a_published_dossier_is_not_changed_by_an_import(als):
    client = als("groningen")
    workbook = _export(client, GRONINGEN)
    voor = _tellingen()
    response = _upload(client, _bytes(workbook))
    assert response.status_code == 400
    assert "wijzig een vastgesteld dossier via een wijziging" in response.content.decode()
    assert _tellingen() == voor


def test_a_coordinator_makes_dossiers_of_their_own_organisation_only(als):
    client = als("groningen")
    workbook = _export(client, MAASTRICHT)
    _nieuw(workbook)
    response = _upload(client, _bytes(workbook))
    assert response.status_code == 400
    assert "van uw eigen organisatie" in response.content.decode()


@pytest.mark.parametrize("gebruiker", ["bestuurder", "woonpunt", "maastricht"])
def test_who_is_no_coordinator_or_beheerder_may_not_import(als, gebruiker):
    client = als(gebruiker)
    assert client.get(IMPORT).status_code == 403
    assert _upload(client, b"PK").status_code == 403


def test_the_import_page_refuses_other_methods(als):
    assert als("beheerder").put(IMPORT).status_code == 405


def test_confirming_without_an_upload_saves_nothing(als):
    client = als("beheerder")
    voor = _tellingen()
    response = client.post(IMPORT, {"bevestig": "1", "vingerafdruk": "x"}, follow=True)
    assert "upload het werkboek opnieuw" in response.content.decode()
    assert _tellingen() == voor


def _zonder_items(wb):
    del wb["Items"]


def _dubbele_code(wb):
    wb["Items"].append([c.value for c in wb["Items"][2]])


def _onbekend_totaal(wb):
    _cel(wb, "Items", 3, "deel_van", "bestaat-niet")


def _kringloop(wb):
    # nieuwbouw (row 2) part of nieuwbouw-sociale-huur (row 3), which is part of nieuwbouw
    _cel(wb, "Items", 2, "deel_van", "nieuwbouw-sociale-huur")


def _norm_op_zichzelf(wb):
    ws = wb["Normen"]
    ws.cell(2, _kolom(ws, "ten_opzichte_van")).value = ws.cell(2, _kolom(ws, "item")).value
    ws.cell(2, _kolom(ws, "soort")).value = "aandeel"


def _partij_tweemaal(wb):
    wb["Partijen"].append([c.value for c in wb["Partijen"][2]])


def _kolom_erbij(wb):
    wb["Items"].cell(1, 20).value = "kleur"


SLECHT = [
    (_kolom_erbij, "Items", "onbekende kolom ‘kleur’"),
    (_zonder_items, "Items", "dit blad ontbreekt"),
    (_dubbele_code, "Items", "Dit dossier heeft al een item met deze code."),
    (_onbekend_totaal, "Items", "deel_van: item ‘bestaat-niet’ bestaat niet"),
    (_kringloop, "Items", "Een item kan geen deel zijn van zichzelf"),
    (_norm_op_zichzelf, "Normen", "Een norm kan niet naar zijn eigen item verwijzen."),
    (_partij_tweemaal, "Partijen", "Deze organisatie is al partij in deze rol."),
    (
        lambda wb: _cel(wb, "Items", 2, "onderdeel", "99"),
        "Items",
        "onderdeel: onderdeel ‘99’ bestaat niet",
    ),
    (
        lambda wb: _cel(wb, "Partijen", 2, "organisatie", "bestaat-niet"),
        "Partijen",
        "organisatie: organisatie ‘bestaat-niet’ bestaat niet",
    ),
    (
        lambda wb: _cel(wb, "Normen", 2, "ondergrens", "veel"),
        "Normen",
        "ondergrens: ‘veel’ is geen getal",
    ),
    (
        lambda wb: _cel(wb, "Afspraakpunten", 2, "onderdeel", "99"),
        "Afspraakpunten",
        "onderdeel: onderdeel ‘99’ bestaat niet",
    ),
]


@pytest.mark.parametrize(("bederf", "blad", "fout"), SLECHT)
def test_a_bad_workbook_gives_a_dutch_error_at_its_sheet_and_saves_nothing(als, bederf, blad, fout):
    client = als("beheerder")
    workbook = _export(client, MAASTRICHT)
    _nieuw(workbook)
    bederf(workbook)
    voor = _tellingen()
    response = _upload(client, _bytes(workbook))
    assert response.status_code == 400
    fouten = response.context["voorbeeld"].fouten
    assert any(f.blad == blad and fout in f.tekst for f in fouten), fouten
    html = response.content.decode()
    assert fout.replace("‘", "&lsquo;")[:20] in html or fout[:20] in html
    assert "Bevestigen en aanmaken" not in html
    assert _tellingen() == voor
    assert not Dossier.objects.filter(slug="nieuw-dossier").exists()


@pytest.mark.parametrize(
    ("naam", "inhoud", "fout"),
    [
        ("structuur.xlsx", b"geen werkboek", "geen geldige Excel-werkmap"),
        ("structuur.csv", b"a;b", "Alleen Excel-werkmappen"),
    ],
)
def test_a_file_that_is_no_workbook_is_refused(als, naam, inhoud, fout):
    client = als("beheerder")
    voor = _tellingen()
    response = _upload(client, inhoud, naam)
    assert response.status_code == 400
    assert fout in response.content.decode()
    assert _tellingen() == voor


def test_a_coordinator_may_not_replace_another_organisations_dossier_in_opbouw(als):
    groningen = als("groningen")
    workbook = _export(groningen, GRONINGEN)
    _nieuw(workbook, "groningen-noord-iii")
    _upload(groningen, _bytes(workbook))
    groningen.post(
        IMPORT,
        {"bevestig": "1", "vingerafdruk": groningen.session["inrichting_structuur"]["sha256"]},
    )
    assert Dossier.objects.get(slug="groningen-noord-iii").in_opbouw
    deventer = als("deventer")
    _veld(workbook, "penvoerder", "gemeente-deventer")
    voor = _tellingen()
    response = _upload(deventer, _bytes(workbook))
    assert response.status_code == 400
    assert "u mag het dossier met deze slug niet wijzigen." in response.content.decode()
    assert _tellingen() == voor


def test_an_unknown_penvoerder_is_named_in_the_error(als):
    client = als("beheerder")
    workbook = _export(client, MAASTRICHT)
    _nieuw(workbook)
    _veld(workbook, "penvoerder", "gemeente-nergens")
    response = _upload(client, _bytes(workbook))
    assert response.status_code == 400
    assert "penvoerder: organisatie ‘gemeente-nergens’ bestaat niet." in response.content.decode()


@pytest.mark.parametrize("slug", [MAASTRICHT, GRONINGEN, "sociaal-vitaal-in-kleine-kernen"])
def test_the_download_reads_each_sheet_in_a_query_or_two(als, django_assert_max_num_queries, slug):
    client = als("beheerder")
    with django_assert_max_num_queries(20):
        assert client.get(reverse("inrichting:structuur_export", args=[slug])).status_code == 200


def test_a_deal_above_its_tranches_maximum_per_deal_is_refused_at_its_row(als):
    client = als("beheerder")
    workbook = _export(client, "regio-deal-noord-drenthe")  # tranche 6: at most € 40 mln a deal
    _nieuw(workbook, "regio-deal-te-groot")
    _veld(workbook, "maximale_rijksbijdrage", 45_000_000)
    voor = _tellingen()
    response = _upload(client, _bytes(workbook))
    assert response.status_code == 400
    html = response.content.decode()
    assert "€ 45,0 mln is meer dan het maximum van € 40,0 mln per deal." in html
    assert _tellingen() == voor
