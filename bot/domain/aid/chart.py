"""A PNG chart for a council and for a phone screen: aid value per year and partner (one
panel per currency, never mixed), and visits per year. The year axis runs without gaps (a
year without aid shows as zero), the title names the community and the date of the
figures, and what waits for a side to confirm is drawn apart: hatched, on top of the
confirmed value. Labels come in the reader's language.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any, Protocol

from bot.domain.aid.model import Totals, from_minor
from bot.i18n import N_

MAX_CURRENCY_PANELS = 3
MAX_PARTNERS = 5
# A phone shows the picture about 1,000 pixels wide: large type, a tall portrait figure.
WIDTH_INCHES, PANEL_INCHES, DPI, FONT = 6.4, 3.6, 160, 11
BAR = 0.6


class _Translates(Protocol):
    def _(self, message: str, /, **values: object) -> str: ...

    def number(self, value: int | float | Decimal) -> str: ...


def axis_numbers(t: _Translates) -> Any:
    """Axis numbers grouped the reader's way (3 900 000 in Ukrainian, 3,900,000 in English)."""
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _position: t.number(Decimal(str(value)).normalize()))


TITLE = N_("{scope}: aid and visits as of {date}")
TITLE_AID = N_("Aid value per year and partner, {currency}")
TITLE_VISITS = N_("Visits and meetings per year")
LABEL_YEAR = N_("Year")
LABEL_VISITS = N_("Visits")
LABEL_OTHERS = N_("Others")
LABEL_PENDING = N_("Not yet confirmed by both sides")


def chart_years(
    totals: Totals, visits_per_year: dict[int, int], through: int | None = None
) -> list[int]:
    """Every year from the first with aid or a visit to the year of the figures (or the
    last with any), none skipped."""
    years = (
        {year for year, _c in totals.by_year}
        | {year for year, _c in totals.pending_by_year}
        | set(visits_per_year)
    )
    if not years:
        return []
    last = max(max(years), through or 0)
    return list(range(min(years), last + 1))


def build_chart(
    totals: Totals,
    partner_names: dict[tuple[int, ...], str],
    visits_per_year: dict[int, int],
    t: _Translates,
    scope: str = "",
    as_of: str = "",
    through: int | None = None,
) -> bytes:
    """`scope` and `as_of` (the date of the figures) make the title; the year axis runs to
    `through`, the year of the figures."""
    # matplotlib takes a second to import: only the chart button pays for it.
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    currencies = list(dict.fromkeys([*totals.by_currency, *totals.pending_by_currency]))
    currencies = currencies[:MAX_CURRENCY_PANELS]
    with_visits = any(visits_per_year.values())
    panels = len(currencies) + int(with_visits)
    years = chart_years(totals, visits_per_year, through)
    with plt.rc_context({"font.size": FONT}):
        figure, axes = plt.subplots(
            panels, 1, figsize=(WIDTH_INCHES, PANEL_INCHES * panels + 0.6), squeeze=False
        )
        try:
            if scope:
                figure.suptitle(t._(TITLE, scope=scope, date=as_of), fontweight="bold")
            for axis, currency in zip(axes[:, 0], currencies, strict=False):
                _aid_panel(axis, totals, partner_names, currency, years, t)
            if with_visits:
                _visits_panel(axes[-1, 0], visits_per_year, years, t)
            figure.tight_layout()
            out = io.BytesIO()
            figure.savefig(out, format="png", dpi=DPI)
            return out.getvalue()
        finally:
            plt.close(figure)


def _visits_panel(  # type: ignore[no-untyped-def]
    axis, visits_per_year: dict[int, int], years: list[int], t: _Translates
) -> None:
    axis.bar(
        range(len(years)),
        [visits_per_year.get(year, 0) for year in years],
        width=BAR,
        color="#4c72b0",
    )
    axis.set_xticks(range(len(years)), [str(year) for year in years])
    axis.set_title(t._(TITLE_VISITS))
    axis.set_xlabel(t._(LABEL_YEAR))
    axis.set_ylabel(t._(LABEL_VISITS))
    axis.yaxis.get_major_locator().set_params(integer=True)
    axis.yaxis.set_major_formatter(axis_numbers(t))


def _aid_panel(  # type: ignore[no-untyped-def]
    axis,
    totals: Totals,
    partner_names: dict[tuple[int, ...], str],
    currency: str,
    years: list[int],
    t: _Translates,
) -> None:
    partners = [donors for (donors, c) in totals.by_partner if c == currency]
    shown, rest = partners[:MAX_PARTNERS], partners[MAX_PARTNERS:]
    per_year: dict[tuple[int, ...] | None, dict[int, float]] = {}
    for (donors, year, c), minor in totals.by_year_partner.items():
        if c != currency:
            continue
        key = donors if donors in shown else None
        per_year.setdefault(key, {}).setdefault(year, 0.0)
        per_year[key][year] += float(from_minor(minor))
    positions = range(len(years))
    bottom = [0.0] * len(years)
    for key in [*shown, *([None] if rest else [])]:
        values = [per_year.get(key, {}).get(year, 0.0) for year in years]
        name = partner_names.get(key, "") if key is not None else t._(LABEL_OTHERS)
        axis.bar(positions, values, bottom=bottom, label=name, width=BAR)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    pending = [float(from_minor(totals.pending_by_year.get((year, currency), 0))) for year in years]
    if any(pending):
        axis.bar(
            positions,
            pending,
            bottom=bottom,
            label=t._(LABEL_PENDING),
            width=BAR,
            color="white",
            edgecolor="#888888",
            hatch="///",
        )
    axis.set_xticks(positions, [str(year) for year in years])
    axis.set_title(t._(TITLE_AID, currency=currency))
    axis.set_xlabel(t._(LABEL_YEAR))
    axis.set_ylabel(currency)
    axis.yaxis.set_major_formatter(axis_numbers(t))
    if shown or any(pending):
        axis.legend(fontsize="small")
