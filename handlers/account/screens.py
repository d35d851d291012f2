"""The account's screens: onboarding's questions and answers, and the settings. Text and
buttons from data and a translator, nothing else: handlers load what a screen needs and
show it, and a test reads any screen without the Application."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardMarkup

from bot.i18n import LANGUAGE_NAMES, N_, SPOKEN, Translator
from handlers.account.buttons import (
    ActFor,
    AskSetting,
    Begin,
    Colleagues,
    NewInvite,
    RemoveColleague,
    RevokeInvite,
    SetLanguage,
    SettingsHome,
    SetZone,
)
from handlers.shared.navigation import HOME
from handlers.shared.place_picker import card_lines
from handlers.shared.screens import Button, columns, keyboard
from storage.communities import Community

Screen = tuple[str, InlineKeyboardMarkup]

ROLES = {
    "official": N_("Official of a Ukrainian community"),
    "partner": N_("Coordinator of a partner municipality abroad"),
}
COMMON_ZONES = (
    "Europe/Kyiv",
    "Europe/Warsaw",
    "Europe/Berlin",
    "Europe/Vilnius",
    "Europe/Riga",
    "Europe/Stockholm",
    "Europe/Madrid",
    "Europe/Budapest",
    "Europe/London",
    "UTC",
)


def ticked(label: str, chosen: bool) -> str:
    return "✓ " + label if chosen else label


def languages(current: str) -> list[tuple[str, str]]:
    """Each language by its own name, the one in use ticked: (code, label)."""
    return [(lang.code, ticked(lang.name, lang.code == current)) for lang in SPOKEN]


# Onboarding ------------------------------------------------------------------------------


def language_question(t: Translator, first: bool) -> str:
    """The first question greets a newcomer; asked again, it only asks."""
    if not first:
        return t._("Choose the language:")
    return t._(
        "Welcome to Twinbot: a guide for twinning partnerships between Ukrainian communities"
        " and municipalities abroad.\n\nChoose your language:"
    )


def community_question(t: Translator, role: str | None) -> str:
    if role == "partner":
        return t._("Type the name of your municipality, district or county, e.g. Jena or Šiauliai.")
    return t._(
        "Type the name of your community or of its centre, e.g. Броварська громада,"
        " Бровари or Brovary."
    )


def name_question(role: str | None) -> str:
    """The message asking for a community's name typed by hand (translated by the picker)."""
    if role == "partner":
        return N_("Type the official name of your municipality, district or county.")
    return N_(
        "Type the name of your community as it is officially written, e.g. Долинська міська"
        " територіальна громада."
    )


def claim_summary(t: Translator, community: str, code: str | None, role: str) -> str:
    """What is checked before a claim goes to an operator: the community (with its KATOTTG
    code at home) and who the person is."""
    if code is not None:
        community = f"{community}\n{t._('KATOTTG code: {code}', code=code)}"
    return t._(
        "Please check:\n\nCommunity: {community}\nYou are: {role}\n\nAn operator will confirm"
        " that you act for this community before you can use its data.",
        community=community,
        role=t._(ROLES[role]),
    )


def claim_waiting(t: Translator, community: str) -> Screen:
    text = t._(
        "Your request to act for {community} is waiting for an operator. You will get a"
        " message here as soon as it is decided.",
        community=community,
    )
    return text, keyboard([[(t._("Choose another community"), Begin("again").data())]])


def claim_sent(t: Translator, community: str) -> Screen:
    text = t._(
        "Thank you. Your request to act for {community} has been sent to an operator. You"
        " will get a message here as soon as it is decided.",
        community=community,
    )
    return text, keyboard([[(t._("Main menu"), HOME.data())]])


# Settings --------------------------------------------------------------------------------


def settings_home(t: Translator, tz: str, community: Community | None, private: bool) -> Screen:
    """The settings in the language and time zone they are in; in a private chat also the
    community one acts for (a group has no community of its own)."""
    rows = [
        [(t._("Language"), AskSetting("lang").data())],
        [(t._("Time zone"), AskSetting("tz").data())],
    ]
    if private:
        rows.insert(1, [(t._("Community"), AskSetting("community").data())])
        rows.append([(t._("Main menu"), HOME.data())])
    text = t._(
        "Settings\n\nLanguage: {language}\nTime zone: {tz}",
        language=LANGUAGE_NAMES[t.lang],
        tz=tz,
    )
    if community is not None:
        card = "\n".join(card_lines(t, community, t.lang))
        text += "\n\n" + t._("Community:") + "\n" + card
    return text, keyboard(rows)


def language_choice(t: Translator) -> Screen:
    buttons = [(label, SetLanguage(code).data()) for code, label in languages(t.lang)]
    return t._("Choose the language:"), keyboard(columns(buttons))


def zone_choice(t: Translator) -> Screen:
    buttons = [(zone, SetZone(zone).data()) for zone in COMMON_ZONES]
    back = [(t._("Back"), SettingsHome().data())]
    text = t._("Choose the time zone, or type one such as Europe/Prague:")
    return text, keyboard([*columns(buttons), back])


def unknown_zone(t: Translator, typed: str) -> str:
    return t._(
        "“{zone}” is not a time zone I know. Type one like Europe/Berlin, or pick a button.",
        zone=typed,
    )


def community_choice(
    t: Translator, communities: Sequence[Community], current: int | None
) -> Screen:
    rows: list[list[Button]] = [
        [(ticked(c.title(t.lang), c.id == current), ActFor(c.id).data())] for c in communities
    ]
    rows.append([(t._("Add another community"), Begin("new").data())])
    rows.append([(t._("Back"), SettingsHome().data())])
    return t._("Which community do you act for now?"), keyboard(rows)


def invitations(
    t: Translator, links: Sequence[tuple[int, str, str, str]], community: str
) -> Screen:
    """The community's invitation links not yet used: (id, author, sent, expires) each,
    numbered, with a Revoke button per number."""
    _ = t._
    if not links:
        text = _("{community} has no invitation links waiting to be used.", community=community)
        return text, keyboard(
            [[(_("Invite a colleague"), NewInvite().data())], [(_("Main menu"), HOME.data())]]
        )
    lines = [_("Invitation links of {community} not yet used:", community=community), ""]
    revoke: list[Button] = []
    for number, (invite, author, sent, expires) in enumerate(links, start=1):
        lines.append(
            _(
                "{n}. Sent by {author} on {sent}; works until {expires}.",
                n=number,
                author=author,
                sent=sent,
                expires=expires,
            )
        )
        revoke.append((_("Revoke {n}", n=number), RevokeInvite(invite).data()))
    lines += ["", _("A revoked link stops working at once; whoever opens it is told so.")]
    rows = [*columns(revoke), [(_("Main menu"), HOME.data())]]
    return "\n".join(lines), keyboard(rows)


def colleagues(
    t: Translator, members: Sequence[tuple[int, str, bool, bool]], community: str
) -> Screen:
    """The community's approved members: (membership id, name, admin, is the reader) each,
    numbered, with a Remove button for each colleague but the reader."""
    _ = t._
    lines = [_("People who act for {community}:", community=community), ""]
    remove: list[Button] = []
    for number, (membership, name, admin, reader) in enumerate(members, start=1):
        role = _("admin") if admin else _("member")
        if reader:
            lines.append(_("{n}. {name}, {role} (you)", n=number, name=name, role=role))
        else:
            lines.append(_("{n}. {name}, {role}", n=number, name=name, role=role))
            remove.append((_("Remove {n}", n=number), RemoveColleague(membership).data()))
    lines += [
        "",
        _(
            "A person removed no longer acts for the community at once; the invitation links"
            " they sent stop working."
        ),
    ]
    rows = [
        *columns(remove),
        [(_("Invite a colleague"), NewInvite().data())],
        [(_("Main menu"), HOME.data())],
    ]
    return "\n".join(lines), keyboard(rows)


def confirm_removal(t: Translator, membership: int, name: str, community: str) -> Screen:
    _ = t._
    text = _(
        "Remove {name} from {community}? They will no longer see the community's records or"
        " act for it. An operator or an admin can let them in again later.",
        name=name,
        community=community,
    )
    rows = [
        [(_("Remove"), RemoveColleague(membership, sure=True).data())],
        [(_("Back"), Colleagues().data())],
    ]
    return text, keyboard(rows)
