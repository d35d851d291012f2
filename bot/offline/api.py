"""An in-process Bot API: the Application talks to it exactly as it would to Telegram.

`OfflineBotAPI` joins the server's side (`bot.offline.server`: answering the bot's calls like
the real server) and the people's side (`bot.offline.people`: simulated users who write and
press buttons, served to the bot by real long polling). Tests and the offline console both
use it; benchmarks give it a round trip, the time a call to Telegram takes over the network.
"""

from __future__ import annotations

from bot.offline.people import SimulatedPeople
from bot.offline.records import (
    BOT_ID,
    BOT_USERNAME,
    OFFLINE_TOKEN,
    ApiCall,
    ApiError,
    SentMessage,
    SimChat,
    SimUser,
)
from bot.offline.server import BotApiServer, OfflineRequest

__all__ = [
    "BOT_ID",
    "BOT_USERNAME",
    "OFFLINE_TOKEN",
    "ApiCall",
    "ApiError",
    "OfflineBotAPI",
    "OfflineRequest",
    "SentMessage",
    "SimChat",
    "SimUser",
]


class OfflineBotAPI(SimulatedPeople, BotApiServer):
    """The Bot API double: what the bot calls, and the people who talk to it."""
