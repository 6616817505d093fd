"""The figures of a wijk and period that may leave the team, released together.

The period report (and its print), the counts CSV, the public page and other teams' view of the
wijk all read their counts from `figures`, so every output shows the same number for the same
count, and together they give no hidden count away (buurtlog/disclosure.py, docs/PRIVACY.md).

The release is a forest of totals above their parts:

* per theme, with every sensitive entry once under one "sensitive" row and under none of its
  themes (queries.theme_spans with fold): its entries; below it, per kind; for a theme that is
  not sensitive, strengths and ideas together sit between the theme and those two kinds;
* contacts (entries); below it, per kind (signals below that, per review status, and below
  each status the signals that are not sensitive), first contacts, and contacts residents
  started;
* people, and places with presence, on their own.
"""

from __future__ import annotations

from buurtlog.disclosure import Figure, release
from buurtlog.models import KINDS
from buurtlog.models.review import SIGNAL_STATUSES
from buurtlog.wijk import queries, spans

SENSITIVE = queries.SENSITIVE


class Figures(dict):
    """The shown value of every released count, by key; an unknown key is a count of 0."""

    def __missing__(self, key) -> str:
        return "0"


def _theme_tree(key, cells: dict[str, int], sensitive: bool) -> Figure:
    """Build one theme's figure: the theme, strengths and ideas, and the kinds."""
    parts = {kind: Figure(("cell", key, kind), cells.get(kind, 0)) for kind in KINDS}
    root = Figure(("theme", key), sum(cells.values()))
    if sensitive:
        return root.split(parts.values())
    both = Figure(("strengths", key), parts["strength"].count + parts["idea"].count)
    both.split([parts["strength"], parts["idea"]])
    return root.split([both, parts["signal"], parts["question"], parts["contact"]])


def _contacts_tree(
    kinds: dict[str, int], totals: tuple, outcomes: dict[str, int], open_outcomes: dict[str, int]
) -> Figure:
    """Build the contacts figure with its kinds, review outcomes and reach."""
    by_kind = {kind: Figure(("kind", kind), kinds.get(kind, 0)) for kind in KINDS}
    statuses = []
    for status in SIGNAL_STATUSES:
        figure = Figure(("outcome", status), outcomes.get(status, 0))
        figure.split(
            [Figure(("public_outcome", status), open_outcomes.get(status, 0))], complete=False
        )
        statuses.append(figure)
    by_kind["signal"].split(statuses)
    root = Figure("contacts", totals[0]).split(by_kind.values())
    root.split([Figure("first_contacts", totals[2])], complete=False)
    return root.split([Figure("resident_started", totals[3])], complete=False)


def figures(ids: list[int], period, themes: dict) -> Figures:
    """Release every count of the areas in the period that may leave the team."""
    start, end = period.start, period.end
    rows: dict[int, dict[str, int]] = {}
    for (theme_id, kind, _span), n in queries.theme_spans(
        ids, [start, end], (start, end), fold=True
    ).items():
        if kind is not None:  # always: the one span is the window, where kinds are counted
            rows.setdefault(theme_id, {})[kind] = n
    entry_rows = queries.entry_spans(ids, [start, end])
    totals = spans.totals(entry_rows, {0})
    trees = [_theme_tree(key, cells, themes[key].sensitive) for key, cells in rows.items()]
    trees.append(
        _contacts_tree(
            spans.kinds(entry_rows, {0}),
            totals,
            queries.signal_outcomes(ids, start, end),
            queries.signal_outcomes(ids, start, end, sensitive=False),
        )
    )
    trees.append(Figure("people", totals[1]))
    trees.append(Figure("places", len(queries.presence_hours(ids, start, end))))
    out = Figures()
    for tree in trees:
        stack = [release(tree)]
        while stack:
            figure = stack.pop()
            out[figure.key] = figure.shown
            stack.extend(part for parts, _ in figure.groups for part in parts)
    return out


def _order(text: str) -> int:
    """Rank a shown count for sorting: larger first, "<5" and withheld last."""
    return -int(text) if text.isdigit() else 1


def theme_rows(shown: Figures, themes: dict, with_sensitive: bool = False) -> list[tuple]:
    """Return (theme, key, shown count) of every theme with entries, largest first by shown
    value (never by the true count behind it); the folded sensitive row last, if asked."""
    rows = [
        (themes[key[1]], key[1], text)
        for key, text in shown.items()
        if isinstance(key, tuple)
        and key[0] == "theme"
        and text != "0"
        and (with_sensitive or key[1] != SENSITIVE)
    ]
    return sorted(
        rows, key=lambda row: (row[1] == SENSITIVE, _order(row[2]), row[0].position, row[1])
    )


def by_shown(rows: list[tuple]) -> list[tuple]:
    """Sort (theme, shown count) rows largest first by shown value, then by theme."""
    return sorted(rows, key=lambda row: (_order(row[1]), row[0].position, row[0].id))
