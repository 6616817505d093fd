"""Give the demo's Team Zuid last week's meeting: a few decisions and one wijk theme."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from buurtlog.extensions import db
from buurtlog.models import (
    Entry,
    Review,
    SignalStatus,
    StatusChange,
    Team,
    User,
    WijkTheme,
    WijkThemeNote,
)

TEAM = "Team Zuid"
DECISIONS = (
    "Kanaalzone · Spelen — Collectief: schouw bij het speelveld met gemeente en "
    "woningcorporatie plannen.",
    "Kanaalzone · Armoede & schulden — Doorverwezen: naar budgetmaatjes en de "
    "formulierenbrigade.",
    "Nieuw wijkthema: Onveilige speelplek Sluiskwartier (Kanaalzone) — Collectief.",
)


def load_review(today: date) -> bool:
    """Add last week's meeting of Team Zuid once; return whether it was added now."""
    team = db.session.scalar(select(Team).where(Team.name == TEAM))
    if team is None or db.session.scalar(select(Review.id).where(Review.team_id == team.id)):
        return False
    people = {u.email.split("@")[0]: u for u in db.session.scalars(
        select(User).where(User.team_id == team.id))}
    coordinator = people["coordinator.zuid"]
    start = datetime.combine(today - timedelta(days=14), time(9), tzinfo=UTC)
    end = start + timedelta(days=7)
    entries = list(db.session.scalars(
        select(Entry).where(Entry.team_id == team.id, Entry.occurred_at >= start,
                            Entry.occurred_at < end, Entry.kind.in_(("signal", "question")),
                            Entry.sensitive.is_(False))
        .options(selectinload(Entry.themes), selectinload(Entry.area))
        .order_by(Entry.occurred_at)))
    if not entries:
        return False
    review = Review(team=team, held_on=end.date(), period_start=start, period_end=end,
                    attendees=list(people.values()), created_by=coordinator,
                    decisions="\n".join(DECISIONS))
    db.session.add(review)
    db.session.flush()

    def about(slug: str, wijk: str) -> list[Entry]:
        return [e for e in entries if any(t.slug == slug for t in e.themes)
                and e.area.parent is not None and e.area.parent.name == wijk]

    play, money = about("spelen", "Kanaalzone")[:5], about("armoede-schulden", "Kanaalzone")[:3]
    plans = [(e, "collective", people["sanne"], "Schouw met gemeente en corporatie",
              today + timedelta(days=7)) for e in play]
    plans += [(e, "referred", people["ahmed"], "Doorverwezen naar budgetmaatjes", None)
              for e in money]
    plans += [(e, "discussed", None, None, None) for e in entries[:3]
              if e not in play and e not in money]
    for entry, status, owner, decision, due_on in plans:
        db.session.add(SignalStatus(entry_id=entry.id, team_id=team.id, status=status,
                                    owner=owner, decision=decision, due_on=due_on,
                                    updated_at=end, updated_by_id=coordinator.id))
        db.session.add(StatusChange(entry_id=entry.id, team_id=team.id, review_id=review.id,
                                    actor_id=coordinator.id, at=end, from_status="new",
                                    to_status=status, owner_id=owner.id if owner else None,
                                    due_on=due_on, decision=decision))
    if play:
        theme = WijkTheme(team=team, area=play[0].area.parent, theme=play[0].themes[0],
                          name="Onveilige speelplek Sluiskwartier", status="collective",
                          owner=people["sanne"], created_by_id=coordinator.id, entries=play)
        db.session.add(theme)
        theme.notes = [
            WijkThemeNote(author_id=coordinator.id, review_id=review.id, at=end,
                          event="created", value="collective"),
            WijkThemeNote(author_id=coordinator.id, review_id=review.id, at=end,
                          event="linked", value=str(len(play))),
            WijkThemeNote(author_id=people["sanne"].id, at=end + timedelta(days=2),
                          event="note", text="Schouw gepland met gemeente en corporatie."),
        ]
    return True
