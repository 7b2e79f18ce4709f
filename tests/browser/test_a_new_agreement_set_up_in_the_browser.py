"""A municipality nobody here has seen brings in its own prestatieafspraken, through the
screens alone: the beheerder adds two organisations and the municipality's coördinator; she
sets up the agreement (6 themes, 8 parties of which two only sign, 12 items with yearly, term
and range targets, a milestone and a norm) and publishes it; the corporation's policy officer
enters and submits 2025; the dashboard and the report show the figures against the targets."""

import re
from decimal import Decimal

from django.core import mail
from playwright.sync_api import expect
from pypdf import PdfReader

from afspraken.models import Afspraak
from core.models import Jaaropgave, Norm, Partij, Streefdoel, Waarde

GEMEENTE, CORPORATIE = "Gemeente Havenstad", "Woonstichting Havenstad"
TITEL, KORT = "Prestatieafspraken Havenstad 2025–2028", "Havenstad 2025–2028"
WACHTWOORD = "Havenstad-2025-afspraken"
PARTIJEN = [  # organisation, delivers figures
    (CORPORATIE, True),
    ("Woonpunt", True),
    ("Maasvallei", True),
    ("Servatius", True),
    ("Woningcorporatie Lefier", True),
    ("Provincie Overijssel", False),
    ("Ministerie van Volkshuisvesting en Ruimtelijke Ordening", False),
]
THEMAS = ["Betaalbaarheid", "Nieuwbouw", "Duurzaamheid", "Leefbaarheid", "Wonen en zorg"]
THEMAS += ["Samenwerking"]
ORG, TOTAAL = "per organisatie", "geen (alleen een totaal)"
LOOPTIJD, PER_JAAR = "over de looptijd", "per jaar"
# name, theme, unit, split, target: (kind, fields of the item form's target)
ITEMS = [
    ("Nieuwe sociale huurwoningen", "2", "aantal", ORG, (LOOPTIJD, {"Streefwaarde": "800"})),
    ("Verduurzaamde woningen", "3", "aantal", ORG, (PER_JAAR, {"Streefwaarde": "100"})),
    (
        "Huurverhoging",
        "1",
        "procent",
        TOTAAL,
        ("bandbreedte (per jaar)", {"Minimum": "0", "Maximum": "3"}),
    ),
    (
        "Woonvisie vastgesteld",
        "6",
        "aantal",
        TOTAAL,
        ("mijlpaal", {"Uiterlijk (datum)": "31-12-2025"}),
    ),
    ("Verhuringen", "1", "aantal", ORG, None),
    ("Verhuringen aan de doelgroep", "1", "aantal", ORG, None),
    ("Sloop", "2", "aantal", ORG, None),
    ("Investeringen in leefbaarheid", "4", "euro", ORG, (PER_JAAR, {"Streefwaarde": "250.000"})),
    ("Zorgwoningen", "5", "aantal", ORG, (LOOPTIJD, {"Streefwaarde": "120"})),
    ("Ontmoetingsruimten", "4", "aantal", ORG, None),
    ("Wooncoaches", "5", "aantal", ORG, None),
    ("Overleggen met huurders", "6", "aantal", TOTAAL, None),
]
REALISATIE_2025 = {
    "Nieuwe sociale huurwoningen": "150",
    "Verduurzaamde woningen": "90",
    "Verhuringen": "200",
    "Verhuringen aan de doelgroep": "185",
    "Investeringen in leefbaarheid": "260.000",
    "Zorgwoningen": "25",
}


def menu(page, label: str):
    """A link of the main menu (a breadcrumb may carry the same words)."""
    hoofdmenu = page.get_by_role("navigation", name="Hoofdmenu")
    return hoofdmenu.get_by_role("link", name=label, exact=True)


def test_a_coordinator_sets_up_her_agreement_and_a_corporation_reports_against_it(
    person, page, tmp_path
):
    beheerder_voegt_organisaties_en_coordinator_toe(person, page)
    coordinator = wachtwoord_via_de_link(person, page, "petra@havenstad.example")

    person.log_in(coordinator, WACHTWOORD)
    zet_de_afspraak_op(person, page)
    afspraak = Afspraak.objects.get(titel=TITEL)
    assert afspraak.korte_naam == KORT and afspraak.in_opbouw
    assert afspraak.penvoerder.naam == GEMEENTE
    assert Partij.objects.filter(dossier=afspraak).count() == 8
    assert Partij.objects.filter(dossier=afspraak, levert_cijfers=False).count() == 2
    assert afspraak.onderdelen.count() == 6 and afspraak.indicatoren.count() == 12
    assert sorted(Streefdoel.objects.filter(dossier=afspraak).values_list("soort", flat=True)) == [
        "bandbreedte", "looptijd", "looptijd", "mijlpaal", "per_jaar", "per_jaar"
    ]  # fmt: skip
    norm = Norm.objects.get(indicator__dossier=afspraak)
    assert (norm.soort, norm.ondergrens, norm.ten_opzichte_van.naam) == (
        "aandeel",
        Decimal(90),
        "Verhuringen",
    )

    stel_vast(person, page)
    nodig_collega_uit(person, page)
    uitloggen(person, page)

    medewerker = wachtwoord_via_de_link(person, page, "karim@woonstichting-havenstad.example")
    person.log_in(medewerker, WACHTWOORD)
    voer_realisatie_in_en_dien_in(person, page)
    opgave = Jaaropgave.objects.get(dossier=afspraak, organisatie__naam=CORPORATIE, jaar=2025)
    assert opgave.status == Jaaropgave.Status.INGEDIEND
    assert Waarde.objects.get(
        indicator__dossier=afspraak, indicator__naam="Nieuwe sociale huurwoningen"
    ).waarde == Decimal(150)
    uitloggen(person, page)

    person.log_in(coordinator, WACHTWOORD)
    dashboard_en_rapport_tonen_de_voortgang(person, page, tmp_path)


def beheerder_voegt_organisaties_en_coordinator_toe(person, page) -> None:
    person.log_in("beheerder")
    person.activate(menu(page, "Inrichting"))
    person.activate(page.get_by_role("link", name="Organisaties en gebruikers"))
    voeg_organisatie_toe(person, page, GEMEENTE, "gemeente")
    voeg_collega_toe(person, page, "Petra", "de Vries", "petra@havenstad.example", "coördinator")
    person.activate(page.get_by_role("link", name="← Organisaties en gebruikers"))
    voeg_organisatie_toe(person, page, CORPORATIE, "woningcorporatie")
    uitloggen(person, page)


def voeg_organisatie_toe(person, page, naam: str, soort: str) -> None:
    """On the list of organisations; the new organisation's page follows."""
    person.type_into(page.get_by_label("Naam", exact=True), naam)
    person.choose(page.get_by_label("Soort", exact=True), soort)
    person.activate(page.get_by_role("button", name="Organisatie toevoegen"))
    expect(page.get_by_role("heading", level=1)).to_have_text(naam)


def voeg_collega_toe(person, page, voornaam, achternaam, email, rol) -> None:
    person.type_into(page.get_by_label("Voornaam"), voornaam)
    person.type_into(page.get_by_label("Achternaam"), achternaam)
    person.type_into(page.get_by_label("E-mailadres"), email)
    person.check(page.get_by_role("checkbox", name=rol, exact=True))
    person.activate(page.get_by_role("button", name="Collega toevoegen"))
    expect(page.get_by_role("status")).to_contain_text(f"{voornaam} {achternaam} is toegevoegd")


def uitloggen(person, page) -> None:
    person.activate(page.get_by_role("button", name="Uitloggen"))


def wachtwoord_via_de_link(person, page, email: str) -> str:
    """The new colleague opens the link of their mail and chooses a password; their username."""
    bericht = next(m for m in reversed(mail.outbox) if email in m.to)
    link = re.search(r"https?://\S+/wachtwoord/\S+/", bericht.body).group(0)
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Wachtwoord instellen")
    velden = page.locator("input[type=password]")
    person.type_into(velden.nth(0), WACHTWOORD)
    person.type_into(velden.nth(1), WACHTWOORD)
    person.activate(page.get_by_role("button", name="Wachtwoord instellen"))
    expect(page.get_by_role("status")).to_contain_text("Uw wachtwoord is ingesteld.")
    return re.search(r"Uw gebruikersnaam is: (\S+)", bericht.body).group(1)


def zet_de_afspraak_op(person, page) -> None:
    person.activate(menu(page, "Inrichting"))
    person.activate(page.get_by_role("link", name="Nieuw dossier: Afspraak", exact=True))
    person.type_into(page.get_by_label("Titel", exact=True), TITEL)
    person.type_into(page.get_by_label("Korte naam"), KORT)
    person.type_into(page.get_by_label("Startdatum"), "01-01-2025")
    person.type_into(page.get_by_label("Einddatum"), "31-12-2028")
    person.choose(page.get_by_label("Soort afspraak"), "prestatieafspraken")
    person.activate(page.get_by_role("button", name="Opslaan"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{KORT} inrichten")

    person.activate(page.get_by_role("link", name="Partijen", exact=True))
    # Not sure of a name: search on a part of it (at most 20 found), then type it in full.
    person.type_into(page.get_by_label("Deel van de naam"), "Lefier")
    person.activate(page.get_by_role("button", name="Zoeken"))
    expect(page.get_by_role("status")).to_contain_text("1 organisatie met ‘Lefier’ in de naam")
    gevonden = page.get_by_role("list", name="Gevonden organisaties").get_by_role("listitem")
    expect(gevonden).to_have_text(["Woningcorporatie Lefier"])
    for rij, (naam, levert) in enumerate(PARTIJEN, start=2):
        person.type_into(page.get_by_label(f"Organisatie, rij {rij}", exact=True), naam)
        rol = page.get_by_label(f"Rol, rij {rij}", exact=True)
        expect(rol).to_have_value("partij")  # an agreement's parties: the row starts with it
        person.check(page.get_by_label(f"Levert cijfers, rij {rij}", exact=True), levert)
    person.activate(page.get_by_role("button", name="Opslaan"))
    expect(page.get_by_role("status")).to_be_visible()

    person.activate(page.get_by_role("link", name=re.compile("^Volgende stap: Onderdelen")))
    for rij, thema in enumerate(THEMAS, start=1):
        person.type_into(page.get_by_label(f"Nummer, rij {rij}", exact=True), str(rij))
        person.type_into(page.get_by_label(f"Titel, rij {rij}", exact=True), thema)
    person.activate(page.get_by_role("button", name="Opslaan"))
    expect(page.get_by_role("status")).to_be_visible()

    person.activate(page.get_by_role("link", name=f"← {KORT} inrichten"))
    person.activate(page.get_by_role("link", name="Items", exact=True))
    voeg_items_toe(person, page)
    person.activate(page.get_by_role("link", name="Normen", exact=False).first)
    voeg_norm_toe(person, page)


def voeg_items_toe(person, page) -> None:
    """One page per item; "Opslaan en volgend item" keeps the theme, unit and split, so only
    what differs from the item before is chosen again."""
    person.activate(page.get_by_role("link", name="Item toevoegen"))
    vorige = ("", "", TOTAAL)  # a new form: no theme or unit chosen yet
    for n, (naam, thema, eenheid, uitsplitsing, doel) in enumerate(ITEMS, start=1):
        person.type_into(page.get_by_label("Naam", exact=True), naam)
        if thema != vorige[0]:
            person.choose(
                page.get_by_label("Onderdeel (thema)"), f"{thema} {THEMAS[int(thema) - 1]}"
            )
        if eenheid != vorige[1]:
            person.choose(page.get_by_label("Eenheid", exact=True), eenheid)
        if uitsplitsing != vorige[2]:
            person.choose(page.get_by_label("Uitsplitsing", exact=True), uitsplitsing)
        if doel:
            soort, velden = doel
            person.choose(page.get_by_label("Streefdoel", exact=True), soort)
            for label, waarde in velden.items():
                person.type_into(page.get_by_label(label, exact=True), waarde)
        knop = "Opslaan" if n == len(ITEMS) else "Opslaan en volgend item"
        person.activate(page.get_by_role("button", name=knop, exact=True))
        expect(page.get_by_role("status")).to_contain_text(f"Het item ‘{naam}’ is opgeslagen.")
        vorige = (thema, eenheid, uitsplitsing)


def voeg_norm_toe(person, page) -> None:
    person.choose(page.get_by_label("Item", exact=True), "Verhuringen aan de doelgroep")
    person.choose(page.get_by_label("Soort", exact=True), "aandeel (%) van een ander item")
    person.type_into(page.get_by_label("Ondergrens", exact=True), "90")
    person.choose(page.get_by_label("Ten opzichte van (bij een aandeel)"), "Verhuringen")
    person.activate(page.get_by_role("button", name="Norm opslaan"))
    expect(page.get_by_role("status")).to_be_visible()


def stel_vast(person, page) -> None:
    person.activate(page.get_by_role("link", name=f"← {KORT} inrichten"))
    person.activate(page.get_by_role("button", name="Vaststellen en openzetten voor de partijen"))
    expect(page.get_by_role("status")).to_contain_text("Vastgesteld: de partijen zien het dossier")


def nodig_collega_uit(person, page) -> None:
    person.activate(menu(page, "Inrichting"))
    person.activate(page.get_by_role("link", name="Organisaties en gebruikers"))
    person.activate(page.get_by_role("link", name=CORPORATIE, exact=True))
    voeg_collega_toe(
        person,
        page,
        "Karim",
        "Bakker",
        "karim@woonstichting-havenstad.example",
        "beleidsmedewerker",
    )


def voer_realisatie_in_en_dien_in(person, page) -> None:
    person.activate(menu(page, "Afspraken"))
    person.activate(page.get_by_role("link", name=KORT, exact=True))
    person.activate(page.get_by_role("link", name="realisatie 2025", exact=True))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Realisatie 2025 van {CORPORATIE}")
    for item, waarde in REALISATIE_2025.items():
        person.type_into(page.get_by_role("textbox", name=item, exact=True), waarde)
    person.activate(page.get_by_role("button", name="Opslaan"))
    expect(page.get_by_role("status")).to_contain_text("zijn opgeslagen")
    person.activate(page.get_by_role("button", name="Realisatie 2025 indienen"))
    # Not every item has a figure: the grid names the empty ones and asks to confirm.
    expect(page.get_by_role("heading", level=1)).to_contain_text("indienen met lege vakken?")
    person.activate(page.get_by_role("button", name="Toch indienen"))
    expect(page.get_by_role("status")).to_contain_text("Realisatie 2025 is ingediend.")


def dashboard_en_rapport_tonen_de_voortgang(person, page, tmp_path) -> None:
    person.activate(menu(page, "Afspraken"))
    person.activate(page.get_by_role("link", name=KORT, exact=True))
    person.activate(page.get_by_role("link", name="Dashboard: plan tegenover realisatie"))
    inhoud = page.get_by_role("main")
    expect(inhoud).to_contain_text("150 van 800")  # the term target, to date
    expect(inhoud).to_contain_text("Verduurzaamde woningen")
    expect(inhoud).to_contain_text("90 in 2025")  # against 100 per jaar: op schema
    expect(inhoud).to_contain_text("te laat 1")  # the milestone of 31 December 2025
    rapportage = page.get_by_role("paragraph").filter(has_text="Voortgangsrapportage (PDF")
    person.activate(rapportage.get_by_role("link", name="2025"))
    person.activate(page.get_by_role("button", name="Concept maken"))
    expect(page.get_by_role("status").first).to_contain_text("Het concept wordt gemaakt.")
    pdf = person.download(page.get_by_role("link", name="PDF", exact=True), tmp_path)
    tekst = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "150 van 800" in tekst and TITEL in tekst
    assert CORPORATIE in tekst and "Verhuringen aan de doelgroep" in tekst
    assert "92,5 %" in tekst  # the norm: 185 of 200 lettings to the target group (≥ 90 %)
