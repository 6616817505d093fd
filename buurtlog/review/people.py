"""The names a review page mentions: areas (and the wijk each lies in), themes and people,
read once per page; and whether a signal's owner has left."""

from dataclasses import dataclass, field

from sqlalchemy import or_, select

from buurtlog.extensions import db
from buurtlog.models import Area, Team, Theme, User


@dataclass
class Lookups:
    """Names of the areas, themes and people a page mentions."""

    areas: dict[int, tuple[str, str, int | None]]
    themes: dict[int, Theme]
    users: dict[int, User]
    members: list[User]
    wijk_of: dict[int, int | None] = field(default_factory=dict)

    def wijk(self, area_id: int) -> int | None:
        """Return the wijk an area is or lies in."""
        if area_id not in self.wijk_of:
            area: int | None = area_id
            seen = 0
            while area is not None and self.areas[area][1] != "wijk" and seen < 10:
                area, seen = self.areas[area][2], seen + 1
            self.wijk_of[area_id] = area if area is not None and seen < 10 else area_id
        return self.wijk_of[area_id]

    def area_name(self, area_id: int | None) -> str:
        """Return an area's name."""
        return self.areas[area_id][0] if area_id in self.areas else ""

    def include(self, user_ids: set) -> None:
        """Read the people mentioned who are not known yet."""
        missing = {i for i in user_ids if i is not None and i not in self.users}
        if missing:
            self.users.update(
                {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(missing)))}
            )


def lookups(team: Team | None, user_ids: set[int | None]) -> Lookups:
    """Read the names of every area and theme, and of the team and the people mentioned."""
    areas = {
        a_id: (name, level, parent)
        for a_id, name, level, parent in db.session.execute(
            select(Area.id, Area.name, Area.level, Area.parent_id)
        )
    }
    themes = {t.id: t for t in db.session.scalars(select(Theme))}
    mentioned = User.id.in_(user_ids or {0})
    users = {
        u.id: u
        for u in db.session.scalars(
            select(User).where(
                or_(User.team_id == team.id, mentioned) if team is not None else mentioned
            )
        )
    }
    members = sorted(
        (u for u in users.values() if team is not None and u.team_id == team.id and u.active),
        key=lambda u: (u.name, u.id),
    )
    return Lookups(areas, themes, users, members)


def owner_left(owner_id: int | None, team_id: int, people: Lookups) -> bool:
    """Tell whether an owner has left the team or no longer works here."""
    if owner_id is None:
        return False
    owner = people.users.get(owner_id)
    return owner is None or owner.team_id != team_id or not owner.active
