"""The agreement page and the entry grid run as many queries with 30 years as with 3."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from afspraken.models import Afspraak, Afspraakpunt
from core.models import Indicator, Jaaropgave, Onderdeel, Organisatie, Rol, Waarde


def maak_afspraak(jaren: int, tag: str, organisatie_factory) -> Afspraak:
    gemeente = organisatie_factory(f"Gemeente {tag}", Organisatie.Soort.GEMEENTE)
    corporaties = [organisatie_factory(f"Corporatie {tag}{i}") for i in range(3)]
    afspraak = Afspraak.objects.create(
        titel=f"Afspraken {tag}",
        slug=f"afspraken-{tag}",
        penvoerder=gemeente,
        soort_afspraak="prestatieafspraken",
        startdatum="1990-01-01",
        einddatum="2030-12-31",
    )
    for org in [gemeente, *corporaties]:
        afspraak.partijen.create(organisatie=org, rol="partij")
    thema = Onderdeel.objects.create(dossier=afspraak, nummer="1", titel="Wonen")
    for i in range(jaren):  # the number of items grows with the size too
        Afspraakpunt.objects.create(
            afspraak=afspraak, onderdeel=thema, soort="afspraak", titel=f"Actieplan {i}"
        )
    totaal = Indicator.objects.create(
        dossier=afspraak, onderdeel=thema, code="totaal", naam="Totaal", eenheid="aantal"
    )
    delen = [
        Indicator.objects.create(
            dossier=afspraak,
            onderdeel=thema,
            code=f"deel{i}",
            naam=f"Deel {i}",
            eenheid="aantal",
            deel_van=totaal,
            uitsplitsing="organisatie",
        )
        for i in range(4)
    ]
    waarden = []
    for jaar in range(2000, 2000 + jaren):
        for soort in ("plan", "realisatie"):
            waarden.append(Waarde(indicator=totaal, jaar=jaar, soort=soort, waarde=100))
            for deel in delen:
                for corporatie in corporaties:
                    waarden.append(
                        Waarde(
                            indicator=deel, jaar=jaar, soort=soort, organisatie=corporatie, waarde=8
                        )
                    )
            Jaaropgave.objects.create(
                dossier=afspraak,
                organisatie=corporaties[0],
                jaar=jaar,
                soort=soort,
                status="ingediend",
            )
    Waarde.objects.bulk_create(waarden)
    return afspraak


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_agreement_page_queries_do_not_grow_with_the_years(
    client, organisatie_factory, user_factory
):
    klein = maak_afspraak(3, "k", organisatie_factory)
    groot = maak_afspraak(30, "g", organisatie_factory)
    client.force_login(user_factory("lezer", klein.penvoerder, Rol.BESTUURDER))

    assert count_queries(client, klein.get_absolute_url()) == count_queries(
        client, groot.get_absolute_url()
    )


def test_entry_grid_queries_do_not_grow_with_the_years(client, organisatie_factory, user_factory):

    klein = maak_afspraak(3, "k", organisatie_factory)
    groot = maak_afspraak(30, "g", organisatie_factory)
    beheerder = user_factory("beheer", None, Rol.BEHEERDER)
    client.force_login(beheerder)

    def grid(afspraak):
        corporatie = afspraak.partijen.exclude(organisatie=afspraak.penvoerder).first().organisatie
        url = reverse("core:invoer", args=[afspraak.slug, 2002, "realisatie"])
        return f"{url}?organisatie={corporatie.slug}"

    assert count_queries(client, grid(klein)) == count_queries(client, grid(groot))


def test_agreement_list_queries_do_not_grow_with_the_agreements(
    client, organisatie_factory, user_factory
):
    maak_afspraak(1, "a", organisatie_factory)
    client.force_login(user_factory("lezer", None, Rol.BESTUURDER))
    een = count_queries(client, reverse("afspraken:list"))
    for tag in "bcdefghij":
        maak_afspraak(1, tag, organisatie_factory)

    assert count_queries(client, reverse("afspraken:list")) == een
    assert een <= 6
