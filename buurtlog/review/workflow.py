"""Deciding on signals: their status workflow, owners, and gathering them into wijk themes.

Every change is checked against the version the user saw: a change made on a stale page
saves nothing at all (`Conflict`), so two people moving a signal at once never overwrite
each other.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from buurtlog.audit.services import record_event
from buurtlog.extensions import db
from buurtlog.models import (
    OUTCOMES,
    DismissedProposal,
    Entry,
    Review,
    SignalStatus,
    StatusChange,
    Team,
    User,
    WijkTheme,
    WijkThemeNote,
)
from buurtlog.privacy import find_personal_data
from buurtlog.review.grouping import Proposal

# new → discussed → one of the outcomes → closed; outcomes may change into one another, a
# closed signal may be opened again, and nothing goes back to "new".
TRANSITIONS = {
    "new": {"discussed", *OUTCOMES, "closed"},
    "discussed": {"discussed", *OUTCOMES, "closed"},
    **{outcome: {*OUTCOMES, "closed"} for outcome in OUTCOMES},
    "closed": {"closed", "discussed", *OUTCOMES},
}
KEEP = object()  # in a change: leave this value as it is


class Conflict(Exception):
    """Some signals changed since the user loaded the page; nothing was saved."""

    def __init__(self, entry_ids: Iterable):
        super().__init__("stale")
        self.entry_ids = list(entry_ids)


class Refused(Exception):
    """A change breaks a rule of the workflow; nothing was saved."""

    def __init__(self, message, entry_ids: Iterable = ()):
        super().__init__(str(message))
        self.message = message
        self.entry_ids = list(entry_ids)


class NotPublic(Refused):
    """A wijk theme may not be shown on the public page; nothing was saved."""


def may_own(owner: User, entry: Entry) -> bool:
    """Tell whether someone may own a signal: an active team member who may also see it."""
    if not owner.active or owner.team_id is None or owner.team_id != entry.team_id:
        return False
    return not entry.sensitive or owner.id == entry.author_id or owner.is_coordinator


def check(
    entry: Entry, current: SignalStatus | None, actor: User, status: str, owner: User | None
) -> str | None:
    """Return why this change may not be made, or None when it may."""
    was = current.status if current is not None else "new"
    old_owner = current.owner_id if current is not None else None
    if actor.team_id is None or actor.team_id != entry.team_id:
        return _l("Only the team that logged a signal decides on it.")
    if not actor.is_coordinator:
        if old_owner != actor.id:
            return _l("Only the coordinator or the owner can change this signal.")
        if (owner.id if owner else None) != old_owner:
            return _l("Only a coordinator can give a signal another owner.")
    if status not in TRANSITIONS[was]:
        return (
            _l("A signal cannot go back to new.")
            if status == "new"
            else _l("This status does not follow on the current one.")
        )
    if status in OUTCOMES and owner is None:
        return _l("Choose an owner: someone in the team picks this up.")
    if owner is not None and owner.id != old_owner and not may_own(owner, entry):
        if entry.sensitive and owner.team_id == entry.team_id:
            return _l("A sensitive signal can only be owned by its author or a coordinator.")
        return _l("The owner must be an active member of the team.")
    return None


def change(
    entries: list[tuple[Entry, int]],
    actor: User,
    review: Review | None = None,
    *,
    status=KEEP,
    owner=KEEP,
    decision=KEEP,
    due_on=KEEP,
) -> int:
    """Change signals seen at the given versions; return how many changed.

    Raises `Conflict` when any of them changed meanwhile and `Refused` when a rule is broken;
    in both cases nothing is saved.
    """
    ids = [e.id for e, _ in entries]
    current = {
        s.entry_id: s
        for s in db.session.scalars(select(SignalStatus).where(SignalStatus.entry_id.in_(ids)))
    }
    stale = [
        e.id
        for e, version in entries
        if (current[e.id].version if e.id in current else 0) != version
    ]
    if stale:
        raise Conflict(stale)
    refused: dict[str, list] = {}
    for entry, _version in entries:
        row = current.get(entry.id)
        target = status if status is not KEEP else (row.status if row else "new")
        new_owner = owner if owner is not KEEP else (row.owner if row else None)
        if status is KEEP and target == "new":
            target = "discussed"  # deciding anything about a signal means it was discussed
        reason = check(entry, row, actor, target, new_owner)
        if reason is not None:
            refused.setdefault(str(reason), []).append(entry.id)
    if refused:
        message, ids = next(iter(refused.items()))
        raise Refused(message, ids)
    changed = 0
    for entry, _version in entries:
        changed += _apply(
            entry, current.get(entry.id), actor, review, status, owner, decision, due_on
        )
    try:
        db.session.commit()
    except (StaleDataError, IntegrityError):
        db.session.rollback()
        raise Conflict([e.id for e, _ in entries]) from None
    return changed


def _apply(
    entry: Entry,
    row: SignalStatus | None,
    actor: User,
    review: Review | None,
    status,
    owner,
    decision,
    due_on,
) -> int:
    """Apply one change and log it; return 1 if anything changed."""
    if row is None:
        row = SignalStatus(entry_id=entry.id, team_id=entry.team_id, status="new")
        db.session.add(row)
    before = (row.status, row.owner_id, row.decision, row.due_on)
    if status is not KEEP:
        row.status = status
    elif row.status == "new":
        row.status = "discussed"
    if owner is not KEEP:
        row.owner = owner
        row.owner_id = owner.id if owner else None
    if decision is not KEEP:
        row.decision = decision or None
    if due_on is not KEEP:
        row.due_on = due_on
    after = (row.status, row.owner_id, row.decision, row.due_on)
    if before == after:
        if row.version is None:  # a new row that changes nothing is not worth saving
            db.session.expunge(row)
        return 0
    row.updated_by_id = actor.id
    db.session.add(
        StatusChange(
            entry_id=entry.id,
            team_id=entry.team_id,
            review_id=review.id if review else None,
            actor_id=actor.id,
            from_status=before[0],
            to_status=row.status,
            owner_id=row.owner_id,
            due_on=row.due_on,
            decision=row.decision,
        )
    )
    return 1


def _log(
    theme: WijkTheme,
    actor: User,
    review: Review | None,
    event: str,
    value: str | None = None,
    text: str | None = None,
) -> None:
    """Add a line to a wijk theme's running log."""
    theme.notes.append(
        WijkThemeNote(
            author_id=actor.id,
            review_id=review.id if review else None,
            event=event,
            value=value,
            text=text,
        )
    )


def create_wijk_theme(
    team: Team,
    wijk_id: int,
    theme_id: int | None,
    name: str,
    status: str,
    owner: User | None,
    entries: list[Entry],
    actor: User,
    review: Review | None,
) -> WijkTheme:
    """Make a wijk theme of signals the team says belong together."""
    theme = WijkTheme(
        team_id=team.id,
        area_id=wijk_id,
        theme_id=theme_id,
        name=name,
        status=status,
        owner=owner,
        created_by_id=actor.id,
        entries=list(entries),
    )
    db.session.add(theme)
    _log(theme, actor, review, "created", status)
    if entries:
        _log(theme, actor, review, "linked", str(len(entries)))
    db.session.commit()
    return theme


def make_wijk_theme_of(
    team: Team, entries: list[Entry], name: str, actor: User, review: Review | None, wijk_of
) -> WijkTheme:
    """Make an open wijk theme of chosen signals of one wijk, about the theme most of them
    have; refuse signals of several wijken (`wijk_of` tells an area's wijk)."""
    wijken = {wijk_of(e.area_id) for e in entries}
    if len(wijken) != 1:
        raise Refused(_l("Choose signals of one wijk for a wijk theme."))
    used = [t.id for e in entries for t in e.themes]
    theme_id = max(set(used), key=used.count) if used else None
    return create_wijk_theme(
        team, wijken.pop(), theme_id, name, "open", None, entries, actor, review
    )


def confirm_proposal(
    team: Team,
    found: Proposal,
    kept: set[str] | None,
    name: str,
    actor: User,
    review: Review | None,
) -> WijkTheme:
    """Make an open wijk theme of a proposed group: of the signals the team kept in it (all
    when `kept` is None), under the name it gave."""
    ids = [uuid.UUID(i) for i in found.entry_ids if kept is None or i in kept]
    entries = list(db.session.scalars(select(Entry).where(Entry.id.in_(ids))))
    return create_wijk_theme(
        team, found.wijk_id, found.theme_id, name, "open", None, entries, actor, review
    )


def link(theme: WijkTheme, entries: list[Entry], actor: User, review: Review | None) -> int:
    """Add signals to a wijk theme; return how many were new to it."""
    new = [e for e in entries if e not in theme.entries]
    if new:
        theme.entries.extend(new)
        _log(theme, actor, review, "linked", str(len(new)))
        db.session.commit()
    return len(new)


def unlink(theme: WijkTheme, entry: Entry, actor: User, review: Review | None) -> None:
    """Take a signal out of a wijk theme."""
    if entry in theme.entries:
        theme.entries.remove(entry)
        _log(theme, actor, review, "unlinked", "1")
        db.session.commit()


def update_wijk_theme(
    theme: WijkTheme,
    version: int,
    actor: User,
    review: Review | None,
    name: str,
    status: str,
    owner: User | None,
    note: str | None,
    public: bool | None = None,
    may_reassign: bool = True,
) -> bool:
    """Rename a wijk theme, change its status or owner, show it in public or not (None: as it
    is; a coordinator's choice) and log a note; False if nothing changed.

    Only those who run the review (`may_reassign`) give a wijk theme another owner."""
    if not may_reassign and (owner.id if owner else None) != theme.owner_id:
        raise Refused(_l("Only a coordinator can give a wijk theme another owner."))
    if theme.version != version:
        raise Conflict([theme.id])
    public = theme.public if public is None else public
    if public and theme.theme is not None and theme.theme.sensitive:
        raise NotPublic(_l("A wijk theme under a sensitive theme is never shown in public."))
    if public and find_personal_data(name):
        raise NotPublic(
            _l(
                "The name looks like it holds personal data: give it a name "
                "residents may read before showing it in public."
            )
        )
    # Say what changed as it happens: reading theme.area for the audit may flush the session,
    # after which it holds nothing "dirty" any more.
    changed = bool(note)
    if public != theme.public:
        theme.public, changed = public, True
        record_event(
            "wijk_theme.public" if public else "wijk_theme.private",
            theme.area,
            actor=actor,
            wijk_theme=theme.id,
        )
    if name != theme.name:
        _log(theme, actor, review, "renamed")
        theme.name, changed = name, True
    if status != theme.status:
        _log(theme, actor, review, "status", status)
        theme.status, changed = status, True
    if (owner.id if owner else None) != theme.owner_id:
        _log(theme, actor, review, "owner", str(owner.id) if owner else None)
        theme.owner, changed = owner, True
    if note:
        _log(theme, actor, review, "note", text=note)
    if not changed:
        return False
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        raise Conflict([theme.id]) from None
    return True


def dismiss(team: Team, key: str, entry_ids: list, actor: User) -> None:
    """Remember that the team turned a proposal down, so it does not come back."""
    db.session.add(
        DismissedProposal(
            team_id=team.id,
            key=key,
            entry_ids=[str(i) for i in entry_ids],
            dismissed_by_id=actor.id,
        )
    )
    db.session.commit()
