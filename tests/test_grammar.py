"""Names put in the case a document's sentence needs: «з Шяуляйським районом», «Долинської
міської ради», «з містом Єна (Федеративна Республіка Німеччина)», «Ігорем САПОЖКОМ»."""

from __future__ import annotations

import pytest

from bot.domain.grammar.declension import Case, decline_phrase
from bot.domain.grammar.persons import Person, parse_person, position
from bot.domain.grammar.places import ForeignAuthority, Hromada, country_official, in_brackets

GEN, INS = Case.GENITIVE, Case.INSTRUMENTAL

HROMADAS = [
    (
        "Долинська міська територіальна громада",
        "Долинської міської територіальної громади",
        "Долинською міською територіальною громадою",
    ),
    (
        "Броварська міська територіальна громада",
        "Броварської міської територіальної громади",
        "Броварською міською територіальною громадою",
    ),
    (
        "Кременчуцька міська територіальна громада",
        "Кременчуцької міської територіальної громади",
        "Кременчуцькою міською територіальною громадою",
    ),
    (
        "Кам’янець-Подільська міська територіальна громада",
        "Кам’янець-Подільської міської територіальної громади",
        "Кам’янець-Подільською міською територіальною громадою",
    ),
    (
        "Білоцерківська міська територіальна громада",
        "Білоцерківської міської територіальної громади",
        "Білоцерківською міською територіальною громадою",
    ),
    (
        "Яремчанська міська територіальна громада",
        "Яремчанської міської територіальної громади",
        "Яремчанською міською територіальною громадою",
    ),
    (
        "Гостомельська селищна територіальна громада",
        "Гостомельської селищної територіальної громади",
        "Гостомельською селищною територіальною громадою",
    ),
    (
        "Новоселицька сільська територіальна громада",
        "Новоселицької сільської територіальної громади",
        "Новоселицькою сільською територіальною громадою",
    ),
    (
        "Глухівська міська територіальна громада",
        "Глухівської міської територіальної громади",
        "Глухівською міською територіальною громадою",
    ),
    (
        "Луцька міська територіальна громада",
        "Луцької міської територіальної громади",
        "Луцькою міською територіальною громадою",
    ),
]

COUNCILS = [
    ("Долинська міська рада", "Долинської міської ради", "Долинською міською радою"),
    ("Броварська міська рада", "Броварської міської ради", "Броварською міською радою"),
    ("Полтавська обласна рада", "Полтавської обласної ради", "Полтавською обласною радою"),
    (
        "Івано-Франківська обласна рада",
        "Івано-Франківської обласної ради",
        "Івано-Франківською обласною радою",
    ),
    (
        "Виконавчий комітет Долинської міської ради",
        "Виконавчого комітету Долинської міської ради",
        "Виконавчим комітетом Долинської міської ради",
    ),
]

UKRAINIAN_PLACES = [
    ("Долина", "Долини", "Долиною"),
    ("Бровари", "Броварів", "Броварами"),
    ("Кременчук", "Кременчука", "Кременчуком"),
    ("Біла Церква", "Білої Церкви", "Білою Церквою"),
    ("Кривий Ріг", "Кривого Рогу", "Кривим Рогом"),
    ("Київ", "Києва", "Києвом"),
    ("Львів", "Львова", "Львовом"),
    ("Рівне", "Рівного", "Рівним"),
]

FOREIGN = [
    # Adjectives with a generic noun decline like Ukrainian words.
    (
        ForeignAuthority("Шяуляйський район", "district", "LT"),
        "Шяуляйського району (Литовська Республіка)",
        "Шяуляйським районом (Литовська Республіка)",
    ),
    (
        ForeignAuthority("Гнезненський повіт", "county", "PL"),
        "Гнезненського повіту (Республіка Польща)",
        "Гнезненським повітом (Республіка Польща)",
    ),
    (
        ForeignAuthority("Мазовецьке воєводство", "region", "PL"),
        "Мазовецького воєводства (Республіка Польща)",
        "Мазовецьким воєводством (Республіка Польща)",
    ),
    (
        ForeignAuthority("Вільнюський повіт", "county", "LT"),
        "Вільнюського повіту (Литовська Республіка)",
        "Вільнюським повітом (Литовська Республіка)",
    ),
    # Any other foreign name keeps its form after a declined generic noun.
    (
        ForeignAuthority("Єна", "settlement", "DE"),
        "міста Єна (Федеративна Республіка Німеччина)",
        "містом Єна (Федеративна Республіка Німеччина)",
    ),
    (
        ForeignAuthority("Ерланген", "settlement", "DE"),
        "міста Ерланген (Федеративна Республіка Німеччина)",
        "містом Ерланген (Федеративна Республіка Німеччина)",
    ),
    (
        ForeignAuthority("Сан-Себастьян", "settlement", "ES"),
        "міста Сан-Себастьян (Королівство Іспанія)",
        "містом Сан-Себастьян (Королівство Іспанія)",
    ),
    (
        ForeignAuthority("Гнезно", "settlement", "PL"),
        "міста Гнезно (Республіка Польща)",
        "містом Гнезно (Республіка Польща)",
    ),
    (
        ForeignAuthority("Шяуляй", "settlement", "LT"),
        "міста Шяуляй (Литовська Республіка)",
        "містом Шяуляй (Литовська Республіка)",
    ),
    (
        ForeignAuthority("Кекава", "municipality", "LV"),
        "муніципалітету Кекава (Латвійська Республіка)",
        "муніципалітетом Кекава (Латвійська Республіка)",
    ),
    (
        ForeignAuthority("Сундбюберг", "municipality", "SE"),
        "муніципалітету Сундбюберг (Королівство Швеція)",
        "муніципалітетом Сундбюберг (Королівство Швеція)",
    ),
    (
        ForeignAuthority("Бачалмаш", "settlement", "HU"),
        "міста Бачалмаш (Угорщина)",
        "містом Бачалмаш (Угорщина)",
    ),
    (
        ForeignAuthority("Гнезно", "county", "PL"),
        "повіту Гнезно (Республіка Польща)",
        "повітом Гнезно (Республіка Польща)",
    ),
    (
        ForeignAuthority("Вірумаа", "county", "EE"),
        "повіту Вірумаа (Естонська Республіка)",
        "повітом Вірумаа (Естонська Республіка)",
    ),
]

PERSONS = [
    (Person("Ігор", "Сапожко"), "Ігоря САПОЖКА", "Ігорем САПОЖКОМ"),
    (Person("Іван", "Дирів"), "Івана ДИРІВА", "Іваном ДИРІВИМ"),
    (Person("Віталій", "Малецький"), "Віталія МАЛЕЦЬКОГО", "Віталієм МАЛЕЦЬКИМ"),
    (Person("Ольга", "Коцюбинська"), "Ольги КОЦЮБИНСЬКОЇ", "Ольгою КОЦЮБИНСЬКОЮ"),
    (Person("Наталія", "Мельник"), "Наталії МЕЛЬНИК", "Наталією МЕЛЬНИК"),
    (Person("Олег", "Смолій"), "Олега СМОЛІЯ", "Олегом СМОЛІЄМ"),
    (Person("Томас", "Нічше", "m"), "Томаса НІЧШЕ", "Томасом НІЧШЕ"),
    (Person("Інгрід", "Шмідт", "f"), "Інгрід ШМІДТ", "Інгрід ШМІДТ"),
    (Person("Олександра", "Гречко"), "Олександри ГРЕЧКО", "Олександрою ГРЕЧКО"),
    (Person("Thomas", "Nitzsche"), "Thomas NITZSCHE", "Thomas NITZSCHE"),
]


@pytest.mark.parametrize(("name", "genitive", "instrumental"), HROMADAS + COUNCILS)
def test_hromadas_and_councils(name: str, genitive: str, instrumental: str) -> None:
    assert decline_phrase(name, GEN) == genitive
    assert decline_phrase(name, INS) == instrumental


@pytest.mark.parametrize(("name", "genitive", "instrumental"), UKRAINIAN_PLACES)
def test_ukrainian_places(name: str, genitive: str, instrumental: str) -> None:
    assert decline_phrase(name, GEN) == genitive
    assert decline_phrase(name, INS) == instrumental


@pytest.mark.parametrize(("partner", "genitive", "instrumental"), FOREIGN)
def test_foreign_authorities(partner: ForeignAuthority, genitive: str, instrumental: str) -> None:
    assert partner.title(GEN) == genitive
    assert partner.title(INS) == instrumental


@pytest.mark.parametrize(("person", "genitive", "instrumental"), PERSONS)
def test_persons(person: Person, genitive: str, instrumental: str) -> None:
    assert person.official(GEN) == genitive
    assert person.official(INS) == instrumental


def test_the_table_is_big_enough() -> None:
    assert len(HROMADAS + COUNCILS + UKRAINIAN_PLACES + FOREIGN + PERSONS) >= 40


def test_a_hromada_gives_its_council_head_and_seat() -> None:
    dolyna = Hromada("Долинська міська територіальна громада", seat="Долина")
    assert dolyna.council() == "Долинська міська рада"
    assert dolyna.council(GEN) == "Долинської міської ради"
    assert dolyna.executive_committee() == "Виконавчий комітет Долинської міської ради"
    assert dolyna.head_title() == "міський голова"
    assert dolyna.head_title(Case.DATIVE) == "міському голові"
    assert dolyna.place_of_issue() == "м. Долина"
    village = Hromada("Новоселицька сільська територіальна громада", seat="Новоселиця")
    assert village.council(Case.DATIVE) == "Новоселицькій сільській раді"
    assert village.head_title(INS) == "сільським головою"
    assert village.place_of_issue() == "с. Новоселиця"


def test_a_seat_without_the_official_name_gets_the_generic_construction() -> None:
    bare = Hromada("Долина")
    assert bare.title(INS) == "територіальною громадою міста Долини"
    assert bare.title(GEN) == "територіальної громади міста Долини"


def test_a_name_no_dictionary_knows_is_not_guessed() -> None:
    assert decline_phrase("Qwerty Zxcv", GEN) is None
    assert decline_phrase("", GEN) is None


def test_persons_typed_in_any_order() -> None:
    assert parse_person("САПОЖКО Ігор") == Person("Ігор", "Сапожко")
    assert parse_person("Іван Іванович Дирів") == Person("Іван", "Дирів")
    assert parse_person("Thomas Nitzsche") == Person("Thomas", "Nitzsche")
    assert parse_person("  ") is None


def test_a_foreign_name_of_unknown_gender_is_not_declined() -> None:
    assert Person("Ейдер", "Гойя").official(Case.DATIVE) is None
    assert Person("Ейдер", "Гойя", "m").official(Case.DATIVE) == "Ейдеру ГОЙЇ"


def test_positions() -> None:
    assert position("міський голова", Case.DATIVE) == "міському голові"
    assert position("міська голова", Case.DATIVE) == "міській голові"
    assert position("секретар міської ради", GEN) == "секретаря міської ради"
    assert position("обер-бургомістр міста Єна", Case.DATIVE) == "обер-бургомістрові міста Єна"
    assert position("староста Гнезненського повіту", INS) == "старостою Гнезненського повіту"


def test_countries_and_brackets() -> None:
    assert country_official("DE") == "Федеративна Республіка Німеччина"
    assert country_official("LV") == "Латвійська Республіка"
    assert in_brackets("містом Єна", "Федеративна Республіка Німеччина") == (
        "містом Єна (Федеративна Республіка Німеччина)"
    )
    # Never brackets within brackets.
    assert in_brackets("районом (Шяуляйський повіт)", "Литовська Республіка") == (
        "районом (Шяуляйський повіт, Литовська Республіка)"
    )
