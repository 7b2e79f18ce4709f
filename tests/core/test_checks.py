"""The spine's checks, fed the verhuur table of the Maastricht 2015 agreement (DOMAIN.md)."""

from decimal import Decimal

from core.checks import Cijfer, Item, NormRegel, vind_bevindingen

D = Decimal
CATEGORIEEN = {
    # category: (plan 2013, real 2013, plan 2014, real 2014, plan 2015)
    "Herstructurering": (100, 49, 123, 49, 75),
    "Urgent": (150, 176, 150, 182, 175),
    "Maatwerk": (140, 106, 187, 102, 182),
    "Aanbodmodel": (450, 630, 468, 578, 450),
    "Eigen inplaatsing": (100, 32, 104, 30, 100),
    "Diverse distributie": (100, 57, 70, 91, 75),
    "Verdelingstekort": (-40, None, -62, None, -57),
    "Totaal": (1000, 1069, 1040, 1039, 1000),
}
MAATWERK = {
    # part of the breakdown: (plan 2014, real 2014, plan 2015)
    "Statushouders": (93, 45, 90),
    "GGZ + maatschappelijke opvang + VB": (87, 76, 87),
    "Moeilijk plaatsbaren": (7, 1, 5),
    "Maatwerk (uitsplitsing)": (187, 121, 182),
}
KOLOMMEN = [
    (2013, "plan"),
    (2013, "realisatie"),
    (2014, "plan"),
    (2014, "realisatie"),
    (2015, "plan"),
]


def verhuur_items():
    items = [
        Item(naam, naam, deel_van="Totaal")
        for naam in CATEGORIEEN
        if naam not in ("Totaal", "Aanbodmodel", "Eigen inplaatsing")
    ]
    items += [
        Item("Totaal", "Totaal"),
        Item(
            "Aanbodmodel",
            "Aanbodmodel",
            deel_van="Totaal",
            normen=(NormRegel("aandeel", ondergrens=D(45), ten_opzichte_van="Totaal"),),
        ),
        Item(
            "Eigen inplaatsing",
            "Eigen inplaatsing",
            deel_van="Totaal",
            normen=(NormRegel("aandeel", bovengrens=D(10), ten_opzichte_van="Totaal"),),
        ),
        Item("Maatwerk (uitsplitsing)", "Maatwerk (uitsplitsing)", uitsplitsing_van="Maatwerk"),
    ]
    items += [
        Item(naam, naam, deel_van="Maatwerk (uitsplitsing)")
        for naam in MAATWERK
        if naam != "Maatwerk (uitsplitsing)"
    ]
    return items


def verhuur_cijfers():
    cijfers = []
    for naam, waarden in CATEGORIEEN.items():
        for (jaar, soort), waarde in zip(KOLOMMEN, waarden, strict=True):
            if waarde is not None:
                cijfers.append(Cijfer(naam, jaar, soort, D(waarde)))
    for naam, waarden in MAATWERK.items():
        for (jaar, soort), waarde in zip(
            [(2014, "plan"), (2014, "realisatie"), (2015, "plan")], waarden, strict=True
        ):
            cijfers.append(Cijfer(naam, jaar, soort, D(waarde)))
    return cijfers


def test_verhuur_checks_report_exactly_the_known_mismatches():
    toetsing = vind_bevindingen(verhuur_items(), verhuur_cijfers())

    gevonden = {
        (b.regel, b.item, b.jaar, b.soort, b.verwacht, b.gevonden) for b in toetsing.bevindingen
    }
    assert gevonden == {
        ("som_delen", "Totaal", 2013, "realisatie", D(1069), D(1050)),
        ("som_delen", "Totaal", 2014, "realisatie", D(1039), D(1032)),
        ("uitsplitsing", "Maatwerk (uitsplitsing)", 2014, "realisatie", D(102), D(121)),
        ("som_delen", "Maatwerk (uitsplitsing)", 2014, "realisatie", D(121), D(122)),
    }


def test_verhuur_findings_say_in_dutch_what_does_not_add_up():
    teksten = [b.wat for b in vind_bevindingen(verhuur_items(), verhuur_cijfers()).bevindingen]

    assert (
        "Realisatie 2014: de delen van ‘Totaal’ tellen op tot 1.032, het opgegeven totaal is 1.039"
        in teksten
    )
    assert (
        "Realisatie 2013: de delen van ‘Totaal’ tellen op tot 1.050, het opgegeven totaal is 1.069"
        in teksten
    )


def test_the_plans_add_up_so_no_plan_is_flagged():
    toetsing = vind_bevindingen(verhuur_items(), verhuur_cijfers())

    assert not [b for b in toetsing.bevindingen if b.soort == "plan"]


def test_aanbodmodel_and_eigen_inplaatsing_norms_evaluate_per_year():
    toetsing = vind_bevindingen(verhuur_items(), verhuur_cijfers())
    uitkomsten = {
        (u.item, u.jaar, u.soort): (u.waarde.quantize(Decimal("0.01")), u.gehaald)
        for u in toetsing.normuitkomsten
    }

    assert uitkomsten == {
        ("Aanbodmodel", 2013, "plan"): (D("45.00"), True),
        ("Aanbodmodel", 2013, "realisatie"): (D("58.93"), True),
        ("Aanbodmodel", 2014, "plan"): (D("45.00"), True),
        ("Aanbodmodel", 2014, "realisatie"): (D("55.63"), True),
        ("Aanbodmodel", 2015, "plan"): (D("45.00"), True),
        ("Eigen inplaatsing", 2013, "plan"): (D("10.00"), True),
        ("Eigen inplaatsing", 2013, "realisatie"): (D("2.99"), True),
        ("Eigen inplaatsing", 2014, "plan"): (D("10.00"), True),
        ("Eigen inplaatsing", 2014, "realisatie"): (D("2.89"), True),
        ("Eigen inplaatsing", 2015, "plan"): (D("10.00"), True),
    }


def test_a_share_norm_that_is_missed_becomes_a_finding():
    items = [
        Item("Totaal", "Totaal"),
        Item(
            "Aanbodmodel",
            "Aanbodmodel",
            normen=(NormRegel("aandeel", ondergrens=D(45), ten_opzichte_van="Totaal"),),
        ),
        Item(
            "Eigen inplaatsing",
            "Eigen inplaatsing",
            normen=(NormRegel("aandeel", bovengrens=D(10), ten_opzichte_van="Totaal"),),
        ),
    ]
    cijfers = [
        Cijfer("Totaal", 2016, "realisatie", D(1000)),
        Cijfer("Aanbodmodel", 2016, "realisatie", D(449)),
        Cijfer("Eigen inplaatsing", 2016, "realisatie", D(101)),
    ]

    toetsing = vind_bevindingen(items, cijfers)

    assert [b.wat for b in toetsing.bevindingen] == [
        "Realisatie 2016: ‘Aanbodmodel’ is 44,9 %, de norm is minimaal 45 %",
        "Realisatie 2016: ‘Eigen inplaatsing’ is 10,1 %, de norm is maximaal 10 %",
    ]
    assert not toetsing.norm_gehaald("Aanbodmodel", 2016, "realisatie")


def test_a_range_result_is_met_only_inside_the_range():
    regel = NormRegel("absoluut", ondergrens=D(1), bovengrens=D(3))
    items = [Item("wijkcentra", "Wijkcentra", normen=(regel,))]

    def gehaald(waarde):
        toetsing = vind_bevindingen(items, [Cijfer("wijkcentra", 2026, "realisatie", D(waarde))])
        return toetsing.norm_gehaald("wijkcentra", 2026, "realisatie")

    assert [gehaald(w) for w in (0, 1, 2, 3, 4)] == [False, True, True, True, False]


def test_a_waarvan_part_may_not_exceed_its_whole_but_need_not_add_up():
    items = [
        Item("duurzaamheid", "Duurzaamheid"),
        Item("hr", "waarvan HR-ketels", deel_van="duurzaamheid", is_waarvan=True),
    ]
    binnen = vind_bevindingen(
        items,
        [
            Cijfer("duurzaamheid", 2015, "plan", D(370000), "Maasvallei"),
            Cijfer("hr", 2015, "plan", D(70000), "Maasvallei"),
        ],
    )
    erboven = vind_bevindingen(
        items,
        [
            Cijfer("duurzaamheid", 2015, "plan", D(370000), "Maasvallei"),
            Cijfer("hr", 2015, "plan", D(370001), "Maasvallei"),
        ],
    )

    assert binnen.bevindingen == []
    assert [b.regel for b in erboven.bevindingen] == ["waarvan"]


def test_a_total_and_its_split_per_organisation_must_agree():
    items = [Item("sloop", "Sloop")]
    cijfers = [
        Cijfer("sloop", 2015, "plan", D(172)),
        Cijfer("sloop", 2015, "plan", D(32), "Maasvallei"),
        Cijfer("sloop", 2015, "plan", D(82), "Woonpunt"),
        Cijfer("sloop", 2015, "plan", D(57), "Servatius"),
    ]

    bevindingen = vind_bevindingen(items, cijfers).bevindingen

    assert [(b.regel, b.verwacht, b.gevonden) for b in bevindingen] == [
        ("som_organisaties", D(172), D(171))
    ]
