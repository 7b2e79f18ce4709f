from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat


class UploadForm(forms.Form):
    bestand = forms.FileField(
        label="Excel-bestand (.xlsx)",
        help_text="Het ingevulde sjabloon, of een blad ‘Gegevens’ uit een Excel-rapport.",
        error_messages={
            "required": "Kies een bestand.",
            "empty": "Het bestand is leeg.",
            "invalid": "Dit is geen bestand.",
        },
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "class": "utrecht-textbox",
            }
        ),
    )

    def clean_bestand(self):
        """Refuse a file that is too big before its contents are read into memory."""
        bestand = self.cleaned_data["bestand"]
        if bestand.size > settings.IMPORT_MAX_FILE_SIZE:
            raise ValidationError(
                "Het bestand is %(grootte)s; de grens is %(grens)s.",
                code="te_groot",
                params={
                    "grootte": filesizeformat(bestand.size),
                    "grens": filesizeformat(settings.IMPORT_MAX_FILE_SIZE),
                },
            )
        return bestand
