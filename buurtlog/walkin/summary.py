"""A walk-in morning afterwards: visitors, new ones, themes, referrals, and the trend."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import case, func, select
from sqlalchemy.orm import selectinload

from buurtlog.extensions import db
from buurtlog.models import CheckIn, Referral, WalkInSession, utcnow

TREND_SESSIONS = 12


def summary(session: WalkInSession, locale: str) -> dict:
    """Count a session's visitors, new ones, themes, referrals, flags and its length."""
    checkins = list(
        db.session.scalars(
            select(CheckIn)
            .where(CheckIn.session_id == session.id)
            .options(selectinload(CheckIn.theme))
            .order_by(CheckIn.occurred_at, CheckIn.id)
        )
    )
    counted = [c for c in checkins if c.undone_at is None]
    referrals = Counter(
        r.initiative.name
        for r in db.session.scalars(
            select(Referral)
            .join(CheckIn, Referral.check_in_id == CheckIn.id)
            .where(CheckIn.session_id == session.id, CheckIn.undone_at.is_(None))
            .options(selectinload(Referral.initiative))
        )
    )
    elsewhere = Counter(c.referred_elsewhere for c in counted if c.referred_elsewhere)
    themes = Counter(c.theme.name(locale) for c in counted if c.theme is not None)
    end = session.ended_at or utcnow()
    new = sum(1 for c in counted if c.visitor == "new")
    return {
        "visitors": len(counted),
        "new": new,
        "share_new": new / len(counted) if counted else None,
        "themes": themes.most_common(),
        "company": sum(1 for c in counted if c.just_company),
        "referrals": sorted(referrals.items(), key=lambda r: (-r[1], r[0])),
        "elsewhere": elsewhere.most_common(),
        "minutes": int((end - session.started_at).total_seconds() // 60),
        "late": [c for c in counted if c.late],
        "rapid": [c for c in counted if c.flagged_rapid],
        "kiosk": sum(1 for c in counted if c.source == "kiosk"),
        "undone": len(checkins) - len(counted),
        "checkins": counted,
    }


def trend(session: WalkInSession) -> list[dict]:
    """Return visitors and new visitors of the last sessions at the session's place, oldest first.

    Are we reaching new people? The share of new visitors per morning answers it.
    """
    query = (
        select(
            WalkInSession.id,
            WalkInSession.started_at,
            func.count(CheckIn.id),
            func.coalesce(func.sum(case((CheckIn.visitor == "new", 1), else_=0)), 0),
        )
        .outerjoin(CheckIn, (CheckIn.session_id == WalkInSession.id) & CheckIn.undone_at.is_(None))
        .where(
            WalkInSession.place_id == session.place_id,
            WalkInSession.started_at <= session.started_at,
        )
        .group_by(WalkInSession.id, WalkInSession.started_at)
        .order_by(WalkInSession.started_at.desc())
        .limit(TREND_SESSIONS)
    )
    if session.team_id is not None:
        query = query.where(WalkInSession.team_id == session.team_id)
    rows = list(db.session.execute(query))
    rows.reverse()
    return [
        {
            "id": sid,
            "started_at": started,
            "visitors": visitors,
            "new": new,
            "share_new": new / visitors if visitors else None,
        }
        for sid, started, visitors, new in rows
    ]
