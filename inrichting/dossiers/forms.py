"""The forms of setting up a dossier: its own fields per kind, and one formset per step
(parties, parts, locations) with the models' rules as Dutch errors at the row."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from afspraken.models import Afspraak
from core.doelen_forms import NL_DESIGN_SYSTEM, GetalVeld
from core.models import Dossier, Locatie, Onderdeel, Organisatie, Partij, Waarde
from projecten.models import Project
from regiodeals.models import Regiodeal

DATUM = ["%d-%m-%Y", "%Y-%m-%d"]
TEKSTVAK = "utrecht-textarea"
GEMEENSCHAPPELIJK = ["titel", "korte_naam", "startdatum", "einddatum", "samenvatting"]
EIGEN_VELDEN = {
    "afspraak": (Afspraak, ["soort_afspraak", "overlegorgaan", "voorzitter"]),
    "regiodeal": (
        Regiodeal,
        ["tranche", "regio", "landsdeel", "maximale_rijksbijdrage", "status"],
    ),
    "project": (Project, ["soort_financiering", "plandatum", "hoofddoel", "voert_uit"]),
}
PENVOERDER = "De organisatie die het dossier coördineert; haar coördinatoren richten het in."
PERIODE_VAST = (
    "Het dossier is vastgesteld: de looptijd ligt vast. Begin voor een andere looptijd een "
    "nieuwe periode."
)


def nl_design_system(form: forms.BaseForm) -> None:
    """Dutch dates, a Dutch empty choice and the NL Design System's classes on every control."""
    for veld in form.fields.values():
        if isinstance(veld, forms.DateField):
            veld.input_formats = DATUM
            veld.widget.format = "%d-%m-%Y"
            veld.help_text = veld.help_text or "Schrijf de datum als dd-mm-jjjj."
        if isinstance(veld, forms.ModelChoiceField) and veld.empty_label == "---------":
            veld.empty_label = "(kies)" if veld.required else "(geen)"
        elif isinstance(veld, forms.ChoiceField) and veld.choices and veld.choices[0][0] == "":
            veld.choices = [("", "(kies)" if veld.required else "(geen)"), *veld.choices[1:]]
        if isinstance(veld.widget, forms.Textarea):
            veld.widget.attrs.update(rows=4, **{"class": TEKSTVAK})
        soort = getattr(veld.widget, "input_type", None)
        if soort in NL_DESIGN_SYSTEM:
            veld.widget.attrs.setdefault("class", NL_DESIGN_SYSTEM[soort])


class DossierForm(forms.ModelForm):
    """The fields every kind has; `dossier_form(soort)` adds the kind's own."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if "penvoerder" in self.fields:
            self.fields["penvoerder"].queryset = Organisatie.objects.order_by("naam")
            self.fields["penvoerder"].help_text = PENVOERDER
        if self.instance.pk and not self.instance.in_opbouw:
            for naam in ("startdatum", "einddatum"):
                self.fields[naam].disabled = True
                self.fields[naam].help_text = PERIODE_VAST
        if "voert_uit" in self.fields:
            self._voert_uit(user)
        if "maximale_rijksbijdrage" in self.fields:
            self.fields["maximale_rijksbijdrage"] = GetalVeld(
                label="Maximale Rijksbijdrage",
                required=False,
                help_text="In euro, bijvoorbeeld 7.500.000.",
            )
        nl_design_system(self)

    def _voert_uit(self, user) -> None:
        """A project carries out a part of a deal or an agreement `user` can see."""
        veld = self.fields["voert_uit"]
        veld.queryset = (
            Onderdeel.objects.filter(
                dossier__in=Dossier.objects.visible_to(user),
                dossier__soort__in=[Dossier.Soort.REGIODEAL, Dossier.Soort.AFSPRAAK],
            )
            .select_related("dossier")
            .order_by("dossier__titel", "volgorde", "nummer")
        )
        veld.label_from_instance = lambda onderdeel: f"{onderdeel.dossier.naam}: {onderdeel}"

    def eigen_velden(self) -> list[forms.BoundField]:
        """The fields of this kind of dossier only (the agreement's, the deal's, …)."""
        return [
            self[naam] for naam in self.fields if naam not in [*GEMEENSCHAPPELIJK, "penvoerder"]
        ]

    def clean(self):
        cleaned = super().clean()
        start, einde = cleaned.get("startdatum"), cleaned.get("einddatum")
        if start and einde and einde < start:
            self.add_error(
                "einddatum",
                ValidationError("De einddatum ligt vóór de startdatum.", code="einde_voor_start"),
            )
        return cleaned


def dossier_form(soort: str | None, *, met_penvoerder: bool = False) -> type[DossierForm]:
    """The form of one kind of dossier (None: the common fields only); with the penvoerder
    to choose (a beheerder, new)."""
    model, eigen = EIGEN_VELDEN.get(soort, (Dossier, []))
    velden = [*GEMEENSCHAPPELIJK, *(["penvoerder"] if met_penvoerder else []), *eigen]
    return forms.modelform_factory(
        model,
        form=DossierForm,
        fields=velden,
        labels={"overlegorgaan": "Bestuurlijk overleg", "hoofddoel": "Hoofddoelstelling"},
    )


# --- The steps: parties, parts, locations ---------------------------------------------


class StapForm(forms.ModelForm):
    """One row of a step; the dossier is set, so the model's constraints on it are checked."""

    dubbel: str = ""  # the message for a row that is already in the dossier
    uitleg: dict[str, str] = {
        "volgorde": "Leeg of 0: op naam of nummer.",
        "DELETE": "Aanvinken en opslaan haalt de rij weg; niet als er cijfers aan hangen.",
    }

    def __init__(self, *args, dossier: Dossier, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.dossier = dossier
        if "volgorde" in self.fields:
            self.fields["volgorde"].required = False
        nl_design_system(self)
        for veld in self.fields.values():  # the table explains its columns once, above it
            veld.help_text = ""

    def clean_volgorde(self) -> int:
        return self.cleaned_data.get("volgorde") or 0

    def _get_validation_exclusions(self):
        # The dossier is not a field of the row but is known: check "twice in this dossier".
        uitgesloten = super()._get_validation_exclusions()
        uitgesloten.discard("dossier")
        return uitgesloten

    def _post_clean(self):
        super()._post_clean()
        fouten = self._errors.get(NON_FIELD_ERRORS) if self._errors else None
        if fouten:
            self._errors[NON_FIELD_ERRORS] = self.error_class(
                [self.dubbel if f.code == "unique_together" else f for f in fouten.as_data()],
                error_class="nonfield",
                renderer=self.renderer,
            )


class StapFormset(forms.BaseModelFormSet):
    """All rows of a step of one dossier; a duplicate gets the model's own message."""

    def __init__(self, *args, dossier: Dossier, **kwargs):
        self.dossier = dossier
        kwargs.setdefault("queryset", self.model.objects.filter(dossier=dossier))
        super().__init__(*args, **kwargs)
        # Room for a whole agreement at once (8 parties, 6 themes), then 3 more each time.
        self.extra = max(3, 8 - self.queryset.count())
        self._keuzes: dict[str, list] = {}

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "dossier": self.dossier}

    # Choices the same in every row: read once, not once per row. (A party's organisation is
    # typed by name: a list of every organisation of the country grows with the country.)
    gedeelde_keuzes = ("gemeente", "hoofdonderdeel")

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        for naam in self.gedeelde_keuzes:
            if naam in form.fields:
                if naam not in self._keuzes:  # not setdefault: that reads them every row
                    self._keuzes[naam] = list(form.fields[naam].choices)
                form.fields[naam].choices = self._keuzes[naam]
        return form

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].widget.attrs["class"] = NL_DESIGN_SYSTEM["checkbox"]

    def kolommen(self) -> list[tuple[str, str]]:
        """Each column's name and what to fill in: said once above the table, not per row."""
        return [
            (veld.label, self.form.uitleg.get(naam, ""))
            for naam, veld in self.empty_form.fields.items()
            if naam != "id"
        ]

    def get_unique_error_message(self, unique_check):
        return self.form.dubbel

    def get_form_error(self):
        return self.form.dubbel

    def clean(self):
        super().clean()
        fouten = []
        for form in self.deleted_forms:
            if form.instance.pk and (reden := self.niet_verwijderbaar(form.instance)):
                form.add_error(None, reden)
                fouten.append(f"{form.instance}: {reden}")
        if fouten:
            raise ValidationError(fouten, code="niet_verwijderbaar")

    def niet_verwijderbaar(self, obj) -> str:
        """Why `obj` cannot be removed, or ''."""
        return ""


ORGANISATIELIJST = "organisaties-gevonden"  # the id of the page's one <datalist>
GEEN_ORGANISATIE = (
    "Er is geen organisatie met deze naam. Zoek haar hierboven op een deel van de naam en "
    "neem de naam precies over."
)
ZOEK_HOOGSTENS = 20


def zoek_organisaties(zoek: str) -> list[Organisatie]:
    """At most 20 organisations whose name holds `zoek`, by name; none for an empty search."""
    zoek = zoek.strip()
    if not zoek:
        return []
    return list(Organisatie.objects.filter(naam__icontains=zoek).order_by("naam")[:ZOEK_HOOGSTENS])


class PartijForm(StapForm):
    dubbel = Partij._meta.constraints[0].violation_error_message

    class Meta:
        model = Partij
        fields = ["organisatie", "rol", "omschrijving", "levert_cijfers", "volgorde"]

    uitleg = {
        **StapForm.uitleg,
        "organisatie": "De naam van de organisatie, precies; zoek hem hierboven.",
        "omschrijving": "Bijvoorbeeld ‘regiokassier’.",
        "levert_cijfers": "Uit: de partij ondertekent alleen (geen invoer, geen herinneringen).",
    }

    # The role most parties of a kind have: a new row starts with it (one choice less per row).
    GEWONE_ROL = {"afspraak": Partij.Rol.PARTIJ, "regiodeal": Partij.Rol.PARTIJ}

    def __init__(self, *args, dossier: Dossier, **kwargs):
        super().__init__(*args, dossier=dossier, **kwargs)
        # By name in a text field (one lookup on save), not a list of every organisation.
        veld = self.fields["organisatie"]
        veld.to_field_name = "naam"
        veld.queryset = Organisatie.objects.all()
        veld.error_messages["invalid_choice"] = GEEN_ORGANISATIE
        veld.widget = forms.TextInput(
            attrs={"class": NL_DESIGN_SYSTEM["text"], "list": ORGANISATIELIJST, "maxlength": 200}
        )
        if self.instance.pk:
            self.initial["organisatie"] = self.instance.organisatie.naam
        self.fields["rol"].choices = [("", "(kies de rol)"), *Partij.Rol.choices]
        self.fields["rol"].initial = self.GEWONE_ROL.get(dossier.soort, "")


class PartijFormset(StapFormset):
    def __init__(self, *args, dossier: Dossier, **kwargs):
        kwargs.setdefault(
            "queryset", Partij.objects.filter(dossier=dossier).select_related("organisatie")
        )
        super().__init__(*args, dossier=dossier, **kwargs)

    def niet_verwijderbaar(self, partij: Partij) -> str:
        organisatie = partij.organisatie_id
        if (
            Waarde.objects.filter(
                indicator__dossier=self.dossier, organisatie_id=organisatie
            ).exists()
            or self.dossier.jaaropgaven.filter(organisatie_id=organisatie).exists()
        ):
            return "Deze partij heeft cijfers in dit dossier en kan niet worden verwijderd."
        return ""


class OnderdeelForm(StapForm):
    dubbel = Onderdeel._meta.constraints[0].violation_error_message

    class Meta:
        model = Onderdeel
        fields = ["nummer", "titel", "omschrijving", "hoofdonderdeel", "volgorde"]
        widgets = {"omschrijving": forms.TextInput}

    uitleg = {
        **StapForm.uitleg,
        "nummer": "Bijvoorbeeld 1 of 2.3; één keer per dossier.",
        "hoofdonderdeel": "Leeg: een hoofdonderdeel. Alleen een al opgeslagen onderdeel.",
    }

    def __init__(self, *args, dossier: Dossier, **kwargs):
        super().__init__(*args, dossier=dossier, **kwargs)
        # Itself included, so all rows share one list; choosing it is refused as a cycle.
        self.fields["hoofdonderdeel"].queryset = Onderdeel.objects.filter(dossier=dossier)
        self.fields["hoofdonderdeel"].empty_label = "(geen: een hoofdthema)"


class OnderdeelFormset(StapFormset):
    def niet_verwijderbaar(self, onderdeel: Onderdeel) -> str:
        # Items, agreement items, results, sub-parts, projects carrying it out: all keep it.
        for relatie in Onderdeel._meta.related_objects:
            if getattr(onderdeel, relatie.get_accessor_name()).exists():
                return (
                    "Aan dit onderdeel hangen items, afspraakpunten of subonderdelen: "
                    "het kan niet worden verwijderd."
                )
        return ""


class LocatieForm(StapForm):
    dubbel = "Dit dossier heeft al een locatie met deze naam."

    class Meta:
        model = Locatie
        fields = ["naam", "gemeente", "inwoners", "volgorde"]

    uitleg = {
        **StapForm.uitleg,
        "naam": "Een kern of wijk; één keer per dossier.",
        "gemeente": "De gemeente waarin de locatie ligt; mag leeg.",
        "inwoners": "Mag leeg.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = Organisatie.objects.filter(
            soort=Organisatie.Soort.GEMEENTE
        ).order_by("naam")
        self.fields["gemeente"].empty_label = "(geen)"


class LocatieFormset(StapFormset):
    def niet_verwijderbaar(self, locatie: Locatie) -> str:
        if Waarde.objects.filter(locatie=locatie).exists():
            return "Deze locatie heeft cijfers en kan niet worden verwijderd."
        return ""


def stap_formset(form: type[StapForm], formset: type[StapFormset]):
    return forms.modelformset_factory(form.Meta.model, form=form, formset=formset, can_delete=True)


STAPPEN = {
    "partijen": stap_formset(PartijForm, PartijFormset),
    "onderdelen": stap_formset(OnderdeelForm, OnderdeelFormset),
    "locaties": stap_formset(LocatieForm, LocatieFormset),
}
