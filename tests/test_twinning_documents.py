"""The four documents of three real partnerships, read back as a records office would."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from docx import Document
from docx.document import Document as DocxDocument

from bot.domain.grammar.places import ForeignAuthority, Hromada
from bot.domain.twinning.document_facts import (
    DocumentFacts,
    LogTotals,
    OwnSide,
    PartnerSide,
    Requisites,
)
from bot.domain.twinning.documents import DOCUMENTS, build, file_name
from bot.domain.twinning.legal_facts import load_legal_facts

LEGAL = load_legal_facts()
LAW = (
    "Закону України від 24.04.2024 № 3668-IX «Про міжнародне територіальне співробітництво України»"
)


@dataclass(frozen=True)
class Pair:
    facts: DocumentFacts
    # What the documents must say, by document: the declined forms and the typed values.
    expected: dict[str, list[str]]
    partner_language_text: str  # a sentence of the letter's partner side
    file_pair: str


def _facts(**values: Any) -> DocumentFacts:
    return DocumentFacts(**values)


DOLYNA = Pair(
    facts=_facts(
        community=OwnSide(
            Hromada("Долинська міська територіальна громада", seat="Долина"),
            "Dolyna",
            "Івано-Франківська область",
        ),
        partner=PartnerSide(
            ForeignAuthority("Шяуляйський район", "district", "LT"),
            "Šiaulių rajono savivaldybė",
            42000,
        ),
        facts={
            "areas": {"sectors": ["water", "education"], "decision_body": "none"},
            "partner": {
                "contact_channel": "letter",
                "contact_date": "2026-11-05",
                "head_name": "Antanas Bezaras",
                "head_gender": "m",
                "head_position": "meras",
                "head_name_uk": "Антанас Безарас",
                "head_position_uk": "мер Шяуляйського району",
            },
            "draft": {
                "agreement_kind": "cooperation",
                "draft_date": "2026-11-09",
                "note": "Спільні проєкти водопостачання та обмін учнями шкіл..",
                "expected_results": "Два спільні проєкти на рік",
                "finance": "none",
                "sheets": "6",
            },
            "ministry": {
                "rounds": [
                    {
                        "submitted_date": "2026-11-10",
                        "outcome": "remarks",
                        "returned_date": "2026-11-20",
                        "remarks": "уточнити найменування сторін.",
                    }
                ],
                "submitted_date": "2026-11-25",
                "outcome": "approved",
                "order_number": "879",
                "order_date": "2026-12-15",
            },
        },
        today=date(2026, 12, 20),
        requisites=Requisites.from_data(
            {
                "head_name": "Іван Дирів",
                "executor_name": "Олена Коваль",
                "executor_phone": "+380 3477 2 12 34",
                "address": "пл. Ринок, 1, м. Долина, 77500",
                "email": "rada@dolyna.example",
                "edrpou": "04054395",
            }
        ),
        log=LogTotals(aid_records=3, aid_value={"EUR": 1_250_000}, visits=2),
    ),
    expected={
        "letter": [
            "ДОЛИНСЬКА МІСЬКА РАДА",
            "Івано-Франківської області",
            "Мерові Шяуляйського району",
            "Антанасу БЕЗАРАСУ",
            "Шановний пане Антанасе!",
            "з Шяуляйським районом (Литовська Республіка)",
            "у таких сферах: водопостачання, освіта.",
            LAW,
            "Міський голова",
            "Іван ДИРІВ",
            "Ivan DYRIV",
            "Antanas Bezaras",
            "Šiaulių rajono savivaldybė",
            "Gerbiamas Pone Mere,",
        ],
        "note": [
            "до проєкту угоди про співробітництво між Долинською міською територіальною"
            " громадою (Україна) та Шяуляйським районом (Литовська Республіка)",
            "Спільні проєкти водопостачання та обмін учнями шкіл.",
            "Чисельність населення — 42 000 осіб.",
            "Керівник: Антанас БЕЗАРАС, мер Шяуляйського району.",
            "Перший контакт: 05.11.2026, лист про наміри.",
            "3 надходження допомоги на загальну суму 12 500,00 EUR та 2 візити делегацій",
            "Два спільні проєкти на рік.",
            "не потребує додаткових видатків з місцевого бюджету",
            "постанова Кабінету Міністрів України від 28.03.2025 № 357",
        ],
        "cover": [
            "Олексію КУЛЕБІ",
            "Міністрові розвитку громад та територій України",
            "Про погодження проєкту угоди про співробітництво з Шяуляйським районом"
            " (Литовська Республіка)",
            "Долинська міська рада подає на погодження",
            "Проєкт узгоджено з партнером 09.11.2026",
            "до проєкту, поданого 10.11.2026, повернутого 20.11.2026"
            " (уточнити найменування сторін).",
            "українською та литовською мовами на 6 арк. в 1 прим.",
            "Пояснювальна записка на 1 арк. в 1 прим.",
            "пл. Ринок, 1, м. Долина, 77500, e-mail: rada@dolyna.example, код ЄДРПОУ 04054395",
        ],
        "decision": [
            "ДОЛИНСЬКА МІСЬКА РАДА",
            "м. Долина",
            "наказ Міністерства розвитку громад та територій України від 15.12.2026 № 879",
            "Долинської міської територіальної громади міська рада",
            "Уповноважити міського голову Івана ДИРІВА підписати угоду",
            "Додаток: проєкт угоди на 6 арк.",
        ],
    },
    partner_language_text="Siūlome bendradarbiauti šiose srityse: vandens tiekimas, švietimas.",
    file_pair="Dolyna-Siauliu-rajono-savivaldybe",
)

BROVARY = Pair(
    facts=_facts(
        community=OwnSide(
            Hromada("Броварська міська територіальна громада", seat="Бровари"),
            "Brovary",
            "Київська область",
        ),
        partner=PartnerSide(ForeignAuthority("Єна", "settlement", "DE"), "Jena", 110_000),
        facts={
            "areas": {
                "sectors": ["health", "energy"],
                "decision_body": "council",
                "decision_date": "2026-11-02",
                "decision_number": "123-VIII",
            },
            "partner": {
                "contact_channel": "visit",
                "contact_date": "2026-11-05",
                "head_name": "Thomas Nitzsche",
                "head_gender": "m",
                "head_position": "Oberbürgermeister",
                "head_name_uk": "Томас Нічше",
                "head_position_uk": "обер-бургомістр міста Єна",
            },
            "draft": {
                "agreement_kind": "twinning",
                "draft_date": "2026-11-09",
                "finance": "described",
                "finance_text": "Співфінансування обміну лікарями — 200 тис. грн на рік",
            },
            "ministry": {
                "submitted_date": "2026-11-10",
                "outcome": "approved",
                "order_number": "512",
                "order_date": "2026-11-20",
            },
        },
        today=date(2026, 11, 22),
        requisites=Requisites.from_data(
            {
                "head_name": "Ігор Сапожко",
                "executor_name": "Марія Шевчук",
                "executor_phone": "+380 4594 5 12 00",
            }
        ),
    ),
    expected={
        "letter": [
            "БРОВАРСЬКА МІСЬКА РАДА",
            "Київської області",
            "Обер-бургомістрові міста Єна",
            "Томасу НІЧШЕ",
            "Шановний пане Томасе!",
            "з містом Єна (Федеративна Республіка Німеччина)",
            "енергетика, охорона здоров’я",
            "рішенням Броварської міської ради від 02.11.2026 № 123-VIII",
            "Ігор САПОЖКО",
            "Herrn Thomas Nitzsche",
            "Sehr geehrter Herr Oberbürgermeister,",
            "Stadtrat Brovary",
        ],
        "note": [
            "до проєкту угоди про побратимство між Броварською міською територіальною"
            " громадою (Україна) та містом Єна (Федеративна Республіка Німеччина)",
            "Партнер — місто Єна (Федеративна Республіка Німеччина)",
            "Чисельність населення — 110 000 осіб.",
            "Перший контакт: 05.11.2026, візит.",
            "Співфінансування обміну лікарями — 200 тис. грн на рік.",
            "Спільних заходів у журналі допомоги та візитів ще не зафіксовано.",
        ],
        "cover": [
            "Про погодження проєкту угоди про побратимство з містом Єна"
            " (Федеративна Республіка Німеччина)",
            "українською та німецькою мовами",
            "Копія рішення Броварської міської ради від 02.11.2026 № 123-VIII",
        ],
        "decision": [
            "БРОВАРСЬКА МІСЬКА РАДА",
            "м. Бровари",
            "від 20.11.2026 № 512",
            "Про схвалення проєкту угоди про побратимство між Броварською міською"
            " територіальною громадою (Україна) та містом Єна (Федеративна Республіка"
            " Німеччина)",
            "Уповноважити міського голову Ігоря САПОЖКА",
        ],
    },
    partner_language_text="Wir schlagen eine Zusammenarbeit in folgenden Bereichen vor:"
    " Energie, Gesundheit und Krankenhäuser.",
    file_pair="Brovary-Jena",
)

KREMENCHUK = Pair(
    facts=_facts(
        community=OwnSide(
            Hromada("Кременчуцька міська територіальна громада", seat="Кременчук"),
            "Kremenchuk",
            "Полтавська область",
        ),
        partner=PartnerSide(
            ForeignAuthority("Сан-Себастьян", "settlement", "ES"), "Donostia / San Sebastián"
        ),
        facts={
            "areas": {
                "sectors": ["culture", "youth", "idp"],
                "decision_body": "executive",
                "decision_date": "2026-10-01",
                "decision_number": "45",
            },
            "partner": {
                "contact_channel": "association",
                "contact_date": "2026-10-10",
                "head_name": "Eneko Goia",
                "head_gender": "m",
                "head_name_uk": "Енеко Гойя",
                "head_position_uk": "алькальд міста Сан-Себастьян",
            },
            "draft": {"agreement_kind": "memorandum", "draft_date": "2026-10-20"},
        },
        today=date(2026, 10, 25),
        requisites=Requisites.from_data(
            {
                "head_name": "Віталій Малецький",
                "head_position": "міський голова",
                "executor_name": "Наталія Мельник",
                "executor_phone": "+380 536 79 00 00",
            }
        ),
    ),
    expected={
        "letter": [
            "КРЕМЕНЧУЦЬКА МІСЬКА РАДА",
            "Полтавської області",
            "Алькальдові міста Сан-Себастьян",
            "Енеку ГОЙЇ",
            "з містом Сан-Себастьян (Королівство Іспанія)",
            "культура, молодіжна політика, інтеграція внутрішньо переміщених осіб",
            "рішенням виконавчого комітету Кременчуцької міської ради від 01.10.2026 № 45",
            "Віталій МАЛЕЦЬКИЙ",
            "Vitalii MALETSKYI",
            "Mr Eneko Goia",
            "Dear Mr Goia,",
            "Kremenchuk City Council",
        ],
        "note": [
            "до проєкту меморандуму про співробітництво між Кременчуцькою міською"
            " територіальною громадою (Україна) та містом Сан-Себастьян (Королівство Іспанія)",
            "Перший контакт: 10.10.2026, через асоціацію.",
        ],
        "cover": [
            "Про погодження проєкту меморандуму про співробітництво з містом Сан-Себастьян"
            " (Королівство Іспанія)",
            "українською та іспанською мовами на ____________ арк.",
            "рішенням виконавчого комітету Кременчуцької міської ради від 01.10.2026 № 45",
        ],
        "decision": [
            # No order recorded yet: blanks where its number and date go.
            "від ____________ № ____________ про погодження проєкту угоди",
            "Уповноважити міського голову Віталія МАЛЕЦЬКОГО",
        ],
    },
    partner_language_text="We propose to cooperate in the following areas: culture, youth,"
    " IDP integration.",
    file_pair="Kremenchuk-Donostia-San-Sebastian",
)

PAIRS = {"dolyna": DOLYNA, "brovary": BROVARY, "kremenchuk": KREMENCHUK}


def read(data: bytes) -> DocxDocument:
    return Document(io.BytesIO(data))


def text_of(document: DocxDocument) -> str:
    """The visible text; numbers keep their digits together with no-break spaces."""
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([*(p.text for p in document.paragraphs), *cells]).replace("\xa0", " ")


def runs(document: DocxDocument) -> list[Any]:
    found = [run for p in document.paragraphs for run in p.runs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                found += [run for p in cell.paragraphs for run in p.runs]
    return found


@pytest.mark.parametrize("pair_name", list(PAIRS))
@pytest.mark.parametrize("key", list(DOCUMENTS))
def test_documents_of_real_pairs(pair_name: str, key: str) -> None:
    pair = PAIRS[pair_name]
    document = read(build(key, pair.facts, LEGAL))
    text = text_of(document)
    for expected in pair.expected[key]:
        assert expected in text, expected
    if key == "letter":
        assert pair.partner_language_text in text

    # A4 with the standard margins.
    section = document.sections[0]
    sizes = [
        section.page_width,
        section.page_height,
        section.left_margin,
        section.right_margin,
        section.top_margin,
        section.bottom_margin,
    ]
    assert [round(size.mm) for size in sizes] == [210, 297, 30, 10, 20, 20]
    # One font, black, no heading styles with Word's theme colours.
    normal = document.styles["Normal"].font
    assert normal.name == "Times New Roman" and normal.size.pt == 14
    for run in runs(document):
        assert run.font.name in (None, "Times New Roman")
        assert run.font.color.rgb in (None, normal.color.rgb)
    assert normal.color.rgb is not None and str(normal.color.rgb) == "000000"
    assert not [p for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    # The document's language and properties.
    assert 'w:val="uk-UA"' in document.styles["Normal"].element.xml
    properties = document.core_properties
    assert properties.language == "uk-UA"
    assert "python-docx" not in (properties.author or "") and properties.author
    assert "міська рада" in properties.author.lower()
    # Punctuation a records office would send back.
    assert ".." not in text
    assert not re.search(r"\([^()]*\(", text), "nested brackets"
    assert "«Про міжнародне територіальне співробітництво України»" in text
    # The requisites each kind of document carries: a letter its outgoing number and date
    # fields, a decision «від ... № ...», the note (an attachment) its date under the signature.
    fields = {
        "letter": "____________ № ____________",
        "cover": "На № ____________ від ____________",
        "decision": "від ____________ № ____________",
        "note": "\n____________\n",
    }
    assert fields[key] in text
    requisites = pair.facts.requisites
    assert requisites.executor is not None and requisites.executor_phone
    assert requisites.executor.official() in text and requisites.executor_phone in text
    assert requisites.head is not None and requisites.head.official() in text


@pytest.mark.parametrize("pair_name", list(PAIRS))
def test_file_names_say_which_partnership_and_document(pair_name: str) -> None:
    pair = PAIRS[pair_name]
    names = [file_name(key, pair.facts) for key in DOCUMENTS]
    assert names == [
        f"letter-of-intent_{pair.file_pair}.docx",
        f"explanatory-note_{pair.file_pair}.docx",
        f"ministry-cover-letter_{pair.file_pair}.docx",
        f"draft-council-decision_{pair.file_pair}.docx",
    ]


def test_the_cover_letter_names_the_ministry_from_the_legal_facts(tmp_path: Any) -> None:
    import json

    from bot.domain.twinning.legal_facts import PACKAGED

    raw = json.loads(PACKAGED.read_text(encoding="utf-8"))
    raw["minister"] = {
        "given_name": "Оксана",
        "family_name": "Коваленко",
        "gender": "f",
        "position": {"uk": "Міністр розвитку громад та територій України"},
    }
    edited = tmp_path / "facts.json"
    edited.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    text = text_of(read(build("cover", DOLYNA.facts, load_legal_facts(edited))))
    assert "Міністрові розвитку громад та територій України" in text
    assert "Оксані КОВАЛЕНКО" in text


def test_a_letter_to_a_partner_without_a_template_is_in_english() -> None:
    text = text_of(read(build("letter", KREMENCHUK.facts, LEGAL)))
    assert "Letter of intent" in text and "Yours sincerely," in text


def test_without_a_known_head_the_letter_greets_colleagues_and_addresses_the_partner() -> None:
    facts = DocumentFacts(
        community=BROVARY.facts.community,
        partner=PartnerSide(
            ForeignAuthority("Гнезненський повіт", "county", "PL"), "Powiat gnieźnieński"
        ),
        facts={"areas": {"sectors": ["education"]}},
        today=date(2026, 11, 22),
    )
    text = text_of(read(build("letter", facts, LEGAL)))
    assert "Гнезненський повіт (Республіка Польща)" in text
    assert "Шановні колеги!" in text and "Szanowni Państwo," in text
    assert "Pani" not in text and "Panie" not in text


def _lutsk_to_lublin(partner: dict[str, str], head: str = "Ігор Поліщук") -> str:
    """The letter of intent of Lutsk to Lublin, twin cities since 1993, read back."""
    facts = DocumentFacts(
        community=OwnSide(
            Hromada("Луцька міська територіальна громада", seat="Луцьк"),
            "Lutsk",
            "Волинська область",
        ),
        partner=PartnerSide(ForeignAuthority("Люблін", "settlement", "PL"), "Lublin", 330_000),
        facts={"areas": {"sectors": ["health", "culture"]}, "partner": partner},
        today=date(2026, 11, 22),
        requisites=Requisites.from_data({"head_name": head}),
    )
    return text_of(read(build("letter", facts, LEGAL)))


def test_the_letter_to_a_polish_city_is_in_polish_and_greets_its_president() -> None:
    text = _lutsk_to_lublin(
        {
            "head_name": "Krzysztof Żuk",
            "head_gender": "m",
            "head_position": "Prezydent Miasta Lublin",
        }
    )
    for expected in (
        "List intencyjny",
        "Pan Krzysztof Żuk",
        "Prezydent Miasta Lublin",
        "Szanowny Panie Prezydencie,",
        "Rada Miasta Lutsk".upper(),
        "Proponujemy współpracę w następujących dziedzinach: ochrona zdrowia i szpitale, kultura.",
        "Z wyrazami szacunku",
        "Mer",
        "Ihor POLISHCHUK",
    ):
        assert expected in text, expected
    assert "Dear" not in text and "Sehr geehrte" not in text


def test_a_woman_heading_a_ukrainian_community_signs_in_the_feminine() -> None:
    text = _lutsk_to_lublin(
        {"head_name": "Anna Nowak", "head_gender": "f", "head_position": "Burmistrz"},
        head="Наталія Мельник",
    )
    assert "Szanowna Pani Burmistrz," in text and "Pani Anna Nowak" in text
    assert "Nataliia MELNYK" in text


@pytest.mark.parametrize(
    ("language", "gender", "position", "salutation", "written"),
    [
        ("de", "m", "Oberbürgermeister", "Sehr geehrter Herr Oberbürgermeister,", None),
        (
            "de",
            "f",
            "Oberbürgermeister der Stadt Jena",
            "Sehr geehrte Frau Oberbürgermeisterin,",
            "Oberbürgermeisterin der Stadt Jena",
        ),
        ("de", "m", "Bürgermeister", "Sehr geehrter Herr Bürgermeister,", None),
        ("de", "f", "Landrätin des Landkreises Görlitz", "Sehr geehrte Frau Landrätin,", None),
        ("de", "m", "Erster Bürgermeister", "Sehr geehrter Herr Erster Bürgermeister,", None),
        ("de", "f", "", "Sehr geehrte Frau Weber,", None),
        ("de", "m", "Leiter des Partnerschaftsbüros", "Sehr geehrter Herr Weber,", None),
        ("de", None, "Bürgermeister", "Sehr geehrte Damen und Herren,", None),
        ("pl", "m", "Burmistrz", "Szanowny Panie Burmistrzu,", None),
        ("pl", "f", "Burmistrz", "Szanowna Pani Burmistrz,", None),
        ("pl", "m", "Prezydent Miasta Rzeszowa", "Szanowny Panie Prezydencie,", None),
        ("pl", "f", "Prezydent Miasta Rzeszowa", "Szanowna Pani Prezydent,", None),
        ("pl", "m", "Starosta Gnieźnieński", "Szanowny Panie Starosto,", None),
        ("pl", "m", "Wójt Gminy Lubicz", "Szanowny Panie Wójcie,", None),
        ("pl", "f", "dyrektor biura", "Szanowna Pani,", None),
        ("pl", None, "Burmistrz", "Szanowni Państwo,", None),
        ("lt", "m", "Šiaulių rajono savivaldybės meras", "Gerbiamas Pone Mere,", None),
        ("lt", "f", "Šiaulių rajono savivaldybės merė", "Gerbiamoji Ponia Mere,", None),
        ("lt", "m", "Administracijos direktorius", "Gerbiamas Pone Direktoriau,", None),
        ("lt", "m", "patarėjas", "Gerbiamas Pone,", None),
        ("lt", None, "meras", "Gerbiamieji,", None),
    ],
)
def test_the_partners_head_is_greeted_as_their_language_greets_the_office(
    language: str, gender: str | None, position: str, salutation: str, written: str | None
) -> None:
    from bot.domain.grammar.persons import Person
    from bot.domain.twinning.letter_templates import template_for
    from bot.domain.twinning.letter_templates.foreign import ForeignLetter

    template = template_for(language)
    assert isinstance(template, ForeignLetter)
    head = Person("Maria", "Weber", gender)
    assert template.salutation(head, position or None) == salutation
    assert template.position(position, head) == (written or position)


def test_the_german_letter_signs_for_a_woman_as_buergermeisterin() -> None:
    from bot.domain.grammar.persons import parse_person
    from bot.domain.twinning.letter_templates import template_for
    from bot.domain.twinning.letter_templates.foreign import ForeignLetter

    german = template_for("de")
    assert isinstance(german, ForeignLetter)
    assert german.signatory_of("міська", parse_person("Наталія Мельник")) == "Bürgermeisterin"
    assert german.signatory_of("міська", parse_person("Ігор Сапожко")) == "Bürgermeister"
    assert german.signatory_of("сільська", None) == "Vorsteher der Dorfgemeinde"
