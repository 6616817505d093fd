"""Forms for signing in and for the user's own profile."""

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Optional, ValidationError

from buurtlog.accounts.services import PASSWORD_MAX, PASSWORD_MIN, password_problem
from buurtlog.forms import Form
from buurtlog.labels import SelectChoice


class LoginForm(Form):
    """Sign in with email and password."""

    email = EmailField(
        _l("Email"),
        validators=[DataRequired(), Length(max=254)],
        render_kw={"autocomplete": "username", "autocapitalize": "none"},
    )
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(), Length(max=PASSWORD_MAX)],
        render_kw={"autocomplete": "current-password"},
    )


class StrongPassword:
    """Refuse common and easily guessed passwords (no composition rules)."""

    def __init__(self, *about_fields: str):
        self.about_fields = about_fields

    def __call__(self, form, field):
        if not field.data or field.errors:
            return
        about = [str(form[name].data or "") for name in self.about_fields if name in form]
        about += [str(getattr(getattr(form, "record", None), "email", "") or "")]
        problem = password_problem(field.data, *about)
        if problem == "short":
            raise ValidationError(
                _l(
                    "Use at least %(n)d characters, not counting spaces at the start and the end.",
                    n=PASSWORD_MIN,
                )
            )
        if problem:
            raise ValidationError(
                _l(
                    "This password is too common or too easy to guess. "
                    "A short sentence of your own works well."
                )
            )


def new_password_field(label, *about_fields: str) -> PasswordField:
    """Return a password field with the rules every new password follows."""
    return PasswordField(
        label,
        # Optional() would take a password of spaces for none at all and let it through.
        validators=[
            Optional(strip_whitespace=False),
            Length(min=PASSWORD_MIN, max=PASSWORD_MAX),
            StrongPassword(*about_fields),
        ],
        render_kw={"autocomplete": "new-password", "minlength": PASSWORD_MIN},
        description=_l(
            "At least %(n)d characters. A sentence you can remember works well.", n=PASSWORD_MIN
        ),
    )


class ProfileForm(Form):
    """Change one's own name, language and password."""

    name = StringField(
        _l("Name"), validators=[DataRequired(), Length(max=120)], render_kw={"autocomplete": "name"}
    )
    locale = SelectField(
        _l("Language"),
        choices=[
            SelectChoice("", _l("Same as my browser")),
            SelectChoice("nl", "Nederlands"),
            SelectChoice("en", "English"),
        ],
    )
    current_password = PasswordField(
        _l("Current password"),
        validators=[Optional(), Length(max=PASSWORD_MAX)],
        render_kw={"autocomplete": "current-password"},
        description=_l("Only needed when you change your password."),
    )
    new_password = new_password_field(_l("New password"), "name")
    confirm_password = PasswordField(
        _l("New password again"),
        validators=[EqualTo("new_password", message=_l("The two passwords are not the same."))],
        render_kw={"autocomplete": "new-password"},
    )

    def __init__(self, *args, check_password=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._check_password = check_password
        self.record = kwargs.get("obj")  # whose password it is: their email must not be it

    def validate_current_password(self, field):
        """Require the current password before a new one is set."""
        if self.new_password.data and not (field.data and self._check_password(field.data)):
            raise ValidationError(_l("Your current password is not correct."))


class CodeForm(Form):
    """Give a six-digit authenticator code (or, when signing in, a recovery code)."""

    code = StringField(
        _l("Code"),
        validators=[DataRequired(), Length(max=32)],
        render_kw={
            "autocomplete": "one-time-code",
            "inputmode": "numeric",
            "autocapitalize": "none",
            "spellcheck": "false",
        },
        description=_l("The six digits your authenticator app shows now."),
    )


class SignInCodeForm(CodeForm):
    """Give the second factor after the password."""

    code = StringField(
        _l("Code"),
        validators=[DataRequired(), Length(max=32)],
        render_kw={
            "autocomplete": "one-time-code",
            "autocapitalize": "none",
            "spellcheck": "false",
        },
        description=_l(
            "The six digits your authenticator app shows now, or one of your recovery codes."
        ),
    )


class PasswordCheckForm(Form):
    """Confirm a change to the sign-in with the current password."""

    password = PasswordField(
        _l("Current password"),
        validators=[DataRequired(), Length(max=PASSWORD_MAX)],
        render_kw={"autocomplete": "current-password"},
    )

    def __init__(self, *args, check_password=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._check_password = check_password

    def validate_password(self, field):
        """Refuse a wrong password."""
        if not self._check_password(field.data):
            raise ValidationError(_l("Your current password is not correct."))
