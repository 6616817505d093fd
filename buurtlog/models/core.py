"""The core of the domain model: areas, places, themes, teams, users, entries and the audit log.

The models of each later feature live in a module of their own (`review`, `wijk`, `walkin`,
`initiatives`, `accounts`) and import these; `buurtlog.models` re-exports them all.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from buurtlog.extensions import Model, db

ROLES = ("worker", "coordinator", "admin")
AREA_LEVELS = ("gemeente", "wijk", "buurt")
PLACE_KINDS = (
    "shop_table",
    "community_centre",
    "library",
    "square",
    "school",
    "park",
    "market",
    "other",
)
SETTINGS = (
    "street",
    "shop_table",
    "walk_in",
    "home_visit",
    "network",
    "initiative",
    "phone",
    "other",
)
CONTACT_TYPES = ("resident", "entrepreneur", "professional", "volunteer", "group")
INITIATED_BY = ("resident", "worker", "appointment")
KINDS = ("signal", "strength", "idea", "question", "contact")
FOLLOW_UPS = ("none", "feedback", "refer", "collective", "urgent")

NOTE_MAX = 1000
QUESTION_MAX = 300
PEOPLE_MAX = 500


def utcnow() -> datetime:
    """Return the current time as an aware UTC datetime."""
    return datetime.now(UTC)


class UTCDateTime(sa.types.TypeDecorator):
    """A timestamp stored in UTC and always read back as an aware datetime, on both engines."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; pass an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def choice(values: tuple[str, ...], name: str) -> sa.Enum:
    """Return a portable enumeration type, enforced by a CHECK constraint on both engines."""
    return sa.Enum(
        *values,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(v) for v in values),
    )


team_areas = sa.Table(
    "team_areas",
    db.metadata,
    sa.Column("team_id", sa.ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("area_id", sa.ForeignKey("areas.id", ondelete="CASCADE"), primary_key=True),
)

entry_themes = sa.Table(
    "entry_themes",
    db.metadata,
    sa.Column("entry_id", sa.ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("theme_id", sa.ForeignKey("themes.id"), primary_key=True, index=True),
)


class Area(Model):
    """A gemeente, wijk or buurt in the CBS hierarchy."""

    __tablename__ = "areas"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(40), unique=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    level: Mapped[str] = mapped_column(choice(AREA_LEVELS, "area_level"))
    year: Mapped[int | None]
    parent_id: Mapped[int | None] = mapped_column(sa.ForeignKey("areas.id"), index=True)
    active: Mapped[bool] = mapped_column(default=True)
    # The boundary from CBS/PDOK's wijk- en buurtkaart, simplified for the screen, as JSON:
    # a list of polygons, each a list of rings of [longitude, latitude] (areas/geometry.py).
    outline: Mapped[str | None] = mapped_column(sa.Text, deferred=True)

    parent: Mapped[Area | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Area]] = relationship(
        back_populates="parent", order_by="(Area.name, Area.id)"
    )
    places: Mapped[list[Place]] = relationship(back_populates="area", order_by="Place.name")

    @property
    def wijk(self) -> Area | None:
        """Return the wijk this area is or lies in."""
        area: Area | None = self
        while area is not None and area.level != "wijk":
            area = area.parent
        return area

    def __str__(self) -> str:
        return self.name


class Place(Model):
    """Where presence happens: a supermarket table, a community centre, a square. Never a home."""

    __tablename__ = "places"
    __table_args__ = (sa.UniqueConstraint("area_id", "name", name="uq_places_area_id_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    kind: Mapped[str] = mapped_column(choice(PLACE_KINDS, "place_kind"), default="other")
    area_id: Mapped[int] = mapped_column(sa.ForeignKey("areas.id"), index=True)
    active: Mapped[bool] = mapped_column(default=True)

    area: Mapped[Area] = relationship(back_populates="places")

    def __str__(self) -> str:
        return self.name


class Theme(Model):
    """A topic from the organisation's taxonomy, named in every interface language."""

    __tablename__ = "themes"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(40), unique=True)
    name_nl: Mapped[str] = mapped_column(sa.String(80))
    name_en: Mapped[str] = mapped_column(sa.String(80))
    sensitive: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    position: Mapped[int] = mapped_column(default=0)

    def name(self, locale: str | None) -> str:
        """Return the theme's name in the given language, Dutch when unknown."""
        return self.name_en if locale == "en" else self.name_nl

    def __str__(self) -> str:
        return self.name_nl


def has_sensitive_theme(entry_id) -> sa.ColumnElement[bool]:
    """Return, in SQL, whether the entry with this id has a theme marked sensitive now.

    The one definition of a sensitive entry: it is read from the themes every time, never
    copied onto the entry, so marking a theme (un)sensitive applies to old entries at once, in
    every process. Aliased, so it stays correlated to the entry alone in queries that join the
    entry's themes themselves.
    """
    links, themes = entry_themes.alias("sensitive_links"), Theme.__table__.alias("sensitive_themes")
    return sa.exists().where(
        links.c.entry_id == entry_id, links.c.theme_id == themes.c.id, themes.c.sensitive
    )


class Team(Model):
    """A group of workers covering some wijken."""

    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(80), unique=True)

    areas: Mapped[list[Area]] = relationship(secondary=team_areas, order_by="(Area.name, Area.id)")
    members: Mapped[list[User]] = relationship(
        back_populates="team", order_by="(User.name, User.id)"
    )

    def __str__(self) -> str:
        return self.name


class User(UserMixin, Model):
    """A login with a role: worker, coordinator or admin."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    password_hash: Mapped[str | None] = mapped_column(sa.String(255))
    role: Mapped[str] = mapped_column(choice(ROLES, "user_role"), default="worker")
    team_id: Mapped[int | None] = mapped_column(sa.ForeignKey("teams.id"), index=True)
    locale: Mapped[str | None] = mapped_column(sa.String(5))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Part of the session's user id: raising it ends every session (see accounts/sessions.py).
    session_epoch: Mapped[int] = mapped_column(default=0, server_default="0")
    # Two-factor sign-in: a secret without `totp_enabled_at` is an enrolment not yet confirmed.
    totp_secret: Mapped[str | None] = mapped_column(sa.String(64))
    totp_enabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    totp_last_counter: Mapped[int | None]  # the last time step used: a code works only once

    team: Mapped[Team | None] = relationship(back_populates="members")
    tokens: Mapped[list[ApiToken]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.active

    def get_id(self) -> str:
        """Name the user in the session with the session epoch, so raising it signs them out."""
        return f"{self.id}.{self.session_epoch or 0}"

    @property
    def has_two_factor(self) -> bool:
        """Tell whether the user signs in with an authenticator code too."""
        return self.totp_enabled_at is not None

    @property
    def is_coordinator(self) -> bool:
        """Tell whether the user may run reviews and see the team's sensitive entries."""
        return self.role in ("coordinator", "admin")

    @property
    def is_admin(self) -> bool:
        """Tell whether the user may manage users, teams, areas, places and themes."""
        return self.role == "admin"

    def __str__(self) -> str:
        return self.name


class ApiToken(Model):
    """A personal API token; only its SHA-256 digest is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Set by accounts.services.issue_token from API_TOKEN_DAYS; refused from then on.
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship(back_populates="tokens")


class Entry(Model):
    """One encounter or observation logged by a worker. Never holds a resident's name."""

    __tablename__ = "entries"
    __table_args__ = (
        sa.CheckConstraint(f"people >= 1 AND people <= {PEOPLE_MAX}", name="people_range"),
        # Covering: the wijk picture counts an area's entries in a span of time from this index
        # alone (bench/wijk_page.py), and every other area query uses its first two columns.
        sa.Index(
            "ix_entries_area_id_occurred_at_covering",
            "area_id",
            "occurred_at",
            "kind",
            "initiated_by",
            "first_contact",
            "people",
            "contact_type",
            "setting",
            "place_id",
            "id",
        ),
        sa.Index("ix_entries_author_id_occurred_at", "author_id", "occurred_at"),
        sa.Index("ix_entries_team_id_occurred_at", "team_id", "occurred_at"),
        # Whether a team's entries, or those of some areas, changed since a page last read them:
        # the review page's signals and the opportunities' counts are kept until then.
        sa.Index("ix_entries_team_id_updated_at", "team_id", "updated_at"),
        sa.Index("ix_entries_area_id_updated_at", "area_id", "updated_at"),
    )

    # Made by the client, so an offline entry keeps its identity through every retry.
    id: Mapped[uuid.UUID] = mapped_column(sa.Uuid, primary_key=True, default=uuid.uuid4)
    author_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    team_id: Mapped[int | None] = mapped_column(sa.ForeignKey("teams.id"))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    area_id: Mapped[int] = mapped_column(sa.ForeignKey("areas.id"))
    place_id: Mapped[int | None] = mapped_column(sa.ForeignKey("places.id"), index=True)
    setting: Mapped[str] = mapped_column(choice(SETTINGS, "entry_setting"))
    contact_type: Mapped[str] = mapped_column(
        choice(CONTACT_TYPES, "entry_contact_type"), default="resident"
    )
    people: Mapped[int] = mapped_column(default=1)
    first_contact: Mapped[bool] = mapped_column(default=False)
    initiated_by: Mapped[str] = mapped_column(
        choice(INITIATED_BY, "entry_initiated_by"), default="resident"
    )
    kind: Mapped[str] = mapped_column(choice(KINDS, "entry_kind"))
    underlying_question: Mapped[str | None] = mapped_column(sa.String(QUESTION_MAX))
    note: Mapped[str | None] = mapped_column(sa.String(NOTE_MAX))
    # The stems grouping reads (`entries.terms.stored_terms`), written with the texts and
    # cleared with them, so the review groups without splitting texts on a page view.
    grouping_terms: Mapped[str | None] = mapped_column(sa.Text)
    follow_up: Mapped[str] = mapped_column(choice(FOLLOW_UPS, "entry_follow_up"), default="none")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # Raised on every change: a form posted from a stale page carries an older version.
    version: Mapped[int] = mapped_column(default=1)

    author: Mapped[User] = relationship()
    team: Mapped[Team | None] = relationship()
    area: Mapped[Area] = relationship()
    place: Mapped[Place | None] = relationship()
    themes: Mapped[list[Theme]] = relationship(
        secondary=entry_themes, order_by="(Theme.position, Theme.id)"
    )

    __mapper_args__ = {"version_id_col": version}

    @hybrid_property
    def sensitive(self) -> bool:
        """Tell whether one of the entry's themes is sensitive (restricting who reads it)."""
        return any(theme.sensitive for theme in self.themes)

    @sensitive.inplace.expression
    @classmethod
    def _sensitive_expression(cls) -> sa.ColumnElement[bool]:
        return has_sensitive_theme(cls.id)


class EntryTombstone(Model):
    """That an entry was deleted, and when: `GET /api/v1/entries?since=` tells API clients so,
    and an outbox replaying the deleted entry gets "duplicate" instead of bringing it back.

    Holds the entry's id and author only, nothing it said.
    """

    __tablename__ = "entry_tombstones"
    __table_args__ = (
        sa.Index("ix_entry_tombstones_author_id_deleted_at", "author_id", "deleted_at"),
    )

    entry_id: Mapped[uuid.UUID] = mapped_column(sa.Uuid, primary_key=True)
    author_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    deleted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AuditEvent(Model):
    """Who did what to which record, when (UTC). Never holds free text."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    action: Mapped[str] = mapped_column(sa.String(64), index=True)
    object_type: Mapped[str | None] = mapped_column(sa.String(32))
    object_id: Mapped[str | None] = mapped_column(sa.String(64))
    details: Mapped[dict] = mapped_column(sa.JSON, default=dict)

    actor: Mapped[User | None] = relationship()
