"""The timeline and the totals of a community's aid and visits, or of one of its
partnerships: pure screens from the loaded rows, the names of the communities and a
translator."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

from bot.domain.aid.model import KINDS, Converted, Rate, Totals, plain_decimal
from bot.domain.sectors import sector_label
from bot.i18n import Translator
from handlers.aid.buttons import Chart, ExportCsv, ExportXlsx, ShowTotals, Timeline, ViewRecord
from handlers.aid.common import Names, format_day, joined, money
from handlers.aid.render import quantity_text, record_day, status_text
from handlers.aid.screens import AID_HOME, Screen
from handlers.shared.buttons import Button
from handlers.shared.screens import columns, keyboard
from handlers.visits.buttons import ViewVisit
from handlers.visits.render import visit_line
from storage.aid import AidRecord
from storage.visits import Visit

PAGE = 8
Row = list[tuple[str, str]]
Entry = AidRecord | Visit


def newest_first(records: Sequence[AidRecord], visits: Sequence[Visit]) -> list[Entry]:
    """Aid and visits in one list, the newest first; a visit before aid of the same day."""
    entries: list[tuple[str, int, Entry]] = [(r.aid_date, 0, r) for r in records]
    entries += [(v.start_date, 1, v) for v in visits]
    entries.sort(key=lambda e: (e[0], e[1], e[2].id), reverse=True)
    return [entry for _day, _order, entry in entries]


def scope_rows(
    t: Translator,
    scopes: Sequence[tuple[int, str]],
    current: int | None,
    press: Callable[[int | None], Button],
) -> list[Row]:
    """Buttons to narrow a view to one partnership (id, partner), or back to all partners."""
    buttons: Row = []
    if current is not None:
        buttons.append((t._("All partners"), press(None).data()))
    for partnership, partner in scopes[:6]:
        if partnership != current:
            buttons.append((partner[:30], press(partnership).data()))
    return columns(buttons, 3)


def aid_line(t: Translator, record: AidRecord, names: Names, viewer: int | None = None) -> str:
    donors, recipient = joined(names, record.donors), joined(names, [record.recipient_id])
    what = t._(KINDS.get(record.kind, record.kind))
    value = f" · {money(t, record.value_minor, record.currency)}" if record.value_minor else ""
    return (
        f"№{record.number(viewer)} · {record_day(t, record)} · {donors} → {recipient}\n"
        f"{what}: {record.description[:80]}{value}\n{status_text(t, record, names)}"
    )


def record_button(t: Translator, record: AidRecord, names: Names, viewer: int) -> str:
    """The number, the date and the other side: "№3 · 15.11.2022 · Jena"."""
    others = record.donors if record.recipient_id == viewer else (record.recipient_id,)
    partner = joined(names, others)[:24]
    return f"№{record.number(viewer)} · {record_day(t, record)} · {partner}"


def timeline_screen(
    t: Translator,
    title: str,
    entries: Sequence[Entry],
    page: int,
    viewer: int,
    names: Names,
    partnership: int | None,
    scopes: Sequence[tuple[int, str]],
) -> Screen:
    """`entries` hold this page and at least one more if there are older ones."""
    _ = t._
    shown = entries[page * PAGE : (page + 1) * PAGE]
    lines = [_("Timeline — {scope}", scope=title)]
    buttons: Row = []
    for entry in shown:
        if isinstance(entry, AidRecord):
            lines.append(aid_line(t, entry, names, viewer))
            buttons.append((record_button(t, entry, names, viewer), ViewRecord(entry.id).data()))
        else:
            lines.append(visit_line(t, entry, viewer, names))
            buttons.append((_("Visit №{id}", id=entry.id), ViewVisit(entry.id).data()))
    if not shown:
        lines.append(_("Nothing recorded yet. Use Log aid or Log visit."))
    nav: Row = []
    if page > 0:
        nav.append((_("◀ Newer"), Timeline(partnership, page - 1).data()))
    if len(entries) > (page + 1) * PAGE:
        nav.append((_("Older ▶"), Timeline(partnership, page + 1).data()))
    rows = columns(buttons, 1)
    if nav:
        rows.append(nav)
    rows += scope_rows(t, scopes, partnership, lambda p: Timeline(p, 0))
    rows.append([(_("Aid and visits"), AID_HOME)])
    return "\n\n".join(lines), keyboard(rows)


def units_line(t: Translator, units: Mapping[str, Decimal]) -> str:
    """The items' quantities per unit: "11 t, 36 people, 2 pcs"."""
    return ", ".join(
        quantity_text(t, plain_decimal(quantity.quantize(Decimal("0.001")).normalize()), unit)
        for unit, quantity in units.items()
    )


def totals_screen(
    t: Translator,
    title: str,
    result: Totals,
    visits: int,
    converted: Converted | None,
    partners: Mapping[tuple[int, ...], str],
    partnership: int | None,
    scopes: Sequence[tuple[int, str]],
) -> Screen:
    """Sums of what both sides confirmed stay per currency; `converted` (at the operator's
    rates) is shown beside them; what waits for a side to confirm is shown apart."""
    _ = t._
    lines = [
        _("Totals — {scope}", scope=title),
        t.ngettext("{n} aid record", "{n} aid records", result.records)
        + ", "
        + t.ngettext("{n} visit or meeting", "{n} visits or meetings", visits),
    ]
    if result.by_currency:
        lines += ["", _("Value by currency (never converted):")]
        lines += [f"  {money(t, v, c)}" for c, v in result.by_currency.items()]
        if converted is not None and converted.rates:
            lines.append(
                _(
                    "≈ {total} at the operator's rates ({rates})",
                    total=money(t, converted.value_minor, converted.base),
                    rates="; ".join(rate_line(t, r) for r in converted.rates),
                )
            )
        lines += ["", _("By partner:")]
        lines += [f"  {partners[d]}: {money(t, v, c)}" for (d, c), v in result.by_partner.items()]
        lines += ["", _("By year:")]
        lines += [f"  {y}: {money(t, v, c)}" for (y, c), v in result.by_year.items()]
        lines += ["", _("By sector:")]
        lines += [
            f"  {sector_label(s, t)}: {money(t, v, c)}" for (s, c), v in result.by_sector.items()
        ]
    if result.units:
        lines += ["", _("Quantities: {units}", units=units_line(t, result.units))]
    if result.people:
        lines.append(_("People reached: {n}", n=t.number(result.people)))
    if result.pending_records:
        lines += [
            "",
            t.ngettext(
                "Not yet confirmed by both sides ({n} record):",
                "Not yet confirmed by both sides ({n} records):",
                result.pending_records,
            ),
        ]
        pending = [money(t, v, c) for c, v in result.pending_by_currency.items()]
        if result.pending_units:
            pending.append(units_line(t, result.pending_units))
        if pending:
            lines.append("  " + "; ".join(pending))
    elif not result.records:
        lines += ["", _("Nothing recorded yet. Use Log aid or Log visit.")]
    elif result.by_currency:
        lines += ["", _("All of it is confirmed by both sides.")]
    rows = scope_rows(t, scopes, partnership, ShowTotals)
    rows.append(
        [
            (_("Excel (.xlsx)"), ExportXlsx(partnership).data()),
            (_("Export CSV"), ExportCsv(partnership).data()),
            (_("Chart"), Chart(partnership).data()),
        ]
    )
    rows.append([(_("Aid and visits"), AID_HOME)])
    return "\n".join(lines), keyboard(rows)


def rate_line(t: Translator, rate: Rate) -> str:
    return t._(
        "1 {currency} = {rate} {base} on {date}",
        currency=rate.currency,
        rate=t.number(rate.rate),
        base=rate.base,
        date=format_day(t, rate.rate_date),
    )
