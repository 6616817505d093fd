"""A quick check of sync entries that are plainly valid, with the log form as the judge.

Running the log form (WTForms) over every entry of a batch costs far more than the entry's
own work. Most entries an outbox sends are plainly valid, so `check` accepts those with the
form's own rules, written out lean, and returns None for anything else — an error, or an odd
value whose handling only the form knows (a blank time, an area named "None", a theme twice).
The caller then runs the form, which gives the answer and its errors. So the form decides
every entry that is not plainly valid, and `check` never accepts what the form refuses (tests
compare the two on many payloads).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from sqlalchemy import Integer, String, cast, literal, null, select, union_all

from buurtlog.api.forms import unstorable
from buurtlog.entries.forms import EARLIEST
from buurtlog.extensions import db
from buurtlog.labels import LABELS
from buurtlog.models import NOTE_MAX, PEOPLE_MAX, QUESTION_MAX, Area, Place, Theme, utcnow
from buurtlog.privacy import find_personal_data

SETTINGS, KINDS = frozenset(LABELS["setting"]), frozenset(LABELS["kind"])
DEFAULTED = {"contact_type": ("resident", frozenset(LABELS["contact_type"])),
             "initiated_by": ("resident", frozenset(LABELS["initiated_by"])),
             "follow_up": ("none", frozenset(LABELS["follow_up"]))}
TEXTS = (("underlying_question", QUESTION_MAX), ("note", NOTE_MAX))


@dataclass
class Reference:
    """The ids the log form accepts: active areas (by code), places and themes (by slug)."""

    areas: dict[str, int]  # code → id, wijken and buurten in use
    places: dict[int, int]  # id → its area's id, places in use in an area in use
    themes: dict[str, tuple[int, bool]]  # slug → (id, sensitive), themes in use


@cache
def _reference_query():
    """Build the query for `reference` once: building a statement costs more than running it."""
    areas, places, themes = Area.__table__.c, Place.__table__.c, Theme.__table__.c
    return union_all(
        select(literal("a"), areas.id, areas.code, null())
        .where(areas.active, areas.level != "gemeente"),
        select(literal("p"), places.id, cast(null(), String), places.area_id)
        .join(Area.__table__, areas.id == places.area_id).where(places.active, areas.active),
        select(literal("t"), themes.id, themes.slug, cast(themes.sensitive, Integer))
        .where(themes.active))


def reference() -> Reference:
    """Read the areas, places and themes in use as plain values, in one query.

    These are the same sets as the log form's choices (`entries.services.active_*`).
    """
    found = Reference({}, {}, {})
    for kind, ident, key, extra in db.session.execute(_reference_query()):
        if kind == "a":
            found.areas[key] = ident
        elif kind == "p":
            found.places[ident] = extra
        else:
            found.themes[key] = (ident, bool(extra))
    return found


def check(item: object, ref: Reference) -> dict | None:
    """Return the values to save for a plainly valid entry, or None to let the form decide.

    The values are what `entries.services.apply_form` would set, as column values, with
    `theme_ids` and `timed` (whether the entry carried its own time) added.
    """
    if not isinstance(item, dict) or not isinstance(item.get("id"), str):
        return None
    try:
        entry_id = uuid.UUID(item["id"])
    except ValueError:
        return None
    setting, kind = item.get("setting"), item.get("kind")
    if not isinstance(setting, str) or not isinstance(kind, str) or setting not in SETTINGS \
            or kind not in KINDS:
        return None
    values = {"id": entry_id, "setting": setting, "kind": kind}
    for name, (default, allowed) in DEFAULTED.items():
        value = item.get(name)
        if value is None:
            value = default
        elif not isinstance(value, str) or value not in allowed:
            return None
        values[name] = value
    people, first = item.get("people", 1), item.get("first_contact", False)
    confirmed = item.get("privacy_confirmed", False)
    if type(people) is not int or not 1 <= people <= PEOPLE_MAX or type(first) is not bool \
            or type(confirmed) is not bool:
        return None
    values["people"], values["first_contact"] = people, first
    if not _where(item, ref, values) or not _themes(item, ref, kind, values):
        return None
    if not _texts(item, confirmed, values):
        return None
    return values if _when(item.get("occurred_at"), values) else None


def _where(item: dict, ref: Reference, values: dict) -> bool:
    """Fill in the place and area, as the form chooses them; False when not plain."""
    place, area = item.get("place"), item.get("area")
    if place is not None and (type(place) is not int or place not in ref.places):
        return False
    if area is not None and (not isinstance(area, str) or area not in ref.areas):
        return False
    if area is not None:
        area_id = ref.areas[area]
    elif place is not None:
        area_id = ref.places[place]
    else:
        return False
    values["place_id"], values["area_id"] = place, area_id
    return True


def _themes(item: dict, ref: Reference, kind: str, values: dict) -> bool:
    """Fill in the themes (the entry is sensitive through them); False when not plain."""
    slugs = item.get("themes", [])
    if not isinstance(slugs, list) or not all(isinstance(slug, str) for slug in slugs):
        return False
    if len(set(slugs)) != len(slugs) or (not slugs and kind != "contact"):
        return False
    found = [ref.themes[slug] for slug in slugs if slug in ref.themes]
    if len(found) != len(slugs):
        return False
    values["theme_ids"] = [theme_id for theme_id, _sensitive in found]
    return True


def _texts(item: dict, confirmed: bool, values: dict) -> bool:
    """Fill in the free texts after the privacy check; False when not plain."""
    for name, limit in TEXTS:
        text = item.get(name)
        if text is None:
            values[name] = None
            continue
        if not isinstance(text, str) or len(text) > limit or unstorable(text):
            return False
        if text and not confirmed and find_personal_data(text):
            return False
        values[name] = text.strip() or None
    return True


def _when(sent: object, values: dict) -> bool:
    """Fill in the moment, the time of arrival when none was sent; False when not plain."""
    if sent is None or sent == "":
        values["occurred_at"], values["timed"] = utcnow(), False
        return True
    if not isinstance(sent, str) or not sent.strip():
        return False
    try:
        written = datetime.fromisoformat(sent)
        moment = written.astimezone(UTC) if written.tzinfo is not None else None
    except (ValueError, OverflowError):  # "0001-01-01T00:00+14:00" has no UTC moment
        return False
    if moment is None:
        return False
    if moment > utcnow() + timedelta(days=1) or moment < EARLIEST:
        return False
    values["occurred_at"], values["timed"] = moment, True
    return True
