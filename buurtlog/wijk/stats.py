"""Pure counting and statistics for the wijk picture: periods, the emerging-theme test and the
suppression of small counts. No database, no request: plain values in, plain values out.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from buurtlog import disclosure

PERIOD_KINDS = ("weeks4", "week", "month", "quarter", "custom")
# The default period means something on any day: the last four weeks up to today (28 days,
# so four of every weekday), compared with the four weeks before: equal days, equal weekdays.
DEFAULT_PERIOD = "weeks4"
LAST_WEEKS = 4
BASELINE_PERIODS = 12
# The emerging-theme test speaks only once the baseline holds this many periods in which
# anything was logged: a wijk that started last month has no "usual" yet.
MIN_HISTORY = 4
# The baseline looks back at most half a year (six long months): enough to be steady, and
# bounded, so the page reads a fixed window however long the log grows. A week gets 12 weeks,
# a month 6 months, a quarter 2 quarters, a custom span of over 186 days 1 span.
BASELINE_MAX_DAYS = 186
EMERGING_MIN_COUNT = 5
EMERGING_ALPHA = 0.01
SMALL = disclosure.SMALL
CUSTOM_MAX_DAYS = 366


@dataclass(frozen=True)
class Period:
    """A span of local days [first, last], with its UTC bounds [start, end)."""

    kind: str
    first: date
    last: date
    start: datetime
    end: datetime
    # Cut off at today: the period holds today and its later days have not happened yet.
    partial: bool = False

    @property
    def days(self) -> int:
        """Return the number of days in the period."""
        return (self.last - self.first).days + 1


def local_bounds(first: date, last: date, tz: str) -> tuple[datetime, datetime]:
    """Return the UTC start and end of local days first..last (inclusive)."""
    zone = ZoneInfo(tz)
    start = datetime.combine(first, time.min, tzinfo=zone).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time.min, tzinfo=zone).astimezone(UTC)
    return start, end


def make_period(kind: str, first: date, last: date, tz: str) -> Period:
    """Build a period from its local first and last day."""
    return Period(kind, first, last, *local_bounds(first, last, tz))


def default_anchor(today: date) -> date:
    """Return the first day of the default period: four weeks ending today."""
    return today - timedelta(weeks=LAST_WEEKS, days=-1)


def period_for(kind: str, anchor: date, tz: str, last: date | None = None) -> Period:
    """Return the ISO week, month or quarter containing the anchor day, the four weeks
    (28 days) starting on the anchor day ("weeks4"), or a custom span."""
    if kind == "weeks4":
        return make_period(kind, anchor, anchor + timedelta(weeks=LAST_WEEKS, days=-1), tz)
    if kind == "week":
        first = anchor - timedelta(days=anchor.weekday())
        return make_period(kind, first, first + timedelta(days=6), tz)
    if kind == "month":
        first = anchor.replace(day=1)
        return make_period(kind, first, _next_month(first) - timedelta(days=1), tz)
    if kind == "quarter":
        first = date(anchor.year, 3 * ((anchor.month - 1) // 3) + 1, 1)
        following = _next_month(_next_month(_next_month(first)))
        return make_period(kind, first, following - timedelta(days=1), tz)
    return make_period("custom", anchor, last or anchor, tz)


def so_far(period: Period, today: date, tz: str) -> Period:
    """Cut a period that holds today off at today, marked partial; leave others as they are."""
    if not period.first <= today < period.last:
        return period
    return Period(
        period.kind, period.first, today, *local_bounds(period.first, today, tz), partial=True
    )


def is_future(period: Period, today: date) -> bool:
    """Tell whether the period has not begun yet."""
    return period.first > today


def previous_period(period: Period, tz: str) -> Period:
    """Return the period just before: the previous week, month, quarter or four weeks, or as
    many days. Of a period cut off at today, the same days of the one before ("so far this
    month" against the first as many days of last month), so like is compared with like."""
    if period.partial and period.kind != "custom":
        before = previous_period(period_for(period.kind, period.first, tz), tz)
        last = min(before.last, before.first + timedelta(days=period.days - 1))
        return Period(
            period.kind, before.first, last, *local_bounds(before.first, last, tz), partial=True
        )
    day_before = period.first - timedelta(days=1)
    if period.kind in ("week", "month", "quarter"):
        return period_for(period.kind, day_before, tz)
    if period.kind == "weeks4":
        return period_for(period.kind, period.first - timedelta(weeks=LAST_WEEKS), tz)
    return make_period("custom", period.first - timedelta(days=period.days), day_before, tz)


def baseline_periods(period: Period) -> int:
    """Return how many equal spans before the period make its baseline (at most 12, ~½ year)."""
    return max(1, min(BASELINE_PERIODS, BASELINE_MAX_DAYS // period.days))


def baseline_bounds(period: Period, tz: str, periods: int | None = None):
    """Return the UTC span of the `periods` equal-length spans right before the period
    (by default as many as baseline_periods allows)."""
    if periods is None:
        periods = baseline_periods(period)
    first = period.first - timedelta(days=period.days * periods)
    start, _ = local_bounds(first, first, tz)
    return start, period.start


def baseline_days(period: Period, periods: int) -> list[tuple[date, date]]:
    """Return the first and last local day of each equal span of the baseline, oldest first."""
    return [
        (
            period.first - timedelta(days=period.days * (periods - i)),
            period.first - timedelta(days=period.days * (periods - i - 1) + 1),
        )
        for i in range(periods)
    ]


def baseline_cuts(period: Period, tz: str, periods: int) -> list[datetime]:
    """Return the UTC bounds of the baseline's equal spans (one more bound than spans)."""
    return [local_bounds(first, first, tz)[0] for first, _ in baseline_days(period, periods)] + [
        period.start
    ]


def week_bounds(last_day: date, tz: str, weeks: int = 12) -> tuple[list[date], list[datetime]]:
    """Return the Mondays of the `weeks` ISO weeks ending with the one holding last_day, and
    the UTC bounds of those weeks (one more bound than weeks)."""
    monday = last_day - timedelta(days=last_day.weekday())
    mondays = [monday - timedelta(weeks=weeks - 1 - i) for i in range(weeks)]
    bounds = [local_bounds(d, d, tz)[0] for d in [*mondays, monday + timedelta(weeks=1)]]
    return mondays, bounds


def _next_month(first: date) -> date:
    """Return the first day of the following month."""
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def suppress(count: int | None) -> str:
    """Show a count for use outside the team by the one rule (disclosure.shown): 0 as "0",
    1–4 as "<5", the rest rounded to a multiple of 5.

    Zero identifies no one, so it stays visible: "nobody mentioned this" is information.
    """
    return disclosure.shown(count)


def share(part: int, whole: int) -> float | None:
    """Return part/whole, or None when there is nothing to divide."""
    return part / whole if whole else None


def change(current: int, previous: int) -> int:
    """Return the change of a count against the previous period."""
    return current - previous


def binomial_upper_tail(k: int, n: int, p: float) -> float:
    """Return P(X >= k) for X ~ Binomial(n, p), summed in log space (stable for large n)."""
    if k <= 0:
        return 1.0
    if k > n:
        return 0.0
    log_p, log_q = math.log(p), math.log1p(-p)
    total = 0.0
    for i in range(k, n + 1):
        term = math.exp(
            math.lgamma(n + 1)
            - math.lgamma(i + 1)
            - math.lgamma(n - i + 1)
            + i * log_p
            + (n - i) * log_q
        )
        total += term
        if i > n * p and term < total * 1e-12:  # past the mode, the rest is negligible
            break
    return min(1.0, total)


@dataclass(frozen=True)
class Emergence:
    """The verdict of the emerging-theme test for one theme."""

    current: int
    baseline_total: int
    baseline_mean: float
    p_value: float
    emerging: bool


def usual_range(counts: list[int]) -> tuple[int, int]:
    """Return what a count usually is: the middle half of the counts (lower to upper quartile,
    widened to whole numbers), or the one count there is."""
    if len(counts) < 2:
        return (counts[0], counts[0]) if counts else (0, 0)
    low, _, high = statistics.quantiles(counts, n=4, method="inclusive")
    return math.floor(low), math.ceil(high)


def emerging_test(
    current: int,
    baseline_total: int,
    periods: int = BASELINE_PERIODS,
    alpha: float = EMERGING_ALPHA,
    min_count: int = EMERGING_MIN_COUNT,
) -> Emergence:
    """Test whether a count rises clearly above the theme's own baseline.

    The count in the current period and the total of the `periods` equal spans before it are
    treated as Poisson counts. Under "no change" the rate is the same in all periods + 1 spans,
    so, given their sum n, the current count is Binomial(n, 1/(periods + 1)): the exact
    conditional test for two Poisson rates. It needs no estimate of the rate (so an empty
    baseline does not divide by zero) and is one-sided: only rises count. A theme emerges when
    p < alpha and the current count is at least `min_count`, so a handful never emerges.
    """
    n = current + baseline_total
    p_value = binomial_upper_tail(current, n, 1 / (periods + 1)) if current else 1.0
    mean = baseline_total / periods
    emerging = current >= min_count and current > mean and p_value < alpha
    return Emergence(current, baseline_total, mean, p_value, emerging)
