"""Referrals: the picker's suggestions for an entry, one-tap referring and undoing it, and the
referrals per month of an initiative (from entries and from walk-in check-ins alike)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from buurtlog.extensions import db
from buurtlog.initiatives.services import served_wijken
from buurtlog.models import CheckIn, Entry, Initiative, Referral, User

SUGGESTED = 6
MONTHS = 12


def suggestions(entry: Entry) -> tuple[list[Initiative], list[Initiative]]:
    """Return the active initiatives for an entry: suggested first, then all the others.

    Suggested are those sharing a theme with the entry or serving its wijk; sharing both
    comes first, then more shared themes, then the name.
    """
    initiatives = db.session.scalars(
        select(Initiative)
        .where(Initiative.status == "active")
        .options(selectinload(Initiative.themes), selectinload(Initiative.areas))
        .order_by(Initiative.name, Initiative.id)
    ).all()
    wijk = entry.area.wijk
    themes = {t.id for t in entry.themes}
    scored = []
    for initiative in initiatives:
        shared = len(themes & {t.id for t in initiative.themes})
        here = wijk is not None and wijk in served_wijken(initiative)
        scored.append(((bool(shared) and here, shared, here), initiative))
    scored.sort(key=lambda row: (not row[0][0], -row[0][1], not row[0][2], row[1].name))
    matching = [i for score, i in scored if score[1] or score[2]]
    suggested = matching[:SUGGESTED]
    return suggested, [i for _, i in scored if i not in suggested]


def of_entry(entry: Entry) -> list[Referral]:
    """Return the entry's referrals, oldest first."""
    return list(
        db.session.scalars(
            select(Referral)
            .where(Referral.entry_id == entry.id)
            .options(selectinload(Referral.initiative))
            .order_by(Referral.created_at, Referral.id)
        )
    )


def refer(entry: Entry, initiative: Initiative, user: User) -> tuple[Referral, bool]:
    """Refer the entry to the initiative once; return the referral and whether it is new."""
    existing = db.session.scalar(
        select(Referral).where(
            Referral.entry_id == entry.id, Referral.initiative_id == initiative.id
        )
    )
    if existing is not None:
        return existing, False
    referral = Referral(entry=entry, initiative=initiative, team=user.team, created_by=user)
    try:
        with db.session.begin_nested():
            db.session.add(referral)
    except IntegrityError:  # a double tap that raced the first: it is there already
        return db.session.scalars(
            select(Referral).where(
                Referral.entry_id == entry.id, Referral.initiative_id == initiative.id
            )
        ).one(), False
    db.session.commit()
    return referral, True


def can_undo(user: User, referral: Referral) -> bool:
    """Tell whether the user may take a referral back: whoever made it, or a coordinator."""
    if referral.created_by_id == user.id:
        return True
    return (
        user.is_coordinator
        and referral.team_id is not None
        and (user.is_admin or referral.team_id == user.team_id)
    )


def undo(referral: Referral) -> None:
    """Take back a referral made by mistake."""
    db.session.delete(referral)
    db.session.commit()


def _month(d: date) -> date:
    """Return the first day of the month of a date."""
    return d.replace(day=1)


def month_starts(last: date, months: int = MONTHS) -> list[date]:
    """Return the first days of the `months` months ending with the month of `last`."""
    firsts, year, month = [], last.year, last.month
    for _ in range(months):
        firsts.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return firsts[::-1]


def per_month(
    initiative: Initiative, today: date, tz: str, months: int = MONTHS
) -> list[tuple[date, int, int]]:
    """Count the initiative's referrals per month: (month, from entries, from check-ins).

    Check-ins that were undone on the walk-in tally do not count.
    """
    firsts = month_starts(today, months)
    counts = {m: [0, 0] for m in firsts}
    zone = ZoneInfo(tz)
    rows = db.session.execute(
        select(Referral.created_at, Referral.entry_id.is_not(None))
        .outerjoin(CheckIn, CheckIn.id == Referral.check_in_id)
        .where(
            Referral.initiative_id == initiative.id,
            Referral.created_at >= datetime.combine(firsts[0], time(), tzinfo=zone),
            or_(Referral.check_in_id.is_(None), CheckIn.undone_at.is_(None)),
        )
    )
    for created_at, from_entry in rows:
        month = _month(created_at.astimezone(zone).date())
        if month in counts:
            counts[month][0 if from_entry else 1] += 1
    return [(m, counts[m][0], counts[m][1]) for m in firsts]
