"""The OpenAPI document as plain lists for the documentation page."""


def _schema(schema: dict, ref: dict) -> dict:
    naam = ref.get("$ref", "").rsplit("/", 1)[-1]
    return schema["components"]["schemas"].get(naam, {})


def velden(schema: dict, onderdeel: dict, diepte: int = 0) -> list[dict]:
    """The fields of a response schema, nested ones indented, with their description."""
    rijen = []
    for naam, veld in onderdeel.get("properties", {}).items():
        doel = veld
        if "items" in veld:
            doel = veld["items"]
        for keuze in veld.get("anyOf", []):
            if "$ref" in keuze or "items" in keuze:
                doel = keuze.get("items", keuze)
        rijen.append({"naam": naam, "beschrijving": veld.get("description", ""), "diepte": diepte})
        if "$ref" in doel and diepte < 2:
            rijen.extend(velden(schema, _schema(schema, doel), diepte + 1))
    return rijen


def endpoints(schema: dict) -> list[dict]:
    lijst = []
    for pad, methoden in schema["paths"].items():
        for methode, operatie in methoden.items():
            goed = operatie["responses"].get(200) or operatie["responses"]["200"]
            antwoord = goed["content"]["application/json"]["schema"]
            lijst.append(
                {
                    "pad": pad,
                    "methode": methode.upper(),
                    "titel": operatie.get("summary", ""),
                    "beschrijving": operatie.get("description", ""),
                    "parameters": [
                        {
                            "naam": p["name"],
                            "waar": "pad" if p["in"] == "path" else "query",
                            "beschrijving": p.get("description", ""),
                        }
                        for p in operatie.get("parameters", [])
                    ],
                    "velden": velden(schema, _schema(schema, antwoord)),
                }
            )
    return lijst
