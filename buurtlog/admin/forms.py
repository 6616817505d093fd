"""Forms for managing users, teams, areas, places and themes."""

import re

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from sqlalchemy import func, select
from wtforms import (
    BooleanField,
    EmailField,
    IntegerField,
    SelectField,
    StringField,
)
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional, ValidationError

from buurtlog.accounts.forms import new_password_field
from buurtlog.areas.services import CHILD_LEVEL, check_code, code_level, normalise_code
from buurtlog.entries.forms import MultiCheckboxField
from buurtlog.extensions import db
from buurtlog.forms import CONTACT_DETAILS, DateField, Form, NoPersonalData, PrivacyChecked
from buurtlog.labels import SelectChoice, choices
from buurtlog.models import PLACE_KINDS, ROLES, Area, Place, Team, Theme, User


def _optional_int(value):
    """Read a select's value as an id, or None for the empty choice."""
    return int(value) if value not in (None, "", "None") and str(value).isdigit() else None


class _UniqueMixin(Form):
    """Refuse a value another record of the same model already has."""

    def unique(self, model, column, value, message):
        """Raise a validation error when another record has this value."""
        query = select(model.id).where(func.lower(column) == str(value).strip().lower())
        if self.record is not None:
            query = query.where(model.id != self.record.id)
        if db.session.scalar(query) is not None:
            raise ValidationError(message)

    def __init__(self, *args, record=None, **kwargs):
        super().__init__(*args, obj=record, **kwargs)
        self.record = record


class UserForm(_UniqueMixin, Form):
    """Add or change a user."""

    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)])
    role = SelectField(_l("Role"), choices=choices("role", ROLES))
    team_id = SelectField(_l("Team"), coerce=_optional_int)
    locale = SelectField(
        _l("Language"),
        choices=[
            SelectChoice("", _l("Same as the browser")),
            SelectChoice("nl", "Nederlands"),
            SelectChoice("en", "English"),
        ],
    )
    active = BooleanField(_l("Active (may sign in)"), default=True)
    password = new_password_field(_l("New password"), "name", "email")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        teams = db.session.scalars(select(Team).order_by(Team.name))
        self.team_id.choices = [SelectChoice("", _l("No team"))] + [
            SelectChoice(t.id, t.name) for t in teams
        ]

    def validate_email(self, field):
        """Keep email addresses unique."""
        self.unique(User, User.email, field.data, _l("Another user has this email address."))

    def validate_password(self, field):
        """Require a password for a new user."""
        if self.record is None and not field.data:
            raise ValidationError(_l("A new user needs a password."))


# The names of places, areas, teams and themes are public and shown to every worker: a name
# may be a false alarm ("Bakker Bart") that the admin confirms, contact details never belong.
PUBLIC_NAME = NoPersonalData(refuse=CONTACT_DETAILS)


class TeamForm(_UniqueMixin, PrivacyChecked, Form):
    """Add or change a team and the wijken it covers."""

    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=80), PUBLIC_NAME])
    area_ids = MultiCheckboxField(_l("Wijken the team covers"), coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        wijken = db.session.scalars(
            select(Area).where(Area.level == "wijk").order_by(Area.name, Area.id)
        )
        self.area_ids.choices = [SelectChoice(a.id, a.name) for a in wijken]
        if self.record is not None and not self.is_submitted():
            self.area_ids.data = [a.id for a in self.record.areas]

    def validate_name(self, field):
        """Keep team names unique."""
        self.unique(Team, Team.name, field.data, _l("Another team has this name."))


class AreaForm(_UniqueMixin, PrivacyChecked, Form):
    """Add or change a gemeente, wijk or buurt."""

    code = StringField(
        _l("Code"),
        validators=[DataRequired(), Length(max=40), PUBLIC_NAME],
        filters=[lambda v: normalise_code(v) if v else v],
        description=_l("CBS code (GM0000, WK000000, BU00000000) or a slug."),
    )
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120), PUBLIC_NAME])
    parent_id = SelectField(_l("Lies in"), coerce=_optional_int)
    year = IntegerField(
        _l("Year of the boundaries"), validators=[Optional(), NumberRange(1800, 2200)]
    )
    active = BooleanField(_l("In use"), default=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parents = db.session.scalars(
            select(Area).where(Area.level != "buurt").order_by(Area.level, Area.name, Area.id)
        )
        self.parent_id.choices = [SelectChoice("", _l("Nothing (a municipality)"))] + [
            SelectChoice(a.id, f"{a.name} ({a.code})")
            for a in parents
            if self.record is None or a.id != self.record.id
        ]

    def validate_code(self, field):
        """Accept CBS codes and slugs, unique."""
        problem = check_code(field.data.strip())
        if problem:
            raise ValidationError(problem)
        self.unique(Area, Area.code, field.data, _l("Another area has this code."))

    def validate_parent_id(self, field):
        """Keep the hierarchy gemeente > wijk > buurt."""
        parent = db.session.get(Area, field.data) if field.data else None
        parent_level = parent.level if parent else None
        level = code_level((self.code.data or "").strip()) or CHILD_LEVEL.get(parent_level)
        if level is None or CHILD_LEVEL.get(parent_level) != level:
            raise ValidationError(_l("This area cannot lie there."))
        self.level = level


class PlaceForm(_UniqueMixin, PrivacyChecked, Form):
    """Add or change a place where workers are present."""

    name = StringField(
        _l("Name"),
        validators=[DataRequired(), Length(max=120), PUBLIC_NAME],
        description=_l("A public place, never a private address."),
    )
    kind = SelectField(_l("Kind of place"), choices=choices("place_kind", PLACE_KINDS))
    area_id = SelectField(
        _l("Neighbourhood or wijk"), coerce=_optional_int, validators=[DataRequired()]
    )
    active = BooleanField(_l("In use"), default=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        areas = db.session.scalars(
            select(Area).where(Area.level != "gemeente").order_by(Area.name, Area.id)
        )
        self.area_id.choices = [SelectChoice("", "—")] + [SelectChoice(a.id, a.name) for a in areas]

    def validate_name(self, field):
        """Keep place names unique within an area."""
        query = select(Place.id).where(
            func.lower(Place.name) == field.data.strip().lower(), Place.area_id == self.area_id.data
        )
        if self.record is not None:
            query = query.where(Place.id != self.record.id)
        if db.session.scalar(query) is not None:
            raise ValidationError(_l("This area already has a place with this name."))


class ThemeForm(_UniqueMixin, PrivacyChecked, Form):
    """Add or change a theme of the taxonomy."""

    slug = StringField(
        _l("Short code"),
        validators=[DataRequired(), Length(max=40), PUBLIC_NAME],
        description=_l("Lower-case letters, digits and hyphens."),
    )
    name_nl = StringField(
        _l("Name in Dutch"), validators=[DataRequired(), Length(max=80), PUBLIC_NAME]
    )
    name_en = StringField(
        _l("Name in English"), validators=[DataRequired(), Length(max=80), PUBLIC_NAME]
    )
    sensitive = BooleanField(_l("Sensitive: entries are seen only by author and coordinators"))
    active = BooleanField(_l("In use"), default=True)
    position = IntegerField(
        _l("Position in lists"), default=0, validators=[Optional(), NumberRange(0, 10000)]
    )

    def validate_slug(self, field):
        """Accept unique slugs only."""
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", field.data.strip()):
            raise ValidationError(_l("Use lower-case letters, digits and hyphens."))
        self.unique(Theme, Theme.slug, field.data, _l("Another theme has this code."))


class AreaImportForm(Form):
    """Upload a CSV file of areas."""

    file = FileField(_l("CSV file (code,name,parent_code,year)"), validators=[FileRequired()])
    retire_missing = BooleanField(
        _l("Retire the areas missing from this file"),
        description=_l(
            "For a new year's boundaries: areas of the file's gemeenten that are not "
            "in it are no longer offered; their history stays. Other gemeenten are "
            "left alone."
        ),
    )


class AuditFilterForm(Form):
    """Filter the audit log (read from the query string)."""

    action = StringField(
        _l("Action starts with"),
        validators=[Optional(), Length(max=64)],
        description=_l("For example login, entry or export."),
    )
    actor = StringField(_l("Person (email)"), validators=[Optional(), Length(max=254)])
    day = DateField(_l("Day (UTC)"), validators=[Optional()])
