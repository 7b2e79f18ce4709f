"""The long lists' rows, written in Python (templates/tabellen/lijst.html).

django-tables2 sorts, pages and draws the header; a list of dossiers draws its 25 rows itself,
one string per row, because a template per row took a fifth of the page (docs/performance.md,
"Where a list's time goes"). A table says what its cells hold in `cellen`; the labels and the
numeric class come from its columns, so they are written once.
"""

from collections.abc import Iterable

from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

# Put in the place of every argument of a reversed URL, then replaced by the real one: it
# matches both the slug and the int converter, and no URL of ours holds it otherwise.
_PLEK = "987654321"


def link(url: str, tekst: str) -> SafeString:
    return format_html('<a class="utrecht-link" href="{}">{}</a>', url, tekst)


class RijenInPython:
    """Mixin for a django-tables2 Table: its rows from `cellen(record)`, an iterable of one
    value per column (escaped unless safe), in the order of the columns."""

    rijen_in_python = True

    def cellen(self, record) -> Iterable:
        raise NotImplementedError

    def pad(self, naam: str, **argument) -> str:
        """reverse(naam, kwargs=argument) for a URL of one argument, a slug or a number (both
        safe in a URL as they are): reversed once per table rather than once per row."""
        ((sleutel, waarde),) = argument.items()
        paden = self.__dict__.setdefault("_paden", {})
        if naam not in paden:
            paden[naam] = reverse(naam, kwargs={sleutel: _PLEK})
        return paden[naam].replace(_PLEK, str(waarde))

    def rijen_html(self) -> SafeString:
        koppen = []
        for kolom in self.columns:
            numeriek = "numeric" in kolom.column.attrs.get("td", {}).get("class", "").split()
            koppen.append(
                f'<td class="utrecht-table__cell{" numeric" if numeriek else ""}"'
                f' data-label="{conditional_escape(kolom.header)}">'
            )
        rijen = self.page.object_list if hasattr(self, "page") else self.rows
        html = [
            '<tr class="utrecht-table__row">'
            + "".join(
                kop + conditional_escape(cel) + "</td>"
                for kop, cel in zip(koppen, self.cellen(rij.record), strict=True)
            )
            + "</tr>"
            for rij in rijen
        ]
        if not html:
            return format_html(
                '<tr class="utrecht-table__row">'
                '<td class="utrecht-table__cell" colspan="{}">{}</td></tr>',
                len(self.columns),
                self.empty_text,
            )
        return mark_safe("\n".join(html))
