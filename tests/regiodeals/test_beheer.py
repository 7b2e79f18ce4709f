"""Beheer (the Django admin) for the administrator: Dutch throughout, a tranche with its deals
inline saved without a server error, the theme dropdowns naming their dossier."""

import pytest
from django.urls import reverse

from core.models import Onderdeel, Organisatie, Rol
from regiodeals.models import Doel, Regiodeal, Tranche


@pytest.fixture
def beheerder(user_factory):
    user = user_factory("functioneel-beheer", None, Rol.BEHEERDER)
    user.is_staff = user.is_superuser = True
    user.save()
    return user


def _tranche_met_deals(deals: list[dict]) -> dict:
    data = {
        "nummer": "9",
        "naam": "Negende tranche",
        "minimale_rijksbijdrage": "5000000",
        "maximale_rijksbijdrage": "20000000",
        "cofinanciering": "1",
        "deals-TOTAL_FORMS": str(len(deals)),
        "deals-INITIAL_FORMS": "0",
        "deals-MIN_NUM_FORMS": "0",
        "deals-MAX_NUM_FORMS": "1000",
    }
    for i, deal in enumerate(deals):
        data.update({f"deals-{i}-{veld}": waarde for veld, waarde in deal.items()})
    return data


def test_the_admin_index_is_dutch_for_the_beheerder(client, beheerder):
    client.force_login(beheerder)
    html = client.get(reverse("admin:index")).content.decode()
    assert "Prestatiemonitor – Beheer" in html
    assert "Django" not in html
    for engels in ("Access attempts", "Task results", "Authentication"):
        assert engels.lower() not in html.lower()
    assert "inlogpogingen" in html


def test_a_tranche_with_deals_inline_is_saved_with_their_penvoerder(
    client, beheerder, organisatie_factory
):
    kassier = organisatie_factory("Provincie Drenthe", Organisatie.Soort.PROVINCIE)
    al_bestaand = Regiodeal.objects.create(titel="Regio Deal Zuidoost-Drenthe", penvoerder=kassier)
    client.force_login(beheerder)
    data = _tranche_met_deals(
        [
            {
                "volgnummer": "1",
                "titel": "Regio Deal Zuidoost-Drenthe",  # named like a deal elsewhere
                "landsdeel": "noord",
                "penvoerder": str(kassier.pk),
                "maximale_rijksbijdrage": "7500000",
                "status": "geselecteerd",
            }
        ]
    )
    response = client.post(reverse("admin:regiodeals_tranche_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    deal = Tranche.objects.get(nummer=9).deals.get()
    assert (deal.penvoerder, deal.maximale_rijksbijdrage) == (kassier, 7_500_000)
    assert deal.slug != al_bestaand.slug


def test_a_deal_inline_without_penvoerder_is_a_dutch_error_not_a_server_error(client, beheerder):
    client.force_login(beheerder)
    data = _tranche_met_deals(
        [{"volgnummer": "1", "titel": "Regio Deal Zonder Kassier", "status": "geselecteerd"}]
    )
    response = client.post(reverse("admin:regiodeals_tranche_add"), data)
    assert response.status_code == 200
    assert "Dit veld is verplicht" in response.content.decode()
    assert not Tranche.objects.exists() and not Regiodeal.objects.exists()


def test_the_theme_dropdown_names_the_dossier(client, beheerder, organisatie_factory):
    kassier = organisatie_factory("Gemeente Emmen", Organisatie.Soort.GEMEENTE)
    deal = Regiodeal.objects.create(
        titel="Regio Deal Emmen", korte_naam="Emmen", penvoerder=kassier
    )
    Onderdeel.objects.create(dossier=deal, nummer="1", titel="Economie")
    client.force_login(beheerder)
    html = client.get(reverse("admin:regiodeals_doel_add")).content.decode()
    assert "Emmen – 1 Economie" in html
    assert Doel.objects.count() == 0


def test_every_admin_page_opens_for_the_beheerder_with_the_source_data(als):
    """No server error anywhere in Beheer: each model's list, add form and first object."""
    from django.contrib import admin

    client = als("beheerder")
    fouten = []
    for model, model_admin in admin.site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        urls = [reverse("admin:{}_{}_changelist".format(*info))]
        if model_admin.has_add_permission(_verzoek(client)):
            urls.append(reverse("admin:{}_{}_add".format(*info)))
        eerste = model._default_manager.order_by("pk").first()
        if eerste is not None:
            urls.append(reverse("admin:{}_{}_change".format(*info), args=[eerste.pk]))
        for url in urls:
            status = client.get(url).status_code
            if status != 200:
                fouten.append(f"{url}: {status}")
    assert not fouten, "\n".join(fouten)


def _verzoek(client):
    from django.test import RequestFactory

    from core.models import User

    verzoek = RequestFactory().get("/")
    verzoek.user = User.objects.get(pk=client.session["_auth_user_id"])
    return verzoek
