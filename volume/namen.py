"""Made-up but Dutch-looking names, the same for the same number every time."""

VOOR = ["Noord", "Zuid", "Oost", "West", "Groot", "Klein", "Nieuw", "Oud", "Hoog", "Laag"]
STAM = [
    "broek", "veen", "dam", "hoven", "wijk", "dijk", "horst", "lo", "zijl", "kerk",
    "haven", "berg", "rade", "drecht", "sloot", "woude", "hem", "mond", "beek", "geest",
]  # fmt: skip
CORPORATIE = ["Woonstichting", "Woongoed", "Wonen", "Woonbron", "Thuis"]
WIJK = ["Centrum", "Oost", "West", "Noord", "Zuid", "Haven", "Dorp", "Veld", "Hof", "Park"]
PROVINCIES = [
    "Noordmark", "Zuidveld", "Oostland", "Westerkwartier", "Middenmeer", "Hoogland",
    "Laagland", "Kustland", "Rivierland", "Heuvelland", "Veenland", "Merenland",
]  # fmt: skip
MINISTERIES = [
    "Ministerie van Wonen en Ruimte",
    "Ministerie van Regio en Economie",
    "Ministerie van Werk en Zorg",
    "Ministerie van Veiligheid en Bestuur",
    "Ministerie van Onderwijs en Jeugd",
]


def plaats(nummer: int) -> str:
    """Noordbroek, Zuidbroek, …; after 200 places the same with a number (Noordbroek 2)."""
    basis = f"{VOOR[nummer % len(VOOR)]}{STAM[(nummer // len(VOOR)) % len(STAM)]}"
    ronde = nummer // (len(VOOR) * len(STAM))
    return f"{basis} {ronde + 1}" if ronde else basis


def corporatie(nummer: int) -> str:
    return f"{CORPORATIE[nummer % len(CORPORATIE)]} {plaats(nummer * 7 + 3)}"
