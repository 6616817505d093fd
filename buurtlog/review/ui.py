"""What every signal row on a page needs, looked up once per page rather than once per row."""

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from flask import url_for
from flask_babel import format_date
from flask_babel import gettext as _

from buurtlog.labels import LABELS
from buurtlog.review.signals import Lookups

NO_ID = uuid.UUID(int=0)


def day_formatter(tz: str):
    """Return a function that names a moment's local day, formatting each day only once."""
    zone, cache = ZoneInfo(tz), {}

    def day(moment: datetime) -> str:
        local = moment.astimezone(zone).date()
        if local not in cache:
            cache[local] = format_date(local, "EEE d MMM")
        return cache[local]
    return day


@dataclass
class RowContext:
    """The people, words and links that signal rows show."""

    people: Lookups
    day: object
    runs: bool = False
    selected: set = field(default_factory=set)
    conflict: set = field(default_factory=set)
    labels: dict = field(default_factory=dict)
    words: dict = field(default_factory=dict)
    signal_base: str = ""


def row_context(people: Lookups, tz: str, runs: bool = False, selected=(), conflict=()
                ) -> RowContext:
    """Look up the labels, words and links signal rows show, once."""
    return RowContext(
        people=people, day=day_formatter(tz), runs=runs, selected=set(selected),
        conflict=set(conflict),
        labels={group: {k: str(v) for k, v in LABELS[group].items()}
                for group in ("setting", "kind", "follow_up", "signal_status")},
        words={"new": _("New"), "sensitive": _("Sensitive"), "owner": _("Owner"),
               "owner_left": _("Owner left the team: reassign"), "due": _("Due"),
               "overdue": _("overdue"), "changed": _("Changed meanwhile"), "open": _("Open"),
               "add_to": _("Add to")},
        # Every row links to its signal page; build the link once and add the id per row.
        signal_base=url_for("review.signal", entry_id=NO_ID).removesuffix(str(NO_ID)))
