"""The base of every form: WTForms' own messages in the user's language."""

from flask_babel import get_locale
from flask_wtf import FlaskForm


class Form(FlaskForm):
    """A Flask-WTF form whose built-in messages ("This field is required.") are translated."""

    class Meta:
        @property
        def locales(self) -> list[str]:
            """Use WTForms' own catalogue for the current language."""
            return [str(get_locale())]
