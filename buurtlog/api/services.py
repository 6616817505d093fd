"""Syncing entries from the phone's outbox, and the reference data for offline pickers."""

import hashlib
import json
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from buurtlog.api.forms import EntryPayloadForm, read_payload
from buurtlog.entries import services as entries
from buurtlog.extensions import db
from buurtlog.models import Entry, Theme, User, entry_themes

SINCE_LIMIT = 1000


def sync_entries(items: list, user: User, form: EntryPayloadForm) -> list[dict]:
    """Save a batch of entries exactly once each; answer per entry, in the order sent.

    One form checks every entry in turn, so its choices (places, areas, themes) are built
    once per batch.
    """
    results: list[dict] = []
    checked: list[tuple[int, Entry, bool]] = []
    for item in items:
        entry_id, formdata, errors = read_payload(item)
        sent_id = str(entry_id) if entry_id else (
            item.get("id") if isinstance(item, dict) else None)
        results.append({"id": sent_id, "status": "invalid", "errors": errors})
        if errors:
            continue
        if not form.read(formdata).validate():
            results[-1]["errors"] = {name: " ".join(map(str, messages))
                                     for name, messages in form.errors.items()}
            continue
        entry = Entry(id=entry_id)  # transient: written by _insert_rows, never by the ORM
        entries.apply_form(entry, form)
        checked.append((len(results) - 1, entry, form.occurred_at.data is not None))

    # One query for the ids that are already known, instead of one per entry.
    known = {e.id: e for e in db.session.scalars(
        select(Entry).where(Entry.id.in_([entry.id for _, entry, _ in checked]))
        .options(selectinload(Entry.themes)))} if checked else {}
    new: list[tuple[int, Entry, bool]] = []
    for index, entry, timed in checked:
        if entry.id in known:
            same = _same(known[entry.id], entry, timed, user)
            results[index] = {"id": str(entry.id), "status": "duplicate" if same else "conflict"}
            continue
        known[entry.id] = entry  # the same id twice in one batch: the second is compared
        new.append((index, entry, timed))
        results[index] = {"id": str(entry.id), "status": "created"}
    if new:
        _insert(new, results, user)
    db.session.commit()
    return results


def _insert(new: list[tuple[int, Entry, bool]], results: list[dict], user: User):
    """Insert the new entries with two multi-row INSERTs (entries and their themes).

    The ORM's unit of work costs milliseconds per entry; these rows need none of it. If a
    parallel request saved one of the ids meanwhile, the batch falls back to one by one.
    """
    try:
        with db.session.begin_nested():
            _insert_rows([entry for _, entry, _ in new], user)
        return
    except IntegrityError:
        pass
    for index, entry, timed in new:
        try:
            with db.session.begin_nested():
                _insert_rows([entry], user)
        except IntegrityError:
            existing = db.session.scalar(select(Entry).where(Entry.id == entry.id)
                                         .execution_options(populate_existing=True))
            same = existing is not None and _same(existing, entry, timed, user)
            results[index] = {"id": str(entry.id), "status": "duplicate" if same else "conflict"}


def _insert_rows(rows: list[Entry], user: User) -> None:
    """Write transient entries (filled by the log form's rules) straight into the tables."""
    scalars = [c.key for c in Entry.__table__.columns
               if not c.foreign_keys and c.key not in ("created_at", "updated_at", "version")]
    values = [{**{key: getattr(entry, key) for key in scalars}, "author_id": user.id,
               "team_id": user.team_id, "area_id": entry.area.id,
               "place_id": entry.place.id if entry.place else None} for entry in rows]
    db.session.execute(insert(Entry.__table__), values)
    themes = [{"entry_id": entry.id, "theme_id": theme.id} for entry in rows
              for theme in entry.themes]
    if themes:
        db.session.execute(insert(entry_themes), themes)


def _same(existing: Entry, sent: Entry, timed: bool, user: User) -> bool:
    """Tell whether a sent entry has exactly the content of the saved one.

    An entry sent without a time took the time of arrival, so its time is not compared.
    """
    if existing.author_id != user.id:
        return False
    if not timed:
        sent.occurred_at = existing.occurred_at
    return entries.snapshot(sent) == entries.snapshot(existing)


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




