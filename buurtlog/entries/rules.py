"""The rules of one entry, in one place: the log form and the sync both judge by them.

The log form (`entries.forms.EntryForm`) keeps rendering, CSRF and reading its fields; for
what an entry may hold — a place or area in use, themes in use and enough of them, a moment
between `EARLIEST` and a day ahead, texts within their limits, the defaults — it asks the
functions here. The sync (`api.services.sync_entries`) checks each entry with `check` on the
reference data read once per batch; an entry `check` does not accept is read by the form (the
same rules) only to word its errors.
"""

from __future__ import annotations

import uuid
from collections.abc import Container, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from flask_babel import lazy_gettext as _l
from sqlalchemy import Integer, String, cast, literal, null, select, union_all

from buurtlog.bounds import unstorable
from buurtlog.extensions import db
from buurtlog.labels import LABELS
from buurtlog.models import NOTE_MAX, PEOPLE_MAX, QUESTION_MAX, Area, Place, Theme, utcnow
from buurtlog.privacy import find_personal_data
from buurtlog.privacy_known import known_pattern

EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
AHEAD = timedelta(days=1)  # how far ahead an entry's moment may lie (a phone's clock)
SETTINGS, KINDS = frozenset(LABELS["setting"]), frozenset(LABELS["kind"])
# The fields with a default, and the values they may take.
DEFAULTED = {
    "contact_type": ("resident", frozenset(LABELS["contact_type"])),
    "initiated_by": ("resident", frozenset(LABELS["initiated_by"])),
    "follow_up": ("none", frozenset(LABELS["follow_up"])),
}
TEXTS = (("underlying_question", QUESTION_MAX), ("note", NOTE_MAX))
UNKNOWN_PLACE = _l("This place is unknown or no longer in use.")
UNKNOWN_AREA = _l("This area is unknown or no longer in use.")
NO_WHERE = _l("Choose a place or a neighbourhood.")
NO_THEME = _l("Choose at least one theme.")
TOO_LATE = _l("That is more than a day in the future.")
TOO_EARLY = _l("That is before the year 2000.")


@dataclass
class Reference:
    """The ids an entry may name: active areas (by code), places and themes (by slug)."""

    areas: dict[str, int]  # code → id, wijken and buurten in use
    places: dict[int, int]  # id → its area's id, places in use in an area in use
    themes: dict[str, tuple[int, bool]]  # slug → (id, sensitive), themes in use


@cache
def _reference_query():
    """Build the query for `reference` once: building a statement costs more than running it."""
    areas, places, themes = Area.__table__.c, Place.__table__.c, Theme.__table__.c
    return union_all(
        select(literal("a"), areas.id, areas.code, null()).where(
            areas.active, areas.level != "gemeente"
        ),
        select(literal("p"), places.id, cast(null(), String), places.area_id)
        .join(Area.__table__, areas.id == places.area_id)
        .where(places.active, areas.active),
        select(literal("t"), themes.id, themes.slug, cast(themes.sensitive, Integer)).where(
            themes.active
        ),
    )


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


# The rules, each on values already read; each returns its error, or None.


def place_error(place: int | None, places: Container) -> str | None:
    """A place, when chosen, must be in use."""
    return UNKNOWN_PLACE if place is not None and place not in places else None


def area_error(area: str | None, place: int | None, areas: Container) -> str | None:
    """An area, when chosen, must be in use; without a place an area is required."""
    if area is not None and area not in areas:
        return UNKNOWN_AREA
    return NO_WHERE if area is None and place is None else None


def themes_error(slugs: Iterable[str], kind: str | None, themes: Container) -> str | None:
    """Themes must be in use; every kind but plain contact needs at least one."""
    slugs = list(slugs)
    unknown = [slug for slug in slugs if slug not in themes]
    if unknown:
        return _l("Unknown or retired theme: %(slugs)s", slugs=", ".join(unknown))
    return NO_THEME if not slugs and kind != "contact" else None


def moment_error(moment: datetime | None) -> str | None:
    """A moment (aware, any zone) must lie between `EARLIEST` and a day from now."""
    if moment is None:
        return None
    if moment > utcnow() + AHEAD:
        return TOO_LATE
    return TOO_EARLY if moment < EARLIEST else None


def held_back(text: str, confirmed: bool) -> bool:
    """Tell whether the privacy guard holds a text back: personal data, not confirmed."""
    return bool(text) and not confirmed and bool(find_personal_data(text, known=known_pattern()))


def cleaned_text(text: str | None) -> str | None:
    """Store a text without its outer blanks, or nothing when nothing is left."""
    return (text or "").strip() or None


# The sync: a JSON entry checked by the rules above.


def check(item: object, ref: Reference) -> dict | None:
    """Return the values to save for a sync entry the rules accept; None when they do not,
    or when its reading needs the form (a blank time, an area named "None").

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
    if (
        not isinstance(setting, str)
        or not isinstance(kind, str)
        or setting not in SETTINGS
        or kind not in KINDS
    ):
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
    if (
        type(people) is not int
        or not 1 <= people <= PEOPLE_MAX
        or type(first) is not bool
        or type(confirmed) is not bool
    ):
        return None
    values["people"], values["first_contact"] = people, first
    place, area = item.get("place"), item.get("area")
    if (
        (place is not None and type(place) is not int)
        or (area is not None and (not isinstance(area, str) or area in ("", "None")))
        or place_error(place, ref.places)
        or area_error(area, place, ref.areas)
    ):
        return None
    values["place_id"] = place
    if area is not None:
        values["area_id"] = ref.areas[area]
    elif place is not None:
        values["area_id"] = ref.places[place]
    else:  # area_error names it: a place or an area is needed
        return None
    slugs = item.get("themes", [])
    if (
        not isinstance(slugs, list)
        or not all(isinstance(slug, str) for slug in slugs)
        or len(set(slugs)) != len(slugs)
        or themes_error(slugs, kind, ref.themes)
    ):
        return None
    values["theme_ids"] = [ref.themes[slug][0] for slug in slugs]
    for name, limit in TEXTS:
        text = item.get(name)
        if text is not None and (
            not isinstance(text, str)
            or len(text) > limit
            or unstorable(text)
            or held_back(text, confirmed)
        ):
            return None
        values[name] = cleaned_text(text)
    return values if _when(item.get("occurred_at"), values) else None


def _when(sent: object, values: dict) -> bool:
    """Fill in the moment, the time of arrival when none was sent; False when not accepted."""
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
    if moment is None or moment_error(moment):
        return False
    values["occurred_at"], values["timed"] = moment, True
    return True
