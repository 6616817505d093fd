"""The wijk picture: who may see which wijk, the page's numbers, the wijkschets, the public
switch, and the outputs that leave the team (CSV, quarterly report, public page).
"""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import to_user_timezone
from sqlalchemy import and_, or_, select
from sqlalchemy.orm import selectinload

from buurtlog import disclosure, spreadsheet
from buurtlog.areas import figures
from buurtlog.audit.services import record_event
from buurtlog.entries.services import can_view
from buurtlog.extensions import db
from buurtlog.labels import LABELS
from buurtlog.models import (
    KINDS,
    Area,
    Entry,
    Place,
    Theme,
    User,
    WijkSettings,
    WijkSketch,
    WijkTheme,
    entry_themes,
    utcnow,
)
from buurtlog.models.review import OUTCOMES, SIGNAL_STATUSES
from buurtlog.walkin.services import wijk_walk_in
from buurtlog.wijk import maps, outside, queries, spans, stats

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


class SensitiveThemes:
    """Every sensitive theme as one, in counts for those who may not read the entries behind
    them: they see that there are n sensitive entries, not which theme (queries.SENSITIVE)."""

    id = queries.SENSITIVE
    slug = "sensitive"
    sensitive = True
    position, name_nl = 1 << 31, "Gevoelig"  # last in every list of themes

    @staticmethod
    def name(locale: str | None) -> str:
        """Return "Sensitive" in the interface's language."""
        return _("Sensitive")


def themes_by_id() -> dict[int, Theme | SensitiveThemes]:
    """Return every theme by id, and the folded sensitive themes by queries.SENSITIVE."""
    themes: dict[int, Theme | SensitiveThemes] = {
        t.id: t for t in db.session.scalars(select(Theme).order_by(Theme.position))}
    themes[queries.SENSITIVE] = SensitiveThemes()
    return themes


def sees_sensitive_themes(user: User, wijk: Area) -> bool:
    """Tell whether the user may see the wijk's sensitive themes by name in its counts: a
    coordinator of a team covering it, who reads its sensitive entries. Everyone else sees
    them folded into one "Sensitive" line (queries.SENSITIVE)."""
    return user.is_coordinator and user.team is not None and wijk in user.team.areas


def visible_entries(user: User, query):
    """Limit an entry query to what the user may read (the rule of entries.can_view, in SQL)."""
    own = Entry.author_id == user.id
    if user.team_id is None:
        return query.where(own)
    team = Entry.team_id == user.team_id
    if user.is_coordinator:
        return query.where(or_(own, team))
    return query.where(or_(own, and_(team, ~Entry.sensitive)))


def picture(user: User, wijk: Area, period: stats.Period, tz: str) -> dict:
    """Gather every number of the wijk page for the period, beside the previous one.

    Two passes over the wijk's entries count everything per span of time (themes over the
    baseline window, the rest over the previous period and the twelve weeks); the windows are
    added up from the spans in Python. The twelve weeks stop at today's week, marked as not
    complete yet.
    """
    ids = queries.area_ids(wijk)
    previous = stats.previous_period(period, tz)
    themes = themes_by_id()
    fold = not sees_sensitive_themes(user, wijk)
    today = utcnow().astimezone(ZoneInfo(tz)).date()
    mondays, weeks = stats.week_bounds(min(period.last, today), tz)
    labels: list = [f"{d.isocalendar().year}-W{d.isocalendar().week:02d}" for d in mondays]
    this_week = mondays[-1] <= today < mondays[-1] + timedelta(weeks=1)
    if this_week:
        labels[-1] = _l("%(week)s (so far)", week=labels[-1])
    now, before = (period.start, period.end), (previous.start, previous.end)
    periods = stats.baseline_periods(period)
    cuts = stats.baseline_cuts(period, tz, periods)
    week_windows = list(zip(weeks, weeks[1:], strict=False))

    bounds = spans.cut(now, before, *zip(cuts, cuts[1:], strict=False), *week_windows)
    counts = queries.theme_spans(ids, bounds, now, fold=fold)
    current = spans.by_theme(counts, spans.inside(bounds, *now))
    earlier = spans.by_theme(counts, spans.inside(bounds, *before))
    weekly = spans.weekly(counts, bounds, weeks)
    census = figures.summary(wijk)
    inhabitants = census["figures"].inhabitants if census else None
    ranked = []
    for t, n in current.items():
        series = weekly.get(t, [0] * len(mondays))
        ranked.append((themes[t], n, stats.change(n, earlier.get(t, 0)), series,
                       list(zip(labels, series, strict=True)),
                       figures.per_thousand(n, inhabitants)))
    ranked.sort(key=lambda row: (-row[1], row[0].position))
    history = spans.weekly(counts, bounds, cuts)
    with_data = [i for i in range(periods) if any(s[i] for s in history.values())]
    by_kind = spans.by_theme_and_kind(counts, spans.inside(bounds, *now))

    entry_bounds = spans.cut(now, before, *week_windows)
    rows = queries.entry_spans(ids, entry_bounds)
    this, last = spans.inside(entry_bounds, *now), spans.inside(entry_bounds, *before)
    reach = spans.reach(rows, this, queries.reach_split(ids, *now))
    known = spans.known(rows, entry_bounds, weeks)
    days = stats.baseline_days(period, periods)
    return {
        "ids": ids, "previous": previous, "themes": themes, "weeks": mondays,
        "this_week": this_week, "ranked": ranked, "baseline_periods": periods,
        "history": len(with_data), "min_history": stats.MIN_HISTORY,
        "baseline_days": [days[i] for i in with_data],
        "emerging": emerging(user, ids, period, themes, current, history, with_data, days),
        "side_by_side": side_by_side(by_kind, themes),
        "kinds": spans.kinds(rows, this), "kinds_before": spans.kinds(rows, last),
        "reach": reach, "reach_rows": reach_rows(reach),
        "reach_before": spans.reach(rows, last),
        "known": [stats.share(s, c) for c, s in known],
        "known_rows": [(w, c, s) for w, (c, s) in zip(labels, known, strict=True)],
        "presence": presence(ids, period),
        "signals": queries.open_signals(ids, *now, None if user.is_admin else user.team_id),
        # Walk-in visitors (anonymous check-ins) add to reach and themes: walkin/services.py.
        "walk_in": walk_in(ids, period, themes, fold),
        "wijk_themes": wijk_themes(user, wijk),
        "sketches": sketches(user, wijk),
        "census": census,
        "contacts_per_thousand": figures.per_thousand(reach["totals"][0], inhabitants),
    }


def walk_in(ids: list[int], period: stats.Period, themes: dict, fold: bool) -> dict:
    """Count the walk-in visitors; folded, those about a sensitive theme on one line."""
    found = wijk_walk_in(ids, period.start, period.end)
    if fold:
        by_theme: dict[int, int] = {}
        for theme_id, n in found["themes"].items():
            key = queries.SENSITIVE if themes[theme_id].sensitive else theme_id
            by_theme[key] = by_theme.get(key, 0) + n
        found["themes"] = by_theme
    return found


def reach_rows(reach: dict) -> dict[str, list[tuple]]:
    """Return the reach split as table rows: (label, contacts, people, first contacts).

    Labels stay lazy, so they are translated when the page is rendered."""
    return {group: [(LABELS[group].get(value, value), *numbers[:3])
                    for value, numbers in sorted(reach[group].items())]
            for group in ("contact_type", "setting")}


def emerging(user: User, ids: list[int], period: stats.Period,
             themes: dict[int, Theme | SensitiveThemes],
             current: dict[int, int], history: dict[int, list[int]],
             with_data: list[int], days: list[tuple]) -> list[dict]:
    """Return the themes rising clearly above their own baseline, with the entries behind them.

    The baseline is the earlier spans of the period's length in which anything was logged
    (empty spans, before the team began, would make every theme look new), and only once
    there are stats.MIN_HISTORY of them: before that nothing is called emerging. Each theme
    also says what it usually is (the middle half of its counts in those spans).
    """
    if len(with_data) < stats.MIN_HISTORY:
        return []
    found = []
    for theme_id, count in current.items():
        counts = [history.get(theme_id, [0] * len(days))[i] for i in with_data]
        verdict = stats.emerging_test(count, sum(counts), len(with_data))
        if verdict.emerging:
            found.append({"theme": themes[theme_id], "test": verdict,
                          "usual": stats.usual_range(counts),
                          "rows": [(days[i], n) for i, n in zip(with_data, counts, strict=True)],
                          "entries": entries_behind(user, ids, theme_id, period)})
    return sorted(found, key=lambda f: f["test"].p_value)


def entries_behind(user: User, ids: list[int], theme_id: int, period: stats.Period) -> list:
    """Return the theme's entries in the period that the user may read, newest first (of the
    folded sensitive themes: the sensitive entries)."""
    query = select(Entry).where(Entry.area_id.in_(ids), Entry.occurred_at >= period.start,
                                Entry.occurred_at < period.end)
    if theme_id == queries.SENSITIVE:
        query = query.where(Entry.sensitive)
    else:
        query = query.join(entry_themes, entry_themes.c.entry_id == Entry.id).where(
            entry_themes.c.theme_id == theme_id)
    query = visible_entries(user, query).order_by(Entry.occurred_at.desc())
    entries = db.session.scalars(query.limit(EMERGING_ENTRIES).options(
        selectinload(Entry.place), selectinload(Entry.themes))).all()
    return [e for e in entries if can_view(user, e)]


def side_by_side(counts: dict[tuple[int, str], int],
                 themes: dict[int, Theme | SensitiveThemes]) -> dict:
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


def export_entries(user: User, wijk: Area, period: stats.Period, with_text: bool,
                   fmt: str = "csv") -> bytes:
    """Write the entries of the wijk the user may read as a spreadsheet, coded fields only,
    each at its local time (the teams' zone).

    Free text only for coordinators who ask for it, never of sensitive entries; the export is
    audited with its filters and count (never its text).
    """
    with_text = with_text and user.is_coordinator
    ids = queries.area_ids(wijk)
    query = visible_entries(user, select(Entry).where(
        Entry.area_id.in_(ids), Entry.occurred_at >= period.start,
        Entry.occurred_at < period.end)).order_by(Entry.occurred_at)
    rows: list[list[spreadsheet.Cell]] = []
    for entry in db.session.scalars(query.options(
            selectinload(Entry.themes), selectinload(Entry.area), selectinload(Entry.place))):
        row: list[spreadsheet.Cell] = [
            str(entry.id), to_user_timezone(entry.occurred_at).replace(tzinfo=None),
            entry.area.code, entry.place_id, entry.setting, entry.contact_type, entry.people,
            int(entry.first_contact), entry.initiated_by, entry.kind,
            " ".join(t.slug for t in entry.themes), entry.follow_up, int(entry.sensitive)]
        if with_text:
            row += [None, None] if entry.sensitive else [entry.underlying_question,
                                                         entry.note]
        rows.append(row)
    record_event("export.entries", wijk, actor=user, rows=len(rows), text=with_text,
                 start=period.first.isoformat(), end=period.last.isoformat(), format="entries",
                 file=fmt)
    db.session.commit()
    return spreadsheet.render(fmt, EXPORT_FIELDS + (TEXT_FIELDS if with_text else ()), rows,
                              title=f"{wijk.code} {period.first}")


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
        rows.extend((wijk.code, period.first, period.last, slug, kind,
                     *_count_cells(shown["cell", key, kind])) for kind in KINDS)
    record_event("export.entries", wijk, actor=user, rows=len(rows), text=False,
                 start=period.first.isoformat(), end=period.last.isoformat(), format="counts",
                 file=fmt)
    db.session.commit()
    return spreadsheet.render(fmt, COUNT_FIELDS, rows, title=f"{wijk.code} {period.first}")


def report(user: User, wijk: Area, period: stats.Period, tz: str) -> dict:
    """Gather the period report for the municipality and funders, every count as released
    for outside the team (outside.figures, disclosure.shown), beside the period before.

    Sensitive themes appear as one line, so a rare sensitive theme cannot be told apart. Wijk
    themes appear by name only when a coordinator marked them public. Like every export,
    opening it (to print or to save as PDF) is audited with its period.
    """
    record_event("export.report", wijk, actor=user, start=period.first.isoformat(),
                 end=period.last.isoformat(), format="report")
    db.session.commit()
    ids = queries.area_ids(wijk)
    themes = themes_by_id()
    previous = stats.previous_period(period, tz)
    shown, before = (outside.figures(ids, p, themes) for p in (period, previous))
    hours = queries.presence_hours(ids, period.start, period.end)
    theme_rows = outside.theme_rows(shown, themes)
    strengths = [(theme, shown["strengths", key]) for theme, key, _ in theme_rows
                 if shown["strengths", key] != "0"]
    reach_keys = ("contacts", "people", "first_contacts", "resident_started")
    walk_in, walk_in_before = (wijk_walk_in(ids, p.start, p.end) for p in (period, previous))
    sketch = next(iter(sketches(user, wijk)), None)
    return {
        "previous": previous, "teams": queries.team_names(wijk),
        "hours": sum(hours.values()), "places": shown["places"],
        "hours_before": sum(queries.presence_hours(ids, previous.start, previous.end).values()),
        "places_before": before["places"],
        "reach": [shown[k] for k in reach_keys], "reach_before": [before[k] for k in reach_keys],
        "known": _share_known(shown["contacts"], shown["first_contacts"]),
        "known_before": _share_known(before["contacts"], before["first_contacts"]),
        "kinds": {kind: shown["kind", kind] for kind in KINDS},
        "kinds_before": {kind: before["kind", kind] for kind in KINDS},
        "themes": [(theme, text, before["theme", key]) for theme, key, text in theme_rows],
        "sensitive": shown["theme", outside.SENSITIVE],
        "sensitive_before": before["theme", outside.SENSITIVE],
        "strengths": outside.by_shown(strengths),
        "outcomes": {status: shown["outcome", status] for status in SIGNAL_STATUSES
                     if shown["outcome", status] != "0"},
        "walk_in": [disclosure.shown(walk_in[k]) for k in ("sessions", "visitors")],
        "walk_in_before": [disclosure.shown(walk_in_before[k]) for k in ("sessions", "visitors")],
        "referrals": disclosure.shown(queries.referrals(ids, period.start, period.end)),
        "referrals_before": disclosure.shown(queries.referrals(ids, previous.start,
                                                               previous.end)),
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
    return {"themes": [(theme, text) for theme, _, text in outside.theme_rows(shown, themes)],
            "outcomes": {status: shown["public_outcome", status] for status in OUTCOMES
                         if shown["public_outcome", status] != "0"},
            "kinds": {kind: shown["kind", kind] for kind in KINDS},
            "taken_up": public_wijk_themes(wijk, period)}


def public_wijk_themes(wijk: Area, period: stats.Period) -> list[WijkTheme]:
    """Return the wijk themes shown by name on the public page: marked public, not under a
    theme that is sensitive now, and not closed before the period began; open ones first."""
    rows = db.session.scalars(
        select(WijkTheme).outerjoin(Theme, WijkTheme.theme_id == Theme.id)
        .where(WijkTheme.area_id.in_(queries.area_ids(wijk)), WijkTheme.public,
               or_(Theme.id.is_(None), ~Theme.sensitive),
               or_(WijkTheme.status != "closed", WijkTheme.updated_at >= period.start))
        .order_by(WijkTheme.status == "closed", WijkTheme.name, WijkTheme.id))
    return list(rows)


def map_themes(user: User, wijk: Area) -> list[Theme]:
    """Return the themes the user may pick for the wijk's map: the sensitive ones only for
    those who see them by name (sees_sensitive_themes)."""
    named = sees_sensitive_themes(user, wijk)
    return [t for t in db.session.scalars(select(Theme).where(Theme.active)
                                          .order_by(Theme.position))
            if named or not t.sensitive]


def wijk_map(wijk: Area, period: stats.Period, form, locale: str) -> dict | None:
    """Return the wijk's map for the period as the map form asks (all themes or one; counts
    or per 1,000 inhabitants), exact as on the team's own page; None without boundaries."""
    valid = form.validate()
    allowed = {choice.value for choice in form.map_theme.choices}
    theme_id = form.map_theme.data if valid and form.map_theme.data in allowed else 0
    per_1000 = valid and form.map_per.data == "1000"
    if not valid:
        form.map_theme.data, form.map_per.data = 0, "count"
    theme = db.session.get(Theme, theme_id) if theme_id else None
    if theme is None:
        title = (_("Entries per buurt, per 1,000 inhabitants") if per_1000
                 else _("Entries per buurt"))
    else:
        title = (_("Entries about %(theme)s per buurt, per 1,000 inhabitants",
                   theme=theme.name(locale)) if per_1000
                 else _("Entries about %(theme)s per buurt", theme=theme.name(locale)))
    return maps.wijk_map(wijk, period, title, theme.id if theme else None, per_1000)
