"""The bod as a stage of the plan (issue #23): a corporation enters and submits its bod for a
year, the municipality sees it, the coördinator records a different agreed figure, and the
dossier dashboard shows bod → afgesproken → gerealiseerd with the difference. A bod is not a
plan: the counts of plans and realisations do not change with it."""

import io
from decimal import Decimal

from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from core.cellen import cellen, tel_per
from core.checks import toets_dossiers
from core.models import Jaaropgave, Soort, Waarde
from core.voortgang import voortgang_van
from rapportages.models import Rapport
from rapportages.services import maak_bestanden
from tests.rooster import rooster_post


def grid(wereld, soort, organisatie=None):
    url = reverse("core:invoer", args=[wereld.dossier.slug, 2015, soort])
    return f"{url}?organisatie={organisatie.slug}" if organisatie else url


def actie(wereld, soort, naam, organisatie):
    url = reverse("core:invoer_actie", args=[wereld.dossier.slug, 2015, soort, naam])
    return f"{url}?organisatie={organisatie.slug}"


def veld(wereld):
    return f"waarde_{wereld.nieuwbouw.pk}_{wereld.corporatie_a.pk}"


def dashboard(client, user, wereld) -> str:
    client.force_login(user)
    response = client.get(reverse("dashboards:dossier", args=[wereld.dossier.slug]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_bod_is_seen_once_submitted_and_set_beside_the_agreed_plan_and_realisation(
    client, wereld
):
    client.force_login(wereld.eigenaar)
    assert rooster_post(client, grid(wereld, "bod"), {veld(wereld): "50"}).status_code == 302
    assert "Bod, afspraak en realisatie" in dashboard(client, wereld.eigenaar, wereld)
    # A concept bod: not for another corporation, nor yet for the municipality.
    for buiten in (wereld.buitenstaander, wereld.bestuurder):
        assert "Bod, afspraak en realisatie" not in dashboard(client, buiten, wereld)

    client.force_login(wereld.eigenaar)
    client.post(actie(wereld, "bod", "indienen", wereld.corporatie_a), {"bevestigd": "ja"})
    client.post(actie(wereld, "realisatie", "indienen", wereld.corporatie_a), {"bevestigd": "ja"})
    opgave = Jaaropgave.objects.get(organisatie=wereld.corporatie_a, soort=Soort.BOD)
    assert opgave.status == Jaaropgave.Status.INGEDIEND
    html = dashboard(client, wereld.bestuurder, wereld)
    assert "Bod, afspraak en realisatie" in html
    assert "nog niet afgesproken" in html

    # The coördinator records the agreed plan: 70, not the 50 offered; and submits it.
    client.force_login(wereld.coordinator)
    plan = grid(wereld, "plan", wereld.corporatie_a)
    assert rooster_post(client, plan, {veld(wereld): "70"}).status_code == 302
    client.post(actie(wereld, "plan", "indienen", wereld.corporatie_a), {"bevestigd": "ja"})

    html = dashboard(client, wereld.bestuurder, wereld)
    rij = html.split('id="kop-bod"')[1].split("</tbody>")[0]
    cellen_ = [c.strip() for c in rij.split("<td")[1:]]
    assert [c.split(">", 1)[1].split("<")[0] for c in cellen_] == [
        "Corporatie A",
        "50",
        "70",
        "60",
        "wijkt af van bod: +20",
    ]
    # The report of the year shows the same (PDF chapter, workbook sheet): core.bod.
    rapport = Rapport(dossier=wereld.dossier, jaar=2015)
    pdf, xlsx = maak_bestanden(rapport, wereld.bestuurder, status="concept")
    tekst = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Bod en afspraak 2015" in tekst and "wijkt af van bod: +20" in tekst
    blad = load_workbook(io.BytesIO(xlsx))["Bod"]
    assert [list(r) for r in blad.iter_rows(min_row=2, values_only=True)] == [
        ["Nieuwbouw", "Corporatie A", "aantal", 50, 70, 60, 20]
    ]
    # The bod is still the corporation's own: the municipality cannot change it.
    client.force_login(wereld.bestuurder)
    assert client.get(grid(wereld, "bod", wereld.corporatie_a)).status_code == 403


def test_only_a_corporation_has_a_bod_grid(client, wereld):
    client.force_login(wereld.coordinator)

    assert client.get(grid(wereld, "bod", wereld.gemeente)).status_code == 404
    response = client.get(grid(wereld, "bod", wereld.corporatie_a))
    assert response.status_code == 200
    assert [str(o) for o in response.context["organisaties"]] == ["Corporatie A", "Corporatie B"]


def test_a_bod_changes_no_count_of_plans_realisations_checks_or_progress(wereld):
    def stand():
        dossiers = [wereld.dossier.pk]
        waarden = Waarde.objects.visible_to(wereld.coordinator, dossiers)
        return (
            tel_per(cellen(wereld.coordinator, dossiers, met_waarden=False), "indicator"),
            sorted(waarden.values_list("soort", "waarde")),
            toets_dossiers(dossiers, waarden),
            [v.__dict__ for v in voortgang_van(wereld.dossier, wereld.coordinator, 2015)],
        )

    voor = stand()
    for organisatie, bod in ((wereld.corporatie_a, 999), (wereld.corporatie_b, 5)):
        Waarde.objects.create(
            indicator=wereld.nieuwbouw,
            jaar=2015,
            soort=Soort.BOD,
            organisatie=organisatie,
            waarde=Decimal(bod),
        )
        Jaaropgave.objects.create(
            dossier=wereld.dossier,
            organisatie=organisatie,
            jaar=2015,
            soort=Soort.BOD,
            status=Jaaropgave.Status.INGEDIEND,
        )
    Waarde.objects.create(indicator=wereld.nieuwbouw, jaar=2016, soort=Soort.BOD, waarde=7)

    assert stand() == voor
    assert Waarde.objects.visible_to(wereld.coordinator, met_bod=True).count() == 6
