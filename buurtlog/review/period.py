"""Choosing the period a review covers: since the last meeting by default (with what nobody
decided on yet carried over), or the days chosen, and the period's arguments in links."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from buurtlog.entries.services import local_day_start, today
from buurtlog.extensions import db
from buurtlog.models import Review, Team
from buurtlog.review.forms import PeriodForm

DEFAULT_DAYS = 7
PERIOD_ARGS = ("start", "end", "wijk", "theme")
LONG_PERIOD = timedelta(days=15)  # beyond this, many signals' groups show only their counts


@dataclass
class Period:
    """The stretch of time a review page covers."""

    start: datetime
    end: datetime
    since_last: bool  # also show what was logged late, after the last review, about before
    previous: Review | None = None
    running: Review | None = None
    # Signals nobody decided on carry over from earlier periods, back to this moment (the
    # team's first meeting); None for a period chosen by its days.
    carry_from: datetime | None = None


def last_review(team: Team, finished: bool = True) -> Review | None:
    """Return the team's latest finished review (or the one still running)."""
    done = Review.period_end.is_not(None) if finished else Review.period_end.is_(None)
    return db.session.scalar(
        select(Review)
        .where(Review.team_id == team.id, done)
        .order_by(Review.period_start.desc(), Review.id.desc())
        .limit(1)
    )


def default_period(team: Team, tz: str) -> Period:
    """Cover everything since the last review, or the last week when there was none.

    The period ends after tomorrow, so it holds what was logged up to a day ahead (as the log
    form allows); whole days keep it the same all day.
    """
    previous, running = last_review(team), last_review(team, finished=False)
    day = today(tz)
    if running is not None:
        start = running.period_start
    elif previous is not None and previous.period_end is not None:  # a finished one has an end
        start = previous.period_end
    else:
        start = local_day_start(day - timedelta(days=DEFAULT_DAYS), tz)
    return Period(
        start,
        local_day_start(day + timedelta(days=2), tz),
        previous is not None or running is not None,
        previous,
        running,
        first_meeting_start(team) if previous is not None else None,
    )


def first_meeting_start(team: Team):
    """Return where the team's first meeting's period began: what nobody decided on since
    then carries over into every next review."""
    return db.session.scalar(select(func.min(Review.period_start)).where(Review.team_id == team.id))


def chosen_period(team: Team, first: date, last: date, tz: str) -> Period:
    """Cover the chosen days, the last one included."""
    return Period(
        local_day_start(first, tz),
        local_day_start(last + timedelta(days=1), tz),
        False,
        last_review(team),
        last_review(team, finished=False),
    )


def tz() -> str:
    """Return the time zone the team works in."""
    return current_app.config["BABEL_DEFAULT_TIMEZONE"]


def period_of(team, args):
    """Read the chosen period (and wijk or theme) from the arguments, or use the default."""
    form = PeriodForm(formdata=MultiDict({k: v for k, v in args.items() if v}))
    valid = form.validate()
    if valid and form.start.data and form.end.data:
        period = chosen_period(team, form.start.data, form.end.data, tz())
    else:
        period = default_period(team, tz())
    wijk = form.wijk.data if not form.wijk.errors else None
    theme = form.theme.data if not form.theme.errors else None
    return period, form, wijk, theme


def weeks_shown(period, day, tz_name: str) -> tuple[int, int]:
    """Return the ISO weeks of the period's first and last day (today at the latest)."""
    zone = ZoneInfo(tz_name)
    last = min(day, (period.end - timedelta(microseconds=1)).astimezone(zone).date())
    return period.start.astimezone(zone).isocalendar().week, last.isocalendar().week


def period_values(args) -> dict:
    """Return the period arguments worth keeping in links and forms."""
    return {k: args.get(k) for k in PERIOD_ARGS if args.get(k) not in (None, "")}
