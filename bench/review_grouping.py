"""Measure the grouping proposals on generated review periods with known groups.

Each period (tests/data/review_signals.py) has planted stories — a few signals about one
concrete thing in one wijk, told in different words and under different themes — among
everyday signals about themes. The true groups are the stories and, per wijk and theme, the
other signals. A true group counts as proposed when a proposal overlaps it with a Jaccard index
of at least 0.5; a proposal that overlaps no true group that much is wrong. The thresholds were
tuned on seeds 1-10; the figures below are for seeds 101-130. Run from the repo root::

    .venv/bin/python bench/review_grouping.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from buurtlog.review.grouping import propose  # noqa: E402
from tests.data.review_signals import evaluate, generate, jaccard  # noqa: E402

SEEDS = range(101, 131)


def wrong_kinds(proposals, data) -> dict[str, int]:
    """Sort the wrong proposals: part of one story, everyday signals only, a mix, or a theme."""
    story_of = {i: n for n, story in enumerate(data.stories) for i in story}
    kinds: dict[str, int] = {}
    for proposal in proposals:
        members = set(proposal.entry_ids)
        if any(jaccard(group, members) >= 0.5 for group in data.groups):
            continue
        stories = {story_of.get(i) for i in members}
        if proposal.reason == "theme":
            kind = "same-theme group missing or gaining story signals"
        elif None not in stories and len(stories) == 1:
            kind = "part of one story (a story split in two)"
        elif stories == {None}:
            kind = "everyday signals sharing two words"
        else:
            kind = "story signals mixed with others"
        kinds[kind] = kinds.get(kind, 0) + 1
    return kinds


def main() -> None:
    """Print proposed and wrong groups per period size, and the time grouping takes."""
    print(
        f"{'signals':>8} {'periods':>8} {'true groups':>12} {'proposed':>14} {'exact':>7} "
        f"{'stories':>8} {'proposed':>14} {'proposals':>10} {'wrong':>12} {'ms p50':>7}"
    )
    for size in (100, 200, 400, 1000, 5000):
        totals: dict[str, int] = {}
        kinds: dict[str, int] = {}
        times = []
        seeds = SEEDS if size <= 1000 else SEEDS[:5]
        for seed in seeds:
            data = generate(seed, size)
            started = time.perf_counter()
            proposals = propose(data.signals)
            times.append(time.perf_counter() - started)
            for key, value in evaluate(proposals, data).items():
                totals[key] = totals.get(key, 0) + value
            for key, value in wrong_kinds(proposals, data).items():
                kinds[key] = kinds.get(key, 0) + value
        found = totals["found"] / totals["groups"]
        stories = totals["stories_found"] / totals["stories"]
        wrong = totals["wrong"] / totals["proposals"]
        print(
            f"{size:>8} {len(seeds):>8} {totals['groups']:>12} "
            f"{totals['found']:>6} ({found:5.1%}) {totals['exact']:>7} "
            f"{totals['stories']:>8} {totals['stories_found']:>6} ({stories:5.1%}) "
            f"{totals['proposals']:>10} {totals['wrong']:>5} ({wrong:5.1%}) "
            f"{statistics.median(times) * 1000:7.1f}"
        )
        print(
            "         wrong: "
            + "; ".join(f"{n} {kind}" for kind, n in sorted(kinds.items(), key=lambda kv: -kv[1]))
        )


if __name__ == "__main__":
    main()
