"""The one rule for counts that leave the team: small counts hidden, every count rounded to 5,
and a figure withheld where the others would give a hidden one away.

Everything that leaves the team — the period report and its print, the counts CSV, the public
page, other teams' view of a wijk — shows its counts through this module, so the same count is
the same number everywhere (docs/PRIVACY.md, "Counts that leave the team").

1. A count of 0 is shown as 0, 1–4 as "<5", and 5 or more rounded to the nearest multiple of 5
   (5–7 as 5, 8–12 as 10, …). Every count is rounded on its own: a total is the rounded true
   total, never a sum of rounded parts.
2. Rounding alone does not always hide: a total and its parts published together pin the parts
   when they all sit at the edge of their range (a total of 7 shown as 5, with parts 5, 1 and 1
   shown as 5, <5 and <5, can only be 5 + 1 + 1). So the figures of one wijk and period are
   released as one tree — a total above its parts — totals first, and a part is shown only when,
   whatever its true value could be given what is already shown, showing it leaves no hidden
   count ("<5" or withheld) with a single possible value. Otherwise it is withheld ("x").

Why this is sound: the decision to withhold uses only what is already shown, never the true
value, so withholding tells a reader nothing new; and the shown value (whatever it is) passes
the check, so after every step no hidden count can be recovered exactly — not by subtraction,
not by combining the outputs, as long as they come from the same release.

The feasible range of every figure is exact interval arithmetic: each figure is the sum of its
parts in every "group" below it (a group may leave a rest that is not shown), and such nested
sums of whole-number ranges are again whole-number ranges.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

SMALL = 5  # counts below this are shown as "<5"
BASE = 5  # every count of 5 or more is rounded to a multiple of this
WITHHELD = "x"
INF = 10**9


def rounded(count: int | None) -> int | None:
    """Return a count as it may leave the team: 0, None for 1–4 ("<5"), else the nearest
    multiple of 5 (5–7 give 5, since 3 and 4 are hidden)."""
    if not count:
        return 0
    if count < SMALL:
        return None
    return max(SMALL, BASE * ((count + BASE // 2) // BASE))


def shown(count: int | None) -> str:
    """Show a count that leaves the team: "0", "<5" or its rounded value."""
    value = rounded(count)
    return "<5" if value is None else str(value)


def span(text: str) -> tuple[int, int]:
    """Return the whole numbers a shown count can stand for (a withheld one: any)."""
    if text == WITHHELD:
        return 0, INF
    if text == "<5":
        return 1, SMALL - 1
    value = int(text)
    if value == 0:
        return 0, 0
    return max(SMALL, value - BASE // 2), value + BASE // 2


@dataclass
class Figure:
    """One count in a release, with the groups of parts that add up to it."""

    key: object
    count: int
    groups: list[tuple[list[Figure], bool]] = field(default_factory=list)  # (parts, complete)
    shown: str | None = None

    def split(self, parts: Iterable[Figure], complete: bool = True) -> Figure:
        """Add a group of parts that add up to this figure (with a rest not shown unless
        complete); return self."""
        self.groups.append((list(parts), complete))
        return self


def _walk(root: Figure) -> list[Figure]:
    """Return the figures of a tree, parents before their parts."""
    out, todo = [], [root]
    while todo:
        figure = todo.pop(0)
        out.append(figure)
        todo.extend(part for parts, _ in figure.groups for part in parts)
    return out


def _own(figure: Figure, trial: dict[int, str]) -> tuple[int, int]:
    """Return the range a figure's shown value (or a trial value) allows."""
    text = trial.get(id(figure), figure.shown)
    return (0, INF) if text is None else span(text)


def _ranges(
    root: Figure, trial: dict[int, str], order: list[Figure] | None = None
) -> dict[int, tuple[int, int]]:
    """Return the exact feasible range of every figure, given what is shown (and the trial).

    `order` is _walk(root), which release() works out once for all its checks."""
    order = order or _walk(root)
    reach: dict[int, tuple[int, int]] = {}
    for figure in reversed(order):  # parts before the figures they add up to
        lo, hi = _own(figure, trial)
        for parts, complete in figure.groups:
            sums = [reach[id(p)] for p in parts]
            lo = max(lo, sum(s[0] for s in sums))
            if complete:
                hi = min(hi, sum(s[1] for s in sums))
        reach[id(figure)] = (lo, min(hi, INF))
    feasible = {id(root): reach[id(root)]}
    for figure in order:
        top_lo, top_hi = feasible[id(figure)]
        for parts, complete in figure.groups:
            for part in parts:
                others = [reach[id(p)] for p in parts if p is not part]
                lo_others = sum(o[0] for o in others)
                hi_others = sum(o[1] for o in others) if complete else INF
                lo, hi = reach[id(part)]
                lo, hi = max(lo, top_lo - hi_others), min(hi, top_hi - lo_others)
                old = feasible.get(id(part), (0, INF))
                feasible[id(part)] = (max(lo, old[0]), min(hi, old[1]))
    return feasible


def _gives_away(root: Figure, trial: dict[int, str], order: list[Figure] | None = None) -> bool:
    """Tell whether some hidden figure ("<5" or withheld) would have one possible value 1–4.

    With no hidden figure there is nothing to give away, and no ranges to work out: most checks
    of a large tree, whose counts are mostly shown, end here."""
    order = order or _walk(root)
    hidden = [f for f in order if trial.get(id(f), f.shown) in ("<5", WITHHELD)]
    if not hidden:
        return False
    feasible = _ranges(root, trial, order)
    for figure in hidden:
        lo, hi = feasible[id(figure)]
        if lo == hi and 1 <= lo < SMALL:
            return True
    return False


def _candidates(lo: int, hi: int) -> list[str]:
    """Return every shown value a count in [lo, hi] could get."""
    out, count = [], lo
    while count <= min(hi, INF - 1):
        out.append(shown(count))
        count = span(out[-1])[1] + 1
    return out


def release(root: Figure) -> Figure:
    """Decide the shown value of every figure of a tree, parents first (see the module doc)."""
    order = _walk(root)
    for figure in order:
        if figure is root:
            figure.shown = shown(figure.count)
            continue
        lo, hi = _ranges(root, {}, order)[id(figure)]
        safe = all(not _gives_away(root, {id(figure): text}, order) for text in _candidates(lo, hi))
        figure.shown = shown(figure.count) if safe else WITHHELD
    return root
