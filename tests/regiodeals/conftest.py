from decimal import Decimal

import pytest

from core.models import Onderdeel, Organisatie
from regiodeals.models import Financieringspost, Regiodeal, Tranche

MLN = Decimal(1_000_000)


@pytest.fixture
def tranche(db):
    return Tranche.objects.create(
        nummer=9,
        naam="Proeftranche",
        envelop=50 * MLN,
        minimale_rijksbijdrage=5 * MLN,
        maximale_rijksbijdrage=40 * MLN,
    )


@pytest.fixture
def deal_factory(db, tranche, organisatie_factory):
    def make(naam: str, bedrag: Decimal, regio_bedrag: Decimal | None = None, vat=Decimal("0.25")):
        kassier = organisatie_factory(f"Gemeente {naam}", Organisatie.Soort.GEMEENTE)
        deal = Regiodeal.objects.create(
            titel=f"Regio Deal {naam}",
            slug=f"rd-{naam.lower()}",
            penvoerder=kassier,
            tranche=tranche,
            landsdeel="noord",
            maximale_rijksbijdrage=bedrag,
        )
        lijn = Onderdeel.objects.create(dossier=deal, nummer="1", titel="Werken")
        rijk = bedrag - vat * MLN
        Financieringspost.objects.create(
            regiodeal=deal,
            actielijn=lijn,
            naam="Werken",
            maximale_rijksbijdrage=rijk,
            minimale_regionale_financiering=rijk if regio_bedrag is None else regio_bedrag,
        )
        Financieringspost.objects.create(
            regiodeal=deal,
            naam="Uitvoeringskosten (VAT)",
            is_uitvoeringskosten=True,
            maximale_rijksbijdrage=vat * MLN,
            minimale_regionale_financiering=vat * MLN,
            volgorde=9,
        )
        return deal

    return make
