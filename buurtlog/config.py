"""Configuration defaults and the checks that run once the environment is read."""

import os
import secrets
from pathlib import Path

from flask import Flask


def defaults(app: Flask) -> dict:
    """Return the default settings; `FLASK_*` environment variables override them."""
    return {
        "SECRET_KEY": None,
        "SQLALCHEMY_DATABASE_URI": "sqlite:///"
        + os.path.join(app.instance_path, "buurtlog.sqlite"),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        # PostgreSQL's planner by default prices a read by index as four sequential reads, as on
        # a spinning disk; buurtlog's data sits in memory or on SSD, where 1.1 is the usual
        # setting. Without it, the pages that read some hundred rows by id (the weekly review)
        # scan whole tables instead (BENCHMARKS.md). None leaves the server's own setting.
        "POSTGRES_RANDOM_PAGE_COST": 1.1,
        "BABEL_DEFAULT_LOCALE": "nl",
        "BABEL_DEFAULT_TIMEZONE": "Europe/Amsterdam",
        "BABEL_TRANSLATION_DIRECTORIES": str(Path(app.root_path).parent / "translations"),
        "LANGUAGES": ["nl", "en"],
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SECURE": None,  # decided in finish(): secure unless debugging or testing
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        # The sync API accepts batches of up to 1 MB; a little room for the JSON envelope.
        "MAX_CONTENT_LENGTH": 1024 * 1024 + 4096,
        "WTF_CSRF_TIME_LIMIT": None,
        # WTForms' built-in messages come from its own catalogues (see buurtlog/forms.py).
        "WTF_I18N_ENABLED": False,
        "RATELIMIT_STORAGE_URI": "memory://",
        "RETENTION_MONTHS": 12,
        "LOGIN_LIMIT_PER_ADDRESS": "30 per minute",
        "LOGIN_LIMIT_PER_ACCOUNT": "10 per 15 minutes",
        # Sessions (accounts/sessions.py): a worker signs in once a day and keeps the phone
        # signed in through a morning and an afternoon round; a phone left alone locks itself.
        "SESSION_IDLE_MINUTES": 180,
        "SESSION_LIFETIME_HOURS": 12,
        # Roles that must sign in with an authenticator code too; [] makes it optional for all.
        "TWO_FACTOR_REQUIRED_ROLES": ["coordinator", "admin"],
        "TWO_FACTOR_ISSUER": "buurtlog",  # the name the authenticator app shows
    }


def finish(app: Flask) -> None:
    """Settle settings that depend on others: the secret key, cookie security and the
    PostgreSQL connection's planner setting."""
    cost = app.config.get("POSTGRES_RANDOM_PAGE_COST")
    if cost and str(app.config["SQLALCHEMY_DATABASE_URI"]).startswith("postgresql"):
        options = dict(app.config["SQLALCHEMY_ENGINE_OPTIONS"])
        options["connect_args"] = {"options": f"-c random_page_cost={float(cost)}",
                                   **options.get("connect_args", {})}
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options
    if app.config["SESSION_COOKIE_SECURE"] is None:
        app.config["SESSION_COOKIE_SECURE"] = not (app.debug or app.testing)
    app.config["REMEMBER_COOKIE_SECURE"] = app.config["SESSION_COOKIE_SECURE"]
    if app.config.get("SECRET_KEY"):
        return
    if not (app.debug or app.testing):
        raise RuntimeError(
            "FLASK_SECRET_KEY is not set. Set it to a long random value before serving "
            "buurtlog in production (python -c 'import secrets; print(secrets.token_hex(32))'), "
            "or start in development mode with --debug."
        )
    # Development only: a key kept in instance/ so sessions survive a restart of `make run`.
    key_file = Path(app.instance_path) / "dev-secret-key"
    if not key_file.exists():
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    app.config["SECRET_KEY"] = key_file.read_text().strip()
