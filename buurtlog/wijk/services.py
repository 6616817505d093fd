"""The wijk picture: who may see which wijk, the page's numbers, the wijkschets and the map.
What leaves the team (exports, the quarterly report, the public page) is in `outputs`.
"""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, or_, select
from sqlalchemy.orm import selectinload

from buurtlog.areas import figures
from buurtlog.entries.services import can_view
from buurtlog.extensions import db
from buurtlog.labels import LABELS
from buurtlog.models import (
    Area,
    Entry,
    Place,
    Theme,
    User,
    WijkSketch,
    WijkTheme,
    entry_themes,
    utcnow,
)
from buurtlog.wijk import maps, queries, spans, stats

SIDE_BY_SIDE = ("signal", "strength", "idea")
EMERGING_ENTRIES = 20


def wijken_for(user: User) -> list[Area]:
    """Return the wijken whose page the user may open: the team's, or all for an admin."""
    if user.is_admin:
        return list(
            db.session.scalars(
                select(Area).where(Area.level == "wijk", Area.active).order_by(Area.name, Area.id)
            )
        )
    if user.team is None:
        return []
    return [a for a in user.team.areas if a.level == "wijk"]


def can_see_wijk(user: User, wijk: Area) -> bool:
    """Tell whether the user may open the wijk's page."""
    return user.is_admin or (user.team is not None and wijk in user.team.areas)


def can_switch_public(user: User, wijk: Area) -> bool:
    """Tell whether the user may switch the wijk's public page: a coordinator of its team."""
    return user.role == "coordinator" and user.team is not None and wijk in user.team.areas


def find_wijk(code: str) -> Area | None:
    """Return the active wijk with this code."""
    return db.session.scalar(
        select(Area).where(Area.code == code, Area.level == "wijk", Area.active)
    )


def municipality_wijken(user: User) -> list[Area]:
    """Return every wijk in the municipalities of the user's wijken (all wijken for an admin)."""
    query = select(Area).where(Area.level == "wijk", Area.active).order_by(Area.name, Area.id)
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
        t.id: t for t in db.session.scalars(select(Theme).order_by(Theme.position, Theme.id))
    }
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
        ranked.append(
            (
                themes[t],
                n,
                stats.change(n, earlier.get(t, 0)),
                series,
                list(zip(labels, series, strict=True)),
                figures.per_thousand(n, inhabitants),
            )
        )
    ranked.sort(key=lambda row: (-row[1], row[0].position, row[0].id))
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
        "ids": ids,
        "previous": previous,
        "themes": themes,
        "weeks": mondays,
        "this_week": this_week,
        "ranked": ranked,
        "baseline_periods": periods,
        "history": len(with_data),
        "min_history": stats.MIN_HISTORY,
        "baseline_days": [days[i] for i in with_data],
        "emerging": emerging(user, ids, period, themes, current, history, with_data, days),
        "side_by_side": side_by_side(by_kind, themes),
        "kinds": spans.kinds(rows, this),
        "kinds_before": spans.kinds(rows, last),
        "reach": reach,
        "reach_rows": reach_rows(reach),
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
    found = queries.wijk_walk_in(ids, period.start, period.end)
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
    return {
        group: [
            (LABELS[group].get(value, value), *numbers[:3])
            for value, numbers in sorted(reach[group].items())
        ]
        for group in ("contact_type", "setting")
    }


def emerging(
    user: User,
    ids: list[int],
    period: stats.Period,
    themes: dict[int, Theme | SensitiveThemes],
    current: dict[int, int],
    history: dict[int, list[int]],
    with_data: list[int],
    days: list[tuple],
) -> list[dict]:
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
            found.append(
                {
                    "theme": themes[theme_id],
                    "test": verdict,
                    "usual": stats.usual_range(counts),
                    "rows": [(days[i], n) for i, n in zip(with_data, counts, strict=True)],
                    "entries": entries_behind(user, ids, theme_id, period),
                }
            )
    return sorted(found, key=lambda f: (f["test"].p_value, f["theme"].id))


def entries_behind(user: User, ids: list[int], theme_id: int, period: stats.Period) -> list:
    """Return the theme's entries in the period that the user may read, newest first (of the
    folded sensitive themes: the sensitive entries)."""
    query = select(Entry).where(
        Entry.area_id.in_(ids), Entry.occurred_at >= period.start, Entry.occurred_at < period.end
    )
    if theme_id == queries.SENSITIVE:
        query = query.where(Entry.sensitive)
    else:
        query = query.join(entry_themes, entry_themes.c.entry_id == Entry.id).where(
            entry_themes.c.theme_id == theme_id
        )
    query = visible_entries(user, query).order_by(Entry.occurred_at.desc(), Entry.id.desc())
    entries = db.session.scalars(
        query.limit(EMERGING_ENTRIES).options(selectinload(Entry.place), selectinload(Entry.themes))
    ).all()
    return [e for e in entries if can_view(user, e)]


def side_by_side(
    counts: dict[tuple[int, str], int], themes: dict[int, Theme | SensitiveThemes]
) -> dict:
    """Return, per kind (signal, strength, idea), its themes with counts, largest first."""
    columns: dict[str, list] = {kind: [] for kind in SIDE_BY_SIDE}
    for (theme_id, kind), count in counts.items():
        if kind in columns:
            columns[kind].append((themes[theme_id], count))
    for rows in columns.values():
        rows.sort(key=lambda row: (-row[1], row[0].position, row[0].id))
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
        rows.append(
            {
                "place": places[place_id],
                "hours": h,
                "contacts": contacts,
                "per_hour": contacts / h if h else None,
                "kinds": by_kind,
            }
        )
    return sorted(rows, key=lambda r: (-r["hours"], -r["contacts"], r["place"].name, r["place"].id))


def wijk_themes(user: User, wijk: Area) -> list[WijkTheme]:
    """Return the wijk themes of the wijk from the weekly review (the user's team's)."""
    query = select(WijkTheme).where(WijkTheme.area_id == wijk.id)
    if not user.is_admin:
        query = query.where(WijkTheme.team_id == user.team_id)
    return list(db.session.scalars(query.order_by(WijkTheme.status, WijkTheme.name, WijkTheme.id)))


def sketches(user: User, wijk: Area) -> list[WijkSketch]:
    """Return the versions of the team's wijkschets, newest first (every team's for an admin)."""
    query = select(WijkSketch).where(WijkSketch.area_id == wijk.id)
    if not user.is_admin:
        query = query.where(WijkSketch.team_id == user.team_id)
    return list(
        db.session.scalars(query.order_by(WijkSketch.created_at.desc(), WijkSketch.id.desc()))
    )


def add_sketch(user: User, wijk: Area, text: str) -> WijkSketch:
    """Save a new version of the team's wijkschets."""
    sketch = WijkSketch(area=wijk, team=user.team, text=text.strip(), author=user)
    db.session.add(sketch)
    db.session.commit()
    return sketch


def map_themes(user: User, wijk: Area) -> list[Theme]:
    """Return the themes the user may pick for the wijk's map: the sensitive ones only for
    those who see them by name (sees_sensitive_themes)."""
    named = sees_sensitive_themes(user, wijk)
    return [
        t
        for t in db.session.scalars(
            select(Theme).where(Theme.active).order_by(Theme.position, Theme.id)
        )
        if named or not t.sensitive
    ]


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
        title = (
            _("Entries per buurt, per 1,000 inhabitants") if per_1000 else _("Entries per buurt")
        )
    else:
        title = (
            _("Entries about %(theme)s per buurt, per 1,000 inhabitants", theme=theme.name(locale))
            if per_1000
            else _("Entries about %(theme)s per buurt", theme=theme.name(locale))
        )
    return maps.wijk_map(wijk, period, title, theme.id if theme else None, per_1000)
