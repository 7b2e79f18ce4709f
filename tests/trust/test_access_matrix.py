"""Organisations kept apart: every URL of the resolver, for every role, answers as the rules
of the foundation say (allowed, 403 or 404); no page or export shows one corporation the
concept figures of another."""

import io
import zipfile
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.db import transaction
from django.test import Client
from django.urls import get_resolver, reverse
from pypdf import PdfReader

from afspraken.models import Wijziging
from api.services import maak_sleutel
from core.models import Indicator, Jaaropgave, Norm, Partij, Streefdoel, User, Waarde
from importeren.services import upload_import
from importeren.sjabloon import maak_sjabloon
from rapportages.services import maak_concept
from termijnen.models import Termijn
from tests.test_login_required import _walk

ROLLEN = [
    "beheerder",
    "bestuurder",
    "maastricht",
    "maasvallei",
    "woonpunt",
    "servatius",
    "groningen",
    "deventer",
    "ocw",
]
IEDEREEN = frozenset(ROLLEN)
GEHEIM = "GEHEIM-MAASVALLEI"
GEHEIM_GETAL = Decimal("987654")
MAASTRICHT, GRONINGEN, VITAAL = (
    "maastricht-2015",
    "regio-deal-groningen-noord-ii",
    "sociaal-vitaal-in-kleine-kernen",
)
BELEIDSMEDEWERKERS = frozenset({"maastricht", "maasvallei", "woonpunt", "servatius", "ocw"})
COORDINATOREN = frozenset({"groningen", "deventer"})
API_LIJSTEN = ("api-root", "openapi-json", "docs", "dossiers", "items", "rapportversies", "kosten")


@dataclass(frozen=True)
class Geval:
    """One URL of the resolver, filled in with real objects, and who may use it."""

    url: str
    mag: frozenset[str]  # the others get 403
    methode: str = "get"


@pytest.fixture
def wereld_van_partijen(brondata, settings):
    """The source data, plus a concept figure of Maasvallei that only Maasvallei (and the
    beheerder) may see, an unconfirmed import of Woonpunt, and a concept report."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    gebruikers = {u.username: u for u in User.objects.all()}
    indicator = Indicator.objects.filter(
        dossier__slug=MAASTRICHT, uitsplitsing=Indicator.Uitsplitsing.ORGANISATIE
    ).first()
    maasvallei = gebruikers["maasvallei"].organisatie
    Waarde.objects.update_or_create(
        indicator=indicator,
        jaar=2015,
        soort="realisatie",
        organisatie=maasvallei,
        defaults={"waarde": GEHEIM_GETAL, "toelichting": GEHEIM},
    )
    assert not Jaaropgave.objects.filter(
        organisatie=maasvallei,
        jaar=2015,
        soort="realisatie",
        status__in=["ingediend", "vastgesteld"],
    ).exists()
    woonpunt = gebruikers["woonpunt"]
    cijferimport, _ = upload_import(
        dossier=indicator.dossier,
        door=woonpunt,
        naam="woonpunt.xlsx",
        inhoud=maak_sjabloon(
            dossier=indicator.dossier, organisatie=woonpunt.organisatie, jaar=2015
        ),
    )
    deal = indicator.dossier.__class__.objects.get(slug=GRONINGEN)
    groningen = maak_concept(dossier=deal, jaar=2024, door=gebruikers["groningen"])
    maastricht_rapport = maak_concept(
        dossier=indicator.dossier, jaar=2015, door=gebruikers["beheerder"]
    )
    # From here on a new report version is only queued: the matrix checks access, not PDFs.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    sleutel, _ = maak_sleutel(gebruiker=woonpunt, naam="Power BI")
    return {
        "gebruikers": gebruikers,
        "sleutel": sleutel,
        "indicator": indicator,
        "maasvallei": maasvallei,
        "import": cijferimport,
        "rapporten": (groningen, maastricht_rapport),
    }


def partijen_van(slug: str, gebruikers) -> frozenset[str]:
    organisaties = set(
        Partij.objects.filter(dossier__slug=slug).values_list("organisatie", flat=True)
    )
    return frozenset(n for n, u in gebruikers.items() if u.organisatie_id in organisaties)


def gevallen(w) -> dict[str, list[Geval]]:
    """Per URL name, the URLs to try and who may open them. Written out per page from the
    rules, not computed from the code under test."""
    g = w["gebruikers"]
    indicator = w["indicator"]
    wijziging = Wijziging.objects.filter(afspraak__slug="bestuursakkoord-po-2014-2020").first()
    punt = indicator.dossier.afspraak.punten.first()
    concept_cijfer = f"{indicator.pk}/2015/realisatie/{w['maasvallei'].pk}/-"
    invoer = reverse("core:invoer", args=[MAASTRICHT, 2015, "realisatie"]) + "?organisatie=woonpunt"
    indienen = (
        reverse("core:invoer_actie", args=[MAASTRICHT, 2015, "realisatie", "indienen"])
        + "?organisatie=woonpunt"
    )
    partijen_groningen = partijen_van(GRONINGEN, g) | {"beheerder", "groningen"}
    uploaders = BELEIDSMEDEWERKERS | {"beheerder"}  # and coördinators of the dossier: none
    beheer_groningen = frozenset({"beheerder", "groningen"})
    doel = Streefdoel.objects.filter(dossier__slug=GRONINGEN).first()
    termijn = Termijn.objects.get_or_create(
        dossier=indicator.dossier.__class__.objects.get(slug=GRONINGEN),
        soort="jaarverslag",
        jaar=2024,
        defaults={"datum": "2025-06-01", "wie": "coördinator", "handeling": "publiceren"},
    )[0]
    return {
        "start": [Geval("/", IEDEREEN)],
        "logout": [Geval(reverse("logout"), IEDEREEN, "post")],
        "afspraken:list": [Geval(reverse("afspraken:list"), IEDEREEN)],
        "afspraken:detail": [Geval(reverse("afspraken:detail", args=[MAASTRICHT]), IEDEREEN)],
        "afspraken:punt": [Geval(reverse("afspraken:punt", args=[MAASTRICHT, punt.pk]), IEDEREEN)],
        "afspraken:wijziging_verwerken": [
            Geval(
                reverse(
                    "afspraken:wijziging_verwerken", args=[wijziging.afspraak.slug, wijziging.pk]
                ),
                frozenset({"beheerder"}),  # the PO agreement has no coördinator account
                "post",
            )
        ],
        "regiodeals:list": [Geval(reverse("regiodeals:list"), IEDEREEN)],
        "regiodeals:tranche": [Geval(reverse("regiodeals:tranche", args=[6]), IEDEREEN)],
        "regiodeals:detail": [Geval(reverse("regiodeals:detail", args=[GRONINGEN]), IEDEREEN)],
        "regiodeals:kosten": [
            Geval(
                reverse("regiodeals:kosten", args=[GRONINGEN, 2024]),
                frozenset({"beheerder", "groningen"}),
            )
        ],
        "projecten:list": [Geval(reverse("projecten:list"), IEDEREEN)],
        "projecten:detail": [Geval(reverse("projecten:detail", args=[VITAAL]), IEDEREEN)],
        "importeren:list": [Geval(reverse("importeren:list"), IEDEREEN)],
        "importeren:upload": [Geval(reverse("importeren:upload", args=[MAASTRICHT]), uploaders)],
        "importeren:sjabloon": [
            Geval(
                reverse("importeren:sjabloon", args=[MAASTRICHT, 2015]) + "?organisatie=woonpunt",
                frozenset({"beheerder", "woonpunt"}),
            )
        ],
        "importeren:gegevens": [
            Geval(reverse("importeren:gegevens", args=[MAASTRICHT]), uploaders)
        ],
        "importeren:detail": [
            Geval(
                reverse("importeren:detail", args=[w["import"].pk]),
                frozenset({"beheerder", "woonpunt"}),
            )
        ],
        "importeren:bevestig": [
            Geval(
                reverse("importeren:bevestig", args=[w["import"].pk]),
                frozenset({"woonpunt"}),  # only who uploaded it confirms
                "post",
            )
        ],
        "core:organisatie_list": [Geval(reverse("core:organisatie_list"), IEDEREEN)],
        "core:organisatie_detail": [
            Geval(reverse("core:organisatie_detail", args=["woonpunt"]), IEDEREEN)
        ],
        "core:invoer": [
            Geval(invoer, frozenset({"beheerder", "woonpunt"})),
            # a corporation's bod (issue #23): the same grid, entered by the same people
            Geval(invoer.replace("/realisatie/", "/bod/"), frozenset({"beheerder", "woonpunt"})),
        ],
        "core:invoer_actie": [Geval(indienen, frozenset({"beheerder", "woonpunt"}), "post")],
        "core:streefdoelen": [
            Geval(reverse("core:streefdoelen", args=[slug]), IEDEREEN)
            for slug in (MAASTRICHT, GRONINGEN)
        ],
        # Targets are kept by the dossier's coördinator (Groningen's) or a beheerder; their
        # POSTs, refused alike, in tests/core/test_streefdoel_pages.py.
        "core:streefdoel_toevoegen": [
            Geval(reverse("core:streefdoel_toevoegen", args=[GRONINGEN]), beheer_groningen)
        ],
        "core:streefdoel_wijzigen": [
            Geval(reverse("core:streefdoel_wijzigen", args=[GRONINGEN, doel.pk]), beheer_groningen)
        ],
        # inrichting: items. A dossier's items and norms are kept by its coördinator
        # (Groningen's) or a beheerder; the rest in tests/inrichting/test_items_*.py.
        "inrichting:items": [
            Geval(reverse("inrichting:items", args=[GRONINGEN]), beheer_groningen)
        ],
        "inrichting:item_nieuw": [
            Geval(reverse("inrichting:item_nieuw", args=[GRONINGEN]), beheer_groningen)
        ],
        "inrichting:item": [
            Geval(
                reverse(
                    "inrichting:item",
                    args=[GRONINGEN, Indicator.objects.filter(dossier__slug=GRONINGEN)[0].pk],
                ),
                beheer_groningen,
            )
        ],
        "inrichting:item_verwijderen": [
            Geval(
                reverse(
                    "inrichting:item_verwijderen",
                    args=[GRONINGEN, Indicator.objects.filter(dossier__slug=GRONINGEN)[0].pk],
                ),
                beheer_groningen,
                "post",
            )
        ],
        "inrichting:normen": [
            Geval(reverse("inrichting:normen", args=[GRONINGEN]), beheer_groningen)
        ],
        "inrichting:norm_verwijderen": [
            Geval(
                reverse(
                    "inrichting:norm_verwijderen",
                    args=[
                        GRONINGEN,
                        Norm.objects.get_or_create(
                            indicator=Indicator.objects.filter(dossier__slug=GRONINGEN)[0],
                            soort="absoluut",
                            ondergrens=0,
                        )[0].pk,
                    ],
                ),
                beheer_groningen,
                "post",
            )
        ],
        # inrichting: structuur
        "inrichting:structuur_export": [
            Geval(reverse("inrichting:structuur_export", args=[slug]), IEDEREEN)
            for slug in (MAASTRICHT, GRONINGEN)
        ],
        "inrichting:structuur_import": [
            Geval(
                reverse("inrichting:structuur_import"),
                frozenset({"beheerder", "groningen", "deventer"}),
            )
        ],
        "inrichting:nieuwe_periode": [
            Geval(reverse("inrichting:nieuwe_periode", args=[GRONINGEN]), beheer_groningen)
        ],
        # inrichting: dossiers (a new one: any coördinator; Groningen's: its own and a beheerder)
        "inrichting:start": [Geval(reverse("inrichting:start"), beheer_groningen | {"deventer"})],
        "inrichting:dossier_nieuw": [
            Geval(
                reverse("inrichting:dossier_nieuw", args=[soort]), beheer_groningen | {"deventer"}
            )
            for soort in ("afspraak", "regiodeal", "project")
        ],
        "inrichting:dossier": [
            Geval(reverse("inrichting:dossier", args=[GRONINGEN]), beheer_groningen)
        ],
        "inrichting:partijen": [
            Geval(reverse("inrichting:partijen", args=[GRONINGEN]), beheer_groningen)
        ],
        "inrichting:onderdelen": [
            Geval(reverse("inrichting:onderdelen", args=[GRONINGEN]), beheer_groningen)
        ],
        "inrichting:locaties": [
            Geval(reverse("inrichting:locaties", args=[GRONINGEN]), beheer_groningen)
        ],
        "inrichting:vaststellen": [  # already published: a message, nothing changes
            Geval(reverse("inrichting:vaststellen", args=[GRONINGEN]), beheer_groningen, "post")
        ],
        # the footer's pages: public (tests/test_footer_pages.py reads them without login)
        "toegankelijkheid": [Geval(reverse("toegankelijkheid"), IEDEREEN)],
        "privacy": [Geval(reverse("privacy"), IEDEREEN)],
        "contact": [Geval(reverse("contact"), IEDEREEN)],
        "rapportages:lijst": [Geval(reverse("rapportages:lijst"), IEDEREEN)],
        # The read API (tests/api/): everyone reads, each only what the screens show them;
        # a key is revoked only by its owner (Woonpunt's here).
        **{f"api-v1:{naam}": [Geval(reverse(f"api-v1:{naam}"), IEDEREEN)] for naam in API_LIJSTEN},
        "api-v1:cijfers": [
            Geval(reverse("api-v1:cijfers") + f"?dossier={slug}&jaar=2015", IEDEREEN)
            for slug in (MAASTRICHT, GRONINGEN)
        ],
        "api-v1:dossier": [
            Geval(reverse("api-v1:dossier", args=[slug]), IEDEREEN) for slug in (MAASTRICHT, VITAAL)
        ],
        "api-v1:bevindingen": [Geval(reverse("api-v1:bevindingen", args=[MAASTRICHT]), IEDEREEN)],
        "api:sleutels": [Geval(reverse("api:sleutels"), IEDEREEN)],
        "api:sleutel_intrekken": [
            Geval(reverse("api:sleutel_intrekken", args=[w["sleutel"].pk]), {"woonpunt"}, "post")
        ],
        # termijnen: a user's own settings (everyone), a dossier's due dates (its maintainers)
        "instellingen": [Geval(reverse("instellingen"), IEDEREEN)],
        "kalenderlink": [Geval(reverse("kalenderlink"), IEDEREEN, "post")],
        "termijnen:dossier": [
            Geval(reverse("termijnen:dossier", args=[GRONINGEN]), beheer_groningen)
        ],
        "termijnen:termijn": [
            Geval(reverse("termijnen:termijn", args=[GRONINGEN, termijn.pk]), beheer_groningen)
        ],
        "dashboards:cijfers": [Geval(reverse("dashboards:cijfers"), IEDEREEN)],
        "dashboards:dossier": [
            Geval(reverse("dashboards:dossier", args=[slug]), IEDEREEN)
            for slug in (MAASTRICHT, GRONINGEN, VITAAL)
        ],
        "dashboards:vergelijking": [
            Geval(reverse("dashboards:vergelijking", args=[MAASTRICHT]), IEDEREEN)
        ],
        "dashboards:trend": [
            Geval(reverse("dashboards:trend", args=[MAASTRICHT, indicator.code]), IEDEREEN)
        ],
        "rapportages:rapport": [
            Geval(reverse("rapportages:rapport", args=[GRONINGEN, 2024]), partijen_groningen),
            Geval(
                reverse("rapportages:rapport", args=[MAASTRICHT, 2015]),
                partijen_van(MAASTRICHT, g) | {"beheerder"},
            ),
        ],
        "rapportages:actie": [
            Geval(
                reverse("rapportages:actie", args=[GRONINGEN, 2024, "voorleggen"]),
                frozenset({"beheerder", "groningen"}),
                "post",
            )
        ],
        "rapportages:download": [
            Geval(
                reverse("rapportages:download", args=[GRONINGEN, 2024, 1, soort]),
                partijen_groningen,
            )
            for soort in ("pdf", "xlsx")
        ],
        "rapportages:actueel": [
            Geval(reverse("rapportages:actueel", args=[GRONINGEN, 2024, soort]), partijen_groningen)
            for soort in ("pdf", "xlsx")
        ],
        "historie:dossier": [Geval(reverse("historie:dossier", args=[MAASTRICHT]), IEDEREEN)],
        "regiodeals:tranches": [Geval(reverse("regiodeals:tranches"), IEDEREEN)],
        # Organisations and users: the beheerder all, a coördinator their own organisation
        # and their dossiers' parties (tests/inrichting/test_organisaties_pages.py).
        "inrichting:organisaties": [
            Geval(reverse("inrichting:organisaties"), frozenset({"beheerder", *COORDINATOREN}))
        ],
        "inrichting:organisatie": [
            Geval(reverse("inrichting:organisatie", args=["woonpunt"]), frozenset({"beheerder"})),
            Geval(reverse("inrichting:organisatie", args=["gemeente-groningen"]), beheer_groningen),
        ],
        "inrichting:gebruiker_link": [
            Geval(
                reverse("inrichting:gebruiker_link", args=["woonpunt", g["woonpunt"].pk]),
                frozenset({"beheerder"}),
                "post",
            )
        ],
        "inrichting:gebruiker_actief": [
            Geval(
                reverse("inrichting:gebruiker_actief", args=["woonpunt", g["woonpunt"].pk]),
                frozenset({"beheerder"}),
                "post",
            )
        ],
        "inrichting:tranche_nieuw": [
            Geval(reverse("inrichting:tranche_nieuw"), frozenset({"beheerder"}))
        ],
        "inrichting:tranche": [
            Geval(reverse("inrichting:tranche", args=[6]), frozenset({"beheerder"}))
        ],
        "historie:ding": [
            Geval(
                reverse("historie:ding", args=["core.waarde", concept_cijfer]),
                frozenset({"beheerder", "maasvallei"}),
            ),
            Geval(reverse("historie:ding", args=["afspraken.afspraakpunt", punt.pk]), IEDEREEN),
        ],
    }


# aanmelden: signing in through the organisation's provider, public (tests/aanmelden);
# kalender: by its secret
PUBLIEK = {
    *("login", "health", "wachtwoord_instellen", "kalender"),
    *("aanmelden:start", "aanmelden:terug"),
}


def vraag(client: Client, geval: Geval):
    """One request; a POST is rolled back, so each role meets the same data."""
    with transaction.atomic():
        response = getattr(client, geval.methode)(geval.url)
        transaction.set_rollback(True)
    return response


def test_every_url_answers_every_role_as_the_rules_say(wereld_van_partijen):
    tabel = gevallen(wereld_van_partijen)
    namen = {
        naam for naam, _ in _walk(get_resolver().url_patterns) if not naam.startswith("admin:")
    }
    assert namen - PUBLIEK == set(tabel), "every URL of the resolver is in the matrix"
    afwijkingen = []
    for rol in ROLLEN:
        client = Client()
        for lijst in tabel.values():
            for geval in lijst:
                client.force_login(wereld_van_partijen["gebruikers"][rol])
                status = vraag(client, geval).status_code
                verwacht = (200, 302) if rol in geval.mag else (403,)
                if status not in verwacht:
                    afwijkingen.append(
                        f"{rol} {geval.methode.upper()} {geval.url}: {status}, verwacht {verwacht}"
                    )
    assert not afwijkingen, "\n".join(afwijkingen)


NIET_BESTAAND = {
    "afspraken:detail": ["bestaat-niet"],
    "afspraken:punt": [MAASTRICHT, 999999],
    "regiodeals:tranche": [99],
    "regiodeals:detail": ["bestaat-niet"],
    "regiodeals:kosten": ["bestaat-niet", 2024],
    "projecten:detail": ["bestaat-niet"],
    "importeren:upload": ["bestaat-niet"],
    "importeren:sjabloon": ["bestaat-niet", 2015],
    "importeren:gegevens": ["bestaat-niet"],
    "importeren:detail": [999999],
    "core:organisatie_detail": ["bestaat-niet"],
    "core:invoer": ["bestaat-niet", 2015, "realisatie"],
    "core:streefdoelen": ["bestaat-niet"],
    "core:streefdoel_toevoegen": ["bestaat-niet"],
    "core:streefdoel_wijzigen": ["bestaat-niet", 1001],
    "dashboards:dossier": ["bestaat-niet"],
    "dashboards:vergelijking": ["bestaat-niet"],
    "dashboards:trend": [MAASTRICHT, "bestaat-niet"],
    "rapportages:rapport": ["bestaat-niet", 2024],
    "rapportages:download": ["bestaat-niet", 2024, 1, "pdf"],
    "rapportages:actueel": ["bestaat-niet", 2024, "pdf"],
    "historie:dossier": ["bestaat-niet"],
    "historie:ding": ["core.waarde", "999999/2015/plan/-/-"],
    "inrichting:organisatie": ["bestaat-niet"],
    "inrichting:tranche": [99],
    "api-v1:dossier": ["bestaat-niet"],
    "api-v1:bevindingen": ["bestaat-niet"],
    "termijnen:dossier": ["bestaat-niet"],
    "termijnen:termijn": ["bestaat-niet", 1],
    "kalender": ["geen-geheim"],
}


def test_what_does_not_exist_is_not_found_for_every_role(wereld_van_partijen, client):
    for rol in ROLLEN:
        client.force_login(wereld_van_partijen["gebruikers"][rol])
        for naam, args in NIET_BESTAAND.items():
            url = reverse(naam, args=args)
            assert client.get(url).status_code == 404, f"{rol} {url}"


def tekst_van(response) -> str:
    """What a person could read in a response: HTML, or the text inside an xlsx or PDF."""
    inhoud = b"".join(response.streaming_content) if response.streaming else response.content
    if inhoud.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(inhoud)) as z:
            return " ".join(
                z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml")
            )
    if inhoud.startswith(b"%PDF"):
        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(inhoud)).pages)
    return inhoud.decode("utf-8", "replace")


def test_no_page_or_export_shows_another_corporations_concept_figure(wereld_van_partijen):
    for rol in ["woonpunt", "servatius", "bestuurder", "maastricht", "groningen"]:
        client = Client()
        client.force_login(wereld_van_partijen["gebruikers"][rol])
        assert lees_alles(client, rol, wereld_van_partijen) >= 20


def lees_alles(client, rol: str, wereld_van_partijen) -> int:
    """Every page and export `rol` may open; none may show Maasvallei's concept figure."""
    rapport = wereld_van_partijen["rapporten"][1]
    extra = (
        [
            Geval(reverse("rapportages:download", args=[MAASTRICHT, 2015, 1, soort]), IEDEREEN)
            for soort in ("pdf", "xlsx")
        ]
        + [
            Geval(reverse("rapportages:actueel", args=[MAASTRICHT, 2015, soort]), IEDEREEN)
            for soort in ("pdf", "xlsx")
        ]
        + [Geval(reverse("dashboards:cijfers") + "?jaar=2015", IEDEREEN)]
    )
    gelezen = 0
    for naam, lijst in gevallen(wereld_van_partijen).items():
        for geval in [*lijst, *(extra if naam == "start" else [])]:
            if geval.methode != "get" or rol not in geval.mag:
                continue
            response = client.get(geval.url)
            if response.status_code != 200:
                continue
            tekst = tekst_van(response)
            assert GEHEIM not in tekst, geval.url
            assert "987.654" not in tekst and "987654" not in tekst, geval.url
            gelezen += 1
    assert rapport.pk
    return gelezen
