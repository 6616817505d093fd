"""The wijk picture: who may see which wijk, the page's numbers, the wijkschets, the public
switch, and the outputs that leave the team (CSV, quarterly report, public page).
"""

from __future__ import annotations

import csv
import io

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import selectinload

from buurtlog.audit.services import record_event
from buurtlog.entries.services import can_view
from buurtlog.extensions import db
from buurtlog.labels import LABELS
from buurtlog.models import (
    Area,
    Entry,
    Place,
    Theme,
    User,
    WijkSettings,
    WijkSketch,
    WijkTheme,
    entry_themes,
)
from buurtlog.walkin.services import wijk_walk_in
from buurtlog.wijk import queries, spans, stats

SIDE_BY_SIDE = ("signal", "strength", "idea")
EMERGING_ENTRIES = 20


def wijken_for(user: User) -> list[Area]:
    """Return the wijken whose page the user may open: the team's, or all for an admin."""
    if user.is_admin:
        return list(db.session.scalars(
            select(Area).where(Area.level == "wijk", Area.active).order_by(Area.name)))
    if user.team is None:
        return []
    return [a for a in user.team.areas if a.level == "wijk"]


def can_see_wijk(user: User, wijk: Area) -> bool:
    """Tell whether the user may open the wijk's page."""
    return user.is_admin or (user.team is not None and wijk in user.team.areas)


def can_switch_public(user: User, wijk: Area) -> bool:
    """Tell whether the user may switch the wijk's public page: a coordinator of its team."""
    return (user.role == "coordinator" and user.team is not None
            and wijk in user.team.areas)


def find_wijk(code: str) -> Area | None:
    """Return the active wijk with this code."""
    return db.session.scalar(select(Area).where(Area.code == code, Area.level == "wijk",
                                                Area.active))


def municipality_wijken(user: User) -> list[Area]:
    """Return every wijk in the municipalities of the user's wijken (all wijken for an admin)."""
    query = select(Area).where(Area.level == "wijk", Area.active).order_by(Area.name)
    if not user.is_admin:
        parents = {a.parent_id for a in wijken_for(user)}
        if not parents:
            return []
        query = query.where(Area.parent_id.in_(parents))
    return list(db.session.scalars(query))


def themes_by_id() -> dict[int, Theme]:
    """Return every theme by id."""
    return {t.id: t for t in db.session.scalars(select(Theme).order_by(Theme.position))}


def visible_entries(user: User, query):
    """Limit an entry query to what the user may read (the rule of entries.can_view, in SQL)."""
    own = Entry.author_id == user.id
    if user.team_id is None:
        return query.where(own)
    team = Entry.team_id == user.team_id
    if user.is_coordinator:
        return query.where(or_(own, team))
    return query.where(or_(own, and_(team, Entry.sensitive.is_(False))))


def picture(user: User, wijk: Area, period: stats.Period, tz: str) -> dict:
    """Gather every number of the wijk page for the period, beside the previous one.

    Two passes over the wijk's entries count everything per span of time (themes over the
    baseline window, the rest over the previous period and the twelve weeks); the windows are
    added up from the spans in Python.
    """
    ids = queries.area_ids(wijk)
    previous = stats.previous_period(period, tz)
    themes = themes_by_id()
    mondays, weeks = stats.week_bounds(period.last, tz)
    labels = [f"{d.isocalendar().year}-W{d.isocalendar().week:02d}" for d in mondays]
    now, before = (period.start, period.end), (previous.start, previous.end)
    periods = stats.baseline_periods(period)
    baseline = stats.baseline_bounds(period, tz, periods)
    week_windows = list(zip(weeks, weeks[1:], strict=False))

    bounds = spans.cut(now, before, baseline, *week_windows)
    counts = queries.theme_spans(ids, bounds, now)
    current = spans.by_theme(counts, spans.inside(bounds, *now))
    earlier = spans.by_theme(counts, spans.inside(bounds, *before))
    weekly = spans.weekly(counts, bounds, weeks)
    ranked = []
    for t, n in current.items():
        series = weekly.get(t, [0] * len(mondays))
        ranked.append((themes[t], n, stats.change(n, earlier.get(t, 0)), series,
                       list(zip(labels, series, strict=True))))
    ranked.sort(key=lambda row: (-row[1], row[0].position))
    usual = spans.by_theme(counts, spans.inside(bounds, *baseline))
    by_kind = spans.by_theme_and_kind(counts, spans.inside(bounds, *now))

    entry_bounds = spans.cut(now, before, *week_windows)
    rows = queries.entry_spans(ids, entry_bounds)
    this, last = spans.inside(entry_bounds, *now), spans.inside(entry_bounds, *before)
    reach = spans.reach(rows, this, queries.reach_split(ids, *now))
    known = spans.known(rows, entry_bounds, weeks)
    return {
        "ids": ids, "previous": previous, "themes": themes, "weeks": mondays,
        "ranked": ranked, "baseline_periods": periods,
        "emerging": emerging(user, ids, period, themes, current, usual, periods),
        "side_by_side": side_by_side(by_kind, themes),
        "kinds": spans.kinds(rows, this), "kinds_before": spans.kinds(rows, last),
        "reach": reach, "reach_rows": reach_rows(reach),
        "reach_before": spans.reach(rows, last),
        "known": [stats.share(s, c) for c, s in known],
        "known_rows": [(w, c, s) for w, (c, s) in zip(labels, known, strict=True)],
        "presence": presence(ids, period),
        # Walk-in visitors (anonymous check-ins) add to reach and themes: walkin/services.py.
        "walk_in": wijk_walk_in(ids, period.start, period.end),
        "wijk_themes": wijk_themes(user, wijk),
        "sketches": sketches(user, wijk),
    }


def reach_rows(reach: dict) -> dict[str, list[tuple]]:
    """Return the reach split as table rows: (label, contacts, people, first contacts).

    Labels stay lazy, so they are translated when the page is rendered."""
    return {group: [(LABELS[group].get(value, value), *numbers[:3])
                    for value, numbers in sorted(reach[group].items())]
            for group in ("contact_type", "setting")}


def emerging(user: User, ids: list[int], period: stats.Period, themes: dict[int, Theme],
             current: dict[int, int], baseline: dict[int, int], periods: int) -> list[dict]:
    """Return the themes rising clearly above their own baseline, with the entries behind them."""
    found = []
    for theme_id, count in current.items():
        verdict = stats.emerging_test(count, baseline.get(theme_id, 0), periods)
        if verdict.emerging:
            found.append({"theme": themes[theme_id], "test": verdict,
                          "entries": entries_behind(user, ids, theme_id, period)})
    return sorted(found, key=lambda f: f["test"].p_value)


def entries_behind(user: User, ids: list[int], theme_id: int, period: stats.Period) -> list:
    """Return the theme's entries in the period that the user may read, newest first."""
    query = (select(Entry).join(entry_themes, entry_themes.c.entry_id == Entry.id)
             .where(entry_themes.c.theme_id == theme_id, Entry.area_id.in_(ids),
                    Entry.occurred_at >= period.start, Entry.occurred_at < period.end))
    query = visible_entries(user, query).order_by(Entry.occurred_at.desc())
    entries = db.session.scalars(query.limit(EMERGING_ENTRIES).options(
        selectinload(Entry.place))).all()
    return [e for e in entries if can_view(user, e)]


def side_by_side(counts: dict[tuple[int, str], int], themes: dict[int, Theme]) -> dict:
    """Return, per kind (signal, strength, idea), its themes with counts, largest first."""
    columns: dict[str, list] = {kind: [] for kind in SIDE_BY_SIDE}
    for (theme_id, kind), count in counts.items():
        if kind in columns:
            columns[kind].append((themes[theme_id], count))
    for rows in columns.values():
        rows.sort(key=lambda row: (-row[1], row[0].position))
    return columns


def presence(ids: list[int], period: stats.Period) -> list[dict]:
    """Return per place: hours present, contacts, contacts per hour and what they yielded."""
    hours = queries.presence_hours(ids, period.start, period.end)
    kinds = queries.place_kind_counts(ids, period.start, period.end)
    place_ids = set(hours) | {p for p, _ in kinds}
    places = {p.id: p for p in db.session.scalars(select(Place).where(Place.id.in_(place_ids)))}
    rows = []
    for place_id in place_ids:
        by_kind = {k: n for (p, k), n in kinds.items() if p == place_id}
        contacts = sum(by_kind.values())
        h = hours.get(place_id, 0.0)
        rows.append({"place": places[place_id], "hours": h, "contacts": contacts,
                     "per_hour": contacts / h if h else None, "kinds": by_kind})
    return sorted(rows, key=lambda r: (-r["hours"], -r["contacts"], r["place"].name))


def wijk_themes(user: User, wijk: Area) -> list[WijkTheme]:
    """Return the wijk themes of the wijk from the weekly review (the user's team's)."""
    query = select(WijkTheme).where(WijkTheme.area_id == wijk.id)
    if not user.is_admin:
        query = query.where(WijkTheme.team_id == user.team_id)
    return list(db.session.scalars(query.order_by(WijkTheme.status, WijkTheme.name)))


def sketches(user: User, wijk: Area) -> list[WijkSketch]:
    """Return the versions of the team's wijkschets, newest first (every team's for an admin)."""
    query = select(WijkSketch).where(WijkSketch.area_id == wijk.id)
    if not user.is_admin:
        query = query.where(WijkSketch.team_id == user.team_id)
    return list(db.session.scalars(query.order_by(WijkSketch.created_at.desc(),
                                                  WijkSketch.id.desc())))


def add_sketch(user: User, wijk: Area, text: str) -> WijkSketch:
    """Save a new version of the team's wijkschets."""
    sketch = WijkSketch(area=wijk, team=user.team, text=text.strip(), author=user)
    db.session.add(sketch)
    db.session.commit()
    return sketch


def public_enabled(wijk: Area) -> bool:
    """Tell whether some team covering the wijk switched its public page on."""
    return bool(db.session.scalar(select(WijkSettings.public_enabled).where(
        WijkSettings.area_id == wijk.id, WijkSettings.public_enabled).limit(1)))


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


EXPORT_FIELDS = ("id", "occurred_at", "area", "place", "setting", "contact_type", "people",
                 "first_contact", "initiated_by", "kind", "themes", "follow_up", "sensitive")
TEXT_FIELDS = ("underlying_question", "note")


def export_entries(user: User, wijk: Area, period: stats.Period, with_text: bool) -> str:
    """Write the entries of the wijk the user may read as CSV, coded fields only.

    Free text only for coordinators who ask for it, never of sensitive entries; the export is
    audited with its filters and count (never its text).
    """
    with_text = with_text and user.is_coordinator
    ids = queries.area_ids(wijk)
    query = visible_entries(user, select(Entry).where(
        Entry.area_id.in_(ids), Entry.occurred_at >= period.start,
        Entry.occurred_at < period.end)).order_by(Entry.occurred_at)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_FIELDS + (TEXT_FIELDS if with_text else ()))
    count = 0
    for entry in db.session.scalars(query.options(
            selectinload(Entry.themes), selectinload(Entry.area), selectinload(Entry.place))):
        row = [entry.id, entry.occurred_at.isoformat(), entry.area.code,
               entry.place_id or "", entry.setting, entry.contact_type, entry.people,
               int(entry.first_contact), entry.initiated_by, entry.kind,
               " ".join(t.slug for t in entry.themes), entry.follow_up, int(entry.sensitive)]
        if with_text:
            row += ["", ""] if entry.sensitive else [entry.underlying_question or "",
                                                     entry.note or ""]
        writer.writerow(row)
        count += 1
    record_event("export.entries", wijk, actor=user, rows=count, text=with_text,
                 start=period.first.isoformat(), end=period.last.isoformat(), format="entries")
    db.session.commit()
    return out.getvalue()


def export_counts(user: User, wijk: Area, period: stats.Period) -> str:
    """Write the wijk's counts per theme and kind as CSV for outside the team: small counts
    hidden, sensitive themes folded into one line."""
    ids = queries.area_ids(wijk)
    themes = themes_by_id()
    counts = queries.kind_theme_counts(ids, period.start, period.end,
                                       ("signal", "strength", "idea", "question", "contact"))
    rows: dict[tuple[str, str], int] = {}
    for (kind, theme_id), n in counts.items():
        theme = themes[theme_id]
        key = ("sensitive" if theme.sensitive else theme.slug, kind)
        rows[key] = rows.get(key, 0) + n
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(("wijk", "start", "end", "theme", "kind", "entries"))
    for (slug, kind), n in sorted(rows.items()):
        writer.writerow((wijk.code, period.first, period.last, slug, kind, stats.suppress(n)))
    record_event("export.entries", wijk, actor=user, rows=len(rows), text=False,
                 start=period.first.isoformat(), end=period.last.isoformat(), format="counts")
    db.session.commit()
    return out.getvalue()


def report(wijk: Area, period: stats.Period) -> dict:
    """Gather the quarterly report for the municipality and funders; every count suppressed.

    Sensitive themes appear as one line, so a rare sensitive theme cannot be told apart.
    """
    ids = queries.area_ids(wijk)
    themes = themes_by_id()
    window = (period.start, period.end)
    by_theme = queries.theme_spans(ids, list(window), window)
    counts = spans.by_theme(by_theme, {0})
    open_themes = [(themes[t], n) for t, n in counts.items() if not themes[t].sensitive]
    open_themes.sort(key=lambda row: (-row[1], row[0].position))
    sensitive = sum(n for t, n in counts.items() if themes[t].sensitive)
    hours = queries.presence_hours(ids, period.start, period.end)
    strength_rows: dict[int, int] = {}
    for (theme_id, kind), n in spans.by_theme_and_kind(by_theme, {0}).items():
        if kind in ("strength", "idea") and not themes[theme_id].sensitive:
            strength_rows[theme_id] = strength_rows.get(theme_id, 0) + n
    rows = queries.entry_spans(ids, list(window))
    return {
        "hours": sum(hours.values()), "places": len(hours),
        "reach": spans.reach(rows, {0}, queries.reach_split(ids, *window)),
        "kinds": spans.kinds(rows, {0}),
        "themes": open_themes, "sensitive": sensitive,
        "strengths": sorted(((themes[t], n) for t, n in strength_rows.items()),
                            key=lambda row: (-row[1], row[0].position)),
        "outcomes": queries.signal_outcomes(ids, period.start, period.end),
    }


def public_page(wijk: Area, period: stats.Period) -> dict:
    """Gather the public page: non-sensitive themes and counts (small ones hidden), and what the
    team did with the signals. No free text: no notes, no wijk theme names."""
    ids = queries.area_ids(wijk)
    themes = themes_by_id()
    counts = queries.theme_counts(ids, period.start, period.end)
    shown = sorted(((themes[t], n) for t, n in counts.items() if not themes[t].sensitive),
                   key=lambda row: (-row[1], row[0].position))
    statuses: dict[str, int] = {}
    for wt in db.session.scalars(select(WijkTheme).where(WijkTheme.area_id == wijk.id)):
        if wt.theme is None or not wt.theme.sensitive:
            statuses[wt.status] = statuses.get(wt.status, 0) + 1
    return {"themes": shown,
            "outcomes": queries.signal_outcomes(ids, period.start, period.end, sensitive=False),
            "kinds": queries.kind_counts(ids, period.start, period.end),
            "wijk_theme_statuses": statuses}
