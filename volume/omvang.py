"""How much data a scale means (issue 11): scale 1 is the Netherlands.

About 350 prestatieafspraken (a gemeente with three corporations each, 40 items, 10 years:
some 735.000 figures), 80 Regio Deals (10 action lines, 20 intended results each) and 2.000
projects (20 locations each). Scale 0,1 is a tenth, scale 10 ten times as many dossiers; a
dossier itself keeps the same size, as in reality: more data means more dossiers.
"""

from dataclasses import dataclass, replace

LANDELIJK = {"afspraken": 350, "corporaties": 280, "deals": 80, "projecten": 2000}


@dataclass(frozen=True)
class Omvang:
    afspraken: int
    corporaties: int
    deals: int
    projecten: int
    # the shape of one dossier
    themas: int = 5
    items_per_thema: int = 8
    jaren: int = 10
    corporaties_per_afspraak: int = 3
    actielijnen: int = 10
    resultaten: int = 20
    deal_jaren: int = 4
    locaties: int = 20
    output_items: int = 2
    project_jaren: int = 2

    @classmethod
    def schaal(cls, schaal: float, **vorm) -> "Omvang":
        """Every count times `schaal`, at least one (three corporations). `vorm` changes the
        shape of a dossier, for tests that need small ones."""
        if schaal <= 0:
            raise ValueError("De schaal is groter dan 0.")
        aantallen = {naam: max(1, round(n * schaal)) for naam, n in LANDELIJK.items()}
        omvang = replace(cls(**aantallen), **vorm)
        return replace(omvang, corporaties=max(omvang.corporaties_per_afspraak, omvang.corporaties))

    @property
    def gemeenten(self) -> int:
        return self.afspraken  # one agreement per municipality

    def soort_item(self, k: int) -> str:
        """The place of the k-th item of a theme: a total with two parts, items split per
        corporation with a reported total, and items split without one."""
        if k == 0:
            return "totaal"
        if k <= 2:
            return "deel"
        return "gesplitst_met_totaal" if k <= 5 else "gesplitst"

    def is_termijnitem(self, thema: int, k: int) -> bool:
        """Promised over the term, without a yearly plan: in the first theme, the first item
        split with a reported total (a target for the whole) and the first split without one
        (a target per corporation)."""
        return thema == 1 and k in (3, 6)

    def cijfers(self) -> int:
        """How many figures the generator makes."""
        per_soort = {
            "totaal": 1,
            "deel": 1,
            "gesplitst_met_totaal": self.corporaties_per_afspraak + 1,
            "gesplitst": self.corporaties_per_afspraak,
        }
        per_thema = sum(per_soort[self.soort_item(k)] for k in range(self.items_per_thema))
        zonder_plan = sum(
            per_soort[self.soort_item(k)]
            for k in range(self.items_per_thema)
            if self.is_termijnitem(1, k)
        )
        afspraken = self.afspraken * (self.themas * per_thema * 2 - zonder_plan) * self.jaren
        deals = self.deals * self.resultaten * self.deal_jaren * 2
        projecten = self.projecten * self.locaties * self.output_items * self.project_jaren * 2
        return afspraken + deals + projecten
