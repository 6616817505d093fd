"""Reading the signals a review shows: the period they fall in, their status and themes, and
how many each group of a wijk and theme holds.

A review reads thousands of rows, so it reads plain columns as tuples rather than ORM objects.
The period's signals are read in one pass (`read_period`), with the grouping terms stored with
each when it was saved; the rows a page shows are read in full apart (`load_rows`). The names
they mention are in `people`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import islice

from sqlalchemy import (
    String,
    TypeDecorator,
    and_,
    any_,
    bindparam,
    cast,
    exists,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.dialects.postgresql import ARRAY

from buurtlog.extensions import db
from buurtlog.models import (
    SIGNAL_STATUSES,
    Entry,
    SignalStatus,
    StatusChange,
    Team,
    WijkTheme,
    entry_themes,
    has_sensitive_theme,
    wijk_theme_entries,
)
from buurtlog.review.people import Lookups
from buurtlog.review.period import Period

ATTENTION_KINDS = ("signal", "question", "idea")
OPEN_STATUSES = tuple(s for s in SIGNAL_STATUSES if s != "closed")


class IdText(TypeDecorator):
    """An entry's UUID as its usual text: parsing thousands of ids into UUID objects costs
    more than the query that reads them."""

    impl = String(36)
    cache_ok = True

    def process_result_value(self, value, dialect):
        """Write SQLite's 32 hexadecimal digits the way PostgreSQL writes a UUID."""
        if value is not None and len(value) == 32:
            return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
        return value


def id_text(column):
    """Read an id column as text."""
    return type_coerce(cast(column, String(36)), IdText())


def among(column, values):
    """Return `column IN values`; on PostgreSQL as one array parameter (`= ANY`).

    One parameter however many ids (a statement may hold at most 65,535), and the same
    statement text for every count, which psycopg then parses once rather than every time
    (it keeps only statements of up to 50 parameters).
    """
    values = list(values)
    if db.engine.dialect.name == "postgresql":
        return column == any_(bindparam(None, values, type_=ARRAY(column.type)))
    return column.in_(values)


ENTRIES, STATUSES = Entry.__table__.c, SignalStatus.__table__.c
SENSITIVE = has_sensitive_theme(ENTRIES.id).label("sensitive")  # asked of the themes
ROW_COLUMNS = (
    id_text(ENTRIES.id).label("id"),
    ENTRIES.team_id,
    ENTRIES.area_id,
    ENTRIES.occurred_at,
    ENTRIES.setting,
    ENTRIES.kind,
    ENTRIES.follow_up,
    ENTRIES.author_id,
    SENSITIVE,
    STATUSES.status,
    STATUSES.owner_id,
    STATUSES.due_on,
    STATUSES.version,
    STATUSES.decision,
)


@dataclass(slots=True)
class Row:
    """One signal on a review page, as plain values; its free text is read when shown."""

    id: str  # the columns of ROW_COLUMNS, in order
    team_id: int | None
    area_id: int
    occurred_at: datetime
    setting: str
    kind: str
    follow_up: str
    author_id: int | None
    sensitive: bool
    status: str  # "new" when nobody decided on it yet
    owner_id: int | None
    due_on: date | None
    version: int
    decision: str | None
    question: str | None = None
    note: str | None = None
    wijk_id: int | None = None
    theme_ids: list[int] = field(default_factory=list)
    wijk_theme_ids: list[int] = field(default_factory=list)
    overdue: bool = False
    owner_left: bool = False
    suggested_theme: WijkTheme | None = None

    def __post_init__(self):
        self.status = self.status or "new"
        self.version = self.version or 0

    @property
    def is_new(self) -> bool:
        """Tell whether the team has not discussed the signal yet."""
        return self.status == "new"

    @property
    def token(self) -> str:
        """Identify the signal and the version the page showed, for forms."""
        return f"{self.id}:{self.version}"


def period_filter(team: Team, period: Period):
    """Return the conditions for the team's signals that need attention in the period."""
    when = and_(ENTRIES.occurred_at >= period.start, ENTRIES.occurred_at < period.end)
    if period.since_last:  # also what was logged after the last review, about before it
        when = or_(
            when,
            and_(
                ENTRIES.created_at >= period.start,
                ENTRIES.created_at < period.end,
                ENTRIES.occurred_at < period.start,
            ),
        )
    if period.carry_from is not None:
        when = or_(
            when,
            and_(
                ENTRIES.occurred_at >= period.carry_from,
                ENTRIES.occurred_at < period.start,
                ~decided_before(period.start),
            ),
        )
    return and_(
        ENTRIES.team_id == team.id,
        when,
        or_(ENTRIES.kind.in_(ATTENTION_KINDS), ENTRIES.follow_up != "none"),
    )


def decided_before(moment: datetime):
    """Return the condition that someone decided on the signal by a moment (the end of the
    last meeting). A decision made later keeps a carried-over signal on the page it was
    decided on."""
    changes = StatusChange.__table__.c
    return exists().where(changes.entry_id == ENTRIES.id, changes.at <= moment)


def load_rows(
    where,
    team_id: int | None,
    order: bool = True,
    text: bool = False,
    links: list[tuple[str, int]] | None = None,
) -> list[Row]:
    """Read signals with their status, themes, the team's wijk themes they are in, and their
    free text when asked. `links` are the team's links (`team_links`) when already read."""
    texts = (ENTRIES.underlying_question, ENTRIES.note) if text else ()
    query = (
        select(*ROW_COLUMNS, *texts, entry_themes.c.theme_id)
        .select_from(
            Entry.__table__.outerjoin(
                SignalStatus.__table__, STATUSES.entry_id == ENTRIES.id
            ).outerjoin(entry_themes, entry_themes.c.entry_id == ENTRIES.id)
        )
        .where(where)
    )
    if order:
        query = query.order_by(ENTRIES.occurred_at.desc())
    rows: list[Row] = []
    by_id: dict[str, Row] = {}
    width = len(ROW_COLUMNS)
    for values in db.session.execute(query).all():  # one line per theme of a signal
        row = by_id.get(values[0])
        if row is None:
            row = by_id[values[0]] = Row(*values[:width])
            if text:
                row.question, row.note = values[width], values[width + 1]
            rows.append(row)
        if values[-1] is not None:
            row.theme_ids.append(values[-1])
    if rows and team_id is not None:
        for entry_id, wijk_theme_id in team_links(team_id) if links is None else links:
            if entry_id in by_id:
                by_id[entry_id].wijk_theme_ids.append(wijk_theme_id)
    return rows


@dataclass
class PeriodSignals:
    """The period's signals a viewer may see, as they stand apart from their status: where,
    which theme, who logged them, when."""

    groups: dict = field(default_factory=dict)  # (wijk, theme) → ids, the newest first
    authors: dict = field(default_factory=dict)  # (wijk, theme) → {author ids}
    keys: dict = field(default_factory=dict)  # id → the groups it is in
    occurred: dict = field(default_factory=dict)  # id → when, as the driver writes it
    # id → (author id, free text, stored grouping terms), for grouping
    told: dict = field(default_factory=dict)
    totals: Counter = field(default_factory=Counter)  # wijk → signals the viewer may see
    hidden: Counter = field(default_factory=Counter)  # wijk → sensitive signals not shown


@dataclass
class GroupCounts:
    """What the period's signals tell with their status now: counts per wijk and theme, which
    signals each group shows first."""

    sizes: dict = field(default_factory=dict)  # (wijk, theme) → [signals, {authors}, new]
    first: dict = field(default_factory=dict)  # (wijk, theme) → ids of the first signals
    signals: PeriodSignals = field(default_factory=PeriodSignals)  # totals, hidden, texts
    # id → (status, due on, owner, last change), as `current_statuses` finds them
    statuses: dict = field(default_factory=dict)


PLAIN = (1, False, False)  # a signal nobody decided on yet: not overdue, new, open


def past_due(due_on: date | None, status: str, day: date) -> bool:
    """Tell whether a signal is still open after the day it was due."""
    return due_on is not None and due_on < day and status != "closed"


def current_statuses(team: Team, period: Period):
    """Return the conditions for the team's statuses a review page needs.

    The open ones of any period (overdue, or their owner left), and the closed ones that
    changed since the period began or since the last meeting's period did (its decisions were
    made after that). Signals closed before then are in no group, list or follow-through of
    the page, so a team's years of closed signals are not read on every view.
    """
    since = period.start - timedelta(days=2)  # carried-over signals were decided since
    if period.previous is not None:
        since = min(since, period.previous.period_start)
    return and_(
        STATUSES.team_id == team.id,
        or_(
            STATUSES.status.in_(OPEN_STATUSES),
            and_(STATUSES.status == "closed", STATUSES.updated_at >= since),
        ),
    )


def read_period(team: Team, period: Period, viewer, people: Lookups) -> PeriodSignals:
    """Read every signal of the period the viewer may see once, lightly, newest first, with
    the free text and stored terms that grouping reads."""
    query = (
        select(
            id_text(ENTRIES.id),
            ENTRIES.area_id,
            ENTRIES.author_id,
            SENSITIVE,
            type_coerce(ENTRIES.occurred_at, String),
            entry_themes.c.theme_id,
            ENTRIES.underlying_question,
            ENTRIES.note,
            ENTRIES.grouping_terms,
        )
        .select_from(Entry.__table__.outerjoin(entry_themes, entry_themes.c.entry_id == ENTRIES.id))
        .where(period_filter(team, period))
        # Ties on the time in the same order in every view: the id, then the theme.
        .order_by(ENTRIES.occurred_at.desc(), ENTRIES.id, entry_themes.c.theme_id)
    )
    signals = PeriodSignals()
    groups, authors, keys = defaultdict(list), defaultdict(set), defaultdict(list)
    occurred: dict[str, datetime] = {}
    hidden_ids: set[str] = set()
    told = signals.told
    hide_others, viewer_id = not viewer.is_coordinator, viewer.id
    for (
        entry_id,
        area_id,
        author_id,
        sensitive,
        when,
        theme_id,
        question,
        note,
        terms,
    ) in db.session.execute(query).all():
        wijk = people.wijk(area_id)
        if sensitive and hide_others and author_id != viewer_id:
            if entry_id not in hidden_ids:
                signals.hidden[wijk] += 1
                hidden_ids.add(entry_id)  # counted once, however many themes
            continue
        if entry_id not in occurred:
            signals.totals[wijk] += 1
            occurred[entry_id] = when
            told[entry_id] = (author_id, " ".join(t for t in (question, note) if t), terms)
        key = (wijk, theme_id)
        groups[key].append(entry_id)
        authors[key].add(author_id)
        keys[entry_id].append(key)
    for ids in groups.values():
        ids.sort(key=occurred.__getitem__, reverse=True)
    signals.groups, signals.authors, signals.keys = dict(groups), dict(authors), dict(keys)
    signals.occurred = occurred
    return signals


def count_groups(
    team: Team,
    period: Period,
    viewer,
    day: date,
    people: Lookups,
    limit: int | None,
    wijk: int | None = None,
    theme: int | None = None,
) -> GroupCounts:
    """Count the period's signals per wijk and theme with their status now, and pick the
    first `limit` of each group: overdue signals first, then those not yet discussed, closed
    ones last, the newest first within each.

    Only the team's statuses are read on every view (`current_statuses`: the page also lists
    the open ones of any period, and what became of the last meeting's decisions); the
    signals themselves come from `read_period`.
    """
    signals = read_period(team, period, viewer, people)
    flagged: dict[tuple, list] = defaultdict(list)  # group → signals with a status of note
    decided: dict[tuple, int] = defaultdict(int)  # group → signals no longer new
    statuses = {}
    for entry_id, status, due_on, owner_id, changed in db.session.execute(
        select(
            id_text(STATUSES.entry_id),
            STATUSES.status,
            STATUSES.due_on,
            STATUSES.owner_id,
            STATUSES.updated_at,
        )
        .where(current_statuses(team, period))
        .order_by(STATUSES.entry_id)
    ).all():
        statuses[entry_id] = (status, due_on, owner_id, changed)
        keys = signals.keys.get(entry_id)
        if keys is None:
            continue
        flags = (0 if past_due(due_on, status, day) else 1, status != "new", status == "closed")
        for key in keys:
            decided[key] += flags[1]
            if flags != PLAIN:
                flagged[key].append((flags, signals.occurred[entry_id], entry_id))
    result = GroupCounts(signals=signals, statuses=statuses)
    for key, ids in signals.groups.items():
        result.sizes[key] = [len(ids), signals.authors[key], len(ids) - decided[key]]
        if (wijk is None or wijk == key[0]) and (theme is None or key[1] == (theme or None)):
            result.first[key] = _first(ids, flagged.get(key, []), signals.occurred, limit)
    return result


def _first(ids: list[str], flagged: list[tuple], occurred: dict, limit: int | None) -> list[str]:
    """Return a group's first `limit` signals (all without a limit), in the order shown.

    Signals without a status of note keep their order, the newest first, so only the first
    `limit` of them can make it; they are sorted together with the flagged ones.
    """
    special = {line[2] for line in flagged}
    plain = (i for i in ids if i not in special)
    lines = [
        *flagged,
        *((PLAIN, occurred[i], i) for i in (islice(plain, limit) if limit else plain)),
    ]
    # The newest first within equal flags: sort descending on the date, ascending on flags;
    # signals of the same time by their id, as `read_period` reads them.
    lines.sort(key=lambda line: line[2])
    lines.sort(key=lambda line: line[1], reverse=True)
    lines.sort(key=lambda line: line[0])
    return [line[2] for line in (lines[:limit] if limit else lines)]


def team_links(team_id: int) -> list[tuple[str, int]]:
    """Return which signals are in which of the team's wijk themes."""
    themes = WijkTheme.__table__.c
    query = (
        select(id_text(wijk_theme_entries.c.entry_id), wijk_theme_entries.c.wijk_theme_id)
        .join(WijkTheme.__table__, themes.id == wijk_theme_entries.c.wijk_theme_id)
        .where(themes.team_id == team_id)
    )
    return [(entry_id, theme_id) for entry_id, theme_id in db.session.execute(query)]
