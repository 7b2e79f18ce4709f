"""Why a login through an organisation's provider is refused, in words for the user."""


class Geweigerd(Exception):
    """A refused login: `reden` is shown to the user (Dutch), `code` goes in the log."""

    def __init__(self, reden: str, *, code: str, detail: str = "") -> None:
        super().__init__(reden)
        self.reden = reden
        self.code = code
        self.detail = detail


ONGELDIG = (
    "Het antwoord van de inlogdienst van uw organisatie kon niet worden gecontroleerd. "
    "Probeer opnieuw in te loggen."
)
