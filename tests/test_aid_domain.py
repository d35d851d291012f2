"""Aid rules without Telegram: status moves, money, conversion, CSV, reminder times."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal

from bot.domain.aid.export import HXL_TAGS, Places, build_csv
from bot.domain.aid.model import (
    AidItem,
    Rate,
    TotalsRow,
    can_move,
    convert,
    from_minor,
    next_statuses,
    to_minor,
    totals,
)
from bot.domain.visits.model import reminder_plan
from bot.i18n import I18n
from storage.aid import AidRecord, ExportRow


def test_status_moves_only_forward() -> None:
    assert can_move("pledged", "shipped") and can_move("pledged", "received")
    assert can_move("shipped", "received")
    assert not can_move("received", "shipped") and not can_move("shipped", "shipped")
    assert next_statuses("pledged") == ["shipped", "received"]
    assert next_statuses("received") == []


def test_money_is_exact_in_minor_units() -> None:
    assert to_minor(Decimal("3900000")) == 390_000_000
    assert to_minor(Decimal("0.105")) == 11
    assert from_minor(390_000_001) == Decimal("3900000.01")
    assert sum(to_minor(Decimal("0.10")) for _ in range(3)) == 30


def test_totals_stay_per_currency_and_convert_only_with_every_rate() -> None:
    rows = [
        TotalsRow("year", "2022", "UAH", 390_000_000, 1, people=120),
        TotalsRow("year", "2022", "EUR", 10_000_000, 2),
        TotalsRow("year", "2023", "EUR", 2_000_000, 1),
        TotalsRow("year", "2023", None, 0, 1),
        # Waiting for a side to confirm: shown apart.
        TotalsRow("year", "2024", "EUR", 5_000_000, 1, confirmed=False, people=30),
        TotalsRow("unit", "t", None, 12_500, 2),
        TotalsRow("unit", "t", None, 2_000, 1, confirmed=False),
    ]
    result = totals(rows)
    assert (result.records, result.pending_records) == (6, 1)
    assert result.by_currency == {"UAH": 390_000_000, "EUR": 12_000_000}
    assert result.pending_by_currency == {"EUR": 5_000_000}
    assert result.records_by_year == {2022: 3, 2023: 2, 2024: 1}
    assert (result.people, result.pending_people) == (120, 30)
    assert result.units == {"t": Decimal("12.5")} and result.pending_units == {"t": 2}
    result = totals(rows[:4])
    assert convert(result.by_currency, []) is None
    eur = Rate("EUR", "UAH", Decimal("44.50"), date(2026, 11, 20))
    converted = convert(result.by_currency, [eur])
    assert converted is not None and converted.value_minor == 390_000_000 + 534_000_000
    assert convert({**result.by_currency, "PLN": 100}, [eur]) is None


def test_csv_has_a_bom_translated_headers_and_the_hxl_row() -> None:
    record = AidRecord(
        id=7,
        recipient_id=1,
        donors=(2, 3),
        partnership_id=None,
        kind="medical",
        sector="health",
        description='Ultrasound, "portable"; 2 units',
        quantity="2",
        unit="pcs",
        value_minor=390_000_000,
        currency="UAH",
        aid_date="2022-11-15",
        facility=None,
        status="received",
        files=(),
        recipient_confirmed_by=1,
        donor_confirmed_by=None,
        created_by=1,
        created_at="",
        deleted=False,
        items=(AidItem('Ultrasound, "portable"; 2 units', "2", "pcs", None, 390_000_000),),
    )
    data = build_csv(
        [ExportRow(record, "Brovary", "UA-32", ("Jena", "Erlangen"), None, 3, ("DE", "DE"))],
        I18n().get("en"),
        Places(lambda code: "Kyiv Oblast" if code == "UA-32" else ""),
    )
    assert data.startswith(b"\xef\xbb\xbf")
    header, tags, row = csv.reader(io.StringIO(data.decode("utf-8-sig")))
    assert header[:3] == ["Record", "Date", "Donor"]
    assert tuple(tags) == HXL_TAGS
    values = dict(zip(tags, row, strict=True))
    assert values["#meta+id"] == "3"
    assert values["#item+name"] == 'Ultrasound, "portable"; 2 units'
    assert values["#org+name+funder"] == "Jena; Erlangen"
    assert values["#country+code+funder"] == "DEU; DEU"
    assert values["#status+confirmed"] == "no"
    assert values["#item+unit"] == "pcs" and values["#item+num"] == "2"


def test_reminders_fall_at_nine_local_time_across_a_clock_change() -> None:
    now = datetime(2026, 3, 20, 10, 0, tzinfo=UTC)
    plan = dict(reminder_plan(date(2026, 4, 1), date(2026, 4, 3), now, "Europe/Kyiv"))
    assert plan["before7"] == datetime(2026, 3, 25, 7, 0, tzinfo=UTC)  # still winter time
    assert plan["before1"] == datetime(2026, 3, 31, 6, 0, tzinfo=UTC)  # summer time
    assert plan["outcomes"] == datetime(2026, 4, 4, 6, 0, tzinfo=UTC)
    late = dict(reminder_plan(date(2026, 3, 22), date(2026, 3, 22), now, "Europe/Kyiv"))
    assert list(late) == ["before1", "outcomes"]
