"""The filters above the lists offer what exists as selects (tranche, year), each label above
its field as in every form, and filtering by them still works."""

import re

from django.urls import reverse

from regiodeals.models import Regiodeal, Tranche


def keuzes(html: str, naam: str) -> list[str]:
    select = re.search(rf'<select name="{naam}"[^>]*>(.*?)</select>', html, re.S)
    assert select, f"geen keuzelijst {naam}"
    return re.findall(r"<option[^>]*>([^<]*)</option>", select.group(1))


def test_the_regio_deals_filter_offers_the_tranches_that_exist_and_filters_by_one(als):
    response = als("bestuurder").get(reverse("regiodeals:list"), {"tranche": 6})

    html = response.content.decode()
    nummers = Tranche.objects.order_by("nummer").values_list("nummer", flat=True)
    assert keuzes(html, "tranche") == ["Alle tranches"] + [f"Tranche {n}" for n in nummers]
    assert '<option value="6" selected>Tranche 6</option>' in html
    getoond = {deal.pk for deal in response.context["table"].data}
    assert getoond == set(Regiodeal.objects.filter(tranche__nummer=6).values_list("pk", flat=True))


def test_the_figures_filter_offers_years_and_filters_by_one(als):
    response = als("bestuurder").get(reverse("dashboards:cijfers"), {"jaar": 2015})

    html = response.content.decode()
    jaren = keuzes(html, "jaar")
    assert jaren[0] == "Alle jaren" and "2015" in jaren and "2013" in jaren
    assert [int(j) for j in jaren[1:]] == sorted((int(j) for j in jaren[1:]), reverse=True)
    assert {cel.jaar for cel in response.context["table"].page.object_list.data} == {2015}


def test_the_agreements_filter_has_a_year_select_and_keeps_the_agreements_of_that_year(als):
    response = als("bestuurder").get(reverse("afspraken:list"), {"jaar": 2015})

    html = response.content.decode()
    assert '<option value="2015" selected>2015</option>' in html
    assert "maastricht-2015" in html
    assert 'name="jaar" type="number"' not in html and 'type="number" name="jaar"' not in html


def test_filter_labels_stand_above_their_fields_like_in_every_form(als):
    html = als("bestuurder").get(reverse("projecten:list")).content.decode()

    formulier = re.search(r'<form[^>]*class="pm-form filterformulier".*?</form>', html, re.S)
    velden = re.findall(r'class="utrecht-form-field__label"><label', formulier.group(0))
    assert len(velden) == 4  # financier, gemeente, status, jaar
