"""The command menu and the bot's description, set for each language at start."""

from __future__ import annotations

from telegram import BotCommand, BotCommandScopeAllGroupChats, BotCommandScopeAllPrivateChats
from telegram.ext import Application

from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, I18n

PRIVATE_COMMANDS = (
    ("start", N_("choose language and community")),
    ("menu", N_("main menu")),
    ("twinning", N_("twinning guide: partnerships step by step")),
    ("aid", N_("aid and visits: log, totals, export")),
    ("find", N_("find partners: offers and needs")),
    ("remind", N_("set a reminder in your own words")),
    ("settings", N_("language, community, time zone")),
    ("help", N_("what the bot can do")),
    ("support", N_("write to the operators")),
    ("cancel", N_("stop the current action")),
)
GROUP_COMMANDS = (
    ("status", N_("the linked partnership's progress")),
    ("remind", N_("set a reminder for this group")),
    ("help", N_("what the bot can do")),
    ("settings", N_("group language and time zone")),
)
DESCRIPTION = N_(
    "Twinbot guides Ukrainian communities and their partner municipalities abroad through"
    " twinning partnerships: the steps and documents, aid and visits, partner search and"
    " reminders."
)
SHORT_DESCRIPTION = N_("Twinning partnerships of Ukrainian communities, step by step.")


async def publish(application: Application, i18n: I18n) -> None:  # type: ignore[type-arg]
    bot = application.bot
    for lang in LANGUAGES:
        t = i18n.get(lang)
        code = "" if lang == DEFAULT_LANGUAGE else lang
        private = [BotCommand(name, t._(text)) for name, text in PRIVATE_COMMANDS]
        group = [BotCommand(name, t._(text)) for name, text in GROUP_COMMANDS]
        await bot.set_my_commands(private, BotCommandScopeAllPrivateChats(), language_code=code)
        await bot.set_my_commands(group, BotCommandScopeAllGroupChats(), language_code=code)
        await bot.set_my_description(t._(DESCRIPTION), language_code=code)
        await bot.set_my_short_description(t._(SHORT_DESCRIPTION), language_code=code)
