"""The app's own names the privacy guard reads as no person: places, wijken, initiatives and
the organisations behind them ("Taalcafé Aisha", "Huiskamer Fatima" are no residents).

Read from the database every process shares, once per request (flask.g), never kept longer:
a place added in one process is known to all at their next request. The browser check gets the
same names on the page (templates/base.html, static/js/privacy-field.js).
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from flask import g, has_app_context, has_request_context

from buurtlog.extensions import db
from buurtlog.models import Area, Initiative, Place
from buurtlog.privacy import known_names_pattern


def known_names() -> list[str]:
    """Return the names of two words or more of every active place and area and of every
    initiative and its organisation, sorted; read once per request."""
    if not has_request_context():  # a command or a test's own context: read afresh
        return _read() if has_app_context() else []
    if "privacy_known_names" not in g:
        g.privacy_known_names = _read()
    return g.privacy_known_names


def known_pattern() -> re.Pattern[str] | None:
    """Return known_names as the pattern find_personal_data's `known` takes; once per request."""
    if not has_request_context():
        return known_names_pattern(known_names())
    if "privacy_known" not in g:
        g.privacy_known = known_names_pattern(known_names())
    return g.privacy_known


def _read() -> list[str]:
    """Read the names of two words or more, each once, sorted."""
    query: sa.CompoundSelect = sa.union(
        sa.select(Place.name).where(Place.active),
        sa.select(Area.name).where(Area.active),
        sa.select(Initiative.name),
        sa.select(Initiative.organisation).where(Initiative.organisation.is_not(None)),
    )
    return sorted({name for name in db.session.scalars(query) if name and len(name.split()) >= 2})
