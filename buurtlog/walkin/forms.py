"""Forms of the walk-in morning: start, end, one tally tap, the kiosk's PIN."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, PasswordField, RadioField, StringField
from wtforms.validators import InputRequired, Length, Optional, Regexp, ValidationError

from buurtlog.forms import EVERYTHING, Form, NoPersonalData, parse_moment
from buurtlog.labels import SelectChoice
from buurtlog.models import REFERRED_ELSEWHERE_MAX, Initiative, Theme, utcnow
from buurtlog.presence.forms import StartForm as PlaceForm

COMPANY = "company"  # the "just coffee and company" chip among the themes
ELSEWHERE = "elsewhere"  # the "elsewhere" chip among the initiatives
PIN_PATTERN = r"^\d{4,8}$"


def _uuid(value: str | None) -> uuid.UUID | None:
    """Read a client's UUID, or None when it is not one."""
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


class StartForm(PlaceForm):
    """Start a walk-in morning at a place."""

    id = HiddenField()

    def session_id(self) -> uuid.UUID:
        """Return the id the page made for this session (a resubmit starts nothing new)."""
        return _uuid(self.id.data) or uuid.uuid4()


class ButtonForm(Form):
    """A form that is only a button: end the session, undo the last tap."""


class CheckInForm(Form):
    """One visitor: new or known, what about, where referred. The same rules for the API."""

    id = HiddenField()
    visitor = RadioField(
        _l("Visitor"),
        choices=[SelectChoice("new", _l("+ New")), SelectChoice("known", _l("+ Known"))],
        validators=[InputRequired(_l("Tap New or Known."))],
    )
    about = RadioField(_l("Question about"), validate_choice=False, validators=[Optional()])
    referral = RadioField(_l("Referred to"), validate_choice=False, validators=[Optional()])
    elsewhere = StringField(
        _l("Elsewhere: which organisation?"),
        validators=[
            Optional(),
            Length(
                max=REFERRED_ELSEWHERE_MAX,
                message=_l("At most %(max)d characters.", max=REFERRED_ELSEWHERE_MAX),
            ),
            # A tally tap has no room to confirm anything: whatever the guard finds must go.
            NoPersonalData(
                refuse=EVERYTHING, refuse_message=_l("Only an organisation's name, never a person.")
            ),
        ],
        render_kw={"maxlength": REFERRED_ELSEWHERE_MAX, "autocomplete": "off"},
        description=_l("A short organisation name, never a person."),
    )
    occurred_at = HiddenField()  # only from the outbox: the moment of the tap
    confirm_double = HiddenField()

    def __init__(
        self, *args, themes: list[Theme], initiatives: list[Initiative], locale: str, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.theme_by_slug = {t.slug: t for t in themes}
        self.initiative_by_id = {str(i.id): i for i in initiatives}
        self.about.choices = [SelectChoice(t.slug, t.name(locale)) for t in themes] + [
            SelectChoice(COMPANY, _l("Just coffee"))
        ]
        self.referral.choices = [SelectChoice(str(i.id), i.name) for i in initiatives] + [
            SelectChoice(ELSEWHERE, _l("Elsewhere"))
        ]

    def validate_about(self, field):
        """Accept only the themes in use and "just coffee"."""
        if field.data and field.data != COMPANY and field.data not in self.theme_by_slug:
            raise ValidationError(
                _l("Unknown theme or no longer in use: %(slug)s", slug=field.data)
            )

    def validate_referral(self, field):
        """Accept only the initiatives on offer here, or elsewhere with an organisation."""
        if field.data and field.data != ELSEWHERE and field.data not in self.initiative_by_id:
            raise ValidationError(_l("Choose one of the initiatives shown."))

    def validate_elsewhere(self, field):
        """Require an organisation for "elsewhere" (NoPersonalData keeps persons out)."""
        text = (field.data or "").strip()
        if field.errors:
            return
        if "\x00" in text:
            raise ValidationError(_l("Only an organisation's name, never a person."))
        if self.referral.data == ELSEWHERE and not text:
            raise ValidationError(_l("Name the organisation."))

    def validate_occurred_at(self, field):
        """Accept an ISO moment with a UTC offset, at most a day back and not ahead."""
        if not field.data:
            return
        moment = self.moment()
        if moment is None:
            raise ValidationError(_l("Use an ISO 8601 date and time with a UTC offset."))
        if moment > utcnow() + timedelta(minutes=5) or moment < utcnow() - timedelta(days=7):
            raise ValidationError(_l("That time is not possible for this tally."))

    def moment(self) -> datetime | None:
        """Return the sent moment of the tap in UTC, or None when none (or no valid one) came."""
        return parse_moment(self.occurred_at.data)

    def checkin_id(self) -> uuid.UUID:
        """Return the id the client made for this tap (a resubmit counts nobody twice)."""
        return _uuid(self.id.data) or uuid.uuid4()

    def chosen(self) -> dict:
        """Return the validated tap as the values of a check-in."""
        about = self.about.data or None
        referral = self.referral.data or None
        elsewhere = (self.elsewhere.data or "").strip() or None
        initiative = self.initiative_by_id.get(referral) if referral else None
        if referral != ELSEWHERE:
            elsewhere = None
        return {
            "visitor": self.visitor.data,
            "theme": self.theme_by_slug.get(about) if about else None,
            "just_company": about == COMPANY,
            "initiative": initiative,
            "referred_elsewhere": elsewhere,
            "confirmed_double": self.confirm_double.data in ("1", "true", "y"),
        }


class KioskStartForm(Form):
    """Set the PIN that the host needs to leave kiosk mode."""

    pin = PasswordField(
        _l("PIN to leave kiosk mode"),
        validators=[
            InputRequired(_l("Choose a PIN of 4 to 8 digits.")),
            Regexp(PIN_PATTERN, message=_l("Choose a PIN of 4 to 8 digits.")),
        ],
        render_kw={"inputmode": "numeric", "autocomplete": "off", "maxlength": 8},
    )


class KioskLeaveForm(Form):
    """Leave kiosk mode with the host's PIN."""

    pin = PasswordField(
        _l("PIN"),
        validators=[InputRequired(_l("Enter the PIN."))],
        render_kw={"inputmode": "numeric", "autocomplete": "off", "maxlength": 8},
    )


class KioskTapForm(Form):
    """A visitor taps in at the kiosk: new or known."""

    visitor = RadioField(
        choices=[SelectChoice("new", "new"), SelectChoice("known", "known")],
        validators=[InputRequired()],
    )
