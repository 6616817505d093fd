"""Opening times as HSDS writes them: a time of day with its offset from UTC.

buurtlog keeps a weekly slot in the municipality's local time ("Tuesday 13:00"); HSDS wants
"13:00+01:00" and reads a time without an offset as UTC. The Netherlands changes its offset
twice a year, so one slot goes out as one schedule row per season: this season's (valid from
the last change until the day before the next, at this season's offset) and the next one's.
Both read back as the same local time. On the way in, a time with an offset is read as that
moment on the row's first valid day (or today) and turned into local time; a time without
an offset takes the row's `timezone` (hours from UTC) or, without one, is read as local time,
as buurtlog's own files before this change wrote it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

TIME = re.compile(
    r"([01][0-9]|2[0-3]):([0-5][0-9])(?::([0-5][0-9])(?:\.[0-9]+)?)?"
    r"(Z|[+-](?:[01][0-9]|2[0-3]):?[0-5][0-9])?"
)
YEAR_OF_DAYS = 400  # a season is at most ~7 months: two changes fall within this many days


@dataclass(frozen=True)
class Season:
    """A stretch of days with one offset from UTC: valid_from up to and including valid_to."""

    valid_from: date
    valid_to: date
    offset: timedelta

    @property
    def hours(self) -> int | float:
        """The offset in hours, as HSDS's `timezone` column holds it (1, not 1.0)."""
        hours = self.offset.total_seconds() / 3600
        return int(hours) if hours.is_integer() else hours


def _offset(day: date, zone: ZoneInfo) -> timedelta:
    """Return the zone's offset from UTC at noon of day."""
    offset = datetime.combine(day, time(12), tzinfo=zone).utcoffset()
    assert offset is not None  # a ZoneInfo always knows its offset
    return offset


def _changes(first: date, last: date, zone: ZoneInfo) -> list[date]:
    """Return the days from first + 1 to last whose offset differs from the day before."""
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    offsets = [_offset(day, zone) for day in days]
    return [
        day
        for day, before, offset in zip(days[1:], offsets, offsets[1:], strict=False)
        if offset != before
    ]


def seasons(today: date, zone: ZoneInfo) -> list[Season]:
    """Return this season and the next one in zone (one season for a zone without changes)."""
    span = timedelta(days=YEAR_OF_DAYS)
    back = _changes(today - span, today, zone)
    ahead = _changes(today, today + span, zone)
    if not ahead:
        return [Season(today, today + span, _offset(today, zone))]
    start = back[-1] if back else today
    end = ahead[1] - timedelta(days=1) if len(ahead) > 1 else ahead[0] + span
    return [
        Season(start, ahead[0] - timedelta(days=1), _offset(today, zone)),
        Season(ahead[0], end, _offset(ahead[0], zone)),
    ]


def with_offset(moment: time, offset: timedelta) -> str:
    """Write a local time with its offset: "13:00+01:00"."""
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"{moment:%H:%M}{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def to_local(
    value: str, on: date, zone: ZoneInfo, hours: float | None = None
) -> tuple[time, int] | None:
    """Read an HSDS time as the local time in zone on the day on; None if it is no time.

    Returns the local time and how many days it moved ("23:30Z" on a Monday is Tuesday 00:30
    in Amsterdam: 1). The offset written in the value wins; else hours (the row's `timezone`);
    else the value is read as local time already.
    """
    m = TIME.fullmatch(value.strip())
    if m is None:
        return None
    hour, minute, second, zone_part = m.groups()
    moment = time(int(hour), int(minute), int(second or 0))
    if zone_part == "Z":
        given = timedelta(0)
    elif zone_part:
        digits = zone_part[1:].replace(":", "")
        given = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        given = -given if zone_part[0] == "-" else given
    elif hours is not None:
        given = timedelta(hours=hours)
    else:
        return moment.replace(second=0), 0
    here = datetime.combine(on, moment, tzinfo=timezone(given)).astimezone(zone)
    return here.time().replace(second=0, tzinfo=None), (here.date() - on).days
