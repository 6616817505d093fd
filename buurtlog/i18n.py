"""Language and time zone choice, and the date formats templates use."""

from datetime import date, datetime, time

from babel import dates
from flask import Flask, current_app, has_request_context, request
from flask_babel import get_locale as babel_locale
from flask_babel import get_timezone as babel_timezone
from flask_babel import to_user_timezone
from flask_login import current_user


def get_locale() -> str:
    """Pick the user's own language, then the browser's preference, then Dutch (also for
    what the command line writes, such as the demo meeting's decisions)."""
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    return (
        request.accept_languages.best_match(languages) or current_app.config["BABEL_DEFAULT_LOCALE"]
    )


def get_timezone() -> str:
    """Show every date and time in the Netherlands' time zone."""
    return current_app.config["BABEL_DEFAULT_TIMEZONE"]


# The regional variant whose dates a language's readers expect: English as written in Europe,
# day before month and a 24-hour clock ("26/11/2026, 10:00", never "11/26/26, 10:00 AM").
DATE_LOCALES = {"en": "en_GB"}


def date_locale() -> str:
    """Return the locale dates and times are written in for the current language."""
    language = str(babel_locale())
    return DATE_LOCALES.get(language, language)


def format_date(value: date | datetime, format: str = "medium", rebase: bool = True) -> str:
    """Write a date (of a moment: its day in the user's time zone) in the user's language."""
    if rebase and isinstance(value, datetime):
        value = to_user_timezone(value)
    return dates.format_date(value, format, locale=date_locale())


def format_datetime(value: datetime, format: str = "medium", rebase: bool = True) -> str:
    """Write a moment in the user's language and time zone."""
    return dates.format_datetime(
        value, format, tzinfo=babel_timezone() if rebase else None, locale=date_locale()
    )


def format_time(value: datetime | time, format: str = "medium", rebase: bool = True) -> str:
    """Write a moment's time of day in the user's language and time zone."""
    return dates.format_time(
        value, format, tzinfo=babel_timezone() if rebase else None, locale=date_locale()
    )


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
    app.jinja_env.globals["date_locale"] = lambda: date_locale().replace("_", "-")
