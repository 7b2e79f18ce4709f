from django.apps import AppConfig
from django.core import checks


class ImporterenConfig(AppConfig):
    name = "importeren"
    verbose_name = "import van cijfers uit Excel"

    def ready(self) -> None:
        checks.register(check_defusedxml, checks.Tags.security)


def check_defusedxml(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """openpyxl parses with defusedxml only when it is installed and not switched off
    (OPENPYXL_DEFUSEDXML); without it an XML entity bomb in an upload would be expanded."""
    from openpyxl.xml import DEFUSEDXML

    if DEFUSEDXML:
        return []
    return [
        checks.Error(
            "openpyxl gebruikt defusedxml niet: Excel-imports zijn dan niet veilig.",
            hint="Installeer defusedxml en zet OPENPYXL_DEFUSEDXML niet op False.",
            id="importeren.E001",
        )
    ]
