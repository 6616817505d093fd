"""Syncing entries from the phone's outbox, and the reference data for offline pickers."""

import hashlib
import json
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from buurtlog.api.forms import EntryPayloadForm, read_payload
from buurtlog.entries import services as entries
from buurtlog.extensions import db
from buurtlog.models import Entry, Theme, User

SINCE_LIMIT = 1000


def sync_entries(items: list, user: User, make_form: Callable[..., EntryPayloadForm]) -> list[dict]:
    """Save a batch of entries exactly once each; answer per entry, in the order sent."""
    results = [_sync_one(item, user, make_form) for item in items]
    db.session.commit()
    return results


def _sync_one(item: object, user: User, make_form) -> dict:
    """Validate and save one entry, or say why not: invalid, duplicate or conflict."""
    entry_id, formdata, errors = read_payload(item)
    sent_id = str(entry_id) if entry_id else (item.get("id") if isinstance(item, dict) else None)
    if errors:
        return {"id": sent_id, "status": "invalid", "errors": errors}
    form = make_form(formdata=formdata)
    if not form.validate():
        return {"id": sent_id, "status": "invalid",
                "errors": {name: " ".join(map(str, messages))
                           for name, messages in form.errors.items()}}
    existing = db.session.get(Entry, entry_id)
    if existing is None:
        try:
            with db.session.begin_nested():
                entry = Entry(id=entry_id, author=user, team=user.team)
                entries.apply_form(entry, form)
                db.session.add(entry)
            return {"id": sent_id, "status": "created"}
        except IntegrityError:  # the same id was saved by a parallel request just now
            existing = db.session.scalar(
                select(Entry).where(Entry.id == entry_id).execution_options(populate_existing=True))
    return {"id": sent_id, "status": "duplicate" if _same(existing, form, user) else "conflict"}


def _same(existing: Entry, form: EntryPayloadForm, user: User) -> bool:
    """Tell whether a sent entry has exactly the content of the saved one."""
    if existing.author_id != user.id:
        return False
    candidate = Entry(occurred_at=existing.occurred_at)  # transient, never added
    entries.apply_form(candidate, form)
    return entries.snapshot(candidate) == entries.snapshot(existing)


def entry_json(entry: Entry) -> dict:
    """Describe an entry as the sync API does."""
    return {
        "id": str(entry.id),
        "occurred_at": entry.occurred_at.isoformat(),
        "area": entry.area.code,
        "place": entry.place_id,
        "setting": entry.setting,
        "contact_type": entry.contact_type,
        "people": entry.people,
        "first_contact": entry.first_contact,
        "initiated_by": entry.initiated_by,
        "kind": entry.kind,
        "themes": [t.slug for t in entry.themes],
        "underlying_question": entry.underlying_question,
        "note": entry.note,
        "follow_up": entry.follow_up,
        "sensitive": entry.sensitive,
        "version": entry.version,
        "updated_at": entry.updated_at.isoformat(),
    }


def entries_since(user: User, since: datetime) -> tuple[list[Entry], bool]:
    """Return the user's own entries changed after a moment (oldest first) and whether more wait."""
    rows = list(db.session.scalars(
        select(Entry).where(Entry.author_id == user.id, Entry.updated_at > since)
        .options(selectinload(Entry.themes), selectinload(Entry.area))
        .order_by(Entry.updated_at, Entry.id).limit(SINCE_LIMIT + 1)))
    return rows[:SINCE_LIMIT], len(rows) > SINCE_LIMIT


def reference_data() -> tuple[dict, str]:
    """Return the areas, places and themes in use for offline pickers, with an ETag."""
    areas = entries.active_areas()
    data = {
        "areas": [{"code": a.code, "name": a.name, "level": a.level,
                   "parent": a.parent.code if a.parent else None} for a in areas],
        "places": [{"id": p.id, "name": p.name, "kind": p.kind, "area": p.area.code}
                   for p in entries.active_places()],
        "themes": [{"slug": t.slug, "name": {"nl": t.name_nl, "en": t.name_en},
                    "sensitive": t.sensitive}
                   for t in db.session.scalars(
                       select(Theme).where(Theme.active).order_by(Theme.position, Theme.name_nl))],
    }
    etag = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:32]
    return data, etag




