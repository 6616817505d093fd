"""The counting queries behind the wijk picture: every number is a SQL GROUP BY over the entries
of a set of areas in a span of time; no entry is loaded into Python to be counted.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import and_, case, func, or_, select

from buurtlog.extensions import db
from buurtlog.models import Area, Entry, Place, Presence, SignalStatus, entry_themes


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
    return case(*((Entry.occurred_at < b, i - 1) for i, b in enumerate(bounds[1:], start=1)),
                else_=len(bounds) - 2)


def theme_counts(ids: list[int], start: datetime, end: datetime) -> dict[int, int]:
    """Count the entries per theme."""
    rows = db.session.execute(
        select(entry_themes.c.theme_id, func.count())
        .join(Entry, Entry.id == entry_themes.c.entry_id)
        .where(_in(ids, start, end)).group_by(entry_themes.c.theme_id))
    return dict(rows.all())


def theme_weekly(ids: list[int], bounds: list[datetime]) -> dict[int, list[int]]:
    """Count the entries per theme in each span between consecutive bounds."""
    bucket = _buckets(bounds).label("bucket")
    rows = db.session.execute(
        select(entry_themes.c.theme_id, bucket, func.count())
        .join(Entry, Entry.id == entry_themes.c.entry_id)
        .where(_in(ids, bounds[0], bounds[-1]))
        .group_by(entry_themes.c.theme_id, bucket))
    series: dict[int, list[int]] = defaultdict(lambda: [0] * (len(bounds) - 1))
    for theme_id, index, count in rows:
        series[theme_id][index] = count
    return dict(series)


def kind_theme_counts(ids: list[int], start: datetime, end: datetime,
                      kinds: tuple[str, ...]) -> dict[tuple[str, int], int]:
    """Count the entries per kind and theme, for the given kinds."""
    rows = db.session.execute(
        select(Entry.kind, entry_themes.c.theme_id, func.count())
        .join(Entry, Entry.id == entry_themes.c.entry_id)
        .where(_in(ids, start, end), Entry.kind.in_(kinds))
        .group_by(Entry.kind, entry_themes.c.theme_id))
    return {(kind, theme_id): count for kind, theme_id, count in rows}


def kind_counts(ids: list[int], start: datetime, end: datetime) -> dict[str, int]:
    """Count the entries per kind."""
    rows = db.session.execute(select(Entry.kind, func.count()).where(_in(ids, start, end))
                              .group_by(Entry.kind))
    return dict(rows.all())


def _reach_columns():
    """Return the sums behind reach: contacts, people, first contacts, resident-started."""
    return (func.count(), func.coalesce(func.sum(Entry.people), 0),
            func.coalesce(func.sum(case((Entry.first_contact, 1), else_=0)), 0),
            func.coalesce(func.sum(case((Entry.initiated_by == "resident", 1), else_=0)), 0))


def reach(ids: list[int], start: datetime, end: datetime) -> dict:
    """Count contacts, people, first contacts and resident-started contacts, overall and split."""
    totals = db.session.execute(select(*_reach_columns()).where(_in(ids, start, end))).one()
    split = {}
    for name, column in (("contact_type", Entry.contact_type), ("setting", Entry.setting)):
        rows = db.session.execute(select(column, *_reach_columns())
                                  .where(_in(ids, start, end)).group_by(column))
        split[name] = {value: tuple(rest) for value, *rest in rows}
    return {"totals": tuple(totals), **split}


def known_weekly(ids: list[int], bounds: list[datetime]) -> list[tuple[int, int]]:
    """Count contacts and resident-started contacts in each span between consecutive bounds."""
    bucket = _buckets(bounds).label("bucket")
    rows = db.session.execute(
        select(bucket, func.count(),
               func.coalesce(func.sum(case((Entry.initiated_by == "resident", 1), else_=0)), 0))
        .where(_in(ids, bounds[0], bounds[-1])).group_by(bucket))
    weeks = [(0, 0)] * (len(bounds) - 1)
    for index, contacts, started in rows:
        weeks[index] = (contacts, started)
    return weeks


def presence_hours(ids: list[int], start: datetime, end: datetime) -> dict[int, float]:
    """Return the hours of finished presence per place of these areas, by start time."""
    rows = db.session.execute(
        select(Presence.place_id, Presence.started_at, Presence.ended_at)
        .join(Place, Place.id == Presence.place_id)
        .where(Place.area_id.in_(ids), Presence.started_at >= start, Presence.started_at < end,
               Presence.ended_at.is_not(None)))
    hours: dict[int, float] = defaultdict(float)
    for place_id, started, ended in rows:  # a few blocks a day: cheap to add up here
        hours[place_id] += (ended - started).total_seconds() / 3600
    return dict(hours)


def place_kind_counts(ids: list[int], start: datetime,
                      end: datetime) -> dict[tuple[int, str], int]:
    """Count the entries per place and kind (entries at no place are left out)."""
    rows = db.session.execute(
        select(Entry.place_id, Entry.kind, func.count())
        .where(_in(ids, start, end), Entry.place_id.is_not(None))
        .group_by(Entry.place_id, Entry.kind))
    return {(place_id, kind): count for place_id, kind, count in rows}


def signal_outcomes(ids: list[int], start: datetime, end: datetime,
                    sensitive: bool = True) -> dict[str, int]:
    """Count the signals per review status (a signal without one is new), sensitive ones too
    unless told otherwise."""
    status = func.coalesce(SignalStatus.status, "new").label("status")
    query = (select(status, func.count()).select_from(Entry)
             .outerjoin(SignalStatus, SignalStatus.entry_id == Entry.id)
             .where(_in(ids, start, end), Entry.kind == "signal"))
    if not sensitive:
        query = query.where(Entry.sensitive.is_(False))
    return dict(db.session.execute(query.group_by(status)).all())


def wijk_of_area():
    """Return an expression for the wijk an entry's area is or lies in (buurt → its parent)."""
    return case((Area.level == "wijk", Area.id), else_=Area.parent_id)


def heatmap(wijk_ids: list[int], start: datetime, end: datetime) -> dict[tuple[int, int], int]:
    """Count the entries per wijk and theme for the given wijken."""
    wijk = wijk_of_area().label("wijk_id")
    rows = db.session.execute(
        select(wijk, entry_themes.c.theme_id, func.count())
        .select_from(entry_themes).join(Entry, Entry.id == entry_themes.c.entry_id)
        .join(Area, Area.id == Entry.area_id)
        .where(Entry.occurred_at >= start, Entry.occurred_at < end,
               or_(Area.id.in_(wijk_ids), Area.parent_id.in_(wijk_ids)))
        .group_by(wijk, entry_themes.c.theme_id))
    return {(wijk_id, theme_id): count for wijk_id, theme_id, count in rows}
