"""Whatever is typed, the app answers with a number or a Dutch message: never a crash.

Property-based (hypothesis): the number parser over any text, and the real entry grid over any
text in every cell.
"""

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.urls import reverse
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from core.dutch_numbers import format_euro, format_getal, parse_getal
from core.forms import lees_cijfer
from core.models import User, Waarde
from tests.rooster import rooster_post

# Few examples, no deadline (the grid goes through the database), no example files on disk.
SNEL = settings(max_examples=100, deadline=None, database=None)
GRID = settings(max_examples=60, deadline=None, database=None)

# Every message a figure can get, all Dutch.
DUTCH_MESSAGES = [
    r"Vul een getal in\.",
    r"‘.{0,40}’ is geen getal\. Schrijf bijvoorbeeld 1\.234,56\.",
    r"Een negatief getal is hier niet toegestaan\.",
    r"Een aantal is een heel getal\.",
    r"Dit getal is te groot\.",
    r"Gebruik hoogstens twee decimalen\.",
    r"Null-tekens zijn niet toegestaan\.",
    # A realised cost beyond its database column (regiodeals.services.sla_kosten_op).
    r"Het bedrag bij ‘.+’ is te groot: hoogstens € 999\.999\.999\.999,99\.",
]


def is_dutch_message(message: str) -> bool:
    return any(re.fullmatch(pattern, message, re.S) for pattern in DUTCH_MESSAGES)


# Text that is nearly a number is where parsers break; plain text and odd Unicode besides.
NUMBER_CHARACTERS = "0123456789.,-+ €\u00a0eE"
bijna_getal = st.text(alphabet=NUMBER_CHARACTERS, max_size=24)
geldig_getal = st.decimals(
    min_value=Decimal("-1e15"), max_value=Decimal("1e15"), places=2, allow_nan=False
).map(lambda d: format_getal(d))
lastig = st.sampled_from(
    [
        "",
        " ",
        "6o",
        "1e5",
        "NaN",
        "Infinity",
        "-0",
        "1,999",
        "1.00",
        "١٢٣",
        "１２３",
        "\x00",
        "1\x002",
        "9" * 400,
        "1.234.567,891",
        "€",
        "--1",
        "½",
        "²",
        "1 000",
        "0,5",
        "-3",
        "٫",
    ]
)
tekst = st.one_of(st.text(max_size=60), bijna_getal, geldig_getal, lastig)


# --- core.dutch_numbers.parse_getal ------------------------------------------------------


@SNEL
@given(tekst)
def test_parse_getal_gives_a_finite_decimal_or_a_dutch_validation_error(text):
    try:
        result = parse_getal(text)
    except ValidationError as error:
        assert all(is_dutch_message(message) for message in error.messages), error.messages
    else:
        assert isinstance(result, Decimal)
        assert result.is_finite()


@SNEL
@given(st.decimals(min_value=Decimal("-1e14"), max_value=Decimal("1e14"), places=2))
def test_format_getal_then_parse_getal_gives_the_same_number(number):
    assert parse_getal(format_getal(number)) == number
    assert parse_getal(format_getal(number, 2)) == number


@SNEL
@given(st.decimals(min_value=Decimal("-999999.99"), max_value=Decimal("999999.99"), places=2))
def test_format_euro_below_a_million_reads_back(number):
    assert parse_getal(format_euro(number)) == number


@SNEL
@given(tekst)
def test_a_parsed_number_formats_and_reads_back_to_itself(text):
    """For every number a figure can hold (below 10^14: lees_cijfer refuses more).

    Beyond 200 digits Django's number_format writes scientific notation ("9e+399"), which
    parse_getal rightly refuses; such numbers never reach the database.
    """
    try:
        number = parse_getal(text)
    except ValidationError:
        return
    assume(abs(number) < Decimal("1e14"))
    assert parse_getal(format_getal(number, max(0, -number.as_tuple().exponent))) == number


# --- The real entry grid: Maastricht 2015, realisatie 2015, as woonpunt -----------------


def snapshot():
    return list(
        Waarde.objects.order_by("pk").values_list(
            "pk",
            "indicator",
            "jaar",
            "soort",
            "organisatie",
            "locatie",
            "waarde",
            "toelichting",
            "versie",
        )
    )


def grid_post(client, url: str, cellen) -> dict[str, str]:
    """The grid as the page now shows it (the versions it is based on), with `cellen` typed."""
    data = {}
    rijen = client.get(url).context["form"].rijen
    for rij, (waarde, toelichting) in zip(rijen, cellen, strict=True):
        data[rij.waarde_veld] = waarde
        data[rij.toelichting_veld] = toelichting
        data[rij.versie_veld] = rij.versie
    return data


def test_any_text_in_every_cell_of_the_grid_is_saved_or_refused_in_dutch(client, brondata):
    client.force_login(User.objects.get(username="woonpunt"))
    url = reverse("core:invoer", args=["maastricht-2015", 2015, "realisatie"])
    grid = client.get(url)
    assert grid.status_code == 200
    rijen = grid.context["form"].rijen
    assert len(rijen) >= 5
    uitkomsten = set()

    @GRID
    @given(st.lists(st.tuples(tekst, tekst), min_size=len(rijen), max_size=len(rijen)))
    @example([("1.234", "Toelichting")] * len(rijen))
    @example([("6o", "")] + [("1", "")] * (len(rijen) - 1))
    def post_grid(cellen):
        data = grid_post(client, url, cellen)
        before = snapshot()

        response = client.post(url, data)

        assert response.status_code in (302, 400), response.status_code
        uitkomsten.add(response.status_code)
        if response.status_code == 400:
            assert snapshot() == before, "a refused grid saved something"
            form = response.context["form"]
            assert form.errors
            messages = [m for errors in form.errors.values() for m in errors]
            assert all(is_dutch_message(m) for m in messages), messages
            assert "Er is niets opgeslagen" in response.content.decode()
            return
        saved = {
            (w.indicator_id, w.organisatie_id, w.locatie_id): w
            for w in Waarde.objects.filter(jaar=2015, soort="realisatie")
        }
        for rij, (waarde, toelichting) in zip(rijen, cellen, strict=True):
            if not waarde.strip():
                assert rij.sleutel not in saved
                continue
            opgeslagen = saved[rij.sleutel]
            assert opgeslagen.waarde == lees_cijfer(
                waarde, eenheid=rij.eenheid, mag_negatief=rij.mag_negatief
            )
            assert opgeslagen.toelichting == toelichting.strip()
        grid_keys = {rij.sleutel for rij in rijen}
        assert [row for row in snapshot() if (row[1], row[4], row[5]) not in grid_keys] == [
            row for row in before if (row[1], row[4], row[5]) not in grid_keys
        ], "a figure outside the grid changed"

    post_grid()
    # Both outcomes are reached (the explicit examples make sure), so the property has teeth.
    assert uitkomsten == {302, 400}


def test_any_text_in_every_cell_of_the_cost_grid_is_saved_or_refused_in_dutch(client, brondata):
    """The other grid on CijferForm: a Regio Deal's realised costs, as its coördinator."""
    from regiodeals.models import Kosten

    client.force_login(User.objects.get(username="groningen"))
    url = reverse("regiodeals:kosten", args=["regio-deal-groningen-noord-ii", 2021])
    grid = client.get(url)
    assert grid.status_code == 200
    rijen = grid.context["form"].rijen

    def kosten():
        return list(
            Kosten.objects.order_by("pk").values_list(
                "pk", "post", "jaar", "bron", "bedrag", "toelichting"
            )
        )

    uitkomsten = set()

    @GRID
    @given(st.lists(st.tuples(tekst, tekst), min_size=len(rijen), max_size=len(rijen)))
    @example([("99.999.999.999,99", "")] * len(rijen))
    @example([("50.000.000.000.000", "")] * len(rijen))
    @example([("1.234", "Toelichting")] * len(rijen))
    @example([("6o", "")] + [("1", "")] * (len(rijen) - 1))
    def post_grid(cellen):
        data = grid_post(client, url, cellen)
        before = kosten()

        response = client.post(url, data)

        assert response.status_code in (302, 400), response.status_code
        uitkomsten.add(response.status_code)
        if response.status_code == 400:
            assert kosten() == before, "a refused grid saved something"
            messages = [m for errors in response.context["form"].errors.values() for m in errors]
            assert messages
            assert all(is_dutch_message(m) for m in messages), messages
            return
        saved = {f"{k.post_id}:{k.bron}": k for k in Kosten.objects.filter(jaar=2021)}
        for rij, (waarde, toelichting) in zip(rijen, cellen, strict=True):
            if not waarde.strip():
                assert rij.sleutel not in saved
                continue
            assert saved[rij.sleutel].bedrag == lees_cijfer(waarde, eenheid="euro")
            assert saved[rij.sleutel].toelichting == toelichting.strip()

    post_grid()
    assert uitkomsten == {302, 400}


def test_a_cost_too_large_for_its_column_is_refused_in_dutch_not_a_500(client, brondata):
    """Found by the property above on PostgreSQL: 50 000 billion passed the grid's 10^14 limit
    but not Kosten.bedrag's 14 digits (numeric overflow, a 500); SQLite stored it silently."""
    from regiodeals.models import Kosten

    client.force_login(User.objects.get(username="groningen"))
    url = reverse("regiodeals:kosten", args=["regio-deal-groningen-noord-ii", 2021])
    eerste = client.get(url).context["form"].rijen[0]
    before = list(Kosten.objects.order_by("pk").values_list("pk", "bedrag"))

    response = rooster_post(client, url, {eerste.waarde_veld: "1.000.000.000.000"})

    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        f"Het bedrag bij ‘{eerste.naam}’ is te groot: hoogstens € 999.999.999.999,99."
    ]
    assert list(Kosten.objects.order_by("pk").values_list("pk", "bedrag")) == before
    assert rooster_post(client, url, {eerste.waarde_veld: "999.999.999.999,99"}).status_code == 302


# --- The target form: a range on a Groningen result, as Groningen's coördinator -----------

STREEFDOEL_MESSAGES = [
    r"Gebruik een getal onder de tien biljoen met hoogstens twee decimalen\.",
    r"Het minimum \([\d.,-]+\) is groter dan het maximum \([\d.,-]+\)\.",
    r"Geef een minimum, een maximum of beide\.",
]


def test_any_text_as_the_bounds_of_a_target_is_saved_or_refused_in_dutch(client, brondata):
    from core.models import Indicator, Streefdoel

    client.force_login(User.objects.get(username="groningen"))
    deal = "regio-deal-groningen-noord-ii"
    url = reverse("core:streefdoel_toevoegen", args=[deal])
    item = Indicator.objects.get(dossier__slug=deal, code="1b-wijkcentra")
    uitkomsten = set()

    def doelen():
        return list(Streefdoel.objects.order_by("pk").values())

    @GRID
    @given(tekst, tekst)
    @example("1", "3")
    @example("3", "1")
    @example("6o", "")
    @example("", "9.999.999.999.999,99")  # the largest: 15 digits, kept exactly by SQLite
    @example("", "10.000.000.000.000,01")  # a 16th digit SQLite would lose: refused
    def post_bereik(minimum, maximum):
        before = doelen()

        response = client.post(
            url,
            {"soort": "bandbreedte", "per_jaar": "on", "indicator": item.pk}
            | {"minimum": minimum, "maximum": maximum},
        )

        assert response.status_code in (302, 400), response.status_code
        uitkomsten.add(response.status_code)
        if response.status_code == 400:
            assert doelen() == before, "a refused target saved something"
            fouten = [m for errors in response.context["form"].errors.values() for m in errors]
            assert fouten
            for fout in fouten:
                assert is_dutch_message(fout) or any(
                    re.fullmatch(p, fout) for p in STREEFDOEL_MESSAGES
                ), fout
            return
        nieuw = Streefdoel.objects.latest("pk")
        for tekst_, opgeslagen in ((minimum, nieuw.minimum), (maximum, nieuw.maximum)):
            assert opgeslagen == (parse_getal(tekst_) if tekst_.strip() else None)

    post_bereik()
    assert uitkomsten == {302, 400}
