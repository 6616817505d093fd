"""Summing counts per span of time into the windows the wijk picture shows.

The page's windows (the period, the one before, twelve weeks, the emerging-theme baseline)
all start and end on bounds of one sorted list; the database counts once per span between
consecutive bounds, and these plain functions add the spans up per window.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

# The columns of an entry_spans row: span, kind, starter, then entries, people, first contacts.
KIND, INITIATED_BY, COUNT, PEOPLE, FIRST_CONTACTS = range(1, 6)


def cut(*windows: tuple[datetime, datetime]) -> list[datetime]:
    """Return the sorted bounds that cut the windows into spans."""
    return sorted({bound for window in windows for bound in window})


def inside(bounds: list[datetime], start: datetime, end: datetime) -> set[int]:
    """Return the numbers of the spans that lie within [start, end)."""
    return {i for i in range(len(bounds) - 1) if start <= bounds[i] and bounds[i + 1] <= end}


def by_theme(counts: dict[tuple, int], spans: set[int]) -> dict[int, int]:
    """Sum counts keyed (theme, kind, span) over the spans, per theme."""
    out: dict[int, int] = defaultdict(int)
    for (theme, _, span), n in counts.items():
        if span in spans:
            out[theme] += n
    return dict(out)


def by_theme_and_kind(counts: dict[tuple, int], spans: set[int]) -> dict[tuple[int, str], int]:
    """Sum counts keyed (theme, kind, span) over the spans, per theme and kind."""
    out: dict[tuple[int, str], int] = defaultdict(int)
    for (theme, kind, span), n in counts.items():
        if span in spans and kind is not None:
            out[(theme, kind)] += n
    return dict(out)


def weekly(
    counts: dict[tuple, int], bounds: list[datetime], weeks: list[datetime]
) -> dict[int, list[int]]:
    """Return per theme its counts in each week between consecutive week bounds."""
    week_of = {}
    for w, (start, end) in enumerate(zip(weeks, weeks[1:], strict=False)):
        week_of.update(dict.fromkeys(inside(bounds, start, end), w))
    series: dict[int, list[int]] = defaultdict(lambda: [0] * (len(weeks) - 1))
    for (theme, _, span), n in counts.items():
        if span in week_of:
            series[theme][week_of[span]] += n
    return dict(series)


def kinds(rows: list[tuple], spans: set[int]) -> dict[str, int]:
    """Count the entries per kind in the spans."""
    out: dict[str, int] = defaultdict(int)
    for row in rows:
        if row[0] in spans:
            out[row[KIND]] += row[COUNT]
    return dict(out)


def totals(rows: list[tuple], spans: set[int]) -> tuple[int, int, int, int]:
    """Sum contacts, people, first contacts and resident-started contacts in the spans."""
    sums = [0, 0, 0, 0]
    for row in rows:
        if row[0] in spans:
            sums[0] += row[COUNT]
            sums[1] += row[PEOPLE]
            sums[2] += row[FIRST_CONTACTS]
            sums[3] += row[COUNT] if row[INITIATED_BY] == "resident" else 0
    return sums[0], sums[1], sums[2], sums[3]


def reach(rows: list[tuple], spans: set[int], split: list[tuple] | None = None) -> dict:
    """Return reach: the totals in the spans and, from reach_split rows, the sums per contact
    type and per setting (each contacts, people, first contacts, resident-started)."""
    by: dict[str, dict] = {"contact_type": {}, "setting": {}}
    for contact_type, setting, *numbers in split or []:
        for group, value in (("contact_type", contact_type), ("setting", setting)):
            before = by[group].get(value, (0, 0, 0, 0))
            by[group][value] = tuple(a + b for a, b in zip(before, numbers, strict=True))
    return {"totals": totals(rows, spans), **by}


def known(
    rows: list[tuple], bounds: list[datetime], weeks: list[datetime]
) -> list[tuple[int, int]]:
    """Return per week: contacts and contacts started by residents."""
    out = []
    for start, end in zip(weeks, weeks[1:], strict=False):
        spans = inside(bounds, start, end)
        contacts = started = 0
        for row in rows:
            if row[0] in spans:
                contacts += row[COUNT]
                started += row[COUNT] if row[INITIATED_BY] == "resident" else 0
        out.append((contacts, started))
    return out
