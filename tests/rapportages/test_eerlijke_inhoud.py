"""The report says what is there and what is not: the money rules on realised costs too, a
missing narrative listed once, each target once, "nog geen cijfers om te toetsen" where there is
nothing to check, a norm "gehaald" only on a realisation, Dutch words only."""

import re
from decimal import Decimal

from django.contrib.auth.models import Group
from django.urls import reverse

from core.models import Onderdeel, Rol, User
from regiodeals.models import Financieringspost, Kosten

from .test_report_statuses_follow_the_shared_rule import rapport_van, tussen

GRONINGEN = "regio-deal-groningen-noord-ii"
VAT_BOVEN_3 = "Realisatie: de verschuldigde Rijksbijdrage voor uitvoeringskosten (VAT) van € 50.000"
# English words found in the reports of the five documents before they were put in Dutch.
ENGELS = ("Deadline", "Status update", "Target", "Finance", "Findings", "Milestone")


def test_realised_uitvoeringskosten_above_3_percent_are_a_finding_on_the_page_and_in_the_report(
    als,
):
    """€ 100.000 of uitvoeringskosten realised and nothing else yet: the Rijk owes € 50.000,
    all of it for uitvoeringskosten, far above 3 % of what it owes. The planned table keeps to
    the rules (€ 0,25 mln of € 10,0 mln)."""
    vat = Financieringspost.objects.get(regiodeal__slug=GRONINGEN, is_uitvoeringskosten=True)
    for bron in ("rijk", "regionaal_publiek"):
        Kosten.objects.create(post=vat, jaar=2025, bron=bron, bedrag=Decimal(50_000))
    client = als("groningen")

    pagina = client.get(reverse("regiodeals:detail", args=[GRONINGEN])).content.decode()
    tekst, _ = rapport_van(client, GRONINGEN, 2025)

    assert VAT_BOVEN_3 in " ".join(pagina.split())
    bevindingen = tekst[re.search(r"\d+\. Bevindingen", tekst).end() :]
    planning = bevindingen.split("Financiële regels, realisatie")[0]
    assert "4 posten getoetst: de regels zijn gehaald." in planning
    assert "1 posten met gerealiseerde kosten getoetst: 1 bevindingen." in bevindingen
    assert VAT_BOVEN_3 in bevindingen
    assert "is 100,0 % van de verschuldigde Rijksbijdrage in totaal (€ 50.000), meer dan 3 %" in (
        bevindingen
    )


def test_without_figures_the_findings_say_there_is_nothing_to_check(als):
    """Groningen Noord II has no figures and no realised costs in 2025: each kind of check
    says so instead of "de cijfers tellen op"; missing narratives are listed once; each target
    once (with its intended result in chapter 1, the targets chapter refers there)."""
    actielijn = Onderdeel.objects.get(dossier__slug=GRONINGEN, nummer="1a")
    client = als("groningen")
    rapport_van(client, GRONINGEN, 2025)
    client.post(
        reverse("rapportages:actie", args=[GRONINGEN, 2025, "teksten"]),
        {f"tekst-{actielijn.pk}": "Kansrijk draait in vier wijken."},
    )

    tekst, _ = rapport_van(client, GRONINGEN, 2025)

    assert "Geen bevindingen" not in tekst and "de cijfers tellen op" not in tekst
    bevindingen = tekst[re.search(r"\d+\. Bevindingen", tekst).end() :]
    assert re.search(r"Totalen en delen .*? Nog geen cijfers om te toetsen\.", bevindingen)
    assert "Nog geen gerealiseerde kosten om te toetsen." in bevindingen
    voortgang = tussen(tekst, "Voortgang per actielijn en project", "Liggen de partijen")
    assert tekst.count("voortgangstekst") == 1
    assert "Nog geen voortgangstekst over 2025 bij: 1, 1b, 1c, 2, 2a, 2b1," in voortgang
    assert "Kansrijk draait in vier wijken." in voortgang
    assert voortgang.count("15 regionale bestuurlijke controles") == 1
    assert re.search(r"controles .*? 15 per jaar nog niets gerealiseerd verwacht: 15", voortgang)
    doelen = tussen(tekst, "Streefdoelen en voortgang", "Bevindingen")
    assert "30 van de 30 streefdoelen staan met hun voortgang in hoofdstuk 1" in doelen
    assert "15 regionale bestuurlijke controles" not in doelen
    assert not any(woord in tekst for woord in ENGELS)


def test_maastricht_norms_are_judged_on_the_plan_as_plan_haalt_de_norm(als):
    """2015 has only a plan: the plan meets both norms, nothing is "gehaald" yet. The findings
    say what the sums were checked on (the realisations of 2013 and 2014 do not add up)."""
    maastricht = User.objects.get(username="maastricht")
    maastricht.groups.add(Group.objects.get(name=Rol.COORDINATOR.value))

    tekst, _ = rapport_van(als("maastricht"), "maastricht-2015", 2015)

    normen = tussen(tekst, "Normen", "Bestuursopdrachten")
    assert "Gehaald" not in normen and " ja" not in normen
    assert normen.count("plan haalt de norm; nog geen realisatie") == 2
    bevindingen = tekst[re.search(r"\d+\. Bevindingen", tekst).end() :]
    assert "20 keer getoetst in de cijfers van 2013–2015: 4 verschillen." in bevindingen
    assert "Op het plan 6 keer getoetst: het plan haalt de norm 6 keer." in bevindingen
    opdrachten = tussen(tekst, "Bestuursopdrachten en afspraken per thema", "Streefdoelen")
    assert "Doel en termijn" in opdrachten and "Deadline" not in tekst
    assert opdrachten.count("nog niet bereikt te laat") == 4
    doelen = tussen(tekst, "Streefdoelen en voortgang", "Bevindingen")
    assert "nog niet bereikt" not in doelen  # shown once, in the chapter of the afspraken
    assert "4 van de 4 streefdoelen staan met hun voortgang in hoofdstuk 3" in doelen
