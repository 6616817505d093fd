"""Grouping proposals and wijk theme suggestions for a review page, from `grouping`.

Grouping reads the stems stored with every signal of the period when it was saved
(`entries.grouping_terms`), so a page view never splits texts into words.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from buurtlog.entries.terms import read_terms, tokens
from buurtlog.extensions import db
from buurtlog.models import DismissedProposal, Team, WijkTheme, utcnow
from buurtlog.review import grouping
from buurtlog.review.people import Lookups
from buurtlog.review.signals import PeriodSignals

DISMISSALS_KEPT_DAYS = 365


@dataclass
class Grouped:
    """The proposals for a set of signals, and the open wijk theme each signal may join."""

    proposals: list[grouping.Proposal]
    suggestions: dict[str, int]


def dismissals(team: Team) -> dict[str, frozenset]:
    """Return the signals the team dismissed per proposal key, of the last year."""
    dismissed: dict[str, set] = defaultdict(set)
    for key, ids in db.session.execute(
        select(DismissedProposal.key, DismissedProposal.entry_ids).where(
            DismissedProposal.team_id == team.id,
            DismissedProposal.dismissed_at >= utcnow() - timedelta(days=DISMISSALS_KEPT_DAYS),
        )
    ):
        dismissed[key].update(ids or ())
    return {key: frozenset(ids) for key, ids in dismissed.items()}


def group(
    team: Team,
    wijk_themes: dict[int, WijkTheme],
    signals: PeriodSignals,
    links: list[tuple[str, int]],
) -> Grouped:
    """Propose groups among the signals in no wijk theme, and suggest wijk themes for them.

    `signals` holds the signals the viewer may see, with their texts and stored terms; `links`
    tells which signals are in which of the team's wijk themes.
    """
    dismissed = dismissals(team)
    linked: dict[str, list[int]] = {}
    for entry_id, wijk_theme_id in links:
        linked.setdefault(entry_id, []).append(wijk_theme_id)
    unlinked: list[grouping.Signal] = []
    stems: defaultdict[int, set[str]] = defaultdict(set)
    for entry_id, keys in signals.keys.items():  # (wijk, theme) of each signal the viewer sees
        author_id, text, terms = signals.told[entry_id]
        signal = grouping.Signal(
            entry_id,
            keys[0][0],
            tuple(t for _w, t in keys if t is not None),
            text,
            author_id,
            read_terms(terms),
        )
        in_themes = linked.get(entry_id)
        if not in_themes:
            unlinked.append(signal)
        for wijk_theme_id in in_themes or ():
            stems[wijk_theme_id] |= signal.tokens()
    candidates = [
        (t.id, t.area_id, t.theme_id, frozenset(stems[t.id] | tokens(t.name)))
        for t in wijk_themes.values()
        if t.status != "closed"
    ]
    return Grouped(
        grouping.propose(unlinked, dismissed), grouping.suggest_wijk_themes(unlinked, candidates)
    )


def suggested_name(proposal: grouping.Proposal, people: Lookups, locale: str) -> str:
    """Suggest a name for a proposed wijk theme: its telling words, or its theme, and the wijk."""
    wijk = people.area_name(proposal.wijk_id)
    if proposal.reason == "words" and proposal.words:
        words = " ".join(proposal.words)
        return f"{words[0].upper()}{words[1:]} ({wijk})"
    theme = people.themes.get(proposal.theme_id) if proposal.theme_id is not None else None
    return f"{theme.name(locale) if theme else ''} · {wijk}"
