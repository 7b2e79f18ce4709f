from django import forms
from django.core.exceptions import ValidationError

from core.doelen_forms import NL_DESIGN_SYSTEM
from importeren.forms import UploadForm

DATUMFORMATEN = ["%d-%m-%Y", "%Y-%m-%d"]


class StructuurUploadForm(UploadForm):
    """The figures import's upload field (its size check and Dutch messages), other words."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bestand"].help_text = (
            "Een structuurwerkboek: gedownload bij een dossier (‘Structuur downloaden’) of "
            "ingevuld volgens het blad ‘Uitleg’."
        )


def _datumveld(label: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        input_formats=DATUMFORMATEN,
        help_text="Bijvoorbeeld 01-01-2026.",
        error_messages={
            "required": "Vul een datum in.",
            "invalid": "Typ een datum als 31-12-2028.",
        },
        widget=forms.DateInput(format="%d-%m-%Y", attrs={"class": NL_DESIGN_SYSTEM["text"]}),
    )


class NieuwePeriodeForm(forms.Form):
    startdatum = _datumveld("Startdatum")
    einddatum = _datumveld("Einddatum")
    titel = forms.CharField(
        label="Titel",
        max_length=300,
        error_messages={"required": "Vul een titel in."},
        widget=forms.TextInput(attrs={"class": NL_DESIGN_SYSTEM["text"]}),
    )
    korte_naam = forms.CharField(
        label="Korte naam",
        max_length=60,
        required=False,
        help_text="Voor tabellen, koppen en tabbladen. Leeg: de titel.",
        widget=forms.TextInput(attrs={"class": NL_DESIGN_SYSTEM["text"]}),
    )
    streefdoelen_overnemen = forms.BooleanField(
        label="Streefdoelen overnemen",
        required=False,
        help_text="Aan: de streefdoelen gaan mee, met hun jaren verschoven naar de nieuwe "
        "periode. Uit: de afspraakpunten en beoogde resultaten gaan mee zonder streefdoel; "
        "u vult de streefdoelen zelf in.",
        widget=forms.CheckboxInput(attrs={"class": NL_DESIGN_SYSTEM["checkbox"]}),
    )

    def clean(self):
        gegevens = super().clean()
        start, eind = gegevens.get("startdatum"), gegevens.get("einddatum")
        if start and eind and eind < start:
            self.add_error(
                "einddatum",
                ValidationError("De einddatum ligt vóór de startdatum.", code="einde_voor_start"),
            )
        return gegevens
