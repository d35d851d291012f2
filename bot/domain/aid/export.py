"""Aid records as CSV for a spreadsheet: UTF-8 with a BOM (Excel reads it as UTF-8),
headers in the reader's language, then an HXL hashtag row so humanitarian tools can map
the columns without knowing the language. The recipient's oblast and hromada come with
their KATOTTG codes, which other datasets of Ukraine join on. Cells that a spreadsheet
would run as formulas are written as text (`bot.domain.spreadsheet`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Protocol

from bot.domain.aid.model import KINDS, STATUSES, UNIT_LABELS, from_minor
from bot.domain.sectors import sector_label
from bot.domain.spreadsheet import safe_row
from bot.i18n import N_
from storage.aid import ExportRow


class _Translates(Protocol):
    def _(self, message: str, /, **values: object) -> str: ...


def _blank(_code: str | None) -> str:
    return ""


# (header, HXL hashtag) in column order.
COLUMNS: tuple[tuple[str, str], ...] = (
    (N_("Record"), "#meta+id"),
    (N_("Date"), "#date"),
    (N_("Donor"), "#org+donor"),
    (N_("Recipient"), "#org+recipient"),
    (N_("Oblast"), "#adm1+name"),
    (N_("Oblast code"), "#adm1+code"),
    (N_("Hromada"), "#adm3+name"),
    (N_("Hromada code"), "#adm3+code"),
    (N_("Sector"), "#sector"),
    (N_("Kind"), "#item+type"),
    (N_("Description"), "#item+name"),
    (N_("Quantity"), "#item+num"),
    (N_("Unit"), "#item+unit"),
    (N_("Value"), "#value"),
    (N_("Currency"), "#currency"),
    (N_("Status"), "#status"),
    (N_("Confirmed by both sides"), "#status+confirmed"),
    (N_("Facility"), "#loc+name"),
)
HXL_TAGS: tuple[str, ...] = tuple(tag for _header, tag in COLUMNS)


def build_csv(
    rows: list[ExportRow],
    t: _Translates,
    region_name: Callable[[str | None], str],
    region_code: Callable[[str | None], str] = _blank,
    hromada_name: Callable[[str | None], str] = _blank,
) -> bytes:
    """``region_name`` and ``region_code`` take an ISO 3166-2 code; ``hromada_name`` a
    KATOTTG code."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(safe_row(t._(header) for header, _tag in COLUMNS))
    writer.writerow(safe_row(HXL_TAGS))
    yes, no = t._("yes"), t._("no")
    for row in rows:
        record = row.record
        writer.writerow(
            safe_row(
                [
                    record.id,
                    record.aid_date,
                    "; ".join(row.donor_names),
                    row.recipient_name,
                    region_name(row.recipient_region),
                    region_code(row.recipient_region),
                    hromada_name(row.recipient_katottg),
                    row.recipient_katottg or "",
                    sector_label(record.sector, t),
                    t._(KINDS.get(record.kind, record.kind)),
                    record.description,
                    record.quantity or "",
                    t._(UNIT_LABELS[record.unit]) if record.unit in UNIT_LABELS else "",
                    str(from_minor(record.value_minor)) if record.value_minor else "",
                    record.currency or "",
                    t._(STATUSES.get(record.status, record.status)),
                    yes if record.confirmed_by_both else no,
                    record.facility or "",
                ]
            )
        )
    return buffer.getvalue().encode("utf-8-sig")
