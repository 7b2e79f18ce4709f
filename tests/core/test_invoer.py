"""The entry grid: one organisation's figures for one year, all or nothing."""

from decimal import Decimal

from django.urls import reverse

from core.models import Heropening, Jaaropgave, User, Waarde
from tests.rooster import formulier, rooster_post


def grid_url(wereld, jaar=2015, soort="realisatie", organisatie=None):
    url = reverse("core:invoer", args=[wereld.dossier.slug, jaar, soort])
    return f"{url}?organisatie={organisatie.slug}" if organisatie else url


def actie_url(wereld, actie, organisatie, jaar=2015, soort="realisatie"):
    url = reverse("core:invoer_actie", args=[wereld.dossier.slug, jaar, soort, actie])
    return f"{url}?organisatie={organisatie.slug}"


def veld(wereld):
    return f"waarde_{wereld.nieuwbouw.pk}_{wereld.corporatie_a.pk}"


def test_owner_sees_their_own_figure_in_dutch_notation(client, wereld):
    wereld.waarde_a.waarde = Decimal("1234.5")
    wereld.waarde_a.save()
    client.force_login(wereld.eigenaar)

    response = client.get(grid_url(wereld))

    assert response.status_code == 200
    assert response.context["form"][veld(wereld)].value() == "1.234,50"


def test_owner_saves_a_figure_typed_the_dutch_way_with_a_toelichting(client, wereld):
    client.force_login(wereld.eigenaar)

    response = rooster_post(
        client,
        grid_url(wereld),
        {
            veld(wereld): "1.061",
            f"toelichting_{wereld.nieuwbouw.pk}_{wereld.corporatie_a.pk}": "Project X opgeleverd",
        },
    )

    assert response.status_code == 302
    wereld.waarde_a.refresh_from_db()
    assert wereld.waarde_a.waarde == Decimal("1061")
    assert wereld.waarde_a.toelichting == "Project X opgeleverd"
    assert wereld.waarde_a.ingevoerd_door == wereld.eigenaar
    assert wereld.waarde_a.versie == 2


def test_a_bad_cell_saves_nothing_and_shows_a_dutch_error_on_that_cell(client, wereld):
    client.force_login(wereld.eigenaar)

    response = rooster_post(client, grid_url(wereld), {veld(wereld): "6o"})

    assert response.status_code == 400
    assert response.context["form"].errors[veld(wereld)] == [
        "‘6o’ is geen getal. Schrijf bijvoorbeeld 1.234,56."
    ]
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    wereld.waarde_a.refresh_from_db()
    assert wereld.waarde_a.waarde == Decimal("60")


def test_a_count_must_be_whole_and_not_negative(client, wereld):
    client.force_login(wereld.eigenaar)

    half = rooster_post(client, grid_url(wereld), {veld(wereld): "2,5"})
    negatief = rooster_post(client, grid_url(wereld), {veld(wereld): "-3"})

    assert half.context["form"].errors[veld(wereld)] == ["Een aantal is een heel getal."]
    assert negatief.context["form"].errors[veld(wereld)] == [
        "Een negatief getal is hier niet toegestaan."
    ]
    assert Waarde.objects.get(pk=wereld.waarde_a.pk).waarde == Decimal("60")


def test_another_corporation_cannot_open_or_change_the_grid(client, wereld):
    client.force_login(wereld.buitenstaander)

    get = client.get(grid_url(wereld, organisatie=wereld.corporatie_a))
    post = client.post(grid_url(wereld, organisatie=wereld.corporatie_a), {veld(wereld): "1"})

    assert get.status_code == 403
    assert post.status_code == 403
    assert Waarde.objects.get(pk=wereld.waarde_a.pk).waarde == Decimal("60")


def test_bestuurder_can_enter_nothing(client, wereld):
    client.force_login(wereld.bestuurder)

    response = client.post(grid_url(wereld), {veld(wereld): "1"})

    assert response.status_code == 403
    assert Waarde.objects.filter(ingevoerd_door=wereld.bestuurder).count() == 0


def test_a_year_outside_the_term_is_not_found_and_nothing_is_stored(client, wereld):
    wereld.dossier.startdatum = "2015-01-01"
    wereld.dossier.einddatum = "2015-12-31"
    wereld.dossier.save()
    client.force_login(wereld.eigenaar)

    pagina = client.get(grid_url(wereld, jaar=2019))
    versie = veld(wereld).replace("waarde_", "versie_")
    response = client.post(grid_url(wereld, jaar=2019), {veld(wereld): "5", versie: "0"})

    assert pagina.status_code == response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()
    assert not Waarde.objects.filter(jaar=2019).exists()
    assert not Jaaropgave.objects.filter(jaar=2019).exists()


def test_submit_fix_lock_and_reopen_a_year(client, wereld):
    client.force_login(wereld.eigenaar)
    client.post(actie_url(wereld, "indienen", wereld.corporatie_a), {"bevestigd": "ja"})
    opgave = Jaaropgave.objects.get(organisatie=wereld.corporatie_a, jaar=2015)
    assert opgave.status == "ingediend"
    assert wereld.buitenstaander.has_perm("core.view_waarde", wereld.waarde_a)
    # The grid as opened to change the submitted year, posted after it was vastgesteld.
    open_grid = formulier(client.get(grid_url(wereld) + "?wijzigen=1").content.decode())

    not_allowed = client.post(actie_url(wereld, "vaststellen", wereld.corporatie_a))
    assert not_allowed.status_code == 403
    opgave.refresh_from_db()
    assert opgave.status == "ingediend"

    client.force_login(wereld.coordinator)
    client.post(actie_url(wereld, "vaststellen", wereld.corporatie_a))
    opgave.refresh_from_db()
    assert opgave.status == "vastgesteld"

    client.force_login(wereld.eigenaar)
    locked = client.post(grid_url(wereld), open_grid | {veld(wereld): "61"})
    assert locked.status_code == 400
    assert "is vastgesteld; heropen het jaar" in locked.content.decode()
    assert Waarde.objects.get(pk=wereld.waarde_a.pk).waarde == Decimal("60")

    client.force_login(wereld.coordinator)
    client.post(actie_url(wereld, "heropenen", wereld.corporatie_a), {"reden": "Correctie"})
    opgave.refresh_from_db()
    assert opgave.status == "ingediend"
    heropening = Heropening.objects.get(jaaropgave=opgave)
    assert (heropening.door, heropening.reden) == (wereld.coordinator, "Correctie")


def test_reopening_needs_a_reason(client, wereld):
    Jaaropgave.objects.create(
        dossier=wereld.dossier,
        organisatie=wereld.corporatie_a,
        jaar=2015,
        soort="realisatie",
        status="vastgesteld",
    )
    client.force_login(wereld.coordinator)

    client.post(actie_url(wereld, "heropenen", wereld.corporatie_a), {"reden": ""})

    assert Jaaropgave.objects.get(organisatie=wereld.corporatie_a).status == "vastgesteld"
    assert not Heropening.objects.exists()


def test_an_unknown_action_is_not_found_and_leaves_no_jaaropgave(client, wereld):
    client.force_login(wereld.eigenaar)

    response = client.post(actie_url(wereld, "weggooien", wereld.corporatie_a))

    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()
    assert not Jaaropgave.objects.filter(organisatie=wereld.corporatie_a).exists()


def test_a_refused_action_leaves_no_jaaropgave_either(client, wereld):
    client.force_login(wereld.eigenaar)

    response = client.post(actie_url(wereld, "vaststellen", wereld.corporatie_a))

    assert response.status_code == 403
    assert not Jaaropgave.objects.filter(organisatie=wereld.corporatie_a).exists()


def test_actions_refuse_get(client, wereld):
    client.force_login(wereld.eigenaar)

    assert client.get(actie_url(wereld, "indienen", wereld.corporatie_a)).status_code == 405


def test_penvoerder_enters_the_reported_total_of_a_split_item(client, wereld, user_factory):
    from core.models import Rol

    gemeente = user_factory("gemeente", wereld.gemeente, Rol.BELEIDSMEDEWERKER)
    client.force_login(gemeente)

    response = client.get(grid_url(wereld, soort="plan"))

    rijen = response.context["form"].rijen
    assert [(r.naam, r.waarde) for r in rijen] == [("Nieuwbouw (totaal)", Decimal("66"))]


def test_a_municipality_enters_outputs_for_its_own_locations_only(
    client, db, organisatie_factory, user_factory
):
    from core.models import Dossier, Indicator, Locatie, Organisatie, Rol

    penvoerder = organisatie_factory("Gemeente Penvoerder", Organisatie.Soort.GEMEENTE)
    almelo = organisatie_factory("Gemeente Almelo", Organisatie.Soort.GEMEENTE)
    borne = organisatie_factory("Gemeente Borne", Organisatie.Soort.GEMEENTE)
    project = Dossier.objects.create(
        soort="project", titel="Kernen", slug="kernen", penvoerder=penvoerder
    )
    kern_almelo = Locatie.objects.create(dossier=project, naam="Almelo, kern 1", gemeente=almelo)
    kern_borne = Locatie.objects.create(dossier=project, naam="Borne, kern 1", gemeente=borne)
    sporters = Indicator.objects.create(
        dossier=project,
        code="sporters",
        naam="Nieuwe sporters",
        eenheid="aantal",
        uitsplitsing="locatie",
    )
    client.force_login(user_factory("almelo", almelo, Rol.BELEIDSMEDEWERKER))
    url = reverse("core:invoer", args=["kernen", 2017, "realisatie"])

    rijen = client.get(url).context["form"].rijen
    saved = rooster_post(client, url, {f"waarde_{sporters.pk}_{kern_almelo.pk}": "12"})
    foreign = client.post(
        f"{url}?organisatie=gemeente-borne", {f"waarde_{sporters.pk}_{kern_borne.pk}": "5"}
    )

    assert [r.naam for r in rijen] == ["Nieuwe sporters – Almelo, kern 1"]
    assert saved.status_code == 302
    waarde = Waarde.objects.get()
    assert (waarde.locatie, waarde.waarde, waarde.eigenaar_id) == (kern_almelo, 12, almelo.pk)
    assert foreign.status_code == 403
    assert Waarde.objects.count() == 1

    client.force_login(user_factory("borne", borne, Rol.BELEIDSMEDEWERKER))
    assert client.get(url).status_code == 200
    assert not Waarde.objects.visible_to(User.objects.get(username="borne")).exists()
