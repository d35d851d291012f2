"""Operators import offers and needs from a CSV file and export them the same way."""

from __future__ import annotations

import io

from telegram import Update

from bot import background
from bot.context import BotContext
from bot.domain.offers.csv_io import COLUMNS, MAX_BYTES, import_csv
from bot.domain.offers.csv_io import export_csv as export_rows
from handlers.shared.screens import clip

MAX_PROBLEMS_SHOWN = 30


async def _refuse(update: Update, context: BotContext) -> bool:
    if context.is_operator:
        return False
    if update.effective_message is not None:
        await update.effective_message.reply_text(
            context._("Only operators can import or export offers and needs.")
        )
    return True


async def explain(update: Update, context: BotContext) -> None:
    """`/import_offers`: what to send; the file itself is handled by `take_file`."""
    if await _refuse(update, context):
        return
    assert update.effective_message is not None
    await update.effective_message.reply_text(
        context._(
            "Send a CSV file (UTF-8, UTF-16, Windows-1251 or Windows-1252; comma, semicolon or"
            " tab separated) with the columns:\n{columns}\n\n"
            "Rows with a problem are listed by line number and skipped; the others are saved."
            " A row with a known ref updates that post.",
            columns=", ".join(COLUMNS),
        )
    )


async def take_file(update: Update, context: BotContext) -> None:
    message = update.effective_message
    if message is None or message.document is None or await _refuse(update, context):
        return
    _ = context._
    if (message.document.file_size or 0) > MAX_BYTES:
        await message.reply_text(_("The file is larger than 2 MB. Split it and send the parts."))
        return
    file = await message.document.get_file()
    data = bytes(await file.download_as_bytearray())
    result = await import_csv(context.repos, data, context.services.clock.now().date())
    lines = [
        _(
            "Import finished: {added} added, {updated} updated.",
            added=result.added,
            updated=result.updated,
        )
    ]
    if result.problems:
        lines += [
            "",
            context.ngettext("{n} row skipped:", "{n} rows skipped:", len(result.problems)),
        ]
        for problem in result.problems[:MAX_PROBLEMS_SHOWN]:
            text = _(problem.message, **problem.values)
            lines.append(
                _("Line {line}: {problem}", line=problem.line, problem=text)
                if problem.line
                else text
            )
        if len(result.problems) > MAX_PROBLEMS_SHOWN:
            rest = len(result.problems) - MAX_PROBLEMS_SHOWN
            lines.append(context.ngettext("…and {n} more.", "…and {n} more.", rest))
    if context.account is not None:
        await context.repos.audit.record(
            context.account.id,
            "post",
            None,
            "import",
            {"added": result.added, "updated": result.updated},
        )
    await message.reply_text(clip("\n".join(lines)))


async def export(update: Update, context: BotContext) -> None:
    """`/export_offers`: every offer and need as a CSV file in the import format."""
    if await _refuse(update, context):
        return
    assert update.effective_message is not None
    # Every post there is: the file follows the answer.
    await update.effective_message.reply_text(context._("Preparing the file…"))
    background.start(
        context.application,
        _send_export(context, update.effective_message.chat_id),
        name="offers:export",
    )


async def _send_export(context: BotContext, chat_id: int) -> None:
    data = await export_rows(context.repos)
    await context.bot.send_document(
        chat_id,
        io.BytesIO(data),
        filename="offers_and_needs.csv",
        caption=context._("Offers and needs"),
    )
