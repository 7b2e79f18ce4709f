"""Reading and writing numbers the Dutch way: 1.234,56 and € 4,2 mln."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError

# Thousands with dots (optional), decimals after one comma: "1.234,56", "-40", "4200000".
_DUTCH = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")
MILJOEN = Decimal(1_000_000)
# No figure or target reaches ten trillion: with cents that is 15 significant digits, as many
# as SQLite keeps (it reads a decimal back as a float; Django rounds it to 15 digits), so a
# 16th digit would be silently lost there. PostgreSQL would keep it; the limit is the same.
GROOTSTE_GETAL = Decimal("1e13")
_NEDERLANDS = str.maketrans({",": ".", ".": ","})


def parse_getal(text: str) -> Decimal:
    """Parse Dutch notation; refuse anything ambiguous with a Dutch message."""
    cleaned = (text or "").strip().replace("\u00a0", "").replace(" ", "").removeprefix("€")
    if not cleaned:
        raise ValidationError("Vul een getal in.", code="leeg")
    if not _DUTCH.match(cleaned):
        raise ValidationError(
            "‘%(tekst)s’ is geen getal. Schrijf bijvoorbeeld 1.234,56.",
            code="geen_getal",
            params={"tekst": text.strip()[:40]},
        )
    try:
        return Decimal(cleaned.replace(".", "").replace(",", "."))
    except InvalidOperation as exc:  # pragma: no cover - the pattern already guards this
        raise ValidationError("Dit is geen getal.", code="geen_getal") from exc


def format_getal(value: Decimal | int | None, decimalen: int | None = None) -> str:
    """1234.5 → "1.234,5"; whole numbers without decimals unless asked."""
    if value is None:
        return ""
    value = Decimal(value)
    if decimalen is None:
        decimalen = 0 if value == value.to_integral_value() else 2
    value = value.quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)
    # Python's grouping, the separators swapped: what Django's number_format gives for "nl",
    # without its locale lookups (thousands of figures on a dashboard).
    return f"{value:,.{decimalen}f}".translate(_NEDERLANDS)


def format_euro(value: Decimal | int | None) -> str:
    """Euros: € 370.000, € 1.234,56; a million or more as € 4,2 mln (up to two decimals)."""
    if value is None:
        return ""
    value = Decimal(value)
    if abs(value) >= MILJOEN:
        mln = (value / MILJOEN).quantize(Decimal("0.01")).normalize()
        decimalen = max(1, -mln.as_tuple().exponent)
        return f"€ {format_getal(mln, decimalen)} mln"
    return f"€ {format_getal(value)}"


def format_procent(value: Decimal | float | None, decimalen: int = 1) -> str:
    if value is None:
        return ""
    return f"{format_getal(Decimal(value), decimalen)} %"


@dataclass(frozen=True)
class Bedragkolom:
    """One format for every amount of a table, its unit named once (in the header): full euros
    ("€", 12.500 and 370.000) or millions ("× € 1 mln", 12,50 and 0,37), never both in one
    column as `format_euro` would mix them."""

    miljoenen: bool = False

    @property
    def kop(self) -> str:
        return "× € 1 mln" if self.miljoenen else "€"

    def getal(self, value: Decimal | int | None) -> str:
        """The number without its unit, for a column whose header names it."""
        if value is None:
            return ""
        value = Decimal(value)
        if not self.miljoenen:
            return format_getal(value, 0)
        stap = Decimal(1).scaleb(-MILJOEN_DECIMALEN)
        mln = (value / MILJOEN).quantize(stap, rounding=ROUND_HALF_UP)
        if value and not mln:  # € 4.000 is not nothing: "< 0,01"
            return f"< {format_getal(stap, MILJOEN_DECIMALEN)}"
        return format_getal(mln, MILJOEN_DECIMALEN)

    def met_eenheid(self, value: Decimal | int | None) -> str:
        """The amount with its unit, for a column that holds other units too."""
        if value is None:
            return ""
        return f"€ {self.getal(value)} mln" if self.miljoenen else f"€ {self.getal(value)}"


# Millions to two decimals: tens of thousands, as a government report rounds.
MILJOEN_DECIMALEN = 2


def bedragkolom(bedragen: Iterable[Decimal | int | None]) -> Bedragkolom:
    """The format for a table's amounts, from its largest: millions from € 1 mln on."""
    grootste = max((abs(Decimal(b)) for b in bedragen if b is not None), default=Decimal(0))
    return Bedragkolom(miljoenen=grootste >= MILJOEN)
