"""Every URL with a year in it, walked with years no one may use: before or past the term,
before 1900, and years that would not fit the database (9999, 99999, 10^20). Every role gets
the Dutch 404 page (405 for a method the URL does not take), never a 500, and nothing is
stored. The URL patterns come from the resolver, so a new one with a year cannot be forgotten.
"""

from dataclasses import dataclass

from django.db import transaction
from django.test import Client
from django.urls import get_resolver, reverse
from django.utils import timezone

from core.models import Dossier, Jaaropgave, User, Waarde
from rapportages.models import Rapport
from regiodeals.models import Kosten
from tests.test_login_required import _walk

MAASTRICHT, GRONINGEN, TRANCHE = "maastricht-2015", "regio-deal-groningen-noord-ii", "tranche-6"
ROLLEN = ["beheerder", "bestuurder", "maastricht", "woonpunt", "groningen", "deventer", "ocw"]
ONMOGELIJK = [0, 1899, 9999, 99999, 10**20]  # never a year, for any dossier


@dataclass(frozen=True)
class Voorbeeld:
    """One URL with a year, filled in but for the year; `methode` is the one it takes
    (None: GET and POST)."""

    naam: str
    onderwerp: str  # the slug of the dossier, or of the tranche
    args: tuple = ()  # after the year
    query: str = ""
    methode: str | None = None

    def url(self, jaar: int) -> str:
        return reverse(self.naam, args=[self.onderwerp, jaar, *self.args]) + self.query


def voorbeelden() -> dict[str, list[Voorbeeld]]:
    """Per URL name with a year: the URLs to walk. Written out, not taken from the views."""
    rapport = [Voorbeeld("rapportages:rapport", onderwerp) for onderwerp in (MAASTRICHT, TRANCHE)]
    acties = [
        Voorbeeld("rapportages:actie", onderwerp, (actie,), methode="post")
        for onderwerp in (MAASTRICHT, TRANCHE)
        for actie in ("concept", "voorleggen", "definitief", "opmerking", "teksten", "weg")
    ]
    bestanden = [
        Voorbeeld(naam, onderwerp, args)
        for onderwerp in (MAASTRICHT, TRANCHE)
        for naam, args in (("rapportages:actueel", ("pdf",)), ("rapportages:download", (1, "xlsx")))
    ]
    woonpunt = "?organisatie=woonpunt"
    return {
        "core:invoer": [
            Voorbeeld("core:invoer", MAASTRICHT, (soort,), woonpunt)
            for soort in ("plan", "realisatie")
        ],
        "core:invoer_actie": [
            Voorbeeld("core:invoer_actie", MAASTRICHT, ("realisatie", actie), woonpunt, "post")
            for actie in ("indienen", "vaststellen", "heropenen", "weg")
        ],
        "importeren:sjabloon": [Voorbeeld("importeren:sjabloon", MAASTRICHT, (), woonpunt, "get")],
        "regiodeals:kosten": [Voorbeeld("regiodeals:kosten", GRONINGEN)],
        "rapportages:rapport": rapport,
        "rapportages:actie": acties,
        "rapportages:actueel": [v for v in bestanden if v.naam == "rapportages:actueel"],
        "rapportages:download": [v for v in bestanden if v.naam == "rapportages:download"],
    }


def test_the_walk_covers_every_url_pattern_with_a_year():
    met_jaar = {
        naam
        for naam, pattern in _walk(get_resolver().url_patterns)
        if "jaar" in pattern.pattern.converters
    }
    assert met_jaar == set(voorbeelden()), "every URL with a year is walked below"


def buiten_de_looptijd(onderwerp: str) -> list[int]:
    """The years just past and (where known) just before the term; a tranche has none:
    next year."""
    if onderwerp.startswith("tranche-"):
        return [timezone.localdate().year + 1]
    dossier = Dossier.objects.get(slug=onderwerp)
    assert dossier.eindjaar, onderwerp
    return [dossier.eindjaar + 1] + ([dossier.startjaar - 1] if dossier.startjaar else [])


def opgeslagen() -> list[int]:
    return [model.objects.count() for model in (Jaaropgave, Waarde, Rapport, Kosten)]


def test_a_year_outside_the_term_or_no_year_at_all_is_not_found_for_every_role(brondata):
    voor = opgeslagen()
    afwijkingen, gevraagd = [], 0
    for rol in ROLLEN:
        client = Client(raise_request_exception=False)  # a 500 is a finding, not a stop
        client.force_login(User.objects.get(username=rol))
        for lijst in voorbeelden().values():
            for voorbeeld in lijst:
                for jaar in [*buiten_de_looptijd(voorbeeld.onderwerp), *ONMOGELIJK]:
                    for methode in ("get", "post"):
                        fout = vraag(client, voorbeeld, jaar, methode)
                        gevraagd += 1
                        if fout:
                            afwijkingen.append(f"{rol} {methode.upper()} {fout}")
    assert not afwijkingen, "\n".join(afwijkingen)
    assert gevraagd >= 2000
    assert opgeslagen() == voor, "nothing is stored for a year no one may use"


def vraag(client: Client, voorbeeld: Voorbeeld, jaar: int, methode: str) -> str:
    """One request; what is wrong with the answer, or nothing."""
    url = voorbeeld.url(jaar)
    data = {"reden": "Correctie", "tekst": "Opmerking", "organisatie": "woonpunt"}
    with transaction.atomic():
        response = client.get(url) if methode == "get" else client.post(url, data)
        if response.status_code >= 500:  # listed below; the walk goes on with a sound database
            transaction.set_rollback(True)
    if voorbeeld.methode not in (None, methode):
        return "" if response.status_code == 405 else f"{url}: {response.status_code}, not 405"
    if response.status_code != 404:
        return f"{url}: {response.status_code}, not 404"
    if "Pagina niet gevonden" not in response.content.decode():
        return f"{url}: 404 without the Dutch page"
    return ""
