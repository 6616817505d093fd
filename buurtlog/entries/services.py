"""Entries: who may see and change them, pre-fills, saving and the worker's own log."""

from datetime import date, datetime, time, timedelta
from itertools import groupby
from typing import Protocol
from zoneinfo import ZoneInfo

from flask_babel import to_user_timezone
from sqlalchemy import event, func, or_, select
from sqlalchemy.orm import selectinload

from buurtlog.audit.services import record_event
from buurtlog.bounds import day_in_range
from buurtlog.entries import rules, terms
from buurtlog.extensions import db
from buurtlog.models import (
    Area,
    Entry,
    EntryTombstone,
    Place,
    Theme,
    User,
    entry_themes,
    utcnow,
)

RECENT_DAYS = 90
# An entry's own values, as its columns: what the log form sets, and what the sync writes and
# compares (author, team and the times kept by the database aside).
COLUMNS = (
    "occurred_at",
    "area_id",
    "place_id",
    "setting",
    "contact_type",
    "people",
    "first_contact",
    "initiated_by",
    "kind",
    "underlying_question",
    "note",
    "follow_up",
)
# The same as the writer sees them, for comparing versions: area and place as their rows.
EDITABLE_FIELDS = tuple(name.removesuffix("_id") for name in COLUMNS)


class Author(Protocol):
    """What can_view reads of a user: an Entry's author, or a row with their columns."""

    @property
    def id(self) -> int: ...
    @property
    def team_id(self) -> int | None: ...
    @property
    def is_coordinator(self) -> bool: ...


class Visible(Protocol):
    """What can_view reads of an entry: an Entry, or a row with its columns."""

    @property
    def author_id(self) -> int | None: ...
    @property
    def team_id(self) -> int | None: ...
    @property
    def sensitive(self) -> bool: ...


def can_view(user: Author, entry: Visible) -> bool:
    """Tell whether the user may read the entry: sensitive ones only by author and coordinators."""
    if entry.author_id == user.id:
        return True
    same_team = entry.team_id is not None and entry.team_id == user.team_id
    if entry.sensitive:
        return same_team and user.is_coordinator
    return same_team


LIST_PAGE = 50  # entries per page of "my log" and the team's entries


def audit_sensitive_view(user: User, entry: Entry) -> None:
    """Record in the audit log that someone other than the author opened a sensitive entry."""
    if entry.sensitive and entry.author_id != user.id:
        record_event("entry.viewed_sensitive", entry)
        db.session.commit()


def can_edit(user: User, entry: Entry) -> bool:
    """Tell whether the user may change the entry: the author, or a coordinator of the team."""
    if entry.author_id == user.id:
        return True
    return user.is_coordinator and entry.team_id is not None and entry.team_id == user.team_id


def active_places() -> list[Place]:
    """Return the places in use, by name."""
    return list(
        db.session.scalars(
            select(Place)
            .join(Place.area)
            .where(Place.active, Area.active)
            .options(selectinload(Place.area))
            .order_by(Place.name, Place.id)
        )
    )


def active_areas() -> list[Area]:
    """Return the wijken and buurten in use, by name."""
    return list(
        db.session.scalars(
            select(Area).where(Area.active, Area.level != "gemeente").order_by(Area.name, Area.id)
        )
    )


def active_themes() -> list[Theme]:
    """Return the themes in use, in the taxonomy's order."""
    return list(
        db.session.scalars(
            select(Theme).where(Theme.active).order_by(Theme.position, Theme.name_nl)
        )
    )


def themes_for(user: User) -> list[Theme]:
    """Return the active themes, the user's most used of the last months first."""
    since = utcnow() - timedelta(days=RECENT_DAYS)
    uses = (
        select(entry_themes.c.theme_id, func.count().label("uses"))
        .join(Entry, Entry.id == entry_themes.c.entry_id)
        .where(Entry.author_id == user.id, Entry.occurred_at >= since)
        .group_by(entry_themes.c.theme_id)
        .subquery()
    )
    return list(
        db.session.scalars(
            select(Theme)
            .outerjoin(uses, uses.c.theme_id == Theme.id)
            .where(Theme.active)
            .order_by(func.coalesce(uses.c.uses, 0).desc(), Theme.position, Theme.name_nl)
        )
    )


def last_entry(user: User) -> Entry | None:
    """Return the user's most recently logged entry."""
    return db.session.scalar(
        select(Entry).where(Entry.author_id == user.id).order_by(Entry.created_at.desc()).limit(1)
    )


def prefill(user: User) -> dict:
    """Return the place, area and setting to start the next entry with: those of the last one."""
    entry = last_entry(user)
    if entry is not None:
        return {
            "place": entry.place_id,
            "area": entry.area.code if entry.place_id is None else None,
            "setting": entry.setting,
        }
    if user.team is not None and user.team.areas:
        return {"area": user.team.areas[0].code}
    return {}


def apply_form(entry: Entry, form) -> None:
    """Copy a validated log form onto an entry."""
    entry.occurred_at = form.occurred_at_utc(default=entry.occurred_at)
    entry.place = form.chosen_place()
    entry.area = form.chosen_area()
    entry.setting = form.setting.data
    entry.kind = form.kind.data
    entry.themes = form.chosen_themes()
    entry.contact_type = form.contact_type.data
    entry.people = form.people.data
    entry.first_contact = form.first_contact.data == "first"
    entry.initiated_by = form.initiated_by.data
    entry.underlying_question = rules.cleaned_text(form.underlying_question.data)
    entry.note = rules.cleaned_text(form.note.data)
    entry.follow_up = form.follow_up.data


@event.listens_for(Entry, "before_insert")
@event.listens_for(Entry, "before_update")
def store_grouping_terms(_mapper, _connection, entry: Entry) -> None:
    """Store an entry's grouping terms with its texts whenever the ORM saves it (the log form,
    the walk-in's full entry); the sync's bulk insert stores them itself."""
    entry.grouping_terms = terms.stored_terms(entry.underlying_question, entry.note)


def new_entry(form, author: User) -> Entry:
    """Add a new entry from the log form to the session, to be committed by the caller."""
    entry = Entry(author=author, team=author.team)
    apply_form(entry, form)
    db.session.add(entry)
    return entry


def create_entry(form, author: User) -> Entry:
    """Save a new entry from the log form."""
    entry = new_entry(form, author)
    db.session.commit()
    return entry


def snapshot(entry: Entry) -> dict:
    """Return an entry's editable values, for comparing versions."""
    values = {name: getattr(entry, name) for name in EDITABLE_FIELDS}
    values["themes"] = sorted(t.slug for t in entry.themes)
    return values


def update_entry(entry: Entry, form, editor: User) -> list[str]:
    """Save changes from the form; return the names of the fields that changed."""
    before = snapshot(entry)
    apply_form(entry, form)
    after = snapshot(entry)
    changed = [name for name in after if before[name] != after[name]]
    if changed:
        # Also when only the themes changed, which alone would not touch the entry's row:
        # sync (`?since=`), stale forms (the version) and the review page go by it.
        entry.updated_at = utcnow()
    if changed and editor.id != entry.author_id:
        record_event("entry.corrected", entry, actor=editor, fields=",".join(changed))
    db.session.commit()
    return changed


def delete_entry(entry: Entry, user: User) -> None:
    """Delete an entry, leaving a tombstone for API clients; deleting someone else's is audited."""
    if user.id != entry.author_id:
        record_event("entry.deleted", entry, actor=user, author_id=entry.author_id)
    # merge: should the id be deleted twice (its tombstone is then just moved on).
    db.session.merge(
        EntryTombstone(entry_id=entry.id, author_id=entry.author_id, deleted_at=utcnow())
    )
    db.session.delete(entry)
    db.session.commit()


def today(tz: str) -> date:
    """Return today's date where the team works."""
    return utcnow().astimezone(ZoneInfo(tz)).date()


def local_day_start(day: date, tz: str) -> datetime:
    """Return the UTC moment a local day starts."""
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(tz)).astimezone(ZoneInfo("UTC"))


def chosen_monday(week: str, today: date) -> date:
    """Return the Monday of the ISO week named like "2026-W49"; this week's Monday when the
    name is missing, malformed or at the calendar's edge (where a step away overflows)."""
    try:
        year, number = (int(part) for part in week.split("-W"))
        monday = date.fromisocalendar(year, number, 1)
        if day_in_range(monday):
            return monday
    except ValueError:
        pass
    return today - timedelta(days=today.weekday())


def week_name(day: date) -> str:
    """Name the ISO week of a day as the week picker does: "2026-W49"."""
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def by_day(entries: list[Entry]) -> list[tuple[date, list[Entry]]]:
    """Group entries (newest first) by their day in the user's time zone."""
    local_day = lambda entry: to_user_timezone(entry.occurred_at).date()  # noqa: E731
    return [(day, list(group)) for day, group in groupby(entries, key=local_day)]


def week_bounds(year: int, week: int, tz: str) -> tuple[datetime, datetime]:
    """Return the start and end (UTC) of an ISO week in the given time zone."""
    start = datetime.combine(
        date.fromisocalendar(year, week, 1), datetime.min.time(), tzinfo=ZoneInfo(tz)
    )
    return start.astimezone(ZoneInfo("UTC")), (start + timedelta(days=7)).astimezone(
        ZoneInfo("UTC")
    )


def list_entries(
    user: User, start: datetime, end: datetime, team: bool = False, page: int = 1
) -> tuple[list[Entry], bool]:
    """Return one page of the user's own entries (or the team's, for coordinators) in a
    period, newest first, and whether an older page follows."""
    query = select(Entry).where(Entry.occurred_at >= start, Entry.occurred_at < end)
    if team and user.is_coordinator and user.team_id is not None:
        query = query.where(or_(Entry.team_id == user.team_id, Entry.author_id == user.id))
    else:
        query = query.where(Entry.author_id == user.id)
    entries = list(
        db.session.scalars(
            query.options(
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


def audit_sensitive_listing(user: User, entries: list[Entry]) -> None:
    """Record each sensitive entry of someone else a list showed, as opening it would."""
    shown = [e for e in entries if e.sensitive and e.author_id != user.id]
    for entry in shown:
        record_event("entry.viewed_sensitive", entry, listing="team")
    if shown:
        db.session.commit()
