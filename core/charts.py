"""Charts drawn on the server as SVG, for the dashboards and (without JavaScript) the PDF reports.

Every chart carries its own text alternative (`beschrijving`, in the SVG's <desc>) and its data
as a table (`tabel`), which the page shows beside it (WCAG 1.1.1). Colour never carries meaning
alone: plans are hatched outlines, realisations solid, every series is named in a legend, and a
norm is a dashed line with its words next to it. All text is escaped.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .dutch_numbers import format_euro, format_getal, format_procent

# Fill and outline: plans and maxima are hatched, realisations solid.
STIJLEN = {
    "plan": ("url(#{id}-arcering)", "#00568b"),
    "realisatie": ("#00568b", "#00568b"),
    "regio_plan": ("url(#{id}-arcering-regio)", "#8a3c00"),
    "regio_realisatie": ("#8a3c00", "#8a3c00"),
}
TEKSTKLEUR = "#001a40"
ASKLEUR = "#586c88"
NORMKLEUR = "#a01d23"


@dataclass
class Reeks:
    naam: str
    waarden: list[Decimal | None]
    stijl: str = "realisatie"


@dataclass
class Normlijn:
    waarde: Decimal
    label: str


def opmaak(waarde: Decimal | None, eenheid: str) -> str:
    if waarde is None:
        return "–"
    if eenheid == "euro":
        return format_euro(waarde)
    if eenheid == "procent":
        return format_procent(waarde)
    return format_getal(waarde)


def _nette_stap(bereik: float, stappen: int = 4) -> float:
    """A round step (1, 2 or 5 times a power of ten) that splits the range in about `stappen`."""
    if bereik <= 0:
        return 1.0
    ruw = bereik / stappen
    macht = 10 ** math.floor(math.log10(ruw))
    for factor in (1, 2, 5, 10):
        if factor * macht >= ruw:
            return factor * macht
    return 10 * macht  # pragma: no cover


def _regels(tekst: str, breedte: int = 16, max_regels: int = 2) -> list[str]:
    """Wrap a label over at most two short lines; cut the rest with an ellipsis."""
    regels, huidig = [], ""
    for woord in tekst.split():
        if huidig and len(huidig) + 1 + len(woord) > breedte:
            regels.append(huidig)
            huidig = woord
        else:
            huidig = f"{huidig} {woord}".strip()
    regels.append(huidig)
    if len(regels) > max_regels:
        regels = regels[:max_regels]
        regels[-1] = regels[-1][: breedte - 1] + "…"
    return [r if len(r) <= breedte + 2 else r[: breedte + 1] + "…" for r in regels]


def _patronen(grafiek_id: str) -> str:
    return "".join(
        f'<pattern id="{grafiek_id}-{naam}" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{kleur}" stroke-width="2.5"/></pattern>'
        for naam, kleur in (("arcering", "#00568b"), ("arcering-regio", "#8a3c00"))
    )


def waardeas(laag: float, hoog: float) -> tuple[float, float, float]:
    """A value axis from `laag` to `hoog` widened to round steps: (bottom, top, step)."""
    stap = _nette_stap(hoog - laag)
    laag = math.floor(laag / stap) * stap
    return laag, max(math.ceil(hoog / stap) * stap, laag + stap), stap


def rasterlijnen(as_: tuple[float, float, float], links: float, vlak_b: float, y, eenheid: str):
    """A grid line with its value at every step of the axis; `y` maps a value to a height."""
    laag, hoog, stap = as_
    lijnen, tik = [], laag
    while tik <= hoog + stap / 1000:
        lijnen.append(
            f'<line x1="{links}" x2="{links + vlak_b}" y1="{y(tik):.1f}" y2="{y(tik):.1f}" '
            f'stroke="#d0d7e1" stroke-width="1"/>'
            f'<text x="{links - 6}" y="{y(tik) + 4:.1f}" font-size="11" text-anchor="end" '
            f'fill="{TEKSTKLEUR}">{escape(opmaak(Decimal(str(round(tik, 6))), eenheid))}'
            f"</text>"
        )
        tik += stap
    return lijnen


def _svg_open(grafiek_id: str, breedte: int, hoogte: int, titel: str, beschrijving: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafiek" role="img" '
        f'viewBox="0 0 {breedte} {hoogte}" width="{breedte}" height="{hoogte}" '
        f'aria-labelledby="{grafiek_id}-titel {grafiek_id}-beschrijving">'
        f'<title id="{grafiek_id}-titel">{escape(titel)}</title>'
        f'<desc id="{grafiek_id}-beschrijving">{escape(beschrijving)}</desc>'
        f"<defs>{_patronen(grafiek_id)}</defs>"
    )


def _legenda(grafiek_id: str, namen_en_stijlen, x: float, rechts: float) -> tuple[str, int]:
    """The legend from `x` to `rechts`, wrapped over rows; returns the SVG and the row count."""
    delen, start, y, rijen = [], x, 16, 1
    for naam, stijl in namen_en_stijlen:
        breedte = 30 + 6.6 * len(naam)
        if x + breedte > rechts and x > start:
            x, y, rijen = start, y + 18, rijen + 1
        vulling, rand = STIJLEN[stijl]
        delen.append(
            f'<rect x="{x:.1f}" y="{y - 10:.1f}" width="12" height="12" '
            f'fill="{vulling.format(id=grafiek_id)}" stroke="{rand}" stroke-width="1.5"/>'
            f'<text x="{x + 17:.1f}" y="{y:.1f}" font-size="12" fill="{TEKSTKLEUR}">'
            f"{escape(naam)}</text>"
        )
        x += breedte
    return "".join(delen), rijen


@dataclass
class Staafdiagram:
    """Grouped bars: one group per category (a year, an organisation), one bar per series."""

    id: str
    titel: str
    categorieen: list[str]
    reeksen: list[Reeks]
    eenheid: str = "aantal"
    normlijnen: list[Normlijn] = field(default_factory=list)
    toelichting: str = ""  # one more sentence for the text alternative
    breedte: int = 560
    hoogte: int = 280

    @property
    def breed(self) -> bool:
        """Wide charts take the full width of the page rather than one column."""
        return self.breedte > 600

    @property
    def heeft_waarden(self) -> bool:
        return any(v is not None for r in self.reeksen for v in r.waarden)

    @property
    def beschrijving(self) -> str:
        delen = [f"Staafdiagram: {self.titel}."]
        for i, categorie in enumerate(self.categorieen):
            waarden = ", ".join(
                f"{r.naam.lower()} {opmaak(r.waarden[i], self.eenheid)}" for r in self.reeksen
            )
            delen.append(f"{categorie}: {waarden}.")
        delen += [f"{n.label}." for n in self.normlijnen]
        if self.toelichting:
            delen.append(self.toelichting)
        return " ".join(delen)

    @property
    def tabel(self) -> tuple[list[str], list[list[str]]]:
        kop = ["", *(r.naam for r in self.reeksen)]
        rijen = [
            [categorie, *(opmaak(r.waarden[i], self.eenheid) for r in self.reeksen)]
            for i, categorie in enumerate(self.categorieen)
        ]
        return kop, rijen

    @property
    def svg(self) -> SafeString:
        links, rechts, onder = 72, 12, 44
        breedte, hoogte = self.breedte, self.hoogte
        ruimte_norm = 150 * len(self.normlijnen)
        legenda, rijen = _legenda(
            self.id, [(r.naam, r.stijl) for r in self.reeksen], links, breedte - ruimte_norm
        )
        boven = 34 + 18 * (rijen - 1)
        vlak_b, vlak_h = breedte - links - rechts, hoogte - boven - onder
        getallen = [float(v) for r in self.reeksen for v in r.waarden if v is not None]
        getallen += [float(n.waarde) for n in self.normlijnen]
        laag, hoog = min([0.0, *getallen]), max([0.0, *getallen])
        hoog += (hoog - laag) * 0.08  # room for the value labels above the highest bar
        as_ = waardeas(laag, hoog)
        laag, hoog, _ = as_

        def y(waarde: float) -> float:
            return boven + vlak_h * (hoog - waarde) / (hoog - laag)

        delen = [_svg_open(self.id, breedte, hoogte, self.titel, self.beschrijving)]
        delen.append(legenda)
        delen += rasterlijnen(as_, links, vlak_b, y, self.eenheid)
        groep_b = vlak_b / max(len(self.categorieen), 1)
        staaf_b = min(groep_b * 0.75 / max(len(self.reeksen), 1), 48)
        # Value labels only where they fit above their bar without overlapping the next one.
        langste = max(
            (
                len(opmaak(v, self.eenheid))
                for r in self.reeksen
                for v in r.waarden
                if v is not None
            ),
            default=0,
        )
        labels = langste * 5.6 <= staaf_b + 4
        for i, categorie in enumerate(self.categorieen):
            start = links + groep_b * i + (groep_b - staaf_b * len(self.reeksen)) / 2
            for j, reeks in enumerate(self.reeksen):
                waarde = reeks.waarden[i]
                if waarde is None:
                    continue
                vulling, rand = STIJLEN[reeks.stijl]
                top, basis = y(max(float(waarde), 0)), y(min(float(waarde), 0))
                x = start + staaf_b * j
                delen.append(
                    f'<rect x="{x:.1f}" y="{top:.1f}" width="{staaf_b - 2:.1f}" '
                    f'height="{max(basis - top, 0.5):.1f}" fill="{vulling.format(id=self.id)}" '
                    f'stroke="{rand}" stroke-width="1.5"/>'
                )
                if labels:
                    ly = top - 4 if waarde >= 0 else basis + 12
                    delen.append(
                        f'<text x="{x + staaf_b / 2 - 1:.1f}" y="{ly:.1f}" font-size="10" '
                        f'text-anchor="middle" fill="{TEKSTKLEUR}">'
                        f"{escape(opmaak(waarde, self.eenheid))}</text>"
                    )
            for k, regel in enumerate(_regels(categorie, max(int(groep_b / 6.2), 6))):
                delen.append(
                    f'<text x="{links + groep_b * (i + 0.5):.1f}" '
                    f'y="{boven + vlak_h + 16 + 13 * k}" font-size="11" text-anchor="middle" '
                    f'fill="{TEKSTKLEUR}">{escape(regel)}</text>'
                )
        delen.append(
            f'<line x1="{links}" x2="{links + vlak_b}" y1="{y(0):.1f}" y2="{y(0):.1f}" '
            f'stroke="{ASKLEUR}" stroke-width="1.5"/>'
        )
        for n, norm in enumerate(self.normlijnen):
            ny = y(float(norm.waarde))
            # The line across the plot; its words in the legend row, never over a bar.
            lx = breedte - rechts - 150 * (n + 1)
            delen.append(
                f'<line x1="{links}" x2="{links + vlak_b}" y1="{ny:.1f}" y2="{ny:.1f}" '
                f'stroke="{NORMKLEUR}" stroke-width="2" stroke-dasharray="6 4"/>'
                f'<line x1="{lx}" x2="{lx + 18}" y1="12" y2="12" stroke="{NORMKLEUR}" '
                f'stroke-width="2" stroke-dasharray="6 4"/>'
                f'<text x="{lx + 22}" y="16" font-size="12" fill="{NORMKLEUR}">'
                f"{escape(norm.label)}</text>"
            )
        delen.append("</svg>")
        return mark_safe("".join(delen))  # every text part above is escaped


@dataclass
class Voortgangsregel:
    naam: str
    gerealiseerd: Decimal | None
    streefwaarde: Decimal | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    status: str = ""  # the status word, shown in the table and the text alternative

    @property
    def doel(self) -> str:
        if self.minimum is not None and self.maximum is not None:
            return f"{format_getal(self.minimum)} tot {format_getal(self.maximum)}"
        if self.minimum is not None:
            return f"minimaal {format_getal(self.minimum)}"
        if self.maximum is not None:
            return f"maximaal {format_getal(self.maximum)}"
        return format_getal(self.streefwaarde) if self.streefwaarde is not None else "–"


@dataclass
class Voortgangsdiagram:
    """Horizontal bars of realised values against a target (a tick) or a range (a band)."""

    id: str
    titel: str
    regels: list[Voortgangsregel]
    breedte: int = 800
    breed = True

    @property
    def hoogte(self) -> int:
        return 40 + 34 * max(len(self.regels), 1)

    @property
    def beschrijving(self) -> str:
        delen = [f"Voortgangsdiagram: {self.titel}."]
        for r in self.regels:
            delen.append(
                f"{r.naam}: gerealiseerd {opmaak(r.gerealiseerd, 'aantal')}, doel {r.doel}"
                + (f", {r.status}." if r.status else ".")
            )
        return " ".join(delen)

    @property
    def tabel(self) -> tuple[list[str], list[list[str]]]:
        kop = ["Resultaat", "Doel", "Gerealiseerd", "Status"]
        return kop, [
            [r.naam, r.doel, opmaak(r.gerealiseerd, "aantal"), r.status] for r in self.regels
        ]

    @property
    def svg(self) -> SafeString:
        links, rechts, boven = 330, 56, 32
        vlak_b = self.breedte - links - rechts
        getallen = [
            float(v)
            for r in self.regels
            for v in (r.gerealiseerd, r.streefwaarde, r.minimum, r.maximum)
            if v is not None
        ]
        hoog = max([1.0, *getallen]) * 1.1

        def x(waarde) -> float:
            return links + vlak_b * float(waarde) / hoog

        delen = [_svg_open(self.id, self.breedte, self.hoogte, self.titel, self.beschrijving)]
        delen.append(
            f'<rect x="{links}" y="8" width="14" height="12" fill="#dbe7f0" stroke="{ASKLEUR}"/>'
            f'<text x="{links + 19}" y="18" font-size="12" fill="{TEKSTKLEUR}">bandbreedte</text>'
            f'<line x1="{links + 110}" x2="{links + 110}" y1="6" y2="22" stroke="{NORMKLEUR}" '
            f'stroke-width="3"/><text x="{links + 117}" y="18" font-size="12" '
            f'fill="{TEKSTKLEUR}">streefwaarde</text>'
            f'<rect x="{links + 220}" y="8" width="14" height="12" fill="#00568b"/>'
            f'<text x="{links + 239}" y="18" font-size="12" fill="{TEKSTKLEUR}">gerealiseerd</text>'
        )
        for i, r in enumerate(self.regels):
            top = boven + 34 * i
            for k, regel in enumerate(_regels(r.naam, 52)):
                delen.append(
                    f'<text x="{links - 8}" y="{top + 12 + 12 * k}" font-size="11" '
                    f'text-anchor="end" fill="{TEKSTKLEUR}">{escape(regel)}</text>'
                )
            if r.minimum is not None or r.maximum is not None:
                van = x(r.minimum or 0)
                tot = x(r.maximum) if r.maximum is not None else links + vlak_b
                delen.append(
                    f'<rect x="{van:.1f}" y="{top:.1f}" width="{max(tot - van, 2):.1f}" '
                    f'height="24" fill="#dbe7f0" stroke="{ASKLEUR}"/>'
                )
            if r.gerealiseerd is not None:
                delen.append(
                    f'<rect x="{links}" y="{top + 6:.1f}" '
                    f'width="{max(x(r.gerealiseerd) - links, 1):.1f}" height="12" fill="#00568b"/>'
                    f'<text x="{x(r.gerealiseerd) + 4:.1f}" y="{top + 16:.1f}" font-size="11" '
                    f'fill="{TEKSTKLEUR}">{escape(format_getal(r.gerealiseerd))}</text>'
                )
            if r.streefwaarde is not None:
                sx = x(r.streefwaarde)
                delen.append(
                    f'<line x1="{sx:.1f}" x2="{sx:.1f}" y1="{top - 2:.1f}" y2="{top + 26:.1f}" '
                    f'stroke="{NORMKLEUR}" stroke-width="3"/>'
                )
        delen.append(
            f'<line x1="{links}" x2="{links}" y1="{boven - 4}" y2="{self.hoogte - 4}" '
            f'stroke="{ASKLEUR}" stroke-width="1.5"/></svg>'
        )
        return mark_safe("".join(delen))  # every text part above is escaped
