"""The PO actualisatie through the screens: who may apply it, and what an item shows after."""

import pytest
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.template.loader import render_to_string
from django.urls import reverse

from afspraken.models import Afspraakpunt, Wijziging
from core.models import User
from core.services import create_demo_accounts


@pytest.fixture
def po(db, settings):
    call_command(
        "loaddata", "organisaties", "po_bestuursakkoord", "po_actualisatie_2018", verbosity=0
    )
    settings.DEBUG = True
    create_demo_accounts()
    settings.DEBUG = False
    return Wijziging.objects.get(pk=1)


def geschiedenis(punt) -> str:
    """The item's history as the punt page shows it: templates/afspraken/partials/
    wijzigingen.html with the item's changes. (The page includes it once the punt template
    stops reading the removed fields; then this reads the page itself.)"""
    regels = punt.wijzigingsregels.select_related(
        "wijziging", "afspraakpunt__streefdoel__indicator", "afspraakpunt__streefdoel__dossier"
    ).order_by("wijziging__datum", "pk")
    return render_to_string("afspraken/partials/wijzigingen.html", {"regels": regels})


def verwerk_url(wijziging):
    return reverse("afspraken:wijziging_verwerken", args=[wijziging.afspraak.slug, wijziging.pk])


@pytest.mark.parametrize("username", ["bestuurder", "ocw", "woonpunt"])
def test_only_coordinator_or_beheerder_may_apply_an_amendment(client, po, username):
    client.force_login(User.objects.get(username=username))

    response = client.post(verwerk_url(po))

    assert response.status_code == 403
    po.refresh_from_db()
    assert not po.is_toegepast


def test_applying_via_the_page_keeps_the_original_target_visible(client, po):
    client.force_login(User.objects.get(username="beheerder"))
    assert client.get(verwerk_url(po)).status_code == 405

    response = client.post(verwerk_url(po))

    assert response.status_code == 302
    assert response.url == po.afspraak.get_absolute_url()
    doel = Afspraakpunt.objects.get(afspraak=po.afspraak, streefdoel__waarde=80)
    pagina = client.get(doel.get_absolute_url())
    html = pagina.content.decode()
    assert doel.status == "gewijzigd" and doel.streefdoel.tot_en_met_jaar == 2020
    assert "Oorspronkelijk doel: minstens 80 % in 2017; nieuw doel: minstens 80 % in 2020." in html
    assert "1 mei 2018, Actualisatie Bestuursakkoord PO" in html
    [regel] = pagina.context["regels"]
    assert regel.reden and regel.reden in html


def test_applying_twice_via_the_page_says_so_and_changes_nothing(client, po):
    client.force_login(User.objects.get(username="beheerder"))
    client.post(verwerk_url(po))
    statussen = list(Afspraakpunt.objects.order_by("pk").values_list("status", flat=True))

    response = client.post(verwerk_url(po))

    assert [str(m) for m in get_messages(response.wsgi_request)][-1] == (
        "Niets verwerkt: Deze wijziging is al verwerkt."
    )
    assert list(Afspraakpunt.objects.order_by("pk").values_list("status", flat=True)) == statussen
