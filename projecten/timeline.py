"""The phases of a project as an SVG timeline, drawn on the server.

No JavaScript, so the same markup renders in a browser and in a WeasyPrint PDF. The SVG has a
title and a description; the phase table next to it carries the same facts (WCAG 1.1.1).
"""

import datetime

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MAANDEN = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
BREEDTE, LABEL, RIJ, KOP = 760, 250, 34, 36


def _maandnummer(datum: datetime.date) -> int:
    return datum.year * 12 + datum.month - 1


def _maandnaam(datum: datetime.date) -> str:
    return f"{MAANDEN[datum.month - 1]} {datum.year}"


def tijdlijn_svg(fasen, *, id_prefix: str = "tijdlijn") -> SafeString:
    """`fasen`: objects with nummer, titel, start and eind (first day of a month, or None)."""
    geplande = [f for f in fasen if f.start and f.eind]
    if not geplande:
        return mark_safe("")
    eerste = min(_maandnummer(f.start) for f in geplande)
    laatste = max(_maandnummer(f.eind) for f in geplande) + 1  # the end month is included
    per_maand = (BREEDTE - LABEL - 10) / (laatste - eerste)
    hoogte = KOP + RIJ * len(geplande) + 10

    def x(maand: int) -> float:
        return LABEL + (maand - eerste) * per_maand

    delen = []
    for maand in range(eerste, laatste + 1):
        if (maand % 12 == 0 or maand == eerste) and x(maand) < BREEDTE - 40:
            jaar = maand // 12
            delen.append(
                f'<line x1="{x(maand):.1f}" y1="{KOP - 12}" x2="{x(maand):.1f}" y2="{hoogte - 6}" '
                f'stroke="#8a96a3" stroke-width="1"/>'
                f'<text x="{x(maand) + 3:.1f}" y="{KOP - 16}" font-size="12" fill="#1d2a38">'
                f"{jaar}</text>"
            )
    beschrijving = []
    for i, fase in enumerate(geplande):
        y = KOP + i * RIJ
        begin, eind = x(_maandnummer(fase.start)), x(_maandnummer(fase.eind) + 1)
        periode = f"{_maandnaam(fase.start)} – {_maandnaam(fase.eind)}"
        beschrijving.append(f"Fase {fase.nummer}, {fase.titel}: {periode}")
        delen.append(
            f'<text x="0" y="{y + 20}" font-size="13" fill="#1d2a38">'
            f"{escape(f'{fase.nummer}. {fase.titel}')[:60]}</text>"
            f'<rect x="{begin:.1f}" y="{y + 6}" width="{max(eind - begin, 2):.1f}" height="20" '
            f'rx="3" fill="#0b4f8a"><title>{escape(periode)}</title></rect>'
        )
    titel_id, desc_id = f"{id_prefix}-titel", f"{id_prefix}-beschrijving"
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{BREEDTE}" height="{hoogte}" '
        f'viewBox="0 0 {BREEDTE} {hoogte}" aria-labelledby="{titel_id} {desc_id}" '
        f'class="tijdlijn">'
        f'<title id="{titel_id}">Tijdlijn van de fasen</title>'
        f'<desc id="{desc_id}">{escape("; ".join(beschrijving))}.</desc>'
        + "".join(delen)
        + "</svg>"
    )
    return mark_safe(svg)  # every text in it went through escape()
