"""Forms of the initiatives register: an initiative with its schedule, the list's filters,
the one-tap referral and the public list's switch."""

from __future__ import annotations

import re

from babel.dates import get_day_names
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    Field,
    FieldList,
    FormField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms import Form as SubForm
from wtforms.validators import URL, InputRequired, Length, NumberRange, Optional, ValidationError

from buurtlog.entries.forms import MultiCheckboxField
from buurtlog.forms import Form, NoPersonalData, PrivacyChecked
from buurtlog.initiatives.services import Filters
from buurtlog.labels import SelectChoice, label
from buurtlog.models import Area, Place, Theme
from buurtlog.models.initiatives import (
    AUDIENCE_MAX,
    CONTACT_MAX,
    INITIATIVE_NAME_MAX,
    INITIATIVE_TEXT_MAX,
    ORGANISATION_MAX,
    SCHEDULE_TEXT_MAX,
)
from buurtlog.privacy import find_personal_data
from buurtlog.privacy_words import FIRST_NAMES, SURNAMES

SPARE_SLOTS = 2  # empty schedule rows offered below the filled ones, so no JavaScript is needed
# Mail providers of private persons: an organisation's public address has its own domain.
PRIVATE_MAIL = re.compile(
    r"@(?:gmail|googlemail|hotmail|outlook|live|msn|yahoo|icloud|me|ziggo|kpnmail|kpnplanet|"
    r"planet|home|hetnet|casema|xs4all|telfort|upcmail|proton|protonmail|gmx|online|chello)\.",
)
MOBILE = re.compile(r"^(?:06|\+316|00316|\+31\(0\)6)")


def weekday_choices(empty: str | None = None) -> list[SelectChoice]:
    """Return Monday to Sunday as choices (0 is Monday), named in the user's language."""
    names = get_day_names("wide", locale=get_locale())
    days = [SelectChoice(str(d), names[d].capitalize()) for d in range(7)]
    return ([SelectChoice("", empty)] if empty is not None else []) + days


def _optional_int(value):
    """Read a select's value as a number, or None for the empty choice."""
    if value in (None, "", "None"):
        return None
    return int(value) if str(value).lstrip("-").isdigit() else -1


def _strip(value):
    """Trim text; an empty text becomes None."""
    return (value.strip() or None) if isinstance(value, str) else value


def _looks_like_a_person(local_part: str) -> bool:
    """Tell whether an email address's local part is made of first names or surnames."""
    words = [w for w in re.split(r"[._+\-0-9]+", local_part) if len(w) > 1]
    return any(w.capitalize() in FIRST_NAMES or w.capitalize() in SURNAMES for w in words)


def public_channel_problem(contact: str) -> str | None:
    """Explain why a contact is not an organisation's public channel, or return None.

    The privacy guard finds names, addresses and numbers; an email address or a phone number
    is fine when it is an organisation's (its own domain, a landline or service number), not
    when it looks like a private person's (a name in the address, a free mail provider, a
    mobile number).
    """
    for finding in find_personal_data(contact):
        found = contact[finding.start : finding.end]
        if finding.kind == "email":
            local = found.split("@")[0]
            if PRIVATE_MAIL.search(found.lower()):
                return str(
                    _l(
                        "That looks like a private email address. Give the "
                        "organisation's general address instead."
                    )
                )
            if _looks_like_a_person(local):
                return str(
                    _l(
                        "That email address seems to carry a person's name. Give a "
                        "general address, such as info@ or balie@."
                    )
                )
        elif finding.kind == "phone":
            if MOBILE.match(re.sub(r"[ .\-]", "", found)):
                return str(
                    _l(
                        "A mobile number usually belongs to a person. Give the "
                        "organisation's general number instead."
                    )
                )
        else:
            return str(
                _l(
                    "This looks like %(kind)s. Give an organisation's public channel "
                    "only, never a private person's details.",
                    kind=label("privacy_kind", finding.kind),
                )
            )
    return None


class SlotForm(SubForm):
    """One structured slot of the schedule: a weekday and times, every n weeks."""

    weekday = SelectField(_l("Day"), coerce=_optional_int, validate_choice=False)
    opens_at = TimeField(_l("From"), validators=[Optional()])
    closes_at = TimeField(_l("Until"), validators=[Optional()])
    every_weeks = IntegerField(
        _l("Every … weeks"),
        default=1,
        validators=[Optional(), NumberRange(1, 8, _l("Between 1 and 8 weeks."))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.weekday.choices = weekday_choices(empty=str(_l("No day")))

    def validate(self, extra_validators=None) -> bool:
        """Validate the fields, then the row as a whole: a day needs a start, times a day."""
        valid = super().validate(extra_validators)
        day, opens, closes = self.weekday.data, self.opens_at.data, self.closes_at.data
        problems: list[tuple[Field, str]] = []
        if day is not None and not 0 <= day <= 6:
            problems.append((self.weekday, _l("Choose a day of the week.")))
        if day is None and (opens or closes):
            problems.append((self.weekday, _l("Choose the day these times are on.")))
        if day is not None and opens is None and not self.opens_at.errors:
            problems.append((self.opens_at, _l("Give the time it starts.")))
        if closes is not None and opens is not None and closes <= opens:
            problems.append((self.closes_at, _l("The end comes before the start.")))
        for field, message in problems:
            field.errors = [*field.errors, str(message)]
        return valid and not problems


class InitiativeForm(PrivacyChecked, Form):
    """Add or change an initiative: what, for whom, where, when, who carries it, its contact."""

    name = StringField(
        _l("Name"),
        validators=[
            InputRequired(_l("Give the initiative a name.")),
            Length(
                max=INITIATIVE_NAME_MAX,
                message=_l("At most %(max)d characters.", max=INITIATIVE_NAME_MAX),
            ),
            NoPersonalData(),
        ],
        render_kw={"maxlength": INITIATIVE_NAME_MAX},
    )
    offer = TextAreaField(
        _l("What it offers"),
        validators=[
            InputRequired(_l("Describe what the initiative offers.")),
            Length(
                max=INITIATIVE_TEXT_MAX,
                message=_l("At most %(max)d characters.", max=INITIATIVE_TEXT_MAX),
            ),
            NoPersonalData(),
        ],
        render_kw={"maxlength": INITIATIVE_TEXT_MAX, "rows": 3},
    )
    audience = StringField(
        _l("For whom"),
        validators=[
            Optional(),
            Length(max=AUDIENCE_MAX, message=_l("At most %(max)d characters.", max=AUDIENCE_MAX)),
            NoPersonalData(),
        ],
        render_kw={"maxlength": AUDIENCE_MAX},
    )
    carried_by = RadioField(
        _l("Carried by"),
        default="residents",
        choices=[
            SelectChoice("residents", _l("Residents")),
            SelectChoice("organisation", _l("An organisation")),
        ],
        validators=[InputRequired()],
    )
    organisation = StringField(
        _l("Organisation"),
        validators=[
            Optional(),
            Length(
                max=ORGANISATION_MAX,
                message=_l("At most %(max)d characters.", max=ORGANISATION_MAX),
            ),
            NoPersonalData(),
        ],
        render_kw={"maxlength": ORGANISATION_MAX},
    )
    place = SelectField(_l("Place"), coerce=_optional_int, validate_choice=False)
    areas = MultiCheckboxField(_l("Wijken it serves"), coerce=int, validate_choice=False)
    themes = MultiCheckboxField(_l("Themes"), validate_choice=False)
    schedule_text = StringField(
        _l("When, in plain words"),
        validators=[
            Optional(),
            Length(
                max=SCHEDULE_TEXT_MAX,
                message=_l("At most %(max)d characters.", max=SCHEDULE_TEXT_MAX),
            ),
            NoPersonalData(),
        ],
        render_kw={"maxlength": SCHEDULE_TEXT_MAX},
        description=_l('For example "Every Wednesday 10–12, not in the school holidays".'),
    )
    slots = FieldList(FormField(SlotForm), min_entries=0)
    contact = StringField(
        _l("Public contact"),
        validators=[
            Optional(),
            Length(max=CONTACT_MAX, message=_l("At most %(max)d characters.", max=CONTACT_MAX)),
        ],
        render_kw={"maxlength": CONTACT_MAX},
        description=_l(
            "Only a public channel of the initiative or organisation: a general "
            "email address (info@…), a landline or service number, a desk. Never "
            "a private person's name, mobile number or home address."
        ),
    )
    url = StringField(
        _l("Website"),
        validators=[
            Optional(),
            Length(max=CONTACT_MAX, message=_l("At most %(max)d characters.", max=CONTACT_MAX)),
            URL(require_tld=True, message=_l("Give a full web address, starting with https://.")),
            NoPersonalData(),
        ],
        render_kw={"maxlength": CONTACT_MAX, "inputmode": "url"},
    )
    status = RadioField(_l("Status"), default="active", validators=[InputRequired()])
    public = BooleanField(_l("Show it on the public list of the wijken it serves"), default=True)

    def __init__(
        self,
        *args,
        places: list[Place],
        areas: list[Area],
        themes: list[Theme],
        locale: str,
        may_end: bool,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.places = {p.id: p for p in places}
        self.area_by_id = {a.id: a for a in areas}
        self.theme_by_slug = {t.slug: t for t in themes}
        self.place.choices = [SelectChoice("", _l("No fixed place"))] + [
            SelectChoice(p.id, p.name, optgroup=p.area.name) for p in places
        ]
        self.areas.choices = [
            SelectChoice(
                a.id, str(_l("All of %(name)s", name=a.name)) if a.level == "gemeente" else a.name
            )
            for a in areas
        ]
        self.themes.choices = [SelectChoice(t.slug, t.name(locale)) for t in themes]
        statuses = ("active", "paused", "ended") if may_end else ("active", "paused")
        self.status.choices = [SelectChoice(s, label("initiative_status", s)) for s in statuses]
        while len(self.slots.entries) < SPARE_SLOTS or any(
            row.weekday.data is not None for row in self.slots.entries[-SPARE_SLOTS:]
        ):
            self.slots.append_entry()

    def validate_url(self, field):
        """Accept web addresses only (no mailto: or javascript:)."""
        if field.data and not field.data.lower().startswith(("https://", "http://")):
            raise ValidationError(_l("Give a full web address, starting with https://."))

    def validate_place(self, field):
        """Accept only active places."""
        if field.data is not None and field.data not in self.places:
            raise ValidationError(_l("This place is unknown or no longer in use."))

    def validate_areas(self, field):
        """Require at least one wijk (or a whole gemeente), all of them in use."""
        if any(a not in self.area_by_id for a in field.data or []):
            raise ValidationError(_l("This area is unknown or no longer in use."))
        if not field.data:
            raise ValidationError(_l("Choose at least one wijk."))

    def validate_themes(self, field):
        """Require at least one active theme."""
        unknown = [s for s in field.data or [] if s not in self.theme_by_slug]
        if unknown:
            raise ValidationError(
                _l("Unknown or retired theme: %(slugs)s", slugs=", ".join(unknown))
            )
        if not field.data:
            raise ValidationError(_l("Choose at least one theme."))

    def validate_contact(self, field):
        """Accept only an organisation's public channel, checked by the privacy guard."""
        problem = public_channel_problem(field.data or "")
        if problem:
            raise ValidationError(problem)

    def values(self) -> dict:
        """Return the initiative's own columns from the form, text trimmed."""
        return {
            name: _strip(self[name].data)
            for name in (
                "name",
                "offer",
                "audience",
                "carried_by",
                "organisation",
                "schedule_text",
                "contact",
                "url",
                "status",
                "public",
            )
        }

    def chosen_place(self) -> Place | None:
        """Return the chosen place, if any."""
        return self.places.get(self.place.data)

    def chosen_areas(self) -> list[Area]:
        """Return the chosen wijken and gemeenten."""
        return [self.area_by_id[a] for a in self.areas.data or []]

    def chosen_themes(self) -> list[Theme]:
        """Return the chosen themes."""
        return [self.theme_by_slug[s] for s in self.themes.data or []]

    def filled_slots(self) -> list[dict]:
        """Return the filled schedule rows as column values."""
        return [
            {
                "weekday": row.weekday.data,
                "opens_at": row.opens_at.data,
                "closes_at": row.closes_at.data,
                "every_weeks": row.every_weeks.data or 1,
            }
            for row in self.slots.entries
            if row.weekday.data is not None
        ]


class FilterForm(Form):
    """Narrow the register: words in the name or offer, a wijk, a theme, a day, a status."""

    class Meta:
        csrf = False

    q = StringField(
        _l("Search"),
        validators=[Optional(), Length(max=100)],
        render_kw={"type": "search", "maxlength": 100},
    )
    wijk = SelectField(_l("Wijk"), validators=[Optional()])
    theme = SelectField(_l("Theme"), validators=[Optional()])
    weekday = SelectField(_l("Day"), validators=[Optional()])
    status = SelectField(_l("Status"), default="current", validators=[Optional()])
    stale = BooleanField(_l("Only those that need checking"))

    def __init__(self, *args, wijken: list[Area], themes: list[Theme], locale: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.wijken, self.themes = wijken, themes
        self.wijk.choices = [SelectChoice("", _l("Every wijk"))] + [
            SelectChoice(w.code, w.name) for w in wijken
        ]
        self.theme.choices = [SelectChoice("", _l("Every theme"))] + [
            SelectChoice(t.slug, t.name(locale)) for t in themes
        ]
        self.weekday.choices = weekday_choices(empty=str(_l("Any day")))
        self.status.choices = (
            [SelectChoice("current", _l("Active or paused"))]
            + [
                SelectChoice(s, label("initiative_status", s))
                for s in ("active", "paused", "ended")
            ]
            + [SelectChoice("all", _l("All"))]
        )

    def filters(self) -> Filters:
        """Return what the validated form narrows the register to."""
        return Filters(
            text=(self.q.data or "").strip() or None,
            wijk=next((w for w in self.wijken if w.code == self.wijk.data), None),
            theme=next((t for t in self.themes if t.slug == self.theme.data), None),
            weekday=int(self.weekday.data) if self.weekday.data else None,
            status=self.status.data or "current",
            stale=self.stale.data,
        )


class ReferForm(Form):
    """Refer an entry to one initiative: the button that was tapped names it."""

    initiative = IntegerField(validators=[InputRequired(_l("Choose an initiative."))])


class ActionForm(Form):
    """A button that changes something: only its CSRF token is checked."""


class PublicListForm(Form):
    """Switch a wijk's public list of initiatives on or off; the tapped button says which."""

    public = RadioField(
        _l("Public list"),
        choices=[SelectChoice("on", _l("On")), SelectChoice("off", _l("Off"))],
        validators=[InputRequired(_l("Choose on or off."))],
    )
