"""The twinning guide: the community's partnerships, each one's card, and a new partnership.

Every `tw:` button goes through `route`, an entry point of the conversation, so a press
works from any screen, after a restart too, and is checked against the user's community
each time. Filling in a step lives in `handlers.twinning_steps`, group chats in
`handlers.twinning_groups`.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from telegram import Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.context import BotContext
from bot.gazetteer import get_gazetteer
from bot.i18n import N_, Translator
from bot.text_input import TextProblem, check_name, check_text, clean
from bot.twinning import REGISTERED, STEP_CODES, looks_like_non_authority
from bot.twinning_card import card_text, history_text, step_title
from bot.twinning_deadlines import KIND_ANNIVERSARY, KIND_MINISTRY, KIND_REGISTER, KIND_STALLED
from handlers.shared.screens import (
    Button,
    button_int,
    button_page,
    is_private,
    keyboard,
    show,
    toast,
)
from handlers.twinning import documents, groups, steps
from handlers.twinning.common import (
    ACTIVE,
    clear_draft,
    community_name,
    draft,
    legal,
    names,
    no_community,
    partnership_for,
    post_to_groups,
    update_reminders,
)
from storage.partnerships import Partnership

PAGE = 8
REMINDER_NAMES = {
    KIND_MINISTRY: N_("follow up with the ministry"),
    KIND_REGISTER: N_("register the agreement"),
    KIND_STALLED: N_("nudge if nothing moves"),
    KIND_ANNIVERSARY: N_("signing anniversary"),
}
MAX_RESULTS = 5
REASON_LIMIT = 300


# --- the list -----------------------------------------------------------------------------


async def open_guide(update: Update, context: BotContext) -> int:
    """`/twinning` and the menu button."""
    if not is_private(update):
        return await groups.status(update, context)
    clear_draft(context)
    return await show_list(update, context)


async def show_list(update: Update, context: BotContext, page: int = 0) -> int:
    if context.community_id is None:
        await no_community(update, context)
        return ConversationHandler.END
    _ = context._
    repos = context.repos
    community = await repos.communities.get(context.community_id)
    partnerships = await repos.partnerships.for_community(context.community_id)
    lines = [_("Twinning guide — {community}", community=community_name(community, context.lang))]
    rows: list[list[Button]] = []
    if not partnerships:
        lines += [
            "",
            _(
                "The guide walks you through a twinning partnership with a municipality abroad,"
                " in seven steps: areas of cooperation and the initiative; the partner and"
                " first contact; the draft agreement with an explanatory note; the ministry's"
                " approval; the council's approval; signing; registration."
            ),
            "",
            _("Start with a new partnership."),
        ]
    else:
        lines += ["", _("Your partnerships:")]
    pages = max(1, -(-len(partnerships) // PAGE))
    page = min(max(page, 0), pages - 1)
    for partnership in partnerships[page * PAGE : (page + 1) * PAGE]:
        community_title, partner = await names(context, partnership, context.lang)
        other = partner if partnership.community_id == context.community_id else community_title
        label = _short(f"{other} · {_stage(context, partnership)}")
        rows.append([(label, f"tw:c:{partnership.id}")])
    if pages > 1:
        nav: list[Button] = []
        if page > 0:
            nav.append(("◀", f"tw:list:{page - 1}"))
        nav.append((f"{page + 1}/{pages}", f"tw:list:{page}"))
        if page < pages - 1:
            nav.append(("▶", f"tw:list:{page + 1}"))
        rows.append(nav)
    rows.append([(_("New partnership"), "tw:new")])
    rows.append([(_("The law in brief"), "tw:law"), (_("Main menu"), "menu:home")])
    await show(update, context, "\n".join(lines), keyboard(rows))
    return ConversationHandler.END


def _short(label: str, limit: int = 60) -> str:
    """A button label cut at a word, so a long partner name never ends mid-word."""
    if len(label) <= limit:
        return label
    return label[: limit - 1].rsplit(" ", 1)[0].rstrip(" ·,") + "…"


def _stage(context: BotContext, partnership: Partnership) -> str:
    if partnership.status == "paused":
        return context._("paused")
    if partnership.status == "ended":
        return context._("ended")
    if partnership.step == REGISTERED:
        return context._("registered")
    return step_title(partnership.step, context.t)


async def show_law(update: Update, context: BotContext) -> int:
    """The legal facts from the operator's data file, in the user's language."""
    _ = context._
    facts = legal(context)
    lang = context.lang
    lines = [
        _("The law: {law}.", law=facts.text("law", lang)),
        _("Partners it covers: {covered}.", covered=facts.text("covered_partners", lang)),
        _(
            "The draft agreement is approved by the {ministry}, which answers within {days} days"
            " after consulting {consulted}.",
            ministry=facts.ministry(lang),
            days=facts.ministry_review_days,
            consulted=facts.text("consulted_ministries", lang),
        ),
        _("Signed agreements are entered in {register}.", register=facts.text("register", lang)),
        "",
        *facts.link_lines(lang),
    ]
    await show(update, context, "\n".join(lines), keyboard([[(_("Back"), "tw:list")]]))
    return ConversationHandler.END


# --- the card -----------------------------------------------------------------------------


async def show_card(
    update: Update, context: BotContext, partnership: Partnership, notice: str | None = None
) -> int:
    _ = context._
    records = await context.repos.partnerships.steps(partnership.id)
    community, partner = await names(context, partnership, context.lang)
    text = card_text(context.t, partnership, community, partner, records)
    own = partnership.community_id == context.community_id
    if own and context.account is not None:
        upcoming = await context.repos.partnerships.upcoming_reminders(
            partnership.id, context.account.id
        )
        zone = ZoneInfo(context.tz)
        lines = [
            f"• {_(REMINDER_NAMES.get(kind, kind))}: {context.t.date(due.astimezone(zone).date())}"
            for kind, due in upcoming
        ]
        if lines:
            text += "\n\n" + "\n".join([_("Reminders:"), *lines])
    if notice:
        text = f"{notice}\n\n{text}"
    rows: list[list[Button]] = []
    pid = partnership.id
    if own and partnership.status == "active" and partnership.step != REGISTERED:
        label = _("Continue: {step}", step=step_title(partnership.step, context.t))
        rows.append([(label[:60], f"tw:s:{pid}:{partnership.step}")])
    if own:
        if any(r.done for r in records.values()) and partnership.status == "active":
            rows.append([(_("Correct a step"), f"tw:fix:{pid}")])
        rows.append([(_("Documents"), f"tw:d:{pid}"), (_("Group chats"), f"tw:g:{pid}")])
    rows.append([(_("History"), f"tw:h:{pid}")])
    if own and partnership.status == "active":
        rows.append([(_("Pause"), f"tw:pa:{pid}"), (_("End partnership"), f"tw:en:{pid}")])
    elif own and partnership.status == "paused":
        rows.append([(_("Resume"), f"tw:re:{pid}"), (_("End partnership"), f"tw:en:{pid}")])
    rows.append([(_("All partnerships"), "tw:list")])
    await show(update, context, text, keyboard(rows))
    return ConversationHandler.END


async def choose_fix(update: Update, context: BotContext, raw_id: str) -> int:
    partnership = await partnership_for(update, context, raw_id)
    if partnership is None:
        return ConversationHandler.END
    records = await context.repos.partnerships.steps(partnership.id)
    rows = [
        [(step_title(code, context.t)[:60], f"tw:s:{partnership.id}:{code}")]
        for code, record in sorted(records.items(), key=lambda item: _order(item[0]))
        if record.done
    ]
    rows.append([(context._("Back"), f"tw:c:{partnership.id}")])
    await show(update, context, context._("Which step do you want to correct?"), keyboard(rows))
    return ConversationHandler.END


def _order(code: str) -> int:
    return STEP_CODES.index(code) if code in STEP_CODES else 99


async def show_history(update: Update, context: BotContext, raw_id: str) -> int:
    partnership = await partnership_for(update, context, raw_id, edit=False)
    if partnership is None:
        return ConversationHandler.END
    repos = context.repos
    entries = await repos.partnerships.history(partnership.id)
    people = {}
    for entry in entries:
        if entry.changed_by and entry.changed_by not in people:
            user = await repos.users.get(entry.changed_by)
            people[entry.changed_by] = user.display_name if user else str(entry.changed_by)
    text = history_text(context.t, entries, people, context.tz)
    await show(update, context, text, keyboard([[(context._("Back"), f"tw:c:{partnership.id}")]]))
    return ConversationHandler.END


# --- a new partnership --------------------------------------------------------------------


async def ask_partner(update: Update, context: BotContext) -> int:
    if context.community_id is None:
        await no_community(update, context)
        return ConversationHandler.END
    _ = context._
    draft(context).clear()
    draft(context).update(kind="new", expect="name")
    await show(
        update,
        context,
        _(
            "Who is the partner? Type the name of the municipality, district or county abroad,"
            " e.g. Jena or Gniezno County."
        ),
        keyboard([[(_("Back"), "tw:list")]]),
    )
    return ACTIVE


async def _search_partner(update: Update, context: BotContext, text: str) -> int:
    _ = context._
    repos = context.repos
    places = [
        p for p in get_gazetteer().search(text, limit=MAX_RESULTS * 2) if p.country_code != "UA"
    ]
    rows: list[list[Button]] = []
    seen: set[str] = set()
    for community_id in await repos.partnerships.partner_candidates(clean(text)):
        known = await repos.communities.get(community_id)
        if known is not None:
            seen.add(known.place_key or "")
            rows.append([(community_name(known, context.lang)[:60], f"tw:pc:{known.id}")])
    for place in places:
        if place.key not in seen and len(rows) < MAX_RESULTS:
            rows.append([(place.display(context.lang)[:60], f"tw:pp:{place.key}")])
    if rows:
        reply = _(
            "Which one is it? If it is not in the list, type the name again or enter it by hand."
        )
    else:
        reply = _(
            "Nothing found for “{query}”. Check the spelling and type it again, or enter it by"
            " hand.",
            query=clean(text)[:60],
        )
    rows.append([(_("Not in the list"), "tw:pm")])
    rows.append([(_("Back"), "tw:list")])
    await show(update, context, reply, keyboard(rows))
    return ACTIVE


async def ask_manual(update: Update, context: BotContext) -> int:
    d = draft(context)
    if d.get("kind") != "new":
        return await steps.stale(update, context)
    _ = context._
    d["expect"] = "manual"
    prompt = _("Type the official name of the partner in Latin script, e.g. Gniezno County.")
    rows: list[list[Button]] = [[(_("Back"), "tw:new")]]
    typed = (d.get("manual") or {}).get("name")
    if typed:
        prompt = "\n\n".join([_("Now: {value}", value=typed), prompt])
        rows.insert(0, [(_("Keep as is"), "tw:pmk")])
    await show(update, context, prompt, keyboard(rows))
    return ACTIVE


async def keep_manual_name(update: Update, context: BotContext) -> int:
    d = draft(context)
    if d.get("kind") != "new" or not d.get("manual"):
        return await steps.stale(update, context)
    return await _ask_country(update, context)


async def _ask_country(update: Update, context: BotContext) -> int:
    draft(context)["expect"] = "country"
    _ = context._
    await show(
        update,
        context,
        _("Type the partner's country, e.g. Poland or Lithuania."),
        keyboard([[(_("Back"), "tw:pm")]]),
    )
    return ACTIVE


async def _take_partner_text(update: Update, context: BotContext, text: str) -> int:
    _ = context._
    d = draft(context)
    problem = check_name(text)
    if problem is not None:
        message = {
            TextProblem.EMPTY: _("Please type a name: the message was empty."),
            TextProblem.TOO_LONG: _("That is too long: please type at most 100 characters."),
        }.get(problem, _("Please type the name in letters."))
        await show(update, context, message)
        return ACTIVE
    if d.get("expect") == "name":
        return await _search_partner(update, context, text)
    if d.get("expect") == "manual":
        d["manual"] = {"name": clean(text)}
        return await _ask_country(update, context)
    back = [(_("Back"), "tw:pm")]
    countries = [c for c in get_gazetteer().find_countries(text) if c.code != "UA"]
    if not countries:
        await show(
            update,
            context,
            _(
                "No country found for “{query}”. Type it again, e.g. Poland.",
                query=clean(text)[:60],
            ),
            keyboard([back]),
        )
        return ACTIVE
    rows = [[(c.name(context.lang), f"tw:pk:{c.code}")] for c in countries]
    await show(update, context, _("Which country?"), keyboard([*rows, back]))
    return ACTIVE


async def pick_partner(update: Update, context: BotContext, how: str, value: str) -> int:
    d = draft(context)
    if d.get("kind") != "new":
        return await steps.stale(update, context)
    gazetteer = get_gazetteer()
    if how == "pp" and gazetteer.get(value) is not None:
        d["partner"] = {"place": value}
    elif how == "pc" and (community_id := button_int(value)) is not None:
        known = await context.repos.communities.get(community_id)
        if known is None or known.kind != "foreign":
            return await ask_partner(update, context)
        d["partner"] = {"community": known.id}
    elif how == "pk" and gazetteer.country(value) is not None and d.get("manual"):
        d["partner"] = {"name": d["manual"]["name"], "country": value.upper()}
    else:
        return await ask_partner(update, context)
    d["expect"] = None
    return await confirm_partner_screen(update, context)


def _partner_title(context: BotContext, partner: dict[str, object]) -> str:
    gazetteer = get_gazetteer()
    if "place" in partner:
        place = gazetteer.get(str(partner["place"]))
        return place.display(context.lang) if place else "—"
    country = gazetteer.country(str(partner.get("country", "")))
    return f"{partner.get('name')}, {country.name(context.lang) if country else ''}"


async def confirm_partner_screen(update: Update, context: BotContext) -> int:
    _ = context._
    partner = draft(context).get("partner") or {}
    if "community" in partner:
        title = community_name(
            await context.repos.communities.get(int(partner["community"])), context.lang
        )
    else:
        title = _partner_title(context, partner)
    community = await context.repos.communities.get(context.community_id or 0)
    lines = [
        _(
            "New partnership: {community} — {partner}.",
            community=community_name(community, context.lang),
            partner=title,
        )
    ]
    if looks_like_non_authority(title):
        lines += [
            "",
            _(
                "⚠️ “{partner}” does not look like a local or regional authority. Companies and"
                " international organisations are not covered by the law on international"
                " cooperation of communities: such an agreement cannot be registered.",
                partner=title,
            ),
        ]
    rows = [
        [(_("Confirm"), "tw:pok")],
        [(_("Edit"), "tw:new"), (_("Cancel"), "tw:list")],
    ]
    await show(update, context, "\n".join(lines), keyboard(rows))
    return ACTIVE


async def create_partnership(update: Update, context: BotContext) -> int:
    d = draft(context)
    partner = d.get("partner") if d.get("kind") == "new" else None
    if not partner:
        return await steps.stale(update, context)
    if context.community_id is None:
        await no_community(update, context)
        return ConversationHandler.END
    assert context.account is not None
    repos = context.repos
    if "community" in partner:
        partner_community = await repos.communities.get(int(partner["community"]))
    elif "place" in partner:
        place = get_gazetteer().get(partner["place"])
        partner_community = (
            await repos.communities.from_place(place, created_by=context.account.id)
            if place
            else None
        )
    else:
        partner_community = await repos.communities.create(
            kind="foreign",
            name=partner["name"],
            country_code=partner["country"],
            unit_kind="municipality",
            created_by=context.account.id,
        )
    clear_draft(context)
    if partner_community is None:
        return await ask_partner(update, context)
    return await start_with_partner(update, context, partner_community.id)


async def start_with_partner(update: Update, context: BotContext, partner_community_id: int) -> int:
    """Open (or find) the partnership of the user's community with this foreign community.

    Other features call this, e.g. when an offer of a partner abroad is taken up; it answers
    with the partnership's card, whose buttons lead on through the guide.
    """
    if context.community_id is None:
        await no_community(update, context)
        return ConversationHandler.END
    assert context.account is not None
    repos = context.repos
    partner = await repos.communities.get(partner_community_id)
    if partner is None or partner.kind != "foreign" or partner.id == context.community_id:
        await toast(update, context._("A partnership needs a municipality abroad as the partner."))
        return ConversationHandler.END
    existing = await repos.partnerships.between(context.community_id, partner.id)
    if existing is not None and existing.status != "ended":
        return await show_card(
            update, context, existing, context._("This partnership already exists.")
        )
    partnership = await repos.partnerships.create(
        context.community_id, partner.id, context.account.id
    )
    await repos.audit.record(
        context.account.id, "partnership", partnership.id, "create", {"partner": partner.id}
    )
    await update_reminders(context, partnership.id)
    return await show_card(update, context, partnership, context._("The partnership is created."))


# --- pausing and ending -------------------------------------------------------------------


async def ask_reason(update: Update, context: BotContext, raw_id: str, action: str) -> int:
    partnership = await partnership_for(update, context, raw_id)
    if partnership is None:
        return ConversationHandler.END
    _ = context._
    draft(context).clear()
    draft(context).update(kind="status", pid=partnership.id, action=action, expect="reason")
    prompt = (
        _("Why is the partnership paused? Type the reason in a few words.")
        if action == "paused"
        else _("Why does the partnership end? Type the reason in a few words.")
    )
    await show(update, context, prompt, keyboard([[(_("Cancel"), f"tw:c:{partnership.id}")]]))
    return ACTIVE


async def _take_reason(update: Update, context: BotContext, text: str) -> int:
    _ = context._
    problem = check_text(text, limit=REASON_LIMIT)
    if problem is not None:
        await show(
            update,
            context,
            _("Please type the reason in at most {limit} characters.", limit=REASON_LIMIT),
        )
        return ACTIVE
    d = draft(context)
    d["reason"], d["expect"] = clean(text), None
    question = (
        _("Pause the partnership? Reason: {reason}", reason=d["reason"])
        if d["action"] == "paused"
        else _("End the partnership? This cannot be undone. Reason: {reason}", reason=d["reason"])
    )
    rows = [[(_("Confirm"), "tw:stok")], [(_("Cancel"), f"tw:c:{d['pid']}")]]
    await show(update, context, question, keyboard(rows))
    return ACTIVE


async def change_status(update: Update, context: BotContext, raw_id: str | None = None) -> int:
    d = draft(context)
    if raw_id is None:
        if d.get("kind") != "status" or not d.get("reason"):
            return await steps.stale(update, context)
        raw_id, status, reason = str(d["pid"]), d["action"], d["reason"]
    else:
        status, reason = "active", None
    partnership = await partnership_for(update, context, raw_id)
    clear_draft(context)
    if partnership is None:
        return ConversationHandler.END
    assert context.account is not None
    expected = "paused" if status == "active" else partnership.status
    if partnership.status == "ended" or partnership.status == status:
        return await show_card(update, context, partnership, context._("Nothing to change."))
    changed = await context.repos.partnerships.set_status(
        partnership.id, status, reason, context.account.id, expected=expected
    )
    updated = await context.repos.partnerships.get(partnership.id)
    assert updated is not None
    if not changed:
        return await show_card(update, context, updated, context._("Nothing to change."))
    await update_reminders(context, partnership.id)
    who = context.account.display_name

    def render(t: Translator, community: str, partner: str) -> str:
        head = {
            "paused": t._(
                "{name} paused the partnership. Reason: {reason}", name=who, reason=reason
            ),
            "ended": t._("{name} ended the partnership. Reason: {reason}", name=who, reason=reason),
        }.get(status, t._("{name} resumed the partnership.", name=who))
        return f"{community} — {partner}\n{head}"

    await post_to_groups(context, updated, render)
    return await show_card(update, context, updated, context._("Saved."))


# --- routing ------------------------------------------------------------------------------


async def route(update: Update, context: BotContext) -> int:
    """Every `tw:` button. Callback data is never trusted: each handler re-checks access."""
    assert update.callback_query is not None
    parts = (update.callback_query.data or "").split(":")
    action, args = (parts[1] if len(parts) > 1 else ""), parts[2:]
    if not is_private(update):
        return await groups.route_group(update, context, action, args)
    one = args[0] if args else ""
    simple = {
        "list": lambda: show_list(update, context, button_page(one)),
        "new": lambda: ask_partner(update, context),
        "pm": lambda: ask_manual(update, context),
        "pok": lambda: create_partnership(update, context),
        "fix": lambda: choose_fix(update, context, one),
        "h": lambda: show_history(update, context, one),
        "d": lambda: documents.menu(update, context, one),
        "g": lambda: groups.manage(update, context, one),
        "pa": lambda: ask_reason(update, context, one, "paused"),
        "en": lambda: ask_reason(update, context, one, "ended"),
        "re": lambda: change_status(update, context, one),
        "stok": lambda: change_status(update, context),
        "law": lambda: show_law(update, context),
        "fx": lambda: steps.toggle_sector(update, context, one),
        "fd": lambda: steps.sectors_done(update, context),
        "fc": lambda: steps.pick_choice(update, context, one),
        "fs": lambda: steps.skip(update, context),
        "ft": lambda: steps.today(update, context),
        "fk": lambda: steps.keep(update, context),
        "fb": lambda: steps.back(update, context),
        "pmk": lambda: keep_manual_name(update, context),
        "ok": lambda: steps.confirm(update, context),
        "ed": lambda: steps.edit_menu(update, context),
        "ef": lambda: steps.edit_field(update, context, one),
        "sm": lambda: steps.show_summary(update, context),
        "x": lambda: steps.cancel(update, context),
    }
    if action in simple:
        return await simple[action]()
    if action in ("pp", "pc", "pk"):
        return await pick_partner(update, context, action, ":".join(args))
    if action == "c":
        partnership = await partnership_for(update, context, one, edit=False)
        if partnership is None:
            return ConversationHandler.END
        clear_draft(context)
        return await show_card(update, context, partnership)
    if action == "s" and len(args) == 2:
        return await steps.open_step(update, context, args[0], args[1])
    if action == "dd" and len(args) == 2:
        return await documents.send(update, context, args[0], args[1])
    if action == "gu" and len(args) == 2:
        return await groups.unlink_from_private(update, context, args[0], args[1])
    return await steps.stale(update, context)


async def take_text(update: Update, context: BotContext) -> int:
    """Typed text in a twinning flow: where it goes depends on what the draft waits for."""
    assert update.message is not None
    text = update.message.text or ""
    d = draft(context)
    if d.get("kind") == "step" and d.get("await"):
        return await steps.take_text(update, context)
    if d.get("kind") == "new" and d.get("expect"):
        return await _take_partner_text(update, context, text)
    if d.get("kind") == "status" and d.get("expect") == "reason":
        return await _take_reason(update, context, text)
    await show(update, context, context._("Please use the buttons above, or /cancel to stop."))
    return ACTIVE


def conversation() -> ConversationHandler[BotContext]:
    text = filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND
    return ConversationHandler(
        name="twinning",
        persistent=True,
        allow_reentry=True,
        entry_points=[
            CommandHandler("twinning", open_guide),
            CallbackQueryHandler(open_guide, pattern=r"^menu:twinning$"),
            CallbackQueryHandler(route, pattern=r"^tw:"),
        ],
        states={ACTIVE: [MessageHandler(text, take_text)]},
        fallbacks=[],
    )
