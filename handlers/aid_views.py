"""Timeline, totals, CSV export and chart of a community's aid and visits, or of one of
its partnerships. Callback data carries the partnership id (0 for the whole community),
which is re-checked against the presser's community on every press.
"""

from __future__ import annotations

import asyncio
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

from telegram import InputFile, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot import background
from bot.aid import KINDS, convert, totals
from bot.aid_chart import build_chart
from bot.aid_export import build_csv
from bot.context import BotContext
from bot.gazetteer import get_gazetteer
from bot.parsing.amounts import CURRENCIES
from bot.parsing.dates import DateError, parse_date
from bot.sectors import sector_label
from bot.visits import DIRECTION_SHORT, seen_from
from handlers.aid_common import community_titles, data_parts, format_day, money
from handlers.aid_home import home_markup
from handlers.aid_render import status_text
from handlers.common import Button, answer, keyboard, show, toast

PAGE = 8


async def _scope(update: Update, context: BotContext, raw: str) -> tuple[int, int | None] | None:
    """(community, partnership or None) if the presser may see it; tells them otherwise."""
    community_id = context.community_id
    if community_id is None:
        await toast(update, context._("Send /start to choose the community you act for."))
        return None
    if not raw.isdigit():
        return None
    partnership_id = int(raw) or None
    if partnership_id is not None:
        partnership = await context.repos.partnerships.get(partnership_id)
        if partnership is None or not partnership.involves(community_id):
            await toast(update, context._("That partnership is not one of your community's."))
            return None
    return community_id, partnership_id


async def _scope_title(context: BotContext, community_id: int, partnership_id: int | None) -> str:
    if partnership_id is None:
        return await community_titles(context, [community_id], context.lang)
    partnership = await context.repos.partnerships.get(partnership_id)
    assert partnership is not None
    return await community_titles(
        context, [partnership.community_id, partnership.partner_id], context.lang
    )


async def _partnership_buttons(
    context: BotContext, community_id: int, action: str, current: int | None
) -> list[list[Button]]:
    partnerships = await context.repos.partnerships.for_community(community_id)
    buttons: list[Button] = []
    if current is not None:
        buttons.append((context._("All partners"), f"ai:{action}:0"))
    for p in partnerships[:6]:
        if p.id == current:
            continue
        other = p.partner_id if p.community_id == community_id else p.community_id
        title = await community_titles(context, [other], context.lang)
        buttons.append((title[:30], f"ai:{action}:{p.id}"))
    return [buttons[i : i + 3] for i in range(0, len(buttons), 3)]


# --------------------------------------------------------------------------- timeline


async def timeline(update: Update, context: BotContext) -> None:
    _ = context._
    parts = data_parts(update)
    scope = await _scope(update, context, parts[2] if len(parts) > 2 else "")
    if scope is None:
        return
    community_id, partnership_id = scope
    page = int(parts[3]) if len(parts) > 3 and parts[3].isdigit() else 0
    upto = (page + 1) * PAGE + 1
    records = await context.repos.aid.page(community_id, partnership_id, 0, upto)
    visits = await context.repos.visits.page(community_id, partnership_id, 0, upto)
    items: list[tuple[str, int, Any]] = sorted(
        [("aid", 0, r) for r in records] + [("visit", 1, v) for v in visits],
        key=lambda item: (
            item[2].aid_date if item[0] == "aid" else item[2].start_date,
            item[1],
            item[2].id,
        ),
        reverse=True,
    )
    shown = items[page * PAGE : (page + 1) * PAGE]
    title = await _scope_title(context, community_id, partnership_id)
    lines = [_("Timeline — {scope}", scope=title)]
    buttons: list[Button] = []
    for kind, _order, item in shown:
        if kind == "aid":
            lines.append(await _aid_line(context, item))
            buttons.append((f"№{item.id}", f"ai:r:{item.id}"))
        else:
            lines.append(await _visit_line(context, item, community_id))
            buttons.append((_("Visit №{id}", id=item.id), f"vi:r:{item.id}"))
    if not shown:
        lines.append(_("Nothing recorded yet. Use Log aid or Log visit."))
    pid = partnership_id or 0
    nav: list[Button] = []
    if page > 0:
        nav.append((_("◀ Newer"), f"ai:tl:{pid}:{page - 1}"))
    if len(items) > (page + 1) * PAGE:
        nav.append((_("Older ▶"), f"ai:tl:{pid}:{page + 1}"))
    rows = [buttons[i : i + 4] for i in range(0, len(buttons), 4)]
    if nav:
        rows.append(nav)
    rows += await _partnership_buttons(context, community_id, "tl", partnership_id)
    rows.append([(_("Aid and visits"), "menu:aid")])
    await show(update, context, "\n\n".join(lines), keyboard(rows))


async def _aid_line(context: BotContext, record: Any) -> str:
    t = context.t
    donors = await community_titles(context, record.donors, context.lang)
    recipient = await community_titles(context, [record.recipient_id], context.lang)
    what = t._(KINDS.get(record.kind, record.kind))
    value = f" · {money(t, record.value_minor, record.currency)}" if record.value_minor else ""
    return (
        f"№{record.id} · {format_day(t, record.aid_date)} · {donors} → {recipient}\n"
        f"{what}: {record.description[:80]}{value}\n{status_text(t, record)}"
    )


async def _visit_line(context: BotContext, visit: Any, viewer: int) -> str:
    t = context.t
    ours = visit.community_id == viewer
    other = visit.partner_id if ours else visit.community_id
    direction = seen_from(visit.direction, ours)
    partner = await community_titles(context, [other], context.lang)
    days = format_day(t, visit.start_date)
    if visit.end_date != visit.start_date:
        days += f"–{format_day(t, visit.end_date)}"
    label = t._("Visit №{id}", id=visit.id)
    head = f"{label} · {days} · {t._(DIRECTION_SHORT[direction])} · {partner}"
    details = []
    if visit.delegation_size:
        details.append(t.ngettext("{n} person", "{n} people", visit.delegation_size))
    if visit.leader:
        details.append(t._("led by {leader}", leader=visit.leader))
    if visit.outcomes:
        details.append(t._("outcomes: {text}", text=visit.outcomes[:80]))
    return head + ("\n" + ", ".join(details) if details else "")


# --------------------------------------------------------------------------- totals


async def show_totals(update: Update, context: BotContext) -> None:
    _ = context._
    t = context.t
    parts = data_parts(update)
    scope = await _scope(update, context, parts[2] if len(parts) > 2 else "")
    if scope is None:
        return
    community_id, partnership_id = scope
    result = totals(await context.repos.aid.totals_rows(community_id, partnership_id))
    visits = await context.repos.visits.per_year(community_id, partnership_id)
    title = await _scope_title(context, community_id, partnership_id)
    lines = [
        _("Totals — {scope}", scope=title),
        t.ngettext("{n} aid record", "{n} aid records", result.records)
        + ", "
        + t.ngettext("{n} visit or meeting", "{n} visits or meetings", sum(visits.values())),
    ]
    if result.by_currency:
        lines += ["", _("Value by currency (never converted):")]
        lines += [f"  {money(t, v, c)}" for c, v in result.by_currency.items()]
        converted = convert(result.by_currency, await context.repos.aid.rates())
        if converted is not None and converted.rates:
            rates = "; ".join(
                _(
                    "1 {currency} = {rate} {base} on {date}",
                    currency=r.currency,
                    rate=t.number(r.rate),
                    base=r.base,
                    date=format_day(t, r.rate_date),
                )
                for r in converted.rates
            )
            lines.append(
                _(
                    "≈ {total} at the operator's rates ({rates})",
                    total=money(t, converted.value_minor, converted.base),
                    rates=rates,
                )
            )
        names = await _partner_names(context, [d for d, _c in result.by_partner])
        lines += ["", _("By partner:")]
        lines += [f"  {names[d]}: {money(t, v, c)}" for (d, c), v in result.by_partner.items()]
        lines += ["", _("By year:")]
        lines += [f"  {y}: {money(t, v, c)}" for (y, c), v in result.by_year.items()]
        lines += ["", _("By sector:")]
        lines += [
            f"  {sector_label(s, t)}: {money(t, v, c)}" for (s, c), v in result.by_sector.items()
        ]
    elif not result.records:
        lines += ["", _("Nothing recorded yet. Use Log aid or Log visit.")]
    rows = await _partnership_buttons(context, community_id, "tot", partnership_id)
    pid = partnership_id or 0
    rows.append([(_("Export CSV"), f"ai:csv:{pid}"), (_("Chart"), f"ai:ch:{pid}")])
    rows.append([(_("Aid and visits"), "menu:aid")])
    await show(update, context, "\n".join(lines), keyboard(rows))


async def _partner_names(
    context: BotContext, donor_sets: list[tuple[int, ...]]
) -> dict[tuple[int, ...], str]:
    ids = sorted({d for donors in donor_sets for d in donors})
    found = {c.id: c for c in await context.repos.communities.list_by_ids(ids)}
    return {
        donors: " + ".join(found[d].title(context.lang) for d in donors if d in found)
        for donors in donor_sets
    }


# --------------------------------------------------------------------------- files


async def export_csv(update: Update, context: BotContext) -> None:
    parts = data_parts(update)
    scope = await _scope(update, context, parts[2] if len(parts) > 2 else "")
    if scope is None or update.effective_chat is None:
        return
    await toast_quietly(update)
    # A community's whole log can be large: the file follows the answer.
    background.start(
        context.application,
        _send_csv(context, update.effective_chat.id, *scope),
        name="aid:csv",
    )


async def _send_csv(
    context: BotContext, chat_id: int, community_id: int, partnership_id: int | None
) -> None:
    rows = await context.repos.aid.export_rows(community_id, partnership_id)
    gazetteer = get_gazetteer()

    def region_name(code: str | None) -> str:
        region = gazetteer.region(code) if code else None
        return region.name(context.lang) if region else ""

    data = await asyncio.to_thread(build_csv, rows, context.t, region_name)
    name = f"aid-{community_id}-{_stamp(context)}.csv"
    await context.bot.send_document(
        chat_id,
        InputFile(data, filename=name),
        caption=context.ngettext("{n} aid record", "{n} aid records", len(rows)),
    )
    await _what_next(context, chat_id)


async def send_chart(update: Update, context: BotContext) -> None:
    _ = context._
    parts = data_parts(update)
    scope = await _scope(update, context, parts[2] if len(parts) > 2 else "")
    if scope is None or update.effective_chat is None:
        return
    community_id, partnership_id = scope
    result = totals(
        await context.repos.aid.totals_rows(community_id, partnership_id),
        await context.repos.aid.year_partner_rows(community_id, partnership_id),
    )
    visits = await context.repos.visits.per_year(community_id, partnership_id)
    if not result.by_currency and not visits:
        await toast(update, _("There is nothing to chart yet: no aid value and no visits."))
        return
    names = await _partner_names(context, [d for d, _c in result.by_partner])
    png = build_chart(result, names, visits, context.t)
    await toast_quietly(update)
    title = await _scope_title(context, community_id, partnership_id)
    await context.bot.send_photo(
        update.effective_chat.id,
        InputFile(png, filename="aid-chart.png"),
        caption=_("Aid and visits — {scope}", scope=title),
    )
    await show_after_file(update, context)


def _stamp(context: BotContext) -> str:
    return context.services.clock.now().strftime("%Y-%m-%d")


async def toast_quietly(update: Update) -> None:
    if update.callback_query is not None:
        await answer(update.callback_query)


async def show_after_file(update: Update, context: BotContext) -> None:
    assert update.effective_chat is not None
    await _what_next(context, update.effective_chat.id)


async def _what_next(context: BotContext, chat_id: int) -> None:
    """The file pushed the menu up: send it again below, so the next tap is at hand."""
    await context.bot.send_message(
        chat_id, context._("What next?"), reply_markup=home_markup(context)
    )


RATE_BASE = "UAH"


async def set_rate(update: Update, context: BotContext) -> None:
    """`/rate EUR 44.50 20.11.2026`: an operator's rate, shown with its date beside totals."""
    _ = context._
    if not context.is_operator or context.account is None:
        await show(update, context, _("Only an operator can set exchange rates."))
        return
    args = context.args or []
    usage = _(
        "Send /rate, a currency, its value in hryvnias and the date of the rate, e.g."
        " /rate EUR 44.50 20.11.2026."
    )
    if len(args) != 3:
        current = [
            _(
                "1 {currency} = {rate} {base} on {date}",
                currency=r.currency,
                rate=context.t.number(r.rate),
                base=r.base,
                date=format_day(context.t, r.rate_date),
            )
            for r in await context.repos.aid.rates()
        ]
        await show(update, context, "\n".join([usage, *current]))
        return
    currency = args[0].upper()
    try:
        rate = Decimal(args[1].replace(",", "."))
        day = parse_date(
            args[2],
            today=context.services.clock.now().astimezone(ZoneInfo(context.tz)).date(),
            allow_future=False,
        )
    except (InvalidOperation, DateError):
        await show(update, context, usage)
        return
    if currency not in CURRENCIES or currency == RATE_BASE or not rate.is_finite() or rate <= 0:
        await show(update, context, usage)
        return
    await context.repos.aid.set_rate(currency, RATE_BASE, rate, day, context.account.id)
    await show(
        update,
        context,
        _(
            "Saved: 1 {currency} = {rate} {base} on {date}. Totals show it beside the sums"
            " per currency.",
            currency=currency,
            rate=context.t.number(rate),
            base=RATE_BASE,
            date=format_day(context.t, day),
        ),
    )


def handlers() -> list[Any]:
    return [
        CommandHandler("rate", set_rate, filters=filters.ChatType.PRIVATE),
        CallbackQueryHandler(timeline, pattern=r"^ai:tl:"),
        CallbackQueryHandler(show_totals, pattern=r"^ai:tot:"),
        CallbackQueryHandler(export_csv, pattern=r"^ai:csv:"),
        CallbackQueryHandler(send_chart, pattern=r"^ai:ch:"),
    ]
