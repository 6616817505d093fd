"""The wijk picture's periods in words: which days a page shows, whether the period is
complete, and what it is compared with ("This month so far (1–3 Dec 2026), compared with the
same days of last month (1–3 Nov 2026)")."""

from __future__ import annotations

from datetime import date

from babel import dates
from flask_babel import gettext as _
from flask_babel import ngettext

from buurtlog.i18n import date_locale
from buurtlog.wijk import stats


def span(first: date, last: date) -> str:
    """Write a span of days short, in the user's language: "1–3 Dec 2026"."""
    if first == last:
        return dates.format_date(first, "d MMM yyyy", locale=date_locale())
    return dates.format_interval(first, last, "yMMMd", locale=date_locale())


def period_words(period: stats.Period, tz: str, today: date, compared: bool = True) -> str:
    """Say which days the period holds and, if `compared`, what it is compared with."""
    shown = span(period.first, period.last)
    if stats.is_future(period, today):
        return _("%(span)s has not begun yet.", span=shown)
    if not compared:
        if period.partial:
            return _("%(span)s, so far: up to and including today.", span=shown)
        return shown
    before = stats.previous_period(period, tz)
    values = {"span": shown, "before": span(before.first, before.last)}
    if period.partial:
        sentence = {
            "weeks4": _(
                "These four weeks so far (%(span)s), compared with as many days "
                "before them (%(before)s).",
                **values,
            ),
            "week": _(
                "This week so far (%(span)s), compared with the same days of the week "
                "before (%(before)s).",
                **values,
            ),
            "month": _(
                "This month so far (%(span)s), compared with the same days of the month "
                "before (%(before)s).",
                **values,
            ),
            "quarter": _(
                "This quarter so far (%(span)s), compared with the same days of the "
                "quarter before (%(before)s).",
                **values,
            ),
        }.get(period.kind)
        return sentence or _(
            "%(span)s, up to and including today, compared with as many days before (%(before)s).",
            **values,
        )
    if period.kind == "weeks4":
        if period.last == today:
            return _(
                "The last four weeks, up to and including today (%(span)s), compared "
                "with the four weeks before (%(before)s).",
                **values,
            )
        return _(
            "Four weeks (%(span)s), compared with the four weeks before (%(before)s).", **values
        )
    if period.kind == "week":
        return _(
            "Week %(week)d (%(span)s), compared with the week before (%(before)s).",
            week=period.first.isocalendar().week,
            **values,
        )
    if period.kind == "month":
        month = dates.format_date(period.first, "LLLL yyyy", locale=date_locale())
        return _(
            "%(month)s, a complete month, compared with the month before (%(before)s).",
            month=month,
            **values,
        )
    if period.kind == "quarter":
        return _(
            "A complete quarter (%(span)s), compared with the quarter before (%(before)s).",
            **values,
        )
    return ngettext(
        "%(span)s (%(num)d day), compared with as many days before (%(before)s).",
        "%(span)s (%(num)d days), compared with as many days before (%(before)s).",
        period.days,
        **values,
    )
