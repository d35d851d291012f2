"""Partner offers and needs: search, posting, introductions, operators' CSV import and export."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CommandHandler, MessageHandler, filters

from handlers.offers import flow, import_csv


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    # Every button of the feature (handlers/offers/buttons.py) and /find go through the
    # conversation.
    app.add_handler(flow.conversation(app))
    app.add_handler(CommandHandler("import_offers", import_csv.explain))
    app.add_handler(CommandHandler("export_offers", import_csv.export))
    app.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE & filters.Document.FileExtension("csv"),
            import_csv.take_file,
        )
    )
