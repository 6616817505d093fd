"""The counting queries behind the wijk picture: every number is a SQL GROUP BY over the entries
of a set of areas in a span of time; no entry is loaded into Python to be counted.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, func, or_, select, true

from buurtlog.extensions import db
from buurtlog.models import (
    Area,
    CheckIn,
    Entry,
    Initiative,
    Place,
    Presence,
    Referral,
    SignalStatus,
    Team,
    WalkInSession,
    entry_themes,
    initiative_areas,
    team_areas,
)

# The theme of folded counts: each sensitive entry once, under none of its own themes. Those
# who may not read a wijk's sensitive entries learn how many there are, not about what.
SENSITIVE = 0


def area_ids(wijk: Area) -> list[int]:
    """Return the ids of the wijk and every area below it (its buurten)."""
    ids = [wijk.id]
    level = [wijk.id]
    while level:
        level = list(db.session.scalars(select(Area.id).where(Area.parent_id.in_(level))))
        ids += level
    return ids


def _in(ids: list[int], start: datetime, end: datetime):
    """Return the condition for entries about these areas in [start, end)."""
    return and_(Entry.area_id.in_(ids), Entry.occurred_at >= start, Entry.occurred_at < end)


def _buckets(bounds: list[datetime]):
    """Return a CASE that numbers the span an entry falls in (bounds are the spans' starts)."""
    return case(
        *((Entry.occurred_at < b, i - 1) for i, b in enumerate(bounds[1:], start=1)),
        else_=len(bounds) - 2,
    )


def theme_counts(ids: list[int], start: datetime, end: datetime) -> dict[int, int]:
    """Count the entries per theme."""
    rows = db.session.execute(
        select(entry_themes.c.theme_id, func.count())
        .join(Entry, Entry.id == entry_themes.c.entry_id)
        .where(_in(ids, start, end))
        .group_by(entry_themes.c.theme_id)
    )
    return dict(rows.all())


def theme_spans(
    ids: list[int], bounds: list[datetime], within: tuple[datetime, datetime], fold: bool = False
) -> dict[tuple[int, str | None, int], int]:
    """Count the entries per theme and span between consecutive bounds, in one pass; within
    the window `within` per kind too (elsewhere the kind is None). Folded, the sensitive
    entries are counted apart, under SENSITIVE."""
    span = _buckets(bounds).label("span")
    kind = case(
        (and_(Entry.occurred_at >= within[0], Entry.occurred_at < within[1]), Entry.kind)
    ).label("kind")
    where = _in(ids, bounds[0], bounds[-1])
    rows = db.session.execute(
        select(entry_themes.c.theme_id, kind, span, func.count())
        .select_from(Entry)
        .join(entry_themes, entry_themes.c.entry_id == Entry.id)
        .where(where, ~Entry.sensitive if fold else true())
        .group_by(entry_themes.c.theme_id, kind, span)
    )
    counts = {(theme_id, kind, index): count for theme_id, kind, index, count in rows}
    if fold:
        counts.update(
            {
                (SENSITIVE, kind, index): count
                for kind, index, count in db.session.execute(
                    select(kind, span, func.count())
                    .where(where, Entry.sensitive)
                    .group_by(kind, span)
                )
            }
        )
    return counts


def entry_spans(ids: list[int], bounds: list[datetime]) -> list[tuple]:
    """Count the entries, their people and first contacts per span, kind and who started the
    contact, in one pass (the columns are named in spans.py)."""
    span = _buckets(bounds).label("span")
    groups = (span, Entry.kind, Entry.initiated_by)
    rows = db.session.execute(
        select(
            *groups,
            func.count(),
            func.sum(Entry.people),
            func.sum(case((Entry.first_contact, 1), else_=0)),
        )
        .where(_in(ids, bounds[0], bounds[-1]))
        .group_by(*groups)
    )
    return [tuple(row) for row in rows]


def reach_split(ids: list[int], start: datetime, end: datetime) -> list[tuple]:
    """Count contacts, people, first contacts and resident-started contacts per contact type
    and setting."""
    rows = db.session.execute(
        select(
            Entry.contact_type,
            Entry.setting,
            func.count(),
            func.sum(Entry.people),
            func.sum(case((Entry.first_contact, 1), else_=0)),
            func.sum(case((Entry.initiated_by == "resident", 1), else_=0)),
        )
        .where(_in(ids, start, end))
        .group_by(Entry.contact_type, Entry.setting)
    )
    return [tuple(row) for row in rows]


def open_signals(
    ids: list[int], start: datetime, end: datetime, team_id: int | None
) -> tuple[int, int]:
    """Count the signals logged in the span and how many of them are still open (no status
    yet, or any but closed), in the team's own statuses (every team's for team_id None)."""
    status = SignalStatus.entry_id == Entry.id
    if team_id is not None:
        status = and_(status, SignalStatus.team_id == team_id)
    row = db.session.execute(
        select(
            func.count(),
            func.sum(
                case(
                    (or_(SignalStatus.status.is_(None), SignalStatus.status != "closed"), 1),
                    else_=0,
                )
            ),
        )
        .select_from(Entry)
        .outerjoin(SignalStatus, status)
        .where(_in(ids, start, end), Entry.kind == "signal")
    ).one()
    return row[0] or 0, row[1] or 0


def presence_hours(ids: list[int], start: datetime, end: datetime) -> dict[int, float]:
    """Return the hours of finished presence per place of these areas, by start time."""
    rows = db.session.execute(
        select(Presence.place_id, Presence.started_at, Presence.ended_at)
        .join(Place, Place.id == Presence.place_id)
        .where(
            Place.area_id.in_(ids),
            Presence.started_at >= start,
            Presence.started_at < end,
            Presence.ended_at.is_not(None),
        )
    )
    hours: dict[int, float] = defaultdict(float)
    for place_id, started, ended in rows:  # a few blocks a day: cheap to add up here
        if ended is not None:  # always: the query asks for finished blocks
            hours[place_id] += (ended - started).total_seconds() / 3600
    return dict(hours)


def place_kind_counts(ids: list[int], start: datetime, end: datetime) -> dict[tuple[int, str], int]:
    """Count the entries per place and kind (entries at no place are left out)."""
    rows = db.session.execute(
        select(Entry.place_id, Entry.kind, func.count())
        .where(_in(ids, start, end), Entry.place_id.is_not(None))
        .group_by(Entry.place_id, Entry.kind)
    )
    # The query leaves out entries at no place; the test only tells the type checker so.
    return {(place_id, kind): count for place_id, kind, count in rows if place_id is not None}


def signal_outcomes(
    ids: list[int], start: datetime, end: datetime, sensitive: bool = True
) -> dict[str, int]:
    """Count the signals per review status (a signal without one is new), sensitive ones too
    unless told otherwise."""
    status = func.coalesce(SignalStatus.status, "new").label("status")
    query = (
        select(status, func.count())
        .select_from(Entry)
        .outerjoin(SignalStatus, SignalStatus.entry_id == Entry.id)
        .where(_in(ids, start, end), Entry.kind == "signal")
    )
    if not sensitive:
        query = query.where(~Entry.sensitive)
    return dict(db.session.execute(query.group_by(status)).all())


def wijk_of_areas(wijk_ids: list[int]) -> dict[int, int]:
    """Return the wijk of every area in these wijken: the wijken themselves and their buurten."""
    below = db.session.execute(select(Area.id, Area.parent_id).where(Area.parent_id.in_(wijk_ids)))
    # Every area found has a parent (one of these wijken); the test only tells mypy so.
    return {
        **{w: w for w in wijk_ids},
        **{area_id: parent_id for area_id, parent_id in below if parent_id is not None},
    }


def heatmap(
    wijk_ids: list[int], start: datetime, end: datetime, folded: frozenset[int] = frozenset()
) -> dict[tuple[int, int], int]:
    """Count the entries per wijk and theme for the given wijken; in the `folded` wijken the
    sensitive entries apart, under SENSITIVE."""
    wijk_of = wijk_of_areas(wijk_ids)
    hidden = [a for a, w in wijk_of.items() if w in folded]
    rows: list[Any] = list(
        db.session.execute(
            select(Entry.area_id, entry_themes.c.theme_id, func.count())
            .select_from(Entry)
            .join(entry_themes, entry_themes.c.entry_id == Entry.id)
            .where(
                _in(list(wijk_of), start, end),
                or_(Entry.area_id.not_in(hidden), ~Entry.sensitive) if hidden else true(),
            )
            .group_by(Entry.area_id, entry_themes.c.theme_id)
        )
    )
    if hidden:
        rows += [
            (area_id, SENSITIVE, count)
            for area_id, count in db.session.execute(
                select(Entry.area_id, func.count())
                .where(_in(hidden, start, end), Entry.sensitive)
                .group_by(Entry.area_id)
            )
        ]
    cells: dict[tuple[int, int], int] = defaultdict(int)
    for area_id, theme_id, count in rows:
        cells[(wijk_of[area_id], theme_id)] += count
    return dict(cells)


def referrals(ids: list[int], start: datetime, end: datetime) -> int:
    """Count the referrals to initiatives made in [start, end) from entries in these areas and
    from walk-in visitors at places in them."""
    made = (Referral.created_at >= start, Referral.created_at < end)
    from_entries = db.session.scalar(
        select(func.count())
        .select_from(Referral)
        .join(Entry, Referral.entry_id == Entry.id)
        .where(Entry.area_id.in_(ids), *made)
    )
    from_visitors = db.session.scalar(
        select(func.count())
        .select_from(Referral)
        .join(CheckIn, Referral.check_in_id == CheckIn.id)
        .join(WalkInSession, CheckIn.session_id == WalkInSession.id)
        .join(Place, WalkInSession.place_id == Place.id)
        .where(Place.area_id.in_(ids), *made)
    )
    return (from_entries or 0) + (from_visitors or 0)


def active_initiatives(ids: list[int]) -> int:
    """Count the active initiatives that serve these areas or meet at a place in them."""
    serves = select(initiative_areas.c.initiative_id).where(initiative_areas.c.area_id.in_(ids))
    meets = (
        select(Initiative.id)
        .join(Place, Initiative.place_id == Place.id)
        .where(Place.area_id.in_(ids))
    )
    return (
        db.session.scalar(
            select(func.count())
            .select_from(Initiative)
            .where(
                Initiative.status == "active",
                or_(Initiative.id.in_(serves), Initiative.id.in_(meets)),
            )
        )
        or 0
    )


def team_names(wijk: Area) -> list[str]:
    """Return the names of the teams that cover the wijk, by name."""
    return list(
        db.session.scalars(
            select(Team.name)
            .join(team_areas, team_areas.c.team_id == Team.id)
            .where(team_areas.c.area_id == wijk.id)
            .order_by(Team.name)
        )
    )


def entries_per_area(
    ids: list[int], start: datetime, end: datetime, theme_id: int | None = None
) -> dict[int, int]:
    """Count the entries per area in [start, end), of one theme if given."""
    query = select(Entry.area_id, func.count()).where(_in(ids, start, end))
    if theme_id is not None:
        query = query.join(entry_themes, entry_themes.c.entry_id == Entry.id).where(
            entry_themes.c.theme_id == theme_id
        )
    return {area_id: n for area_id, n in db.session.execute(query.group_by(Entry.area_id))}


def wijk_walk_in(area_ids: list[int], start: datetime, end: datetime) -> dict:
    """Count the walk-in visitors at places in these areas in [start, end): the wijk picture's
    share of the tally (visitors, new ones, sessions, and visitors per theme)."""
    where = (
        CheckIn.undone_at.is_(None),
        CheckIn.occurred_at >= start,
        CheckIn.occurred_at < end,
        Place.area_id.in_(area_ids),
    )
    base = (
        select()
        .select_from(CheckIn)
        .join(WalkInSession, CheckIn.session_id == WalkInSession.id)
        .join(Place, WalkInSession.place_id == Place.id)
        .where(*where)
    )
    visitors, new, sessions = db.session.execute(
        base.add_columns(
            func.count(),
            func.coalesce(func.sum(case((CheckIn.visitor == "new", 1), else_=0)), 0),
            func.count(func.distinct(CheckIn.session_id)),
        )
    ).one()
    themes: dict[int, int] = dict(
        db.session.execute(
            base.add_columns(CheckIn.theme_id, func.count())
            .where(CheckIn.theme_id.is_not(None))
            .group_by(CheckIn.theme_id)
            .order_by(CheckIn.theme_id)  # equal counts by theme in the same order everywhere
        ).all()
    )
    company = db.session.scalar(base.add_columns(func.count()).where(CheckIn.just_company))
    return {
        "visitors": visitors,
        "new": new,
        "sessions": sessions,
        "themes": themes,
        "company": company,
    }
