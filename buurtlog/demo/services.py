"""Load the fictional demo municipality Havenstad: reference data upserted, entries made once."""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from buurtlog.accounts.services import get_or_create_team, set_password
from buurtlog.areas import figures, geometry
from buurtlog.demo import data
from buurtlog.demo.review import load_review
from buurtlog.entries import terms
from buurtlog.entries.services import today as local_today
from buurtlog.exchange.demo import load_exchange_demo
from buurtlog.extensions import db
from buurtlog.initiatives.demo import load_initiatives
from buurtlog.models import Area, Entry, Place, Presence, Team, Theme, User, entry_themes
from buurtlog.walkin.demo import load_walk_in_demo

# A visit to a place lasts three hours: every entry of the visit falls inside it.
PRESENCE_HOURS = 3


@dataclass
class Worker:
    """A demo worker as the generator sees them."""

    user_id: int
    team_id: int
    places: list[tuple[Place, float]]  # the team's places, weighted for this worker
    buurten: list[Area]  # the team's buurten, for contacts away from a place
    weekdays: tuple[int, ...]


def load_demo(today: date | None = None) -> dict:
    """Upsert the demo reference data, generate three months of entries once; return a summary."""
    today = today or local_today(data.TIMEZONE)  # the users' date, not the server's
    try:
        areas = _upsert_areas()
        _upsert_figures()
        _upsert_outlines()
        places = _upsert_places(areas)
        themes = _upsert_themes()
        teams = _upsert_teams(areas)
        users, created = _upsert_users(teams)
        db.session.flush()
        area_ids = [area.id for area in areas.values()]
        new_entries = 0
        if not _count(Entry, Entry.area_id.in_(area_ids)):
            workers = _workers(users, teams, areas, places)
            place_ids = [place.id for place in places.values()]
            blocks: list[dict] | None = (
                None if _count(Presence, Presence.place_id.in_(place_ids)) else []
            )
            rows, links = generate_entries(random.Random(data.SEED), today, workers, themes, blocks)
            if rows:
                db.session.execute(Entry.__table__.insert(), rows)
                db.session.execute(entry_themes.insert(), links)
            if blocks:
                db.session.execute(Presence.__table__.insert(), blocks)
            new_entries = len(rows)
        load_review(today)  # last week's meeting of Team Zuid, once
        load_initiatives(today)  # the register, some of it stale, and referrals to it
        load_exchange_demo()  # offers and requests across the wijken, once
        load_walk_in_demo(today)  # six past walk-in mornings with their tally, once
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return _summary(area_ids, users, created, new_entries)


def _upsert(known: dict, key: object, model: type, keys: dict, values: dict) -> Any:
    """Return the known row brought up to date with the values, or a new row in the session."""
    row = known.get(key)
    if row is None:
        row = model(**keys, **values)
        db.session.add(row)
        return row
    for name, value in values.items():
        if getattr(row, name) != value:  # touch only what differs: a rerun changes nothing
            setattr(row, name, value)
    return row


def _upsert_areas() -> dict[str, Area]:
    """Create or update the gemeente, wijken and buurten; return them by code."""
    codes = [data.MUNICIPALITY[0]] + [
        code for wijk in data.WIJKEN for code in (wijk[0], *(b[0] for b in wijk[2]))
    ]
    known = {a.code: a for a in db.session.scalars(select(Area).where(Area.code.in_(codes)))}
    areas: dict[str, Area] = {}

    def upsert(code: str, name: str, level: str, parent: Area | None) -> Area:
        values = {"name": name, "level": level, "year": data.YEAR, "parent": parent}
        areas[code] = _upsert(known, code, Area, {"code": code}, values)
        return areas[code]

    gemeente = upsert(*data.MUNICIPALITY, "gemeente", None)
    for code, name, buurten in data.WIJKEN:
        wijk = upsert(code, name, "wijk", gemeente)
        for buurt_code, buurt_name in buurten:
            upsert(buurt_code, buurt_name, "buurt", wijk)
    db.session.flush()
    return areas


def _upsert_figures() -> None:
    """Load the demo's key figures through the importer of CBS's table, as a file would be:
    each buurt's, and their sums for the wijken and the gemeente (shares weighted by
    households). Counts are rounded to 5, as CBS does."""
    totals: dict[str, list[float]] = {}
    rows = []

    def add(code: str, values: list[float]) -> None:
        """Add a buurt's figures to an area's sums."""
        sums = totals.setdefault(code, [0.0] * len(values))
        for i, value in enumerate(values):
            sums[i] += value

    for wijk_code, _, buurten in data.WIJKEN:
        for code, _ in buurten:
            people, households, single, ages, low, social = data.BUURT_FIGURES[code]
            sums = [
                people,
                households,
                single,
                *(people * a / 100 for a in ages),
                households * low,
                households * social,
            ]
            for area in (code, wijk_code, data.MUNICIPALITY[0]):
                add(area, sums)
    for line, (code, (all_people, all_households, all_single, *rest)) in enumerate(
        totals.items(), 2
    ):
        age_sums, low_sum, social_sum = rest[:5], rest[5], rest[6]
        counts = dict(
            zip(figures.COUNTS, [all_people, *age_sums, all_households, all_single], strict=True)
        )
        values: dict[str, int | float | None] = {k: 5 * round(v / 5) for k, v in counts.items()}
        values.update(
            low_income_share=round(low_sum / all_households, 1),
            social_rent_share=round(social_sum / all_households, 1),
        )
        rows.append(figures.FiguresRow(line, code, data.FIGURES_YEAR, values))
    figures.import_figures(rows, commit=False)


def _upsert_outlines() -> None:
    """Load the demo's made-up boundaries through the importer of the wijk- en buurtkaart, as
    a GeoJSON file would be: each area a block of a grid whose points are moved a little (the
    same point the same way for every area that shares it), so the buurten fit together."""
    third = 3  # points per grid step along each edge

    def point(i: int, j: int) -> list[float]:
        """Return grid point (i, j), in thirds of a step, moved by a fixed pseudo-random bit
        (the town's outer edge stays straight)."""
        dx = 0 if i in (0, 6 * third) else ((i * 7919 + j * 104729) % 97 / 97 - 0.5) * 0.35
        dy = 0 if j in (0, 4 * third) else ((i * 104723 + j * 7907) % 89 / 89 - 0.5) * 0.35
        return [
            round(data.MAP_ORIGIN[0] + (i + dx) / third * data.MAP_STEP[0], 7),
            round(data.MAP_ORIGIN[1] + (j + dy) / third * data.MAP_STEP[1], 7),
        ]

    features = []
    for code, (x0, y0, x1, y1) in data.MAP_BLOCKS.items():
        x0, y0, x1, y1 = (v * third for v in (x0, y0, x1, y1))
        edge = (
            [(i, y0) for i in range(x0, x1)]
            + [(x1, j) for j in range(y0, y1)]
            + [(i, y1) for i in range(x1, x0, -1)]
            + [(x0, j) for j in range(y1, y0, -1)]
        )
        ring = [point(i, j) for i, j in edge]
        features.append(
            {
                "type": "Feature",
                "properties": {"code": code},
                "geometry": {"type": "Polygon", "coordinates": [ring + ring[:1]]},
            }
        )
    document = {"type": "FeatureCollection", "features": features}
    shapes, unknown, points, errors = geometry.read_file(json.dumps(document).encode())
    geometry.import_shapes(shapes, unknown, points, errors, commit=False)


def _upsert_places(areas: dict[str, Area]) -> dict[str, Place]:
    """Create or update the places; return them by name."""
    ids = [area.id for area in areas.values()]
    known = {
        (p.area_id, p.name): p
        for p in db.session.scalars(select(Place).where(Place.area_id.in_(ids)))
    }
    return {
        name: _upsert(
            known,
            (areas[code].id, name),
            Place,
            {"name": name, "area": areas[code]},
            {"kind": kind},
        )
        for code, name, kind in data.PLACES
    }


def _upsert_themes() -> dict[str, Theme]:
    """Create or update the theme taxonomy; return the themes by slug."""
    slugs = [theme[0] for theme in data.THEMES]
    known = {t.slug: t for t in db.session.scalars(select(Theme).where(Theme.slug.in_(slugs)))}
    themes = {}
    for position, (slug, name_nl, name_en, sensitive) in enumerate(data.THEMES, start=1):
        values = {
            "name_nl": name_nl,
            "name_en": name_en,
            "sensitive": sensitive,
            "position": position,
        }
        themes[slug] = _upsert(known, slug, Theme, {"slug": slug}, values)
    db.session.flush()
    return themes


def _upsert_teams(areas: dict[str, Area]) -> dict[str, Team]:
    """Create the teams and make sure each covers its wijken; return them by name."""
    teams = {}
    for name, wijken in data.TEAMS:
        team = get_or_create_team(name)
        for code in wijken:
            if areas[code] not in team.areas:
                team.areas.append(areas[code])
        teams[name] = team
    return teams


def _upsert_users(teams: dict[str, Team]) -> tuple[list[User], set[str]]:
    """Create or update the demo accounts; return them and the emails created now."""
    emails = [user[0] for user in data.USERS]
    known = {u.email: u for u in db.session.scalars(select(User).where(User.email.in_(emails)))}
    users, created, demo_hash = [], set(), None
    for email, name, role, team, *_ in data.USERS:
        if email not in known:
            created.add(email)
        values = {"name": name, "role": role, "team": teams[team] if team else None}
        user = _upsert(known, email, User, {"email": email}, values)
        if user.password_hash is None:  # never reset a password someone has changed
            if demo_hash is None:  # Argon2 is slow on purpose; the password is public anyway
                set_password(user, data.PASSWORD)
                demo_hash = user.password_hash
            user.password_hash = demo_hash
        users.append(user)
    return users, created


def _workers(
    users: list[User], teams: dict[str, Team], areas: dict[str, Area], places: dict[str, Place]
) -> list[Worker]:
    """Describe each demo worker: their team, weighted places, buurten and working days."""
    workers = []
    for user, (_, _, role, team_name, home, weekdays) in zip(users, data.USERS, strict=True):
        if role != "worker" or team_name is None:  # every demo worker is in a team
            continue
        wijken = dict(data.TEAMS)[team_name]
        weighted: list[tuple[Place, float]] = []
        for code, name, kind in data.PLACES:
            wijk = _wijk_of(areas[code]).code
            if wijk in wijken:
                weighted.append(
                    (places[name], data.PLACE_KIND_WEIGHTS[kind] * (3 if wijk == home else 1))
                )
        buurten = [
            areas[code] for wijk, _, buurten in data.WIJKEN if wijk in wijken for code, _ in buurten
        ]
        workers.append(Worker(user.id, teams[team_name].id, weighted, buurten, weekdays))
    return workers


def _wijk_of(buurt: Area) -> Area:
    """Return the wijk a demo buurt lies in (each one lies in one)."""
    if buurt.parent is None:
        raise ValueError(f"demo area {buurt.code} lies in no wijk")
    return buurt.parent


def _pick(rng: random.Random, weights: Mapping[str, float]) -> str:
    """Return one key, chosen with the given relative weights."""
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _pick_themes(rng: random.Random, kind: str, wijk: str, rising: bool) -> list[str]:
    """Choose no, one or two themes for an entry, following the wijk's profile."""
    if kind == "contact" and rng.random() < 0.6:
        return []
    profile = data.THEME_PROFILES[wijk]
    weights: dict[str, float] = {}
    for slug, _, _, sensitive in data.THEMES:
        weight = data.SENSITIVE_WEIGHT if sensitive else profile.get(slug, 1)
        if kind in ("strength", "idea"):
            weight = 0 if sensitive else weight * (3 if slug in data.POSITIVE_THEMES else 1)
        if rising and slug == data.RISE["theme"]:
            weight *= data.RISE["factor"]
        weights[slug] = weight
    count = 1 if kind == "contact" or rng.random() < 0.7 else 2
    chosen = []
    for _ in range(count):
        slug = _pick(rng, weights)
        chosen.append(slug)
        weights[slug] = 0
    return chosen


def _follow_up(rng: random.Random, kind: str, sensitive: bool, rising: bool) -> str:
    """Choose what happens next with an entry."""
    if sensitive:
        return _pick(rng, {"refer": 50, "feedback": 20, "none": 20, "urgent": 10})
    if kind == "contact":
        return _pick(rng, {"none": 85, "feedback": 10, "refer": 5})
    if rising:
        return _pick(rng, {"collective": 35, "feedback": 25, "none": 35, "refer": 5})
    return _pick(rng, data.FOLLOW_UPS)


def _entry(
    rng: random.Random,
    worker: Worker,
    at: datetime,
    progress: float,
    setting: str,
    area: Area,
    place: Place | None,
    themes: dict[str, Theme],
    rise_on: bool,
) -> dict:
    """Generate one entry's row; its themes are returned under the key "_themes"."""
    kind = _pick(rng, data.KINDS)
    wijk = _wijk_of(area).code
    rising = rise_on and wijk == data.RISE["wijk"]
    slugs = _pick_themes(rng, kind, wijk, rising)
    sensitive = any(themes[slug].sensitive for slug in slugs)
    contact_type = "professional" if setting == "network" else _pick(rng, data.CONTACT_TYPES)
    if contact_type == "group":
        people = rng.randint(3, 15)
    elif setting == "network":
        people = rng.randint(2, 8)
    else:
        people = rng.choices((1, 2, rng.randint(3, 6)), weights=(82, 12, 6))[0]
    if setting in ("home_visit", "network"):
        initiated_by = "appointment" if rng.random() < 0.7 else "worker"
    else:
        by_resident = 0.35 + 0.2 * progress + (0.25 if setting in ("walk_in", "phone") else 0)
        initiated_by = (
            "resident"
            if rng.random() < by_resident
            else _pick(rng, {"worker": 90, "appointment": 10})
        )
    topic = kind if kind in ("strength", "idea") or not slugs else slugs[0]
    note = rng.choice(data.NOTES[topic]) if rng.random() < 0.45 else None
    question = None
    if kind in ("signal", "question", "contact") and rng.random() < 0.3:
        question = rng.choice(data.QUESTIONS[slugs[0] if slugs else "contact"])
    created = at + timedelta(minutes=rng.randint(1, 20), seconds=rng.randint(0, 59))
    return {
        "id": uuid.UUID(int=rng.getrandbits(128), version=4),
        "author_id": worker.user_id,
        "team_id": worker.team_id,
        "occurred_at": at,
        "area_id": area.id,
        "place_id": place.id if place else None,
        "setting": setting,
        "contact_type": contact_type,
        "people": people,
        "first_contact": rng.random() < 0.27 - 0.08 * progress,
        "initiated_by": initiated_by,
        "kind": kind,
        "underlying_question": question,
        "note": note,
        "grouping_terms": terms.stored_terms(question, note),
        "follow_up": _follow_up(rng, kind, sensitive, rising),
        "created_at": created,
        "updated_at": created,
        "version": 1,
        "_themes": slugs,
    }


def generate_entries(
    rng: random.Random,
    today: date,
    workers: list[Worker],
    themes: dict[str, Theme],
    presence: list[dict] | None = None,
) -> tuple[list[dict], list[dict]]:
    """Generate the entries of the weeks before today; return entry rows and theme links.

    Each visit to a place is also a block of presence there (into `presence`, if given): from
    the hour the worker arrives, three hours, which hold every entry of the visit. It draws
    nothing from `rng`, so the entries stay the same with or without it."""
    tz = ZoneInfo(data.TIMEZONE)
    days = data.WEEKS * 7
    start = today - timedelta(days=days)
    rows = []
    for offset in range(days):
        day = start + timedelta(days=offset)
        progress = offset / (days - 1)
        rise_on = (today - day).days <= data.RISE["days"]
        for worker in workers:
            if day.weekday() not in worker.weekdays or rng.random() < 0.06:
                continue  # a day off, a training, a meeting-only day
            visits = []
            for hour in rng.sample((9, 13), rng.choices((1, 2), weights=(4, 6))[0]):
                place = rng.choices(
                    [p for p, _ in worker.places], weights=[w for _, w in worker.places]
                )[0]
                if rise_on and place.name == data.RISE["place"]:
                    visits.append((hour, place))  # the team goes and looks more often
                visits.append((hour, place))
            if presence is not None:
                for hour, place in dict.fromkeys(visits):
                    arrived = datetime.combine(day, time(hour), tzinfo=tz).astimezone(UTC)
                    presence.append(
                        {
                            "user_id": worker.user_id,
                            "team_id": worker.team_id,
                            "place_id": place.id,
                            "started_at": arrived,
                            "ended_at": arrived + timedelta(hours=PRESENCE_HOURS),
                            "created_at": arrived + timedelta(hours=PRESENCE_HOURS),
                        }
                    )
            for hour, place in visits:
                setting = _pick(rng, data.SETTINGS_BY_PLACE[place.kind])
                for minute in sorted(rng.sample(range(150), rng.randint(2, 5))):
                    local = datetime.combine(day, time(hour), tzinfo=tz) + timedelta(
                        minutes=minute + rng.randint(0, 30)
                    )
                    rows.append(
                        _entry(
                            rng,
                            worker,
                            local.astimezone(UTC),
                            progress,
                            setting,
                            place.area,
                            place,
                            themes,
                            rise_on,
                        )
                    )
            if rng.random() < 0.3:
                local = datetime.combine(
                    day, time(rng.randint(11, 16), rng.randint(0, 59)), tzinfo=tz
                )
                rows.append(
                    _entry(
                        rng,
                        worker,
                        local.astimezone(UTC),
                        progress,
                        _pick(rng, data.SETTINGS_AWAY),
                        rng.choice(worker.buurten),
                        None,
                        themes,
                        rise_on,
                    )
                )
    links = [
        {"entry_id": row["id"], "theme_id": themes[slug].id}
        for row in rows
        for slug in row.pop("_themes")
    ]
    return rows, links


def _count(model: type, *where) -> int:
    """Count the rows of a model that match the conditions."""
    return db.session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def _summary(area_ids: list[int], users: list[User], created: set[str], new_entries: int) -> dict:
    """Describe what the demo organisation holds now."""
    return {
        "municipality": {"code": data.MUNICIPALITY[0], "name": data.MUNICIPALITY[1]},
        "counts": {
            "areas": len(area_ids),
            "places": _count(Place, Place.area_id.in_(area_ids)),
            "themes": _count(Theme, Theme.slug.in_([t[0] for t in data.THEMES])),
            "teams": _count(Team, Team.name.in_([t[0] for t in data.TEAMS])),
            "users": len(users),
            "entries": _count(Entry, Entry.area_id.in_(area_ids)),
        },
        "new_entries": new_entries,
        "password": data.PASSWORD,
        "accounts": [
            {
                "email": u.email,
                "name": u.name,
                "role": u.role,
                "team": u.team.name if u.team else None,
                "created": u.email in created,
            }
            for u in users
        ],
    }
