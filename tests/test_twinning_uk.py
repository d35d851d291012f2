"""The whole walk in Ukrainian, as a hromada official does it on a phone."""

from __future__ import annotations

from tests.harness import BotHarness
from tests.test_twinning_walk import docx_text


async def test_ukrainian_walk_to_registration(bot: BotHarness) -> None:
    mayor = bot.user(251, "Ігор", "uk")
    await bot.make_member(mayor, "Бровари")
    reply = await bot.send(mayor, "/menu")
    reply = await bot.press(mayor, "Побратимство")
    assert "Путівник із побратимства — Бровари" in reply.text
    assert "сім кроків" in reply.text
    await bot.press(mayor, "Нове партнерство")
    reply = await bot.send(mayor, "Gniezno")
    assert any("Гнезнен" in b or "Gniezno County" in b for b in reply.buttons)
    county = next(b for b in reply.buttons if "County" in b or "повіт" in b)
    await bot.press(mayor, county)
    reply = await bot.press(mayor, "Підтвердити")
    assert "Партнерство створено." in reply.text
    assert "Далі: 1. Сфери співробітництва та ініціатива громади" in reply.text

    reply = await bot.press(mayor, "Продовжити")
    assert "Крок 1 з 7 · Сфери співробітництва та ініціатива громади" in reply.text
    await bot.press(mayor, "Освіта")
    await bot.press(mayor, "Молодь")
    await bot.press(mayor, "Готово")
    await bot.press(mayor, "Виконавчий комітет")
    reply = await bot.send(mayor, "31.02.2026")
    assert "Такої дати в календарі немає" in reply.text
    await bot.send(mayor, "вчора")
    reply = await bot.send(mayor, "№ 712")
    assert "Перевірте крок «1. Сфери співробітництва та ініціатива громади»" in reply.text
    assert "Сфери співробітництва: Освіта, Молодь" in reply.text
    assert "Дата рішення: 21 листопада 2026" in reply.text
    reply = await bot.press(mayor, "Підтвердити")
    assert "Збережено: 1. Сфери співробітництва" in reply.text
    reply = await bot.press(mayor, "Повна картка")
    assert "✅ 1." in reply.text
    await bot.press(mayor, "Назад")

    await bot.press(mayor, "Продовжити")
    await bot.press(mayor, "Через асоціацію")
    await bot.press(mayor, "Сьогодні")
    await bot.send(mayor, "Anna Kowalska, starosta, anna@example.pl")
    await bot.press(mayor, "Підтвердити")

    await bot.press(mayor, "Продовжити")
    await bot.press(mayor, "Угода про співробітництво")
    await bot.press(mayor, "Сьогодні")
    await bot.press(mayor, "Пропустити")
    reply = await bot.press(mayor, "Підтвердити")
    assert "Далі: 4. Погодження міністерства" in reply.text

    reply = await bot.press(mayor, "Продовжити")
    assert "Міністерство розвитку громад та територій України" in reply.text
    assert "30 днів" in reply.text
    await bot.press(mayor, "Сьогодні")
    await bot.press(mayor, "Погоджено наказом")
    await bot.send(mayor, "512")
    await bot.press(mayor, "Сьогодні")
    reply = await bot.press(mayor, "Підтвердити")
    assert "Далі: 5. Схвалення радою" in reply.text

    reply = await bot.press(mayor, "Продовжити")
    assert "Крок 5 з 7" in reply.text
    await bot.press(mayor, "Сьогодні")
    await bot.send(mayor, "12-45/2026")
    await bot.press(mayor, "Підтвердити")

    await bot.press(mayor, "Продовжити")
    await bot.press(mayor, "Сьогодні")
    await bot.send(mayor, "Гнезно")
    await bot.send(mayor, "Ігор Сапожко, Пьотр Вуйцік")
    reply = await bot.press(mayor, "Підтвердити")
    assert "Далі: 7. Реєстрація" in reply.text

    reply = await bot.press(mayor, "Продовжити")
    assert "перелік зареєстрованих угод" in reply.text
    reply = await bot.send(mayor, "abc")
    assert "не схоже на номер документа" in reply.text
    await bot.send(mayor, "МС-2026/17")
    await bot.press(mayor, "Сьогодні")
    await bot.press(mayor, "Транскордонне")
    await bot.send(mayor, "охорона здоров’я, освіта")
    await bot.press(mayor, "На кілька років")
    await bot.send(mayor, "5")
    reply = await bot.press(mayor, "Підтвердити")
    assert "Угоду зареєстровано. Партнерство встановлено." in reply.text
    reply = await bot.press(mayor, "Повна картка")
    assert "Реєстраційний номер: МС-2026/17" in reply.text
    assert "Вид співробітництва: Транскордонне" in reply.text
    assert "Строк, років: 5" in reply.text
    await bot.press(mayor, "Назад")

    await bot.press(mayor, "Документи")
    reply = await bot.press(mayor, "Супровідний лист до міністерства")
    document = reply.messages[-1]
    assert document.caption == "Супровідний лист до міністерства"
    cover = docx_text(bot.api.files[document.document["file_id"]])
    assert "Міністрові розвитку громад та територій України" in cover
    assert "з Гнезненським повітом (Республіка Польща)" in cover
    assert "територіальною громадою міста Броварів (Україна)" in cover
    assert "у сферах: освіта, молодіжна політика" in cover
    assert "рішенням виконавчого комітету" in cover and "від 21.11.2026 № 712" in cover
    reply = await bot.press(mayor, "Лист про наміри")
    letter = docx_text(bot.api.files[reply.messages[-1].document["file_id"]])
    assert "Пропонуємо співпрацю у таких сферах: освіта, молодіжна політика." in letter
    # Gniezno County is in Poland: the partner's side is in Polish.
    assert "Proponujemy współpracę w następujących dziedzinach: edukacja, młodzież." in letter
