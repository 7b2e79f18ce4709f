from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from core.dutch_numbers import format_euro, format_getal, format_procent, parse_getal


@pytest.mark.parametrize(
    ("tekst", "getal"),
    [
        ("1.000,50", Decimal("1000.50")),
        ("1.234.567", Decimal("1234567")),
        ("4200000", Decimal("4200000")),
        ("-40", Decimal("-40")),
        ("€ 370.000", Decimal("370000")),
        (" 2,83 ", Decimal("2.83")),
    ],
)
def test_parse_getal_reads_dutch_notation(tekst, getal):
    assert parse_getal(tekst) == getal


@pytest.mark.parametrize("tekst", ["abc", "1,000.50", "1.00", "12a", "1,2,3", "", "1e5", "NaN"])
def test_parse_getal_refuses_what_is_not_a_dutch_number_with_a_dutch_message(tekst):
    with pytest.raises(ValidationError) as info:
        parse_getal(tekst)
    assert info.value.messages[0] in (
        "Vul een getal in.",
        f"‘{tekst.strip()}’ is geen getal. Schrijf bijvoorbeeld 1.234,56.",
    )


def test_format_getal_uses_thousand_dots_and_decimal_comma():
    assert format_getal(Decimal("1234.56")) == "1.234,56"
    assert format_getal(Decimal("1069")) == "1.069"
    assert format_procent(Decimal("58.93"), 1) == "58,9 %"


def test_format_euro_writes_large_amounts_in_millions():
    assert format_euro(Decimal("4200000")) == "€ 4,2 mln"
    assert format_euro(Decimal("2830000")) == "€ 2,83 mln"
    assert format_euro(Decimal("244300000")) == "€ 244,3 mln"
    assert format_euro(Decimal("10000000")) == "€ 10,0 mln"
    assert format_euro(Decimal("370000")) == "€ 370.000"
    assert format_euro(Decimal("1234.56")) == "€ 1.234,56"


def test_decimals_are_rounded_not_cut_off():
    assert format_procent(Decimal("2.99")) == "3,0 %"
    assert format_procent(Decimal("2.887")) == "2,9 %"
    assert format_getal(Decimal("1234.565"), 2) == "1.234,57"
