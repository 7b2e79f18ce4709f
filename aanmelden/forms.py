from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm

from .models import Identiteitsprovider


class _AlleenViaProvider:
    """Refuses the password of a user whose organisation signs in through its own provider
    only (a superuser keeps it: the emergency access)."""

    def confirm_login_allowed(self, user) -> None:
        super().confirm_login_allowed(user)
        if user.is_superuser or user.organisatie_id is None:
            return
        alleen_provider = Identiteitsprovider.objects.filter(
            organisatie_id=user.organisatie_id, actief=True, lokaal_inloggen=False
        ).exists()
        if alleen_provider:
            raise forms.ValidationError(
                "Uw organisatie logt in via haar eigen inlogdienst: kies hieronder "
                "‘Inloggen met uw organisatie’.",
                code="lokaal_uitgeschakeld",
            )


class InlogFormulier(_AlleenViaProvider, AuthenticationForm):
    """The login page's form."""


class BeheerInlogFormulier(_AlleenViaProvider, AdminAuthenticationForm):
    """Beheer's own login page: the same switch, or a staff member would get round it there."""
