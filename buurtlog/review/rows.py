"""What every signal row on a page needs, looked up once per page rather than once per row."""

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import url_for
from flask_babel import format_date
from flask_babel import gettext as _

from buurtlog.labels import LABELS
from buurtlog.review.people import Lookups

NO_ID = uuid.UUID(int=0)


def date_formatter(pattern: str, tz: str | None = None) -> Callable:
    """Return a function that writes a date in `pattern` ("EEE d MMM": "do 3 dec"), or with `tz`
    a moment's local day, formatting each day only once."""
    zone, cache = ZoneInfo(tz) if tz else None, {}

    def write(value: date | datetime) -> str:
        day = value.astimezone(zone).date() if isinstance(value, datetime) else value
        if day not in cache:
            cache[day] = format_date(day, pattern)
        return cache[day]

    return write


class RowView:
    """What one signal row prints, looked up in Python rather than in the template."""

    __slots__ = ("classes", "iso", "day", "head", "status", "kind", "follow_up", "owner", "due")

    def __init__(self, row, context: "RowContext"):
        labels, users = context.labels, context.people.users
        classes = f"signal kind-{row.kind}"
        if row.is_new:
            classes += " is-new"
        if row.overdue:
            classes += " is-overdue"
        if row.id in context.conflict:
            classes += " is-conflict"
        self.classes = classes
        self.iso = row.occurred_at.isoformat(timespec="seconds")
        self.day = context.day(row.occurred_at)
        author = users.get(row.author_id)
        self.head = " · ".join(
            (
                labels["setting"][row.setting],
                context.people.area_name(row.area_id),
                author.name if author else "",
            )
        )
        self.status = labels["signal_status"].get(row.status)
        self.kind = labels["kind"][row.kind] if row.kind != "signal" else None
        self.follow_up = labels["follow_up"][row.follow_up] if row.follow_up != "none" else None
        owner = users.get(row.owner_id) if row.owner_id else None
        self.owner = owner.name if owner else None
        self.due = context.short_date(row.due_on) if row.due_on else None


@dataclass
class RowContext:
    """The people, words and links that signal rows show."""

    people: Lookups
    day: Callable[[datetime], str]
    runs: bool = False
    selected: set = field(default_factory=set)
    conflict: set = field(default_factory=set)
    labels: dict = field(default_factory=dict)
    words: dict = field(default_factory=dict)
    signal_base: str = ""
    short_date: Callable[[date], str] = field(default_factory=lambda: date_formatter("d MMM"))

    def view(self, row) -> RowView:
        """Return what a signal row prints, with its names, labels and dates."""
        return RowView(row, self)


def row_context(
    people: Lookups, tz: str, runs: bool = False, selected=(), conflict=()
) -> RowContext:
    """Look up the labels, words and links signal rows show, once."""
    return RowContext(
        people=people,
        day=date_formatter("EEE d MMM", tz),
        runs=runs,
        selected=set(selected),
        conflict=set(conflict),
        labels={
            group: {k: str(v) for k, v in LABELS[group].items()}
            for group in ("setting", "kind", "follow_up", "signal_status")
        },
        words={
            "new": _("New"),
            "sensitive": _("Sensitive"),
            "owner": _("Owner"),
            "owner_left": _("Owner left the team: reassign"),
            "due": _("Due"),
            "overdue": _("overdue"),
            "changed": _("Changed meanwhile"),
            "open": _("Open"),
            "add_to": _("Add to"),
        },
        # Every row links to its signal page; build the link once and add the id per row.
        signal_base=url_for("review.signal", entry_id=NO_ID).removesuffix(str(NO_ID)),
    )
