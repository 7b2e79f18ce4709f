"""No "?" for an unknown start, and empty states that say what is missing and who fills it."""

import re

from django.urls import reverse

from core.models import Dossier


def tekst(response) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_a_deal_without_a_start_date_runs_from_its_signing_on_the_start_page(als):
    zonder_start = Dossier.objects.filter(soort="regiodeal", startdatum__isnull=True)
    assert zonder_start.exists()

    pagina = tekst(als("beheerder").get(reverse("start")))
    inrichting = tekst(als("beheerder").get("/inrichting/dossiers/"))

    assert "?–" not in pagina and "?–" not in inrichting
    assert "vanaf ondertekening" in pagina
    assert {d.periode for d in zonder_start} <= {"vanaf ondertekening"} | {
        f"vanaf ondertekening – {d.eindjaar}" for d in zonder_start
    }


def test_a_deal_without_countable_results_says_what_is_missing_and_who_can_add_them(als):
    deal = Dossier.objects.get(slug="regio-deal-bonaire")

    pagina = als("bestuurder").get(deal.get_absolute_url())

    woorden = tekst(pagina)
    assert "Telbare resultaten per jaar" in woorden
    assert "Nog geen telbare resultaten" in woorden
    assert f"De coördinator van {deal.penvoerder}" in woorden
    assert "cijfertabel" not in pagina.content.decode()
    assert "Geen. " not in woorden
    assert "legt de functioneel beheerder vast in Beheer" in woorden
