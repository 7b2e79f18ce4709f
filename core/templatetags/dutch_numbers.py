from collections.abc import Iterable
from decimal import Decimal

from django import template

from core.dutch_numbers import (
    Bedragkolom,
    bedragkolom,
    format_euro,
    format_getal,
    format_procent,
)

register = template.Library()
register.filter("getal", format_getal)
register.filter("euro", format_euro)
register.filter("procent", format_procent)


@register.simple_tag(name="bedragkolom")
def bedragkolom_tag(*bronnen, velden: str = "", eenheid: str = "") -> Bedragkolom:
    """One amount format for a table, from its largest amount (see core.dutch_numbers):

    {% bedragkolom totaal kosten as geld %}                 amounts, or lists of them
    {% bedragkolom regels velden="plan realisatie" eenheid="euro" as geld %}
                                  the rows' fields, of the rows in that unit only
    <th>Bedrag ({{ geld.kop }})</th> <td>{{ bedrag|bedrag:geld }}</td>
    """
    return bedragkolom(_bedragen(bronnen, velden.split(), eenheid))


def _bedragen(bronnen, velden: list[str], eenheid: str):
    for bron in bronnen:
        if bron is None or isinstance(bron, (Decimal, int, float)):
            yield bron
        elif isinstance(bron, Iterable) and not isinstance(bron, str):
            for rij in bron:
                if not velden:
                    yield from _bedragen([rij], [], "")
                elif not eenheid or getattr(rij, "eenheid", None) == eenheid:
                    yield from (getattr(rij, veld, None) for veld in velden)


@register.filter
def bedrag(value, geld: Bedragkolom | None = None) -> str:
    """The amount in the table's unit, without it: the column's header names it."""
    return (geld or Bedragkolom()).getal(value)


@register.filter
def bedrag_met_eenheid(value, geld: Bedragkolom | None = None) -> str:
    """The amount in the table's unit, with it: for a column that holds other units too."""
    return (geld or Bedragkolom()).met_eenheid(value)
