"""Forms of the wijk picture: the period picker, the wijkschets, the public switch and the
comparison of two wijken."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, RadioField, SelectField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from buurtlog.forms import DateField, Form, NoPersonalData, PrivacyChecked
from buurtlog.labels import SelectChoice
from buurtlog.models import SKETCH_MAX
from buurtlog.wijk.stats import CUSTOM_MAX_DAYS, DEFAULT_PERIOD


class PeriodForm(Form):
    """Choose four weeks (from a day on; by default the four up to today), a week, month or
    quarter (the one holding a day), or a custom span of days."""

    class Meta:
        csrf = False

    period = RadioField(
        _l("Period"),
        default=DEFAULT_PERIOD,
        choices=[
            SelectChoice("weeks4", _l("4 weeks")),
            SelectChoice("week", _l("Week")),
            SelectChoice("month", _l("Month")),
            SelectChoice("quarter", _l("Quarter")),
            SelectChoice("custom", _l("Custom")),
        ],
        validators=[Optional()],
    )
    start = DateField(
        _l("From"),
        validators=[Optional()],
        description=_l(
            "For four weeks: the first day. For a week, month or quarter: any day in it."
        ),
    )
    end = DateField(
        _l("Until"), validators=[Optional()], description=_l("Only for a custom period.")
    )
    text = BooleanField(_l("With free text"))

    def validate(self, extra_validators=None) -> bool:
        """Validate the fields, then require a sensible span for a custom period."""
        valid = super().validate(extra_validators)
        if not valid or self.period.data != "custom":
            return valid
        start, end = self.start.data, self.end.data
        message = None
        if not start or not end:
            message = _l("A custom period needs a first and a last day.")
        elif end < start:
            message = _l("The last day comes before the first.")
        elif (end - start).days >= CUSTOM_MAX_DAYS:
            message = _l("Choose at most a year.")
        if message is not None:
            self.end.errors = [*self.end.errors, message]
            return False
        return True


class SketchForm(PrivacyChecked, Form):
    """Write a new version of the team's own text about the wijk."""

    # The address or number of a facility or a business is at home here, so everything the
    # guard finds may stay once the writer confirms it is no resident's personal data.
    text = TextAreaField(
        _l("Wijkschets"),
        validators=[
            InputRequired(_l("Write something about the wijk.")),
            Length(max=SKETCH_MAX, message=_l("At most %(max)d characters.", max=SKETCH_MAX)),
            NoPersonalData(),
        ],
        render_kw={"rows": 8, "maxlength": SKETCH_MAX},
        description=_l(
            "Facilities, institutions, businesses, groups, what is going on. No names of residents."
        ),
    )


class PublicForm(Form):
    """Switch the public page "What we hear in the wijk" on or off."""

    public = RadioField(
        _l("Public page"),
        choices=[
            SelectChoice("on", _l("On: anyone can see the themes and counts")),
            SelectChoice("off", _l("Off")),
        ],
        validators=[InputRequired(_l("Choose on or off."))],
    )


class CompareForm(Form):
    """Choose two wijken to compare side by side."""

    class Meta:
        csrf = False

    a = SelectField(_l("Wijk"), validators=[Optional()], validate_choice=False)
    b = SelectField(_l("Compare with"), validators=[Optional()], validate_choice=False)

    def __init__(self, *args, wijken=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.by_code = {w.code: w for w in wijken}
        options = [SelectChoice("", "—")] + [SelectChoice(w.code, w.name) for w in wijken]
        self.a.choices = self.b.choices = options

    def validate_a(self, field):
        """Accept only wijken the user may compare."""
        if field.data and field.data not in self.by_code:
            raise ValidationError(_l("Unknown wijk."))

    def validate_b(self, field):
        """Accept only wijken the user may compare."""
        if field.data and field.data not in self.by_code:
            raise ValidationError(_l("Unknown wijk."))


class MapForm(Form):
    """What the wijk's map shades: all entries or one theme's, as counts or per 1,000
    inhabitants. Read from the query string; a bad value falls back to all, as counts."""

    class Meta:
        csrf = False

    map_theme = SelectField(_l("Theme on the map"), coerce=int, default=0, validators=[Optional()])
    map_per = RadioField(
        _l("Show"),
        default="count",
        validators=[Optional()],
        choices=[
            SelectChoice("count", _l("Number of entries")),
            SelectChoice("1000", _l("Per 1,000 inhabitants")),
        ],
    )

    def __init__(self, *args, themes=(), locale="nl", **kwargs):
        """Offer every theme the viewer may see by name."""
        super().__init__(*args, **kwargs)
        self.map_theme.choices = [SelectChoice(0, _l("All themes"))] + [
            SelectChoice(t.id, t.name(locale)) for t in themes
        ]
