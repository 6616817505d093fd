"""Hypothesis strategies for hostile input to the sync API's POST calls.

Any JSON body (raw bytes, nesting deeper than the parser goes, NaN, huge numbers, lone
surrogates and NULs in every string), and items shaped like what an outbox sends (entries,
check-ins, undos, presence) with an odd value in any field. Good items are made apart, with
fresh ids at the moment of sending, so that a property can demand that every one is saved.
Used by tests/test_api_properties.py and bench/api_fuzz.py.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, timedelta, timezone

from hypothesis import strategies as st

from buurtlog.labels import LABELS
from buurtlog.models import utcnow

# path → the body's key holding the batch (privacy-check: the text)
POSTS = {
    "entries": "entries",
    "checkins": "checkins",
    "checkins/undo": "undo",
    "presence": "presence",
    "privacy-check": "text",
}
BATCHES = ("entries", "checkins", "checkins/undo", "presence")
PLUS_ONE = timezone(timedelta(hours=1))

# Any character: lone UTF-16 surrogates (category Cs) and NUL included.
ANY_CHAR = st.characters(exclude_categories=())
HOSTILE_TEXTS = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "a\x00b",
        "\ud800",
        "\udfff",
        "Koffie\udc00",
        "\ufeff",
        "\u202e",
        "None",
        "null",
        "NaN",
        "0",
        "-1",
        "1e400",
        "<script>alert(1)</script>",
        "'; DROP TABLE entries;--",
        "0001-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59-14:00",
        "2026-11-20T14:32:05",
        "2026-02-30T10:00:00+01:00",
        "Van de " * 150,
        "El Al " * 170,
        "x" * 10_001,
        "Mevrouw Jansen, 06-12345678, Kerkstraat 12",
    ]
)
# Text no column can keep: a NUL or a lone UTF-16 half somewhere in it.
UNSTORABLE_TEXTS = st.builds(
    lambda before, bad, after: before + bad + after,
    st.text(max_size=12),
    st.sampled_from(["\x00", "\ud800", "\udbff", "\udc00", "\udfff"]),
    st.text(max_size=12),
)
TEXTS = st.one_of(st.text(ANY_CHAR, max_size=40), HOSTILE_TEXTS, UNSTORABLE_TEXTS)
NUMBERS = st.one_of(
    st.integers(-3, 600),
    st.integers(),
    st.sampled_from([2**31, 2**63, -(2**63) - 1, 10**40]),
    st.floats(allow_nan=True, allow_infinity=True),
)
SCALARS = st.one_of(st.none(), st.booleans(), NUMBERS, TEXTS)
ANY_JSON = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(TEXTS, inner, max_size=4)),
    max_leaves=12,
)


def dumps(value) -> bytes:
    """Write JSON as a client might: NaN and Infinity included, surrogates as escapes."""
    return json.dumps(value).encode()


def deeply_nested(key: str):
    """Bodies nested around and far past the parser's depth limit."""
    return st.tuples(st.sampled_from([500, 990, 1000, 1010, 5000, 50_000]), st.booleans()).map(
        lambda n: (f'{{"{key}": ' if n[1] else "") + "[" * n[0] + "]" * n[0] + ("}" if n[1] else "")
    )


def bodies(path: str):
    """Any body for a POST call: bytes, any JSON, the right key holding anything, too deep,
    too large."""
    key = POSTS[path]
    return st.one_of(
        st.binary(max_size=64),
        ANY_JSON.map(dumps),
        st.dictionaries(st.sampled_from([key, key, "x"]), ANY_JSON, max_size=2).map(dumps),
        st.builds(lambda items: dumps({key: items}), st.lists(ANY_JSON, max_size=6)),
        deeply_nested(key).map(str.encode),
        st.sampled_from(
            [
                dumps({key: [{}] * 501}),  # too many items, too many bytes
                dumps({key: [], "padding": "x" * (1024 * 1024)}),
            ]
        ),
    )


def _or_anything(plausible):
    """A plausible value first (Hypothesis shrinks towards it), else anything."""
    return st.one_of(plausible, ANY_JSON)


def _moments():
    """ISO moments from 400 days back to 3 days ahead: in UTC, with an offset, or without."""

    def write(minutes: int, form: str) -> str:
        moment = utcnow() + timedelta(minutes=minutes)
        if form == "naive":
            return moment.replace(tzinfo=None).isoformat()
        return moment.astimezone(PLUS_ONE if form == "plus" else UTC).isoformat()

    return st.builds(
        write, st.integers(-60 * 24 * 400, 60 * 24 * 3), st.sampled_from(["utc", "plus", "naive"])
    )


def _ids():
    """Client ids: a fresh UUID, its hex, or anything."""
    return _or_anything(st.uuids().map(str) | st.uuids().map(lambda u: u.hex))


def _entry_fields(world: dict) -> dict:
    """Odd and plausible values for every field of an outbox entry."""
    choice = {
        name: _or_anything(st.sampled_from(list(LABELS[name])))
        for name in ("setting", "kind", "contact_type", "initiated_by", "follow_up")
    }
    return {
        "id": _ids(),
        "occurred_at": _or_anything(_moments()),
        "place": _or_anything(st.just(world["place"]) | NUMBERS),
        "area": _or_anything(st.just(world["area"])),
        "themes": _or_anything(
            st.lists(st.sampled_from(world["themes"]), max_size=4)
            | st.sampled_from(world["themes"]).map(lambda slug: [slug] * 2)
        ),
        "people": _or_anything(st.integers(-3, 600)),
        "first_contact": _or_anything(st.booleans()),
        "underlying_question": _or_anything(TEXTS),
        "note": _or_anything(TEXTS),
        "privacy_confirmed": _or_anything(st.booleans()),
        **choice,
    }


def _checkin_fields(world: dict) -> dict:
    """Odd and plausible values for every field of an outbox check-in."""
    return {
        "id": _ids(),
        "session": _or_anything(st.just(world["walk_in"]) | st.uuids().map(str)),
        "visitor": _or_anything(st.sampled_from(["new", "known"])),
        "theme": _or_anything(st.sampled_from(world["themes"])),
        "just_company": _or_anything(st.booleans()),
        "confirmed_double": _or_anything(st.booleans()),
        "initiative": _or_anything(NUMBERS),
        "referred_elsewhere": _or_anything(TEXTS),
        "occurred_at": _or_anything(_moments()),
    }


def _undo_fields(world: dict) -> dict:
    """Odd and plausible values for every field of an outbox undo."""
    return {"id": _ids(), "undone_at": _or_anything(_moments())}


def _presence_fields(world: dict) -> dict:
    """Odd and plausible values for every field of an outbox start or stop of presence."""
    return {
        "id": _ids(),
        "action": _or_anything(st.sampled_from(["start", "stop"])),
        "place": _or_anything(st.just(world["place"]) | NUMBERS),
        "at": _or_anything(_moments()),
    }


FIELDS = {
    "entries": _entry_fields,
    "checkins": _checkin_fields,
    "checkins/undo": _undo_fields,
    "presence": _presence_fields,
}


def items(path: str, world: dict):
    """Items for a batch call: mostly a plain item with one or two fields changed to odd
    values or left out (so that it gets as far as the database), else any shape at all."""
    fields = FIELDS[path](world)
    names = sorted(fields)

    def near_plain(changed: dict, item_id: uuid.UUID) -> dict:
        item = {**plain_item(path, world, str(item_id), confirmed=True), **changed}
        return {name: value for name, value in item.items() if value is not ABSENT}

    changes = st.lists(st.sampled_from(names), min_size=1, max_size=2, unique=True).flatmap(
        lambda chosen: st.fixed_dictionaries(
            {name: fields[name] | fields[name] | st.just(ABSENT) for name in chosen}
        )
    )
    plainish = st.builds(near_plain, changes, st.uuids())
    return st.one_of(
        plainish, plainish, plainish, st.fixed_dictionaries({}, optional=fields), ANY_JSON
    )


GOOD = object()  # where a batch gets a good item, made when it is sent
ABSENT = object()  # a field left out


def batches(path: str, world: dict):
    """Lists of odd items with good ones (GOOD) among them."""
    return st.lists(st.one_of(st.just(GOOD), items(path, world)), min_size=1, max_size=8)


def plain_item(path: str, world: dict, item_id: str | None = None, confirmed: bool = False) -> dict:
    """Make an item the call accepts, with a fresh id unless given (an undo: the check-in's)."""
    now = utcnow()
    item_id = item_id or str(uuid.uuid4())
    if path == "entries":
        item = {
            "id": item_id,
            "occurred_at": (now - timedelta(days=1)).isoformat(),
            "place": world["place"],
            "setting": "shop_table",
            "kind": "signal",
            "themes": world["themes"][:1],
            "note": "zoekt een plek om samen te eten",
        }
        return {**item, "privacy_confirmed": True} if confirmed else item
    if path == "checkins":
        return {
            "id": item_id,
            "session": world["walk_in"],
            "visitor": "new",
            "occurred_at": (now - timedelta(minutes=1)).isoformat(),
            "confirmed_double": True,
        }
    if path == "checkins/undo":
        return {"id": item_id, "undone_at": now.isoformat()}
    return {
        "id": item_id,
        "action": "start",
        "place": world["place"],
        "at": (now - timedelta(minutes=30)).isoformat(),
    }


def privacy_bodies():
    """Bodies for the privacy check: mostly a text (any characters, up to past the limit)."""
    texts = st.builds(
        lambda text: dumps({"text": text}),
        st.one_of(st.text(max_size=2000), st.text(ANY_CHAR, max_size=300), HOSTILE_TEXTS),
    )
    other = bodies("privacy-check")
    return st.integers(0, 2).flatmap(lambda n: other if n == 0 else texts)  # two texts to one
