"""The base of every form (WTForms' own messages in the user's language, a CSRF token that can
be on a page many times), the privacy guard of free text, and reading moments."""

from datetime import UTC, datetime

import wtforms
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField
from wtforms.validators import ValidationError

from buurtlog.audit.services import record_event
from buurtlog.bounds import FIRST_DAY, LAST_DAY, day_in_range
from buurtlog.labels import label
from buurtlog.privacy import KINDS, find_personal_data
from buurtlog.privacy_known import known_names, known_pattern

# Contact details and numbers that have no place in a field at all: a confirmation cannot let
# them through. A name may be a false alarm ("Bakker Bart", "Stichting Present"), so it can.
CONTACT_DETAILS = ("phone", "email", "postcode", "bsn", "iban", "address")
EVERYTHING = KINDS


class Form(FlaskForm):
    """A Flask-WTF form whose built-in messages ("This field is required.") are translated."""

    class Meta:
        @property
        def locales(self) -> list[str]:
            """Use WTForms' own catalogue for the current language."""
            return [str(get_locale())]

        def render_field(self, field, render_kw):
            """Render the CSRF token without an id: every form carries one, a page may hold
            several forms, and an id must be unique on the page. Nothing refers to it by id."""
            if field.type == "CSRFTokenField":
                render_kw = {"id": False, **render_kw}
            # WTForms makes the form's meta from this class and its DefaultMeta at run time.
            return super().render_field(field, render_kw)  # type: ignore[misc]

    def validate(self, extra_validators=None) -> bool:
        """Validate, and refuse a NUL character in any field: no person types one, PostgreSQL
        cannot store one, and it must not reach the database as an error page. The text comes
        back without it, so one more tap on Save keeps everything else."""
        valid = super().validate(extra_validators)
        for field in self:
            if isinstance(field.data, str) and "\x00" in field.data:
                field.data = field.data.replace("\x00", "")
                field.errors = [
                    *field.errors,
                    _(
                        "This text held an invisible character that cannot be saved (NUL). It has "
                        "been taken out: check the text and save again."
                    ),
                ]
                valid = False
        return valid


def _refuse_days_out_of_range(field, day) -> None:
    """Refuse a day outside the range buurtlog reads, before any conversion overflows on it."""
    if day is not None and not day_in_range(day):
        field.data = None
        raise ValueError(
            _(
                "Enter a date between %(first)s and %(last)s.",
                first=FIRST_DAY.year,
                last=LAST_DAY.year,
            )
        )


class DateField(wtforms.DateField):
    """A date field that refuses days outside buurtlog's range (see buurtlog.bounds)."""

    def process_formdata(self, valuelist):
        """Read the day, then refuse it when it is out of range."""
        super().process_formdata(valuelist)
        _refuse_days_out_of_range(self, self.data)


class DateTimeLocalField(wtforms.DateTimeLocalField):
    """A local date-time field that refuses moments outside buurtlog's range: converting
    0001-01-01T00:00 Amsterdam time to UTC would overflow."""

    def process_formdata(self, valuelist):
        """Read the moment, then refuse it when its day is out of range."""
        super().process_formdata(valuelist)
        _refuse_days_out_of_range(self, self.data.date() if self.data else None)


class NoPersonalData:
    """A field validator: the privacy guard at the moment of writing.

    Kinds in `refuse` must go, whatever the writer says; the other kinds are held back until
    the writer ticks the form's privacy_confirmed box (see PrivacyChecked). The findings stay
    on the field (field.privacy_findings) and the form, so the page can mark them.
    """

    def __init__(self, refuse: tuple[str, ...] = (), refuse_message=None):
        self.refuse = frozenset(refuse)
        # The page checks the field as the writer types (static/js/privacy-field.js): one
        # flag marks it, the other names the kinds no "Keep anyway" can let through.
        self.field_flags = {"privacy": True, "privacy_refuse": " ".join(sorted(self.refuse))}
        self.refuse_message = refuse_message or _l(
            "This looks like %(kinds)s. Leave it out: this field is not the place for it."
        )

    def __call__(self, form, field):
        """Refuse or hold back the field's text when the guard finds personal data in it."""
        field.privacy_findings, field.privacy_refused = [], False
        if field.errors or not isinstance(field.data, str):
            return
        findings = find_personal_data(field.data, known=known_pattern())
        if not findings:
            return
        field.privacy_findings = findings
        if isinstance(getattr(form, "privacy_findings", None), dict):
            form.privacy_findings[field.name] = findings
        refused = [f.kind for f in findings if f.kind in self.refuse]
        if refused:
            field.privacy_refused = True
            raise ValidationError(str(self.refuse_message) % {"kinds": _kinds(refused)})
        confirm = getattr(form, "privacy_confirmed", None)
        if confirm is None or not confirm.data:
            raise ValidationError(
                _l(
                    "This looks like %(kinds)s. Remove it, or choose to keep it anyway.",
                    kinds=_kinds(f.kind for f in findings),
                )
            )


def _kinds(kinds) -> str:
    """Name the kinds of personal data found, each once, in the user's language."""
    return ", ".join(sorted({label("privacy_kind", k) for k in kinds}))


class PrivacyChecked(Form):
    """A form with free text under the privacy guard: the confirm box and the findings.

        Put NoPersonalData on each free-text field; this mixin gives the form the one box that
        confirms what the guard held back, and collects the findings per field name. It is a Form
    itself, so that what it calls on super() is one a type checker knows.
    """

    # Honest whatever was kept: the writer may keep a name on purpose ("Bakker Bart").
    privacy_confirmed = BooleanField(_l("Keep what is marked anyway: I checked it"))
    audit_kept = True  # False where the caller audits what was saved (the sync)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.privacy_findings: dict[str, list] = {}
        known_names()  # read for this request: the page hands them to the browser's check

    def validate(self, extra_validators=None) -> bool:
        """Validate afresh: forget the findings of an earlier round first. Text kept on
        purpose is audited (which fields, which kinds; never the text), saved with the change."""
        self.privacy_findings = {}
        valid = super().validate(extra_validators)
        if valid and self.privacy_findings and self.audit_kept:
            record_event(
                "privacy.kept",
                form=type(self).__name__,
                fields=" ".join(sorted(self.privacy_findings)),
                kinds=" ".join(
                    sorted({f.kind for found in self.privacy_findings.values() for f in found})
                ),
            )
        return valid

    @property
    def privacy_confirmable(self) -> bool:
        """Tell whether ticking the confirm box could let a held-back text through."""
        return any(
            f.name in self.privacy_findings and not getattr(f, "privacy_refused", False)
            for f in self
        )


def parse_moment(value: object) -> datetime | None:
    """Read an ISO 8601 moment with a UTC offset as UTC; None when it is not one."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
        return moment.astimezone(UTC) if moment.tzinfo else None
    except (ValueError, OverflowError):
        return None
