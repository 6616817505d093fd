"""Save a checked HSDS plan into the initiatives register: all or nothing, audited.

Services are matched by their HSDS id (`Initiative.hsds_id`), so importing the same file again
changes nothing, and ids stay stable. Initiatives missing from the file are left alone: an
import adds and updates, it never deletes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from buurtlog.audit.services import record_event
from buurtlog.extensions import db
from buurtlog.models import Area, Initiative, InitiativeSchedule, Place, Theme
from buurtlog.openreferral.importer import Plan


@dataclass
class Result:
    """What an import did."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str, str, str]] = field(default_factory=list)  # left out, and why


def _ensure_areas(plan: Plan) -> dict[str, Area]:
    """Return the areas by code, making those the file describes and this database lacks."""
    areas = {a.code: a for a in db.session.scalars(select(Area))}

    def ensure(code: str) -> Area:
        if code not in areas:
            spec = plan.area_terms[code]
            areas[code] = Area(
                code=code,
                name=spec["name"],
                level=spec["level"],
                parent=ensure(spec["parent"]) if spec["parent"] else None,
            )
            db.session.add(areas[code])
        return areas[code]

    for code in plan.area_terms:
        ensure(code)
    return areas


def _ensure_themes(plan: Plan) -> dict[str, Theme]:
    """Return the themes by slug, making those the file describes and this database lacks."""
    themes = {t.slug: t for t in db.session.scalars(select(Theme))}
    position = db.session.scalar(select(func.max(Theme.position))) or 0
    for slug, spec in plan.theme_terms.items():
        if slug not in themes:
            position += 1
            themes[slug] = Theme(slug=slug, position=position, **spec)
            db.session.add(themes[slug])
    return themes


def _place(areas: dict[str, Area], places: dict, spec: tuple[str, str] | None) -> Place | None:
    """Return the place with this area and name, made when it does not exist yet."""
    if spec is None:
        return None
    key = (spec[0], spec[1])
    if key not in places:
        places[key] = Place(name=spec[1], area=areas[spec[0]], kind="other")
        db.session.add(places[key])
    return places[key]


def _state(initiative: Initiative) -> tuple:
    """Return what an import may change of an initiative, to tell whether it did."""
    return (
        initiative.name,
        initiative.offer,
        initiative.audience,
        initiative.url,
        initiative.contact,
        initiative.organisation,
        initiative.carried_by,
        initiative.status,
        initiative.last_checked_on,
        initiative.schedule_text,
        initiative.place_id,
        sorted(a.id for a in initiative.areas),
        sorted(t.id for t in initiative.themes),
        sorted((s.weekday, s.opens_at, s.closes_at, s.every_weeks) for s in initiative.schedules),
    )


def apply(plan: Plan, actor=None) -> Result:
    """Save a checked plan in one transaction, audited; nothing at all when it has errors.

    The audit names the counts, not the file: its name is whatever the uploader typed.
    """
    result = Result(errors=plan.errors, skipped=plan.skipped)
    if plan.errors:
        return result
    try:
        areas, themes = _ensure_areas(plan), _ensure_themes(plan)
        db.session.flush()
        places = {(p.area.code, p.name): p for p in db.session.scalars(select(Place))}
        known = {
            i.hsds_id: i
            for i in db.session.scalars(
                select(Initiative).where(
                    Initiative.hsds_id.in_([s["hsds_id"] for s in plan.services])
                )
            )
        }
        for spec in plan.services:
            initiative = known.get(spec["hsds_id"])
            before = _state(initiative) if initiative is not None else None
            if initiative is None:
                initiative = Initiative(hsds_id=spec["hsds_id"], public=True)
                db.session.add(initiative)
            for name in (
                "name",
                "offer",
                "audience",
                "url",
                "contact",
                "organisation",
                "carried_by",
                "status",
                "last_checked_on",
                "schedule_text",
            ):
                if getattr(initiative, name) != spec[name]:
                    setattr(initiative, name, spec[name])
            place = _place(areas, places, spec["place"])
            if initiative.place is not place:
                initiative.place = place
            if sorted(a.code for a in initiative.areas) != spec["areas"]:
                initiative.areas = [areas[c] for c in spec["areas"]]
            if sorted(t.slug for t in initiative.themes) != spec["themes"]:
                initiative.themes = [themes[s] for s in spec["themes"]]
            slots = sorted(
                (s.weekday, s.opens_at, s.closes_at, s.every_weeks) for s in initiative.schedules
            )
            if slots != spec["slots"]:
                initiative.schedules = [
                    InitiativeSchedule(weekday=d, opens_at=o, closes_at=c, every_weeks=n)
                    for d, o, c, n in spec["slots"]
                ]
            db.session.flush()
            if before is None:
                result.created += 1
            elif _state(initiative) != before:
                result.updated += 1
            else:
                result.unchanged += 1
        record_event(
            "openreferral.imported",
            actor=actor,
            created=result.created,
            updated=result.updated,
            unchanged=result.unchanged,
        )
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return result
