"""The footer's pages (toegankelijkheidsverklaring, privacy, contact): public by design, a
visitor on the login page must be able to read them (docs/architecture.md)."""

from django.contrib.auth.decorators import login_not_required
from django.contrib.flatpages.views import flatpage

voettekst = login_not_required(flatpage)
