"""Who may import figures and see an import, on top of the rules of `core.rules`.

Each row of an import is still checked against `core.change_waarde`; these only guard the
pages. An import's page shows old and new values, so it is for its uploader, the dossier's
coordinators and beheerders: the people who could see those figures anyway.
"""

import rules

from core.rules import coordinates, is_beheerder, is_beleidsmedewerker


@rules.predicate
def has_organisatie(user) -> bool:
    return user.organisatie_id is not None


@rules.predicate
def uploaded(user, cijferimport) -> bool:
    return cijferimport is not None and cijferimport.door_id == user.pk


# obj: the Dossier. A beleidsmedewerker may upload; each row must be their organisation's.
rules.add_perm(
    "importeren.upload_to_dossier",
    is_beheerder | coordinates | (is_beleidsmedewerker & has_organisatie),
)
# obj: the Cijferimport (`coordinates` reads its dossier).
rules.add_perm("importeren.see_cijferimport", uploaded | is_beheerder | coordinates)
# Confirming is for the uploader only: see importeren.services.confirm_import.
