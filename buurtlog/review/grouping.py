"""Propose signals that belong together: the same wijk and theme, or the same words.

Pure functions over plain records, so they are tested on generated data with known groups
(tests/test_review_grouping.py, bench/review_grouping.py) without a database.

Two kinds of proposal, within one wijk and one period:

* **Similar words.** Signals that tell the same story use the same specific words ("klimrek",
  "lift", a street name), whatever theme the worker picked. Texts are lower-cased, split into
  words, Dutch stopwords dropped and the words lightly stemmed (`entries.terms`, stored with
  each entry when it is saved). Each word weighs its (smoothed)
  inverse document frequency over all signals of the period; words in more than
  `MAX_DF_SHARE` of them tell no story and link nothing. Two signals of a wijk are linked when
  they share at least `MIN_SHARED` words — one shared word is how people talk about a theme,
  two are a story — and their weighted Jaccard similarity reaches `THRESHOLD`. The connected
  groups of two or more are proposed, named by the words most of the group shares.
* **Same theme.** The signals of a wijk and theme that are in no word group, when there are at
  least two.

A proposal gathering many signals from different workers is a candidate for a collective
approach.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import NamedTuple

from buurtlog.entries.terms import tokens, words

THRESHOLD = 0.1
MIN_SHARED = 2
MIN_GROUP = 2
MAX_DF_SHARE = 0.05  # a word in more than 5% of the period's signals tells no story
MIN_MAX_DF = 8
NAME_WORDS = 3
COLLECTIVE_SIGNALS = 5
COLLECTIVE_AUTHORS = 3


class Signal(NamedTuple):
    """What grouping needs to know of a signal (a tuple: a page makes thousands)."""

    id: Hashable
    wijk_id: int
    theme_ids: tuple[int, ...]
    text: str
    author_id: int | None = None
    stems: frozenset[str] | None = None  # the text's stems, when already known

    def tokens(self) -> frozenset[str]:
        """Return the stems of the signal's informative words."""
        return self.stems if self.stems is not None else tokens(self.text)


@dataclass
class Proposal:
    """A candidate group of signals for a wijk theme."""

    key: str
    reason: str  # "words" or "theme"
    wijk_id: int
    theme_id: int | None
    entry_ids: list = field(default_factory=list)
    words: tuple[str, ...] = ()
    authors: int = 0

    @property
    def collective(self) -> bool:
        """Tell whether many signals from several workers suggest a collective approach."""
        return is_collective(len(self.entry_ids), self.authors)


def is_collective(signals: int, authors: int) -> bool:
    """Tell whether a group is large and broad enough to take up collectively."""
    return signals >= COLLECTIVE_SIGNALS and authors >= COLLECTIVE_AUTHORS


def propose(
    signals: Iterable[Signal],
    dismissed: Mapping[str, AbstractSet] | None = None,
    min_group: int = MIN_GROUP,
) -> list[Proposal]:
    """Propose word groups and same-theme groups, leaving out what the team dismissed before.

    `dismissed` maps a proposal key to the signals dismissed under it; those signals are not
    proposed under that key again, but signals that came later may still be.
    """
    signals = list(signals)
    dismissed = dismissed or {}
    proposals = []
    clustered: set = set()
    for cluster, names in word_clusters(signals):
        members = [signals[i] for i in cluster]
        key = f"words:{members[0].wijk_id}:{'+'.join(sorted(names))}"
        clustered.update(s.id for s in members)
        theme_counts = Counter(t for s in members for t in s.theme_ids)
        top_theme = theme_counts.most_common(1)[0][0] if theme_counts else None
        proposals.append(
            _proposal(
                key,
                "words",
                members[0].wijk_id,
                top_theme,
                members,
                names,
                dismissed.get(key),
                min_group,
            )
        )
    buckets: dict[tuple[int, int], list[Signal]] = defaultdict(list)
    for signal in signals:
        if signal.id not in clustered:
            for theme_id in signal.theme_ids:
                buckets[(signal.wijk_id, theme_id)].append(signal)
    for (wijk_id, theme_id), members in buckets.items():
        key = f"theme:{wijk_id}:{theme_id}"
        proposals.append(
            _proposal(key, "theme", wijk_id, theme_id, members, (), dismissed.get(key), min_group)
        )
    return [p for p in proposals if p is not None]


def _proposal(
    key: str,
    reason: str,
    wijk_id: int,
    theme_id: int | None,
    members: list[Signal],
    names: tuple[str, ...],
    dismissed: AbstractSet | None,
    min_group: int,
) -> Proposal | None:
    """Make a proposal of the members not dismissed before, if enough are left."""
    if dismissed:
        members = [s for s in members if s.id not in dismissed]
    if len(members) < min_group:
        return None
    return Proposal(
        key=key,
        reason=reason,
        wijk_id=wijk_id,
        theme_id=theme_id,
        entry_ids=[s.id for s in members],
        words=_surface(members, names),
        authors=len({s.author_id for s in members if s.author_id is not None}),
    )


def _surface(members: list[Signal], names: tuple[str, ...]) -> tuple[str, ...]:
    """Return the words as the workers wrote them most often, for a group's name."""
    if not names:
        return ()
    seen: dict[str, Counter] = {name: Counter() for name in names}
    for signal in members:
        for s, w in words(signal.text):
            if s in seen:
                seen[s][w] += 1
    return tuple(seen[name].most_common(1)[0][0] if seen[name] else name for name in names)


def word_clusters(signals: list[Signal]) -> list[tuple[list[int], tuple[str, ...]]]:
    """Group signals of one wijk that share telling words; return indices and naming stems."""
    docs = [s.tokens() for s in signals]
    n = len(signals)
    df = Counter(t for doc in docs for t in doc)
    max_df = max(MIN_MAX_DF, int(n * MAX_DF_SHARE))
    idf = {t: math.log((n + 1) / c) + 1 for t, c in df.items()}  # smoothed: small periods too
    totals = [sum(idf[t] for t in doc) for doc in docs]

    # Only words in at least two and at most max_df signals can link signals of one wijk.
    telling = [frozenset(t for t in doc if 2 <= df[t] <= max_df) for doc in docs]
    postings: dict[tuple[int, str], list[int]] = defaultdict(list)
    for i, (signal, doc) in enumerate(zip(signals, telling, strict=True)):
        for t in doc:
            postings[(signal.wijk_id, t)].append(i)

    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    linking: dict[int, Counter] = defaultdict(Counter)
    for i, (signal, doc) in enumerate(zip(signals, telling, strict=True)):
        if len(doc) < MIN_SHARED:
            continue
        counts: Counter = Counter()
        for t in doc:
            counts.update(postings[(signal.wijk_id, t)])
        for j, count in counts.items():
            if j <= i or count < MIN_SHARED:
                continue
            common = doc & telling[j]
            weight = sum(idf[t] for t in common)
            if weight / (totals[i] + totals[j] - weight) >= THRESHOLD:
                parent[find(i)] = find(j)
                linking[i].update(common)
                linking[j].update(common)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    clusters = []
    for members in groups.values():
        if len(members) < MIN_GROUP:
            continue
        # Name the group by the words most of it shares, the rarest first.
        shared: Counter = Counter(t for i in members for t in linking[i])
        names = tuple(sorted(shared, key=lambda t: (-shared[t], -idf[t], t))[:NAME_WORDS])
        clusters.append((sorted(members), names))
    return sorted(clusters, key=lambda c: (-len(c[0]), c[0][0]))


def suggest_wijk_themes(
    signals: Iterable[Signal], themes: Iterable[tuple[int, int, int | None, frozenset[str]]]
) -> dict:
    """Suggest for each signal the open wijk theme it most likely joins, if any.

    `themes` holds (wijk theme id, wijk id, theme id, stems of its name and signals). A signal
    joins a wijk theme of its own wijk that has its theme, or shares `MIN_SHARED` words with it.
    """
    by_wijk: dict[int, list] = defaultdict(list)
    for theme in themes:
        by_wijk[theme[1]].append(theme)
    suggestions = {}
    for signal in signals:
        candidates = by_wijk.get(signal.wijk_id)
        if not candidates:
            continue
        doc = signal.tokens()
        best, best_score = None, 0
        for theme_id, _wijk, taxonomy_id, stems in candidates:
            score = len(doc & stems) + (MIN_SHARED if taxonomy_id in signal.theme_ids else 0)
            if score >= MIN_SHARED and score > best_score:
                best, best_score = theme_id, score
        if best is not None:
            suggestions[signal.id] = best
    return suggestions
