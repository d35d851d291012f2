"""What a partnership's documents are filled from, gathered in one place.

`DocumentFacts` holds plain values: the two communities as grammar objects (so every name
can be put in the case a sentence needs), the community's requisites (signatory, executor,
letterhead), the facts of every step, and what the aid and visit log shows. `gather`
reads them from the repositories; tests build them directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.domain import places
from bot.domain.aid.model import totals
from bot.domain.grammar.persons import Person, parse_person
from bot.domain.grammar.places import ForeignAuthority, Hromada
from bot.domain.places import transliterate as transliterate_uk
from bot.domain.twinning.workflow import Field, Kind
from bot.i18n import N_
from storage.communities import Community
from storage.partnerships import Partnership
from storage.repositories import Repositories

# The community's requisites, kept per community (storage.requisites): the guide asks for
# them once and every document of every partnership uses them.
REQUISITE_FIELDS: tuple[Field, ...] = (
    Field(
        "official_name",
        Kind.TEXT,
        N_("Official name of the community"),
        N_("Type the official name, e.g. Долинська міська територіальна громада."),
    ),
    Field(
        "head_name",
        Kind.TEXT,
        N_("Head of the community"),
        N_("Type the name of the head who signs, e.g. Іван Дирів."),
    ),
    Field(
        "head_position",
        Kind.TEXT,
        N_("Position of the signatory"),
        N_("Type the signatory's position, e.g. міський голова, or press Skip."),
        optional=True,
    ),
    Field(
        "executor_name",
        Kind.TEXT,
        N_("Executor"),
        N_("Type the name of the official who prepares the documents, e.g. Олена Коваль."),
    ),
    Field(
        "executor_phone",
        Kind.TEXT,
        N_("Executor's phone"),
        N_("Type the executor's phone, e.g. +380 3477 2 12 34."),
    ),
    Field(
        "address",
        Kind.TEXT,
        N_("Address of the council"),
        N_("Type the council's postal address for the letterhead, or press Skip."),
        optional=True,
    ),
    Field(
        "email",
        Kind.TEXT,
        N_("E-mail of the council"),
        N_("Type the council's e-mail for the letterhead, or press Skip."),
        optional=True,
    ),
    Field(
        "edrpou",
        Kind.NUMBER,
        N_("EDRPOU code"),
        N_("Type the council's EDRPOU code, or press Skip."),
        optional=True,
    ),
)


@dataclass(frozen=True)
class Requisites:
    """The community's side of every document: who signs, who prepared it, the letterhead."""

    head: Person | None = None
    head_position: str | None = None  # «міський голова»; derived from the hromada when None
    executor: Person | None = None
    executor_phone: str | None = None
    address: str | None = None
    email: str | None = None
    edrpou: str | None = None

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Requisites:
        def text(key: str) -> str | None:
            value = data.get(key)
            return str(value).strip() if value not in (None, "") else None

        head, executor = text("head_name"), text("executor_name")
        return cls(
            head=parse_person(head, data.get("head_gender")) if head else None,
            head_position=text("head_position"),
            executor=parse_person(executor, data.get("executor_gender")) if executor else None,
            executor_phone=text("executor_phone"),
            address=text("address"),
            email=text("email"),
            edrpou=text("edrpou"),
        )

    def contacts(self) -> str | None:
        parts = [
            self.address,
            f"e-mail: {self.email}" if self.email else None,
            f"код ЄДРПОУ {self.edrpou}" if self.edrpou else None,
        ]
        found = [p for p in parts if p]
        return ", ".join(found) if found else None


@dataclass(frozen=True)
class OwnSide:
    hromada: Hromada
    name_latin: str  # «Dolyna»: the seat in the official Latin transliteration
    region_uk: str | None = None  # «Івано-Франківська область»


@dataclass(frozen=True)
class PartnerSide:
    authority: ForeignAuthority  # the Ukrainian name, kind of authority and country
    name: str  # as the partner writes it: «Jena», «Šiaulių rajono savivaldybė»
    population: int | None = None

    @property
    def country_code(self) -> str:
        return self.authority.country_code


@dataclass(frozen=True)
class LogTotals:
    """What the aid and visit log shows for the partnership."""

    aid_records: int = 0
    aid_value: dict[str, int] = field(default_factory=dict)  # currency -> minor units
    visits: int = 0
    visits_by_year: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class DocumentFacts:
    community: OwnSide
    partner: PartnerSide
    facts: dict[str, dict[str, Any]]
    today: date
    requisites: Requisites = field(default_factory=Requisites)
    log: LogTotals = field(default_factory=LogTotals)

    def fact(self, step: str, key: str) -> Any:
        return self.facts.get(step, {}).get(key)


# The letter's partner side is in the partner's language where a template exists.
COUNTRY_LANGUAGES = {
    "DE": "de",
    "AT": "de",
    "LI": "de",
    "PL": "pl",
    "LT": "lt",
    "GB": "en",
    "IE": "en",
    "US": "en",
    "CA": "en",
    "MT": "en",
}


def partner_language(country_code: str) -> str:
    return COUNTRY_LANGUAGES.get(country_code.upper(), "en")


def own_side(community: Community, official_name: str | None) -> OwnSide:
    """The Ukrainian community: its official hromada name where known, else its seat."""
    seat = community.name_uk or community.name
    region = places.region(community.region_code or "")
    return OwnSide(
        hromada=Hromada(official_name or seat, seat=seat),
        name_latin=community.name if community.name else transliterate_uk(seat),
        region_uk=region.name("uk") if region is not None else None,
    )


def partner_side(community: Community, name_uk: str | None) -> PartnerSide:
    return PartnerSide(
        authority=ForeignAuthority(
            name=name_uk or community.name_uk or community.name,
            kind=community.unit_kind,
            country_code=community.country_code,
        ),
        # The partner's side of a letter names it as its own country writes it.
        name=community.title(partner_language(community.country_code)),
        population=community.population,
    )


async def gather(repos: Repositories, partnership: Partnership, today: date) -> DocumentFacts:
    """Everything the documents of a partnership need, read from the database."""
    own = await repos.communities.get(partnership.community_id)
    other = await repos.communities.get(partnership.partner_id)
    if own is None or other is None:
        raise LookupError(f"partnership {partnership.id} lacks a community")
    records = await repos.partnerships.steps(partnership.id)
    facts = {code: dict(record.data) for code, record in records.items()}
    requisites = await repos.requisites.get(own.id)
    aid = totals(await repos.aid.totals_rows(own.id, partnership.id))
    visits = await repos.visits.per_year(own.id, partnership.id)
    return DocumentFacts(
        community=own_side(own, requisites.get("official_name")),
        partner=partner_side(other, facts.get("partner", {}).get("partner_name_uk")),
        facts=facts,
        today=today,
        requisites=Requisites.from_data(requisites),
        log=LogTotals(
            aid_records=aid.records,
            aid_value=dict(aid.by_currency),
            visits=sum(visits.values()),
            visits_by_year=dict(visits),
        ),
    )


def missing_requisites(data: dict[str, Any]) -> list[Field]:
    """The requisites every document needs that the community has not given yet: without
    them a document keeps a line to fill in by hand."""
    return [f for f in REQUISITE_FIELDS if not f.optional and data.get(f.key) in (None, "")]
