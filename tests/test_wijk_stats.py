"""The pure statistics of the wijk picture: periods, suppression and the emerging-theme test."""

from datetime import date, timedelta

import pytest

from buurtlog.wijk import stats

TZ = "Europe/Amsterdam"


def test_planted_surge_emerges():
    """Find a theme that jumps from about 1 a period to 9."""
    verdict = stats.emerging_test(9, 12)
    assert verdict.emerging
    assert verdict.p_value < 0.01
    assert verdict.baseline_mean == 1


def test_steady_theme_does_not_emerge():
    """Leave a theme alone that is as frequent as it always is."""
    assert not stats.emerging_test(10, 120).emerging
    assert not stats.emerging_test(14, 120).emerging


def test_a_small_count_never_emerges():
    """Refuse to call 4 entries a trend, even out of nothing."""
    verdict = stats.emerging_test(4, 0)
    assert verdict.p_value < 0.01
    assert not verdict.emerging
    assert stats.emerging_test(5, 0).emerging


def test_a_fall_never_emerges():
    """Test one-sided: fewer than usual is no rise."""
    assert not stats.emerging_test(0, 60).emerging
    assert stats.emerging_test(0, 60).p_value == 1.0


def test_binomial_tail_matches_exact_sum():
    """Agree with the textbook sum on a small case."""
    from math import comb

    exact = sum(comb(10, i) * 0.3**i * 0.7 ** (10 - i) for i in range(4, 11))
    assert stats.binomial_upper_tail(4, 10, 0.3) == pytest.approx(exact)
    assert stats.binomial_upper_tail(0, 10, 0.3) == 1.0
    assert stats.binomial_upper_tail(11, 10, 0.3) == 0.0


def test_large_counts_stay_stable():
    """Compute a tail for thousands of entries without overflow."""
    assert 0 < stats.binomial_upper_tail(900, 10000, 1 / 13) < 1


@pytest.mark.parametrize(
    "count, shown",
    [
        (0, "0"),
        (None, "0"),
        (1, "<5"),
        (4, "<5"),
        (5, "5"),
        (7, "5"),
        (8, "10"),
        (12, "10"),
        (13, "15"),
        (122, "120"),
        (123, "125"),
    ],
)
def test_suppress_small_counts(count, shown):
    """Show 1–4 as "<5", zero as 0, the rest rounded to the nearest multiple of 5."""
    assert stats.suppress(count) == shown


def test_periods_and_their_previous():
    """Build ISO weeks, months and quarters in Amsterdam time, with the one before."""
    week = stats.period_for("week", date(2026, 11, 19), TZ)
    assert (week.first, week.last) == (date(2026, 11, 16), date(2026, 11, 22))
    assert week.start.isoformat() == "2026-11-15T23:00:00+00:00"
    month = stats.period_for("month", date(2026, 3, 10), TZ)
    assert stats.previous_period(month, TZ).first == date(2026, 2, 1)
    quarter = stats.period_for("quarter", date(2026, 5, 1), TZ)
    assert (quarter.first, quarter.last) == (date(2026, 4, 1), date(2026, 6, 30))
    custom = stats.period_for("custom", date(2026, 1, 10), TZ, last=date(2026, 1, 19))
    before = stats.previous_period(custom, TZ)
    assert (before.first, before.last, before.days) == (date(2025, 12, 31), date(2026, 1, 9), 10)


def test_twelve_weeks_bounds():
    """Give twelve Mondays and thirteen bounds ending after the period's week."""
    mondays, bounds = stats.week_bounds(date(2026, 11, 19), TZ)
    assert len(mondays) == 12 and len(bounds) == 13
    assert mondays[-1] == date(2026, 11, 16)


@pytest.mark.parametrize(
    "kind, first, last, periods",
    [
        ("week", date(2026, 11, 19), None, 12),
        ("month", date(2026, 3, 10), None, 6),
        ("month", date(2026, 2, 10), None, 6),
        ("quarter", date(2026, 5, 1), None, 2),
        ("custom", date(2026, 1, 1), date(2026, 1, 7), 12),
        ("custom", date(2025, 1, 1), date(2025, 12, 31), 1),
    ],
)
def test_baseline_is_bounded_to_half_a_year(kind, first, last, periods):
    """Look back 12 periods, but never much more than half a year, and at least one period."""
    period = stats.period_for(kind, first, TZ, last=last)
    assert stats.baseline_periods(period) == periods
    start, end = stats.baseline_bounds(period, TZ)
    assert end == period.start
    assert (
        start
        == stats.local_bounds(
            period.first - (period.last - period.first + timedelta(days=1)) * periods,
            period.first,
            TZ,
        )[0]
    )
    assert (period.start - start).days <= max(stats.BASELINE_MAX_DAYS, period.days) + 1


def test_spans_add_up_into_their_windows():
    """Cut overlapping windows into spans and add the spans' counts back up per window."""
    from datetime import UTC, datetime

    from buurtlog.wijk import spans

    day = [datetime(2026, 11, d, 23, tzinfo=UTC) for d in range(1, 8)]
    bounds = spans.cut((day[0], day[4]), (day[2], day[6]), (day[3], day[4]))
    assert bounds == [day[0], day[2], day[3], day[4], day[6]]
    assert spans.inside(bounds, day[2], day[6]) == {1, 2, 3}
    counts = {(7, "signal", 0): 2, (7, None, 1): 3, (7, "idea", 2): 1, (8, "idea", 3): 4}
    assert spans.by_theme(counts, spans.inside(bounds, day[0], day[4])) == {7: 6}
    assert spans.by_theme_and_kind(counts, {0, 1, 2}) == {(7, "signal"): 2, (7, "idea"): 1}
    assert spans.weekly(counts, bounds, [day[0], day[3], day[6]]) == {7: [5, 1], 8: [0, 4]}
    rows = [(0, "signal", "resident", 3, 5, 1), (1, "idea", "worker", 2, 2, 2)]
    assert spans.totals(rows, {0, 1}) == (5, 7, 3, 3)
    assert spans.kinds(rows, {1}) == {"idea": 2}
