"""Making a dossier from a `Structuur`, all or nothing, with the models' own Dutch errors.

Every object is `full_clean()`ed before it is saved, so the rules of the models (a part in
another dossier, a cycle of parts, a norm on its own item, an item code or a party twice) give
the same messages as the setup screens; each becomes a `Fout` at its sheet and row. Objects
are saved one by one as they are checked, so a duplicate within the workbook meets the first
one in the database; at the end, any error rolls everything back (`StructuurFouten`).
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import ProtectedError

from afspraken.models import Afspraak, Afspraakpunt
from core.models import (
    Dossier,
    Indicator,
    Locatie,
    Meetdefinitie,
    Norm,
    Onderdeel,
    Organisatie,
    Partij,
    Streefdoel,
    User,
)
from projecten.models import Actie, Fase, Kern, Project, Projectonderdeel, Rapportage
from regiodeals.models import (
    BeoogdResultaat,
    Doel,
    Financieringspost,
    Regiodeal,
    Tranche,
)

from .gegevens import (
    STREEFDOELVELDEN,
    Fout,
    Structuur,
    StructuurFouten,
    dossiervelden,
)

MODELLEN = {"afspraak": Afspraak, "regiodeal": Regiodeal, "project": Project}


class _Bouw:
    """One run of `maak`: the lookups by key and the errors so far."""

    def __init__(self, structuur: Structuur):
        self.structuur = structuur
        self.fouten: list[Fout] = []
        self.organisaties = {o.slug: o for o in Organisatie.objects.all()}
        self.onderdelen: dict[str, Onderdeel] = {}
        self.items: dict[str, Indicator] = {}
        self.doelen: dict[int, Streefdoel] = {}
        self.dossier = None

    def rijen(self, blad: str) -> list[dict]:
        return self.structuur.bladen.get(blad, [])

    def fout(self, blad: str, rij: dict, tekst: str) -> None:
        self.fouten.append(Fout(blad, rij.get("_rij", 0), tekst))

    def opzoeken(self, blad, rij, kolom, tabel: dict, wat: str, *, verplicht=False):
        sleutel = rij.get(kolom)
        if sleutel in ("", None):
            if verplicht:
                self.fout(blad, rij, f"{kolom}: vul {wat} in.")
            return None
        if sleutel not in tabel:
            self.fout(blad, rij, f"{kolom}: {wat} ‘{sleutel}’ bestaat niet.")
            return None
        return tabel[sleutel]

    def organisatie(self, blad, rij, kolom="organisatie", *, verplicht=False):
        return self.opzoeken(
            blad, rij, kolom, self.organisaties, "organisatie", verplicht=verplicht
        )

    def bewaar(self, blad: str, rij: dict, obj, *, alleen: tuple[str, ...] = ()) -> bool:
        """Check and save `obj`; `alleen`: a second pass that sets just these fields (the
        rest was checked when it was first saved; `clean()` runs whole again)."""
        try:
            _toets(obj, alleen)
        except ValidationError as error:
            self.fout(blad, rij, _tekst(error))
            return False
        obj.save(update_fields=alleen or None)
        return True


def _toets(obj, alleen: tuple[str, ...] = ()) -> None:
    """`full_clean()`, less one query per foreign key: every object a row points at was
    looked up or made in this run, so it exists; required references are checked by
    `_Bouw.opzoeken`. Unique and other constraints are checked in full."""
    sleutels = {f.name for f in obj._meta.fields if f.is_relation}
    overige = {f.name for f in obj._meta.fields if f.name not in alleen} if alleen else set()
    fouten: dict = {}
    try:
        obj.clean_fields(exclude=sleutels | overige)
    except ValidationError as error:
        fouten = error.update_error_dict(fouten)
    try:
        obj.clean()
    except ValidationError as error:
        fouten = error.update_error_dict(fouten)
    if not alleen:
        exclude = {naam for naam in fouten if naam != NON_FIELD_ERRORS}
        for toets in (obj.validate_unique, obj.validate_constraints):
            try:
                toets(exclude=exclude)
            except ValidationError as error:
                fouten = error.update_error_dict(fouten)
    if fouten:
        raise ValidationError(fouten)


def _tekst(error: ValidationError) -> str:
    if not hasattr(error, "error_dict"):
        return " ".join(error.messages)
    delen = []
    for veld, fouten in error.message_dict.items():
        tekst = " ".join(fouten)
        delen.append(tekst if veld == NON_FIELD_ERRORS else f"{veld}: {tekst}")
    return " ".join(delen)


def _zet(obj, rij: dict, velden) -> None:
    """Copy the row's values; an empty yes/no or number with a model default keeps it."""
    for naam in velden:
        waarde = rij.get(naam)
        if waarde is None and not obj._meta.get_field(naam).null:
            continue
        setattr(obj, naam, waarde)


@transaction.atomic
def maak(
    structuur: Structuur,
    *,
    door: User | None,
    bestaand: Dossier | None = None,
    voorganger: Dossier | None = None,
) -> Dossier:
    """The dossier of `structuur`, in opbouw: new, or `bestaand` (in opbouw, same kind) with
    its structure replaced. Raises `StructuurFouten` and saves nothing on any error."""
    bouw = _Bouw(structuur)
    if not _maak_dossier(bouw, bestaand, voorganger):
        raise StructuurFouten(bouw.fouten)
    for stap in (_partijen, _onderdelen, _locaties, _items, _normen, _streefdoelen):
        stap(bouw)
    {"afspraak": _afspraak, "regiodeal": _regiodeal, "project": _project}[structuur.soort](bouw)
    if bouw.fouten:
        transaction.set_rollback(True)
        raise StructuurFouten(bouw.fouten)
    return bouw.dossier


def _maak_dossier(bouw: _Bouw, bestaand: Dossier | None, voorganger: Dossier | None) -> bool:
    gegevens = bouw.structuur.dossier
    soort = bouw.structuur.soort
    if soort not in MODELLEN:
        bouw.fouten.append(
            Fout("Dossier", 0, "soort moet ‘afspraak’, ‘regiodeal’ of ‘project’ zijn.")
        )
        return False
    rijen = gegevens.get("_rijen", {})
    plaats = {"_rij": 0}
    if bestaand is not None:
        if bestaand.soort != soort:
            bouw.fout(
                "Dossier",
                {"_rij": rijen.get("soort", 0)},
                f"dit dossier is geen {soort} maar een {bestaand.get_soort_display()}.",
            )
            return False
        dossier = MODELLEN[soort].objects.get(pk=bestaand.pk)
        try:
            wis(dossier)
        except ProtectedError:
            bouw.fout(
                "Dossier",
                plaats,
                "de structuur van dit dossier is in gebruik (cijfers, "
                "kosten of projecten die een onderdeel uitvoeren) en kan niet worden vervangen.",
            )
            return False
    else:
        dossier = MODELLEN[soort](in_opbouw=True, voorganger=voorganger)
    eenvoudig = [
        n
        for n, _ in dossiervelden(soort)
        if n not in ("soort", "penvoerder", "tranche", "voert_uit")
    ]
    _zet(dossier, gegevens, eenvoudig)
    dossier.in_opbouw = True
    dossier.penvoerder = bouw.organisatie(
        "Dossier",
        {"_rij": rijen.get("penvoerder", 0), "penvoerder": gegevens.get("penvoerder")},
        "penvoerder",
        verplicht=True,
    )
    if soort == "regiodeal":
        dossier.tranche = _tranche(bouw, gegevens, rijen)
    if soort == "project":
        dossier.voert_uit = _voert_uit(bouw, gegevens, rijen)
    if bouw.fouten:
        return False
    exclude = ["slug"] if not dossier.slug else []
    for veld, fouten in _fouten_van(dossier, exclude).items():
        bouw.fout("Dossier", {"_rij": rijen.get(veld, 0)}, fouten)
    if bouw.fouten:
        return False
    dossier.save()
    bouw.dossier = dossier
    return True


def _fouten_van(obj, exclude) -> dict[str, str]:
    try:
        obj.full_clean(exclude=exclude)
    except ValidationError as error:
        return {
            veld: " ".join(f) if veld == NON_FIELD_ERRORS else f"{veld}: {' '.join(f)}"
            for veld, f in error.message_dict.items()
        }
    return {}


def _tranche(bouw, gegevens, rijen):
    nummer = gegevens.get("tranche")
    if nummer is None:
        return None
    tranche = Tranche.objects.filter(nummer=nummer).first()
    if tranche is None:
        bouw.fout(
            "Dossier", {"_rij": rijen.get("tranche", 0)}, f"tranche: tranche {nummer} bestaat niet."
        )
    return tranche


def _voert_uit(bouw, gegevens, rijen):
    verwijzing = gegevens.get("voert_uit") or ""
    if not verwijzing:
        return None
    slug, _, nummer = verwijzing.partition(":")
    onderdeel = Onderdeel.objects.filter(dossier__slug=slug, nummer=nummer).first()
    if onderdeel is None:
        bouw.fout(
            "Dossier",
            {"_rij": rijen.get("voert_uit", 0)},
            f"voert_uit: onderdeel ‘{verwijzing}’ bestaat niet (schrijf ‘dossier-slug:nummer’).",
        )
    return onderdeel


def wis(dossier: Dossier) -> None:
    """Remove a dossier's structure (not the dossier): for replacing it. Raises
    `ProtectedError` when something outside the structure (a figure, costs, a project
    carrying out one of its parts) still points at it."""
    Afspraakpunt.objects.filter(afspraak_id=dossier.pk).delete()
    BeoogdResultaat.objects.filter(regiodeal_id=dossier.pk).delete()
    Financieringspost.objects.filter(regiodeal_id=dossier.pk).delete()
    Streefdoel.objects.filter(dossier=dossier).delete()
    Norm.objects.filter(indicator__dossier=dossier).delete()
    indicatoren = Indicator.objects.filter(dossier=dossier)
    indicatoren.update(deel_van=None, uitsplitsing_van=None)
    indicatoren.delete()
    Locatie.objects.filter(dossier=dossier).delete()
    Onderdeel.objects.filter(dossier=dossier).update(hoofdonderdeel=None)
    Onderdeel.objects.filter(dossier=dossier).delete()
    Partij.objects.filter(dossier=dossier).delete()
    Projectonderdeel.objects.filter(project_id=dossier.pk).delete()
    Fase.objects.filter(project_id=dossier.pk).delete()
    Rapportage.objects.filter(project_id=dossier.pk).delete()


def _partijen(bouw: _Bouw) -> None:
    for rij in bouw.rijen("Partijen"):
        organisatie = bouw.organisatie("Partijen", rij, verplicht=True)
        if organisatie is None:
            continue
        partij = Partij(dossier=bouw.dossier, organisatie=organisatie)
        _zet(partij, rij, ("rol", "omschrijving", "levert_cijfers", "volgorde"))
        bouw.bewaar("Partijen", rij, partij)


def _onderdelen(bouw: _Bouw) -> None:
    rijen = []
    for rij in bouw.rijen("Onderdelen"):
        onderdeel = Onderdeel(dossier=bouw.dossier)
        _zet(onderdeel, rij, ("nummer", "titel", "omschrijving", "volgorde"))
        if bouw.bewaar("Onderdelen", rij, onderdeel):
            bouw.onderdelen[onderdeel.nummer] = onderdeel
            rijen.append((rij, onderdeel))
    for rij, onderdeel in rijen:  # the main parts once all are there
        hoofd = bouw.opzoeken("Onderdelen", rij, "hoofdonderdeel", bouw.onderdelen, "onderdeel")
        if hoofd is not None:
            onderdeel.hoofdonderdeel = hoofd
            bouw.bewaar("Onderdelen", rij, onderdeel, alleen=("hoofdonderdeel",))


def _locaties(bouw: _Bouw) -> None:
    is_project = bouw.structuur.soort == "project"
    for rij in bouw.rijen("Locaties"):
        locatie = (Kern if is_project else Locatie)(dossier=bouw.dossier)
        _zet(locatie, rij, ("naam", "inwoners", "volgorde"))
        locatie.gemeente = bouw.organisatie("Locaties", rij, "gemeente")
        if is_project:
            locatie.projectleider_fte = rij.get("projectleider_fte")
        elif rij.get("projectleider_fte") is not None:
            bouw.fout("Locaties", rij, "projectleider_fte: alleen voor de kernen van een project.")
            continue
        bouw.bewaar("Locaties", rij, locatie)


ITEMVELDEN = (
    "code",
    "naam",
    "eenheid",
    "richting",
    "meetdefinitie",
    "uitsplitsing",
    "is_waarvan",
    "mag_negatief",
    "laatste_jaar",
    "volgorde",
)


def _items(bouw: _Bouw) -> None:
    rijen = []
    for rij in bouw.rijen("Items"):
        item = Indicator(dossier=bouw.dossier)
        _zet(item, rij, ITEMVELDEN)
        item.onderdeel = bouw.opzoeken("Items", rij, "onderdeel", bouw.onderdelen, "onderdeel")
        if bouw.bewaar("Items", rij, item):
            bouw.items[item.code] = item
            rijen.append((rij, item))
    for rij, item in rijen:  # the parts-of relations once all items are there
        if not (rij.get("deel_van") or rij.get("uitsplitsing_van")):
            continue
        item.deel_van = bouw.opzoeken("Items", rij, "deel_van", bouw.items, "item")
        item.uitsplitsing_van = bouw.opzoeken("Items", rij, "uitsplitsing_van", bouw.items, "item")
        bouw.bewaar("Items", rij, item, alleen=("deel_van", "uitsplitsing_van"))
    for rij in bouw.rijen("Meetdefinities"):
        item = bouw.opzoeken("Meetdefinities", rij, "item", bouw.items, "item", verplicht=True)
        organisatie = bouw.organisatie("Meetdefinities", rij, verplicht=True)
        if item and organisatie:
            definitie = Meetdefinitie(
                indicator=item, organisatie=organisatie, omschrijving=rij.get("omschrijving") or ""
            )
            bouw.bewaar("Meetdefinities", rij, definitie)


def _normen(bouw: _Bouw) -> None:
    for rij in bouw.rijen("Normen"):
        item = bouw.opzoeken("Normen", rij, "item", bouw.items, "item", verplicht=True)
        if item is None:
            continue
        norm = Norm(indicator=item)
        _zet(norm, rij, ("soort", "ondergrens", "bovengrens", "omschrijving"))
        norm.ten_opzichte_van = bouw.opzoeken("Normen", rij, "ten_opzichte_van", bouw.items, "item")
        bouw.bewaar("Normen", rij, norm)


def _streefdoelen(bouw: _Bouw) -> None:
    for rij in bouw.rijen("Streefdoelen"):
        nummer = rij.get("nummer")
        if nummer is None or nummer in bouw.doelen:
            bouw.fout("Streefdoelen", rij, "nummer: geef elk streefdoel een eigen nummer.")
            continue
        doel = Streefdoel(dossier=bouw.dossier, soort=rij.get("soort") or "")
        _zet(doel, rij, STREEFDOELVELDEN)
        doel.indicator = bouw.opzoeken("Streefdoelen", rij, "item", bouw.items, "item")
        doel.organisatie = bouw.organisatie("Streefdoelen", rij)
        if bouw.bewaar("Streefdoelen", rij, doel):
            bouw.doelen[nummer] = doel


def _doel(bouw: _Bouw, blad: str, rij: dict):
    return bouw.opzoeken(blad, rij, "streefdoel", bouw.doelen, "streefdoel")


def _afspraak(bouw: _Bouw) -> None:
    for rij in bouw.rijen("Afspraakpunten"):
        onderdeel = bouw.opzoeken(
            "Afspraakpunten", rij, "onderdeel", bouw.onderdelen, "onderdeel", verplicht=True
        )
        trekkers = [bouw.organisaties.get(slug) for slug in rij.get("trekkers") or []]
        for slug in rij.get("trekkers") or []:
            if slug not in bouw.organisaties:
                bouw.fout("Afspraakpunten", rij, f"trekkers: organisatie ‘{slug}’ bestaat niet.")
        if onderdeel is None or None in trekkers:
            continue
        punt = Afspraakpunt(
            afspraak_id=bouw.dossier.pk,
            onderdeel=onderdeel,
            streefdoel=_doel(bouw, "Afspraakpunten", rij),
        )
        _zet(
            punt,
            rij,
            (
                "soort",
                "titel",
                "tekst",
                "trekker_omschrijving",
                "resultaat",
                "deadline_omschrijving",
                "status",
                "volgorde",
            ),
        )
        if bouw.bewaar("Afspraakpunten", rij, punt) and trekkers:
            punt.trekkers.set(trekkers)


def _regiodeal(bouw: _Bouw) -> None:
    for rij in bouw.rijen("Doelen"):
        thema = bouw.opzoeken("Doelen", rij, "thema", bouw.onderdelen, "thema", verplicht=True)
        if thema is not None:
            doel = Doel(thema=thema)
            _zet(doel, rij, ("tekst", "volgorde"))
            bouw.bewaar("Doelen", rij, doel)
    for rij in bouw.rijen("Resultaten"):
        onderdeel = bouw.opzoeken(
            "Resultaten", rij, "onderdeel", bouw.onderdelen, "onderdeel", verplicht=True
        )
        if onderdeel is not None:
            resultaat = BeoogdResultaat(
                regiodeal_id=bouw.dossier.pk,
                onderdeel=onderdeel,
                streefdoel=_doel(bouw, "Resultaten", rij),
            )
            _zet(resultaat, rij, ("omschrijving", "volgorde"))
            bouw.bewaar("Resultaten", rij, resultaat)
    for rij in bouw.rijen("Financieringsposten"):
        post = Financieringspost(regiodeal_id=bouw.dossier.pk)
        post.actielijn = bouw.opzoeken(
            "Financieringsposten", rij, "actielijn", bouw.onderdelen, "onderdeel"
        )
        _zet(
            post,
            rij,
            (
                "naam",
                "is_uitvoeringskosten",
                "maximale_rijksbijdrage",
                "minimale_regionale_financiering",
                "volgorde",
            ),
        )
        bouw.bewaar("Financieringsposten", rij, post)


PERIODE = ("start", "eind", "periode_tekst")


def _project(bouw: _Bouw) -> None:
    project_id = bouw.dossier.pk
    for rij in bouw.rijen("Planonderdelen"):
        deel = Projectonderdeel(project_id=project_id)
        _zet(deel, rij, ("soort", "tekst", "volgorde"))
        bouw.bewaar("Planonderdelen", rij, deel)
    fasen = {}
    for rij in bouw.rijen("Fasen"):
        fase = Fase(project_id=project_id)
        _zet(fase, rij, ("nummer", "titel", *PERIODE))
        if bouw.bewaar("Fasen", rij, fase):
            fasen[fase.nummer] = fase
    for rij in bouw.rijen("Acties"):
        fase = bouw.opzoeken("Acties", rij, "fase", fasen, "fase", verplicht=True)
        if fase is not None:
            actie = Actie(fase=fase)
            _zet(actie, rij, ("omschrijving", *PERIODE, "volgorde"))
            bouw.bewaar("Acties", rij, actie)
    for rij in bouw.rijen("Rapportages"):
        rapportage = Rapportage(project_id=project_id)
        _zet(rapportage, rij, ("soort", "venster_start", "venster_eind"))
        bouw.bewaar("Rapportages", rij, rapportage)
