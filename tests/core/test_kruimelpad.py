"""Breadcrumbs (NL Design System) on every page below the start page, from one mechanism."""

import re

from django.urls import reverse

from afspraken.models import Afspraakpunt


def kruimels(html: str) -> list[tuple[str, str | None]]:
    """(name, link) of each level; the current page has no link but aria-current."""
    nav = html.split('<nav class="utrecht-breadcrumb-nav pm-kruimelpad" aria-label="Kruimelpad">')
    if len(nav) < 2:
        return []
    lijst = nav[1].split("</nav>")[0]
    uit = []
    for li in re.findall(r"<li[^>]*>(.*?)</li>", lijst, re.S):
        link = re.search(r'<a [^>]*href="([^"]+)"[^>]*>([^<]*)</a>', li)
        if link:
            uit.append((link.group(2), link.group(1)))
        else:
            assert 'aria-current="page"' in li
            uit.append((re.sub(r"<[^>]+>", "", li).strip(), None))
    return uit


def test_an_agreement_item_shows_the_path_from_start_through_its_agreement(als):
    client = als("maasvallei")
    punt = Afspraakpunt.objects.filter(afspraak__slug="maastricht-2015").order_by("pk").first()
    url = reverse("afspraken:punt", args=["maastricht-2015", punt.pk])

    html = client.get(url).content.decode()

    assert kruimels(html) == [
        ("Start", "/"),
        ("Afspraken", "/afspraken/"),
        ("Maastricht 2015", "/afspraken/maastricht-2015/"),
        (punt.titel, None),
    ]
    assert "<ol class=" in html.split('aria-label="Kruimelpad"')[1].split("</nav>")[0]
    # A dossier's dashboard and entry grid hang under the dossier, not under their URL.
    dashboard = kruimels(client.get("/dashboards/maastricht-2015/").content.decode())
    assert dashboard[2:] == [
        ("Maastricht 2015", "/afspraken/maastricht-2015/"),
        ("Dashboard", None),
    ]
    invoer = client.get(
        "/dossiers/maastricht-2015/invoer/2015/realisatie/?organisatie=maasvallei"
    ).content.decode()
    assert kruimels(invoer)[-2:] == [
        ("Maastricht 2015", "/afspraken/maastricht-2015/"),
        ("Invoer realisatie 2015", None),
    ]
    assert kruimels(client.get("/regiodeals/").content.decode()) == [
        ("Start", "/"),
        ("Regio Deals", None),
    ]
    # The start page itself has none.
    assert kruimels(client.get("/").content.decode()) == []
