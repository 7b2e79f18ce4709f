"""The template per dossier and year: the figures its user fills, and nothing else to change."""

from django.urls import reverse

from core.models import Jaaropgave, Waarde

from .conftest import kolom, open_werkmap, rij_met

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def sjabloon_url(slug="maastricht-2015", jaar=2015, organisatie="woonpunt"):
    url = reverse("importeren:sjabloon", args=[slug, jaar])
    return f"{url}?organisatie={organisatie}" if organisatie else url


def download(client, user, **kwargs):
    client.force_login(user)
    return client.get(sjabloon_url(**kwargs))


def test_woonpunt_gets_its_own_figures_with_plan_unit_definition_and_key(client, maastricht):
    response = download(client, maastricht.woonpunt, organisatie=None)

    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert "sjabloon-maastricht-2015-woonpunt-2015.xlsx" in response["Content-Disposition"]
    ws = open_werkmap(response.content)["Cijfers"]
    assert [cel.value for cel in ws[1]] == [
        "Sleutel",
        "Onderdeel",
        "Item",
        "Organisatie",
        "Locatie",
        "Jaar",
        "Soort",
        "Eenheid",
        "Meetdefinitie",
        "Status",
        "Waarde",
        "Toelichting",
    ]
    sleutels = [cel.value for cel in ws["A"][1:]]
    # Only Woonpunt's own rows: the six items split per corporation, plan and realisatie.
    assert len(sleutels) == 12
    assert all("/woonpunt/-/2015/" in sleutel for sleutel in sleutels)
    rij = rij_met(ws, "maastricht-2015/verbeteringen/woonpunt/-/2015/plan")
    waarde = ws[f"{kolom(ws, 'Waarde')}{rij}"]
    assert (waarde.value, waarde.data_type, waarde.number_format) == (89, "n", "#,##0")
    assert ws[f"{kolom(ws, 'Eenheid')}{rij}"].value == "aantal"
    assert "afgerond/opgeleverd" in ws[f"{kolom(ws, 'Meetdefinitie')}{rij}"].value
    assert ws[f"{kolom(ws, 'Status')}{rij}"].value == "vastgesteld"
    duurzaamheid = rij_met(ws, "maastricht-2015/duurzaamheid/woonpunt/-/2015/plan")
    assert ws[f"{kolom(ws, 'Waarde')}{duurzaamheid}"].number_format == "[$€-413] #,##0.00"


def test_servatius_gets_its_own_measurement_definition(client, maastricht):
    ws = open_werkmap(download(client, maastricht.servatius, organisatie=None).content)["Cijfers"]

    rij = rij_met(ws, "maastricht-2015/verbeteringen/servatius/-/2015/realisatie")
    assert "gestart" in ws[f"{kolom(ws, 'Meetdefinitie')}{rij}"].value


def test_only_value_and_toelichting_of_an_open_year_can_be_edited(client, maastricht):
    ws = open_werkmap(download(client, maastricht.woonpunt).content)["Cijfers"]

    assert ws.protection.sheet
    plan = rij_met(ws, "maastricht-2015/sloop/woonpunt/-/2015/plan")  # vastgesteld
    realisatie = rij_met(ws, "maastricht-2015/sloop/woonpunt/-/2015/realisatie")  # concept
    waarde, toelichting = kolom(ws, "Waarde"), kolom(ws, "Toelichting")
    assert not ws[f"{waarde}{realisatie}"].protection.locked
    assert not ws[f"{toelichting}{realisatie}"].protection.locked
    assert ws[f"{waarde}{plan}"].protection.locked
    assert ws[f"A{realisatie}"].protection.locked
    assert ws[f"{kolom(ws, 'Item')}{realisatie}"].protection.locked


def test_the_gemeente_fills_the_totals_and_the_unsplit_items(client, maastricht):
    ws = open_werkmap(download(client, maastricht.maastricht, organisatie=None).content)["Cijfers"]

    sleutels = {cel.value for cel in ws["A"][1:]}
    assert "maastricht-2015/verhuur-totaal/-/-/2015/realisatie" in sleutels
    assert "maastricht-2015/nieuwbouw/-/-/2015/plan" in sleutels
    assert not any("/woonpunt/" in sleutel for sleutel in sleutels)


def test_a_toelichting_that_looks_like_a_formula_stays_text(client, maastricht):
    waarde = Waarde.objects.get(
        indicator__code="sloop", organisatie__slug="woonpunt", jaar=2015, soort="plan"
    )
    waarde.toelichting = "=1+1"
    waarde.save()

    ws = open_werkmap(download(client, maastricht.woonpunt).content)["Cijfers"]

    rij = rij_met(ws, "maastricht-2015/sloop/woonpunt/-/2015/plan")
    cel = ws[f"{kolom(ws, 'Toelichting')}{rij}"]
    assert (cel.value, cel.data_type) == ("=1+1", "s")


def test_nobody_downloads_another_organisations_template(client, maastricht):
    assert download(client, maastricht.woonpunt, organisatie="servatius").status_code == 403
    assert download(client, maastricht.bestuurder, organisatie=None).status_code == 403
    assert download(client, maastricht.beheerder, organisatie="servatius").status_code == 200


def test_a_year_outside_the_term_has_no_template(client, maastricht):
    assert download(client, maastricht.woonpunt, jaar=2016).status_code == 404


def test_a_year_without_figures_has_a_row_per_figure_with_its_status(client, maastricht):
    Jaaropgave.objects.create(
        dossier=maastricht.dossier,
        organisatie=maastricht.woonpunt.organisatie,
        jaar=2014,
        soort="realisatie",
        status=Jaaropgave.Status.INGEDIEND,
    )

    ws = open_werkmap(download(client, maastricht.woonpunt, jaar=2014).content)["Cijfers"]

    rij = rij_met(ws, "maastricht-2015/sloop/woonpunt/-/2014/realisatie")
    assert ws[f"{kolom(ws, 'Status')}{rij}"].value == "ingediend"
    assert ws[f"{kolom(ws, 'Waarde')}{rij}"].value is None
