"""Give the demo's Team Zuid six past Tuesday walk-in mornings at Wijkcentrum De Leeuw."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from buurtlog.extensions import db
from buurtlog.models import (
    CheckIn,
    Initiative,
    Place,
    Referral,
    Team,
    Theme,
    User,
    WalkInSchedule,
    WalkInSession,
)

TEAM = "Team Zuid"
PLACE = "Wijkcentrum De Leeuw"
HOST = "sanne@havenstad.example"
SESSIONS = 6
THEMES = ("armoede-schulden", "eenzaamheid", "wonen", "zorg", "taal", "werk")
TZ = ZoneInfo("Europe/Amsterdam")


def load_walk_in_demo(today: date, seed: int = 7) -> bool:
    """Add the past walk-ins with their check-ins once; return whether they were added now."""
    team = db.session.scalar(select(Team).where(Team.name == TEAM))
    place = db.session.scalar(select(Place).where(Place.name == PLACE))
    host = db.session.scalar(select(User).where(User.email == HOST))
    if (
        team is None
        or place is None
        or host is None
        or db.session.scalar(
            select(WalkInSession.id).where(WalkInSession.place_id == place.id).limit(1)
        )
    ):
        return False
    # Made-up demo data, not secrets.
    rng = random.Random(seed)  # noqa: S311  # nosec B311
    themes = list(db.session.scalars(select(Theme).where(Theme.slug.in_(THEMES))))
    initiatives = list(
        db.session.scalars(select(Initiative).where(Initiative.status == "active").limit(3))
    )
    db.session.add(
        WalkInSchedule(team=team, place=place, weekday=1, starts_at=time(10), ends_at=time(12))
    )
    last_tuesday = today - timedelta(days=(today.weekday() - 1) % 7 or 7)
    for week in range(SESSIONS, 0, -1):
        day = last_tuesday - timedelta(weeks=week - 1)
        start = datetime.combine(day, time(10), tzinfo=TZ).astimezone(UTC)
        session = WalkInSession(
            id=uuid.uuid4(),
            team=team,
            place=place,
            host=host,
            started_at=start,
            ended_at=start + timedelta(hours=2),
            ended_by=host,
        )
        db.session.add(session)
        for _ in range(rng.randint(9, 18)):
            _visitor(rng, session, host, themes, initiatives, start)
    return True


def _visitor(rng, session, host, themes, initiatives, start) -> None:
    """Add one anonymous visitor: new or known, what about, maybe referred."""
    checkin = CheckIn(
        id=uuid.uuid4(),
        session=session,
        recorded_by=host,
        occurred_at=start + timedelta(minutes=rng.randint(0, 115)),
        visitor="new" if rng.random() < 0.3 else "known",
    )
    if rng.random() < 0.3:
        checkin.just_company = True
    elif themes:
        checkin.theme = rng.choice(themes)
        if initiatives and rng.random() < 0.25:
            checkin.referred = True
            db.session.add(
                Referral(
                    initiative=rng.choice(initiatives),
                    check_in=checkin,
                    team_id=session.team_id,
                    created_by=host,
                )
            )
        elif rng.random() < 0.1:
            checkin.referred = True
            checkin.referred_elsewhere = "Juridisch Loket"
    db.session.add(checkin)
