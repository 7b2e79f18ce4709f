"""The three footer pages with default Dutch texts; the administrator adapts them in Beheer."""

from django.conf import settings
from django.db import migrations

TOEGANKELIJKHEID = """
<p class="utrecht-paragraph">Wij willen dat iedereen de Prestatiemonitor kan gebruiken, ook mensen
met een beperking. Daarom bouwen wij de site volgens de Web Content Accessibility Guidelines
(WCAG) 2.2 op niveau AA, zoals de Europese norm EN 301 549 en het Besluit digitale
toegankelijkheid overheid vragen.</p>
<h2 class="utrecht-heading-2">Hoe wij toetsen</h2>
<p class="utrecht-paragraph">Elke versie van de site wordt automatisch getoetst met axe-core op
alle hoofdpagina's, voor elke rol, op een telefoon (320 pixels breed) en op een computer. Mensen
controleren daarnaast of pagina's met het toetsenbord te bedienen zijn en zonder horizontaal
scrollen te lezen zijn.</p>
<h2 class="utrecht-heading-2">Loopt u ergens tegenaan?</h2>
<p class="utrecht-paragraph">Meld het ons via de <a class="utrecht-link" href="/contact/">contactpagina</a>.
Noem de pagina en wat er misging. Wij antwoorden binnen vijf werkdagen.</p>
"""

PRIVACY = """
<p class="utrecht-paragraph">De Prestatiemonitor verwerkt alleen de persoonsgegevens die nodig
zijn om in te loggen en om te kunnen nagaan wie welk cijfer heeft ingevoerd of gewijzigd.</p>
<h2 class="utrecht-heading-2">Welke gegevens</h2>
<ul class="utrecht-unordered-list">
  <li class="utrecht-unordered-list__item">uw naam, e-mailadres, organisatie en rol;</li>
  <li class="utrecht-unordered-list__item">wie wanneer een cijfer, tekst of rapportage invoerde, indiende of vaststelde (de geschiedenis);</li>
  <li class="utrecht-unordered-list__item">mislukte inlogpogingen met het IP-adres, om misbruik te stoppen.</li>
</ul>
<h2 class="utrecht-heading-2">Waarvoor en hoe lang</h2>
<p class="utrecht-paragraph">De gegevens worden alleen gebruikt voor de monitoring van de
afspraken, Regio Deals en projecten. Zij worden niet aan anderen verstrekt. Een account wordt
verwijderd of uitgeschakeld als u er niet meer mee werkt; de geschiedenis blijft bewaard zolang
de afspraak waar zij bij hoort.</p>
<h2 class="utrecht-heading-2">Uw rechten</h2>
<p class="utrecht-paragraph">U mag uw gegevens inzien, laten verbeteren of laten verwijderen.
Vraag het via de <a class="utrecht-link" href="/contact/">contactpagina</a>.</p>
"""

CONTACT = """
<p class="utrecht-paragraph">Hebt u een vraag over de Prestatiemonitor, over uw account of over
de cijfers van uw organisatie? Neem dan contact op met de beheerder van de Prestatiemonitor.</p>
<p class="utrecht-paragraph">De beheerder vult hier het e-mailadres en telefoonnummer in
(Beheer → Platte pagina's → /contact/).</p>
"""

PAGINAS = [
    # A soft hyphen (U+00AD): the one long word breaks at its seam on a 320 px screen.
    ("/toegankelijkheid/", "Toegankelijkheids\u00adverklaring", TOEGANKELIJKHEID),
    ("/privacy/", "Privacy", PRIVACY),
    ("/contact/", "Contact", CONTACT),
]


def maak_paginas(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    FlatPage = apps.get_model("flatpages", "FlatPage")
    site, _ = Site.objects.get_or_create(
        pk=settings.SITE_ID, defaults={"domain": "prestatiemonitor", "name": "Prestatiemonitor"}
    )
    for url, titel, tekst in PAGINAS:
        pagina, nieuw = FlatPage.objects.get_or_create(
            url=url, defaults={"title": titel, "content": tekst.strip()}
        )
        pagina.sites.add(site)


class Migration(migrations.Migration):
    dependencies = [
        ("flatpages", "0001_initial"),
        ("sites", "0002_alter_domain_unique"),
    ]

    operations = [migrations.RunPython(maak_paginas, migrations.RunPython.noop)]
