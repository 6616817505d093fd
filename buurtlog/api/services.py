"""Syncing entries from the phone's outbox, and the reference data for offline pickers."""

import fcntl
import hashlib
import json
import logging
import os
import threading
import uuid
from bisect import bisect_left
from collections.abc import Callable
from contextlib import contextmanager
from datetime import datetime
from functools import cache

from sqlalchemy import insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import selectinload

from buurtlog.api.forms import EntryPayloadForm, read_payload
from buurtlog.audit.services import record_event
from buurtlog.entries import rules, terms
from buurtlog.entries import services as entries
from buurtlog.extensions import db
from buurtlog.initiatives import services as initiatives
from buurtlog.models import Entry, EntryTombstone, Theme, User, entry_themes
from buurtlog.privacy import find_personal_data
from buurtlog.privacy_known import known_pattern

log = logging.getLogger(__name__)
SINCE_LIMIT = 1000
# The columns a synced entry sets: its id and the entry's own (`entries.COLUMNS`); author and
# team come from the caller, the rest defaults.
COLUMNS = ("id", *entries.COLUMNS)
REFUSED = "The database refused this entry."
# What makes two versions of an entry the same: its own values (and the themes). The first,
# the moment, only counts when the phone sent one.
COMPARED = entries.COLUMNS


def sync_entries(items: list, user: User, make_form: Callable[[], EntryPayloadForm]) -> list[dict]:
    """Save a batch of entries exactly once each; answer per entry, in the order sent.

    Each entry is checked by the entry's rules (`entries.rules.check`, on the team's
    reference data read once per batch); the log form (made once, only when needed), which
    applies the same rules, reads the rest and words their errors. Nothing is confirmed
    before the commit.
    """
    user_id, team_id = user.id, user.team_id  # read once: the commit expires the user
    ref, form = rules.reference(), None
    results: list[dict] = []
    new: dict[uuid.UUID, tuple[int, dict]] = {}  # the first of each id: its place, values
    repeated: list[tuple[int, dict]] = []  # the same id again in the same batch
    kept: set[uuid.UUID] = set()  # kept by the writer although the guard marked something
    for item in items:
        values = rules.check(item, ref)
        if values is None:
            form = form or make_form()
            judged = _judged_by_form(item, form)
            if judged[0] is None:
                results.append(judged[1])
                continue
            values = judged[0]
        results.append({"id": str(values["id"]), "status": "created"})
        if item.get("privacy_confirmed") is True:
            kept.add(values["id"])
        if values["id"] in new:
            repeated.append((len(results) - 1, values))
        else:
            new[values["id"]] = (len(results) - 1, values)
    if not new:
        return results
    with one_writer():
        # A deleted entry stays deleted: sent again (a lost answer, an old outbox), it is
        # answered as a duplicate, or as a conflict when it was someone else's.
        for entry_id, author_id in _deleted(list(new)).items():
            index, _values = new.pop(entry_id)
            status = "duplicate" if author_id == user_id else "conflict"
            results[index]["status"] = status
            for again, values in repeated:
                if values["id"] == entry_id:
                    results[again]["status"] = status
            repeated = [(i, values) for i, values in repeated if values["id"] != entry_id]
        if not new:
            db.session.commit()
            return results
        saved, refused = _insert_apart(
            [values for _index, values in new.values()], user_id, team_id
        )
        invalid = [new.pop(entry_id)[0] for entry_id in refused]
        invalid += [index for index, values in repeated if values["id"] in refused]
        for index in invalid:
            results[index].update(status="invalid", errors={"entry": REFUSED})
        repeated = [(index, values) for index, values in repeated if values["id"] in new]
        # Ids saved before (or by a parallel request a moment ago) were skipped: compare.
        skipped = [entry_id for entry_id in new if entry_id not in saved]
        earlier = _saved_versions(skipped)
        for entry_id in skipped:
            index, values = new[entry_id]
            same = _same(earlier.get(entry_id), values, user_id)
            results[index]["status"] = "duplicate" if same else "conflict"
        for index, values in repeated:  # compared with the version saved first
            entry_id = values["id"]
            first = new[entry_id][1] if entry_id in saved else earlier.get(entry_id)
            same = _same(first, values, user_id)
            results[index]["status"] = "duplicate" if same else "conflict"
        # Text the writer chose to keep although the guard marked it: audited by id only.
        for entry_id in saved & kept:
            record_event("privacy.kept", entry=str(entry_id), via="sync")
        db.session.commit()  # before answering: a confirmed entry leaves the phone
    return results


_writer = threading.Lock()
_lock_files: dict[str, int] = {}


@contextmanager
def one_writer():
    """On an SQLite file, let one sync request write at a time, across worker processes.

    SQLite takes one writer at a time; the others poll with growing sleeps (its busy
    timeout), which under concurrent syncing costs far more than the write itself. A lock
    file beside the database makes them wait their turn in the kernel instead, woken the
    moment the writer commits. PostgreSQL needs none of this.
    """
    bind = db.session.get_bind()
    path = bind.engine.url.database if bind.dialect.name == "sqlite" else None
    if not path or path == ":memory:" or path.startswith("file:"):
        yield
        return
    with _writer:  # threads of one process share the lock file's descriptor
        fd = _lock_files.get(path)
        if fd is None:
            fd = _lock_files[path] = os.open(f"{path}-synclock", os.O_CREAT | os.O_RDWR, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)


def _judged_by_form(item: object, form: EntryPayloadForm) -> tuple[dict, None] | tuple[None, dict]:
    """Check an entry with the log form; return its values, or its invalid result."""
    entry_id, formdata, errors = read_payload(item)
    sent = item.get("id") if isinstance(item, dict) else None
    sent_id = str(entry_id) if entry_id else (sent if isinstance(sent, str) else None)
    if errors or formdata is None:  # no form data exactly when there are errors of shape
        return None, {"id": sent_id, "status": "invalid", "errors": errors}
    if not form.read(formdata).validate():
        errors = {name: " ".join(map(str, messages)) for name, messages in form.errors.items()}
        found = held_back_findings(item, errors)
        return None, {"id": sent_id, "status": "invalid", "errors": errors, **found}
    entry = Entry(id=entry_id)  # transient: only read here, never saved by the ORM
    entries.apply_form(entry, form)
    return form_values(entry, timed=form.occurred_at.data is not None), None


def held_back_findings(item: object, errors: dict) -> dict:
    """Return what the guard found in the texts it held back, by field, as the privacy check
    words it (`findings_json`): a phone that kept the entry offline marks them in the form,
    with the same remove-or-keep choice, even when it is offline again."""
    texts = {
        name: text
        for name, _limit in rules.TEXTS
        if name in errors and isinstance(item, dict) and isinstance(text := item.get(name), str)
    }
    found = {name: findings_json(text) for name, text in texts.items()}
    found = {name: findings for name, findings in found.items() if findings}
    return {"findings": found} if found else {}


def findings_json(text: str) -> list[dict]:
    """Return the personal data in text with its offsets in both units: code points (Python's
    str indexes) and UTF-16 code units (JavaScript's, in which an emoji counts twice)."""
    utf16 = utf16_offsets(text)
    return [
        {
            "kind": f.kind,
            "start": f.start,
            "end": f.end,
            "start_utf16": utf16(f.start),
            "end_utf16": utf16(f.end),
        }
        for f in find_personal_data(text, known=known_pattern())
    ]


def utf16_offsets(text: str) -> Callable[[int], int]:
    """Return a function that turns a character offset in text into a UTF-16 one: the unit of
    JavaScript strings, in which a character beyond U+FFFF (an emoji) counts twice."""
    if text.isascii() or max(text) <= "\uffff":
        return lambda offset: offset
    astral = [i for i, c in enumerate(text) if c > "\uffff"]
    return lambda offset: offset + bisect_left(astral, offset)


def form_values(entry: Entry, timed: bool) -> dict:
    """Return what the log form set on a transient entry, as `rules.check` returns it."""
    values = {name: getattr(entry, name) for name in COLUMNS if name not in ("area_id", "place_id")}
    values.update(
        area_id=entry.area.id,
        place_id=entry.place.id if entry.place else None,
        theme_ids=[theme.id for theme in entry.themes],
        timed=timed,
    )
    return values


@cache
def _insert_new_entries(dialect: str):
    """Return an INSERT of entries that skips ids already saved, returning the ids it wrote."""
    table = Entry.__table__
    make = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return make(table).on_conflict_do_nothing(index_elements=[table.c.id]).returning(table.c.id)


def _insert_apart(
    new: list[dict], user_id: int, team_id: int | None
) -> tuple[set[uuid.UUID], set[uuid.UUID]]:
    """Insert the batch at once; if the database refuses it, entry by entry, each on its own.

    The checks before should leave the database nothing to refuse. Should it still refuse
    something (a constraint no check knew of), only that entry is refused: the rest of the
    batch is saved, so an outbox is never stuck retrying a batch that can never pass.
    Returns the ids saved and the ids refused.
    """
    try:
        with db.session.begin_nested():
            return _insert(new, user_id, team_id), set()
    except (IntegrityError, DataError):
        pass
    saved: set[uuid.UUID] = set()
    refused: set[uuid.UUID] = set()
    for values in new:
        try:
            with db.session.begin_nested():
                saved |= _insert([values], user_id, team_id)
        except (IntegrityError, DataError) as error:
            # The id and the kind of error only: PostgreSQL's message may quote the row.
            log.warning(
                "The database refused synced entry %s (%s).",
                values["id"],
                type(error.orig).__name__,
            )
            refused.add(values["id"])
    return saved, refused


def _insert(new: list[dict], user_id: int, team_id: int | None) -> set[uuid.UUID]:
    """Insert the new entries and their themes with two statements; return the ids saved.

    An id that is already saved (sent before, or by a parallel request a moment ago) is
    skipped by the database itself, so a retry can never make a second row.
    """
    rows = [
        {
            **{name: values[name] for name in COLUMNS},
            "author_id": user_id,
            "team_id": team_id,
            "grouping_terms": terms.stored_terms(values["underlying_question"], values["note"]),
        }
        for values in new
    ]
    saved = set(db.session.scalars(_insert_new_entries(db.session.get_bind().dialect.name), rows))
    themes = [
        {"entry_id": values["id"], "theme_id": theme_id}
        for values in new
        if values["id"] in saved
        for theme_id in values["theme_ids"]
    ]
    if themes:
        db.session.execute(insert(entry_themes), themes)
    return saved


def _deleted(ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    """Return which of these ids belonged to deleted entries, with their authors."""
    return dict(
        db.session.execute(
            select(EntryTombstone.entry_id, EntryTombstone.author_id).where(
                EntryTombstone.entry_id.in_(ids)
            )
        ).all()
    )


def _saved_versions(ids: list[uuid.UUID]) -> dict[uuid.UUID, dict]:
    """Read saved entries as the values `_same` compares, with their author."""
    if not ids:
        return {}
    return {
        e.id: {
            **{name: getattr(e, name) for name in COMPARED},
            "author_id": e.author_id,
            "theme_ids": [theme.id for theme in e.themes],
        }
        for e in db.session.scalars(
            select(Entry)
            .where(Entry.id.in_(ids))
            .options(selectinload(Entry.themes))
            .execution_options(populate_existing=True)
        )
    }


def _same(first: dict | None, sent: dict, user_id: int) -> bool:
    """Tell whether a sent entry has exactly the content of the caller's earlier version.

    An entry sent without a time took the time of arrival, so its time is not compared.
    """
    if first is None or first.get("author_id", user_id) != user_id:
        return False
    names = COMPARED if sent["timed"] else COMPARED[1:]
    return all(first[name] == sent[name] for name in names) and sorted(
        first["theme_ids"]
    ) == sorted(sent["theme_ids"])


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


def entries_since(user: User, since: datetime) -> tuple[list[Entry], list[EntryTombstone], bool]:
    """Return the user's own entries changed and deleted after a moment, and whether more wait.

    One stream of changes, oldest first, cut after SINCE_LIMIT: the latest `updated_at` or
    `deleted_at` returned is where the next call starts, and nothing before it is left out.
    """
    rows = list(
        db.session.scalars(
            select(Entry)
            .where(Entry.author_id == user.id, Entry.updated_at > since)
            .options(selectinload(Entry.themes), selectinload(Entry.area))
            .order_by(Entry.updated_at, Entry.id)
            .limit(SINCE_LIMIT + 1)
        )
    )
    gone = list(
        db.session.scalars(
            select(EntryTombstone)
            .where(EntryTombstone.author_id == user.id, EntryTombstone.deleted_at > since)
            .order_by(EntryTombstone.deleted_at, EntryTombstone.entry_id)
            .limit(SINCE_LIMIT + 1)
        )
    )
    if len(rows) + len(gone) <= SINCE_LIMIT:
        return rows, gone, False
    changes = sorted(
        [(row.updated_at, 0, row) for row in rows] + [(tomb.deleted_at, 1, tomb) for tomb in gone],
        key=lambda change: change[:2],
    )[:SINCE_LIMIT]
    last = changes[-1][0]
    # A page never ends inside one moment: the next call asks for what is after it.
    kept = [change for change in changes if change[0] < last] or changes
    return (
        [row for _at, _kind, row in kept if isinstance(row, Entry)],
        [tomb for _at, _kind, tomb in kept if isinstance(tomb, EntryTombstone)],
        True,
    )


def tombstone_json(tombstone: EntryTombstone) -> dict:
    """Describe a deleted entry as the sync API does."""
    return {"id": str(tombstone.entry_id), "deleted_at": tombstone.deleted_at.isoformat()}


def reference_data() -> tuple[dict, str]:
    """Return the areas, places, themes and initiatives for offline pickers, with an ETag."""
    areas = entries.active_areas()
    data = {
        "areas": [
            {
                "code": a.code,
                "name": a.name,
                "level": a.level,
                "parent": a.parent.code if a.parent else None,
            }
            for a in areas
        ],
        "places": [
            {"id": p.id, "name": p.name, "kind": p.kind, "area": p.area.code}
            for p in entries.active_places()
        ],
        "themes": [
            {"slug": t.slug, "name": {"nl": t.name_nl, "en": t.name_en}, "sensitive": t.sensitive}
            for t in db.session.scalars(
                select(Theme).where(Theme.active).order_by(Theme.position, Theme.name_nl)
            )
        ],
        "initiatives": initiatives.reference(initiatives.local_today()),
    }
    etag = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:32]
    return data, etag
