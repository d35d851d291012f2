"""Onboarding, approvals and invitations, driven as people use them."""

from __future__ import annotations

from datetime import timedelta

from bot.offline.console import Console
from bot.settings import Settings
from tests.harness import OPERATOR_ID, BotHarness


async def onboard(bot: BotHarness, user, language: str, role: str, query: str, pick: str):  # type: ignore[no-untyped-def]
    await bot.send(user, "/start")
    await bot.press(user, language)
    await bot.press(user, role)
    await bot.send(user, query)
    return await bot.press(user, pick)


async def test_official_onboards_in_ukrainian_and_operator_approves(bot: BotHarness) -> None:
    operator = bot.operator()
    await bot.send(operator, "/start")  # the operator has talked to the bot before
    mayor = bot.user(101, "Ігор", "uk")
    reply = await bot.send(mayor, "/start")
    assert "Виберіть мову" in reply.text
    assert "✓ Українська" in reply.buttons
    await bot.press(mayor, "Українська")
    reply = await bot.press(mayor, "Посадова особа української громади")
    assert "Бровари" in reply.text
    reply = await bot.send(mayor, "Бровари")
    assert reply.buttons[0] == "Броварська міська громада, Київська обл."
    reply = await bot.press(mayor, reply.buttons[0])
    assert "Перевірте" in reply.text
    assert (
        "Броварська міська територіальна громада, Броварський район, Київська область" in reply.text
    )
    reply = await bot.press(mayor, "Підтвердити")
    assert "надіслано оператор" in reply.text
    request = bot.last(OPERATOR_ID)
    assert "Бровари" in request.text or "Brovary" in request.text
    assert request.button_labels == ["Approve", "Reject"]
    await bot.press(operator, "Approve")
    notice = bot.last(mayor.id)
    assert "схвалено" in notice.text
    reply = await bot.send(mayor, "/menu")
    assert "Головне меню — Бровари" in reply.text
    assert "Запросити колегу" in reply.buttons


async def test_partner_onboards_in_english_and_is_rejected(bot: BotHarness) -> None:
    operator = bot.operator()
    coordinator = bot.user(102, "Anna", "sv")
    reply = await bot.send(coordinator, "/start")
    assert "Choose your language" in reply.text
    assert "✓ English" in reply.buttons
    reply = await onboard(
        bot,
        coordinator,
        "English",
        "Coordinator of a partner municipality abroad",
        "Jena",
        "Jena, Germany",
    )
    assert "Community: Jena, Germany" in reply.text
    await bot.press(coordinator, "Confirm")
    await bot.press(operator, "Reject", chat=bot.api.chats[OPERATOR_ID])
    assert "was not approved" in bot.last(coordinator.id).text
    reply = await bot.send(coordinator, "/menu")
    assert "Invite a colleague" not in reply.buttons


async def test_approve_pressed_twice_decides_once(bot: BotHarness) -> None:
    operator = bot.operator()
    user = bot.user(103, "Petro", "en")
    await onboard(bot, user, "English", "Official of a Ukrainian community", "Brovary", "Brovarska")
    await bot.press(user, "Confirm")
    request = bot.last(OPERATOR_ID)
    approve = request.buttons[0]["callback_data"]
    await bot.press(operator, "Approve", message=request)
    before = len(bot.api.bot_messages(user.id))
    await bot.deliver(bot.api.press_data(operator, approve, request))
    assert len(bot.api.bot_messages(user.id)) == before  # no second notice
    assert any("already been decided" in a.get("text", "") for a in bot.api.callback_answers)


async def test_not_an_operator_cannot_approve(bot: BotHarness) -> None:
    bot.operator()
    user = bot.user(104, "Mark", "en")
    await onboard(bot, user, "English", "Official of a Ukrainian community", "Brovary", "Brovarska")
    await bot.press(user, "Confirm")
    request = bot.last(OPERATOR_ID)
    await bot.api.wait_processed(
        bot.api.press_data(user, request.buttons[0]["callback_data"], request)
    )
    membership = (await bot.repos.memberships.for_user(user.id, status=None))[0]
    assert membership.status == "pending"


async def test_manual_entry_for_a_county_missing_from_the_gazetteer(bot: BotHarness) -> None:
    user = bot.user(105, "Jan", "pl")
    await bot.send(user, "/start")
    await bot.press(user, "English")
    await bot.press(user, "Coordinator of a partner municipality abroad")
    await bot.send(user, "Powiat Zzyzx")
    await bot.press(user, "Not in the list")
    await bot.send(user, "Gniezno County Office")
    reply = await bot.send(user, "Poland")
    reply = await bot.press(user, reply.buttons[0])
    assert "Gniezno County Office, Poland" in reply.text


async def test_bad_input_at_free_text_steps(bot: BotHarness) -> None:
    user = bot.user(106, "Olha", "uk")
    await bot.send(user, "/start")
    await bot.press(user, "Українська")
    await bot.press(user, "Посадова особа української громади")
    assert "не більше ніж 100" in (await bot.send(user, "х" * 5000)).text
    assert "літерами" in (await bot.send(user, "🙂🙂🙂")).text
    assert "не знайдено" in (await bot.send(user, "<b>*_`[]()")).text
    reply = await bot.send(user, "Qwzxv Plmkj")
    assert "не знайдено" in reply.text
    # The flow is still alive: a proper name works afterwards.
    reply = await bot.send(user, "Бровари")
    assert any("Броварська" in label for label in reply.buttons)


async def test_restart_in_the_middle_of_onboarding_resumes(bot: BotHarness) -> None:
    user = bot.user(107, "Iryna", "en")
    await bot.send(user, "/start")
    await bot.press(user, "English")
    await bot.press(user, "Official of a Ukrainian community")
    await bot.restart()
    reply = await bot.send(user, "Brovary")
    assert reply.buttons[0] == "Brovarska urban community, Kyiv Oblast"
    await bot.press(user, reply.buttons[0])
    reply = await bot.press(user, "Confirm")
    assert "sent to an operator" in reply.text


async def test_old_button_after_restart_shows_the_menu(bot: BotHarness) -> None:
    user = bot.user(108, "Taras", "en")
    await bot.send(user, "/start")
    old = bot.last(user.id)
    english = next(b["callback_data"] for b in old.buttons if b["text"] == "✓ English")
    await bot.press(user, "English")
    await bot.press(user, "Official of a Ukrainian community")
    await bot.send(user, "/cancel")
    await bot.restart()
    reply = await bot.deliver(bot.api.press_data(user, english, old))
    assert "no longer active" in reply.text
    assert "Main menu" in reply.text


async def test_the_summary_changes_the_role_and_the_language_and_cancel_saves_nothing(
    bot: BotHarness,
) -> None:
    user = bot.user(109, "Olha", "uk")
    await onboard(bot, user, "Українська", "Посадова особа української громади", "Бровари", "Бров")
    reply = await bot.press(user, "Змінити")
    assert reply.buttons == ["Мова", "Роль", "Громада", "Назад до підсумку"]
    await bot.press(user, "Роль")
    # The same role keeps the community; the other side's role asks for a place abroad.
    reply = await bot.press(user, "Посадова особа української громади")
    assert "Громада: Броварська міська територіальна громада" in reply.text
    await bot.press(user, "Змінити")
    await bot.press(user, "Роль")
    reply = await bot.press(user, "Координатор муніципалітету-партнера")
    assert "муніципалітету, району чи повіту" in reply.text
    await bot.send(user, "Jena")
    reply = await bot.press(user, "Єна, Німеччина")
    assert "Громада: Єна, Німеччина" in reply.text and "Координатор" in reply.text
    await bot.press(user, "Змінити")
    reply = await bot.press(user, "Мова")
    assert "Виберіть мову" in reply.text and "Welcome" not in reply.text
    reply = await bot.press(user, "English")
    assert "Community: Jena, Germany" in reply.text
    assert "You are: Coordinator of a partner municipality abroad" in reply.text
    reply = await bot.press(user, "Cancel")
    assert "Cancelled. Nothing was saved." in reply.text and "Main menu" in reply.text
    account = await bot.repos.users.get(user.id)
    assert account is not None and account.language == "en" and account.role is None
    assert await bot.repos.memberships.for_user(user.id, status=None) == []


async def test_buttons_of_messages_sent_before_keep_their_data(bot: BotHarness) -> None:
    """A rejected claimant's «Choose another community» and an old menu's Settings."""
    user = bot.user(113, "Petro", "en")
    await bot.make_member(user, "Brovary")
    message = (await bot.send(user, "/menu")).last
    reply = await bot.deliver(bot.api.press_data(user, "set:home", message))
    assert "Settings\n\nLanguage: English" in reply.text
    reply = await bot.deliver(bot.api.press_data(user, "ob:again", message))
    assert "Choose your language:" in reply.text


async def test_invite_used_reused_expired_and_forged(bot: BotHarness) -> None:
    admin = bot.user(110, "Mayor", "en")
    await bot.make_member(admin, "Brovary")
    reply = await bot.send(admin, "/menu")
    reply = await bot.press(admin, "Invite a colleague")
    link = next(line for line in reply.text.splitlines() if "start=" in line)
    token = link.split("start=", 1)[1]
    assert len(token) >= 22  # at least 128 bits of randomness
    assert "expires in 7 days" in reply.text

    colleague = bot.user(111, "Deputy", "uk")
    reply = await bot.send(colleague, f"/start {token}")
    assert "Бровари" in reply.text and "Головне меню" in reply.text

    intruder = bot.user(112, "Other", "en")
    reply = await bot.send(intruder, f"/start {token}")
    assert "already been used" in reply.text

    reply = await bot.send(intruder, "/start forged_token_AAAAAAAAAAAAAAAAAAAAAAAAAA")
    assert "not valid" in reply.text

    await bot.press(admin, "Main menu")
    reply = await bot.press(admin, "Invite a colleague")
    token2 = reply.text.split("start=", 1)[1].split()[0]
    bot.clock.advance(timedelta(days=7, minutes=1))
    reply = await bot.send(intruder, f"/start {token2}")
    assert "expired" in reply.text
    assert await bot.repos.memberships.for_user(intruder.id) == []


async def test_member_cannot_switch_to_another_communitys_data(bot: BotHarness) -> None:
    brovary = bot.user(120, "Brovary mayor", "en")
    jena = bot.user(121, "Jena coordinator", "en")
    jena_community = await bot.make_member(jena, "Jena")
    await bot.make_member(brovary, "Brovary")
    await bot.send(brovary, "/settings")
    message = bot.last(brovary.id)
    await bot.api.wait_processed(
        bot.api.press_data(brovary, f"set:community:{jena_community.id}", message)
    )
    account = await bot.repos.users.get(brovary.id)
    assert account.current_community_id != jena_community.id
    reply = await bot.send(brovary, "/menu")
    assert "Jena" not in reply.text


async def test_settings_language_and_time_zone(bot: BotHarness) -> None:
    user = bot.user(130, "Kate", "en")
    await bot.make_member(user, "Brovary")
    await bot.send(user, "/settings")
    await bot.press(user, "Language")
    reply = await bot.press(user, "Українська")
    assert "Мова: Українська" in reply.text
    await bot.press(user, "Часовий пояс")
    reply = await bot.send(user, "Mars/Olympus")
    assert "Mars/Olympus" in reply.text
    reply = await bot.send(user, "europe/berlin")
    assert "Europe/Berlin" in reply.text


async def test_bot_added_to_a_group_introduces_itself(bot: BotHarness) -> None:
    admin = bot.user(140, "Ольга", "uk")
    group = bot.api.group(-500, "Бровари — Єна", admins=(admin,))
    reply = await bot.deliver(bot.api.add_bot_to_group(admin, group))
    assert reply.to(group.id) and "Twinbot" in reply.to(group.id)[0].text
    assert "партнерств" in reply.to(group.id)[0].text


async def test_commands_and_description_are_set_per_language(bot: BotHarness) -> None:
    assert "all_private_chats:uk" in bot.api.commands
    assert bot.api.descriptions["description:"] != bot.api.descriptions["description:uk"]


async def test_language_pickers_name_each_language_in_itself(bot: BotHarness) -> None:
    user = bot.user(131, "Оксана", "uk")
    await bot.make_member(user, "Brovary")
    await bot.send(user, "/settings")
    reply = await bot.press(user, "Мова")
    assert reply.buttons == ["✓ Українська", "English", "Deutsch", "Polski"]
    newcomer = bot.user(132, "Тарас", "uk")
    reply = await bot.send(newcomer, "/start")
    # Onboarding's first question has the form's Cancel, as every question of a form does.
    assert reply.buttons == ["✓ Українська", "English", "Deutsch", "Polski", "Скасувати"]


async def test_console_switching_back_to_a_person_keeps_their_language() -> None:
    console = Console(Settings.from_env({}))
    await console.handle(":user 2002 Anna en")
    await console.handle(":user 1001")
    assert (console.person.first_name, console.person.language_code) == ("Olena", "uk")
    await console.handle(":user 3003")
    assert console.person.language_code == "en"
