"""Report versions as the reports list shows them, findings as the dossier page checks them,
and the API's root."""

from django.urls import reverse

from core.models import Rol, Waarde
from rapportages.models import Rapport, Rapportversie


def versie(wereld, status: str) -> Rapportversie:
    rapport = Rapport.objects.create(
        dossier=wereld.dossier, jaar=2015, status=status, aangemaakt_door=wereld.coordinator
    )
    return Rapportversie.objects.create(
        rapport=rapport, nummer=1, status=status, gemaakt_door=wereld.coordinator, taak="klaar"
    )


def test_a_concept_report_is_read_by_the_parties_and_not_by_an_outsider(
    client, wereld, organisatie_factory, user_factory
):
    versie(wereld, "concept")
    elders = user_factory("elders-b", organisatie_factory("Elders"), Rol.BELEIDSMEDEWERKER)
    url = reverse("api-v1:rapportversies")
    client.force_login(wereld.buitenstaander)  # corporation B is a party
    [gelezen] = client.get(url).json()["resultaten"]
    assert (gelezen["dossier"], gelezen["jaar"], gelezen["versie"]) == ("testafspraken", 2015, 1)
    assert gelezen["_links"]["pdf"]["href"].endswith(
        "/rapportages/testafspraken/2015/versies/1.pdf"
    )
    client.force_login(elders)
    assert client.get(url).json()["resultaten"] == []


def test_a_final_report_is_read_by_everyone(client, wereld, organisatie_factory, user_factory):
    versie(wereld, "definitief")
    elders = user_factory("elders-b", organisatie_factory("Elders"), Rol.BESTUURDER)
    client.force_login(elders)
    antwoord = client.get(reverse("api-v1:rapportversies") + "?status=definitief&jaar=2015")
    assert [v["status"] for v in antwoord.json()["resultaten"]] == ["definitief"]
    fout = client.get(reverse("api-v1:rapportversies") + "?status=klaar")
    assert fout.status_code == 400 and "status" in fout.json()["detail"]


def test_findings_count_only_the_figures_the_reader_may_see(client, wereld):
    # The total realisation says 70, the corporations 60 (concept) and 6 (submitted).
    Waarde.objects.create(indicator=wereld.nieuwbouw, jaar=2015, soort="realisatie", waarde=70)
    url = reverse("api-v1:bevindingen", args=["testafspraken"])
    client.force_login(wereld.coordinator)
    bevindingen = client.get(url).json()["resultaten"]
    assert [
        (b["item"], b["wie"], b["regel"], b["verwacht"], b["gevonden"]) for b in bevindingen
    ] == [("nieuwbouw", None, "som_organisaties", "70.00", "66.00")]
    # Corporation B sees neither the total nor A's concept figure: nothing to compare.
    client.force_login(wereld.buitenstaander)
    assert client.get(url).json()["resultaten"] == []


def test_the_root_lists_the_endpoints_for_anyone(client, db):
    response = client.get("/api/v1/")
    assert response.status_code == 200
    assert response["API-Version"] == "1.0.0"
    links = response.json()["_links"]
    assert links["cijfers"]["href"] == "http://testserver/api/v1/cijfers"
    assert links["openapi-json"]["href"].endswith("/api/v1/openapi.json")
