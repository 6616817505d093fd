"""The base of every form (WTForms' own messages in the user's language) and reading moments."""

from datetime import UTC, datetime

from flask_babel import get_locale
from flask_wtf import FlaskForm


class Form(FlaskForm):
    """A Flask-WTF form whose built-in messages ("This field is required.") are translated."""

    class Meta:
        @property
        def locales(self) -> list[str]:
            """Use WTForms' own catalogue for the current language."""
            return [str(get_locale())]


def parse_moment(value: object) -> datetime | None:
    """Read an ISO 8601 moment with a UTC offset as UTC; None when it is not one."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
        return moment.astimezone(UTC) if moment.tzinfo else None
    except (ValueError, OverflowError):
        return None
