from django import forms

from .models import Instellingen, Termijn


class TermijnForm(forms.ModelForm):
    class Meta:
        model = Termijn
        fields = ["datum", "omschrijving", "wie", "handeling", "afgerond_op"]
        widgets = {
            "datum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "afgerond_op": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }


class InstellingenForm(forms.ModelForm):
    class Meta:
        model = Instellingen
        fields = ["herinneringen", "dagen_vooraf"]
        widgets = {"dagen_vooraf": forms.NumberInput(attrs={"min": 1, "max": 60})}
