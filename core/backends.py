"""Django's `ModelBackend`, loading the user of a request in one query instead of three.

Every page names the user's organisation and most check a role, so the user comes with their
organisation (a join) and a flag per role (`Exists`), which `User.rollen` reads. Logging in,
passwords and permissions are Django's own.
"""

import functools

from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef

from .models import Rol, User


@functools.cache
def _met_rollen():
    """Built once per process: resolving four subqueries costs more than running them."""
    rollen = {
        User.rol_veld(rol): Exists(Group.objects.filter(user=OuterRef("pk"), name=rol.value))
        for rol in Rol
    }
    return User.objects.select_related("organisatie").annotate(**rollen)


class ModelBackend(DjangoModelBackend):
    def get_user(self, user_id):
        user = _met_rollen().filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
