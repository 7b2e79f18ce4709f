"""A party that signs but does not report (`Partij.levert_cijfers` off): a signatory, never an
entry row, a template to fill or a choice of the coordinator; one that reports still is."""

from django.urls import reverse

from core.aanlevering import leverende_organisaties
from core.models import Dossier, Jaaropgave, Waarde


def grid_url(t, organisatie=None, jaar=2025, soort="realisatie"):
    url = reverse("core:invoer", args=[t.dossier.slug, jaar, soort])
    return f"{url}?organisatie={organisatie.slug}" if organisatie else url


def test_the_tenants_organisation_gets_a_clear_message_not_an_entry_grid(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.beleid_huurders)

    response = client.get(grid_url(t))

    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "Huurdersvereniging Voorbeeld ondertekent Prestatieafspraken Voorbeeldstad 2025–2028, "
        "maar levert geen cijfers aan: er is hier niets in te voeren of in te dienen."
    ) in html
    assert 'name="waarde_' not in html
    assert "indienen</button>" not in html
    assert "Sjabloon downloaden" not in html


def test_the_tenants_organisation_can_neither_save_nor_submit(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.beleid_huurders)
    indienen = reverse("core:invoer_actie", args=[t.dossier.slug, 2025, "realisatie", "indienen"])

    opslaan = client.post(grid_url(t), {f"waarde_{t.verduurzaming.pk}_{t.huurders.pk}": "3"})
    ingediend = client.post(indienen)

    assert opslaan.status_code == 403
    assert ingediend.status_code == 403
    assert not Jaaropgave.objects.filter(organisatie=t.huurders).exists()
    assert not Waarde.objects.filter(organisatie=t.huurders).exists()


def test_the_corporation_which_reports_still_gets_its_entry_row(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.beleid_corporatie)

    response = client.get(grid_url(t))

    html = response.content.decode()
    assert f'name="waarde_{t.verduurzaming.pk}_{t.corporatie.pk}"' in html
    assert "Realisatie 2025 indienen</button>" in html
    assert "levert geen cijfers aan" not in html


def test_the_coordinator_chooses_only_among_organisations_that_report(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.coordinator)

    eigen = client.get(grid_url(t)).content.decode()
    huurders = client.get(grid_url(t, t.huurders)).content.decode()

    keuze = eigen.split('id="kop-organisaties"')[1].split("</nav>")[0]
    assert '<strong aria-current="page">Gemeente Voorbeeldstad</strong>' in keuze
    assert f"?organisatie={t.corporatie.slug}" in keuze
    assert "Huurdersvereniging" not in keuze
    assert "Huurdersvereniging Voorbeeld ondertekent" in huurders
    assert 'name="waarde_' not in huurders


def test_the_import_offers_no_template_to_the_tenants(client, termijnafspraak):
    t = termijnafspraak
    sjabloon = reverse("importeren:sjabloon", args=[t.dossier.slug, 2025])
    upload = reverse("importeren:upload", args=[t.dossier.slug])

    client.force_login(t.beleid_huurders)
    eigen_sjabloon = client.get(sjabloon)
    eigen_upload = client.get(upload).content.decode()
    client.force_login(t.coordinator)
    namens = client.get(f"{sjabloon}?organisatie={t.huurders.slug}")
    coordinator_upload = client.get(upload).content.decode()
    corporatie = client.get(f"{sjabloon}?organisatie={t.corporatie.slug}")

    assert eigen_sjabloon.status_code == 403
    assert namens.status_code == 403
    assert "Huurdersvereniging Voorbeeld levert in dit dossier geen cijfers aan" in eigen_upload
    assert "Sjabloon downloaden: plan en realisatie" not in eigen_upload
    assert f"?organisatie={t.corporatie.slug}" in coordinator_upload
    assert f"?organisatie={t.huurders.slug}" not in coordinator_upload
    assert corporatie.status_code == 200


def test_the_tenants_still_appear_as_a_party_on_the_dossier_page(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.bestuurder)

    html = client.get(reverse("afspraken:detail", args=[t.dossier.slug])).content.decode()

    partijen = html.split("<dt>Partijen</dt>")[1].split("</dd>")[0]
    assert "Huurdersvereniging Voorbeeld</a> (ondertekent alleen)" in partijen
    assert partijen.endswith("Woonstichting Voorbeeld</a>")  # it reports: no such remark


def test_the_dossier_page_offers_entry_links_only_to_a_party_that_reports(client, termijnafspraak):
    t = termijnafspraak
    grid = reverse("core:invoer", args=[t.dossier.slug, 2026, "realisatie"])
    pagina = {}
    for naam in ("beleid_huurders", "beleid_corporatie"):
        client.force_login(getattr(t, naam))
        pagina[naam] = client.get(reverse("afspraken:detail", args=[t.dossier.slug])).content
    assert "Cijfers invoeren voor" not in pagina["beleid_huurders"].decode()
    assert grid not in pagina["beleid_huurders"].decode()
    assert "Cijfers invoeren voor Woonstichting Voorbeeld" in pagina["beleid_corporatie"].decode()
    assert grid in pagina["beleid_corporatie"].decode()


def test_who_reports_reads_the_same_in_both_directions(termijnafspraak):
    t = termijnafspraak

    organisaties = list(leverende_organisaties(t.dossier))
    per_organisatie = {
        organisatie: set(Dossier.objects.reported_by(organisatie).values_list("slug", flat=True))
        for organisatie in (t.gemeente, t.corporatie, t.huurders)
    }

    assert organisaties == [t.gemeente, t.corporatie]
    assert per_organisatie == {
        t.gemeente: {"voorbeeldstad-2021-2024", "voorbeeldstad-2025-2028"},
        t.corporatie: {"voorbeeldstad-2025-2028"},
        t.huurders: set(),
    }
