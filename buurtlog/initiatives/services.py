"""The initiatives register: who may change what, search and filters, staleness, saving, the
reference data for the phone, and the public list of a wijk."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from flask import current_app
from sqlalchemy import exists, or_, select
from sqlalchemy.orm import selectinload

from buurtlog.audit.services import record_event
from buurtlog.entries.services import today
from buurtlog.extensions import db
from buurtlog.models import (
    STALE_AFTER_DAYS,
    Area,
    Initiative,
    InitiativeSchedule,
    Theme,
    User,
    WijkSettings,
    initiative_areas,
    initiative_themes,
)
from buurtlog.wijk import queries

CURRENT = ("active", "paused")


@dataclass
class Filters:
    """What the register list is narrowed to; every part optional."""

    text: str | None = None
    wijk: Area | None = None
    theme: Theme | None = None
    weekday: int | None = None
    status: str = "current"  # "current" (active or paused), a status, or "all"
    stale: bool = False


def local_today() -> date:
    """Return today's date where the teams work."""
    return today(current_app.config["BABEL_DEFAULT_TIMEZONE"])


def stale_before(today: date) -> date:
    """Return the day from which a last check is recent enough (checked on it or after)."""
    return today - timedelta(days=STALE_AFTER_DAYS)


def is_stale(initiative: Initiative, today: date) -> bool:
    """Tell whether nobody checked the initiative in the last six months (or ever)."""
    checked = initiative.last_checked_on
    return checked is None or checked < stale_before(today)


def can_add(user: User) -> bool:
    """Tell whether the user may add initiatives: every member of a team, and admins."""
    return user.is_admin or user.team_id is not None


def can_edit(user: User, initiative: Initiative) -> bool:
    """Tell whether the user may change the initiative: its team (any team when it has none)."""
    if user.is_admin:
        return True
    return user.team_id is not None and initiative.team_id in (None, user.team_id)


def can_end(user: User, initiative: Initiative) -> bool:
    """Tell whether the user may end or remove the initiative: its team's coordinators."""
    return user.is_admin or (user.role == "coordinator" and can_edit(user, initiative))


def serving_area_ids(wijk: Area) -> list[int]:
    """Return the areas whose initiatives serve the wijk: it, its buurten and its gemeente."""
    ids = queries.area_ids(wijk)
    return ids + ([wijk.parent_id] if wijk.parent_id is not None else [])


def served_wijken(initiative: Initiative) -> list[Area]:
    """Return the wijken an initiative serves, a gemeente standing for all its wijken."""
    found: dict[int, Area] = {}
    for area in initiative.areas:
        if area.level == "gemeente":
            found.update({c.id: c for c in area.children if c.level == "wijk" and c.active})
        elif area.wijk is not None:
            found[area.wijk.id] = area.wijk
    return sorted(found.values(), key=lambda a: (a.name, a.id))


def _serves(area_ids: list[int]):
    """Return the condition: the initiative serves one of these areas."""
    return exists().where(
        initiative_areas.c.initiative_id == Initiative.id, initiative_areas.c.area_id.in_(area_ids)
    )


def search(filters: Filters, today: date) -> list[Initiative]:
    """Return the initiatives matching the filters, by name."""
    query = select(Initiative)
    if filters.text:
        query = query.where(
            or_(
                Initiative.name.icontains(filters.text, autoescape=True),
                Initiative.offer.icontains(filters.text, autoescape=True),
            )
        )
    if filters.wijk is not None:
        query = query.where(_serves(serving_area_ids(filters.wijk)))
    if filters.theme is not None:
        query = query.where(
            exists().where(
                initiative_themes.c.initiative_id == Initiative.id,
                initiative_themes.c.theme_id == filters.theme.id,
            )
        )
    if filters.weekday is not None:
        query = query.where(
            exists().where(
                InitiativeSchedule.initiative_id == Initiative.id,
                InitiativeSchedule.weekday == filters.weekday,
            )
        )
    if filters.status == "current":
        query = query.where(Initiative.status.in_(CURRENT))
    elif filters.status != "all":
        query = query.where(Initiative.status == filters.status)
    if filters.stale:
        query = query.where(
            or_(
                Initiative.last_checked_on.is_(None),
                Initiative.last_checked_on < stale_before(today),
            )
        )
    return list(
        db.session.scalars(
            query.order_by(Initiative.name, Initiative.id).options(
                selectinload(Initiative.areas),
                selectinload(Initiative.themes),
                selectinload(Initiative.schedules),
                selectinload(Initiative.place),
            )
        )
    )


def active_wijken() -> list[Area]:
    """Return the wijken in use, by name."""
    return list(
        db.session.scalars(
            select(Area).where(Area.level == "wijk", Area.active).order_by(Area.name, Area.id)
        )
    )


def servable_areas() -> list[Area]:
    """Return the areas an initiative may serve: gemeenten (all their wijken) and wijken."""
    return list(
        db.session.scalars(
            select(Area)
            .where(Area.level.in_(("gemeente", "wijk")), Area.active)
            .order_by(Area.level, Area.name, Area.id)
        )
    )


def save(initiative: Initiative, form, user: User) -> Initiative:
    """Write the form into the initiative (new or existing) and save it, audited."""
    new = initiative.id is None
    for name, value in form.values().items():
        setattr(initiative, name, value)
    initiative.place = form.chosen_place()
    initiative.areas = form.chosen_areas()
    initiative.themes = form.chosen_themes()
    initiative.schedules = [InitiativeSchedule(**slot) for slot in form.filled_slots()]
    if new:
        initiative.team = user.team
        initiative.last_checked_on = local_today()  # whoever adds it has just checked it
        db.session.add(initiative)
    db.session.flush()
    record_event("initiative.created" if new else "initiative.updated", initiative, actor=user)
    db.session.commit()
    return initiative


def mark_checked(initiative: Initiative, user: User) -> None:
    """Record that the initiative was checked today and is still as described."""
    initiative.last_checked_on = local_today()
    record_event("initiative.checked", initiative, actor=user)
    db.session.commit()


def end(initiative: Initiative, user: User) -> None:
    """Mark the initiative as ended; it stays in the register with its referrals."""
    initiative.status = "ended"
    record_event("initiative.ended", initiative, actor=user)
    db.session.commit()


def remove(initiative: Initiative, user: User) -> None:
    """Remove the initiative and its referrals from the register, audited."""
    record_event("initiative.removed", initiative, actor=user)
    db.session.delete(initiative)
    db.session.commit()


def reference(today: date) -> list[dict]:
    """Return the active and paused initiatives for the phone's offline register."""
    rows = db.session.scalars(
        select(Initiative)
        .where(Initiative.status.in_(CURRENT))
        .order_by(Initiative.name, Initiative.id)
        .options(
            selectinload(Initiative.areas),
            selectinload(Initiative.themes),
            selectinload(Initiative.schedules),
        )
    )
    return [
        {
            "id": i.id,
            "name": i.name,
            "offer": i.offer,
            "status": i.status,
            "areas": [a.code for a in i.areas],
            "themes": [t.slug for t in i.themes],
            "place": i.place_id,
            "schedule": i.schedule_text,
            "slots": [
                {
                    "weekday": s.weekday,
                    "opens_at": s.opens_at.strftime("%H:%M"),
                    "closes_at": s.closes_at.strftime("%H:%M") if s.closes_at else None,
                    "every_weeks": s.every_weeks,
                }
                for s in i.schedules
            ],
            "contact": i.contact,
            "url": i.url,
            "stale": is_stale(i, today),
        }
        for i in rows
    ]


def set_public_initiatives(user: User, wijk: Area, enabled: bool) -> None:
    """Switch the wijk's public list of initiatives on or off for the user's team, audited."""
    settings = db.session.get(WijkSettings, (wijk.id, user.team_id))
    if settings is None:
        settings = WijkSettings(area=wijk, team=user.team, public_enabled=False)
        db.session.add(settings)
    settings.public_initiatives = enabled
    settings.updated_by = user
    record_event("initiatives.public_switched", wijk, actor=user, enabled=enabled)
    db.session.commit()


def public_list(wijk: Area) -> list[Initiative]:
    """Return what there is to do in the wijk: active, public initiatives serving it."""
    return list(
        db.session.scalars(
            select(Initiative)
            .where(
                Initiative.status == "active", Initiative.public, _serves(serving_area_ids(wijk))
            )
            .order_by(Initiative.name, Initiative.id)
            .options(
                selectinload(Initiative.themes),
                selectinload(Initiative.schedules),
                selectinload(Initiative.place),
            )
        )
    )
