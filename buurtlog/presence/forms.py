"""Forms for presence: start at a place, stop, or log a block afterwards."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l
from wtforms import SelectField, TimeField
from wtforms.validators import InputRequired, ValidationError

from buurtlog.forms import DateField, Form
from buurtlog.labels import SelectChoice
from buurtlog.models import PRESENCE_MAX_HOURS, Place, utcnow


def _place_id(value):
    """Read a select's value as a place id, or None."""
    if value in (None, "", "None"):
        return None
    return int(value) if str(value).isdigit() else -1


class StartForm(Form):
    """Start being present at a place ("Ik ben aanwezig")."""

    place = SelectField(
        _l("Place"),
        coerce=_place_id,
        validate_choice=False,
        validators=[InputRequired(_l("Choose a place."))],
    )

    def __init__(self, *args, places: list[Place], **kwargs):
        super().__init__(*args, **kwargs)
        self.places = {p.id: p for p in places}
        self.place.choices = [SelectChoice("", "—")] + [
            SelectChoice(p.id, p.name, optgroup=p.area.name) for p in places
        ]

    def validate_place(self, field):
        """Accept only active places."""
        if field.data not in self.places:
            raise ValidationError(_l("Choose a place."))

    def chosen_place(self) -> Place:
        """Return the chosen place."""
        return self.places[self.place.data]


class StopForm(Form):
    """Stop the running presence."""


class BlockForm(StartForm):
    """Log a block of presence afterwards: a place, a day, from and until."""

    # The same page holds the start form's place field: an id of its own.
    place = SelectField(
        _l("Place"),
        coerce=_place_id,
        validate_choice=False,
        id="block-place",
        validators=[InputRequired(_l("Choose a place."))],
    )
    day = DateField(_l("Day"), validators=[InputRequired(_l("Enter the day."))])
    start = TimeField(_l("From"), validators=[InputRequired(_l("Enter a start time."))])
    end = TimeField(_l("Until"), validators=[InputRequired(_l("Enter an end time."))])

    def __init__(self, *args, timezone: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.timezone = ZoneInfo(timezone)

    def bounds(self) -> tuple[datetime, datetime]:
        """Return the block's start and end in UTC."""
        day, start_at, end_at = self.day.data, self.start.data, self.end.data
        assert day and start_at and end_at, "bounds() reads a validated form: each is required"
        start = datetime.combine(day, start_at, tzinfo=self.timezone)
        end = datetime.combine(day, end_at, tzinfo=self.timezone)
        return start.astimezone(ZoneInfo("UTC")), end.astimezone(ZoneInfo("UTC"))

    def validate_end(self, field):
        """Require a block that ends after it starts, is not too long and is not ahead."""
        if self.day.data is None or self.start.data is None or field.data is None:
            return
        start, end = self.bounds()
        if end <= start:
            raise ValidationError(_l("The end comes before the start."))
        if end - start > timedelta(hours=PRESENCE_MAX_HOURS):
            raise ValidationError(_l("At most %(hours)d hours.", hours=PRESENCE_MAX_HOURS))
        if end > utcnow() + timedelta(minutes=5):
            raise ValidationError(_l("That is in the future."))
