"""Forged button presses: a victim community full of private data, the people who should
see none of it, and callback data made up for every declared button kind.

Shared by `tests/test_forged_buttons.py` (every kind, every presser, once) and
`scripts/forged_presses.py` (the long run).
"""

from __future__ import annotations

import dataclasses
import io
import sqlite3
import zipfile
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from bot import background
from bot.offline.api import SentMessage, SimChat, SimUser
from handlers.shared import buttons as codec
from handlers.shared.access import Subject
from handlers.shared.buttons import MAX_DATA, MAX_ID, REGISTRY, Button
from storage.aid import NewAid
from storage.offers import PostDraft
from storage.reminders import NewReminder
from storage.visits import NewVisit
from tests.harness import OPERATOR_ID, BotHarness

# Every private text of the victim carries this, so a leak is a substring anywhere.
MARK = "VICTIM7Q"
# The partnership's step facts carry this instead: the group the victim linked to the
# partnership is shown its card by design, and nobody else may see them.
CARD_MARK = "CARD7Q"
NOBODY = 987_654_321
# Not ids: a minus sign, Arabic-Indic and full-width digits, an empty segment.
NOT_IDS = ("-1", "١٢", "１２", "")
GARBAGE = "\x00" + "ÿ" * 20 + ":" * 23  # 64 bytes in UTF-8
assert len(GARBAGE.encode()) == MAX_DATA

# Tables whose ids start apart, so an id of one kind is never also an id of another.
_ID_BASES = {
    "communities": 100,
    "partnerships": 200,
    "aid": 300,
    "visits": 400,
    "posts": 500,
    "introductions": 600,
    "reminders": 700,
    "invites": 800,
    "memberships": 900,
}


@dataclasses.dataclass
class World:
    victim: SimUser
    group: SimChat
    pressers: dict[str, tuple[SimUser, SimChat | None]]
    ids: dict[Subject, list[int]]
    screens: dict[str, SentMessage] = dataclasses.field(default_factory=dict)
    # What the pressers were shown that carries the mark, caught as it was sent or edited
    # (a later edit of the same message would hide it).
    leaked: list[str] = dataclasses.field(default_factory=list)

    @property
    def presser_chats(self) -> set[int]:
        return {chat.id if chat else user.id for user, chat in self.pressers.values()}


async def seed(bot: BotHarness) -> World:
    """The victim's community (Brovary) and partner (Jena), their private records, and five
    people who must not reach them."""
    repos = bot.repos
    db = bot.services.db  # type: ignore[union-attr]
    for table, base in _ID_BASES.items():
        await db.execute("DELETE FROM sqlite_sequence WHERE name = ?", (table,))
        await db.execute("INSERT INTO sqlite_sequence(name, seq) VALUES (?, ?)", (table, base))
    victim = bot.user(7001, "Mayor", "en", username=f"mayor_{MARK.lower()}")
    partner = bot.user(7002, "Jena", "en", username=f"jena_{MARK.lower()}")
    brovary = await bot.make_member(victim, "Brovary")
    jena = await bot.make_member(partner, "Jena")
    partnership = await repos.partnerships.create(brovary.id, jena.id, victim.id)
    await repos.partnerships.save_step(
        partnership.id,
        "areas",
        {"sectors": ["energy"], "decision_body": "council", "decision_number": f"{CARD_MARK}-12"},
        done=True,
        base_revision=0,
        actor_id=victim.id,
    )
    await repos.requisites.save(
        brovary.id, {"official_name": f"{MARK} council", "signatory": f"{MARK} Signer"}, victim.id
    )
    record, _new = await repos.aid.create(
        NewAid(
            brovary.id,
            (jena.id,),
            "energy",
            "energy",
            f"{MARK} generators",
            "2026-11-01",
            "received",
            victim.id,
            partnership_id=partnership.id,
            value_minor=100_000,
            currency="EUR",
        )
    )
    visit, _new = await repos.visits.create(
        NewVisit(
            brovary.id,
            jena.id,
            "incoming",
            "2026-10-01",
            "2026-10-03",
            victim.id,
            partnership_id=partnership.id,
            leader=f"{MARK} Leader",
            note=f"{MARK} visit note",
        )
    )
    post = await repos.posts.create(
        # A post is public to every approved member; who wrote it is not, until an
        # introduction is accepted.
        PostDraft(
            "need", brovary.id, "Boiler house", ["energy"], ["equipment"], owner_id=victim.id
        ),
        brovary,
    )
    introduction = await repos.introductions.create(
        post.id, partner.id, jena.id, brovary.id, f"{MARK} we can help"
    )
    assert introduction is not None
    reminder = await repos.reminders.schedule(
        NewReminder(
            chat_id=victim.id,
            kind="user",
            text=f"{MARK} call the donor",
            owner_id=victim.id,
            community_id=brovary.id,
            due_at=bot.clock.now() + timedelta(days=2),
        )
    )
    await repos.invites.create(brovary.id, victim.id)
    invite_id = await db.fetchval("SELECT max(id) FROM invites")

    other = bot.user(7006, "Other mayor", "en")
    await bot.make_member(other, "Irpin", role="member")
    claimant = bot.user(7003, "Claimant", "en")
    await repos.users.upsert(claimant.id, claimant.first_name, None, claimant.username, "en")
    claim = await repos.memberships.claim(claimant.id, brovary.id)
    revoked = bot.user(7004, "Former admin", "en")
    await bot.make_member(revoked, "Brovary")
    await repos.memberships.revoke(revoked.id, brovary.id, OPERATOR_ID)
    nobody = bot.user(7007, "Stranger", "en")
    await repos.users.upsert(nobody.id, nobody.first_name, None, nobody.username, "en")
    onlooker = bot.user(7005, "Onlooker", "en")
    group = bot.api.group(-7100, "Brovary and Jena", admins=(victim,))
    await repos.chats.upsert(group.id, "supergroup", group.title, "en", by=victim.id)
    await repos.partnerships.link_chat(partnership.id, group.id, victim.id)

    ids = {
        Subject.COMMUNITY: [brovary.id, jena.id],
        Subject.PARTNERSHIP: [partnership.id],
        Subject.AID_RECORD: [record.id],
        Subject.VISIT: [visit.id],
        Subject.POST: [post.id],
        Subject.INTRODUCTION: [introduction.id],
        Subject.REMINDER: [reminder.id],
        Subject.INVITE: [int(invite_id)],
        Subject.CLAIM: [claim.id],
    }
    world = World(
        victim,
        group,
        {
            "member of another community": (other, None),
            "pending claimant": (claimant, None),
            "no community": (nobody, None),
            "revoked admin": (revoked, None),
            "non-admin in a linked group": (onlooker, group),
        },
        ids,
    )
    for role, (user, chat) in world.pressers.items():
        await bot.send(user, "/status" if chat else "/menu", chat)
        world.screens[role] = bot.last(chat.id if chat else user.id)
    chats = world.presser_chats

    def watch(message: SentMessage) -> None:
        if message.from_bot and message.chat_id in chats:
            marks = (MARK,) if message.chat_id == group.id else (MARK, CARD_MARK)
            world.leaked += _marked(bot, message, marks)

    bot.api.listeners.append(watch)
    return world


def kinds() -> list[type[Button]]:
    """Every button kind the bot declares (not the ones tests declare for themselves)."""
    return [k for k in REGISTRY.values() if k.__module__.startswith("handlers.")]


def _sample(name: str, field: Any) -> str:
    """A value of a field that is not the id being forged: one that would do the most."""
    if isinstance(field, codec._Optional):
        return _sample(name, field.inner)
    if isinstance(field, codec._Choice):
        return field.allowed[0]
    if isinstance(field, codec._Bool):
        return "1"
    if isinstance(field, codec._Int):
        return "0"
    return {"document": "all", "step": "areas"}.get(name, "x")


def forged(kind: type[Button], world: World) -> Iterator[str]:
    """Callback data for one kind: each id field in turn set to every victim id (of the
    right kind and of the wrong ones), nobody's, the largest, and what is not an id; then
    64 bytes of garbage after its prefix."""
    codecs = kind._codecs()
    victims = sorted({i for found in world.ids.values() for i in found})
    values = [str(i) for i in (*victims, NOBODY, MAX_ID)] + list(NOT_IDS)
    fields = [name for name, c in codecs if isinstance(getattr(c, "inner", c), codec._Int)]
    base = {name: _sample(name, c) for name, c in codecs}
    if not fields:
        yield ":".join([kind.PREFIX, *base.values()])
    for name in fields:
        for value in values:
            yield ":".join([kind.PREFIX, *{**base, name: value}.values()])
    yield (kind.PREFIX + ":" + GARBAGE).encode()[:MAX_DATA].decode(errors="ignore")


def every_forgery(world: World) -> list[str]:
    """The forged data of every kind, and 64 bytes of garbage that is no kind's."""
    return [d for kind in kinds() for d in forged(kind, world)] + [GARBAGE]


async def press_all(
    bot: BotHarness, world: World, data: list[str], roles: list[str] | None = None
) -> int:
    """Press every piece of data as each presser (all of them at once, each in order)."""
    queued = []
    for role in roles or list(world.pressers):
        user, _chat = world.pressers[role]
        screen = world.screens[role]
        queued += [bot.api.press_data(user, d, screen) for d in data]
    for update_id in queued:
        await bot.api.wait_processed(update_id, timeout=60)
    assert bot.app is not None
    await background.settle(bot.app)
    return len(queued)


def snapshot(bot: BotHarness, world: World) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, read from the file. The pressers' own flow drafts,
    conversation states and notice settings are left out: a button may open a flow for the
    person pressing it or set their own notices, which is theirs and shows nothing of
    anyone else's."""
    own = {user.id for user, _chat in world.pressers.values()} | world.presser_chats
    path = bot.settings.database
    with sqlite3.connect(path) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        result = {}
        for table in tables:
            rows = sorted(connection.execute(f'SELECT * FROM "{table}"'), key=repr)
            if table in ("ptb_user_data", "ptb_chat_data", "notice_prefs"):
                rows = [r for r in rows if r[0] not in own]
            elif table == "ptb_conversations":
                rows = [r for r in rows if not any(str(i) in r[1] for i in own)]
            result[table] = rows
    return result


def changes(before: dict[str, list[Any]], after: dict[str, list[Any]]) -> dict[str, Any]:
    return {
        table: {
            "gone": [r for r in before.get(table, []) if r not in after.get(table, [])],
            "new": [r for r in after.get(table, []) if r not in before.get(table, [])],
        }
        for table in sorted(set(before) | set(after))
        if before.get(table) != after.get(table)
    }


def _file_text(bot: BotHarness, file_id: str) -> str:
    data = bot.api.files.get(file_id, b"")
    parts = [data]
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = [archive.read(name) for name in archive.namelist()]
    return "\n".join(part.decode("utf-8", "ignore") for part in parts)


def _marked(bot: BotHarness, message: SentMessage, marks: tuple[str, ...]) -> list[str]:
    """The parts of a message that carry the victim's mark: its text or caption, its
    buttons, its document or photo (inside the archives of .docx and .xlsx too)."""
    shown = [message.body, repr(message.reply_markup)]
    for attachment in (message.document, message.photo):
        if attachment:
            shown.append(_file_text(bot, attachment["file_id"]))
    return [
        f"chat {message.chat_id}: {text[:300]}"
        for text in shown
        if any(mark in text for mark in marks)
    ]


def leaks(bot: BotHarness, world: World) -> list[str]:
    """Everything the pressers were shown or sent that carries the victim's mark, as it
    was sent or edited, and every toast that does."""
    answers = [str(a.get("text") or "") for a in bot.api.callback_answers]
    marked = [text for text in answers if MARK in text or CARD_MARK in text]
    return world.leaked + [f"toast: {text}" for text in marked]


def failures(bot: BotHarness, world: World) -> list[str]:
    """Error reports to the operators and apologies to anyone."""
    reports = [m.body for m in bot.api.messages.get(OPERATOR_ID, {}).values() if m.from_bot]
    apologies = [
        m.body
        for chat_id in world.presser_chats
        for m in bot.api.messages.get(chat_id, {}).values()
        if m.from_bot and m.body.startswith("Sorry")
    ]
    return reports + apologies
