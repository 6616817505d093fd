"""The review page: who may run it, which period it covers, and its signals grouped by wijk
and theme, with proposals and follow-through."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from types import SimpleNamespace

from sqlalchemy import select

from buurtlog.entries.services import can_view, today
from buurtlog.extensions import db
from buurtlog.models import Entry, SignalStatus, StatusChange, Team, User, WijkTheme
from buurtlog.review import grouping, proposals
from buurtlog.review.people import Lookups, lookups, owner_left
from buurtlog.review.signals import (
    ENTRIES,
    GroupCounts,
    Period,
    PeriodSignals,
    Row,
    among,
    count_groups,
    load_rows,
    past_due,
    read_period,
    team_links,
)

ROW_LIMIT = 6  # signals per wijk and theme; "show all" opens the rest
ATTENTION_LIMIT = 20  # overdue signals, or signals to reassign, shown at the top
PROPOSAL_LIMIT = 6  # word proposals per wijk, the largest first
LIST_LIMIT = 15  # a proposal lists its signals (to untick some) up to this many
COLLAPSE_ABOVE = 300  # signals of a long period beyond which groups show only their counts


def can_run(user: User, team: Team | None) -> bool:
    """Tell whether the user runs the team's review: a coordinator (or admin) in the team."""
    return team is not None and user.is_coordinator and user.team_id == team.id


def can_change(user: User, team_id: int | None, owner_id: int | None) -> bool:
    """Tell whether the user may change a signal's status: its team's coordinator or its owner."""
    if team_id is None or user.team_id != team_id:
        return False
    return user.is_coordinator or (owner_id is not None and owner_id == user.id)


@dataclass
class ThemeGroup:
    """The signals of one wijk about one theme."""

    wijk_id: int
    theme_id: int | None
    rows: list[Row]
    total: int = 0
    authors: int = 0
    new: int = 0
    proposal: grouping.Proposal | None = None
    wijk_theme: WijkTheme | None = None

    @property
    def collective(self) -> bool:
        """Tell whether many signals from several workers suggest a collective approach."""
        return grouping.is_collective(self.total, self.authors)


@dataclass
class WijkGroup:
    """A wijk on the review page: its theme groups, proposals and hidden sensitive signals."""

    wijk_id: int
    name: str
    groups: list[ThemeGroup] = field(default_factory=list)
    total: int = 0
    hidden_sensitive: int = 0
    proposals: list[grouping.Proposal] = field(default_factory=list)
    more_proposals: int = 0
    wijk_themes: list[WijkTheme] = field(default_factory=list)


@dataclass
class ReviewPage:
    """Everything the review page shows."""

    period: Period
    wijken: list[WijkGroup]
    people: Lookups
    total: int
    hidden_sensitive: int
    wijk_themes: dict[int, WijkTheme]
    overdue: list[Row]
    reassign: list[Row]
    shown_sensitive: list = field(default_factory=list)
    rows_by_id: dict[str, Row] = field(default_factory=dict)
    statuses: dict = field(default_factory=dict)  # the team's, as `GroupCounts.statuses`
    collapsed: bool = False  # a long period's groups show their counts only

    def proposals(self) -> list[grouping.Proposal]:
        """Return every proposal on the page."""
        return [
            p
            for w in self.wijken
            for p in [*w.proposals, *(g.proposal for g in w.groups if g.proposal)]
        ]


def team_wijk_themes(team: Team) -> dict[int, WijkTheme]:
    """Return the team's wijk themes by id."""
    return {
        t.id: t
        for t in db.session.scalars(
            select(WijkTheme)
            .where(WijkTheme.team_id == team.id)
            .order_by(WijkTheme.name, WijkTheme.id)
        )
    }


def signal_page(entry: Entry, state: SignalStatus | None) -> dict:
    """Return what a signal's page shows besides the signal: its history of decisions, whether
    its owner has left the team, and the wijk themes it is part of."""
    history = db.session.scalars(
        select(StatusChange)
        .where(StatusChange.entry_id == entry.id)
        .order_by(StatusChange.at.desc(), StatusChange.id.desc())
    )
    owner = state.owner if state is not None else None
    return {
        "history": list(history),
        "owner_left": owner is not None and (owner.team_id != entry.team_id or not owner.active),
        "wijk_themes": db.session.scalars(
            select(WijkTheme)
            .where(WijkTheme.entries.contains(entry))
            .order_by(WijkTheme.name, WijkTheme.id)
        ).all(),
    }


def status_data(state: SignalStatus | None) -> dict:
    """Return what the decision form shows first: the signal's decision so far, or "discussed"
    for a signal nobody decided on yet."""
    if state is None:
        return {"status": "discussed", "version": 0}
    return {
        "status": state.status if state.status != "new" else "discussed",
        "owner": state.owner_id,
        "decision": state.decision,
        "due_on": state.due_on,
        "version": state.version,
    }


def wijk_theme_data(theme: WijkTheme) -> dict:
    """Return what the wijk theme's form shows first: the theme as it is."""
    fields = ("name", "status", "public", "version")
    return {"owner": theme.owner_id, **{name: getattr(theme, name) for name in fields}}


def open_wijk_themes(team: Team) -> list[WijkTheme]:
    """Return the team's wijk themes that signals can still join, by name."""
    return [t for t in team_wijk_themes(team).values() if t.status != "closed"]


def wijk_theme_page(user: User, theme: WijkTheme) -> dict:
    """Return what a wijk theme's page shows besides the theme: the signals the user may see,
    how many are hidden, the people its log names, and whether it is taken up collectively."""
    visible = [e for e in theme.entries if can_view(user, e)]
    named = {int(n.value) for n in theme.notes if n.event == "owner" and n.value}
    people = (
        {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(named)))}
        if named
        else {}
    )
    return {
        "entries": visible,
        "hidden": len(theme.entries) - len(visible),
        "people": people,
        "collective": grouping.is_collective(
            len(theme.entries), len({e.author_id for e in theme.entries})
        ),
    }


def _viewer(user: User) -> SimpleNamespace:
    """Read the three attributes visibility depends on once: rows are checked by thousands."""
    return SimpleNamespace(id=user.id, team_id=user.team_id, is_coordinator=user.is_coordinator)


def _period_signals(user: User, team: Team, period: Period) -> PeriodSignals:
    """Read the period's signals as the user sees them."""
    return read_period(team, period, _viewer(user), lookups(team, set()))


def find_proposal(user: User, team: Team, period: Period, key: str) -> grouping.Proposal | None:
    """Propose again for the period as the user sees it, and return the proposal with a key."""
    signals = _period_signals(user, team, period)
    grouped = proposals.group(team, team_wijk_themes(team), signals, team_links(team.id))
    return next((p for p in grouped.proposals if p.key == key), None)


def with_whole_groups(
    user: User, team: Team, period: Period, keys: list[tuple], tokens: list[tuple[uuid.UUID, int]]
) -> list[tuple[uuid.UUID, int]]:
    """Add every signal of the chosen groups (wijk, theme) in the period the user may see to
    the chosen ones: those the page showed at the version it showed, the rest as they are."""
    signals = _period_signals(user, team, period)
    chosen = dict(tokens)
    rest = {uuid.UUID(i) for key in keys for i in signals.groups.get(key, ())} - set(chosen)
    versions = (
        dict(
            db.session.execute(
                select(SignalStatus.entry_id, SignalStatus.version).where(
                    among(SignalStatus.entry_id, rest)
                )
            ).all()
        )
        if rest
        else {}
    )
    return [*chosen.items(), *((i, versions.get(i, 0)) for i in rest)]


def build_page(
    user: User,
    team: Team,
    period: Period,
    tz: str,
    wijk: int | None = None,
    theme: int | None = None,
    limit: int | None = ROW_LIMIT,
    collapse: bool = False,
) -> ReviewPage:
    """Gather the period's signals by wijk and theme, with proposals and follow-through.

    The period's signals are counted from what `scan` reads with their statuses; only
    the signals the page shows are read in full, in one go: the first `limit` of every group,
    the open signals of any period that are overdue or lost their owner, and those the
    proposals list. With `collapse` (a long period) and more than `COLLAPSE_ABOVE` signals,
    the groups show their counts only, and open on demand.
    """
    viewer, day = _viewer(user), today(tz)
    people = lookups(team, set())
    found = count_groups(team, period, viewer, day, people, limit, wijk, theme)
    collapsed = collapse and sum(found.signals.totals.values()) > COLLAPSE_ABOVE
    if collapsed:
        found.first = dict.fromkeys(found.first, [])
    links = team_links(team.id)
    wijk_themes = team_wijk_themes(team)
    grouped = proposals.group(team, wijk_themes, found.signals, links)
    members = {m.id for m in people.members}
    open_ids = {
        i
        for i, (status, due_on, owner_id, _changed) in found.statuses.items()
        if past_due(due_on, status, day)
        or (status != "closed" and owner_id is not None and owner_id not in members)
    }
    wanted = {i for ids in found.first.values() for i in ids}
    listed = {i for p in grouped.proposals if len(p.entry_ids) <= LIST_LIMIT for i in p.entry_ids}
    every = wanted | open_ids | listed
    read = (
        {
            r.id: r
            for r in load_rows(
                among(ENTRIES.id, map(uuid.UUID, every)),
                team.id,
                order=False,
                text=True,
                links=links,
            )
        }
        if every
        else {}
    )
    shown = {i: read[i] for i in wanted if i in read}
    followed = [read[i] for i in open_ids if i in read and can_view(viewer, read[i])]
    people.include(
        {a for _n, authors, _f in found.sizes.values() for a in authors}
        | {r.owner_id for r in [*shown.values(), *followed]}
        | {r.author_id for r in followed}
        | {t.owner_id for t in wijk_themes.values()}
    )
    for row in [*shown.values(), *followed]:
        row.wijk_id = people.wijk(row.area_id)
        row.owner_left = owner_left(row.owner_id, team.id, people)
        row.overdue = past_due(row.due_on, row.status, day) and not row.owner_left
    overdue = sorted(
        (r for r in followed if r.overdue), key=lambda r: (r.due_on, r.occurred_at, r.id)
    )
    reassign = sorted((r for r in followed if r.owner_left), key=lambda r: (r.occurred_at, r.id))
    for row in shown.values():
        if not row.wijk_theme_ids:
            suggested = grouped.suggestions.get(row.id)
            row.suggested_theme = wijk_themes.get(suggested) if suggested is not None else None
    page = ReviewPage(
        period,
        [],
        people,
        sum(found.signals.totals.values()),
        sum(found.signals.hidden.values()),
        wijk_themes,
        overdue,
        reassign,
        statuses=found.statuses,
        collapsed=collapsed,
    )
    rows = {key: [shown[i] for i in ids if i in shown] for key, ids in found.first.items()}
    _arrange(page, found, rows, grouped.proposals, wijk, theme, limit)
    page.rows_by_id = {i: read[i] for i in wanted | listed if i in read}
    # Reading someone else's sensitive signal is audited, by the view, once per page.
    page.shown_sensitive = sorted(
        {
            r.id
            for w in page.wijken
            for g in w.groups
            for r in g.rows
            if r.sensitive and r.author_id != user.id
        }
    )
    return page


def _arrange(
    page: ReviewPage, found: GroupCounts, rows: dict, proposals, wijk, theme, limit
) -> None:
    """Group by wijk, then theme (most signals first), with the rows the scan picked."""
    people = page.people
    theme_proposals = {(p.wijk_id, p.theme_id): p for p in proposals if p.reason == "theme"}
    word_proposals = defaultdict(list)
    for proposal in proposals:
        if proposal.reason == "words":
            word_proposals[proposal.wijk_id].append(proposal)
    open_themes = defaultdict(list)
    for wijk_theme in page.wijk_themes.values():
        if wijk_theme.status != "closed":
            open_themes[wijk_theme.area_id].append(wijk_theme)
    by_wijk = defaultdict(list)
    for wijk_id, theme_id in found.sizes:
        by_wijk[wijk_id].append(theme_id)
    totals, hidden = found.signals.totals, found.signals.hidden
    for wijk_id in sorted(
        set(by_wijk) | set(hidden) | set(open_themes), key=lambda w: people.area_name(w)
    ):
        if wijk is not None and wijk_id != wijk:
            continue
        proposed = sorted(word_proposals[wijk_id], key=lambda p: -len(p.entry_ids))
        shown = proposed if limit is None else proposed[:PROPOSAL_LIMIT]
        group = WijkGroup(
            wijk_id,
            people.area_name(wijk_id),
            total=totals[wijk_id],
            hidden_sensitive=hidden[wijk_id],
            proposals=shown,
            more_proposals=len(proposed) - len(shown),
            wijk_themes=open_themes[wijk_id],
        )
        for theme_id in by_wijk[wijk_id]:
            if theme is not None and theme_id != (theme or None):
                continue
            total, authors, new = found.sizes[(wijk_id, theme_id)]
            same = [t for t in open_themes[wijk_id] if t.theme_id == theme_id]
            group.groups.append(
                ThemeGroup(
                    wijk_id,
                    theme_id,
                    rows.get((wijk_id, theme_id), []),
                    total=total,
                    authors=len(authors),
                    new=new,
                    proposal=None if same else theme_proposals.get((wijk_id, theme_id)),
                    wijk_theme=same[0] if same else None,
                )
            )
        group.groups.sort(key=lambda g: (-g.total, _theme_position(page, g.theme_id)))
        page.wijken.append(group)


def _theme_position(page: ReviewPage, theme_id: int | None) -> tuple:
    """Order themes as the taxonomy does, plain contact without a theme last; themes of the
    same position by their id."""
    theme = page.people.themes.get(theme_id) if theme_id is not None else None
    return (theme is None, theme.position if theme else 0, theme_id or 0)
