"""The log form: one encounter, checked field by field and for personal data."""

from collections.abc import Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from wtforms import (
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from buurtlog.entries import rules, services
from buurtlog.entries.search import Query
from buurtlog.forms import DateField, DateTimeLocalField, Form, NoPersonalData, PrivacyChecked
from buurtlog.labels import SelectChoice, choices, label
from buurtlog.models import (
    NOTE_MAX,
    PEOPLE_MAX,
    QUESTION_MAX,
    Area,
    Entry,
    Place,
    Theme,
    User,
    utcnow,
)


def _raise(error) -> None:
    """Turn a rule's error into the form's."""
    if error is not None:
        raise ValidationError(error)


class MultiCheckboxField(SelectMultipleField):
    """Several choices shown as checkboxes (chips), not a multi-select box."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def _optional_int(value):
    """Read a select's value as an id, or None for the empty choice."""
    if value in (None, "", "None"):
        return None
    return int(value) if str(value).isdigit() else -1


def _optional_str(value):
    """Read a select's value as a code, or None for the empty choice."""
    return None if value in (None, "", "None") else str(value)


class EntryForm(PrivacyChecked, Form):
    """Log one praatje: where, what, which themes, and the rest with sensible defaults."""

    place = SelectField(_l("Place"), coerce=_optional_int, validate_choice=False)
    area = SelectField(_l("Neighbourhood"), coerce=_optional_str, validate_choice=False)
    setting = RadioField(
        _l("Where?"),
        choices=choices("setting"),
        validators=[InputRequired(_l("Choose where the contact took place."))],
    )
    kind = RadioField(
        _l("What?"),
        choices=choices("kind"),
        validators=[InputRequired(_l("Choose what kind of contact this was."))],
    )
    themes = MultiCheckboxField(_l("Themes"), validate_choice=False)
    contact_type = RadioField(
        _l("Who?"),
        choices=choices("contact_type"),
        default=rules.DEFAULTED["contact_type"][0],
        validators=[InputRequired()],
    )
    people = IntegerField(
        _l("How many people?"),
        default=1,
        validators=[
            InputRequired(_l("Enter a number of people.")),
            NumberRange(1, PEOPLE_MAX, _l("Between 1 and %(max)d people.", max=PEOPLE_MAX)),
        ],
    )
    first_contact = RadioField(
        _l("First time?"),
        choices=choices("first_contact"),
        default="known",
        validators=[InputRequired()],
    )
    initiated_by = RadioField(
        _l("Who started the contact?"),
        choices=choices("initiated_by"),
        default=rules.DEFAULTED["initiated_by"][0],
        validators=[InputRequired()],
    )
    underlying_question = TextAreaField(
        _l("The question beneath the question"),
        validators=[
            Optional(),
            Length(max=QUESTION_MAX, message=_l("At most %(max)d characters.", max=QUESTION_MAX)),
            NoPersonalData(),
        ],
        render_kw={"maxlength": QUESTION_MAX, "rows": 2},
        description=_l("What is really going on? No names."),
    )
    note = TextAreaField(
        _l("Note"),
        validators=[
            Optional(),
            Length(max=NOTE_MAX, message=_l("At most %(max)d characters.", max=NOTE_MAX)),
            NoPersonalData(),
        ],
        render_kw={"maxlength": NOTE_MAX, "rows": 3},
        description=_l("No names, addresses or phone numbers."),
    )
    follow_up = RadioField(
        _l("Follow-up"),
        choices=choices("follow_up"),
        default=rules.DEFAULTED["follow_up"][0],
        validators=[InputRequired()],
    )
    occurred_at = DateTimeLocalField(
        _l("When?"),
        format="%Y-%m-%dT%H:%M",
        validators=[Optional()],
        description=_l("Leave empty for now."),
    )
    version = HiddenField()

    def __init__(
        self,
        *args,
        places: list[Place],
        areas: list[Area],
        themes: list[Theme],
        locale: str,
        timezone: str,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.timezone = ZoneInfo(timezone)
        self.places = {p.id: p for p in places}
        self.areas = {a.code: a for a in areas}
        self.theme_by_slug = {t.slug: t for t in themes}
        self.place.choices = [SelectChoice("", _l("No particular place"))] + [
            SelectChoice(p.id, p.name, optgroup=p.area.name) for p in places
        ]
        self.area.choices = [SelectChoice("", _l("The place's neighbourhood"))] + [
            SelectChoice(a.code, f"{a.name} ({label('area_level', a.level)})") for a in areas
        ]
        self.themes.choices = [SelectChoice(t.slug, t.name(locale)) for t in themes]
        self.sensitive_slugs = {t.slug for t in themes if t.sensitive}

    # The rules are the entry's own (entries.rules), shared with the sync; the form reads.
    def validate_place(self, field):
        """Accept only active places."""
        _raise(rules.place_error(field.data, self.places))

    def validate_area(self, field):
        """Accept only active areas, and require an area when no place is chosen."""
        _raise(rules.area_error(field.data, self.place.data, self.areas))

    def validate_themes(self, field):
        """Require a theme for everything but plain contact, and only active themes."""
        _raise(rules.themes_error(field.data or [], self.kind.data, self.theme_by_slug))

    def validate_occurred_at(self, field):
        """Refuse times more than a day ahead or before 2000."""
        if field.data is not None:
            _raise(rules.moment_error(self.occurred_at_utc()))

    def occurred_at_utc(self, default: datetime | None = None) -> datetime:
        """Return the entered time as UTC; when left empty, the default or else now."""
        if self.occurred_at.data is None:
            return default or utcnow()
        return self.occurred_at.data.replace(tzinfo=self.timezone).astimezone(ZoneInfo("UTC"))

    def show(self, entry: Entry) -> None:
        """Show a saved entry: what `obj=entry` cannot fill in — its themes, first contact,
        place and area, and its moment in the form's time zone."""
        self.themes.data = [t.slug for t in entry.themes]
        self.first_contact.data = "first" if entry.first_contact else "known"
        self.place.data, self.area.data = entry.place_id, entry.area.code
        self.occurred_at.data = entry.occurred_at.astimezone(self.timezone).replace(tzinfo=None)

    def chosen_place(self) -> Place | None:
        """Return the chosen place, if any."""
        return self.places.get(self.place.data)

    def chosen_area(self) -> Area:
        """Return the chosen area, or the place's area when none was chosen."""
        area, place = self.areas.get(self.area.data), self.chosen_place()
        if area is not None:
            return area
        if place is None:  # validate_area refuses the form then
            raise ValueError("the entry has neither a place nor an area")
        return place.area

    def chosen_themes(self) -> list[Theme]:
        """Return the chosen themes."""
        return [self.theme_by_slug[s] for s in self.themes.data or []]


def log_form(user: User, keep: Iterable[Theme] = (), **kwargs) -> EntryForm:
    """Build the log form with the places, areas and themes the user may choose from; the
    themes in `keep` stay choosable although retired (an entry's own, a walk-in's)."""
    themes = services.themes_for(user)
    themes += [t for t in keep if t not in themes]
    return EntryForm(
        places=services.active_places(),
        areas=services.active_areas(),
        themes=themes,
        locale=str(get_locale()),
        timezone=current_app.config["BABEL_DEFAULT_TIMEZONE"],
        **kwargs,
    )


SEARCH_MAX = 200  # characters of words to look for


class SearchForm(Form):
    """Look through one's entries: words, theme, kind, place and period. Sent as a POST, so
    the words never appear in an address or a log."""

    words = StringField(
        _l("Words in the note or the question beneath the question"),
        validators=[
            Optional(),
            Length(max=SEARCH_MAX, message=_l("At most %(max)d characters.", max=SEARCH_MAX)),
        ],
        render_kw={"maxlength": SEARCH_MAX, "type": "search", "autocomplete": "off"},
    )
    theme = SelectField(_l("Theme"), validators=[Optional()], validate_choice=False)
    kind = SelectField(_l("What?"), validators=[Optional()])
    place = SelectField(
        _l("Place"), coerce=_optional_int, validators=[Optional()], validate_choice=False
    )
    start = DateField(_l("From"), validators=[Optional()])
    end = DateField(_l("Until"), validators=[Optional()])
    scope = HiddenField()
    page = IntegerField(validators=[Optional(), NumberRange(min=1, max=10_000)])

    def __init__(self, *args, places: list[Place], themes: list[Theme], locale: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.theme.choices = [SelectChoice("", _l("Any theme"))] + [
            SelectChoice(t.slug, t.name(locale)) for t in themes
        ]
        self.kind.choices = [SelectChoice("", _l("Any kind"))] + choices("kind")
        self.place.choices = [SelectChoice("", _l("Any place"))] + [
            SelectChoice(p.id, p.name, optgroup=p.area.name) for p in places
        ]

    def validate_end(self, field):
        """Refuse a period that ends before it starts."""
        if field.data and self.start.data and field.data < self.start.data:
            raise ValidationError(_l("The last day comes before the first."))

    def query(self) -> Query:
        """Return what the worker searches for."""
        return Query(
            words=self.words.data or "",
            theme=self.theme.data or None,
            kind=self.kind.data or None,
            place=self.place.data,
            start=self.start.data,
            end=self.end.data,
        )
