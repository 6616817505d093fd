"""Forms for help across wijken: an offer or request, and the buttons on matches."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, RadioField, SelectField, TextAreaField
from wtforms.validators import InputRequired, Length, ValidationError

from buurtlog.bounds import bounded_int
from buurtlog.forms import CONTACT_DETAILS, Form, NoPersonalData, PrivacyChecked
from buurtlog.labels import SelectChoice, choices
from buurtlog.models import Area, Theme
from buurtlog.models.initiatives import EXCHANGE_TEXT_MAX


def _optional_int(value):
    """Read a select's value as an id, or None for the empty choice."""
    if value in (None, "", "None"):
        return None
    return int(value) if str(value).isdigit() else -1


class ItemForm(PrivacyChecked, Form):
    """An offer or a request for help: what, which theme, from which wijk, and where to match."""

    kind = RadioField(
        _l("Offer or request?"),
        choices=choices("exchange_kind"),
        validators=[InputRequired(_l("Choose offer or request."))],
    )
    description = TextAreaField(
        _l("What is offered or asked?"),
        validators=[
            InputRequired(_l("Describe the offer or request.")),
            Length(
                max=EXCHANGE_TEXT_MAX,
                message=_l("At most %(max)d characters.", max=EXCHANGE_TEXT_MAX),
            ),
            # Contact details have no place here at all: the worker is the only contact point.
            # A name may be a false alarm ("kan helpen bij Stichting Present"): confirm it away.
            NoPersonalData(
                refuse=CONTACT_DETAILS,
                refuse_message=_l(
                    "This looks like %(kinds)s. Leave contact details out: you are the contact "
                    "point."
                ),
            ),
        ],
        render_kw={"maxlength": EXCHANGE_TEXT_MAX, "rows": 3},
        description=_l(
            'For example "would like to be a buddy" or "can help with paperwork". '
            "No names, addresses or phone numbers: you are the contact point."
        ),
    )
    theme = SelectField(
        _l("Theme"),
        coerce=_optional_int,
        validate_choice=False,
        validators=[InputRequired(_l("Choose a theme."))],
    )
    area = SelectField(
        _l("From which wijk?"),
        coerce=_optional_int,
        validate_choice=False,
        validators=[InputRequired(_l("Choose the wijk."))],
    )
    outside_own_wijk = BooleanField(
        _l("Match only outside the own wijk"),
        description=_l(
            "For someone who would rather not meet the other person at the local supermarket."
        ),
    )

    def __init__(self, *args, themes: list[Theme], wijken: list[Area], locale: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.themes = {t.id: t for t in themes}
        self.wijken = {w.id: w for w in wijken}
        self.theme.choices = [SelectChoice("", "—")] + [
            SelectChoice(t.id, t.name(locale)) for t in themes
        ]
        self.area.choices = [SelectChoice("", "—")] + [
            SelectChoice(w.id, w.name, optgroup=w.parent.name if w.parent else None) for w in wijken
        ]

    def validate_theme(self, field):
        """Accept only active themes."""
        if field.data not in self.themes:
            raise ValidationError(_l("Choose a theme."))

    def validate_area(self, field):
        """Accept only active wijken."""
        if field.data not in self.wijken:
            raise ValidationError(_l("Choose the wijk."))

    def chosen_theme(self) -> Theme:
        """Return the chosen theme."""
        return self.themes[self.theme.data]

    def chosen_wijk(self) -> Area:
        """Return the chosen wijk."""
        return self.wijken[self.area.data]


class ProposeForm(Form):
    """Propose to pair an offer with a request."""

    offer = HiddenField(validators=[InputRequired()])
    request = HiddenField(validators=[InputRequired()])

    def ids(self) -> tuple[int, int] | None:
        """Return the offer's and the request's ids, or None when they are not ids."""
        offer, wanted = bounded_int(self.offer.data), bounded_int(self.request.data)
        return None if offer is None or wanted is None else (offer, wanted)


class ButtonForm(Form):
    """A button that only needs the CSRF token: confirm, decline, close."""
