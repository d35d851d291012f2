"""The handover act of three real partnerships, read back from the .docx: its second column in
the donor's language where the bot speaks it (Jena: German, Lublin: Polish), English for a
Lithuanian donor, and for donors of several countries unless they share a language."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from bot.domain import places
from bot.domain.aid.act import act_file_name, act_language, build_act
from bot.domain.aid.model import AidItem, to_minor
from bot.i18n import I18n
from bot.offline.api import SimUser
from handlers.aid.act import facts_of
from storage.aid import NewAid
from storage.communities import Community
from tests.harness import BotHarness
from tests.test_aid_finance import act_text, table_rows

I18N = I18n()


def eur(amount: str) -> int:
    return to_minor(Decimal(amount))


@dataclass(frozen=True)
class Delivery:
    donor: str
    recipient: str
    currency: str
    items: tuple[AidItem, ...]
    day: str
    handed_by: str
    received_by: str
    language: str
    # What the act must say: whole lines or parts of them, and the items table.
    expected: tuple[str, ...]
    absent: tuple[str, ...]
    header: str  # the price column's header, both languages
    first_row: list[str]
    total_row: str
    file_name: str


JENA = Delivery(
    # Jena's generator and heaters for Brovary in the winter of 2023.
    donor="Jena",
    recipient="Brovary",
    currency="EUR",
    items=(
        AidItem("Stromgenerator", "1", "pcs", eur("12500"), eur("12500")),
        AidItem("Heizlüfter", "10", "pcs", eur("80"), eur("800")),
    ),
    day="2023-02-14",
    handed_by="Anna Schmidt, Leiterin des Büros für internationale Beziehungen",
    received_by="Петренко Марія Іванівна, заступниця міського голови",
    language="de",
    expected=(
        "ЗАТВЕРДЖУЮ / GENEHMIGT",
        "АКТ № 3 / ÜBERGABE- UND ÜBERNAHMEPROTOKOLL Nr. 3",
        "für humanitäre Hilfe",
        "м. Бровари / Brovary",
        "14.02.2023",
        "Geber: Jena",
        "Land: Deutschland",
        "Empfänger: Stadtrat Brovary",
        "Bilanzführende Stelle: Stadtrat Brovary",
        "Gesamtwert: 13.300,00 EUR",
        "Загальна вартість: 13\u00a0300,00 EUR",
        "Der Geber übergibt und der Empfänger übernimmt folgende humanitäre Hilfe:",
        "Die humanitäre Hilfe wurde vollständig übergeben und übernommen.",
        "Передав / Übergeben:",
        "Прийняв / Übernommen:",
        "Leiterin des Büros für internationale Beziehungen",
        "Anna SCHMIDT",
        "(підпис) / (Unterschrift)",
        "М. П. (за наявності) / Dienstsiegel (falls vorhanden)",
    ),
    absent=("Germany", "Donor", "City Council", "APPROVED", "14/02/2023", "13,300"),
    header="Ціна за одиницю, EUR / Einzelpreis, EUR",
    first_row=["1", "Stromgenerator", "шт. / Stk.", "1", "12\u00a0500,00", "12\u00a0500,00"],
    total_row="Разом / Insgesamt",
    file_name="handover-act-3_record-1_2023-02-14_uk-de.docx",
)

LUBLIN = Delivery(
    # Lublin and Lutsk, twin cities since 1993: generators and beds for Lutsk's hospital.
    donor="Lublin",
    recipient="Lutsk",
    currency="PLN",
    items=(
        AidItem("Agregat prądotwórczy", "3", "pcs", eur("18500"), eur("55500")),
        AidItem("Łóżko szpitalne", "20", "pcs", eur("2400"), eur("48000")),
    ),
    day="2022-12-05",
    handed_by="Jan Nowak, dyrektor Biura Współpracy Zagranicznej",
    received_by="Ігор Поліщук, міський голова",
    language="pl",
    expected=(
        "ЗАТВЕРДЖУЮ / ZATWIERDZAM",
        "АКТ № 3 / PROTOKÓŁ nr 3",
        "przekazania i przyjęcia pomocy humanitarnej",
        "м. Луцьк / Lutsk",
        "05.12.2022",
        "Darczyńca: Lublin",
        "Kraj: Polska",
        "Odbiorca: Rada Miasta Lutsk",
        "Podmiot przyjmujący na stan: Rada Miasta Lutsk",
        "Wartość łączna: 103\u00a0500,00 PLN",
        "Darczyńca przekazuje, a odbiorca przyjmuje następującą pomoc humanitarną:",
        "Sporządzono w dwóch jednobrzmiących egzemplarzach",
        "Передав / Przekazujący:",
        "Прийняв / Przyjmujący:",
        "Jan NOWAK",
        "Ігор ПОЛІЩУК",
        "(підпис) / (podpis)",
    ),
    absent=("Poland", "Donor", "City Council", "Geber", "05/12/2022", "103,500"),
    header="Ціна за одиницю, PLN / Cena jednostkowa, PLN",
    first_row=["1", "Agregat prądotwórczy", "шт. / szt.", "3", "18\u00a0500,00", "55\u00a0500,00"],
    total_row="Разом / Razem",
    file_name="handover-act-3_record-1_2022-12-05_uk-pl.docx",
)

SIAULIAI = Delivery(
    # Šiauliai district's eleven tonnes of aid for Dolyna.
    donor="Šiauliai",
    recipient="Dolyna",
    currency="EUR",
    items=(AidItem("Humanitarian aid", "11", "t", None, eur("100000")),),
    day="2022-04-01",
    handed_by="Rasa Petrauskienė, head of the international relations division",
    received_by="",
    language="en",
    expected=(
        "ЗАТВЕРДЖУЮ / APPROVED",
        "АКТ № 3 / ACT No. 3",
        "of acceptance and transfer of humanitarian aid",
        "м. Долина / Dolyna",
        "01.04.2022 / 01/04/2022",
        "Donor: Šiauliai",
        "Country: Lithuania",
        "Recipient: Dolyna City Council",
        "Total value: 100,000.00 EUR",
        "Передав / Handed over:",
        "Rasa PETRAUSKIENĖ",
        "_______________ (посада / position)",
    ),
    absent=("Litauen", "Litwa", "Geber", "Darczyńca"),
    header="Ціна за одиницю, EUR / Unit price, EUR",
    first_row=["1", "Humanitarian aid", "т / t", "11", "—", "100\u00a0000,00"],
    total_row="Разом / Total",
    file_name="handover-act-3_record-1_2022-04-01_uk-en.docx",
)


async def _community(bot: BotHarness, name: str) -> Community:
    found = [*places.search_hromadas(name, limit=1).matches]
    found += places.search_world(name, limit=1).matches
    place = max(found, key=lambda match: match.score).place
    return await bot.repos.communities.from_place(place)


async def _act(bot: BotHarness, delivery: Delivery) -> tuple[str, bytes, str]:
    """The act as the bot draws it up for the recipient: language, .docx and file name."""
    donor = await _community(bot, delivery.donor)
    recipient = await _community(bot, delivery.recipient)
    record, _new = await bot.repos.aid.create(
        NewAid(
            recipient_id=recipient.id,
            donors=(donor.id,),
            kind="goods",
            sector="energy",
            description="",
            aid_date=delivery.day,
            status="received",
            created_by=1,
            currency=delivery.currency,
            items=delivery.items,
        )
    )
    place = places.get(recipient.katottg or "")
    assert place is not None and place.hromada_uk
    council = f"{place.hromada_uk} міська рада"
    values: dict[str, Any] = {
        "number": "3",
        "date": delivery.day,
        "place": f"м. {place.name_uk}",
        "recipient": council,
        "code": None,
        "holder": None,
        "donor_address": None,
        "donor_code": None,
        "basis": None,
        "handed_by": delivery.handed_by,
        "received_by": delivery.received_by,
    }
    language, facts = facts_of(record, [donor], recipient, values)
    data = build_act(facts, I18N.get("uk"), I18N.get(language))
    name = act_file_name(facts.number, record.number(recipient.id), facts.day, language)
    return language, data, name


@pytest.mark.parametrize("delivery", [JENA, LUBLIN, SIAULIAI], ids=lambda d: d.donor)
async def test_the_act_speaks_the_donors_language(bot: BotHarness, delivery: Delivery) -> None:
    language, data, name = await _act(bot, delivery)
    assert language == delivery.language
    assert name == delivery.file_name
    text, document = act_text(data)
    for expected in delivery.expected:
        assert expected in text, expected
    for absent in delivery.absent:
        assert absent not in text, absent
    rows = table_rows(document)
    assert rows[0][4] == delivery.header
    assert rows[1] == delivery.first_row
    assert rows[-1][1] == delivery.total_row
    section = document.sections[0]  # type: ignore[attr-defined]
    measures = (section.page_width, section.page_height, section.left_margin)
    assert [round(m.mm) for m in measures] == [210, 297, 30]


def test_donors_of_several_countries_share_english_unless_they_share_a_language() -> None:
    assert act_language(["DE"]) == "de"
    assert act_language(["DE", "AT"]) == "de"  # Jena with Graz: both read German
    assert act_language(["PL", "PL"]) == "pl"
    assert act_language(["DE", "PL"]) == "en"
    assert act_language(["LT"]) == "en"  # the bot does not speak Lithuanian
    assert act_language(["CH"]) == "en"  # several official languages
    assert act_language(["UA"]) == "en"  # a Ukrainian donor: the partner's side in English
    assert act_language([]) == "en"


def test_the_file_name_says_which_act_record_and_languages() -> None:
    from datetime import date

    assert (
        act_file_name("12/2022", 7, date(2022, 12, 5), "pl")
        == "handover-act-12-2022_record-7_2022-12-05_uk-pl.docx"
    )


async def _log_and_confirm(
    bot: BotHarness, donor: str, recipient: str, lang: str, taps: list[str], items: str
) -> tuple[SimUser, SimUser]:
    """A coordinator of `donor` logs a shipment in `lang`; the recipient's mayor confirms."""
    coordinator = bot.user(331, "Katrin", lang)
    mayor = bot.user(332, "Ігор", "uk")
    donor_community = await bot.make_member(coordinator, donor)
    recipient_community = await bot.make_member(mayor, recipient)
    await bot.repos.partnerships.create(recipient_community.id, donor_community.id, mayor.id)
    await bot.send(coordinator, "/aid")
    log, shipped, confirm = taps[:3]
    for label in (log, recipient, *taps[3:]):
        await bot.press(coordinator, label)
    await bot.send(coordinator, items)
    await bot.press(coordinator, shipped)
    await bot.send(coordinator, "14.02.2023")
    await bot.press(coordinator, confirm)
    reply = await bot.press(mayor, "Підтвердити отримання", message=bot.last(mayor.id))
    assert "обома сторонами" in reply.text
    return coordinator, mayor


async def test_jenas_coordinator_logs_aid_in_german_and_downloads_the_act_in_german(
    bot: BotHarness,
) -> None:
    coordinator, _mayor = await _log_and_confirm(
        bot,
        "Jena",
        "Brovary",
        "de",
        ["Hilfe erfassen", "Versandt", "Bestätigen", "Energietechnik", "Energie"],
        "Stromgenerator 2 Stk. à 1 200 EUR\nHeizlüfter 10 Stk. à 80 EUR",
    )
    await bot.send(coordinator, "/aid")
    await bot.press(coordinator, "Verlauf")
    await bot.press(coordinator, "№1 · 14.02.2023 · Brovary")
    reply = await bot.press(coordinator, "Übergabeprotokoll (.docx)")
    assert "Protokoll Nr.: 1" in reply.text and "Datum des Protokolls: 14.02.2023" in reply.text
    reply = await bot.press(coordinator, "Bestätigen")
    assert "Übergabeprotokoll Nr. 1, bereit zum Drucken und Unterschreiben." in reply.text
    act = next(m for m in reply.messages if m.document)
    assert act.document["file_name"] == "handover-act-1_record-1_2023-02-14_uk-de.docx"
    text, document = act_text(bot.api.files[act.document["file_id"]])
    for expected in (
        "АКТ № 1 / ÜBERGABE- UND ÜBERNAHMEPROTOKOLL Nr. 1",
        "Донор: Єна",
        "Geber: Jena",
        "Land: Deutschland",
        "Empfänger: Stadtrat Brovary",
        "Gesamtwert: 3.200,00 EUR",
        "Передав / Übergeben:",
    ):
        assert expected in text, expected
    rows = table_rows(document)
    assert rows[1] == ["1", "Stromgenerator", "шт. / Stk.", "2", "1\u00a0200,00", "2\u00a0400,00"]


async def test_lutsk_downloads_the_act_of_lublins_shipment_in_ukrainian_and_polish(
    bot: BotHarness,
) -> None:
    _coordinator, mayor = await _log_and_confirm(
        bot,
        "Lublin",
        "Lutsk",
        "pl",
        ["Zapisz pomoc", "Wysłano", "Potwierdź", "Sprzęt energetyczny", "Energetyka"],
        "Agregat prądotwórczy 3 szt. × 18 500 PLN",
    )
    reply = await bot.press(mayor, "Акт приймання-передачі (.docx)")
    assert "Отримувач: Луцька міська рада" in reply.text
    reply = await bot.press(mayor, "Підтвердити")
    act = next(m for m in reply.messages if m.document)
    assert act.document["file_name"] == "handover-act-1_record-1_2023-02-14_uk-pl.docx"
    text, _document = act_text(bot.api.files[act.document["file_id"]])
    for expected in (
        "АКТ № 1 / PROTOKÓŁ nr 1",
        "przekazania i przyjęcia pomocy humanitarnej",
        "Darczyńca: Lublin",
        "Kraj: Polska",
        "Odbiorca: Rada Miasta Lutsk",
        "Wartość łączna: 55\u00a0500,00 PLN",
        "Прийняв / Przyjmujący:",
    ):
        assert expected in text, expected


def test_a_place_typed_in_ukrainian_reads_in_latin_letters_in_the_other_column() -> None:
    from bot.domain.aid.act import typed_place

    assert typed_place("с. Княжичі")("other") == "Kniazhychi"
    assert typed_place("смт Велика Димерка")("other") == "Velyka Dymerka"
    assert typed_place("Brovary")("other") == "Brovary"
