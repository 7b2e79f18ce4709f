"""An import refuses the rows of a party that only signs, with a clear Dutch message, and
saves nothing; the rows of the corporation, which reports, are taken."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import Waarde
from importeren.sjabloon import maak_sjabloon

from .conftest import bewaar, kolom, open_werkmap, rij_met


def werkmap_met(t, *, huurders: bool) -> SimpleUploadedFile:
    """The corporation's template of 2025 with 40 filled in, and perhaps a tenants' row."""
    workbook = open_werkmap(maak_sjabloon(dossier=t.dossier, organisatie=t.corporatie, jaar=2025))
    ws = workbook["Cijfers"]
    eigen = f"{t.dossier.slug}/verduurzaming/{t.corporatie.slug}/-/2025/realisatie"
    ws[f"{kolom(ws, 'Waarde')}{rij_met(ws, eigen)}"] = 40
    if huurders:
        sleutel = f"{t.dossier.slug}/verduurzaming/{t.huurders.slug}/-/2025/realisatie"
        ws.append([sleutel] + [None] * 9 + [7])
    return SimpleUploadedFile("cijfers.xlsx", bewaar(workbook))


def test_rows_of_a_signing_only_party_are_refused_with_a_clear_message(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.coordinator)
    url = reverse("importeren:upload", args=[t.dossier.slug])

    met = client.post(url, {"bestand": werkmap_met(t, huurders=True)}, follow=True)
    zonder = client.post(url, {"bestand": werkmap_met(t, huurders=False)}, follow=True)

    assert met.status_code == 400
    assert "Huurdersvereniging Voorbeeld levert in dit dossier geen cijfers aan." in (
        met.content.decode()
    )
    assert zonder.status_code == 200
    assert "levert in dit dossier geen cijfers aan" not in zonder.content.decode()
    assert "Verduurzaamde woningen – Woonstichting Voorbeeld, realisatie 2025" in (
        zonder.content.decode()
    )
    assert not Waarde.objects.filter(indicator=t.verduurzaming).exists()  # a preview only
