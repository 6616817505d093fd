"""Across wijken: the wijk × theme heatmap, two wijken side by side, and the entries that point
to a solution outside their wijk.

These views show wijken of other teams too. Their counts leave the team that logged them, so
the counts of a wijk whose page the viewer may not open are shown by the rule for everything that
leaves the team (buurtlog/disclosure.py): "<5" for 1–4, the rest rounded to 5; its shade in the
heatmap says no more than that number.
"""

from __future__ import annotations

from flask_babel import format_decimal
from sqlalchemy import case, select
from sqlalchemy.orm import selectinload

from buurtlog import disclosure
from buurtlog.areas import figures
from buurtlog.entries.services import can_view
from buurtlog.extensions import db
from buurtlog.models import Area, Entry, Place, User
from buurtlog.wijk import charts, outside, queries, spans, stats
from buurtlog.wijk.services import (
    can_see_wijk,
    sees_sensitive_themes,
    themes_by_id,
    visible_entries,
)


def shown(count: int, exact: bool) -> str:
    """Return a count as the viewer may see it: exact in their own wijken, else suppressed."""
    return str(count) if exact else stats.suppress(count)


def heatmap(
    user: User,
    wijken: list[Area],
    period: stats.Period,
    inhabitants: dict[int, int | None] | None = None,
) -> dict:
    """Return the wijk × theme counts of the period, with the themes that occur, and each cell
    as shown to the user (text and shade). Sensitive themes are one column in the wijken whose
    sensitive entries the user may not read; their cells there, and that column's cells
    elsewhere, show "—": not zero, counted in the other column.

    With `inhabitants` (by wijk id) each cell is its count per 1,000 inhabitants, worked out
    from the count as the user may see it (rounded outside the team, "<5" stays "<5"), so the
    rate tells no more than the count; a wijk without CBS figures shows "—".
    """
    folded = frozenset(w.id for w in wijken if not sees_sensitive_themes(user, w))
    cells = queries.heatmap([w.id for w in wijken], period.start, period.end, folded)
    themes = themes_by_id()
    used = sorted({t for _, t in cells}, key=lambda t: (themes[t].position, themes[t].name_nl, t))
    exact = {w.id for w in wijken if can_see_wijk(user, w)}
    # The darkest shade follows only counts the user may see (rounded outside the team), so
    # it tells no more than the number in the cell.
    seen = {c: n if c[0] in exact else disclosure.rounded(n) or 0 for c, n in cells.items()}
    top: float = max(
        (seen[c] for c, n in cells.items() if c[0] in exact or n >= stats.SMALL), default=0
    )
    display = {
        (w.id, t): ("—", 0)
        for w in wijken
        for t in used
        if themes[t].sensitive and (w.id in folded) != (t == queries.SENSITIVE)
    }
    shade: dict[tuple[int, int], float | None] = dict(seen)  # per 1,000 inhabitants, or not
    if inhabitants is not None:
        shade = {c: figures.per_thousand(n, inhabitants.get(c[0])) for c, n in seen.items()}
        top = max(
            (
                r
                for c, r in shade.items()
                if r is not None and (c[0] in exact or cells[c] >= stats.SMALL)
            ),
            default=0,
        )
    for (w, t), n in cells.items():
        level = charts.heat_level(shade[(w, t)] or 0, top) if w in exact or n >= stats.SMALL else 1
        text = shown(n, w in exact)
        if inhabitants is not None and text != "<5":
            rate = shade[(w, t)]
            text, level = ("—", 0) if rate is None else (format_decimal(rate, "#,##0.0"), level)
        display[(w, t)] = (text, level)
    return {
        "cells": cells,
        "display": display,
        "themes": [themes[t] for t in used],
        "top": top,
        "exact": exact,
    }


def rate(text: str | int, inhabitants: int | None) -> str:
    """Return a count as shown ("12", "<5", "15") per 1,000 inhabitants: "<5" stays "<5",
    and without CBS figures there is no rate ("—")."""
    text = str(text)
    if not text.isdigit():
        return text
    value = figures.per_thousand(int(text), inhabitants)
    return "—" if value is None else format_decimal(value, "#,##0.0")


def with_rates(side: dict, inhabitants: int | None) -> dict:
    """Add the inhabitants and each theme's and the contacts' rate per 1,000 to a side."""
    return {
        **side,
        "inhabitants": inhabitants,
        "contacts_rate": rate(side["contacts"], inhabitants),
        "themes": [(theme, text, rate(text, inhabitants)) for theme, text in side["themes"]],
    }


def comparison(user: User, wijk: Area, period: stats.Period) -> dict:
    """Return one side of a comparison: the wijk's theme counts, kinds and reach, as the user
    may see them (small counts suppressed outside the user's own wijken, sensitive themes
    folded into one unless the user reads the wijk's sensitive entries)."""
    ids = queries.area_ids(wijk)
    themes = themes_by_id()
    window = (period.start, period.end)
    fold = not sees_sensitive_themes(user, wijk)
    counts = spans.by_theme(queries.theme_spans(ids, list(window), window, fold=fold), {0})
    rows = queries.entry_spans(ids, list(window))
    exact = can_see_wijk(user, wijk)
    if not exact:  # the counts leave the team: as released with the wijk's report and CSV
        shown_ = outside.figures(ids, period, themes)
        return {
            "wijk": wijk,
            "exact": False,
            "themes": [
                (theme, text)
                for theme, _, text in outside.theme_rows(shown_, themes, with_sensitive=True)
            ],
            "kinds": {k: shown_["kind", k] for k in ("signal", "strength", "idea")},
            "contacts": shown_["contacts"],
            "people": shown_["people"],
        }
    reach = spans.totals(rows, {0})
    kinds = spans.kinds(rows, {0})
    return {
        "wijk": wijk,
        "exact": exact,
        "themes": [
            (themes[t], shown(n, exact))
            for t, n in sorted(counts.items(), key=lambda r: (-r[1], themes[r[0]].position, r[0]))
        ],
        "kinds": {k: shown(kinds.get(k, 0), exact) for k in ("signal", "strength", "idea")},
        "contacts": shown(reach[0], exact),
        "people": shown(reach[1], exact),
    }


def outside_the_wijk(user: User, period: stats.Period, limit: int = 50) -> list[Entry]:
    """Return the entries the user may read whose place lies in another wijk than their area.

    Logged at a place in one wijk about another, they point to a solution outside the wijk.
    """
    place_area = Area.__table__.alias("place_area")
    entry_area = Area.__table__.alias("entry_area")

    def wijk(alias):
        """Return the wijk an aliased area is or lies in."""
        return case((alias.c.level == "wijk", alias.c.id), else_=alias.c.parent_id)

    query = (
        select(Entry)
        .join(Place, Place.id == Entry.place_id)
        .join(place_area, place_area.c.id == Place.area_id)
        .join(entry_area, entry_area.c.id == Entry.area_id)
        .where(
            Entry.occurred_at >= period.start,
            Entry.occurred_at < period.end,
            wijk(place_area) != wijk(entry_area),
        )
    )
    query = (
        visible_entries(user, query)
        .order_by(Entry.occurred_at.desc(), Entry.id.desc())
        .limit(limit)
    )
    return [
        e
        for e in db.session.scalars(
            query.options(
                selectinload(Entry.themes), selectinload(Entry.place), selectinload(Entry.area)
            )
        )
        if can_view(user, e)
    ]
