"""The footer's toegankelijkheidsverklaring, privacy and contact pages: public, with a default
text, editable in Beheer (django.contrib.flatpages, created by paginas' data migration)."""

from django.contrib.flatpages.models import FlatPage
from django.urls import reverse

from core.models import User

PAGINAS = {
    "toegankelijkheid": ("Toegankelijkheidsverklaring", "WCAG) 2.2 op niveau AA"),
    "privacy": ("Privacy", "alleen de persoonsgegevens die nodig"),
    "contact": ("Contact", "Neem dan contact op met de beheerder"),
}


def test_the_footer_pages_open_without_login_with_their_default_text(client, db):
    inloggen = client.get(reverse("login")).content.decode()
    assert "Kruimelpad" not in inloggen  # the login page is no level below Start
    voet = inloggen.split("<footer")[1]
    for naam, (titel, tekst) in PAGINAS.items():
        url = reverse(naam)
        assert f'href="{url}"' in voet, naam
        response = client.get(url)
        assert response.status_code == 200, naam
        html = response.content.decode().replace("\u00ad", "")  # soft hyphens
        assert f'<h1 class="utrecht-heading-1">{titel}</h1>' in html
        assert tekst in html
        assert f'aria-current="page">{titel}</span>' in html  # its breadcrumb


def test_beheer_edits_a_footer_page_and_the_page_shows_the_new_text(client, db):
    beheerder = User.objects.create_superuser("beheerder", password="geheim-wachtwoord-1")
    client.force_login(beheerder)
    pagina = FlatPage.objects.get(url="/contact/")
    wijzig = reverse("admin:flatpages_flatpage_change", args=[pagina.pk])
    assert client.get(wijzig).status_code == 200

    response = client.post(
        wijzig,
        {
            "url": "/contact/",
            "title": "Contact",
            "content": "<p>Mail naar monitor@voorbeeld.nl</p>",
            "sites": [pagina.sites.get().pk],
            "template_name": "",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    assert "monitor@voorbeeld.nl" in client.get(reverse("contact")).content.decode()
