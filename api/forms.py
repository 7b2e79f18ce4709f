from django import forms


class SleutelForm(forms.Form):
    naam = forms.CharField(
        label="Naam van de sleutel",
        max_length=100,
        help_text="Waarvoor u hem gebruikt, bv. ‘Power BI gemeente’.",
    )
