"""concept → voorgelegd → definitief through the real URLs, with frozen final files."""

from decimal import Decimal

from django.urls import reverse

from core.models import User
from rapportages.models import Rapport
from regiodeals.models import Bron, Financieringspost, Kosten
from tests.rooster import rooster_post

SLUG = "regio-deal-groningen-noord-ii"


def actie(client, naam):
    return client.post(reverse("rapportages:actie", args=[SLUG, 2025, naam]))


def download(client, nummer, soort="pdf"):
    return client.get(reverse("rapportages:download", args=[SLUG, 2025, nummer, soort]))


def inhoud(response) -> bytes:
    return b"".join(response.streaming_content)


def test_coordinator_takes_the_report_from_concept_to_definitief(als, partij_van_groningen):
    groningen = als("groningen")
    post = Financieringspost.objects.get(regiodeal__slug=SLUG, naam="Meedoen")
    rooster_post(
        groningen,
        reverse("regiodeals:kosten", args=[SLUG, 2025]),
        {f"waarde_{post.pk}_{Bron.RIJK}": "400.000,00"},
    )
    assert Kosten.objects.get(post=post).bedrag == Decimal("400000")

    assert actie(groningen, "concept").status_code == 302
    rapport = Rapport.objects.get(dossier__slug=SLUG, jaar=2025)
    assert rapport.status == "concept"
    assert inhoud(download(groningen, 1)).startswith(b"%PDF")
    assert inhoud(download(groningen, 1, "xlsx")).startswith(b"PK")

    actie(groningen, "voorleggen")
    groningen.force_login(partij_van_groningen)
    pagina = groningen.get(rapport.get_absolute_url())
    assert pagina.status_code == 200 and pagina.context["mag_opmerken"]
    groningen.post(
        reverse("rapportages:actie", args=[SLUG, 2025, "opmerking"]),
        {"tekst": "Graag de cijfers van 2b2 toelichten."},
    )
    assert rapport.opmerkingen.get().auteur == partij_van_groningen

    groningen.force_login(User.objects.get(username="groningen"))
    actie(groningen, "definitief")
    rapport.refresh_from_db()
    assert rapport.status == "definitief"
    versies = list(
        rapport.versies.order_by("nummer").values_list("nummer", "status", "gemaakt_door__username")
    )
    assert versies == [
        (1, "concept", "groningen"),
        (2, "voorgelegd", "groningen"),
        (3, "definitief", "groningen"),
    ]
    assert rapport.versies.get(nummer=3).momentopname["kosten"] == [
        ["Meedoen", 2025, "rijk", "400000.00"]
    ]
    doelen = rapport.versies.get(nummer=3).momentopname["streefdoelen"]
    assert len(doelen) == 30 and doelen[3][:5] == [1004, "bandbreedte", None, "1.00", "3.00"]


def test_a_final_report_stays_byte_identical_when_figures_change(als):
    groningen = als("groningen")
    for stap in ("concept", "voorleggen", "definitief"):
        actie(groningen, stap)
    rapport = Rapport.objects.get(dossier__slug=SLUG, jaar=2025)
    pdf, xlsx = inhoud(download(groningen, 3)), inhoud(download(groningen, 3, "xlsx"))
    snapshot = rapport.versies.get(nummer=3).momentopname

    post = Financieringspost.objects.get(regiodeal__slug=SLUG, naam="Meedoen")
    Kosten.objects.create(post=post, jaar=2025, bron=Bron.RIJK, bedrag=Decimal("1000000"))
    pagina = groningen.get(rapport.get_absolute_url())
    assert actie(groningen, "concept").status_code == 302  # refused: final reports do not change

    assert inhoud(download(groningen, 3)) == pdf
    assert inhoud(download(groningen, 3, "xlsx")) == xlsx
    assert rapport.versies.get(nummer=3).momentopname == snapshot
    assert rapport.versies.count() == 3
    assert pagina.context["gewijzigd"]
    assert "De cijfers zijn gewijzigd sinds versie 3" in pagina.content.decode()


def test_only_parties_can_read_and_download_a_concept(als, partij_van_groningen):
    groningen = als("groningen")
    actie(groningen, "concept")
    rapport = Rapport.objects.get(dossier__slug=SLUG, jaar=2025)

    bestuurder = als("bestuurder")  # Gemeente Maastricht: no party of this deal
    assert bestuurder.get(rapport.get_absolute_url()).status_code == 403
    assert download(bestuurder, 1).status_code == 403
    bestuurder.force_login(partij_van_groningen)
    assert download(bestuurder, 1).status_code == 200

    groningen = als("groningen")
    actie(groningen, "voorleggen")
    actie(groningen, "definitief")
    bestuurder = als("bestuurder")
    assert download(bestuurder, 3).status_code == 200  # a final report is public


def test_a_non_coordinator_cannot_create_or_advance_a_report(als, partij_van_groningen):
    client = als("bestuurder")
    assert actie(client, "concept").status_code == 403
    assert not Rapport.objects.exists()
    client.force_login(partij_van_groningen)
    assert actie(client, "concept").status_code == 403
    assert not Rapport.objects.exists()


def test_narratives_appear_in_the_report(als):
    groningen = als("groningen")
    actie(groningen, "concept")
    rapport = Rapport.objects.get(dossier__slug=SLUG, jaar=2025)
    kansrijk = rapport.dossier.onderdelen.get(nummer="1a")
    groningen.post(
        reverse("rapportages:actie", args=[SLUG, 2025, "teksten"]),
        {f"tekst-{kansrijk.pk}": "Veertig leerlingen begonnen aan een leerwerktraject."},
    )
    actie(groningen, "concept")

    from .test_report_contents import pdf_tekst

    tekst = pdf_tekst(inhoud(download(groningen, 2)))
    assert "Veertig leerlingen begonnen aan een leerwerktraject." in " ".join(tekst.split())


def test_an_empty_comment_is_refused_in_dutch_and_nothing_is_saved(als, partij_van_groningen):
    groningen = als("groningen")
    actie(groningen, "concept")
    actie(groningen, "voorleggen")
    groningen.force_login(partij_van_groningen)

    response = groningen.post(
        reverse("rapportages:actie", args=[SLUG, 2025, "opmerking"]), {"tekst": "   "}, follow=True
    )

    assert "Schrijf een opmerking." in response.content.decode()
    assert not Rapport.objects.get(dossier__slug=SLUG).opmerkingen.exists()


def test_a_concept_cannot_skip_the_parties(als):
    groningen = als("groningen")
    actie(groningen, "concept")

    response = groningen.post(
        reverse("rapportages:actie", args=[SLUG, 2025, "definitief"]), follow=True
    )

    rapport = Rapport.objects.get(dossier__slug=SLUG)
    assert rapport.status == "concept" and rapport.versies.count() == 1
    assert "eerst voorleggen aan de partijen" in response.content.decode()
