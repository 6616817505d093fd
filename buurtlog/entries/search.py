"""Search one's own entries (or, for coordinators, the team's) by words, theme, kind, place and
period, across weeks.

The words are free text: they come in a POST body, never in an address, so they stay out of
server logs, the browser's history and the service worker's cache.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import selectinload

from buurtlog.entries.services import LIST_PAGE, local_day_start
from buurtlog.extensions import db
from buurtlog.models import Entry, Theme, User, entry_themes

MAX_WORDS = 8


@dataclass
class Query:
    """What to look for; empty parts do not narrow the search."""

    words: str = ""
    theme: str | None = None
    kind: str | None = None
    place: int | None = None
    start: date | None = None
    end: date | None = None  # the last day included


def _like(word: str) -> str:
    """Return a LIKE pattern that finds the word anywhere, its wildcards taken literally."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def words_of(text: str) -> list[str]:
    """Split what was typed into the words that must all occur (at most MAX_WORDS)."""
    return [w for w in text.split() if w][:MAX_WORDS]


def search_entries(
    user: User, query: Query, tz: str, team: bool = False, page: int = 1
) -> tuple[list[Entry], bool]:
    """Return one page of the matching entries, newest first, and whether more follow.

    Every word must occur in the note or in the question beneath the question (either case).
    Only entries the user may read are searched: their own, or for a coordinator the team's.
    """
    where = []
    if team and user.is_coordinator and user.team_id is not None:
        where.append(or_(Entry.team_id == user.team_id, Entry.author_id == user.id))
    else:
        where.append(Entry.author_id == user.id)
    for word in words_of(query.words):
        pattern = _like(word)
        where.append(
            or_(
                Entry.note.ilike(pattern, escape="\\"),
                Entry.underlying_question.ilike(pattern, escape="\\"),
            )
        )
    if query.theme:
        where.append(
            Entry.id.in_(
                select(entry_themes.c.entry_id)
                .join(Theme, Theme.id == entry_themes.c.theme_id)
                .where(Theme.slug == query.theme)
            )
        )
    if query.kind:
        where.append(Entry.kind == query.kind)
    if query.place:
        where.append(Entry.place_id == query.place)
    if query.start:
        where.append(Entry.occurred_at >= local_day_start(query.start, tz))
    if query.end:
        where.append(Entry.occurred_at < local_day_start(query.end + timedelta(days=1), tz))
    entries = list(
        db.session.scalars(
            select(Entry)
            .where(and_(*where))
            .options(
                selectinload(Entry.themes),
                selectinload(Entry.place),
                selectinload(Entry.area),
                selectinload(Entry.author),
            )
            .order_by(Entry.occurred_at.desc(), Entry.id.desc())
            .offset((page - 1) * LIST_PAGE)
            .limit(LIST_PAGE + 1)
        )
    )
    return entries[:LIST_PAGE], len(entries) > LIST_PAGE
