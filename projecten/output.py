"""Project outputs per kern or municipality, planned against realised."""

from django.db.models import Sum


def output_per(waarden, groep: str, namen: list[str], indicatoren) -> list[tuple[str, list]]:
    """Planned and realised outputs per kern or municipality, summed in the database.

    One row per name, one {"plan", "realisatie"} cell per item, in the order given.
    """
    rijen = (
        waarden.filter(locatie__isnull=False)
        .values_list(groep, "indicator_id", "soort")
        .annotate(totaal=Sum("waarde"))
        .order_by()
    )
    sommen: dict[tuple, object] = {(naam, ind, soort): totaal for naam, ind, soort, totaal in rijen}
    return [
        (
            naam,
            [
                {soort: sommen.get((naam, i.pk, soort)) for soort in ("plan", "realisatie")}
                for i in indicatoren
            ],
        )
        for naam in namen
    ]
