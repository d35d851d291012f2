"""German and Polish partners use the bot in their own language, through the real UI.

A Jena coordinator with a German Telegram and a Gniezno county coordinator with a Polish one
onboard, follow the twinning guide, log aid and search for needs; a Ukrainian officer who
works in German or Polish walks the guide's first steps. The operator reads requests in the
operator's own language.
"""

from __future__ import annotations

from bot.domain.offers.csv_io import load_demo
from bot.offline.api import SimUser
from tests.harness import OPERATOR_ID, BotHarness


async def _onboard_partner(
    bot: BotHarness, user: SimUser, language: str, role: str, query: str, pick: str
) -> None:
    await bot.send(user, "/start")
    await bot.press(user, language)
    await bot.press(user, role)
    await bot.send(user, query)
    await bot.press(user, pick)


async def test_jena_coordinator_onboards_in_german_and_a_polish_operator_approves(
    bot: BotHarness,
) -> None:
    operator = bot.operator("pl")
    await bot.send(operator, "/start")
    anna = bot.user(601, "Anna", "de")
    reply = await bot.send(anna, "/start")
    assert "Wählen Sie Ihre Sprache:" in reply.text
    assert reply.buttons == ["Українська", "English", "✓ Deutsch", "Polski", "Abbrechen"]
    reply = await bot.press(anna, "Deutsch")
    assert "Wer sind Sie?" in reply.text
    reply = await bot.press(anna, "Koordination einer Partnerkommune")
    assert "Stadt, Gemeinde, Ihres Bezirks oder Landkreises" in reply.text
    reply = await bot.send(anna, "Jena")
    assert reply.buttons[0] == "Jena, Deutschland"
    reply = await bot.press(anna, "Jena, Deutschland")
    assert "Kommune: Jena, Deutschland" in reply.text
    reply = await bot.press(anna, "Bestätigen")
    assert "Ihre Anfrage, Jena zu vertreten, wurde an den Betreiber gesendet" in reply.text

    request = bot.last(OPERATOR_ID)
    assert "Wniosek od Anna (@user601): reprezentowanie samorządu partnerskiego." in request.text
    assert "Samorząd: Jena (DE)" in request.text
    assert "hromad" not in request.text  # a foreign municipality is not a hromada
    await bot.press(operator, "Zatwierdź")
    approved = "Ihre Anfrage wurde genehmigt: Sie vertreten jetzt Jena als Administrator."
    assert bot.last(anna.id).text == approved

    reply = await bot.send(anna, "/menu")
    assert "Hauptmenü — Jena" in reply.text
    assert "Partnersuche" in reply.buttons and "Anleitung" in reply.buttons


async def test_gniezno_county_coordinator_onboards_in_polish_and_a_german_operator_approves(
    bot: BotHarness,
) -> None:
    operator = bot.operator("de")
    await bot.send(operator, "/start")
    jan = bot.user(701, "Jan", "pl")
    reply = await bot.send(jan, "/start")
    assert "Wybierz język:" in reply.text and "✓ Polski" in reply.buttons
    await _onboard_partner(
        bot,
        jan,
        "Polski",
        "Koordynator samorządu partnerskiego",
        "Powiat gnieźnieński",  # the county's own name finds it
        "Powiat gnieźnieński, Polska",
    )
    reply = await bot.press(jan, "Potwierdź")
    assert (
        "Wniosek o reprezentowanie (Powiat gnieźnieński) został wysłany do operatora." in reply.text
    )
    request = bot.last(OPERATOR_ID)
    assert "Anfrage von Jan (@user701): Vertretung einer Partnerkommune." in request.text
    await bot.press(operator, "Genehmigen")
    assert bot.last(jan.id).text == (
        "Wniosek zatwierdzony. Reprezentujesz: Powiat gnieźnieński. Rola: administrator."
    )
    reply = await bot.send(jan, "/menu")
    assert "Menu główne — Powiat gnieźnieński" in reply.text
    assert "Szukaj partnerów" in reply.buttons and "Instrukcja" in reply.buttons


async def test_the_guide_in_german_for_both_sides(bot: BotHarness) -> None:
    officer = bot.user(611, "Olha", "de")  # Brovary's international officer works in German
    anna = bot.user(612, "Anna", "de")
    await bot.make_member(officer, "Brovary")
    await bot.make_member(anna, "Jena")
    reply = await bot.send(officer, "/twinning")
    assert "Partnerschaftsleitfaden — Brovary" in reply.text
    assert "in sieben Schritten" in reply.text
    await bot.press(officer, "Neue Partnerschaft")
    await bot.send(officer, "Jena")
    await bot.press(officer, "Jena, Deutschland")
    reply = await bot.press(officer, "Bestätigen")
    assert "Die Partnerschaft ist angelegt." in reply.text
    assert "Als Nächstes: 1. Bereiche der Zusammenarbeit und Initiative" in reply.text
    reply = await bot.press(officer, "Ganze Karte")
    assert "• Hinweis bei Stillstand: 6. Dezember 2026" in reply.text
    await bot.press(officer, "Zurück")

    reply = await bot.press(officer, "Weiter")
    assert "Schritt 1 von 7 · Bereiche der Zusammenarbeit und Initiative" in reply.text
    await bot.press(officer, "Wasserversorgung")
    reply = await bot.press(officer, "Gesundheit")
    assert "✓ Wasserversorgung" in reply.buttons and "✓ Gesundheit" in reply.buttons
    reply = await bot.press(officer, "Fertig")
    assert "Wer hat den Beschluss gefasst?" in reply.text
    await bot.press(officer, "Stadtrat")
    reply = await bot.send(officer, "gestern")
    assert "Geben Sie die Nummer des Beschlusses ein" in reply.text
    reply = await bot.send(officer, "712")
    assert "Bitte prüfen Sie den Schritt „1. Bereiche der Zusammenarbeit und Initiative“:" in (
        reply.text
    )
    assert "Datum des Beschlusses: 21. November 2026" in reply.text  # long form in messages
    reply = await bot.press(officer, "Bestätigen")
    assert "Gespeichert: 1. Bereiche der Zusammenarbeit und Initiative" in reply.text
    reply = await bot.press(officer, "Ganze Karte")
    assert "✅ 1." in reply.text

    # For Jena it is Brovary's proposal until Anna accepts it.
    reply = await bot.send(anna, "/twinning")
    assert "Vorschläge, die auf Ihre Antwort warten:" in reply.text
    assert reply.buttons[0] == "📨 Brovary"
    reply = await bot.press(anna, "📨 Brovary")
    assert "Brovary schlägt Ihrer Kommune eine Städtepartnerschaft vor." in reply.text
    assert "Bereiche der Zusammenarbeit: Wasserversorgung, Gesundheit" in reply.text
    assert "Kontakt: Olha (@user611)" in reply.text
    await bot.press(anna, "Annehmen")
    reply = await bot.send(anna, "/twinning")
    assert reply.buttons[0].startswith("Brovary · 2. Partner gefunden")
    reply = await bot.press(anna, reply.buttons[0])
    assert "Partnerschaft Brovary — Jena, Deutschland" in reply.text
    reply = await bot.press(anna, "Ganze Karte")
    assert "Bereiche der Zusammenarbeit: Wasserversorgung, Gesundheit" in reply.text
    assert "Beschluss gefasst von: Stadtrat" in reply.text

    await bot.send(officer, "/twinning")
    await bot.press(officer, "Jena, Deutschland")
    await bot.press(officer, "Dokumente")
    reply = await bot.press(officer, "Absichtserklärung")
    assert reply.messages[-1].caption == "Absichtserklärung an den Partner (Українська / Deutsch)"


async def test_the_guide_in_polish_for_both_sides(bot: BotHarness) -> None:
    officer = bot.user(711, "Oksana", "pl")
    jan = bot.user(712, "Jan", "pl")
    await bot.make_member(officer, "Brovary")
    await bot.make_member(jan, "Gniezno County")
    reply = await bot.send(officer, "/twinning")
    assert "w siedmiu krokach" in reply.text
    await bot.press(officer, "Nowe partnerstwo")
    reply = await bot.send(officer, "Gniezno")
    assert set(reply.buttons[:2]) == {"Powiat gnieźnieński, Polska", "Gniezno, Polska"}
    await bot.press(officer, "Powiat gnieźnieński, Polska")
    reply = await bot.press(officer, "Potwierdź")
    assert "Utworzono partnerstwo." in reply.text
    reply = await bot.press(officer, "Pełna karta")
    assert "⬜ 4. Zgoda ministerstwa" in reply.text
    await bot.press(officer, "Wstecz")
    reply = await bot.press(officer, "Dalej")
    assert "Krok 1 z 7 · Obszary współpracy i inicjatywa hromady" in reply.text
    await bot.press(officer, "Edukacja")
    await bot.press(officer, "Młodzież")
    await bot.press(officer, "Gotowe")
    await bot.press(officer, "Rada miasta")
    reply = await bot.send(officer, "wczoraj")
    assert "Wpisz numer uchwały" in reply.text
    reply = await bot.send(officer, "712")
    assert "Data uchwały: 21 listopada 2026" in reply.text
    reply = await bot.press(officer, "Potwierdź")
    assert "Dalej: 2. Partner znaleziony, kontakt nawiązany" in reply.text

    reply = await bot.send(jan, "/twinning")
    assert "Przewodnik partnerstwa — Powiat gnieźnieński, Polska" in reply.text
    reply = await bot.press(jan, "📨 Brovary")
    assert "Obszary współpracy: Edukacja, Młodzież" in reply.text
    await bot.press(jan, "Przyjmij")
    reply = await bot.press(jan, "Pełna karta")
    assert "Obszary współpracy: Edukacja, Młodzież" in reply.text
    assert "Organ podejmujący uchwałę: Rada miasta" in reply.text


async def test_jena_logs_aid_in_german_and_brovary_reads_it_in_ukrainian(
    bot: BotHarness,
) -> None:
    anna = bot.user(621, "Anna", "de")
    mayor = bot.user(622, "Ігор", "uk")
    jena = await bot.make_member(anna, "Jena")
    brovary = await bot.make_member(mayor, "Brovary")
    await bot.repos.partnerships.create(brovary.id, jena.id, mayor.id)
    reply = await bot.send(anna, "/aid")
    assert "Hilfe und Besuche — Jena" in reply.text
    assert "Bisher 0 Hilfeeinträge." in reply.text
    reply = await bot.press(anna, "Hilfe erfassen")
    assert "Welche Kommune?" in reply.text
    reply = await bot.press(anna, "Brovary")
    assert "Was wurde geleistet?" in reply.text
    await bot.press(anna, "Medizintechnik")
    await bot.press(anna, "Gesundheit")
    await bot.send(anna, "Beatmungsgeräte 20 Stk.")
    reply = await bot.send(anna, "100 Tsd. Euro")
    assert "100.000,00\u00a0€" in reply.text
    reply = await bot.press(anna, "Heute versandt")
    assert "Bitte prüfen Sie vor dem Speichern:" in reply.text
    assert "22.11.2026" in reply.text  # numeric in a record's lines
    reply = await bot.press(anna, "Bestätigen")
    assert "Gespeichert als Eintrag Nr. 1." in reply.text

    notice = bot.last(mayor.id)
    assert notice.text.startswith("Єна:")
    reply = await bot.press(mayor, "Підтвердити отримання")
    assert "Die andere Seite hat Eintrag Nr. 1 bestätigt." in bot.last(anna.id).text

    await bot.send(anna, "/aid")
    reply = await bot.press(anna, "Summen")
    assert "Summen — Jena" in reply.text
    assert "1 Hilfeeintrag, 0 Besuche oder Treffen" in reply.text
    assert "Brovary: 100.000,00\u00a0€" in reply.text


async def test_gniezno_county_logs_aid_in_polish(bot: BotHarness) -> None:
    jan = bot.user(721, "Jan", "pl")
    mayor = bot.user(722, "Ігор", "uk")
    county = await bot.make_member(jan, "Gniezno County")
    brovary = await bot.make_member(mayor, "Brovary")
    await bot.repos.partnerships.create(brovary.id, county.id, mayor.id)
    await bot.send(jan, "/aid")
    reply = await bot.press(jan, "Zapisz pomoc")
    assert "Która hromada?" in reply.text
    await bot.press(jan, "Brovary")
    await bot.press(jan, "Dary humanitarne")
    await bot.press(jan, "Przesiedleńcy")
    await bot.send(jan, "Żywność i środki higieniczne 22 szt.")
    reply = await bot.send(jan, "3,9 mln UAH")
    assert "3\u00a0900\u00a0000,00\u00a0UAH" in reply.text
    reply = await bot.press(jan, "Wysłano dziś")
    assert "Powiat gnieźnieński" in reply.text and "22.11.2026" in reply.text
    reply = await bot.press(jan, "Potwierdź")
    assert "Zapisano jako wpis nr 1." in reply.text
    reply = await bot.send(jan, "/aid")
    assert "Dotychczas 1 wpis o pomocy." in reply.text


async def test_searching_needs_in_german_and_polish(bot: BotHarness) -> None:
    await load_demo(bot.repos, bot.clock.now().date())
    anna = bot.user(631, "Anna", "de")
    jan = bot.user(731, "Jan", "pl")
    await bot.make_member(anna, "Jena")
    await bot.make_member(jan, "Gniezno County")

    reply = await bot.send(anna, "/find")
    assert "Bedarfe ukrainischer Kommunen finden." in reply.text
    reply = await bot.send(anna, "Wasser")
    assert "1 Anzeige gefunden." in reply.text
    assert "Byshiv, Ukraine — Wasserversorgung, Abwasser" in reply.text
    reply = await bot.press(anna, "1. Byshiv")
    assert "Bedarf einer ukrainischen Kommune" in reply.text
    reply = await bot.press(anna, "Kontakt anfragen")
    assert "wer Sie sind und was Sie anbieten" in reply.text

    reply = await bot.send(jan, "/find")
    assert "Wyszukiwanie potrzeb ukraińskich hromad." in reply.text
    reply = await bot.send(jan, "szpital")
    assert "Znaleziono 2 ogłoszenia." in reply.text
    reply = await bot.press(jan, "1. Brovary")
    assert "Potrzeba ukraińskiej hromady" in reply.text
    assert "Widoczne do: odwołania" in reply.text
    reply = await bot.press(jan, "Poproś o kontakt")
    assert "Adresat: Brovary, Ukraina. Napisz, kim jesteś i co proponujesz." in reply.text


async def test_reminders_typed_in_german_and_polish(bot: BotHarness) -> None:
    anna = bot.user(641, "Anna", "de")
    jan = bot.user(741, "Jan", "pl")
    await bot.make_member(anna, "Jena")
    await bot.make_member(jan, "Gniezno County")
    await bot.send(anna, "/remind")
    reply = await bot.send(anna, "morgen um 9:00 Jena anrufen")
    assert "Erinnerung: Jena anrufen" in reply.text
    assert "Wann: Montag, 23. November 2026 um 09:00" in reply.text
    await bot.send(jan, "/remind")
    reply = await bot.send(jan, "w każdy poniedziałek o 10:00 spotkanie z Jeną")
    assert "Przypomnienie: spotkanie z Jeną" in reply.text
    assert "Kiedy: poniedziałek, 23 listopada 2026, godz. 10:00" in reply.text
    assert "Powtarzanie: co tydzień: pon. o 10:00" in reply.text


async def test_a_group_can_speak_polish(bot: BotHarness) -> None:
    mayor = bot.user(751, "Ihor", "en")
    await bot.make_member(mayor, "Brovary")
    group = bot.api.group(-1751, "Brovary and Gniezno", admins=(mayor,))
    await bot.deliver(bot.api.add_bot_to_group(mayor, group))
    await bot.send(mayor, "/settings", chat=group)
    reply = await bot.press(mayor, "Language", chat=group)
    assert reply.buttons == ["Українська", "✓ English", "Deutsch", "Polski"]
    reply = await bot.press(mayor, "Polski", chat=group)
    assert "Ustawienia\n\nJęzyk: Polski" in reply.text
    reply = await bot.send(mayor, "/status", chat=group)
    assert "Ta grupa nie jest jeszcze powiązana z partnerstwem." in reply.text


async def test_command_menus_and_descriptions_in_every_language(bot: BotHarness) -> None:
    commands = bot.api.commands
    private = {
        lang: {c["command"]: c["description"] for c in commands[f"all_private_chats:{lang}"]}
        for lang in ("uk", "de", "pl")
    }
    assert private["de"]["aid"] == "Hilfe und Besuche: erfassen, Summen, Export"
    assert private["pl"]["find"] == "wyszukiwanie partnerów: oferty i potrzeby"
    assert private["uk"]["remind"] == "нагадування своїми словами"
    group_pl = {c["command"]: c["description"] for c in commands["all_group_chats:pl"]}
    assert group_pl["status"] == "stan powiązanego partnerstwa"
    assert bot.api.descriptions["description:de"].startswith("Twinbot begleitet ukrainische")
    assert bot.api.descriptions["description:pl"].startswith("Twinbot prowadzi ukraińskie")
