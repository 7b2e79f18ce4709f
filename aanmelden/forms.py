from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.urls import reverse
from django.utils.html import format_html

from .models import Identiteitsprovider


class _AlleenViaProvider:
    """Refuses the password of a user whose organisation signs in through its own provider
    only (a superuser keeps it: the emergency access)."""

    def naar_de_inlogdienst(self) -> str:
        return "kies hieronder ‘Inloggen met uw organisatie’."

    def confirm_login_allowed(self, user) -> None:
        super().confirm_login_allowed(user)
        if user.is_superuser or user.organisatie_id is None:
            return
        alleen_provider = Identiteitsprovider.objects.filter(
            organisatie_id=user.organisatie_id, actief=True, lokaal_inloggen=False
        ).exists()
        if alleen_provider:
            raise forms.ValidationError(
                format_html(
                    "Uw organisatie logt in via haar eigen inlogdienst: {}",
                    self.naar_de_inlogdienst(),
                ),
                code="lokaal_uitgeschakeld",
            )


class InlogFormulier(_AlleenViaProvider, AuthenticationForm):
    """The login page's form."""


class BeheerInlogFormulier(_AlleenViaProvider, AdminAuthenticationForm):
    """Beheer's own login page: the same switch, or a staff member would get round it there.
    Beheer's page has no provider button: the message links to the login page that has."""

    def naar_de_inlogdienst(self) -> str:
        return format_html(
            'ga naar <a href="{}">de inlogpagina</a> en kies ‘Inloggen met uw organisatie’.',
            f"{reverse('login')}?next={reverse('admin:index')}",
        )
