"""Fill in a step's formset as a browser would: the rows it shows, changed or not, plus new
rows in the empty ones."""


def formset_post(response, nieuw: list[dict], extra: int | None = None, **wijzig) -> dict:
    """The POST of the formset in `response`: every shown row as it is (with `wijzig`,
    `{"form-0": {"DELETE": "on"}}`, changed), then `nieuw` in the empty rows. `extra`: more
    empty rows than the page offers."""
    formset = response.context["formset"]
    prefix = formset.prefix
    bestaand = formset.initial_form_count()
    totaal = max(formset.total_form_count(), bestaand + len(nieuw), bestaand + (extra or 0))
    data = {
        f"{prefix}-TOTAL_FORMS": totaal,
        f"{prefix}-INITIAL_FORMS": bestaand,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }
    for index, form in enumerate(formset.forms[:bestaand]):
        rij = {
            naam: waarde
            for naam, waarde in form.initial.items()
            if naam in form.fields and waarde is not None
        }
        if rij.pop("levert_cijfers", False):
            rij["levert_cijfers"] = "on"
        rij["id"] = form.instance.pk
        rij.update(wijzig.get(f"{prefix}-{index}", {}))
        data.update({f"{prefix}-{index}-{naam}": waarde for naam, waarde in rij.items()})
    leeg = formset.empty_form
    vooraf = {
        naam: ("on" if waarde is True else waarde)
        for naam, veld in leeg.fields.items()
        if (waarde := leeg.get_initial_for_field(veld, naam)) is not None and waarde is not False
    }
    for index in range(bestaand, totaal):
        rij = {**vooraf}
        if index - bestaand < len(nieuw):  # a ticked box not in the new row: untick it
            rij = {n: w for n, w in rij.items() if w != "on"} | nieuw[index - bestaand]
        data.update({f"{prefix}-{index}-{naam}": waarde for naam, waarde in rij.items()})
    return data
