"""A coordinator's start: the weekly review, their own actions and the wijk picture at a
glance. Each part is counted cheaply, by the rules of the package it belongs to: the review's
period and signal rules, the wijk picture's period, counting queries and privacy rule."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from flask import url_for
from sqlalchemy import case, func, select

from buurtlog.entries.services import can_view, today
from buurtlog.extensions import db
from buurtlog.models import Area, Entry, Review, SignalStatus, Team, Theme, User, WijkTheme
from buurtlog.review import record
from buurtlog.review.people import Lookups, lookups, owner_left
from buurtlog.review.period import default_period
from buurtlog.review.signals import ENTRIES, OPEN_STATUSES, STATUSES, Row, past_due, period_filter
from buurtlog.wijk import queries, spans, stats
from buurtlog.wijk.services import sees_sensitive_themes, themes_by_id, wijken_for

ACTIONS_SHOWN = 3  # the first of the user's own actions, what is due first
THEMES_SHOWN = 3  # a wijk's themes with the most entries


def has_start(user: User) -> bool:
    """Tell whether the user starts on the coordinator's start: a coordinator in a team."""
    return user.is_authenticated and user.role == "coordinator" and user.team_id is not None


def start_page(user: User) -> str:
    """Return where the user's work is: a team's coordinator lands on their start (the weekly
    review, their actions and the wijk picture, the log one tap away), everyone else on the
    log form."""
    if has_start(user):
        return url_for("start.index")
    return url_for("entries.new")


@dataclass
class ReviewGlance:
    """The weekly review in a few numbers: what it holds since the last meeting."""

    signals: int
    new: int  # not discussed yet
    overdue: int  # open, past their due date, of any period
    reassign: int  # open, their owner left the team
    since: datetime  # where the review's period begins
    previous: Review | None
    running: Review | None


@dataclass
class MyActions:
    """The user's own open actions: the first few signals, how many there are, and the wijk
    themes the user owns."""

    rows: list[Row]
    signals: int
    overdue: int
    themes: list[WijkTheme] = field(default_factory=list)


@dataclass
class WijkGlance:
    """One wijk in a line: its contacts in the period beside the period before, and its
    biggest themes (folded into "Sensitive" for those who may not see them by name)."""

    wijk: Area
    contacts: int
    contacts_before: int
    themes: list[tuple[Theme, int]]


def review_glance(team: Team, day: date, tz: str, people: Lookups) -> ReviewGlance:
    """Count the review's signals of its default period and the open ones needing attention,
    with the review's own period and status rules, without building its page."""
    period = default_period(team, tz)
    joined = Entry.__table__.outerjoin(SignalStatus.__table__, STATUSES.entry_id == ENTRIES.id)
    undiscussed = func.coalesce(STATUSES.status, "new") == "new"
    signals, new = db.session.execute(
        select(func.count(), func.coalesce(func.sum(case((undiscussed, 1), else_=0)), 0))
        .select_from(joined)
        .where(period_filter(team, period))
    ).one()
    overdue = reassign = 0
    for status, due_on, owner_id in db.session.execute(
        select(STATUSES.status, STATUSES.due_on, STATUSES.owner_id).where(
            STATUSES.team_id == team.id,
            STATUSES.status.in_(OPEN_STATUSES),
            (STATUSES.due_on < day) | STATUSES.owner_id.is_not(None),
        )
    ).all():
        left = owner_left(owner_id, team.id, people)
        reassign += left
        overdue += past_due(due_on, status, day) and not left
    return ReviewGlance(
        signals, new, overdue, reassign, period.start, period.previous, period.running
    )


def my_actions(user: User, tz: str) -> MyActions:
    """Return the user's own open actions as `review.mine` lists them, the first few shown."""
    rows, themes = record.my_actions(user, tz)
    visible = [r for r in rows if can_view(user, r)]
    return MyActions(visible[:ACTIONS_SHOWN], len(rows), sum(r.overdue for r in visible), themes)


def wijk_glance(user: User, wijk: Area, period: stats.Period, tz: str, themes: dict) -> WijkGlance:
    """Count the wijk's contacts in the period and the one before, and its biggest themes, as
    its page counts them."""
    ids = queries.area_ids(wijk)
    previous = stats.previous_period(period, tz)
    now, before = (period.start, period.end), (previous.start, previous.end)
    bounds = spans.cut(now, before)
    rows = queries.entry_spans(ids, bounds)
    counts = spans.by_theme(
        queries.theme_spans(ids, bounds, now, fold=not sees_sensitive_themes(user, wijk)),
        spans.inside(bounds, *now),
    )
    biggest = sorted(counts.items(), key=lambda c: (-c[1], themes[c[0]].position, c[0]))
    return WijkGlance(
        wijk,
        spans.totals(rows, spans.inside(bounds, *now))[0],
        spans.totals(rows, spans.inside(bounds, *before))[0],
        [(themes[t], n) for t, n in biggest[:THEMES_SHOWN]],
    )


def wijk_period(day: date, tz: str) -> stats.Period:
    """Return the period a wijk's page shows by default: the last four weeks up to today."""
    return stats.period_for(stats.DEFAULT_PERIOD, stats.default_anchor(day), tz)


def start_of(user: User, tz: str) -> dict:
    """Gather what the coordinator's start shows: the review, their actions, their wijken."""
    team = user.team
    if team is None:  # has_start lets only a coordinator in a team here
        raise ValueError("the coordinator's start needs a team")
    day = today(tz)
    actions = my_actions(user, tz)
    people = lookups(team, {r.author_id for r in actions.rows} | {r.owner_id for r in actions.rows})
    period = wijk_period(day, tz)
    themes = themes_by_id()
    return {
        "review": review_glance(team, day, tz, people),
        "actions": actions,
        "people": people,
        "period": period,
        "wijken": [wijk_glance(user, w, period, tz, themes) for w in wijken_for(user)],
    }
