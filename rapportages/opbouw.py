"""A report's shape: its chapters and the context its templates draw from."""

from dataclasses import dataclass, field

from .models import Rapport


@dataclass
class Hoofdstuk:
    """A section of the report: its title and the name of the template part that draws it."""

    titel: str
    deel: str
    anker: str


@dataclass
class Inhoud:
    rapport: Rapport
    hoofdstukken: list[Hoofdstuk] = field(default_factory=list)
    context: dict = field(default_factory=dict)

    def as_context(self) -> dict:
        return {"rapport": self.rapport, "hoofdstukken": self.hoofdstukken, **self.context}
