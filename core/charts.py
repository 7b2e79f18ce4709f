"""Charts drawn on the server as SVG, for the dashboards and (without JavaScript) the PDF reports.

Every chart carries its own text alternative (`beschrijving`, in the SVG's <desc>) and its data
as a table (`tabel`), which the page shows beside it (WCAG 1.1.1). Colour never carries meaning
alone: plans are hatched outlines, realisations solid, every series is named in a legend, and a
norm is a dashed line with its words next to it. All text is escaped.

Readable at the size it is shown: a chart is drawn at the size it is shown, so that no one
scales it up or down by surprise. Its viewBox is at most `BREED` (640) units wide and its
`width` attribute the same in px; both stylesheets only shrink it (`max-width: 100%`), never
stretch it. In the PDF the content is 174 mm = 657 px wide, so a chart stands at 1:1 and a
font size of `TEKST` (12) units is 12 px = 9 pt. On the dashboard at 1280 px a grid column is
528 px, so a `SMAL` (500) chart stands at 1:1 too, and a wide one spans the grid: 12 px.
Every chart has a value axis with round steps (the unit named beside it), its value at every
bar or mark, labels wrapped over as many lines as they need (never cut), one unit per chart
(`per_eenheid` splits the rest), and says in words when it has nothing to draw.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .dutch_numbers import format_euro, format_getal, format_procent

SMAL, BREED = 500, 640  # the widths of a chart in a grid column and across the page
TEKST = 12  # the one font size of a chart's words and numbers: 9 pt in the PDF
TEKEN = 7.0  # the width of an average character at TEKST, to wrap and make room
REGEL = 15  # the height of a line of text

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
BANDKLEUR = "#dbe7f0"
EENHEDEN = {"aantal": "aantal", "euro": "bedrag in euro", "procent": "percentage"}


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


def eenheid_woord(eenheid: str) -> str:
    return EENHEDEN.get(eenheid, eenheid)


def eenheid_zin(eenheid: str) -> str:
    """The unit for the text alternative, where the numbers do not say it themselves."""
    return "" if eenheid == "aantal" else f" Eenheid: {eenheid_woord(eenheid)}."


def per_eenheid(items: list, eenheid_van) -> dict[str, list]:
    """`items` grouped by their unit, in their order: one chart, and so one scale, per unit."""
    groepen: dict[str, list] = {}
    for item in items:
        groepen.setdefault(eenheid_van(item), []).append(item)
    return groepen


def tekst(x: float, y: float, inhoud: str, anker: str = "start", **extra) -> str:
    """One line of chart text at the one size, escaped; `extra` adds attributes."""
    attributen = "".join(f' {k.replace("_", "-")}="{v}"' for k, v in extra.items())
    kleur = "" if "fill" in extra else f' fill="{TEKSTKLEUR}"'
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{TEKST}" text-anchor="{anker}"{kleur}'
        f"{attributen}>{escape(inhoud)}</text>"
    )


def tekstbreedte(inhoud: str) -> float:
    return len(inhoud) * TEKEN


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


def regels(inhoud: str, breedte: float) -> list[str]:
    """Wrap a label over as many lines of at most `breedte` units as it needs; a word longer
    than a line gets a line of its own. Nothing is cut."""
    per_regel = max(int(breedte / TEKEN), 6)
    uitkomst, huidig = [], ""
    for woord in inhoud.split():
        if huidig and len(huidig) + 1 + len(woord) > per_regel:
            uitkomst.append(huidig)
            huidig = woord
        else:
            huidig = f"{huidig} {woord}".strip()
    uitkomst.append(huidig)
    return uitkomst


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


def tikken(as_: tuple[float, float, float]) -> list[float]:
    laag, hoog, stap = as_
    uitkomst, tik = [], laag
    while tik <= hoog + stap / 1000:
        uitkomst.append(round(tik, 6))
        tik += stap
    return uitkomst


def tiklabel(tik: float, eenheid: str) -> str:
    return opmaak(Decimal(str(tik)), eenheid)


def tiklabelbreedte(as_, eenheid: str) -> float:
    return max(tekstbreedte(tiklabel(t, eenheid)) for t in tikken(as_))


def rasterlijnen(as_: tuple[float, float, float], links: float, vlak_b: float, y, eenheid: str):
    """A grid line with its value at every step of the axis; `y` maps a value to a height."""
    return [
        f'<line x1="{links}" x2="{links + vlak_b}" y1="{y(tik):.1f}" y2="{y(tik):.1f}" '
        f'stroke="#d0d7e1" stroke-width="1"/>'
        + tekst(links - 6, y(tik) + 4, tiklabel(tik, eenheid), "end")
        for tik in tikken(as_)
    ]


def _svg_open(grafiek_id: str, breedte: float, hoogte: float, titel: str, beschrijving: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafiek" role="img" '
        f'viewBox="0 0 {breedte:.0f} {hoogte:.0f}" width="{breedte:.0f}" height="{hoogte:.0f}" '
        f'aria-labelledby="{grafiek_id}-titel {grafiek_id}-beschrijving">'
        f'<title id="{grafiek_id}-titel">{escape(titel)}</title>'
        f'<desc id="{grafiek_id}-beschrijving">{escape(beschrijving)}</desc>'
        f"<defs>{_patronen(grafiek_id)}</defs>"
    )


def zonder_waarden(grafiek_id: str, titel: str, beschrijving: str, zin: str) -> SafeString:
    """A chart with nothing to draw says so in words rather than showing empty axes."""
    return mark_safe(
        _svg_open(grafiek_id, SMAL, 28, titel, beschrijving)
        + tekst(0, 18, zin, font_style="italic")
        + "</svg>"
    )


def vlak(grafiek_id: str, stijl: str) -> str:
    vulling, rand = STIJLEN[stijl]
    return (
        f'<rect width="12" height="12" fill="{vulling.format(id=grafiek_id)}" stroke="{rand}" '
        f'stroke-width="1.5"/>'
    )


def normstreep(kleur: str = NORMKLEUR, streep: str = "6 4") -> str:
    return (
        f'<line x1="0" x2="18" y1="6" y2="6" stroke="{kleur}" stroke-width="2" '
        f'stroke-dasharray="{streep}"/>'
    )


def legenda(items: list[tuple[str, str]], x: float, rechts: float) -> tuple[str, float]:
    """The legend, each item a sign (SVG at 0,0, 18 wide) and its words, wrapped over rows
    from `x` to `rechts`; returns the SVG and the height it takes."""
    delen, start, y = [], x, 4.0
    for naam, teken in items:
        breedte = 30 + tekstbreedte(naam)
        if x + breedte > rechts and x > start:
            x, y = start, y + 20
        delen.append(f'<g transform="translate({x:.1f},{y:.1f})">{teken}</g>')
        delen.append(tekst(x + 23, y + 11, naam))
        x += breedte + 6
    return "".join(delen), y + 22


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
    breedte: int = SMAL  # SMAL in a grid column, BREED across the page; never more
    hoogte: int = 280  # of the plot and its legend; wrapped labels add to it

    @property
    def breed(self) -> bool:
        """Wide charts take the full width of the page rather than one column."""
        return self.breedte > SMAL

    @property
    def heeft_waarden(self) -> bool:
        return any(v is not None for r in self.reeksen for v in r.waarden)

    @property
    def beschrijving(self) -> str:
        delen = [f"Staafdiagram: {self.titel}.{eenheid_zin(self.eenheid)}"]
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

    def _as(self) -> tuple[float, float, float]:
        getallen = [float(v) for r in self.reeksen for v in r.waarden if v is not None]
        getallen += [float(n.waarde) for n in self.normlijnen]
        return waardeas(min([0.0, *getallen]), max([0.0, *getallen]))

    def _legenda(self) -> list[tuple[str, str]]:
        items = [(r.naam, vlak(self.id, r.stijl)) for r in self.reeksen]
        return items + [(n.label, normstreep()) for n in self.normlijnen]

    def _waardelabels(self, staaf_b: float) -> tuple[bool, float]:
        """Whether the values stand upright (too wide to stand level above their bar), and
        the room they take above the highest bar."""
        langste = max(
            (
                tekstbreedte(opmaak(v, self.eenheid))
                for r in self.reeksen
                for v in r.waarden
                if v is not None
            ),
            default=0.0,
        )
        staand = langste > staaf_b + 4
        return staand, (langste + 8 if staand else REGEL + 4)

    @property
    def svg(self) -> SafeString:
        if not self.heeft_waarden:
            return zonder_waarden(
                self.id, self.titel, self.beschrijving, "Nog geen cijfers om te tekenen."
            )
        as_ = self._as()
        laag, hoog, _ = as_
        links, rechts = tiklabelbreedte(as_, self.eenheid) + 12, 8
        n, m = max(len(self.categorieen), 1), max(len(self.reeksen), 1)
        # A few bars keep their width instead of standing as slivers in a wide empty box.
        groep_b = min((min(self.breedte, BREED) - links - rechts) / n, 64 * m + 56)
        vlak_b = groep_b * n
        breedte = max(links + vlak_b + rechts, 360)
        staaf_b = min(groep_b * 0.8 / m, 56)
        legenda_svg, legenda_h = legenda(self._legenda(), 0, breedte)
        staand, ruimte = self._waardelabels(staaf_b)
        labels = [regels(c, groep_b - 6) for c in self.categorieen]
        boven = legenda_h + REGEL + ruimte
        vlak_h = max(self.hoogte - 100, 140)
        hoogte = boven + vlak_h + 10 + REGEL * max(len(r) for r in labels) + 4

        def y(waarde: float) -> float:
            return boven + vlak_h * (hoog - waarde) / (hoog - laag)

        delen = [_svg_open(self.id, breedte, hoogte, self.titel, self.beschrijving), legenda_svg]
        delen.append(tekst(0, legenda_h + 10, eenheid_woord(self.eenheid), font_style="italic"))
        delen += rasterlijnen(as_, links, vlak_b, y, self.eenheid)
        for i, categorie_regels in enumerate(labels):
            start = links + groep_b * i + (groep_b - staaf_b * m) / 2
            for j, reeks in enumerate(self.reeksen):
                if reeks.waarden[i] is not None:
                    delen.append(self._staaf(start + staaf_b * j, staaf_b, reeks, i, y, staand))
            midden = links + groep_b * (i + 0.5)
            for k, regel in enumerate(categorie_regels):
                delen.append(tekst(midden, boven + vlak_h + 18 + REGEL * k, regel, "middle"))
        delen.append(
            f'<line x1="{links}" x2="{links + vlak_b}" y1="{y(0):.1f}" y2="{y(0):.1f}" '
            f'stroke="{ASKLEUR}" stroke-width="1.5"/>'
        )
        for norm in self.normlijnen:
            ny = y(float(norm.waarde))
            delen.append(
                f'<line x1="{links}" x2="{links + vlak_b}" y1="{ny:.1f}" y2="{ny:.1f}" '
                f'stroke="{NORMKLEUR}" stroke-width="2" stroke-dasharray="6 4"/>'
            )
        delen.append("</svg>")
        return mark_safe("".join(delen))  # every text part above is escaped

    def _staaf(self, x: float, staaf_b: float, reeks: Reeks, i: int, y, staand: bool) -> str:
        """One bar with its value above it (below it when negative), upright when narrow."""
        waarde = reeks.waarden[i]
        vulling, rand = STIJLEN[reeks.stijl]
        top, basis = y(max(float(waarde), 0)), y(min(float(waarde), 0))
        midden, label = x + staaf_b / 2 - 1, opmaak(waarde, self.eenheid)
        staaf = (
            f'<rect x="{x:.1f}" y="{top:.1f}" width="{staaf_b - 2:.1f}" '
            f'height="{max(basis - top, 0.5):.1f}" fill="{vulling.format(id=self.id)}" '
            f'stroke="{rand}" stroke-width="1.5"/>'
        )
        if not staand:
            ly = top - 5 if waarde >= 0 else basis + REGEL
            return staaf + tekst(midden, ly, label, "middle")
        ly = top - 5 if waarde >= 0 else basis + 5
        return staaf + tekst(
            midden + 4,
            ly,
            label,
            "start" if waarde >= 0 else "end",
            transform=f"rotate(-90 {midden + 4:.1f} {ly:.1f})",
        )


@dataclass
class Voortgangsregel:
    naam: str
    gerealiseerd: Decimal | None
    streefwaarde: Decimal | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    status: str = ""  # the status word, shown in the table and the text alternative
    eenheid: str = "aantal"

    @property
    def doel(self) -> str:
        def f(waarde):
            return opmaak(waarde, self.eenheid)

        if self.minimum is not None and self.maximum is not None:
            return f"{f(self.minimum)} tot {f(self.maximum)}"
        if self.minimum is not None:
            return f"minimaal {f(self.minimum)}"
        if self.maximum is not None:
            return f"maximaal {f(self.maximum)}"
        return f(self.streefwaarde) if self.streefwaarde is not None else "–"

    @property
    def getallen(self) -> list[float]:
        return [
            float(v)
            for v in (self.gerealiseerd, self.streefwaarde, self.minimum, self.maximum)
            if v is not None
        ]


@dataclass
class Voortgangsdiagram:
    """Horizontal bars of realised values against a target (a tick) or a range (a band), one
    row per result: its name over the full width above its bar, so a long name wraps and is
    never cut; every value written at its mark; one unit per chart (`resultaatgrafieken`)."""

    id: str
    titel: str
    regels: list[Voortgangsregel]
    eenheid: str = "aantal"
    breedte: int = BREED
    breed = True

    @property
    def beschrijving(self) -> str:
        delen = [f"Voortgangsdiagram: {self.titel}.{eenheid_zin(self.eenheid)}"]
        for r in self.regels:
            delen.append(
                f"{r.naam}: gerealiseerd {opmaak(r.gerealiseerd, self.eenheid)}, doel {r.doel}"
                + (f", {r.status}." if r.status else ".")
            )
        return " ".join(delen)

    @property
    def tabel(self) -> tuple[list[str], list[list[str]]]:
        kop = ["Resultaat", "Doel", "Gerealiseerd", "Status"]
        return kop, [
            [r.naam, r.doel, opmaak(r.gerealiseerd, self.eenheid), r.status] for r in self.regels
        ]

    @property
    def svg(self) -> SafeString:
        if not any(r.getallen for r in self.regels):
            return zonder_waarden(
                self.id,
                self.titel,
                self.beschrijving,
                "Nog geen doelen of realisaties met getallen.",
            )
        links, rechts = 8, 8
        vlak_b = self.breedte - links - rechts
        as_ = waardeas(0.0, max([1.0, *(g for r in self.regels for g in r.getallen)]))
        hoog = as_[1]

        def x(waarde) -> float:
            return links + vlak_b * max(float(waarde), 0.0) / hoog

        items = [
            ("gerealiseerd", vlak(self.id, "realisatie")),
            ("doel", f'<rect x="5" y="-2" width="3" height="16" fill="{NORMKLEUR}"/>'),
            (
                "bandbreedte",
                f'<rect width="12" height="12" fill="{BANDKLEUR}" stroke="{ASKLEUR}"/>',
            ),
        ]
        legenda_svg, y = legenda(items, 0, self.breedte)
        raster_top = y
        rijen = []
        for r in self.regels:
            rij, y = self._rij(r, x, y + 6, vlak_b)
            rijen.append(rij)
        as_y = y + 4
        hoogte = as_y + 2 * REGEL + 10
        delen = [_svg_open(self.id, self.breedte, hoogte, self.titel, self.beschrijving)]
        delen.append(legenda_svg)
        for tik in tikken(as_):
            tx = x(tik)
            anker = "start" if tik == 0 else ("end" if tik == hoog else "middle")
            delen.append(
                f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="{raster_top}" y2="{as_y + 5}" '
                f'stroke="#d0d7e1"/>' + tekst(tx, as_y + 18, tiklabel(tik, self.eenheid), anker)
            )
        delen += rijen
        delen.append(
            f'<line x1="{links}" x2="{links + vlak_b}" y1="{as_y}" y2="{as_y}" '
            f'stroke="{ASKLEUR}" stroke-width="1.5"/>'
            + tekst(
                links + vlak_b,
                as_y + 18 + REGEL,
                eenheid_woord(self.eenheid),
                "end",
                font_style="italic",
            )
        )
        delen.append("</svg>")
        return mark_safe("".join(delen))  # every text part above is escaped

    def _rij(self, r: Voortgangsregel, x, y: float, vlak_b: float) -> tuple[str, float]:
        """One result: its name, then its band, target tick and bar with their values under
        and beside them; returns the SVG and where the next row starts."""
        links = x(0)
        delen = [
            tekst(links, y + 12 + REGEL * k, regel)
            for k, regel in enumerate(regels(r.naam, vlak_b))
        ]
        if r.gerealiseerd is None:  # on a line of its own, clear of the band and the tick
            delen.append(
                tekst(
                    links, y + 12 + REGEL * len(delen), "nog geen realisatie", font_style="italic"
                )
            )
        y += 12 + REGEL * (len(delen) - 1) + 8
        onder = y + 24 + 13
        if r.minimum is not None or r.maximum is not None:
            van = x(r.minimum or 0)
            tot = x(r.maximum) if r.maximum is not None else links + vlak_b
            delen.append(
                f'<rect x="{van:.1f}" y="{y:.1f}" width="{max(tot - van, 2):.1f}" height="24" '
                f'fill="{BANDKLEUR}" stroke="{ASKLEUR}"/>'
                + tekst((van + tot) / 2, onder, r.doel.replace(" tot ", "–"), "middle")
            )
        if r.streefwaarde is not None:
            sx = x(r.streefwaarde)
            anker = "end" if sx > links + vlak_b - 40 else "start" if sx < links + 40 else "middle"
            delen.append(
                f'<line x1="{sx:.1f}" x2="{sx:.1f}" y1="{y - 3:.1f}" y2="{y + 27:.1f}" '
                f'stroke="{NORMKLEUR}" stroke-width="3"/>'
                + tekst(sx, onder, f"doel {opmaak(r.streefwaarde, self.eenheid)}", anker)
            )
        if r.gerealiseerd is not None:
            gx, label = x(r.gerealiseerd), opmaak(r.gerealiseerd, self.eenheid)
            binnen = gx + 6 + tekstbreedte(label) > links + vlak_b
            delen.append(
                f'<rect x="{links:.1f}" y="{y + 6:.1f}" width="{max(gx - links, 1):.1f}" '
                f'height="12" fill="{STIJLEN["realisatie"][0]}"/>'
                + (
                    tekst(gx - 4, y + 16, label, "end", fill="#ffffff", font_weight="bold")
                    if binnen
                    else tekst(gx + 5, y + 16, label, font_weight="bold")
                )
            )
        return "".join(delen), onder + 14


def resultaatgrafieken(grafiek_id: str, titel: str, regels_: list[Voortgangsregel]):
    """The results of one action line, one chart per unit: each has its own scale."""
    groepen = per_eenheid(regels_, lambda r: r.eenheid)
    return [
        Voortgangsdiagram(
            id=grafiek_id if len(groepen) == 1 else f"{grafiek_id}-{eenheid}",
            titel=titel if len(groepen) == 1 else f"{titel} ({eenheid_woord(eenheid)})",
            regels=groep,
            eenheid=eenheid,
        )
        for eenheid, groep in groepen.items()
    ]
