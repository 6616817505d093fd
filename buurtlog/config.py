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
        # hide_parameters: a database error names its statement but not the values, which
        # hold notes and questions; finish() keeps it on whatever the environment sets.
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True, "hide_parameters": True},
        # PostgreSQL's planner by default prices a read by index as four sequential reads, as on
        # a spinning disk; buurtlog's data sits in memory or on SSD, where 1.1 is the usual
        # setting. Without it, the pages that read some hundred rows by id (the weekly review)
        # scan whole tables instead (BENCHMARKS.md). None leaves the server's own setting.
        "POSTGRES_RANDOM_PAGE_COST": 1.1,
        "BABEL_DEFAULT_LOCALE": "nl",
        "BABEL_DEFAULT_TIMEZONE": "Europe/Amsterdam",
        "BABEL_TRANSLATION_DIRECTORIES": str(Path(app.root_path) / "translations"),
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
        # Sign-in limits are counted in the database every process shares
        # (accounts/rate_limits.py); redis://… works too. Never memory://: per process.
        "RATELIMIT_STORAGE_URI": "database://",
        # How many proxies in front of buurtlog may name the client's address
        # (X-Forwarded-For); 0 trusts none, so nobody can pick their own address.
        "TRUSTED_PROXIES": 0,
        # Months after which free text goes, per kind (retention/services.py, docs/PRIVACY.md):
        # entries' notes and questions; decisions of meetings and signals; wijk theme log
        # lines; replaced wijkschets versions; untouched exchange offers and requests;
        # "referred elsewhere" of walk-in visits; dismissed grouping proposals (note words).
        "RETENTION_MONTHS": 12,
        "RETENTION_DECISIONS_MONTHS": 12,
        "RETENTION_WIJK_THEME_NOTES_MONTHS": 12,
        "RETENTION_WIJKSCHETS_MONTHS": 12,
        "RETENTION_EXCHANGE_MONTHS": 12,
        "RETENTION_REFERRED_ELSEWHERE_MONTHS": 12,
        "RETENTION_DISMISSED_PROPOSALS_MONTHS": 12,
        # Days a personal API token (`flask users token`) is valid; it opens /api/v1 only.
        "API_TOKEN_DAYS": 90,
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
    """Settle settings that depend on others: the secret key, cookie security, the engine's
    hidden parameters and the PostgreSQL connection's planner setting."""
    # Free text never reaches a log, so no setting may show the statements' values there.
    options = {**app.config.get("SQLALCHEMY_ENGINE_OPTIONS", {}), "hide_parameters": True}
    cost = app.config.get("POSTGRES_RANDOM_PAGE_COST")
    if cost and str(app.config["SQLALCHEMY_DATABASE_URI"]).startswith("postgresql"):
        options["connect_args"] = {
            "options": f"-c random_page_cost={float(cost)}",
            **options.get("connect_args", {}),
        }
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options
    if app.config["SESSION_COOKIE_SECURE"] is None:
        app.config["SESSION_COOKIE_SECURE"] = not (app.debug or app.testing)
    app.config["REMEMBER_COOKIE_SECURE"] = app.config["SESSION_COOKIE_SECURE"]
    if app.config.get("SECRET_KEY"):
        return
    # A key kept in instance/: `make run` makes one on first start (one machine, one key for
    # every gunicorn worker), and development mode makes one itself. Several servers share
    # FLASK_SECRET_KEY instead.
    key_file = Path(app.instance_path) / "secret-key"
    if not key_file.exists():
        if not (app.debug or app.testing):
            raise RuntimeError(
                "FLASK_SECRET_KEY is not set and there is no instance/secret-key. Set it to a "
                "long random value before serving buurtlog in production (python -c 'import "
                "secrets; print(secrets.token_hex(32))'), or start with `make run` or --debug."
            )
        write_secret_key(key_file)
    app.config["SECRET_KEY"] = key_file.read_text().strip()


def write_secret_key(key_file: Path) -> None:
    """Write a new random secret key that only its owner can read."""
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key_file.touch(mode=0o600)
    key_file.write_text(secrets.token_hex(32))
