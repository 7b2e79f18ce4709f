"""The charts of a target (core.Streefdoel), drawn as SVG like the others (core.charts): a
bullet chart of one target's progress (`Doelbalk`) and the cumulative realisation against the
target line over the years (`Lijndiagram`). Each with its text alternative and data table.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.safestring import SafeString, mark_safe

from .charts import (
    ASKLEUR,
    BANDKLEUR,
    BREED,
    NORMKLEUR,
    REGEL,
    STIJLEN,
    Reeks,
    Staafdiagram,
    _svg_open,
    eenheid_woord,
    legenda,
    normstreep,
    opmaak,
    rasterlijnen,
    regels,
    tekst,
    tikken,
    tiklabel,
    tiklabelbreedte,
    waardeas,
    zonder_waarden,
)


@dataclass
class Doelbalk:
    """A bullet chart of one target: what is realised as a solid bar, the share due by the
    peiljaar as a hatched bar behind it, the target as a tick or a range as a band, on an axis
    with values. Its figures are also in the text alternative and the table."""

    id: str
    titel: str
    gerealiseerd: Decimal | None
    streefwaarde: Decimal | None = None
    verwacht: Decimal | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    eenheid: str = "aantal"
    status: str = ""
    peiljaar: int | None = None
    breedte: int = 480  # narrow: its words stay readable when a phone scales it down
    hoogte: int = 100
    breed = False

    @property
    def waarden(self) -> list[tuple[str, Decimal | None]]:
        tot = f" t/m {self.peiljaar}" if self.peiljaar else ""
        regels = [(f"Gerealiseerd{tot}", self.gerealiseerd)]
        if self.verwacht is not None:
            regels.append((f"Verwacht eind {self.peiljaar}", self.verwacht))
        if self.streefwaarde is not None:
            regels.append(("Doel", self.streefwaarde))
        if self.minimum is not None:
            regels.append(("Minimum", self.minimum))
        if self.maximum is not None:
            regels.append(("Maximum", self.maximum))
        return regels

    @property
    def beschrijving(self) -> str:
        delen = [f"{naam}: {opmaak(waarde, self.eenheid)}" for naam, waarde in self.waarden]
        if self.status:
            delen.append(f"status: {self.status}")
        return f"Voortgangsbalk: {self.titel}. " + "; ".join(delen) + "."

    @property
    def tabel(self) -> tuple[list[str], list[list[str]]]:
        rijen = [[naam, opmaak(waarde, self.eenheid)] for naam, waarde in self.waarden]
        if self.status:
            rijen.append(["Status", self.status])
        return ["", "Waarde"], rijen

    def _legenda(self) -> list[tuple[str, str]]:
        """The legend names every mark with its value: the value at every mark."""

        def f(waarde) -> str:
            return opmaak(waarde, self.eenheid)

        items = [
            (
                f"gerealiseerd {f(self.gerealiseerd)}"
                if self.gerealiseerd is not None
                else "nog geen realisatie",
                f'<rect width="12" height="12" fill="{STIJLEN["realisatie"][0]}"/>',
            )
        ]
        if self.verwacht is not None:
            items.append(
                (
                    f"verwacht eind {self.peiljaar}: {f(self.verwacht)}",
                    f'<rect width="12" height="12" fill="url(#{self.id}-arcering)" '
                    f'stroke="#00568b"/>',
                )
            )
        if self.streefwaarde is not None:
            items.append(
                (
                    f"doel {f(self.streefwaarde)}",
                    f'<rect x="5" y="-2" width="3" height="16" fill="{NORMKLEUR}"/>',
                )
            )
        if self.minimum is not None or self.maximum is not None:
            band = "–".join(f(w) for w in (self.minimum, self.maximum) if w is not None)
            if self.minimum is None or self.maximum is None:
                band = f"{'minimaal' if self.maximum is None else 'maximaal'} {band}"
            items.append(
                (
                    f"bandbreedte {band}",
                    f'<rect width="12" height="12" fill="{BANDKLEUR}" stroke="{ASKLEUR}"/>',
                )
            )
        return items

    @property
    def svg(self) -> SafeString:
        links, rechts, balk = 12, 28, 30
        vlak_b = self.breedte - links - rechts
        getallen = [float(w) for _, w in self.waarden if w is not None]
        as_ = waardeas(0.0, max([1.0, *getallen]))
        hoog = as_[1]

        def x(waarde) -> float:
            return links + vlak_b * max(float(waarde), 0.0) / hoog

        legenda_svg, boven = legenda(self._legenda(), links, self.breedte)
        boven += 6
        as_y = boven + balk + 6
        hoogte = as_y + 2 * REGEL + 8
        delen = [_svg_open(self.id, self.breedte, hoogte, self.titel, self.beschrijving)]
        delen.append(legenda_svg)
        if self.minimum is not None or self.maximum is not None:
            van = x(self.minimum or 0)
            tot = x(self.maximum) if self.maximum is not None else links + vlak_b
            delen.append(
                f'<rect x="{van:.1f}" y="{boven}" width="{max(tot - van, 2):.1f}" '
                f'height="{balk}" fill="{BANDKLEUR}" stroke="{ASKLEUR}"/>'
            )
        if self.verwacht is not None:
            delen.append(
                f'<rect x="{links}" y="{boven + 4}" width="{max(x(self.verwacht) - links, 1):.1f}" '
                f'height="{balk - 8}" fill="url(#{self.id}-arcering)" stroke="#00568b"/>'
            )
        if self.gerealiseerd is not None:
            delen.append(
                f'<rect x="{links}" y="{boven + 9}" '
                f'width="{max(x(self.gerealiseerd) - links, 1):.1f}" height="{balk - 18}" '
                f'fill="{STIJLEN["realisatie"][0]}"/>'
            )
        if self.streefwaarde is not None:
            sx = x(self.streefwaarde)
            delen.append(
                f'<line x1="{sx:.1f}" x2="{sx:.1f}" y1="{boven - 3}" y2="{boven + balk + 3}" '
                f'stroke="{NORMKLEUR}" stroke-width="3"/>'
            )
        delen.append(
            f'<line x1="{links}" x2="{links + vlak_b}" y1="{as_y}" y2="{as_y}" '
            f'stroke="{ASKLEUR}" stroke-width="1.5"/>'
        )
        for tik in tikken(as_):
            tx = x(tik)
            delen.append(
                f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="{as_y}" y2="{as_y + 5}" '
                f'stroke="{ASKLEUR}"/>'
                + tekst(tx, as_y + 18, tiklabel(tik, self.eenheid), "middle")
            )
        delen.append(
            tekst(
                links + vlak_b + rechts,
                as_y + 18 + REGEL,
                eenheid_woord(self.eenheid),
                "end",
                font_style="italic",
            )
        )
        delen.append("</svg>")
        return mark_safe("".join(delen))  # every text part above is escaped


LIJNSTIJL = {
    # stroke, dash pattern, marker: a plan or target line is dashed with squares.
    "plan": ("#00568b", "6 4", "vierkant"),
    "realisatie": ("#00568b", "", "rond"),
    "regio_plan": ("#8a3c00", "6 4", "vierkant"),
    "regio_realisatie": ("#8a3c00", "", "rond"),
}


@dataclass
class Lijndiagram(Staafdiagram):
    """Lines over the categories (years): a realisation solid with round points, a plan or
    target dashed with square points, each point labelled where the lines allow."""

    @property
    def beschrijving(self) -> str:
        return "Lijndiagram" + super().beschrijving.removeprefix("Staafdiagram")

    def _punt(self, x: float, y: float, stijl: str) -> str:
        kleur, _, vorm = LIJNSTIJL[stijl]
        if vorm == "vierkant":
            return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{kleur}"/>'
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{kleur}"/>'

    def _lijnlegenda(self) -> list[tuple[str, str]]:
        items = []
        for reeks in self.reeksen:
            kleur, streep, _ = LIJNSTIJL[reeks.stijl]
            items.append(
                (
                    reeks.naam,
                    f'<line x1="0" x2="18" y1="6" y2="6" stroke="{kleur}" stroke-width="2.5" '
                    f'stroke-dasharray="{streep}"/>' + self._punt(9, 6, reeks.stijl),
                )
            )
        return items + [(n.label, normstreep(streep="2 3")) for n in self.normlijnen]

    @property
    def svg(self) -> SafeString:
        if not self.heeft_waarden:
            return zonder_waarden(
                self.id, self.titel, self.beschrijving, "Nog geen cijfers om te tekenen."
            )
        getallen = [float(v) for r in self.reeksen for v in r.waarden if v is not None]
        getallen += [float(n.waarde) for n in self.normlijnen]
        as_ = waardeas(min([0.0, *getallen]), max([1.0, *getallen]) * 1.08)
        laag, hoog, _ = as_
        breedte = min(self.breedte, BREED)
        links, rechts = tiklabelbreedte(as_, self.eenheid) + 12, 24
        vlak_b = breedte - links - rechts
        stap_x = vlak_b / max(len(self.categorieen), 1)
        legenda_svg, legenda_h = legenda(self._lijnlegenda(), 0, breedte)
        boven = legenda_h + REGEL + 12
        vlak_h = max(self.hoogte - 100, 140)
        labels = [regels(c, stap_x - 4) for c in self.categorieen]
        hoogte = boven + vlak_h + 10 + REGEL * max([1, *map(len, labels)]) + 4

        def x(i: int) -> float:
            return links + stap_x * (i + 0.5)

        def y(waarde: float) -> float:
            return boven + vlak_h * (hoog - waarde) / (hoog - laag)

        delen = [_svg_open(self.id, breedte, hoogte, self.titel, self.beschrijving), legenda_svg]
        delen.append(tekst(0, legenda_h + 10, eenheid_woord(self.eenheid), font_style="italic"))
        delen += rasterlijnen(as_, links, vlak_b, y, self.eenheid)
        for i, categorie_regels in enumerate(labels):
            for k, regel in enumerate(categorie_regels):
                delen.append(tekst(x(i), boven + vlak_h + 18 + REGEL * k, regel, "middle"))
        for norm in self.normlijnen:
            ny = y(float(norm.waarde))
            delen.append(
                f'<line x1="{links}" x2="{links + vlak_b}" y1="{ny:.1f}" y2="{ny:.1f}" '
                f'stroke="{NORMKLEUR}" stroke-width="2" stroke-dasharray="2 3"/>'
            )
        for j, reeks in enumerate(self.reeksen):
            delen.append(self._lijn(reeks, j, x, y))
        delen.append(
            f'<line x1="{links}" x2="{links + vlak_b}" y1="{y(laag):.1f}" y2="{y(laag):.1f}" '
            f'stroke="{ASKLEUR}" stroke-width="1.5"/></svg>'
        )
        return mark_safe("".join(delen))  # every text part above is escaped

    def _lijn(self, reeks: Reeks, j: int, x, y) -> str:
        kleur, streep, _ = LIJNSTIJL[reeks.stijl]
        delen = []
        punten = [(x(i), y(float(v))) for i, v in enumerate(reeks.waarden) if v is not None]
        if len(punten) > 1:
            pad = " ".join(f"{px:.1f},{py:.1f}" for px, py in punten)
            delen.append(
                f'<polyline points="{pad}" fill="none" stroke="{kleur}" stroke-width="2.5" '
                f'stroke-dasharray="{streep}"/>'
            )
        for i, waarde in enumerate(reeks.waarden):
            if waarde is None:
                continue
            px, py = x(i), y(float(waarde))
            # Above the point where it is the highest of its year, else below it: two
            # lines' labels of one year never stand on top of each other.
            anderen = [r.waarden[i] for r in self.reeksen if r is not reeks]
            hoogste = all(a is None or waarde > a or (waarde == a and j == 0) for a in anderen)
            ly = py - 9 if hoogste else py + 19
            delen.append(
                self._punt(px, py, reeks.stijl)
                + tekst(px, ly, opmaak(waarde, self.eenheid), "middle")
            )
        return "".join(delen)
