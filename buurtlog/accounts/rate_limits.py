"""Sign-in limits counted in the database every process shares (`database://`, the default).

Flask-Limiter's `memory://` counts per process: behind gunicorn's workers each one let its own
30 guesses through. Redis stays possible (`FLASK_RATELIMIT_STORAGE_URI=redis://…`); this
storage needs nothing extra running. It keeps one row per key and window, counted with one
atomic upsert on SQLite and PostgreSQL alike, and removes expired rows as it goes.
"""

import hashlib
import time

from limits.storage import Storage
from sqlalchemy import case, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from buurtlog.extensions import db
from buurtlog.models import RateLimitCounter

counters = RateLimitCounter.__table__


def _digest(key: str) -> str:
    """Return the stored form of a limit's key, which holds an address or an email address."""
    return hashlib.sha256(key.encode()).hexdigest()


class DatabaseStorage(Storage):
    """Count fixed windows in the `rate_limit_counters` table, on a connection of its own.

    A connection of its own, so a count is kept whatever the request's session does after it.
    """

    STORAGE_SCHEME = ["database"]

    @property
    def base_exceptions(self):
        """Name the errors the limiter may treat as the storage failing."""
        return SQLAlchemyError

    def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        """Add to a key's count, starting a new window when the last one has expired."""
        now = time.time()
        insert = (postgresql.insert if db.engine.dialect.name == "postgresql" else sqlite.insert)(
            counters
        )
        expired = counters.c.expires_at <= now
        upsert = insert.values(key=_digest(key), count=amount, expires_at=now + expiry)
        returning = upsert.on_conflict_do_update(
            index_elements=[counters.c.key],
            set_={
                "count": case((expired, amount), else_=counters.c.count + amount),
                "expires_at": case((expired, now + expiry), else_=counters.c.expires_at),
            },
        ).returning(counters.c.count)
        with db.engine.begin() as connection:
            connection.execute(delete(counters).where(counters.c.expires_at < now - 1))
            return connection.execute(returning).scalar_one()

    def get(self, key: str) -> int:
        """Return a key's count in its current window."""
        with db.engine.connect() as connection:
            count = connection.scalar(
                select(counters.c.count).where(
                    counters.c.key == _digest(key), counters.c.expires_at > time.time()
                )
            )
        return count or 0

    def get_expiry(self, key: str) -> float:
        """Return when a key's window ends (now, when it has none)."""
        with db.engine.connect() as connection:
            expires_at = connection.scalar(
                select(counters.c.expires_at).where(counters.c.key == _digest(key))
            )
        return expires_at or time.time()

    def check(self) -> bool:
        """Tell whether the database answers."""
        try:
            with db.engine.connect() as connection:
                connection.scalar(select(func.count()).select_from(counters))
        except SQLAlchemyError:
            return False
        return True

    def reset(self) -> int | None:
        """Forget every count."""
        with db.engine.begin() as connection:
            return connection.execute(delete(counters)).rowcount

    def clear(self, key: str) -> None:
        """Forget one key's count."""
        with db.engine.begin() as connection:
            connection.execute(delete(counters).where(counters.c.key == _digest(key)))
