"""An entry sent as JSON, checked by exactly the rules of the log form."""

import uuid
from datetime import UTC, datetime

from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict
from wtforms import Field
from wtforms.validators import Optional

from buurtlog.bounds import UNSTORABLE, unstorable
from buurtlog.entries.forms import EntryForm

SCALARS = (
    "setting",
    "kind",
    "contact_type",
    "initiated_by",
    "follow_up",
    "underlying_question",
    "note",
    "occurred_at",
)


class IsoDateTimeField(Field):
    """A moment in ISO 8601 with a UTC offset, as the sync API sends it."""

    def process_formdata(self, valuelist):
        """Read an aware datetime; a time without offset is refused as ambiguous."""
        if not valuelist or not valuelist[0]:
            self.data = None
            return
        try:
            value = datetime.fromisoformat(valuelist[0])
            value.astimezone(UTC)  # "0001-01-01T00:00+14:00" is before the first UTC moment
        except (ValueError, OverflowError):
            value = None
        if value is None or value.tzinfo is None:
            self.data = None
            raise ValueError(_l("Use an ISO 8601 date and time with a UTC offset."))
        self.data = value


class EntryPayloadForm(EntryForm):
    """The log form's rules, applied to one entry of a sync batch."""

    class Meta:
        csrf = False

    audit_kept = False  # sync_entries audits the entries it saves, not each check
    # Another field in the same place: its data is a datetime or None, as the log form's is.
    occurred_at = IsoDateTimeField(  # type: ignore[assignment]
        _l("When?"), validators=[Optional()]
    )

    def read(self, formdata: MultiDict) -> "EntryPayloadForm":
        """Take the next entry of the batch into this form, forgetting the previous one."""
        self.process(formdata)
        self.privacy_findings = {}
        return self

    def occurred_at_utc(self, default=None):
        """Return the sent moment in UTC; when none was sent, the default or now."""
        if self.occurred_at.data is None:
            return super().occurred_at_utc(default)
        return self.occurred_at.data.astimezone(UTC)


def read_payload(item: object) -> tuple[uuid.UUID | None, MultiDict | None, dict[str, str]]:
    """Turn one JSON entry into the id and the form data the log form reads.

    Returns the errors of shape (wrong JSON types) instead of form data when there are any.
    """
    if not isinstance(item, dict):
        return None, None, {"entry": "Each entry must be a JSON object."}
    errors: dict[str, str] = {}
    try:
        sent = item.get("id")
        if not isinstance(sent, str):  # 12345678901234567890123456789012 is a number, not an id
            raise ValueError(sent)
        entry_id = uuid.UUID(sent)
    except ValueError:
        return None, None, {"id": "A UUID made by the client is required."}
    data: MultiDict[str, str] = MultiDict()
    for name in SCALARS:
        value = item.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            errors[name] = "Must be a string."
        elif unstorable(value):
            errors[name] = UNSTORABLE
        else:
            data.add(name, value)
    area = item.get("area")
    if isinstance(area, str) and unstorable(area):
        errors["area"] = UNSTORABLE
    elif area is not None:
        data.add("area", str(area))
    place = item.get("place")
    if place is not None:
        if isinstance(place, bool) or not isinstance(place, int):
            errors["place"] = "Must be a place id (an integer) or null."
        else:
            data.add("place", str(place))
    people = item.get("people", 1)
    if isinstance(people, bool) or not isinstance(people, int):
        errors["people"] = "Must be an integer."
    else:
        data.add("people", str(people))
    themes = item.get("themes", [])
    if not isinstance(themes, list) or not all(isinstance(t, str) for t in themes):
        errors["themes"] = "Must be a list of theme slugs."
    elif any(unstorable(slug) for slug in themes):
        errors["themes"] = UNSTORABLE
    elif len(set(themes)) != len(themes):  # the entry's themes are a set: one row each
        errors["themes"] = "Name each theme once."
    else:
        for slug in themes:
            data.add("themes", slug)
    first_contact = item.get("first_contact", False)
    if not isinstance(first_contact, bool):
        errors["first_contact"] = "Must be true or false."
    else:
        data.add("first_contact", "first" if first_contact else "known")
    for name, default in (
        ("contact_type", "resident"),
        ("initiated_by", "resident"),
        ("follow_up", "none"),
    ):
        if name not in data:
            data.add(name, default)
    confirmed = item.get("privacy_confirmed", False)
    if not isinstance(confirmed, bool):
        errors["privacy_confirmed"] = "Must be true or false."
    elif confirmed:
        data.add("privacy_confirmed", "y")
    return entry_id, (None if errors else data), errors
