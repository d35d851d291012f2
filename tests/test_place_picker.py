"""Picking a community as people do: the official hromada, an oblast filter, by hand, codes,
and the time zone that comes with the place."""

from __future__ import annotations

from tests.harness import OPERATOR_ID, BotHarness

DOLYNA = "UA26060130000047466"


async def _as_official(bot: BotHarness, user_id: int, lang: str = "uk"):  # type: ignore[no-untyped-def]
    user = bot.user(user_id, "Ігор", lang)
    await bot.send(user, "/start")
    await bot.press(user, "Українська" if lang == "uk" else "English")
    await bot.press(
        user,
        "Посадова особа української громади"
        if lang == "uk"
        else "Official of a Ukrainian community",
    )
    return user


async def test_a_dolyna_official_finds_the_hromada_and_the_operator_sees_its_code(
    bot: BotHarness,
) -> None:
    operator = bot.operator()
    await bot.send(operator, "/start")
    mayor = await _as_official(bot, 501)
    reply = await bot.send(mayor, "Долинська громада")
    assert reply.buttons[0] == "Долинська МТГ, Івано-Франківська обл."
    assert "Долинська МТГ, Кіровоградська обл." in reply.buttons
    reply = await bot.press(mayor, reply.buttons[0])
    assert (
        "Громада: Долинська міська територіальна громада, Калуський район,"
        " Івано-Франківська область\nКод КАТОТТГ: UA26060130000047466" in reply.text
    )
    await bot.press(mayor, "Підтвердити")
    request = bot.last(OPERATOR_ID)
    assert "Dolynska urban territorial community, Kaluskyi Raion" in request.text
    assert "KATOTTG code: UA26060130000047466" in request.text
    await bot.press(operator, "Approve")
    community = await bot.repos.communities.by_place(DOLYNA)
    assert community is not None
    assert (community.katottg, community.title("uk"), community.tz) == (
        DOLYNA,
        "Долина",
        "Europe/Kyiv",
    )
    reply = await bot.send(mayor, "/menu")
    assert "Головне меню — Долина" in reply.text
    reply = await bot.send(mayor, "/settings")
    assert "Код КАТОТТГ: UA26060130000047466" in reply.text


async def test_a_name_in_many_oblasts_is_narrowed_by_oblast(bot: BotHarness) -> None:
    official = await _as_official(bot, 502, "en")
    reply = await bot.send(official, "Mykolaivka")
    assert "communities found, in several oblasts" in reply.text
    assert len([b for b in reply.buttons if "community" in b]) == 5
    reply = await bot.press(official, "Choose the oblast")
    assert "Choose the oblast:" in reply.text
    sumy = next(label for label in reply.buttons if label.startswith("Sumy Oblast"))
    count = int(sumy.removeprefix("Sumy Oblast (").removesuffix(")"))
    reply = await bot.press(official, sumy)
    assert "Communities in Sumy Oblast for “Mykolaivka”" in reply.text
    # One oblast's list does not repeat the oblast on every button.
    found = [b for b in reply.buttons if "community" in b]
    assert len(found) == count > 1 and not any("Oblast" in label for label in found)
    reply = await bot.press(official, "All oblasts")
    assert "in several oblasts" in reply.text
    reply = await bot.send(official, "Mykolaivka, Sumy Oblast")
    assert "Communities in Sumy Oblast" in reply.text
    assert len([b for b in reply.buttons if "community" in b]) == count


async def test_bad_names_get_a_clear_answer(bot: BotHarness) -> None:
    official = await _as_official(bot, 503)
    assert "щонайменше дві літери" in (await bot.send(official, "Б")).text
    assert "літерами" in (await bot.send(official, "🙂")).text
    assert "не більше ніж 100" in (await bot.send(official, "Долина" * 1000)).text
    reply = await bot.send(official, "'; DROP TABLE communities; --")
    assert "нічого не знайдено" in reply.text
    reply = await bot.send(official, "Бровари")
    assert reply.buttons[0] == "Броварська міська громада, Київська обл."


async def test_a_hromada_not_in_the_list_is_typed_with_its_oblast_and_waits_for_a_code(
    bot: BotHarness,
) -> None:
    operator = bot.operator()
    await bot.send(operator, "/start")
    official = await _as_official(bot, 504, "en")
    await bot.send(official, "Qwzxvska hromada")
    reply = await bot.press(official, "Not in the list")
    assert "officially written" in reply.text
    reply = await bot.send(official, "Новобудівська громада")
    assert "Choose the oblast:" in reply.text
    reply = await bot.press(official, "Back")
    assert "Now: Новобудівська громада" in reply.text
    reply = await bot.press(official, "Keep as is")
    reply = await bot.press(official, "Kyiv Oblast")
    assert "Community: Новобудівська громада, Kyiv Oblast" in reply.text
    await bot.press(official, "Confirm")
    request = bot.last(OPERATOR_ID)
    assert "KATOTTG code: not assigned yet" in request.text

    # The operator finds its hromada among those of the oblast, or types another name.
    reply = await bot.send(operator, "/menu")
    assert "Codes to assign (1)" in reply.buttons
    reply = await bot.press(operator, "Codes to assign (1)")
    assert "1 Ukrainian community has no KATOTTG code" in reply.text
    reply = await bot.press(operator, "Новобудівська громада, Kyiv Oblast")
    reply = await bot.send(operator, "Бровари")
    reply = await bot.press(operator, "Brovarska urban community, Kyiv Oblast")
    assert "UA32060050000030591" in reply.text
    assert "Every Ukrainian community has its KATOTTG code." in reply.text
    membership = (await bot.repos.memberships.for_user(official.id, status=None))[0]
    community = await bot.repos.communities.get(membership.community_id)
    assert community is not None and community.katottg == "UA32060050000030591"


async def test_a_partner_not_found_adds_it_with_the_country_in_one_line(bot: BotHarness) -> None:
    coordinator = bot.user(505, "Jan", "en")
    await bot.send(coordinator, "/start")
    await bot.press(coordinator, "English")
    await bot.press(coordinator, "Coordinator of a partner municipality abroad")
    reply = await bot.send(coordinator, "Gmina Zzyzx")
    assert "type it with the country" in reply.text
    reply = await bot.send(coordinator, "Gmina Zzyzx, Poland")
    reply = await bot.press(coordinator, "Add “Gmina Zzyzx, Poland”")
    assert "Community: Gmina Zzyzx, Poland" in reply.text


async def test_a_jena_coordinator_and_their_group_start_in_berlin_time(bot: BotHarness) -> None:
    operator = bot.operator()
    await bot.send(operator, "/start")
    coordinator = bot.user(506, "Anna", "de")
    await bot.send(coordinator, "/start")
    await bot.press(coordinator, "English")
    await bot.press(coordinator, "Coordinator of a partner municipality abroad")
    reply = await bot.send(coordinator, "Jena")
    await bot.press(coordinator, "Jena, Germany")
    await bot.press(coordinator, "Confirm")
    await bot.press(operator, "Approve", chat=bot.api.chats[OPERATOR_ID])
    account = await bot.repos.users.get(coordinator.id)
    assert account is not None and account.tz == "Europe/Berlin"
    reply = await bot.send(coordinator, "/settings")
    assert "Time zone: Europe/Berlin" in reply.text

    group = bot.api.group(-5060, "Jena — Brovary", admins=(coordinator,))
    await bot.deliver(bot.api.add_bot_to_group(coordinator, group))
    chat = await bot.repos.chats.get(group.id)
    assert chat is not None and chat.tz == "Europe/Berlin"

    # A zone chosen in /settings stays, whatever community the person acts for later.
    await bot.press(coordinator, "Time zone")
    await bot.press(coordinator, "Europe/Vilnius")
    brovary = await bot.make_member(coordinator, "Brovary")
    await bot.repos.users.set_current_community(coordinator.id, brovary.id)
    account = await bot.repos.users.get(coordinator.id)
    assert account is not None and account.tz == "Europe/Vilnius"


async def test_an_official_keeps_kyiv_time(bot: BotHarness) -> None:
    official = bot.user(507, "Olena", "en")
    await bot.make_member(official, "Dolyna")
    account = await bot.repos.users.get(official.id)
    assert account is not None and account.tz == "Europe/Kyiv"
