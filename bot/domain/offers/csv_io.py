"""CSV import and export of offers and needs, for operators.

Columns (the README documents them for operators): type, municipality, country, sectors,
kinds, description, languages, open_to_several, urgency, value, currency, partnership,
valid_until, ref, demo. List cells take codes separated by spaces, commas or semicolons.
Rows with a problem are reported by their line number and skipped; the others are saved.
A row whose `ref` is already known updates that post instead of adding another.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date

from bot import DATA_DIR
from bot.domain import places
from bot.domain.csv_reading import Record, RowProblem, decode, dialect_of, lines_of, records
from bot.domain.offers.model import (
    KIND_CODES,
    LANGUAGE_CODES,
    OFFER,
    SIDES,
    URGENCY_CODES,
)
from bot.domain.parsing.amounts import CURRENCIES, AmountError, parse_amount
from bot.domain.parsing.text import TEXT_LIMIT, clean
from bot.domain.sectors import SECTOR_CODES
from bot.domain.spreadsheet import original_text, safe_row
from bot.i18n import N_
from storage.communities import Community
from storage.offers import Post, PostDraft
from storage.repositories import Repositories

COLUMNS = (
    "type", "municipality", "country", "sectors", "kinds", "description", "languages",
    "open_to_several", "urgency", "value", "currency", "partnership", "valid_until", "ref", "demo",
    "katottg",
)  # fmt: skip
REQUIRED = ("type", "municipality", "country", "sectors", "description")
MAX_ROWS = 5000
MAX_BYTES = 2_000_000
_LIST_SPLIT = re.compile(r"[\s,;|]+")
_YES = {"yes", "y", "true", "1", "так", "ja", "tak", "si", "oui"}
_NO = {"no", "n", "false", "0", "ні", "nein", "nie", "non", ""}
_EXPORT_REF = re.compile(r"^twinbot-(\d+)$")


@dataclass
class ImportRow:
    line: int
    municipality: str
    country: str
    draft: PostDraft  # community_id is filled in when the row is saved
    katottg: str | None = None  # a Ukrainian hromada's code, which settles any doubt


@dataclass
class ImportResult:
    added: int = 0
    updated: int = 0
    problems: list[RowProblem] = field(default_factory=list)


def _codes(cell: str) -> list[str]:
    return [code for code in _LIST_SPLIT.split(cell.strip().lower()) if code]


def _yes_no(cell: str) -> bool | None:
    value = cell.strip().lower()
    if value in _YES:
        return True
    if value in _NO:
        return False if value else None
    raise ValueError(value)


def _is_row(cells: list[str], type_column: int) -> bool:
    """A line that reads as a row of this file: a type of post where the header has it."""
    return len(cells) > type_column and cells[type_column].strip().lower() in SIDES


def parse_rows(text: str, today: date) -> tuple[list[ImportRow], list[RowProblem]]:
    """Rows that can be saved, and problems by line (line 1 is the header)."""
    lines = lines_of(text)
    dialect = dialect_of(lines[0] if lines else "")
    header_line = next(iter(records(lines[:1], dialect)), None)
    header = (
        [name.strip().lower() for name in header_line.cells]
        if isinstance(header_line, Record)
        else []
    )
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        problem = N_("the header lacks the columns: {columns}")
        return [], [RowProblem(1, problem, {"columns": ", ".join(missing)})]
    type_column = header.index("type")
    rows: list[ImportRow] = []
    problems: list[RowProblem] = []
    count = 0
    for found in records(lines, dialect, lambda cells: _is_row(cells, type_column), start=1):
        line = found.line
        if isinstance(found, RowProblem):
            problems.append(found)
            continue
        count += 1
        if count > MAX_ROWS:
            problems.append(RowProblem(line, N_("too many rows: at most {n} are read"),
                                       {"n": str(MAX_ROWS)}))  # fmt: skip
            break
        cells = {
            name: original_text(cell.strip())
            for name, cell in zip(header, found.cells, strict=False)
        }
        if not any(cells.values()):
            continue
        row = _row(line, cells, today)
        if isinstance(row, RowProblem):
            problems.append(row)
        else:
            rows.append(row)
    return rows, problems


def _row(line: int, cells: dict[str, str], today: date) -> ImportRow | RowProblem:
    def problem(message: str, **values: str) -> RowProblem:
        return RowProblem(line, message, values)

    side = cells.get("type", "").lower()
    if side not in SIDES:
        return problem(N_("type must be “offer” or “need”, not “{value}”"), value=side[:40])
    name = clean(cells.get("municipality", ""))
    if not name or len(name) > 100:
        return problem(N_("the municipality is missing or longer than 100 characters"))
    country = cells.get("country", "").upper()
    if not re.fullmatch(r"[A-Z]{2}", country):
        return problem(N_("country must be a two-letter code such as DE or UA"))
    sectors = _codes(cells.get("sectors", ""))
    kinds = _codes(cells.get("kinds", ""))
    languages = _codes(cells.get("languages", ""))
    for codes, allowed, message in (
        (sectors, SECTOR_CODES, N_("unknown sector “{value}”")),
        (kinds, KIND_CODES, N_("unknown kind of support “{value}”")),
        (languages, LANGUAGE_CODES, N_("unknown language “{value}”")),
    ):
        unknown = [code for code in codes if code not in allowed]
        if unknown:
            return problem(message, value=unknown[0][:40])
    if not sectors:
        return problem(N_("at least one sector is needed"))
    description = clean(cells.get("description", ""))
    if not description or len(description) > TEXT_LIMIT:
        return problem(N_("the description is missing or longer than {n} characters"),
                       n=str(TEXT_LIMIT))  # fmt: skip
    try:
        several = _yes_no(cells.get("open_to_several", ""))
        partnership = _yes_no(cells.get("partnership", ""))
        demo = bool(_yes_no(cells.get("demo", "")))
    except ValueError as error:
        return problem(N_("“{value}” is neither yes nor no"), value=str(error)[:40])
    urgency = cells.get("urgency", "").lower() or None
    if urgency is not None and urgency not in URGENCY_CODES:
        return problem(N_("urgency must be urgent, months or later"))
    amount, currency = None, cells.get("currency", "").upper() or None
    if currency is not None and currency not in CURRENCIES:
        return problem(N_("unknown currency “{value}”"), value=currency[:10])
    if cells.get("value"):
        try:
            parsed = parse_amount(cells["value"], default_currency=currency)
        except AmountError:
            return problem(N_("the value “{value}” is not an amount"), value=cells["value"][:40])
        amount, currency = parsed.value, parsed.currency
    until_cell = cells.get("valid_until", "")
    try:
        until = date.fromisoformat(until_cell) if until_cell else None
    except ValueError:
        return problem(N_("valid_until must be a date like 2027-03-31"))
    ref = cells.get("ref", "")[:100] or None
    offer = side == OFFER
    draft = PostDraft(
        side=side,
        community_id=0,
        description=description,
        sectors=sectors,
        kinds=kinds,
        languages=languages if offer else [],
        open_to_several=(several if several is not None else True) if offer else None,
        urgency=None if offer else urgency,
        value_amount=None if offer else amount,
        value_currency=None if offer or amount is None else currency,
        partnership=None if offer else bool(partnership),
        duration_days=max((until - today).days, 1) if until else 0,
        valid_until=until,
        ref=ref,
        demo=demo,
    )
    code = cells.get("katottg", "").upper() or None
    return ImportRow(line, name, country, draft, code if country == "UA" else None)


# A name in a file is taken for a place of the index only when it matches it in full.
_FULL_MATCH = 90.0


async def _community(
    repos: Repositories, name: str, country: str, demo: bool, katottg: str | None = None
) -> Community:
    """The place of the index the name stands for in that country (a Ukrainian name may be a
    hromada's, its centre's or one of its villages'), else a free entry (which an operator
    can match later when it is Ukrainian)."""
    coded = places.get(katottg) if katottg else None
    if coded is not None:
        return await repos.communities.from_place(coded, demo=demo)
    if country == "UA":
        found = places.search_hromadas(name, limit=2).matches
    else:
        found = places.search_world(name, country=country, limit=2).matches
    # Two places that match equally well (Миколаївка) cannot be told apart from a file.
    certain = found and (len(found) == 1 or found[1].score < found[0].score)
    if certain and found[0].score >= _FULL_MATCH:
        return await repos.communities.from_place(found[0].place, demo=demo)
    return await repos.communities.create(
        kind="ua" if country == "UA" else "foreign",
        name=name,
        country_code=country,
        unit_kind="municipality",
        demo=demo,
    )


async def _existing(repos: Repositories, ref: str | None) -> Post | None:
    if ref is None:
        return None
    post = await repos.posts.by_ref(ref)
    exported = _EXPORT_REF.match(ref)
    if post is None and exported:
        post = await repos.posts.get(int(exported.group(1)))
        post = post if post is not None and post.ref is None else None
    return post


async def import_csv(repos: Repositories, data: bytes, today: date) -> ImportResult:
    result = ImportResult()
    if len(data) > MAX_BYTES:
        result.problems.append(RowProblem(0, N_("the file is larger than 2 MB")))
        return result
    text = decode(data)
    if text is None:
        result.problems.append(RowProblem(0, N_("the file is not a text CSV file")))
        return result
    rows, result.problems = parse_rows(text, today)
    for row in rows:
        community = await _community(
            repos, row.municipality, row.country, row.draft.demo, row.katottg
        )
        row.draft.community_id = community.id
        existing = await _existing(repos, row.draft.ref)
        if existing is not None:
            await repos.posts.update(existing.id, row.draft, community)
            result.updated += 1
        else:
            await repos.posts.create(row.draft, community)
            result.added += 1
    return result


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return " ".join(str(v) for v in value)
    return str(value)


async def export_csv(repos: Repositories) -> bytes:
    """Every post in the import format; UTF-8 with a byte-order mark so Excel reads it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(safe_row(COLUMNS))
    posts = await repos.posts.all()
    communities = {
        c.id: c
        for c in await repos.communities.list_by_ids(sorted({p.community_id for p in posts}))
    }
    for post in posts:
        community = communities.get(post.community_id)
        values: dict[str, object] = {
            "type": post.side,
            "municipality": community.name if community else "",
            "country": community.country_code if community else "",
            "sectors": post.sectors,
            "kinds": post.kinds,
            "description": post.description,
            "languages": post.languages,
            "open_to_several": post.open_to_several,
            "urgency": post.urgency,
            "value": post.value_amount,
            "currency": post.value_currency,
            "partnership": post.partnership,
            "valid_until": post.valid_until.isoformat() if post.valid_until else "",
            "ref": post.ref or f"twinbot-{post.id}",
            "demo": post.demo,
            "katottg": community.katottg if community else "",
        }
        writer.writerow(safe_row(_cell(values[name]) for name in COLUMNS))
    return buffer.getvalue().encode("utf-8-sig")


DEMO_CSV = DATA_DIR / "demo_offers.csv"


async def load_demo(repos: Repositories, today: date) -> ImportResult | None:
    """Load the demo set into an empty database; None when there are posts already."""
    if await repos.posts.count():
        return None
    return await import_csv(repos, DEMO_CSV.read_bytes(), today)
