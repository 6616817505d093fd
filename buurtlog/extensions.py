"""Flask extensions, created unbound and bound to the app in `create_app`."""

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData, Table, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

# Stable constraint names, so Alembic migrations are identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def render_migration_item(type_, obj, _autogen_context):
    """Write custom column types into migrations as their plain SQLAlchemy type.

    Migrations must not import the app's models, which keep changing after them.
    """
    if type_ == "type" and isinstance(obj, TypeDecorator):
        return f"sa.{obj.impl!r}"
    return False


db = SQLAlchemy(metadata=MetaData(naming_convention=NAMING_CONVENTION))

# The base of every model. It is `db.Model`; a type checker cannot take a base class from an
# object's attribute, so to mypy it is the declarative base that `db.Model` is made from.
if TYPE_CHECKING:

    class Model(DeclarativeBase):
        """Declarative base of buurtlog's models, as mypy sees `db.Model`."""

        # Every model maps one plain table (none a join or a query), so its table is a Table.
        __table__: ClassVar[Table]
else:
    Model = db.Model
migrate = Migrate(render_as_batch=True, compare_type=True, render_item=render_migration_item)
csrf = CSRFProtect()
babel = Babel()
login_manager = LoginManager()
# Counted in the shared database by default (database://, accounts/rate_limits.py), or Redis.
limiter = Limiter(key_func=get_remote_address)


PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def make_private_folder(path: str | os.PathLike) -> None:
    """Create a folder only its owner may enter (the instance folder: database, secret key)."""
    os.makedirs(path, mode=PRIVATE_FOLDER, exist_ok=True)
    _tighten(Path(path), PRIVATE_FOLDER)


def _tighten(path: Path, mode: int) -> None:
    """Take away the group's and others' rights on a file or folder of ours, if it has any."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    if info.st_mode & 0o077 and info.st_uid == os.getuid():
        path.chmod(mode)


def sqlite_files(engine: Engine) -> list[Path]:
    """Return the files of an SQLite database on disk (the database, its WAL and shared memory),
    or none for PostgreSQL and a database in memory."""
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:" or database.startswith("file:"):
        return []
    return [Path(database + suffix) for suffix in ("", "-wal", "-shm")]


class HideRowValues(logging.Filter):
    """Drop the rows SQLAlchemy logs at DEBUG: they hold notes and questions as they are."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Let every record through but the values of a fetched row."""
        return record.msg != "Row %r"


def keep_free_text_out_of_logs() -> None:
    """Keep the values of fetched rows out of the engine's log, whatever its level.

    The statements' parameters are hidden by the engine option `hide_parameters` (config.py).
    """
    logger = logging.getLogger("sqlalchemy.engine.Engine")
    if not any(isinstance(f, HideRowValues) for f in logger.filters):
        logger.addFilter(HideRowValues())


def enable_sqlite_pragmas(engine: Engine) -> None:
    """Open every SQLite connection with WAL, foreign keys and a busy timeout, on files only
    their owner can read."""
    if engine.dialect.name != "sqlite":
        return
    files = sqlite_files(engine)
    if files and not files[0].exists():
        # Made here with its mode rather than by SQLite with the umask's, usually 0644.
        files[0].parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(files[0], os.O_CREAT | os.O_WRONLY, PRIVATE_FILE))

    @event.listens_for(engine, "connect")
    def _set_pragmas(dbapi_connection, _record):
        # SQLite gives the -wal and -shm files the database file's mode; earlier ones and a
        # database made by an older version are tightened here.
        for path in files:
            _tighten(path, PRIVATE_FILE)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()
