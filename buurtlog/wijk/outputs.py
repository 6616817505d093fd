"""What leaves the team from the wijk picture: the spreadsheet exports, the quarterly report,
the public page and its switches. Every count is released as `outside.figures` and
`disclosure.shown` allow; every export and report is audited, never with its text.
"""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import to_user_timezone
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from buurtlog import disclosure, spreadsheet
from buurtlog.areas import figures
from buurtlog.audit.services import record_event
from buurtlog.extensions import db
from buurtlog.models import KINDS, Area, Entry, Theme, User, WijkSettings, WijkTheme
from buurtlog.models.review import OUTCOMES, SIGNAL_STATUSES
from buurtlog.wijk import maps, outside, queries, stats
from buurtlog.wijk.services import sketches, themes_by_id, visible_entries


def public_enabled(wijk: Area) -> bool:
    """Tell whether some team covering the wijk switched its public page on."""
    return bool(
        db.session.scalar(
            select(WijkSettings.public_enabled)
            .where(WijkSettings.area_id == wijk.id, WijkSettings.public_enabled)
            .limit(1)
        )
    )


def public_initiatives_on(wijk: Area) -> bool:
    """Tell whether some team covering the wijk switched its public list of initiatives on."""
    return bool(
        db.session.scalar(
            select(WijkSettings.public_initiatives)
            .where(WijkSettings.area_id == wijk.id, WijkSettings.public_initiatives)
            .limit(1)
        )
    )


def set_public(user: User, wijk: Area, enabled: bool) -> None:
    """Switch the wijk's public page on or off for the user's team, and audit it."""
    settings = db.session.get(WijkSettings, (wijk.id, user.team_id))
    if settings is None:
        settings = WijkSettings(area=wijk, team=user.team)
        db.session.add(settings)
    settings.public_enabled = enabled
    settings.updated_by = user
    record_event("wijk.public_switched", wijk, actor=user, enabled=enabled)
    db.session.commit()


EXPORT_FIELDS = (
    "id",
    "occurred_at",
    "area",
    "place",
    "setting",
    "contact_type",
    "people",
    "first_contact",
    "initiated_by",
    "kind",
    "themes",
    "follow_up",
    "sensitive",
)
TEXT_FIELDS = ("underlying_question", "note")


def export_entries(
    user: User, wijk: Area, period: stats.Period, with_text: bool, fmt: str = "csv"
) -> bytes:
    """Write the entries of the wijk the user may read as a spreadsheet, coded fields only,
    each at its local time (the teams' zone).

    Free text only for coordinators who ask for it, never of sensitive entries; the export is
    audited with its filters and count (never its text).
    """
    with_text = with_text and user.is_coordinator
    ids = queries.area_ids(wijk)
    query = visible_entries(
        user,
        select(Entry).where(
            Entry.area_id.in_(ids),
            Entry.occurred_at >= period.start,
            Entry.occurred_at < period.end,
        ),
    ).order_by(Entry.occurred_at, Entry.id)
    rows: list[list[spreadsheet.Cell]] = []
    for entry in db.session.scalars(
        query.options(
            selectinload(Entry.themes), selectinload(Entry.area), selectinload(Entry.place)
        )
    ):
        row: list[spreadsheet.Cell] = [
            str(entry.id),
            to_user_timezone(entry.occurred_at).replace(tzinfo=None),
            entry.area.code,
            entry.place_id,
            entry.setting,
            entry.contact_type,
            entry.people,
            int(entry.first_contact),
            entry.initiated_by,
            entry.kind,
            " ".join(t.slug for t in entry.themes),
            entry.follow_up,
            int(entry.sensitive),
        ]
        if with_text:
            row += [None, None] if entry.sensitive else [entry.underlying_question, entry.note]
        rows.append(row)
    record_event(
        "export.entries",
        wijk,
        actor=user,
        rows=len(rows),
        text=with_text,
        start=period.first.isoformat(),
        end=period.last.isoformat(),
        format="entries",
        file=fmt,
    )
    db.session.commit()
    return spreadsheet.render(
        fmt,
        EXPORT_FIELDS + (TEXT_FIELDS if with_text else ()),
        rows,
        title=f"{wijk.code} {period.first}",
    )


COUNT_FIELDS = ("wijk", "start", "end", "theme", "kind", "entries", "hidden")


def _count_cells(text: str) -> tuple[int | None, str | None]:
    """Split a released count into a number cell and a flag: "15" → 15; "<5" → empty, "<5"."""
    return (int(text), None) if text.isdigit() else (None, text)


def export_counts(user: User, wijk: Area, period: stats.Period, fmt: str = "csv") -> bytes:
    """Write the wijk's counts per theme and kind as a spreadsheet for outside the team, as
    released by outside.figures: rounded, small counts hidden, sensitive themes folded into
    one line. A hidden count is an empty number cell with its mark ("<5" or "x") beside it,
    so the number column sums and sorts."""
    themes = themes_by_id()
    shown = outside.figures(queries.area_ids(wijk), period, themes)
    rows: list[tuple[spreadsheet.Cell, ...]] = []
    for theme, key, name in outside.theme_rows(shown, themes, with_sensitive=True):
        slug = theme.slug
        rows.append((wijk.code, period.first, period.last, slug, "all", *_count_cells(name)))
        rows.extend(
            (
                wijk.code,
                period.first,
                period.last,
                slug,
                kind,
                *_count_cells(shown["cell", key, kind]),
            )
            for kind in KINDS
        )
    record_event(
        "export.entries",
        wijk,
        actor=user,
        rows=len(rows),
        text=False,
        start=period.first.isoformat(),
        end=period.last.isoformat(),
        format="counts",
        file=fmt,
    )
    db.session.commit()
    return spreadsheet.render(fmt, COUNT_FIELDS, rows, title=f"{wijk.code} {period.first}")


def report(user: User, wijk: Area, period: stats.Period, tz: str) -> dict:
    """Gather the period report for the municipality and funders, every count as released
    for outside the team (outside.figures, disclosure.shown), beside the period before.

    Sensitive themes appear as one line, so a rare sensitive theme cannot be told apart. Wijk
    themes appear by name only when a coordinator marked them public. Like every export,
    opening it (to print or to save as PDF) is audited with its period.
    """
    record_event(
        "export.report",
        wijk,
        actor=user,
        start=period.first.isoformat(),
        end=period.last.isoformat(),
        format="report",
    )
    db.session.commit()
    ids = queries.area_ids(wijk)
    themes = themes_by_id()
    previous = stats.previous_period(period, tz)
    shown, before = (outside.figures(ids, p, themes) for p in (period, previous))
    hours = queries.presence_hours(ids, period.start, period.end)
    theme_rows = outside.theme_rows(shown, themes)
    strengths = [
        (theme, shown["strengths", key])
        for theme, key, _ in theme_rows
        if shown["strengths", key] != "0"
    ]
    reach_keys = ("contacts", "people", "first_contacts", "resident_started")
    walk_in, walk_in_before = (
        queries.wijk_walk_in(ids, p.start, p.end) for p in (period, previous)
    )
    sketch = next(iter(sketches(user, wijk)), None)
    return {
        "previous": previous,
        "teams": queries.team_names(wijk),
        "hours": sum(hours.values()),
        "places": shown["places"],
        "hours_before": sum(queries.presence_hours(ids, previous.start, previous.end).values()),
        "places_before": before["places"],
        "reach": [shown[k] for k in reach_keys],
        "reach_before": [before[k] for k in reach_keys],
        "known": _share_known(shown["contacts"], shown["first_contacts"]),
        "known_before": _share_known(before["contacts"], before["first_contacts"]),
        "kinds": {kind: shown["kind", kind] for kind in KINDS},
        "kinds_before": {kind: before["kind", kind] for kind in KINDS},
        "themes": [(theme, text, before["theme", key]) for theme, key, text in theme_rows],
        "sensitive": shown["theme", outside.SENSITIVE],
        "sensitive_before": before["theme", outside.SENSITIVE],
        "strengths": outside.by_shown(strengths),
        "outcomes": {
            status: shown["outcome", status]
            for status in SIGNAL_STATUSES
            if shown["outcome", status] != "0"
        },
        "walk_in": [disclosure.shown(walk_in[k]) for k in ("sessions", "visitors")],
        "walk_in_before": [disclosure.shown(walk_in_before[k]) for k in ("sessions", "visitors")],
        "referrals": disclosure.shown(queries.referrals(ids, period.start, period.end)),
        "referrals_before": disclosure.shown(queries.referrals(ids, previous.start, previous.end)),
        "initiatives": queries.active_initiatives(ids),
        "wijk_themes": public_wijk_themes(wijk, period),
        "sketch": sketch,
        "census": figures.summary(wijk),
        "map": maps.people_map(wijk, _("Inhabitants per buurt (CBS)")),
    }


def _share_known(contacts: str, first: str) -> str | None:
    """Return the share of contacts with someone the team had met before (*gekend worden*),
    worked out from the released counts only, as a whole percentage; None when one of them
    is hidden or there were no contacts."""
    if not (contacts.isdigit() and first.isdigit()) or int(contacts) == 0:
        return None
    return f"{round(100 * max(int(contacts) - int(first), 0) / int(contacts))}%"


def public_page(wijk: Area, period: stats.Period) -> dict:
    """Gather the public page: non-sensitive themes and counts, and what the team did with the
    signals (the outcomes residents recognise, never internal statuses such as "new"), as
    released for outside the team (outside.figures); and the wijk themes a coordinator chose to
    show by name. No other free text: no notes, no questions."""
    themes = themes_by_id()
    shown = outside.figures(queries.area_ids(wijk), period, themes)
    return {
        "themes": [(theme, text) for theme, _, text in outside.theme_rows(shown, themes)],
        "outcomes": {
            status: shown["public_outcome", status]
            for status in OUTCOMES
            if shown["public_outcome", status] != "0"
        },
        "kinds": {kind: shown["kind", kind] for kind in KINDS},
        "taken_up": public_wijk_themes(wijk, period),
    }


def public_wijk_themes(wijk: Area, period: stats.Period) -> list[WijkTheme]:
    """Return the wijk themes shown by name on the public page: marked public, not under a
    theme that is sensitive now, and not closed before the period began; open ones first."""
    rows = db.session.scalars(
        select(WijkTheme)
        .outerjoin(Theme, WijkTheme.theme_id == Theme.id)
        .where(
            WijkTheme.area_id.in_(queries.area_ids(wijk)),
            WijkTheme.public,
            or_(Theme.id.is_(None), ~Theme.sensitive),
            or_(WijkTheme.status != "closed", WijkTheme.updated_at >= period.start),
        )
        .order_by(WijkTheme.status == "closed", WijkTheme.name, WijkTheme.id)
    )
    return list(rows)
