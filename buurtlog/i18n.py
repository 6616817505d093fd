"""Language and time zone choice, and the date formats templates use."""

from datetime import datetime

from flask import Flask, current_app, request
from flask_babel import format_date, format_datetime, format_time, to_user_timezone
from flask_babel import get_locale as babel_locale
from flask_login import current_user


def get_locale() -> str:
    """Pick the user's own language, then the browser's preference, then Dutch."""
    languages = current_app.config["LANGUAGES"]
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    return request.accept_languages.best_match(languages) or current_app.config[
        "BABEL_DEFAULT_LOCALE"
    ]


def get_timezone() -> str:
    """Show every date and time in the Netherlands' time zone."""
    return current_app.config["BABEL_DEFAULT_TIMEZONE"]


def iso_week(value: datetime) -> str:
    """Return the ISO week number of a date, the way teams name their weeks."""
    local = to_user_timezone(value) if isinstance(value, datetime) else value
    return str(local.isocalendar().week)


def register(app: Flask) -> None:
    """Make the date filters and the current language available to templates."""
    app.jinja_env.filters.update(
        date=format_date, datetime=format_datetime, time=format_time, isoweek=iso_week
    )
    app.jinja_env.globals["current_locale"] = lambda: str(babel_locale())
