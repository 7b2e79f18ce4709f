"""Posting an entry grid (core:invoer, regiodeals:kosten) as a browser would: every field the
page's form sends back, with the version of each figure it showed, and the test's changes
over it. A grid post without the versions is refused (core.forms.CijferForm)."""

import re


def formulier(html: str) -> dict[str, str]:
    """The values the entry form posts back, as a browser would send them."""
    velden = dict(re.findall(r'<input type="hidden" name="(versie_[^"]+)" value="(\d+)"', html))
    velden |= dict(re.findall(r'name="(waarde_[^"]+)"\s+id="[^"]*"\s+value="([^"]*)"', html))
    velden |= {
        naam: tekst
        for naam, tekst in re.findall(r'<textarea name="(toelichting_[^"]+)"[^>]*>([^<]*)<', html)
    }
    velden |= dict(re.findall(r'<input type="hidden" name="(organisatie)" value="([^"]+)"', html))
    return velden


def rooster_post(client, url: str, wijzigingen: dict[str, str], **kwargs):
    """Open the grid at `url` as `client`, then post what its form sends with `wijzigingen`.
    A grid the user may not open posts `wijzigingen` alone (and is refused as before)."""
    pagina = client.get(url)
    velden = formulier(pagina.content.decode()) if pagina.status_code == 200 else {}
    return client.post(url, velden | wijzigingen, **kwargs)
