"""Walk-in mornings: sessions, their usual weekly slot, the tally of check-ins and its sync.

A check-in is recorded exactly once per client UUID: sending it again with the same content
is a duplicate, with other content a conflict. Two taps on the same button within a second
are one visitor unless the host confirmed two.
"""

from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta

from flask_babel import to_user_timezone
from sqlalchemy import case, func, select
from sqlalchemy.exc import IntegrityError

from buurtlog.extensions import db
from buurtlog.models import (
    Area,
    CheckIn,
    Initiative,
    Place,
    Referral,
    Theme,
    User,
    WalkInSchedule,
    WalkInSession,
    utcnow,
)

DOUBLE_TAP = timedelta(seconds=1)
RECENT = 20


def can_use(user: User, session: WalkInSession) -> bool:
    """Tell whether the user may tally in, end or read a session: its host or its team."""
    if session.host_id == user.id:
        return True
    return session.team_id is not None and session.team_id == user.team_id


def get_session(session_id: uuid.UUID, user: User) -> WalkInSession | None:
    """Return the session when the user may use it."""
    session = db.session.get(WalkInSession, session_id)
    return session if session is not None and can_use(user, session) else None


def area_chain(area: Area) -> list[int]:
    """Return the ids of an area and the areas above it (buurt, wijk, gemeente)."""
    ids: list[int] = []
    link: Area | None = area
    while link is not None and len(ids) < 5:
        ids.append(link.id)
        link = link.parent
    return ids


def referral_initiatives(place: Place) -> list[Initiative]:
    """Return the active initiatives serving the place's buurt, wijk or gemeente, by name."""
    return list(
        db.session.scalars(
            select(Initiative)
            .where(
                Initiative.status == "active",
                Initiative.areas.any(Area.id.in_(area_chain(place.area))),
            )
            .order_by(Initiative.name, Initiative.id)
        )
    )


def usual_schedule(user: User, local_now: datetime) -> WalkInSchedule | None:
    """Return the team's usual walk-in slot for this weekday, the one nearest in time."""
    if user.team_id is None:
        return None
    slots = list(
        db.session.scalars(
            select(WalkInSchedule).where(
                WalkInSchedule.team_id == user.team_id,
                WalkInSchedule.weekday == local_now.weekday(),
            )
        )
    )
    now = local_now.hour * 60 + local_now.minute
    slots.sort(key=lambda s: abs(s.starts_at.hour * 60 + s.starts_at.minute - now))
    return slots[0] if slots else None


def _quarter(moment: datetime) -> time:
    """Round a local moment down to the quarter hour."""
    return time(moment.hour, moment.minute - moment.minute % 15)


def _slot(team_id: int | None, place_id: int, weekday: int) -> WalkInSchedule | None:
    """Return the team's slot at the place on the weekday (one at most: the table's key)."""
    return db.session.scalar(
        select(WalkInSchedule).where(
            WalkInSchedule.team_id == team_id,
            WalkInSchedule.place_id == place_id,
            WalkInSchedule.weekday == weekday,
        )
    )


def remember_schedule(team_id: int | None, place: Place, local_start: datetime) -> None:
    """Remember the team's walk-in at this place on this weekday, for next week's start."""
    if team_id is None:
        return
    key = {"team_id": team_id, "place_id": place.id, "weekday": local_start.weekday()}
    starts_at = _quarter(local_start)
    slot = _slot(**key)
    if slot is None:
        try:
            with db.session.begin_nested():
                slot = WalkInSchedule(**key, starts_at=starts_at)
                db.session.add(slot)
        except IntegrityError:  # a colleague's start saved the slot meanwhile
            slot = _slot(**key)
            if slot is None:
                raise
    slot.starts_at = starts_at
    if slot.ends_at is not None and slot.ends_at <= starts_at:
        slot.ends_at = None  # an earlier walk-in that day ended before this one starts


def start_session(
    user: User, place: Place, session_id: uuid.UUID, local_now: datetime, at: datetime | None = None
) -> WalkInSession:
    """Start a walk-in morning (a resubmitted form finds the one it started); `at` when it
    was started offline."""
    existing = db.session.get(WalkInSession, session_id)
    if existing is not None and existing.host_id == user.id:
        return existing
    session = WalkInSession(
        id=session_id if existing is None else uuid.uuid4(),
        team_id=user.team_id,
        place=place,
        host=user,
        started_at=at or utcnow(),
    )
    db.session.add(session)
    # By the place itself: the session's place_id stays empty until it is flushed.
    remember_schedule(user.team_id, place, local_now)
    db.session.commit()
    return session


def end_session(
    session: WalkInSession, user: User, local_now: datetime, at: datetime | None = None
) -> bool:
    """End the session (`at` when it was ended offline); return False when it had been ended
    already."""
    if not session.is_open:
        return False
    session.ended_at = at or utcnow()
    session.ended_by = user  # a kiosk keeps its PIN: the host's account stays locked behind it
    slot = _slot(session.team_id, session.place_id, local_now.weekday())
    if slot is not None and local_now.time() > slot.starts_at:
        slot.ends_at = _quarter(local_now + timedelta(minutes=14))
    db.session.commit()
    return True


def sessions_for(user: User, open_only: bool) -> list[WalkInSession]:
    """Return the user's and their team's sessions: the open ones, or the latest finished."""
    mine = WalkInSession.host_id == user.id
    if user.team_id is not None:
        mine = mine | (WalkInSession.team_id == user.team_id)
    query = select(WalkInSession).where(mine)
    if open_only:
        query = query.where(WalkInSession.ended_at.is_(None))
    else:
        query = query.where(WalkInSession.ended_at.is_not(None)).limit(RECENT)
    return list(
        db.session.scalars(query.order_by(WalkInSession.started_at.desc(), WalkInSession.id.desc()))
    )


def counts(session: WalkInSession) -> tuple[int, int]:
    """Return the session's visitors and new visitors so far (undone taps not counted)."""
    visitors, new = db.session.execute(
        select(
            func.count(), func.coalesce(func.sum(case((CheckIn.visitor == "new", 1), else_=0)), 0)
        ).where(CheckIn.session_id == session.id, CheckIn.undone_at.is_(None))
    ).one()
    return visitors, new


def _snapshot(checkin: CheckIn, initiatives: list[int], timed: bool) -> tuple:
    """Return what makes two copies of a check-in the same one."""
    return (
        checkin.session_id,
        checkin.recorded_by_id,
        checkin.source,
        checkin.visitor,
        checkin.theme_id,
        checkin.just_company,
        checkin.referred_elsewhere,
        sorted(initiatives),
        checkin.occurred_at.replace(microsecond=0) if timed else None,
    )


def _referred_ids(checkin_id: uuid.UUID) -> list[int]:
    """Return the initiatives a saved check-in was referred to."""
    return list(
        db.session.scalars(select(Referral.initiative_id).where(Referral.check_in_id == checkin_id))
    )


def _double_tap(
    session: WalkInSession, user: User, visitor: str, source: str, at: datetime
) -> bool:
    """Tell whether the tap before this one was the same button, less than a second earlier."""
    previous = db.session.execute(
        select(CheckIn.visitor, CheckIn.occurred_at)
        .where(
            CheckIn.session_id == session.id,
            CheckIn.recorded_by_id == user.id,
            CheckIn.source == source,
            CheckIn.undone_at.is_(None),
            CheckIn.occurred_at <= at,
            CheckIn.occurred_at > at - DOUBLE_TAP,
        )
        .order_by(CheckIn.occurred_at.desc())
        .limit(1)
    ).first()
    return previous is not None and previous.visitor == visitor


def record_checkin(
    session: WalkInSession,
    user: User,
    checkin_id: uuid.UUID,
    values: dict,
    at: datetime | None = None,
    source: str = "host",
    flagged_rapid: bool = False,
) -> tuple[str, CheckIn | None]:
    """Record one visitor with its referral in one transaction; answer how it went.

    Returns "created", "duplicate" (this id is known with this content), "conflict" (known
    with other content) or "double_tap" (one visitor: the same button within a second).
    A tap on a session a colleague closed meanwhile is kept, marked late.
    """
    timed = at is not None
    at = at or utcnow()
    initiative = values.get("initiative")
    checkin = CheckIn(
        id=checkin_id,
        session_id=session.id,
        recorded_by_id=user.id,
        source=source,
        occurred_at=at,
        visitor=values["visitor"],
        theme_id=values["theme"].id if values.get("theme") else None,
        just_company=bool(values.get("just_company")),
        referred=bool(initiative or values.get("referred_elsewhere")),
        referred_elsewhere=values.get("referred_elsewhere"),
        late=session.ended_at is not None and at >= session.ended_at,
        flagged_rapid=flagged_rapid,
    )
    wanted = [initiative.id] if initiative else []
    existing = db.session.get(CheckIn, checkin_id)
    if existing is not None:
        return _compare(existing, checkin, wanted, timed), existing
    if not values.get("confirmed_double") and _double_tap(
        session, user, checkin.visitor, source, at
    ):
        return "double_tap", None
    try:
        with db.session.begin_nested():
            db.session.add(checkin)
            db.session.flush()
            if initiative is not None:
                db.session.add(
                    Referral(
                        initiative_id=initiative.id,
                        check_in_id=checkin.id,
                        team_id=session.team_id,
                        created_by_id=user.id,
                    )
                )
                db.session.flush()
    except IntegrityError:  # a parallel request saved the same id meanwhile
        existing = db.session.get(CheckIn, checkin_id, populate_existing=True)
        if existing is None:
            raise
        return _compare(existing, checkin, wanted, timed), existing
    db.session.commit()
    return "created", checkin


def _compare(existing: CheckIn, sent: CheckIn, initiatives: list[int], timed: bool) -> str:
    """Tell whether a check-in sent again is the saved one (duplicate) or another (conflict)."""
    same = _snapshot(existing, _referred_ids(existing.id), timed) == _snapshot(
        sent, initiatives, timed
    )
    return "duplicate" if same else "conflict"


def undo_checkin(checkin: CheckIn, at: datetime | None = None) -> bool:
    """Take a tap back, keeping its row; return False when it was undone already."""
    if checkin.undone_at is not None:
        return False
    checkin.undone_at = at or utcnow()
    db.session.commit()
    return True


def last_checkin(session: WalkInSession, user: User) -> CheckIn | None:
    """Return the user's latest tap in the session that is not undone."""
    return db.session.scalar(
        select(CheckIn)
        .where(
            CheckIn.session_id == session.id,
            CheckIn.recorded_by_id == user.id,
            CheckIn.undone_at.is_(None),
        )
        .order_by(CheckIn.created_at.desc())
        .limit(1)
    )


def recent_checkins(session: WalkInSession, limit: int = 5) -> list[CheckIn]:
    """Return the session's latest taps (for the host, never the kiosk), newest first."""
    return list(
        db.session.scalars(
            select(CheckIn)
            .where(CheckIn.session_id == session.id)
            .order_by(CheckIn.created_at.desc(), CheckIn.id.desc())
            .limit(limit)
        )
    )


def entry_data(checkin: CheckIn) -> dict:
    """Return what the log form shows first for a check-in's full entry: the walk-in, its
    place, the visitor's theme and referral, and the minute they came in."""
    return {
        "setting": "walk_in",
        "place": checkin.session.place_id,
        "themes": [checkin.theme.slug] if checkin.theme else [],
        "kind": "question" if checkin.theme else "contact",
        "first_contact": "first" if checkin.visitor == "new" else "known",
        "follow_up": "refer" if checkin.referred else "none",
        "occurred_at": to_user_timezone(checkin.occurred_at).replace(
            tzinfo=None, second=0, microsecond=0
        ),
    }


def attach_entry(checkin: CheckIn, entry) -> None:
    """Link the full entry made from a check-in (saved in the same transaction)."""
    checkin.entry = entry


def active_themes() -> list[Theme]:
    """Return the themes in use, in the taxonomy's order."""
    return list(
        db.session.scalars(
            select(Theme).where(Theme.active).order_by(Theme.position, Theme.name_nl)
        )
    )
