"""The meeting record: opening and closing a meeting, its decisions, the printable summary,
and each worker's own actions.

The decisions are written from the status changes made during the meeting. What may leave the
team (the printed summary) names no one and hides counts below `SMALL_COUNT`.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from flask_babel import force_locale, format_date, get_locale
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from buurtlog import disclosure
from buurtlog.entries.services import can_view, today
from buurtlog.extensions import db
from buurtlog.labels import label
from buurtlog.models import (
    Entry,
    Review,
    StatusChange,
    Team,
    Theme,
    User,
    WijkTheme,
    WijkThemeNote,
    entry_themes,
    utcnow,
)
from buurtlog.privacy import find_personal_data
from buurtlog.review.people import Lookups, lookups
from buurtlog.review.period import Period, default_period
from buurtlog.review.signals import (
    ENTRIES,
    STATUSES,
    Row,
    among,
    id_text,
    load_rows,
    past_due,
    period_filter,
)

SMALL_COUNT = disclosure.SMALL
FOLLOW_LIMIT = 25
FOLLOWED = ("wijk", "theme", "status", "owner_id", "decision", "due_on")  # a group's key


def start(team: Team, actor: User, held_on: date, attendees: list[User], tz: str) -> Review:
    """Open a meeting covering what the page showed: everything since the last one, or the
    last week."""
    review = Review(
        team_id=team.id,
        held_on=held_on,
        created_by_id=actor.id,
        attendees=attendees,
        period_start=default_period(team, tz).start,
    )
    db.session.add(review)
    db.session.commit()
    return review


def save(
    review: Review, held_on: date, attendees: list[User], decisions: str | None, finish: bool
) -> None:
    """Keep the record; closing the meeting ends its period now.

    Only what the team wrote in its own words is stored as text. What the status changes
    decided stays in those changes, as codes, and `decision_lines` writes it for each reader
    in the reader's language.
    """
    review.held_on = held_on
    review.attendees = attendees
    review.decisions = (decisions or "").strip() or None
    if finish and review.is_open:
        review.period_end = utcnow()
    db.session.commit()


def meeting_data(review: Review) -> dict:
    """Return what the meeting's form shows first: its day, who came, its own decisions."""
    return {
        "held_on": review.held_on,
        "attendees": [u.id for u in review.attendees],
        "decisions": "\n".join(own_decisions(review)) or None,
    }


def meeting_page(review: Review) -> dict:
    """Return what a meeting's page shows besides its form: the decisions on signals, its own
    decisions, the changes made during it and the wijk themes' notes."""
    return {
        "decided": decision_lines(review),
        "own": own_decisions(review),
        "changes": changes(review),
        "notes": theme_notes(review),
    }


def changes(review: Review) -> list[StatusChange]:
    """Return the status changes made during the meeting, in order."""
    return list(
        db.session.scalars(
            select(StatusChange)
            .where(StatusChange.review_id == review.id)
            .options(
                selectinload(StatusChange.entry).selectinload(Entry.themes),
                selectinload(StatusChange.entry).selectinload(Entry.area),
                selectinload(StatusChange.owner),
            )
            .order_by(StatusChange.at, StatusChange.id)
        )
    )


def theme_notes(review: Review) -> list[WijkThemeNote]:
    """Return what happened to wijk themes during the meeting."""
    return list(
        db.session.scalars(
            select(WijkThemeNote)
            .where(WijkThemeNote.review_id == review.id)
            .options(selectinload(WijkThemeNote.wijk_theme).selectinload(WijkTheme.area))
            .order_by(WijkThemeNote.at, WijkThemeNote.id)
        )
    )


def theme_name(sensitive: bool, themes: list[Theme]) -> str:
    """Name a signal's theme, the first in the taxonomy; a sensitive one only as "sensitive"."""
    if sensitive:
        return _("sensitive signals")
    if not themes:
        return _("no theme")
    return min(themes, key=lambda t: (t.position, t.id)).name(str(get_locale()))


def own_decisions(review: Review) -> list[str]:
    """Return the lines the team wrote itself in the record's text.

    Meetings closed before the decisions were written for each reader stored the lines
    `decision_lines` makes, as text in the closer's language; those are left out here, since
    the record shows them from the status changes anyway (else every old meeting, the demo's
    too, would list its decisions twice).
    """
    lines = [line.strip() for line in (review.decisions or "").splitlines() if line.strip()]
    if not lines:
        return []
    generated = set()
    for locale in ("nl", "en"):
        with force_locale(locale):
            generated.update(decision_lines(review))
    return [line for line in lines if line not in generated]


def decision_lines(review: Review) -> list[str]:
    """Write one line per decision of the meeting: per wijk, theme, status and decision note.

    Counts below five are left out and sensitive signals are named only as such, so the
    lines may be shared.
    """
    final = {change.entry_id: change for change in changes(review)}  # the last one counts
    groups: dict[tuple, int] = Counter()
    for change in final.values():
        entry = change.entry
        wijk = entry.area.wijk or entry.area
        note = None if entry.sensitive else change.decision
        groups[
            (
                wijk.name,
                theme_name(entry.sensitive, entry.themes),
                change.to_status,
                note,
                change.due_on,
            )
        ] += 1
    lines = []
    for (wijk, theme, status, note, due_on), count in sorted(
        groups.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2])
    ):
        line = f"{wijk} · {theme}"
        if count >= SMALL_COUNT:
            line += " " + _("(%(num)d signals)", num=count)
        line += f" — {label('signal_status', status)}"
        if due_on:
            line += ", " + _("due %(date)s", date=format_date(due_on, "d MMM"))
        if note:
            line += f": {note}"
        lines.append(line)
    for logged in theme_notes(review):
        theme = logged.wijk_theme
        if logged.event == "created":
            lines.append(
                _(
                    "New wijk theme: %(name)s (%(wijk)s) — %(status)s",
                    name=theme.name,
                    wijk=theme.area.name,
                    status=label("wijk_theme_status", logged.value or ""),
                )
            )
        elif logged.event == "status":
            lines.append(
                _(
                    "Wijk theme %(name)s: now %(status)s",
                    name=theme.name,
                    status=label("wijk_theme_status", logged.value or ""),
                )
            )
    return lines


def redact(text: str | None) -> str:
    """Replace anything that looks like personal data with an ellipsis."""
    text = text or ""
    for finding in sorted(find_personal_data(text), key=lambda f: f.start, reverse=True):
        text = text[: finding.start] + "[…]" + text[finding.end :]
    return text


def shown_count(count: int) -> str:
    """Show a count as it may leave the team (buurtlog/disclosure.py): small counts hidden,
    the rest rounded to 5."""
    return (
        disclosure.shown(count)
        if count >= SMALL_COUNT
        else _("fewer than %(num)d", num=SMALL_COUNT)
    )


@dataclass
class Summary:
    """The one-page summary of a meeting that may leave the team."""

    review: Review
    attendees: int
    total: str
    counts: list[tuple[str, list[tuple[str, str]], list[str]]]  # wijk, themes, small themes
    decisions: list[str]
    wijk_themes: list[tuple[str, str, str, str]]


def summary(review: Review) -> Summary:
    """Sum up the meeting without personal data: counts per wijk and theme, the decisions."""
    team = db.session.get_one(Team, review.team_id)
    period = Period(review.period_start, review.period_end or utcnow(), False, None, None)
    where = period_filter(team, period)
    people = lookups(team, set())
    locale = str(get_locale())
    per_wijk: dict[str, Counter] = defaultdict(Counter)
    # Each signal with its sensitivity first: grouping by the subquery that asks the themes
    # is not allowed (PostgreSQL), grouping by its answer is.
    signals = (
        select(Entry.id, Entry.area_id, Entry.sensitive.label("sensitive")).where(where).subquery()
    )
    query = (
        select(signals.c.area_id, signals.c.sensitive, entry_themes.c.theme_id, func.count())
        .outerjoin(entry_themes, entry_themes.c.entry_id == signals.c.id)
        .group_by(signals.c.area_id, signals.c.sensitive, entry_themes.c.theme_id)
    )
    for area_id, sensitive, theme_id, count in db.session.execute(query):
        wijk = people.area_name(people.wijk(area_id))
        theme = people.themes.get(theme_id)
        name = (
            _("Sensitive themes") if sensitive else theme.name(locale) if theme else _("No theme")
        )
        per_wijk[wijk][name] += count
    total = db.session.scalar(select(func.count()).select_from(Entry).where(where)) or 0
    counts = [
        (
            wijk,
            [
                (name, disclosure.shown(n))
                for name, n in sorted(themes.items(), key=lambda kv: (-kv[1], kv[0]))
                if n >= SMALL_COUNT
            ],
            sorted(name for name, n in themes.items() if n < SMALL_COUNT),
        )
        for wijk, themes in sorted(per_wijk.items())
    ]
    themes = [
        (t.name, t.area.name, label("wijk_theme_status", t.status), shown_count(len(t.entries)))
        for t in db.session.scalars(
            select(WijkTheme)
            .where(WijkTheme.team_id == team.id, WijkTheme.status != "closed")
            .options(selectinload(WijkTheme.entries), selectinload(WijkTheme.area))
            .order_by(WijkTheme.name, WijkTheme.id)
        )
    ]
    decisions = [redact(line) for line in [*decision_lines(review), *own_decisions(review)]]
    return Summary(
        review,
        len(review.attendees),
        shown_count(total),
        counts,
        decisions,
        [(redact(n), w, s, c) for n, w, s, c in themes],
    )


def my_actions(user: User, tz: str) -> tuple[list[Row], list[WijkTheme]]:
    """Return the open signals and wijk themes the user owns, what is due first."""
    owned = select(STATUSES.entry_id).where(
        STATUSES.owner_id == user.id, STATUSES.status != "closed"
    )
    rows = load_rows(ENTRIES.id.in_(owned), user.team_id, order=False, text=True)
    day = today(tz)
    for row in rows:
        row.overdue = past_due(row.due_on, row.status, day)
    rows.sort(key=lambda r: (r.due_on is None, r.due_on or day, r.occurred_at, r.id))
    themes = list(
        db.session.scalars(
            select(WijkTheme)
            .where(WijkTheme.owner_id == user.id, WijkTheme.status != "closed")
            .options(selectinload(WijkTheme.area))
            .order_by(WijkTheme.name, WijkTheme.id)
        )
    )
    return rows, themes


def follow_through(
    review: Review | None, user: User, people: Lookups, statuses: dict, limit: int = FOLLOW_LIMIT
) -> list[dict]:
    """Show the last meeting's decisions, grouped, and what happened to those signals since.

    `statuses` are the team's statuses now, by signal (`GroupCounts.statuses`): where each stands,
    and whether it changed after the meeting.
    """
    if review is None:
        return []
    changes_ = StatusChange.__table__.c
    final = {  # the last change in the meeting counts
        change.entry_id: change
        for change in db.session.execute(
            select(
                id_text(changes_.entry_id).label("entry_id"),
                changes_.to_status,
                changes_.owner_id,
                changes_.decision,
                changes_.due_on,
            )
            .where(changes_.review_id == review.id)
            .order_by(changes_.id)
        ).all()
    }
    rows = load_rows(among(ENTRIES.id, map(uuid.UUID, final)), None, order=False) if final else []
    groups: dict[tuple, dict] = {}
    for row in sorted(rows, key=lambda r: r.id):  # equal counts of "now" in a fixed order too
        if not can_view(user, row):
            continue
        change = final[row.id]
        themes = [people.themes[t] for t in row.theme_ids if t in people.themes]
        key = (
            people.area_name(people.wijk(row.area_id)),
            theme_name(row.sensitive, themes),
            change.to_status,
            change.owner_id,
            change.decision,
            change.due_on,
        )
        group = groups.setdefault(
            key, {**dict(zip(FOLLOWED, key, strict=True)), "count": 0, "now": Counter(), "moved": 0}
        )
        status, _due_on, _owner_id, changed = statuses.get(row.id, (None, None, None, None))
        group["count"] += 1
        group["now"][status or "new"] += 1
        group["moved"] += changed is not None and changed > review.period_end
    ordered = sorted(groups.values(), key=lambda g: (-g["count"], *_sortable(g)))
    return ordered[:limit]


def _sortable(group: dict) -> tuple:
    """Return a followed group's whole key so that it sorts, an empty part first: equal
    counts of the same wijk and theme come in the same order on every view."""
    return tuple((False,) if group[k] is None else (True, group[k]) for k in FOLLOWED)
