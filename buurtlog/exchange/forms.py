"""Forms for help across wijken: an offer or request, and the buttons on matches."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, RadioField, SelectChoice, SelectField, TextAreaField
from wtforms.validators import InputRequired, Length, ValidationError

from buurtlog.forms import Form
from buurtlog.labels import choices, label
from buurtlog.models import Area, Theme
from buurtlog.models.initiatives import EXCHANGE_TEXT_MAX
from buurtlog.privacy import find_personal_data

# Contact details have no place here at all: the worker is the only contact point. A name may be
# a false alarm ("kan helpen bij Stichting Present"), so only a name can be confirmed away.
NEVER_ALLOWED = ("phone", "email", "postcode", "bsn", "iban", "address")


def _optional_int(value):
    """Read a select's value as an id, or None for the empty choice."""
    if value in (None, "", "None"):
        return None
    return int(value) if str(value).isdigit() else -1


class ItemForm(Form):
    """An offer or a request for help: what, which theme, from which wijk, and where to match."""

    kind = RadioField(_l("Offer or request?"), choices=choices("exchange_kind"),
                      validators=[InputRequired(_l("Choose offer or request."))])
    description = TextAreaField(
        _l("What is offered or asked?"),
        validators=[InputRequired(_l("Describe the offer or request.")), Length(
            max=EXCHANGE_TEXT_MAX,
            message=_l("At most %(max)d characters.", max=EXCHANGE_TEXT_MAX))],
        render_kw={"maxlength": EXCHANGE_TEXT_MAX, "rows": 3},
        description=_l('For example "would like to be a buddy" or "can help with paperwork". '
                       "No names, addresses or phone numbers: you are the contact point."))
    theme = SelectField(_l("Theme"), coerce=_optional_int, validate_choice=False,
                        validators=[InputRequired(_l("Choose a theme."))])
    area = SelectField(_l("From which district?"), coerce=_optional_int, validate_choice=False,
                       validators=[InputRequired(_l("Choose the district."))])
    outside_own_wijk = BooleanField(
        _l("Match only outside the own district"),
        description=_l("For someone who would rather not meet the other person at the local "
                       "supermarket."))
    privacy_confirmed = BooleanField(_l("I checked it: this is no name, save it anyway"))

    def __init__(self, *args, themes: list[Theme], wijken: list[Area], locale: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.themes = {t.id: t for t in themes}
        self.wijken = {w.id: w for w in wijken}
        self.theme.choices = [SelectChoice("", "—")] + [
            SelectChoice(t.id, t.name(locale)) for t in themes]
        self.area.choices = [SelectChoice("", "—")] + [
            SelectChoice(w.id, w.name, optgroup=w.parent.name if w.parent else None)
            for w in wijken]
        self.privacy_findings: list = []

    def validate_theme(self, field):
        """Accept only active themes."""
        if field.data not in self.themes:
            raise ValidationError(_l("Choose a theme."))

    def validate_area(self, field):
        """Accept only active wijken."""
        if field.data not in self.wijken:
            raise ValidationError(_l("Choose the district."))

    def validate(self, extra_validators=None) -> bool:
        """Validate the fields, then refuse contact details and hold back what looks like a name."""
        valid = super().validate(extra_validators)
        if self.description.errors:
            return False
        findings = find_personal_data(self.description.data or "")
        self.privacy_findings = findings
        hard = sorted({label("privacy_kind", f.kind) for f in findings
                       if f.kind in NEVER_ALLOWED})
        if hard:
            self.description.errors = [*self.description.errors, str(_l(
                "This looks like %(kinds)s. Leave contact details out: you are the contact "
                "point.", kinds=", ".join(hard)))]
            return False
        if findings and not self.privacy_confirmed.data:
            self.description.errors = [*self.description.errors, str(_l(
                "This looks like a name. Remove it, or confirm below that it is not a name."))]
            return False
        return valid

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
        """Return the offer's and the request's ids, or None when they are not numbers."""
        if not (str(self.offer.data).isdigit() and str(self.request.data).isdigit()):
            return None
        return int(self.offer.data), int(self.request.data)


class ButtonForm(Form):
    """A button that only needs the CSRF token: confirm, decline, close."""
