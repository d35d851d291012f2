"""Timeline, totals, CSV export and chart of a community's aid and visits, or of one of
its partnerships. A button carries the partnership (none for the whole community), which is
re-checked against the presser's community on every press.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from telegram import InputFile, Update
from telegram.ext import CommandHandler, filters

from bot import background
from bot.context import BotContext
from bot.domain import places
from bot.domain.aid.model import convert, totals
from bot.domain.parsing.amounts import CURRENCIES
from bot.domain.parsing.dates import DateError, parse_date
from bot.domain.parsing.numbers import ascii_decimal
from handlers.aid.buttons import Chart, ExportCsv, ExportXlsx, ShowTotals, Timeline
from handlers.aid.common import community_titles, format_day, joined, names_of, today
from handlers.aid.overview import PAGE, newest_first, rate_line, timeline_screen, totals_screen
from handlers.aid.screens import home_markup
from handlers.shared.screens import answer, show, toast
from storage.aid import AidRecord

# The files' builders load with the first file asked for, not at every start of the bot.
if TYPE_CHECKING:
    from bot.domain.aid.export import Places


async def _scope(
    update: Update, context: BotContext, partnership_id: int | None
) -> tuple[int, int | None] | None:
    """(community, partnership or None) if the presser may see it; tells them otherwise."""
    community_id = context.community_id
    if community_id is None:
        await toast(update, context._("Send /start to choose the community you act for."))
        return None
    # Buttons sent before the scope was optional carry 0 for the whole community.
    partnership_id = partnership_id or None
    if partnership_id is not None:
        partnership = await context.repos.partnerships.get(partnership_id)
        if partnership is None or not partnership.visible_to(community_id):
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


async def _scopes(context: BotContext, community_id: int) -> list[tuple[int, str]]:
    """The community's partnerships, each with the partner's name."""
    partnerships = await context.repos.partnerships.for_community(community_id)
    others = [
        p.partner_id if p.community_id == community_id else p.community_id for p in partnerships
    ]
    names = await names_of(context, others, context.lang)
    return [(p.id, names.get(other, "")) for p, other in zip(partnerships, others, strict=True)]


async def timeline(update: Update, context: BotContext, press: Timeline) -> None:
    scope = await _scope(update, context, press.partnership)
    if scope is None:
        return
    community_id, partnership_id = scope
    upto = (press.page + 1) * PAGE + 1
    entries = newest_first(
        await context.repos.aid.page(community_id, partnership_id, 0, upto),
        await context.repos.visits.page(community_id, partnership_id, 0, upto),
    )
    ids: list[int] = []
    for entry in entries:
        ids += (
            [entry.recipient_id, *entry.donors]
            if isinstance(entry, AidRecord)
            else [entry.community_id, entry.partner_id]
        )
    screen = timeline_screen(
        context.t,
        await _scope_title(context, community_id, partnership_id),
        entries,
        press.page,
        community_id,
        await names_of(context, ids, context.lang),
        partnership_id,
        await _scopes(context, community_id),
    )
    await show(update, context, *screen)


async def show_totals(update: Update, context: BotContext, press: ShowTotals) -> None:
    scope = await _scope(update, context, press.partnership)
    if scope is None:
        return
    community_id, partnership_id = scope
    result = totals(await context.repos.aid.totals_rows(community_id, partnership_id))
    visits = await context.repos.visits.per_year(community_id, partnership_id)
    screen = totals_screen(
        context.t,
        await _scope_title(context, community_id, partnership_id),
        result,
        sum(visits.values()),
        convert(result.by_currency, await context.repos.aid.rates()),
        await _partner_names(context, [d for d, _c in result.by_partner]),
        partnership_id,
        await _scopes(context, community_id),
    )
    await show(update, context, *screen)


async def _partner_names(
    context: BotContext, donor_sets: list[tuple[int, ...]]
) -> dict[tuple[int, ...], str]:
    names = await names_of(
        context, sorted({d for donors in donor_sets for d in donors}), context.lang
    )
    return {donors: joined(names, donors, " + ") for donors in donor_sets}


# --------------------------------------------------------------------------- files


def places_in(lang: str) -> Places:
    """The recipient's oblast and hromada named in `lang`, from their codes."""
    from bot.domain.aid.export import Places

    gazetteer = places

    def region_name(code: str | None) -> str:
        region = gazetteer.region(code) if code else None
        return region.name(lang) if region else ""

    def region_code(code: str | None) -> str:
        region = places.region(code) if code else None
        return region.katottg if region else ""

    def hromada_name(code: str | None) -> str:
        place = gazetteer.get(code) if code else None
        return place.official_name(lang) if place else ""

    return Places(region_name, region_code, hromada_name)


async def export_csv(update: Update, context: BotContext, press: ExportCsv) -> None:
    scope = await _scope(update, context, press.partnership)
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
    from bot.domain.aid.export import build_csv

    rows = await context.repos.aid.export_rows(community_id, partnership_id, context.lang)
    data = await asyncio.to_thread(build_csv, rows, context.t, places_in(context.lang))
    name = f"aid-{community_id}-{_stamp(context)}.csv"
    await context.bot.send_document(
        chat_id,
        InputFile(data, filename=name),
        caption=context.ngettext("{n} aid record", "{n} aid records", len(rows)),
    )
    await _what_next(context, chat_id)


async def export_xlsx(update: Update, context: BotContext, press: ExportXlsx) -> None:
    """The workbook: aid, an item a row, and visits, in the reader's language."""
    from bot.domain.aid.workbook import VisitRow, build_workbook

    scope = await _scope(update, context, press.partnership)
    if scope is None or update.effective_chat is None:
        return
    community_id, partnership_id = scope
    lang = context.lang
    rows = await context.repos.aid.export_rows(community_id, partnership_id, lang)
    visits = await context.repos.visits.page(community_id, partnership_id, 0, MAX_VISITS)
    partners = await names_of(
        context,
        [v.partner_id if v.community_id == community_id else v.community_id for v in visits],
        lang,
    )
    visit_rows = [
        VisitRow(
            v, partners.get(v.partner_id if v.community_id == community_id else v.community_id, "")
        )
        for v in reversed(visits)
    ]
    title = await _scope_title(context, community_id, partnership_id)
    # Building a workbook or a chart is CPU work: other people are answered meanwhile.
    data = await asyncio.to_thread(
        build_workbook, rows, visit_rows, community_id, context.t, places_in(lang), title
    )
    await toast_quietly(update)
    name = f"aid-{community_id}-{_stamp(context)}.xlsx"
    caption = context.ngettext("{n} aid record", "{n} aid records", len(rows))
    caption += ", " + context.ngettext(
        "{n} visit or meeting", "{n} visits or meetings", len(visits)
    )
    await context.bot.send_document(
        update.effective_chat.id, InputFile(data, filename=name), caption=caption
    )
    await show_after_file(update, context)


async def send_chart(update: Update, context: BotContext, press: Chart) -> None:
    from bot.domain.aid.chart import build_chart

    _ = context._
    scope = await _scope(update, context, press.partnership)
    if scope is None or update.effective_chat is None:
        return
    community_id, partnership_id = scope
    result = totals(
        await context.repos.aid.totals_rows(community_id, partnership_id),
        await context.repos.aid.year_partner_rows(community_id, partnership_id),
    )
    visits = await context.repos.visits.per_year(community_id, partnership_id)
    if not result.by_currency and not result.pending_by_currency and not visits:
        await toast(update, _("There is nothing to chart yet: no aid value and no visits."))
        return
    names = await _partner_names(context, [d for d, _c in result.by_partner])
    title = await _scope_title(context, community_id, partnership_id)
    day = today(context)
    png = build_chart(result, names, visits, context.t, title, format_day(context.t, day), day.year)
    await toast_quietly(update)
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
        chat_id, context._("What next?"), reply_markup=home_markup(context.t)
    )


RATE_BASE = "UAH"
# More visits than a workbook of one community would ever hold.
MAX_VISITS = 100_000


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
        current = [rate_line(context.t, r) for r in await context.repos.aid.rates()]
        await show(update, context, "\n".join([usage, *current]))
        return
    currency = args[0].upper()
    rate = ascii_decimal(args[1])
    try:
        day = parse_date(
            args[2],
            today=context.services.clock.now().astimezone(ZoneInfo(context.tz)).date(),
            allow_future=False,
        )
    except DateError:
        await show(update, context, usage)
        return
    if currency not in CURRENCIES or currency == RATE_BASE or rate is None or rate <= 0:
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
        Timeline.handler(timeline),
        ShowTotals.handler(show_totals),
        ExportCsv.handler(export_csv),
        ExportXlsx.handler(export_xlsx),
        Chart.handler(send_chart),
    ]
