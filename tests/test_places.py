"""The place index: hromadas as people type them, places abroad, countries, bad input."""

from __future__ import annotations

import marshal
from pathlib import Path
from typing import Any

import pytest

from bot.domain import places
from bot.domain.places import codifier
from bot.domain.places.index import build_key, is_current, load
from bot.domain.places.matching import candidates, certain_hromada
from bot.domain.places.search import Problem
from tests.harness import PLACES

DOLYNA = "UA26060130000047466"  # Долинська міська, Калуський район, Івано-Франківська
DOLYNSKA_KIROVOHRAD = "UA35040110000055821"
DOLYNSKA_ZAPORIZHZHIA = "UA23060050000065959"  # сільська
BROVARY = "UA32060050000030591"
KYIV = "UA80000000000093317"
KHARKIV = "UA63120270000028556"
KROPYVNYTSKYI = "UA35040210000014072"
DNIPRO = "UA12020010000033698"
BAKHMUT = "UA14020010000088496"
KREMENCHUK = "UA53020110000092487"
BILA_TSERKVA = "UA32020010000093088"
ZNAMIANKA = "UA35040130000021732"
ZGHURIVKA = "UA32060110000050416"
BYSHIV = "UA32140010000049369"
MYKOLAIV = "UA48060150000071713"
ZVIAHEL = "UA18080150000022496"
POKROVSK = "UA14160210000011148"
JENA = "gn:2895044"
ERLANGEN = "gn:2929567"
SIAULIAI = "gn:594739"
SIAULIAI_DISTRICT = "x:siauliai-district-lt"
GNIEZNO_COUNTY = "x:gniezno-county-pl"


def first(query: str, **filters: Any) -> str:
    found = places.search_hromadas(query, **filters)
    assert found.matches, f"nothing for {query!r}"
    return found.matches[0].place.key


# --- hromadas as people type them --------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "code"),
    [
        # The official long form, whole or with raion and oblast, and the usual short forms.
        ("Долинська міська територіальна громада", DOLYNA),
        (
            "Долинська міська територіальна громада, Калуський район, Івано-Франківська область",
            DOLYNA,
        ),
        ("Долинська громада", DOLYNA),
        ("Долинська територіальна громада", DOLYNA),
        ("Долинська МТГ", DOLYNA),
        ("Долинська ОТГ", DOLYNA),
        ("Долинська СТГ", DOLYNSKA_ZAPORIZHZHIA),
        ("Долинська сільська громада", DOLYNSKA_ZAPORIZHZHIA),
        ("Долинська громада, Кіровоградська область", DOLYNSKA_KIROVOHRAD),
        ("Долина", DOLYNA),
        ("м. Долина", DOLYNA),
        ("місто Долина", DOLYNA),
        ("Долина Івано-Франківська область", DOLYNA),
        ("Долина, Калуський район", DOLYNA),
        ("Броварська МТГ", BROVARY),
        ("Бровари Київська обл.", BROVARY),
        ("Згурівська селищна громада", ZGHURIVKA),
        ("Згурівська СщТГ", ZGHURIVKA),
        ("смт Згурівка", ZGHURIVKA),
        ("с. Бишів", BYSHIV),
        ("Бишівська СТГ", BYSHIV),
        # Latin by the official scheme, any case, and English descriptions.
        ("Dolyna", DOLYNA),
        ("dolyna", DOLYNA),
        ("DOLYNA", DOLYNA),
        ("Dolynska hromada", DOLYNA),
        ("Dolynska urban territorial community", DOLYNA),
        ("Brovary", BROVARY),
        ("Zghurivka", ZGHURIVKA),
        ("Byshiv", BYSHIV),
        ("Bila Tserkva", BILA_TSERKVA),
        ("Kamianets Podilskyi", "UA68020110000071202"),
        ("Irpin", "UA32080150000035443"),
        ("Kryvyi Rih", "UA12060170000091033"),
        # Common English and older spellings.
        ("Kyiv", KYIV),
        ("Kiev", KYIV),
        ("Київ", KYIV),
        ("Kharkiv", KHARKIV),
        ("Kharkov", KHARKIV),
        ("Харків", KHARKIV),
        ("Odessa", "UA51100270000073549"),
        ("Lvov", "UA46060250000025047"),
        ("Zaporozhye", "UA23060070000082704"),
        ("Nikolaev", MYKOLAIV),
        ("Krivoy Rog", "UA12060170000091033"),
        ("Kremenchug", KREMENCHUK),
        ("Кременчуг", KREMENCHUK),
        ("Kremenchyk", KREMENCHUK),  # a typo
        ("Vinnitsa", "UA05020030000031457"),
        ("Белая Церковь", BILA_TSERKVA),
        # Apostrophes of every kind, or none.
        ("Знам'янка", ZNAMIANKA),
        ("Знам’янка", ZNAMIANKA),
        ("Знамʼянка", ZNAMIANKA),
        ("Знамянка", ZNAMIANKA),
        ("Znamianka", ZNAMIANKA),
        ("Кам'янець-Подільський", "UA68020110000071202"),
        ("Камянець-Подільський", "UA68020110000071202"),
        ("Мар’їнка", "UA14160130000011561"),
        # Renamed places under their former names.
        ("Кіровоград", KROPYVNYTSKYI),
        ("Kirovograd", KROPYVNYTSKYI),
        ("Dnipropetrovsk", DNIPRO),
        ("Днепр", DNIPRO),
        ("Артемівськ", BAKHMUT),
        ("Artemovsk", BAKHMUT),
        ("Новоград-Волинський", ZVIAHEL),
        ("Красноармійськ", POKROVSK),
        ("Yuzhnoukrainsk", "UA48040250000044166"),
        # A village offers the hromada it belongs to.
        ("Княжичі", BROVARY),
        ("Kniazhychi", BROVARY),
        # A regional centre before a small town of the same name.
        ("Миколаїв", MYKOLAIV),
        # A name that is also a word for a kind of place.
        ("Селище, Черкаська область", "UA71020250000078192"),
        ("село Селище", "UA71020250000078192"),
    ],
)
def test_hromada_in_any_usual_form(query: str, code: str) -> None:
    assert first(query) == code


def test_done_means_dolynska_hromada_first_in_the_official_form() -> None:
    match = places.search_hromadas("Долинська громада").matches[0]
    assert match.place.display("uk") == (
        "Долинська міська територіальна громада, Калуський район, Івано-Франківська область"
    )
    assert match.place.display("en") == (
        "Dolynska urban territorial community, Kaluskyi Raion, Ivano-Frankivsk Oblast"
    )
    # Too long for a phone's button in full: the abbreviation officials write.
    assert match.label("uk") == "Долинська МТГ, Івано-Франківська обл."
    assert match.label("en") == "Dolynska urban community, Ivano-Frankivsk Oblast"
    assert match.place.katottg == DOLYNA


def test_the_centre_is_the_short_name() -> None:
    dolyna = places.get(DOLYNA)
    assert dolyna is not None
    assert (dolyna.name, dolyna.name_uk, dolyna.region_code) == ("Dolyna", "Долина", "UA-26")
    assert (dolyna.hromada_uk, dolyna.hromada_kind, dolyna.raion_uk) == (
        "Долинська",
        "city",
        "Калуський",
    )
    kyiv = places.get(KYIV)
    assert kyiv is not None and (kyiv.display("uk"), kyiv.display("en")) == ("Київ", "Kyiv")


def test_a_village_found_says_which_village() -> None:
    match = places.search_hromadas("Княжичі").matches[0]
    assert match.label("uk") == "с. Княжичі → Броварська МТГ, Київська обл."
    assert match.label("en") == "Kniazhychi → Brovarska urban community, Kyiv Oblast"


def test_brovary_offers_no_village_once_called_brovarky() -> None:
    found = places.search_hromadas("Бровари")
    assert [match.place.key for match in found.matches] == [BROVARY]


def test_no_suggestion_below_the_similarity_floor() -> None:
    assert places.search_hromadas("Qwzxv Plmkj").matches == []
    assert places.search_world("Qwzxv Plmkj").matches == []
    assert places.search_hromadas("Бровари").total == 1


def test_a_name_in_many_oblasts_gives_a_short_list_and_an_oblast_filter() -> None:
    found = places.search_hromadas("Миколаївка")
    assert len(found.matches) == 5
    assert found.total > 50
    assert len(found.regions) > 10
    # The hromadas named after it come before those with a village of the name.
    assert all(match.via is None for match in found.matches[:3])
    sumy = dict(found.regions)["UA-59"]
    in_sumy = places.search_hromadas("Миколаївка", region="UA-59", limit=20)
    assert len(in_sumy.matches) == sumy
    assert {match.place.region_code for match in in_sumy.matches} == {"UA-59"}


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ("", Problem.EMPTY),
        ("   ", Problem.EMPTY),
        ("Б", Problem.SHORT),
        ("x", Problem.SHORT),
        ("Бровари " * 625, Problem.LONG),  # 5,000 characters
        ("😀😀😀", Problem.EMPTY),
        ("🇺🇦", Problem.EMPTY),
        ("?!.,;:-", Problem.EMPTY),
    ],
)
def test_bad_input_gets_a_reason(query: str, problem: str) -> None:
    assert places.search_hromadas(query).problem == problem
    assert places.search_world(query).problem == problem
    assert places.search_hromadas(query).matches == []


@pytest.mark.parametrize(
    "query",
    [
        "'; DROP TABLE communities; --",
        '"Бровари" OR 1=1',
        "Бровари*",
        "NEAR(Бровари Долина)",
        "Бровари AND NOT Долина",
        "%_%",
        "\x00Бровари",
        "<b>*_`[]()",
    ],
)
def test_sql_and_search_operators_are_just_text(query: str) -> None:
    found = places.search_hromadas(query)
    assert found.problem is None or found.problem == Problem.EMPTY
    if "Бровари" in query and "Долина" not in query and "=" not in query:
        assert found.matches and found.matches[0].place.key == BROVARY


# --- abroad ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("Jena", JENA),
        ("Єна", JENA),
        ("jena", JENA),
        ("Erlangen", ERLANGEN),
        ("Ерланген", ERLANGEN),
        ("Siauliai", SIAULIAI),
        ("Šiauliai", SIAULIAI),
        ("Munich", "gn:2867714"),
        ("München", "gn:2867714"),
        ("Варшава", "gn:756135"),
        ("Krakow", "gn:3094802"),
        ("San Sebastián", "gn:3110044"),
        ("Donostia", "gn:3110044"),
        ("Gniezno County", GNIEZNO_COUNTY),
        ("Erlngen", ERLANGEN),  # a typo
    ],
)
def test_foreign_places(query: str, key: str) -> None:
    assert places.search_world(query).matches[0].place.key == key


def test_foreign_names_in_ukrainian_where_known() -> None:
    jena = places.get(JENA)
    assert jena is not None
    assert (jena.display("uk"), jena.display("en")) == ("Єна, Німеччина", "Jena, Germany")
    krakow = places.get("gn:3094802")
    assert krakow is not None and krakow.name_uk == "Краків"
    lincoln = places.search_world("Lincoln", country="US").matches[0].place
    assert lincoln.name_uk == "Лінкольн"  # not the Belarusian Лінкальн


def test_a_county_is_named_as_its_country_writes_it_for_the_partners_languages() -> None:
    county = places.get(GNIEZNO_COUNTY)
    assert county is not None
    names = {lang: county.short_name(lang) for lang in ("uk", "en", "de", "pl")}
    assert names == {
        "uk": "Гнезненський повіт",
        "en": "Gniezno County",
        "de": "Powiat gnieźnieński",
        "pl": "Powiat gnieźnieński",
    }
    district = places.get(SIAULIAI_DISTRICT)
    assert district is not None and district.short_name("pl") == "Šiaulių rajono savivaldybė"
    # A city's own name is its name in every language but Ukrainian.
    jena = places.get(JENA)
    assert jena is not None and jena.short_name("pl") == jena.short_name("en") == "Jena"
    # Typed in the country's language, the county is found by its name.
    found = places.search_world("Powiat gnieźnieński").matches
    assert found[0].place.key == GNIEZNO_COUNTY


def test_districts_and_counties_and_the_country_after_a_comma() -> None:
    found = [m.place.key for m in places.search_world("Siauliai").matches]
    assert found[:2] == [SIAULIAI, SIAULIAI_DISTRICT]
    assert GNIEZNO_COUNTY in [m.place.key for m in places.search_world("Gniezno").matches]
    in_poland = places.search_world("Gniezno, Poland")
    assert in_poland.country == "PL"
    assert {m.place.country_code for m in in_poland.matches} == {"PL"}
    assert places.search_world("Jena", country="IN").matches[0].place.country_code == "IN"
    assert places.search_world("Jena", country="ZZ").matches == []


def test_no_duplicates_in_a_list() -> None:
    for query in ("San Sebastián", "Novi Sad", "Springfield", "Jena", "Dolina"):
        labels = [match.label("en") for match in places.search_world(query, limit=10).matches]
        assert len(labels) == len(set(labels)), query


# --- countries, oblasts, time zones ------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("Germany", "DE"),
        ("німеччина", "DE"),
        ("Deutschland", "DE"),
        ("Lithuania", "LT"),
        ("Литва", "LT"),
        ("Lietuva", "LT"),
        ("Polska", "PL"),
        ("Sverige", "SE"),
        ("Україна", "UA"),
        ("Moldova", "MD"),
        ("Germny", "DE"),
        ("UK", "GB"),
        ("de", "DE"),
    ],
)
def test_find_countries(query: str, code: str) -> None:
    assert places.find_countries(query)[0].code == code


def test_country_names() -> None:
    germany = places.country("de")
    assert germany is not None
    assert (germany.name("en"), germany.name("uk")) == ("Germany", "Німеччина")
    assert places.country("XX") is None


@pytest.mark.parametrize(
    ("country", "zone"),
    [
        ("DE", "Europe/Berlin"),
        ("PL", "Europe/Warsaw"),
        ("LT", "Europe/Vilnius"),
        ("LV", "Europe/Riga"),
        ("SE", "Europe/Stockholm"),
        ("ES", "Europe/Madrid"),
        ("FR", "Europe/Paris"),
        ("GB", "Europe/London"),
        ("HU", "Europe/Budapest"),
        ("UA", "Europe/Kyiv"),
        ("ZZ", "Europe/Kyiv"),
    ],
)
def test_default_time_zone_per_country(country: str, zone: str) -> None:
    assert places.default_tz(country) == zone


def test_hromadas_keep_kyiv_time_even_in_crimea() -> None:
    crimea = places.search_hromadas("Бахчисарай").matches[0].place
    assert (crimea.region_code, crimea.tz) == ("UA-43", "Europe/Kyiv")


def test_oblasts() -> None:
    regions = places.ukrainian_regions()
    assert len(regions) == 27
    names = [region.name_uk for region in regions]
    assert names[:2] == ["Автономна Республіка Крим", "Вінницька область"]
    # Ukrainian order, not code-point order: І after З, Ч after Х.
    assert names.index("Запорізька область") < names.index("Івано-Франківська область")
    assert names.index("Харківська область") < names.index("Черкаська область")
    english = [region.name_en for region in places.ukrainian_regions("en")]
    assert english == sorted(english)
    kyiv_oblast = places.region("UA-32")
    assert kyiv_oblast is not None
    assert (kyiv_oblast.name("uk"), kyiv_oblast.name("en")) == ("Київська область", "Kyiv Oblast")
    assert kyiv_oblast.katottg == "UA32000000000030281"
    assert places.region("UA-99") is None


# --- keys from buttons --------------------------------------------------------------------


def test_keys_that_name_no_place_find_nothing() -> None:
    """A picker's button carries a place's key: a forged or outdated one finds no place."""
    assert places.get(JENA) is not None and places.get(BROVARY) is not None
    for key in ("gn:0", "", "gn:", "gn:²", "gn:٣", "gn:" + "9" * 30, "x:", "x:nowhere", "UA0"):
        assert places.get(key) is None, key


# --- matching communities saved before codes ---------------------------------------------


def test_an_old_community_gets_a_code_only_when_certain() -> None:
    index = places.current()
    brovary = certain_hromada(index, ("Бровари", "Brovary"), "UA-32")
    assert brovary is not None and brovary.key == BROVARY
    renamed = certain_hromada(index, (None, "Kirovohrad"), "UA-35")
    assert renamed is not None and renamed.key == KROPYVNYTSKYI
    assert certain_hromada(index, ("Миколаївка",), None) is None  # many
    assert certain_hromada(index, ("Княжичі",), "UA-32") is None  # a village, not a centre
    assert certain_hromada(index, ("Бровари",), "UA-46") is None  # not in that oblast
    offered = [match.place.key for match in candidates(index, ("Княжичі",), "UA-32")]
    assert BROVARY in offered


# --- the codifier and the index file -----------------------------------------------------


def test_codifier_rows_become_hromadas_with_the_kind_of_their_centre() -> None:
    oblast, raion = "UA26000000000069363", "UA26060000000042554"
    rows: list[codifier.Row] = [
        (oblast, "Івано-Франківська", "O", ()),
        (raion, "Калуський", "P", (oblast,)),
        ("UA26060130000047466", "Долинська", "H", (oblast, raion)),
        ("UA26060130010012345", "Долина", "M", (oblast, raion, "UA26060130000047466")),
        ("UA26060130020012345", "Яворів", "C", (oblast, raion, "UA26060130000047466")),
        ("UA26060150000012345", "Вигодська", "H", (oblast, raion)),
        ("UA26060150010012345", "Вигода", "X", (oblast, raion, "UA26060150000012345")),
        ("UA32000000010085013", "Прип’ять", "M", ("UA32000000000030281",)),
        ("UA80000000000093317", "Київ", "K", ()),
    ]
    read = codifier.read(rows)
    by_name = {h.name: h for h in read.hromadas}
    assert by_name["Долинська"].kind == "city"
    assert by_name["Долинська"].centre.name == "Долина"
    assert [s.name for s in by_name["Долинська"].settlements] == ["Долина", "Яворів"]
    assert (by_name["Долинська"].oblast, by_name["Долинська"].raion) == ("UA-26", "Калуський")
    assert by_name["Вигодська"].kind == "settlement"
    assert by_name["Київ"].kind == "special" and by_name["Київ"].oblast == "UA-30"
    assert {o.iso for o in read.oblasts} == {"UA-26", "UA-30"}


def test_the_index_is_built_once_then_read_from_its_file(tmp_path: Path) -> None:
    places.current()  # the tests' index file exists from here on
    with PLACES.open("rb") as handle:
        key, data = marshal.load(handle), marshal.load(handle)
    assert key == data["key"] == build_key()
    assert is_current(PLACES)
    path = tmp_path / "twinbot.places"
    calls: list[int] = []

    def build() -> dict[str, Any]:
        calls.append(1)
        return dict(data)

    load(path, build)
    assert calls == [1] and path.exists()
    index = load(path, build)
    assert calls == [1]  # read back, not built again
    assert index.get(DOLYNA) == places.get(DOLYNA)
    path.write_bytes(b"damaged")
    assert not is_current(path)
    load(path, build)
    assert calls == [1, 1]  # a damaged file is rebuilt, not trusted
    assert is_current(path)


def test_two_hromadas_of_one_name_in_one_oblast_are_told_apart_by_raion() -> None:
    from handlers.shared.place_picker import match_labels

    found = places.search_hromadas("Миколаївка", region="UA-12", limit=8)
    labels = match_labels(found.matches, "uk", oblast=False)
    assert labels[:2] == [
        "Миколаївська СТГ, Синельниківський р-н",
        "Миколаївська СТГ, Дніпровський р-н",
    ]
    assert all(len(label) <= 64 for label in labels)
    english = match_labels(found.matches[:2], "en")
    assert english[0] == "Mykolaivska rural, Synelnykivskyi Raion, Dnipropetrovsk Oblast"
