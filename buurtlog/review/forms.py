"""The review's forms: a signal's status, bulk decisions, proposals, meetings and wijk themes."""

import uuid
from datetime import date, timedelta

from flask import current_app, request
from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from buurtlog.entries.forms import MultiCheckboxField
from buurtlog.entries.services import today
from buurtlog.forms import DateField, Form, NoPersonalData, PrivacyChecked
from buurtlog.labels import SelectChoice, choices
from buurtlog.models import (
    DECISION_MAX,
    DECISIONS_MAX,
    LOG_NOTE_MAX,
    SIGNAL_STATUSES,
    WIJK_THEME_NAME_MAX,
    User,
)

DECIDED = SIGNAL_STATUSES[1:]  # every status but "new": deciding starts with discussing
MAX_DUE = timedelta(days=2 * 366)


def _optional_int(value):
    """Read a select's value as an id, or None for the empty choice."""
    if value in (None, "", "None"):
        return None
    return int(value) if str(value).isdigit() else -1


def _token(value: str) -> tuple[uuid.UUID, int]:
    """Read "entry-id:version", the way a page names a signal as it showed it."""
    entry_id, _, version = value.partition(":")
    return uuid.UUID(entry_id), int(version)


def _group_key(value: str) -> tuple[int, int | None]:
    """Read "wijk id-theme id", the way a page names a group (theme 0: no theme)."""
    wijk, _, theme = value.partition("-")
    return int(wijk), int(theme) or None


def _free_text(label, most: int, rows: int, description) -> TextAreaField:
    """A text field for the team's own words: optional, bounded, without personal data."""
    return TextAreaField(
        label,
        validators=[
            Optional(),
            Length(max=most, message=_l("At most %(max)d characters.", max=most)),
            NoPersonalData(),
        ],
        render_kw={"maxlength": most, "rows": rows},
        description=description,
    )


class OwnedByMember:
    """An owner field offering the team's active members, and refusing anyone else."""

    owner = SelectField(_l("Owner"), coerce=_optional_int, validate_choice=False)
    no_owner = _l("No owner")

    def __init__(self, *args, members: list[User], **kwargs):
        super().__init__(*args, **kwargs)
        self.members = {u.id: u for u in members}
        self.owner.choices = [SelectChoice("", self.no_owner)] + [
            SelectChoice(u.id, u.name) for u in members
        ]

    def validate_owner(self, field):
        """Accept only a member of the team."""
        if field.data is not None and field.data not in self.members:
            raise ValidationError(_l("The owner must be an active member of the team."))


def _today() -> date:
    """Return today's date where the teams work, from the app's one clock."""
    return today(current_app.config["BABEL_DEFAULT_TIMEZONE"])


class DueDate:
    """A due date within the next two years."""

    due_on = DateField(_l("Due date"), validators=[Optional()])

    def validate_due_on(self, field):
        """Refuse a due date far in the past or future."""
        if field.data is not None and not (date(2000, 1, 1) <= field.data <= _today() + MAX_DUE):
            raise ValidationError(_l("Choose a due date within the next two years."))


class BackToPeriod:
    """The period, wijk and theme of the review page a form was sent from, to return to it.

    The page's period picker has start and end fields too: these have ids of their own."""

    start = HiddenField(id="back-start")
    end = HiddenField(id="back-end")
    wijk = HiddenField()
    theme = HiddenField()


class StatusForm(OwnedByMember, DueDate, PrivacyChecked, Form):
    """Decide on one signal: its status, owner, decision and due date."""

    status = RadioField(
        _l("Status"),
        choices=choices("signal_status", DECIDED),
        validators=[InputRequired(_l("Choose a status."))],
    )
    decision = _free_text(
        _l("Decision"), DECISION_MAX, 2, _l("What did we decide, and why? No names.")
    )
    version = HiddenField()

    def chosen_owner(self) -> User | None:
        """Return the chosen owner."""
        return self.members.get(self.owner.data)


class BulkForm(OwnedByMember, DueDate, BackToPeriod, PrivacyChecked, Form):
    """Decide on several signals at once, or link them to a wijk theme."""

    entries = SelectMultipleField(validate_choice=False)
    # "Every signal in this group": "wijk id-theme id" (0 for no theme), the whole group of the
    # period, also the signals the page did not show.
    groups = SelectMultipleField(validate_choice=False)
    # Set by the buttons pressed, never rendered as fields of their own.
    join = StringField()  # a one-tap button: "wijk theme id:entry id"
    action = StringField()
    status = SelectField(
        _l("Status"),
        choices=[SelectChoice("", _l("Keep the status"))] + choices("signal_status", DECIDED),
        default="",
    )
    no_owner = _l("Keep the owner")
    decision = _free_text(
        _l("Decision"), DECISION_MAX, 1, _l("Empty keeps each signal's own decision. No names.")
    )
    wijk_theme = SelectField(_l("Wijk theme"), coerce=_optional_int, validate_choice=False)
    name = StringField(
        _l("Name of a new wijk theme"),
        validators=[Optional(), Length(max=WIJK_THEME_NAME_MAX), NoPersonalData()],
        render_kw={"maxlength": WIJK_THEME_NAME_MAX},
    )

    def __init__(self, *args, wijk_themes: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.wijk_theme.choices = [SelectChoice("", _l("Choose a wijk theme"))] + [
            SelectChoice(t.id, t.name, optgroup=t.area.name) for t in wijk_themes
        ]
        self.wijk_theme_ids = {t.id for t in wijk_themes}
        self.tokens: list[tuple[uuid.UUID, int]] = []
        self.group_keys: list[tuple[int, int | None]] = []

    def validate_entries(self, field):
        """Read the chosen signals, with the versions the page showed, and chosen groups."""
        values = list(field.data or [])
        for group in self.groups.data or []:  # each group lists what it showed as "in-<group>"
            values += request.form.getlist(f"in-{group}")
        try:
            tokens = dict(_token(v) for v in values)
            self.group_keys = [_group_key(g) for g in self.groups.data or []]
        except ValueError:
            raise ValidationError(_l("Choose signals from the page.")) from None
        self.tokens = list(tokens.items())
        if self.join.data:
            return
        if not self.tokens and not self.group_keys:
            raise ValidationError(_l("Choose one or more signals first."))

    def validate_join(self, field):
        """Read a one-tap join: which signal goes into which wijk theme."""
        if not field.data:
            return
        theme_id, _, entry_id = field.data.partition(":")
        try:
            self.joining = (int(theme_id), uuid.UUID(entry_id))
        except ValueError:
            raise ValidationError(_l("Choose signals from the page.")) from None

    def validate_action(self, field):
        """Require something to do."""
        if self.join.data:
            return
        if field.data not in ("apply", "link", "create"):
            raise ValidationError(_l("Choose what to do with the signals."))
        if field.data == "apply" and not (
            self.status.data or self.owner.data or self.decision.data or self.due_on.data
        ):
            raise ValidationError(_l("Choose a status, an owner, a decision or a due date."))

    def validate_wijk_theme(self, field):
        """Require one of the team's wijk themes when linking."""
        if self.action.data == "link" and field.data not in self.wijk_theme_ids:
            raise ValidationError(_l("Choose a wijk theme."))

    def validate_name(self, field):
        """Require a name when making a new wijk theme."""
        if self.action.data == "create" and not (field.data or "").strip():
            raise ValidationError(_l("Give the new wijk theme a name."))


class ProposalForm(BackToPeriod, PrivacyChecked, Form):
    """Confirm a proposed group as a wijk theme (perhaps edited), or dismiss it."""

    key = HiddenField(validators=[InputRequired()])
    action = StringField()  # the button pressed
    name = StringField(
        _l("Name"),
        validators=[Length(max=WIJK_THEME_NAME_MAX), NoPersonalData()],
        render_kw={"maxlength": WIJK_THEME_NAME_MAX},
        description=_l("Status and owner follow on the wijk theme's page."),
    )
    keep = SelectMultipleField(validate_choice=False)
    listed = HiddenField()

    def validate_action(self, field):
        """Accept confirming or dismissing."""
        if field.data not in ("confirm", "dismiss"):
            raise ValidationError(_l("Confirm or dismiss the proposal."))

    def validate_name(self, field):
        """Require a name to confirm."""
        if self.action.data == "confirm" and not (field.data or "").strip():
            raise ValidationError(_l("Give the wijk theme a name."))

    def kept(self) -> set[str] | None:
        """Return the signals left ticked, or None when the list was not shown."""
        return set(self.keep.data or []) if self.listed.data else None


class MeetingForm(PrivacyChecked, Form):
    """Start a meeting, or keep its record: the date, who came and what was decided."""

    held_on = DateField(_l("Date"), validators=[InputRequired(_l("Enter the date."))])
    attendees = MultiCheckboxField(_l("Present"), coerce=int, validate_choice=False)
    decisions = _free_text(
        _l("Decisions"),
        DECISIONS_MAX,
        10,
        _l(
            "Anything else the meeting decided, in your own words. What the "
            "changes decided is written above, in each reader's language. No names "
            "of residents: this record may be shared."
        ),
    )
    finish = BooleanField(_l("The meeting is over: close it"))

    def __init__(self, *args, members: list[User], **kwargs):
        super().__init__(*args, **kwargs)
        self.members = {u.id: u for u in members}
        self.attendees.choices = [SelectChoice(u.id, u.name) for u in members]

    def validate_held_on(self, field):
        """Refuse a meeting date far from today."""
        if field.data and abs((field.data - _today()).days) > 366:
            raise ValidationError(_l("Enter a date within a year of today."))

    def validate_attendees(self, field):
        """Accept only members of the team."""
        if any(i not in self.members for i in field.data or []):
            raise ValidationError(_l("Choose people of the team."))

    def chosen_attendees(self) -> list[User]:
        """Return the people present."""
        return [self.members[i] for i in self.attendees.data or []]


class WijkThemeForm(OwnedByMember, PrivacyChecked, Form):
    """Rename a wijk theme, change its status or owner, and note what was decided or done."""

    name = StringField(
        _l("Name"),
        validators=[
            InputRequired(_l("Give the wijk theme a name.")),
            Length(max=WIJK_THEME_NAME_MAX),
            NoPersonalData(),
        ],
        render_kw={"maxlength": WIJK_THEME_NAME_MAX},
    )
    status = RadioField(
        _l("Status"), choices=choices("wijk_theme_status"), validators=[InputRequired()]
    )
    note = _free_text(
        _l("Add to the log"), LOG_NOTE_MAX, 3, _l("What was decided or done. No names.")
    )
    public = BooleanField(
        _l("Show on the wijk's public page"),
        description=_l(
            "Residents then read its name and what the team does with it. Never "
            "for a sensitive theme; the name must not point at anyone."
        ),
    )
    version = HiddenField()


class PeriodForm(Form):
    """Choose the days a review page covers, and narrow it to a wijk or a theme."""

    class Meta:
        csrf = False

    start = DateField(_l("From"), validators=[Optional()])
    end = DateField(_l("Until"), validators=[Optional()])
    wijk = IntegerField(validators=[Optional()])
    theme = IntegerField(validators=[Optional()])

    def validate_end(self, field):
        """Require a sensible stretch of days."""
        if self.start.data and field.data:
            if field.data < self.start.data:
                raise ValidationError(_l("The last day comes before the first."))
            if (field.data - self.start.data).days > 366:
                raise ValidationError(_l("Choose at most a year."))


class UnlinkForm(Form):
    """Take one signal out of a wijk theme."""

    unlink = HiddenField(validators=[InputRequired()])

    def validate_unlink(self, field):
        """Read the signal's id."""
        try:
            self.entry_id = uuid.UUID(field.data)
        except ValueError:
            raise ValidationError(_l("Choose signals from the page.")) from None
