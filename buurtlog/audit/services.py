"""The audit log: who did what to which record, when."""

from typing import Protocol

from flask import has_request_context
from flask_login import current_user

from buurtlog.extensions import db
from buurtlog.models import AuditEvent, User


class Recorded(Protocol):
    """What an event can be about: a record with an id."""

    @property
    def id(self) -> object:
        """The record's id."""


def record_event(
    action: str,
    obj: Recorded | None = None,
    actor: User | None = None,
    **details: str | int | bool | None,
) -> AuditEvent:
    """Add an audit event to the session; it is saved with the change it describes.

    `details` hold coded values only (ids, field names, counts), never free text.
    """
    if actor is None and has_request_context() and current_user.is_authenticated:
        actor = current_user
    # `current_user` is a proxy: the event names the user behind it, not "LocalProxy".
    obj = _unwrapped(obj)
    event = AuditEvent(
        action=action,
        actor_id=actor.id if actor is not None else None,
        object_type=type(obj).__name__ if obj is not None else None,
        object_id=str(obj.id) if obj is not None else None,
        details=details,
    )
    db.session.add(event)
    return event


def _unwrapped(obj: Recorded | None) -> Recorded | None:
    """Return the object behind a context proxy such as `current_user`, else the object."""
    get = getattr(obj, "_get_current_object", None)
    return get() if callable(get) else obj
