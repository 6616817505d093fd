"""Give the demo's Team Zuid last week's meeting: a few decisions and one wijk theme.

The meeting is held through the review's own workflow (`record.start`, `workflow.change`,
`workflow.create_wijk_theme`, `record.save`), so it keeps to the same rules as a real one: one
status per signal, owners who may own it, decisions written from the changes. Only its moments
are set afterwards, to a week ago, as if the team had met then.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from buurtlog.demo import data
from buurtlog.entries.services import local_day_start
from buurtlog.extensions import db
from buurtlog.models import (
    Area,
    Entry,
    Review,
    SignalStatus,
    StatusChange,
    Team,
    Theme,
    User,
    WijkTheme,
    WijkThemeNote,
)
from buurtlog.review import record, workflow

TEAM = "Team Zuid"
WIJK = "WK990101"  # Kanaalzone
BUURT = "BU99010102"  # Sluiskwartier, where the playground is
WIJK_THEME = "Onveilige speelplek Sluiskwartier"


def load_review(today: date) -> bool:
    """Hold last week's meeting of Team Zuid once; return whether it was held now."""
    team = db.session.scalar(select(Team).where(Team.name == TEAM))
    if team is None or db.session.scalar(select(Review.id).where(Review.team_id == team.id)):
        return False
    tz = data.TIMEZONE
    held_on = today - timedelta(days=7)
    start = local_day_start(held_on - timedelta(days=7), tz)
    closed = datetime.combine(held_on, time(11, 30), tzinfo=ZoneInfo(tz))
    entries = _signals(team, start, closed)
    if not entries:
        return False
    wijk = db.session.scalars(select(Area).where(Area.code == WIJK)).one()
    people = {
        u.email.split("@")[0]: u
        for u in db.session.scalars(select(User).where(User.team_id == team.id))
    }
    coordinator, sanne, ahmed = people["coordinator.zuid"], people["sanne"], people["ahmed"]
    # The playground's signals: those from Sluiskwartier itself first, then the wijk's others.
    play = sorted(
        (e for e in entries if _about(e, "spelen") and e.area.parent_id == wijk.id),
        key=lambda e: e.area.code != BUURT,
    )[:5]
    money = [e for e in entries if _about(e, "armoede-schulden") and e not in play][:3]
    talked = [e for e in entries if e not in play and e not in money][:3]

    review = record.start(team, coordinator, held_on, sorted(people.values(), key=_name), tz)
    review.period_start = start
    for signals, change in (
        (
            play,
            {
                "status": "collective",
                "owner": sanne,
                "due_on": today + timedelta(days=7),
                "decision": "Schouw met gemeente en corporatie",
            },
        ),
        (
            money,
            {"status": "referred", "owner": ahmed, "decision": "Doorverwezen naar budgetmaatjes"},
        ),
        (talked, {"status": "discussed"}),
    ):
        if signals:
            workflow.change([(e, 0) for e in signals], coordinator, review, **change)
    theme = None
    if play:
        spelen = db.session.scalars(select(Theme).where(Theme.slug == "spelen")).one()
        theme = workflow.create_wijk_theme(
            team, wijk.id, spelen.id, WIJK_THEME, "collective", sanne, play, coordinator, review
        )
    record.save(review, held_on, review.attendees, None, finish=True)
    if theme is not None:
        workflow.update_wijk_theme(
            theme,
            theme.version,
            sanne,
            None,
            theme.name,
            theme.status,
            sanne,
            "Schouw gepland met gemeente en corporatie.",
        )
        # residents may read that the team takes it up, once the public page is switched on
        workflow.update_wijk_theme(
            theme,
            theme.version,
            coordinator,
            None,
            theme.name,
            theme.status,
            sanne,
            None,
            public=True,
        )
    _date_the_meeting(review, theme, [e.id for e in play + money + talked], closed)
    return True


def _signals(team: Team, start: datetime, end: datetime) -> list[Entry]:
    """Return the team's signals and questions of the period the meeting covers."""
    return list(
        db.session.scalars(
            select(Entry)
            .where(
                Entry.team_id == team.id,
                Entry.occurred_at >= start,
                Entry.occurred_at < end,
                Entry.kind.in_(("signal", "question")),
                ~Entry.sensitive,
            )
            .options(selectinload(Entry.themes), selectinload(Entry.area))
            .order_by(Entry.occurred_at, Entry.id)
        )
    )


def _about(entry: Entry, slug: str) -> bool:
    """Tell whether an entry has the theme."""
    return any(t.slug == slug for t in entry.themes)


def _name(user: User) -> str:
    """Sort people by name, as the attendee list shows them."""
    return user.name


def _date_the_meeting(
    review: Review, theme: WijkTheme | None, entry_ids: list, closed: datetime
) -> None:
    """Move what the meeting wrote to the moment it was held, and the note after it to two
    days later."""
    review.created_at = closed - timedelta(hours=1, minutes=30)
    review.period_end = review.updated_at = closed
    db.session.execute(
        update(StatusChange).where(StatusChange.review_id == review.id).values(at=closed)
    )
    db.session.execute(
        update(SignalStatus).where(SignalStatus.entry_id.in_(entry_ids)).values(updated_at=closed)
    )
    if theme is not None:
        theme.created_at = theme.updated_at = closed
        db.session.execute(
            update(WijkThemeNote).where(WijkThemeNote.wijk_theme_id == theme.id).values(at=closed)
        )
        db.session.execute(
            update(WijkThemeNote)
            .where(WijkThemeNote.wijk_theme_id == theme.id, WijkThemeNote.review_id.is_(None))
            .values(at=closed + timedelta(days=2))
        )
    db.session.commit()
