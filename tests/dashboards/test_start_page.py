"""The start page: a user's dossiers with counts per status, the newest findings, what is due."""

import datetime
import re
from html.parser import HTMLParser

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.models import Dossier
from core.status import Status

DAG = datetime.timedelta(days=1)
MISMATCHES = [
    "Realisatie 2013: de delen van ‘Verhuur totaal’ tellen op tot 1.050, "
    "het opgegeven totaal is 1.069",
    "Realisatie 2014: de delen van ‘Verhuur totaal’ tellen op tot 1.032, "
    "het opgegeven totaal is 1.039",
    "Realisatie 2014: de delen van ‘Totaal aantal maatwerk’ tellen op tot 122, "
    "het opgegeven totaal is 121",
    "Realisatie 2014: de uitsplitsing van ‘Maatwerk’ geeft als totaal 121, "
    "de post ‘Maatwerk’ zelf is 102",
]


def test_bestuurder_sees_only_maastricht_with_its_status_counts(als):
    response = als("bestuurder").get(reverse("start"))

    regels = response.context["regels"]
    assert [r.dossier.slug for r in regels] == ["maastricht-2015"]
    # 2013 and 2014: 18 realised verhuur figures against plan; the rest has no realisation.
    assert regels[0].telling == {
        Status.OP_SCHEMA: 3,  # verhuur totaal 2013 and 2014, GGZ 2014
        Status.ACHTER: 10,
        Status.VOOR: 5,
        Status.GEHAALD: 0,  # a term target's, from its last year on
        Status.NIET_GEHAALD: 0,
        Status.NORM_NIET_GEHAALD: 0,
        Status.GEEN_REALISATIE: 40,
        Status.GEEN_PLAN: 0,
    }
    html = response.content.decode()
    assert ">Maastricht 2015</a>" in html  # the short name in the table
    rij = html.split('href="/dashboards/maastricht-2015/"')[1].split("</tr>")[0]
    # as read: op schema, achter, voor, gehaald, niet gehaald, norm niet gehaald, geen plan,
    # geen realisatie
    cellen = re.findall(r'<td class="utrecht-table__cell numeric"[^>]*>([^<]*)</td>', rij)
    assert cellen == ["3", "10", "5", "0", "0", "0", "0", "40"]


def test_start_page_lists_the_known_mismatches_newest_year_first(als):
    response = als("bestuurder").get(reverse("start"))

    gevonden = [g.bevinding.wat for g in response.context["bevindingen"]]
    assert sorted(gevonden) == sorted(MISMATCHES)
    assert [g.bevinding.jaar for g in response.context["bevindingen"]] == [2014, 2014, 2014, 2013]
    assert "de delen van ‘Verhuur totaal’ tellen op tot 1.050" in response.content.decode()


def test_start_page_shows_overdue_deliverables_and_unsubmitted_years(als):
    response = als("maasvallei").get(reverse("start"))

    punten = {p.wat: p for p in response.context["agenda"]}
    actieplan = next(p for wat, p in punten.items() if wat.startswith("actieplan opgeleverd"))
    assert actieplan.te_laat and str(actieplan.datum) == "2015-12-31"
    # A bestuursopdracht's deadline is a milestone target now; the reader sees it as overdue.
    gelezen = agendapunten(agenda_tekst(response.content.decode()))
    assert any(p.startswith("te laat 31 december 2015: actieplan opgeleverd") for p in gelezen)
    # Maasvallei answers for its own split figures and submitted none of its realisations.
    assert [wat for wat in punten if "nog niet ingediend" in wat] == [
        f"Realisatie {jaar} van Maasvallei nog niet ingediend" for jaar in (2013, 2014, 2015)
    ]
    eerste = punten["Realisatie 2013 van Maasvallei nog niet ingediend"]
    assert eerste.url == "/dossiers/maastricht-2015/invoer/2013/realisatie/?organisatie=maasvallei"


def test_a_bestuurder_is_sent_to_the_dashboard_not_to_an_entry_grid(als):
    response = als("bestuurder").get(reverse("start"))

    niet_ingediend = [p for p in response.context["agenda"] if "nog niet ingediend" in p.wat]
    # Gemeente Maastricht submitted 2013 and 2014; 2015 is still open.
    assert [p.wat for p in niet_ingediend] == [
        "Realisatie 2015 van Gemeente Maastricht nog niet ingediend"
    ]
    assert niet_ingediend[0].url == reverse("dashboards:dossier", args=["maastricht-2015"])
    assert "/invoer/" not in response.content.decode()


def test_deventer_sees_its_project_with_its_late_reports(als):
    response = als("deventer").get(reverse("start"))

    assert [r.dossier.slug for r in response.context["regels"]] == [
        "sociaal-vitaal-in-kleine-kernen"
    ]
    rapportages = [p.wat for p in response.context["agenda"] if p.dossier.soort == "project"]
    assert "Tussenrapportage indienen" in rapportages
    assert "Eindrapportage indienen" in rapportages


def test_beheerder_without_organisation_sees_every_dossier_paged(als):
    response = als("beheerder").get(reverse("start"))

    assert response.context["pagina"].paginator.count == Dossier.objects.count()
    assert len(response.context["regels"]) == 25


# --- A made-up agreement 2025–2028 (tests/conftest.py `termijnafspraak`) ----------------


class Startoverzicht(HTMLParser):
    """The start page's table as text: one list of cell texts per row, the header first."""

    def __init__(self):
        super().__init__()
        self.rijen, self._in_tabel, self._cel = [], False, None

    def handle_starttag(self, tag, attrs):
        if tag == "table" and "startoverzicht" in (dict(attrs).get("class") or ""):
            self._in_tabel = True
        elif self._in_tabel and tag == "tr":
            self.rijen.append([])
        elif self._in_tabel and tag in ("td", "th"):
            self._cel = ""

    def handle_endtag(self, tag):
        if tag == "table":
            self._in_tabel = False
        elif self._in_tabel and tag in ("td", "th") and self._cel is not None:
            self.rijen[-1].append(" ".join(self._cel.split()))
            self._cel = None

    def handle_data(self, data):
        if self._cel is not None:
            self._cel += data


def startoverzicht(html: str) -> list[list[str]]:
    parser = Startoverzicht()
    parser.feed(html)
    return parser.rijen


def agenda_tekst(html: str) -> str:
    return " ".join(html.split('id="kop-agenda"')[1].split("</section>")[0].split())


def agendapunten(agenda: str) -> list[str]:
    """The agenda's items as a reader sees them."""
    return [" ".join(re.sub(r"<[^>]+>", "", li).split()) for li in agenda.split("<li>")[1:]]


def afgelopen_jaren(van: int, tot: int) -> list[int]:
    return list(range(van, min(tot, timezone.localdate().year - 1) + 1))


def test_the_counts_per_status_include_figures_without_a_plan(client, termijnafspraak):
    client.force_login(termijnafspraak.bestuurder)

    rijen = startoverzicht(client.get(reverse("start")).content.decode())

    kop, *regels = rijen
    assert kop[2:] == [
        "op schema",
        "achter",
        "voor",
        "gehaald",
        "niet gehaald",
        "norm niet gehaald",
        "geen plan",
        "geen realisatie",
    ]
    # The previous period realised 100–200 a year without any plan or target: geen plan.
    # This period's 150 and 260 count toward the term target of 800: 150 of the 200 due by
    # 2025 is achter, 410 of the 400 due by 2026 op schema.
    assert [regel[:1] + regel[2:] for regel in regels] == [
        [
            "Prestatieafspraken Voorbeeldstad 2021–2024 afspraak",
            "0",
            "0",
            "0",
            "0",
            "0",
            "0",
            "4",
            "0",
        ],
        [
            "Prestatieafspraken Voorbeeldstad 2025–2028 afspraak",
            "1",
            "1",
            "0",
            "0",
            "0",
            "0",
            "0",
            "0",
        ],
    ]


def test_a_signing_only_party_is_never_late_and_a_reporting_one_is(client, termijnafspraak):
    t = termijnafspraak
    pagina = {}
    for naam in ("beleid_huurders", "beleid_corporatie", "coordinator"):
        client.force_login(getattr(t, naam))
        pagina[naam] = client.get(reverse("start")).content.decode()

    # The tenants sign the agreement, so it is theirs to follow, but nothing is due from them.
    assert "Prestatieafspraken Voorbeeldstad 2025–2028" in pagina["beleid_huurders"]
    assert ">te laat</span>" not in pagina["beleid_huurders"]
    assert "nog niet ingediend" not in pagina["beleid_huurders"]
    assert "Niets dat binnen drie maanden" in agenda_tekst(pagina["beleid_huurders"])
    assert "Huurdersvereniging" not in agenda_tekst(pagina["coordinator"])
    # The corporation reports its verduurzaming and has submitted nothing.
    corporatie = agenda_tekst(pagina["beleid_corporatie"])
    for jaar in afgelopen_jaren(2025, 2028):
        assert f"Realisatie {jaar} van Woonstichting Voorbeeld nog niet ingediend" in corporatie
    assert afgelopen_jaren(2025, 2028) == [] or ">te laat</span>" in corporatie


def test_milestones_due_or_past_show_on_the_start_page(client, termijnafspraak):
    from afspraken.models import Afspraakpunt
    from core.models import Streefdoel

    t = termijnafspraak
    vandaag = timezone.localdate()

    def mijlpaal(omschrijving, **velden):
        return Streefdoel.objects.create(
            dossier=t.dossier, soort=Streefdoel.Soort.MIJLPAAL, omschrijving=omschrijving, **velden
        )

    te_laat = mijlpaal("Laatste E-, F- en G-labels verbeterd", deadline=vandaag - DAG * 10)
    punt = Afspraakpunt.objects.create(
        afspraak=t.dossier,
        onderdeel=t.thema,
        soort=Afspraakpunt.Soort.AFSPRAAK,
        titel="Labels verbeteren",
        resultaat="Alle E-, F- en G-labels verbeterd",
        deadline_omschrijving="uiterlijk binnen een maand",
        streefdoel=te_laat,
    )
    mijlpaal("Woonwagenplan vastgesteld", deadline=vandaag + DAG * 30)
    mijlpaal("Al bereikt", deadline=vandaag - DAG * 5, bereikt_op=vandaag - DAG * 6)
    mijlpaal("Vervallen belofte", deadline=vandaag - DAG * 5, vervallen=True)
    mijlpaal("Ver weg", deadline=vandaag + DAG * 200)
    client.force_login(t.bestuurder)

    agenda = agenda_tekst(client.get(reverse("start")).content.decode())

    punten = agendapunten(agenda)
    (labels,) = [p for p in punten if "E-, F- en G-labels" in p]
    assert labels.startswith("te laat ")
    assert labels.endswith(
        ": Alle E-, F- en G-labels verbeterd (uiterlijk binnen een maand) "
        "(Prestatieafspraken Voorbeeldstad 2025–2028)"
    )
    assert f'<time datetime="{te_laat.deadline:%Y-%m-%d}">' in agenda
    (woonwagens,) = [p for p in punten if "Woonwagenplan" in p]
    assert woonwagens.startswith("binnenkort ")
    assert reverse("afspraken:punt", args=[t.dossier.slug, punt.pk]) in agenda
    for niet in ("Al bereikt", "Vervallen belofte", "Ver weg"):
        assert niet not in agenda


def test_the_start_page_takes_as_many_queries_with_more_dossiers_and_milestones(
    client, termijnafspraak
):
    from afspraken.models import Afspraak
    from core.models import Indicator, Streefdoel, Waarde

    t = termijnafspraak
    vandaag = timezone.localdate()

    def queries() -> int:
        client.force_login(t.beleid_corporatie)
        client.get(reverse("start"))  # warm up: the session, content types
        with CaptureQueriesContext(connection) as vastgelegd:
            assert client.get(reverse("start")).status_code == 200
        return len(vastgelegd.captured_queries)

    voor = queries()
    for nummer in range(3):
        afspraak = Afspraak.objects.create(
            titel=f"Extra afspraak {nummer}",
            slug=f"extra-{nummer}",
            startdatum=datetime.date(2024, 1, 1),
            einddatum=datetime.date(2027, 12, 31),
            penvoerder=t.gemeente,
        )
        afspraak.partijen.create(organisatie=t.corporatie, rol="partij")
        afspraak.partijen.create(organisatie=t.huurders, rol="partij", levert_cijfers=False)
        item = Indicator.objects.create(
            dossier=afspraak, code="x", naam="X", eenheid="aantal", uitsplitsing="organisatie"
        )
        Waarde.objects.create(
            indicator=item, jaar=2024, soort="realisatie", organisatie=t.corporatie, waarde=3
        )
        for dagen in (-20, 20):
            Streefdoel.objects.create(
                dossier=afspraak,
                soort=Streefdoel.Soort.MIJLPAAL,
                omschrijving=f"Mijlpaal {nummer} {dagen}",
                deadline=vandaag + DAG * dagen,
            )
    na = queries()

    assert na == voor
    client.force_login(t.beleid_corporatie)
    punten = agendapunten(agenda_tekst(client.get(reverse("start")).content.decode()))
    assert len([p for p in punten if "Mijlpaal" in p]) == 6
    assert any(
        "Realisatie 2024 van Woonstichting Voorbeeld nog niet ingediend" in p for p in punten
    )


def test_without_figures_the_start_page_says_there_is_nothing_to_check(als):
    """Groningen's deal and projects hold no figures yet: nothing "adds up" on its start page."""
    html = als("groningen").get(reverse("start")).content.decode()

    assert "Nog geen cijfers om te toetsen." in html
    assert "tellen op" not in html and "Geen bevindingen" not in html
