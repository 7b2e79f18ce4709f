from django.apps import AppConfig


class PaginasConfig(AppConfig):
    """The footer's pages (toegankelijkheid, privacy, contact) as flatpages with default texts."""

    name = "paginas"
    verbose_name = "vaste pagina's"
