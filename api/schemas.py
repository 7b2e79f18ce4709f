"""What the API answers, field by field, with the Dutch description the OpenAPI document
shows. Amounts are text (`"1234.50"`): a decimal point, exactly as stored, no cent lost to a
floating-point number."""

import datetime
from typing import Literal

from ninja import Field, Schema

Getal = str | None  # an amount as text, see the module docstring

DOSSIERSOORT = Literal["afspraak", "regiodeal", "project"]
RAPPORTSTATUS = Literal["concept", "voorgelegd", "definitief"]
CIJFERSTATUS = Literal[
    "op_schema",
    "achter",
    "voor",
    "gehaald",
    "niet_gehaald",
    "norm_niet_gehaald",
    "geen_realisatie",
    "geen_plan",
]


class Link(Schema):
    href: str = Field(description="Volledige URL.")


class Lijstlinks(Schema):
    self: Link = Field(description="Deze pagina.")
    next: Link | None = Field(None, description="De volgende pagina; leeg op de laatste.")
    prev: Link | None = Field(None, description="De vorige pagina; leeg op de eerste.")


class Organisatieverwijzing(Schema):
    slug: str = Field(description="Vaste korte naam van de organisatie, te gebruiken in filters.")
    naam: str = Field(description="Naam van de organisatie.")


class Partij(Schema):
    organisatie: Organisatieverwijzing = Field(description="De organisatie.")
    rol: str = Field(
        description="Rol in het dossier: partij, partner, aanvrager, deelnemer, "
        "ondersteuner of financier."
    )
    omschrijving: str = Field(description="Nadere omschrijving van de rol, bv. regiokassier.")
    levert_cijfers: bool = Field(description="Of de partij cijfers aanlevert.")


class Onderdeel(Schema):
    nummer: str = Field(description="Nummer van het thema, de lijn of actielijn in het dossier.")
    titel: str = Field(description="Titel van het thema, de lijn of actielijn.")
    hoofdonderdeel: str | None = Field(
        description="Nummer van het onderdeel waaronder dit valt (een project onder een "
        "actielijn); leeg voor een hoofdonderdeel."
    )


class Dossier(Schema):
    slug: str = Field(description="Vaste korte naam van het dossier, te gebruiken in filters.")
    soort: DOSSIERSOORT = Field(
        description="Soort dossier: prestatieafspraken (afspraak), Regio Deal of project."
    )
    titel: str = Field(description="Volledige titel.")
    naam: str = Field(description="Korte naam, zoals in tabellen.")
    startdatum: datetime.date | None = Field(description="Begin van de looptijd.")
    einddatum: datetime.date | None = Field(description="Einde van de looptijd; leeg: open.")
    in_opbouw: bool = Field(
        description="Nog in opbouw: alleen zichtbaar voor wie het inricht, nog geen cijfers."
    )
    penvoerder: Organisatieverwijzing = Field(
        description="De organisatie die het dossier trekt; haar coördinatoren beheren het."
    )
    tranche: int | None = Field(description="Nummer van de tranche (alleen Regio Deals).")
    voorganger: str | None = Field(description="Slug van het dossier van de vorige periode.")
    partijen: list[Partij] = Field(description="De deelnemende organisaties met hun rol.")
    themas: list[Onderdeel] = Field(
        description="Thema's, lijnen, actielijnen en projecten van het dossier."
    )
    streefdoelen: list["Streefdoel"] = Field(
        description="De doelen van het dossier zonder item (mijlpalen, effecten); de doelen "
        "op een item staan bij dat item."
    )
    links: dict[str, Link] = Field(
        alias="_links",
        description="Verwijzingen: self, de items, cijfers en bevindingen van dit dossier.",
    )


class Dossierlijst(Schema):
    links: Lijstlinks = Field(alias="_links", description="Paginering.")
    resultaten: list[Dossier] = Field(description="De dossiers op deze pagina.")


class Streefdoel(Schema):
    soort: str = Field(
        description="Soort doel: per_jaar, looptijd (over de looptijd), bandbreedte, "
        "mijlpaal of effect."
    )
    omschrijving: str = Field(description="Het doel in woorden.")
    organisatie: str | None = Field(
        description="Slug van de organisatie waarvan alleen de eigen cijfers tellen; leeg: "
        "het hele item."
    )
    waarde: Getal = Field(description="Streefwaarde (per jaar, over de looptijd of effect).")
    minimum: Getal = Field(description="Ondergrens van een bandbreedte.")
    maximum: Getal = Field(description="Bovengrens van een bandbreedte.")
    per_jaar: bool = Field(description="Bandbreedte per jaar (anders over de jaren samen).")
    van_jaar: int | None = Field(description="Eerste jaar van het doel; leeg: de looptijd.")
    tot_en_met_jaar: int | None = Field(description="Laatste jaar; leeg: de looptijd.")
    eenheid: str = Field(description="Eenheid van een doel zonder item.")
    richting: str = Field(description="hoger of lager is beter; leeg: die van het item.")
    deadline: datetime.date | None = Field(description="Uiterlijke datum van een mijlpaal.")
    bereikt_op: datetime.date | None = Field(description="Datum waarop de mijlpaal is bereikt.")
    referentie: str = Field(description="Waarmee een effectdoel vergeleken wordt.")
    referentiewaarde: Getal = Field(description="Het niveau van de referentie.")
    nulmeting: Getal = Field(description="De nulmeting van een effectdoel.")
    nulmeting_jaar: int | None = Field(description="Het jaar van de nulmeting.")
    bron: str = Field(description="Bron van de metingen van een effectdoel.")
    vervallen: bool = Field(description="Door een wijziging ingetrokken: wordt niet beoordeeld.")


class Item(Schema):
    id: int = Field(description="Nummer van het item.")
    dossier: str = Field(description="Slug van het dossier.")
    code: str = Field(description="Code van het item, uniek in het dossier (de importsleutel).")
    naam: str = Field(description="Naam van het item.")
    thema: str | None = Field(description="Nummer van het thema of de actielijn.")
    eenheid: str = Field(description="Eenheid: aantal, euro of procent.")
    richting: str = Field(description="hoger of lager is beter.")
    meetdefinitie: str = Field(description="Hoe het item gemeten wordt.")
    uitsplitsing: str = Field(description="geen, per organisatie of per locatie.")
    deel_van: str | None = Field(description="Code van het item waarvan dit een deel is.")
    uitsplitsing_van: str | None = Field(description="Code van het item dat dit uitsplitst.")
    laatste_jaar: int | None = Field(description="Beëindigd na dit jaar; leeg: loopt.")
    streefdoelen: list[Streefdoel] = Field(description="De doelen op dit item, van elke soort.")


class Itemlijst(Schema):
    links: Lijstlinks = Field(alias="_links", description="Paginering.")
    resultaten: list[Item] = Field(description="De items op deze pagina.")


class Locatie(Schema):
    id: int = Field(description="Nummer van de locatie (kern of wijk).")
    naam: str = Field(description="Naam van de locatie.")


class Cijfer(Schema):
    id: int = Field(description="Nummer van de cel (het plancijfer, of de realisatie zonder plan).")
    dossier: str = Field(description="Slug van het dossier.")
    item: str = Field(description="Code van het item.")
    item_naam: str = Field(description="Naam van het item.")
    eenheid: str = Field(description="Eenheid: aantal, euro of procent.")
    jaar: int = Field(description="Het jaar.")
    organisatie: Organisatieverwijzing | None = Field(
        description="De organisatie van een cijfer per organisatie; leeg voor het totaal."
    )
    locatie: Locatie | None = Field(description="De locatie van een cijfer per locatie.")
    plan: Getal = Field(description="Het plancijfer; leeg als er geen (zichtbaar) plan is.")
    realisatie: Getal = Field(
        description="De realisatie; leeg als er geen (zichtbare) realisatie is."
    )
    status: CIJFERSTATUS = Field(
        description="Realisatie tegenover plan (binnen 15 %: op_schema), of tegenover het "
        "deel van een doel over de looptijd dat dit jaar bereikt moest zijn."
    )


class Cijferlijst(Schema):
    links: Lijstlinks = Field(alias="_links", description="Paginering.")
    resultaten: list[Cijfer] = Field(description="De cijfers op deze pagina.")


class Bevinding(Schema):
    regel: str = Field(description="De regel die niet klopt, bv. som of norm.")
    item: str = Field(description="Code van het item.")
    jaar: int = Field(description="Het jaar.")
    soort: str = Field(description="plan of realisatie.")
    wie: str | None = Field(description="Organisatie of locatie; leeg voor het totaal.")
    wat: str = Field(description="De bevinding in woorden.")
    verwacht: str = Field(description="Wat de regel verwacht.")
    gevonden: str = Field(description="Wat er staat.")


class Bevindingenlijst(Schema):
    links: Lijstlinks = Field(alias="_links", description="Verwijzing naar deze lijst.")
    resultaten: list[Bevinding] = Field(
        description="Alle bevindingen van het dossier, op de cijfers die u mag zien."
    )


class Rapportversie(Schema):
    id: int = Field(description="Nummer van de versie in de API.")
    onderwerp: str = Field(description="Het dossier of de tranche van de rapportage.")
    dossier: str | None = Field(description="Slug van het dossier; leeg voor een tranche.")
    tranche: int | None = Field(description="Nummer van de tranche; leeg voor een dossier.")
    jaar: int = Field(description="Het jaar waarover gerapporteerd wordt.")
    rapportstatus: str = Field(
        description="Status van de rapportage nu: concept, voorgelegd, definitief."
    )
    versie: int = Field(description="Volgnummer van de versie in de rapportage.")
    status: str = Field(description="Status van de rapportage toen deze versie gemaakt werd.")
    gemaakt_op: datetime.datetime = Field(description="Wanneer de versie gemaakt is.")
    taak: str = Field(description="Het maken: wachtend, bezig, klaar of mislukt.")
    links: dict[str, Link] = Field(
        alias="_links", description="De PDF en de Excel-werkmap van deze versie (als klaar)."
    )


class Rapportversielijst(Schema):
    links: Lijstlinks = Field(alias="_links", description="Paginering.")
    resultaten: list[Rapportversie] = Field(description="De versies op deze pagina.")


class Kostenregel(Schema):
    id: int = Field(description="Nummer van de regel.")
    dossier: str = Field(description="Slug van de Regio Deal.")
    tranche: int | None = Field(description="Nummer van de tranche van de deal.")
    post: str = Field(description="De financieringspost: actielijn of uitvoeringskosten.")
    jaar: int = Field(description="Het jaar.")
    bron: str = Field(description="rijk, regionaal_publiek of regionaal_privaat.")
    bedrag: str = Field(description="Gerealiseerde kosten in euro.")


class Kostenlijst(Schema):
    links: Lijstlinks = Field(alias="_links", description="Paginering.")
    resultaten: list[Kostenregel] = Field(description="De kostenregels op deze pagina.")


Dossier.model_rebuild()
Dossierlijst.model_rebuild()
