"""Opportunities for a collective approach: per wijk, the themes with many recent signals and
questions that no active initiative serving the wijk takes up.

Counts only: the list never shows the entries themselves, and themes marked sensitive appear
only to those who read the wijk's sensitive entries (coordinators of a team covering it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import groupby

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from buurtlog.entries.services import local_day_start, today
from buurtlog.extensions import db
from buurtlog.models import (
    Area,
    Entry,
    Initiative,
    Theme,
    User,
    entry_themes,
    initiative_areas,
    initiative_themes,
)
from buurtlog.wijk import queries
from buurtlog.wijk.services import sees_sensitive_themes, wijken_for

WEEKS = 13
MIN_SIGNALS = 5
KINDS = ("signal", "question")


@dataclass
class Gap:
    """A theme of a wijk with many signals and questions and no active initiative for it."""

    wijk: Area
    theme: Theme
    signals: int = 0
    questions: int = 0
    elsewhere: list[Initiative] = field(default_factory=list)  # active, for other wijken

    @property
    def total(self) -> int:
        """Return the signals and questions together."""
        return self.signals + self.questions


def find(
    wijken: list[Area],
    end: datetime | None = None,
    *,
    sensitive: bool = False,
    weeks: int = WEEKS,
    minimum: int = MIN_SIGNALS,
    elsewhere: bool = True,
) -> list[Gap]:
    """Return the gaps of these wijken in the `weeks` before `end`, largest first per wijk;
    with `elsewhere`, each names the active initiatives with its theme in other wijken.

    Without an `end`, the weeks run from midnight until after tomorrow (what is logged up to
    a day ahead counts).
    """
    if not wijken:
        return []
    if end is None:
        tz = current_app.config["BABEL_DEFAULT_TIMEZONE"]
        day = today(tz)
        start = local_day_start(day - timedelta(weeks=weeks), tz)
        end = local_day_start(day + timedelta(days=2), tz)
    else:
        start = end - timedelta(weeks=weeks)
    by_id = {w.id: w for w in wijken}
    wijk_of = {
        area_id: by_id[wijk_id] for area_id, wijk_id in queries.wijk_of_areas(list(by_id)).items()
    }
    # Per wijk: the areas whose initiatives serve it (itself, its buurten, its gemeente).
    serving: dict[int, set[int]] = {
        w.id: {w.parent_id} if w.parent_id is not None else set() for w in wijken
    }
    for area_id, wijk in wijk_of.items():
        serving[wijk.id].add(area_id)
    counts: dict[tuple[int, int], list[int]] = {}
    for area_id, theme_id, kind, n in _counts(sorted(wijk_of), start, end):
        key = (wijk_of[area_id].id, theme_id)
        counts.setdefault(key, [0, 0])[KINDS.index(kind)] += n
    themes = {
        t.id: t
        for t in db.session.scalars(select(Theme).where(Theme.id.in_({t for _, t in counts})))
    }
    covered = _active_coverage()
    gaps = []
    for (wijk_id, theme_id), (signals, questions) in counts.items():
        theme, wijk = themes[theme_id], by_id[wijk_id]
        if signals + questions < minimum or (theme.sensitive and not sensitive):
            continue
        if serving[wijk_id] & covered.get(theme_id, set()):
            continue
        gaps.append(Gap(wijk, theme, signals, questions))
    if elsewhere:
        _add_elsewhere(gaps)
    return sorted(
        gaps, key=lambda g: (g.wijk.name, g.wijk.id, -g.total, g.theme.position, g.theme.id)
    )


def by_wijk(gaps: list[Gap]) -> list[tuple[Area, list[Gap]]]:
    """Group sorted gaps per wijk, in their order: two wijken of one name stay apart."""
    return [(wijk, list(rows)) for wijk, rows in groupby(gaps, key=lambda g: g.wijk)]


def _counts(area_ids: list[int], start: datetime, end: datetime) -> list[tuple]:
    """Count the signals and questions per area, theme and kind from `start` until `end`."""
    return [
        tuple(row)
        for row in db.session.execute(
            select(Entry.area_id, entry_themes.c.theme_id, Entry.kind, func.count())
            .join(entry_themes, entry_themes.c.entry_id == Entry.id)
            .where(
                Entry.area_id.in_(area_ids),
                Entry.kind.in_(KINDS),
                Entry.occurred_at >= start,
                Entry.occurred_at < end,
            )
            .group_by(Entry.area_id, entry_themes.c.theme_id, Entry.kind)
        ).all()
    ]


def _active_coverage() -> dict[int, set[int]]:
    """Return, per theme, the areas that active initiatives with that theme serve."""
    rows = db.session.execute(
        select(initiative_themes.c.theme_id, initiative_areas.c.area_id)
        .join(Initiative, Initiative.id == initiative_themes.c.initiative_id)
        .join(initiative_areas, initiative_areas.c.initiative_id == Initiative.id)
        .where(Initiative.status == "active")
    )
    coverage: dict[int, set[int]] = {}
    for theme_id, area_id in rows:
        coverage.setdefault(theme_id, set()).add(area_id)
    return coverage


def _add_elsewhere(gaps: list[Gap]) -> None:
    """Name, for each gap, the active initiatives with its theme that serve other wijken."""
    theme_ids = {g.theme.id for g in gaps}
    if not theme_ids:
        return
    found: dict[int, list[Initiative]] = {}
    for initiative in db.session.scalars(
        select(Initiative)
        .where(Initiative.status == "active", Initiative.themes.any(Theme.id.in_(theme_ids)))
        .options(selectinload(Initiative.themes))
        .order_by(Initiative.name, Initiative.id)
    ):
        for theme in initiative.themes:
            found.setdefault(theme.id, []).append(initiative)
    for gap in gaps:
        gap.elsewhere = found.get(gap.theme.id, [])


def for_user(user: User, end: datetime | None = None, *, elsewhere: bool = True) -> list[Gap]:
    """Return the gaps in the wijken the user works in; a sensitive theme only in the wijken
    whose sensitive entries the user reads (a coordinator of a team covering it): an admin
    opens every wijk, but reads no other team's sensitive entries."""
    found = find(wijken_for(user), end, sensitive=user.is_coordinator, elsewhere=elsewhere)
    return [
        gap for gap in found if not gap.theme.sensitive or sees_sensitive_themes(user, gap.wijk)
    ]
