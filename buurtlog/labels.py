"""The interface's words for the coded values in DESIGN.md, in every language."""

from flask_babel import lazy_gettext as _l

# New in WTForms 3.3; the types-wtforms stubs (3.2) lack it. The forms import it from here, so
# the one ignore that this needs stays in one place.
from wtforms import SelectChoice  # type: ignore[attr-defined]

LABELS = {
    "role": {"worker": _l("Worker"), "coordinator": _l("Coordinator"), "admin": _l("Admin")},
    "area_level": {
        "gemeente": _l("Municipality"),
        "wijk": _l("Wijk"),
        "buurt": _l("Neighbourhood"),
    },
    "place_kind": {
        "shop_table": _l("Supermarket table"),
        "community_centre": _l("Community centre"),
        "library": _l("Library"),
        "square": _l("Square"),
        "school": _l("School gate"),
        "park": _l("Park or playground"),
        "market": _l("Market"),
        "other": _l("Other place"),
    },
    "setting": {
        "street": _l("Street"),
        "shop_table": _l("Shop table"),
        "walk_in": _l("Walk-in"),
        "home_visit": _l("Home visit"),
        "network": _l("Network meeting"),
        "initiative": _l("At an initiative"),
        "phone": _l("Phone or online"),
        "other": _l("Other"),
    },
    "contact_type": {
        "resident": _l("Resident"),
        "entrepreneur": _l("Shopkeeper or entrepreneur"),
        "professional": _l("Professional"),
        "volunteer": _l("Volunteer"),
        "group": _l("Group"),
    },
    "initiated_by": {
        "resident": _l("They approached me"),
        "worker": _l("I approached them"),
        "appointment": _l("Appointment"),
    },
    "kind": {
        "signal": _l("Signal"),
        "strength": _l("Strength"),
        "idea": _l("Idea"),
        "question": _l("Question"),
        "contact": _l("Just contact"),
    },
    "follow_up": {
        "none": _l("None"),
        "feedback": _l("Get back to them"),
        "refer": _l("Refer"),
        "collective": _l("Take up collectively"),
        "urgent": _l("Urgent"),
    },
    "first_contact": {"known": _l("Known face"), "first": _l("First contact")},
    "signal_status": {
        "new": _l("New"),
        "discussed": _l("Discussed"),
        "action": _l("Action"),
        "referred": _l("Referred"),
        "collective": _l("Collective"),
        "monitoring": _l("Monitoring"),
        "closed": _l("Closed"),
    },
    "wijk_theme_status": {
        "open": _l("Open"),
        "collective": _l("Collective approach"),
        "monitoring": _l("Monitoring"),
        "closed": _l("Closed"),
    },
    "initiative_status": {"active": _l("Active"), "paused": _l("Paused"), "ended": _l("Ended")},
    "carried_by": {"residents": _l("Residents"), "organisation": _l("An organisation")},
    "exchange_kind": {"offer": _l("Offer"), "request": _l("Request")},
    "exchange_status": {"open": _l("Open"), "matched": _l("Matched"), "closed": _l("Closed")},
    "match_status": {
        "proposed": _l("Proposed"),
        "confirmed": _l("Confirmed"),
        "declined": _l("Declined"),
    },
    "privacy_kind": {
        "name": _l("a name"),
        "phone": _l("a phone number"),
        "email": _l("an email address"),
        "postcode": _l("a postcode"),
        "bsn": _l("a citizen service number (BSN)"),
        "iban": _l("a bank account number"),
        "address": _l("an address"),
    },
}


def label(group: str, value: str) -> str:
    """Return the interface's word for a coded value."""
    return str(LABELS[group].get(value, value))


def choices(group: str, values: tuple[str, ...] | None = None) -> list[SelectChoice]:
    """Return the options of a form field for a coded value, in the given order."""
    return [SelectChoice(v, LABELS[group][v]) for v in (values or LABELS[group])]
