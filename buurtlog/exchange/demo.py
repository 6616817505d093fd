"""Give the demo a few offers and requests across the wijken of Havenstad (once)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from buurtlog.extensions import db
from buurtlog.models import Area, ExchangeItem, Theme, User, utcnow

# worker (e-mail name), kind, theme slug, wijk code, outside the own wijk, days ago, description
ITEMS = (
    (
        "sanne",
        "request",
        "eenzaamheid",
        "WK990101",
        True,
        12,
        "Oudere bewoner zoekt iemand om wekelijks mee te wandelen.",
    ),
    (
        "fatma",
        "offer",
        "eenzaamheid",
        "WK990103",
        True,
        9,
        "Wil maatje zijn voor een oudere, liever niet in de eigen buurt.",
    ),
    (
        "lotte",
        "offer",
        "armoede-schulden",
        "WK990102",
        False,
        20,
        "Kan helpen met administratie en de post op orde brengen.",
    ),
    (
        "jeroen",
        "request",
        "armoede-schulden",
        "WK990104",
        True,
        6,
        "Jong gezin zoekt hulp bij het ordenen van brieven en rekeningen.",
    ),
    (
        "priya",
        "offer",
        "taal",
        "WK990104",
        False,
        15,
        "Wil wekelijks Nederlands oefenen met een nieuwkomer.",
    ),
    (
        "ahmed",
        "request",
        "taal",
        "WK990101",
        True,
        4,
        "Nieuwkomer wil Nederlands oefenen, het liefst buiten de eigen wijk.",
    ),
    (
        "ahmed",
        "offer",
        "digitaal",
        "WK990101",
        False,
        2,
        "Kan helpen met inloggen bij de gemeente en apps op de telefoon.",
    ),
)


def load_exchange_demo() -> int:
    """Add the demo's offers and requests when none exist yet; return how many were added."""
    if db.session.scalar(select(ExchangeItem.id).limit(1)) is not None:
        return 0
    users = {
        u.email.split("@")[0]: u
        for u in db.session.scalars(select(User).where(User.email.like("%@havenstad.example")))
    }
    themes = {t.slug: t for t in db.session.scalars(select(Theme))}
    wijken = {a.code: a for a in db.session.scalars(select(Area).where(Area.level == "wijk"))}
    now, added = utcnow(), 0
    for worker, kind, theme, wijk, outside, days, text in ITEMS:
        if worker not in users or theme not in themes or wijk not in wijken:
            continue
        at = now - timedelta(days=days)
        db.session.add(
            ExchangeItem(
                kind=kind,
                description=text,
                theme=themes[theme],
                area=wijken[wijk],
                outside_own_wijk=outside,
                worker=users[worker],
                team=users[worker].team,
                created_at=at,
                updated_at=at,
            )
        )
        added += 1
    return added
