"""Check an HSDS file row by row before anything is imported (saving.py saves a clean plan).

Every invalid row is noted with its file, row and field. Areas, themes and places that do not
exist yet may be described by the file (areas and themes as the taxonomy terms buurtlog
exports); existing ones are used as they are. Only an admin's file may add areas and themes
(which carry the sensitive flag), as only admins manage them; a coordinator's may use existing
ones only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import select

from buurtlog.areas.services import check_code, code_level
from buurtlog.entries.services import today
from buurtlog.extensions import db
from buurtlog.models import (
    AREA_LEVELS,
    CARRIED_BY,
    Area,
    Theme,
)
from buurtlog.models.initiatives import (
    AUDIENCE_MAX,
    CONTACT_MAX,
    HSDS_ID_MAX,
    INITIATIVE_NAME_MAX,
    INITIATIVE_TEXT_MAX,
    ORGANISATION_MAX,
    SCHEDULE_TEXT_MAX,
)
from buurtlog.openreferral.reader import Row, Source, _
from buurtlog.openreferral.services import (
    DAYS,
    EMAIL,
    STATUS_IN,
    own_organization_id,
)
from buurtlog.openreferral.times import to_local

AREA_IDENTIFIERS = ("", "area_code", "cbs")  # external_identifier_type of an area code
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
LINKED = {"service", "location", "service_area"}


@dataclass
class Plan:
    """What a valid file holds, ready to be saved, or every reason it is not."""

    errors: list[tuple[str, str, str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str, str, str]] = field(default_factory=list)  # left out, and why
    services: list[dict] = field(default_factory=list)
    area_terms: dict[str, dict] = field(default_factory=dict)  # code → name, level, parent code
    theme_terms: dict[str, dict] = field(default_factory=dict)  # slug → names, sensitive


class _Checker:
    """Check the rows of a source and collect what they describe."""

    def __init__(self, source: Source, may_create: bool):
        self.t = source.tables
        self.plan = Plan(errors=list(source.errors), skipped=list(source.skipped))
        self.areas = {a.code: a for a in db.session.scalars(select(Area))}
        self.themes = set(db.session.scalars(select(Theme.slug)))
        self.may_create = may_create
        self.zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
        self.today = today(self.zone.key)

    def error(self, row: Row, column: str, message: str) -> None:
        """Note an invalid value of a row."""
        self.plan.errors.append((row.file, row.line, column, message))

    def skip(self, row: Row, column: str, message: str) -> None:
        """Note a valid part of the file that the register has no place for: left out."""
        self.plan.skipped.append((row.file, row.line, column, message))

    def text(self, row: Row, column: str, limit: int, required: bool = False) -> str | None:
        """Return a text value, noting a missing one or one that is too long."""
        value = row.get(column)
        if required and not value:
            self.error(row, column, _("This value is required."))
        elif len(value) > limit:
            self.error(row, column, _("At most %(max)d characters.", max=limit))
        return value or None

    def by_id(self, table: str) -> dict[str, Row]:
        """Index a table's rows by id, noting rows without an id and ids used twice."""
        rows: dict[str, Row] = {}
        for row in self.t[table]:
            key = row.get("id")
            if not key:
                self.error(row, "id", _("This value is required."))
            elif key in rows:
                if row.values != rows[key].values and table in (
                    "service",
                    "location",
                    "organization",
                ):
                    self.error(row, "id", _("The id %(id)s is used twice.", id=key))
            else:
                rows[key] = row
        return rows

    def run(self) -> Plan:
        """Check every table and return the plan."""
        self.organizations = self.by_id("organization")
        self.services = self.by_id("service")
        self.locations = self.by_id("location")
        self.terms = self.by_id("taxonomy_term")
        self.service_areas = self.by_id("service_area")
        for row in self.organizations.values():
            self.text(row, "name", ORGANISATION_MAX, required=True)
        links = self.attributes()
        location_area = {key: self.location(row, links) for key, row in self.locations.items()}
        extras: dict[str, dict[str, Any]] = {
            sid: {"place": None, "areas": [], "slots": [], "schedule_text": None, "phone": None}
            for sid in self.services
        }
        for row in self.t["service_at_location"]:
            sid, lid = row.get("service_id"), row.get("location_id")
            if self.known(row, "service_id", sid, self.services) and self.known(
                row, "location_id", lid, self.locations
            ):
                if extras[sid]["place"] is not None:
                    self.skip(
                        row,
                        "location_id",
                        _("An initiative has one place here: this further location is left out."),
                    )
                elif location_area[lid] is not None:
                    extras[sid]["place"] = (location_area[lid], self.locations[lid].get("name"))
        for key, row in self.service_areas.items():
            sid = row.get("service_id")
            if self.known(row, "service_id", sid, self.services):
                code = self.service_area(row, links.get(("service_area", key), {}))
                if code is not None:
                    extras[sid]["areas"].append(code)
        for row in self.t["schedule"]:
            self.schedule(row, extras)
        for row in self.t["phone"]:
            sid = row.get("service_id")
            if sid and self.known(row, "service_id", sid, self.services):
                number = self.text(row, "number", CONTACT_MAX, required=True)
                extras[sid]["phone"] = extras[sid]["phone"] or number
        for key, row in self.services.items():
            self.service(key, row, extras[key], links.get(("service", key), {}))
        return self.plan

    def known(self, row: Row, column: str, key: str, rows: dict) -> bool:
        """Tell whether a reference points at a row of the file, noting it when not."""
        if key in rows:
            return True
        self.error(row, column, _("Refers to %(id)s, which is not in the file.", id=key or "—"))
        return False

    def attributes(self) -> dict[tuple[str, str], dict[str, list]]:
        """Check the attributes buurtlog reads; return them by (entity, id) and link type."""
        tables = {
            "service": self.services,
            "location": self.locations,
            "service_area": self.service_areas,
        }
        links: dict[tuple[str, str], dict[str, list]] = {}
        for row in self.t["attribute"]:
            entity, link_type = row.get("link_entity"), row.get("link_type")
            if entity not in LINKED or link_type not in (
                "theme",
                "carried_by",
                "area",
                "area_parent",
            ):
                continue  # other taxonomies and links are not part of the register
            term_id = row.get("taxonomy_term_id")
            if not (
                self.known(row, "link_id", row.get("link_id"), tables[entity])
                and self.known(row, "taxonomy_term_id", term_id, self.terms)
            ):
                continue
            term = self.terms[term_id]
            checked = {
                "theme": self.theme_term,
                "carried_by": self.carried_term,
                "area": self.area_term,
                "area_parent": self.area_term,
            }[link_type](term, row)
            if checked is not None:
                links.setdefault((entity, row.get("link_id")), {}).setdefault(link_type, []).append(
                    checked
                )
        return links

    def theme_term(self, term: Row, attribute: Row) -> str | None:
        """Check a theme's term; return its slug."""
        slug = term.get("code")
        if not SLUG.fullmatch(slug) or len(slug) > 40:
            self.error(
                term,
                "code",
                _("A theme code is a slug: lower-case letters, digits and hyphens, at most 40."),
            )
            return None
        if slug not in self.themes and not self.may_create:
            self.error(
                term, "code", _("Unknown theme %(code)s: only an admin may add themes.", code=slug)
            )
            return None
        name = self.text(term, "name", 80, required=True)
        name_en = self.text(term, "description", 80)
        if name is None:
            return None
        known = self.plan.theme_terms.setdefault(
            slug, {"name_nl": name, "name_en": name_en or name, "sensitive": False}
        )
        known["sensitive"] |= attribute.get("value") == "sensitive"
        return slug

    def carried_term(self, term: Row, _attribute: Row) -> str | None:
        """Check who carries the initiative."""
        if term.get("code") not in CARRIED_BY:
            self.error(term, "code", _("Choose one of: %(values)s.", values=", ".join(CARRIED_BY)))
            return None
        return term.get("code")

    def area_term(self, term: Row, _attribute: Row, seen: frozenset = frozenset()) -> str | None:
        """Check an area's term and those above it; return its code."""
        code = term.get("code")
        if code in self.plan.area_terms or code in self.areas:
            return code
        if not self.may_create:
            self.error(
                term,
                "code",
                _("Unknown area %(code)s: only an admin may add areas.", code=code or "—"),
            )
            return None
        problem = check_code(code) if code else _("This value is required.")
        level = (
            term.get("description")
            if term.get("description") in AREA_LEVELS
            else code_level(code or "")
        )
        name = self.text(term, "name", 120, required=True)
        if problem:
            self.error(term, "code", problem)
        elif level is None:
            self.error(term, "description", _("Say gemeente, wijk or buurt."))
        parent_code = None
        parent_id = term.get("parent_id")
        if parent_id:
            if term.get("id") in seen or parent_id not in self.terms:
                self.error(
                    term,
                    "parent_id",
                    _("Refers to %(id)s, which is not in the file.", id=parent_id),
                )
                return None
            parent_code = self.area_term(self.terms[parent_id], _attribute, seen | {term.get("id")})
            if parent_code is None:
                return None
        if problem or level is None or name is None:
            return None
        self.plan.area_terms[code] = {"name": name, "level": level, "parent": parent_code}
        return code

    def area_code(self, code: str) -> bool:
        """Tell whether an area code is known here or described by the file."""
        return code in self.areas or code in self.plan.area_terms

    def location(self, row: Row, links: dict) -> str | None:
        """Check a location; return its area's code, or None when it is left out.

        Its area is the one its attributes name, else its external_identifier when that is
        an area code (type empty, "area_code" or "cbs"; a UPRN or any other identifier is
        no area). A location in an area unknown here, or without a name, is left out: the
        initiative is imported without it.
        """
        codes = links.get(("location", row.get("id")), {}).get("area", [])
        identifier = row.get("external_identifier").upper()
        if not codes and row.get("external_identifier_type").lower() in AREA_IDENTIFIERS:
            codes = [identifier]
        code = codes[0] if codes else ""
        if not code or not self.area_code(code):
            given = code or " ".join(
                v
                for v in (row.get("external_identifier_type"), row.get("external_identifier"))
                if v
            )
            self.skip(
                row,
                "external_identifier",
                _(
                    "No known area for this location (%(code)s): the initiative is imported "
                    "without this place. Import the areas first to keep it.",
                    code=given or "—",
                ),
            )
            return None
        if not row.get("name"):
            self.skip(
                row, "name", _("A place needs a name: the initiative is imported without this one.")
            )
            return None
        return code if self.text(row, "name", 120) else None

    def service_area(self, row: Row, links: dict) -> str | None:
        """Check a service area; return its area's code, or None when it is left out."""
        codes = links.get("area", [])
        code = codes[0] if codes else row.get("extent") if row.get("extent_type") == "text" else ""
        if not self.area_code(code):
            by_name = [c for c, a in self.areas.items() if a.name == row.get("name")]
            if len(by_name) != 1:
                self.skip(
                    row,
                    "name",
                    _(
                        "No known area for this service area: it is left "
                        "out of the initiative's areas."
                    ),
                )
                return None
            code = by_name[0]
        return code

    def schedule(self, row: Row, extras: dict) -> None:
        """Check a schedule row: a weekly slot, or the schedule in words only."""
        sid = row.get("service_id")
        if not sid:
            return  # a location's opening hours, not an initiative's
        if not self.known(row, "service_id", sid, self.services):
            return
        text = self.text(row, "description", SCHEDULE_TEXT_MAX)
        if text and not extras[sid]["schedule_text"]:
            extras[sid]["schedule_text"] = text
        byday, opens = row.get("byday"), row.get("opens_at")
        if not byday and not opens:
            return
        errors = len(self.plan.errors)
        if row.get("freq") != "WEEKLY":
            self.skip(
                row,
                "freq",
                _(
                    "Only weekly schedules (WEEKLY) are imported: this one "
                    "is left out; its description is kept."
                ),
            )
            return
        interval = row.get("interval") or "1"
        if not interval.isdigit() or not 1 <= int(interval) <= 8:
            self.error(row, "interval", _("A whole number from 1 to 8."))
        days = [d.strip() for d in byday.split(",")]
        if not byday or any(d not in DAYS for d in days):
            self.error(row, "byday", _("Days as MO, TU, WE, TH, FR, SA, SU."))
        on, hours = self.schedule_day(row), self.timezone(row)
        local: dict[str, tuple[time, int] | None] = {}
        for column in ("opens_at", "closes_at"):
            value = row.get(column)
            if value or column == "opens_at":
                local[column] = to_local(value or "", on, self.zone, hours)
                if local[column] is None:
                    self.error(row, column, _("A time as HH:MM, with its offset: 13:00+01:00."))
        start_local, end_local = local["opens_at"], local.get("closes_at")
        if len(self.plan.errors) > errors or start_local is None:  # no start time is an error above
            return
        opens_at, shift = start_local
        closes_at = end_local[0] if end_local else None
        if closes_at is not None and closes_at <= opens_at:
            self.error(row, "closes_at", _("The end comes before the start."))
            return
        days = [DAYS[(DAYS.index(d) + shift) % 7] for d in days]  # "23:30Z" is the next day here
        slots = extras[sid]["slots"]  # each season's row of one slot is the same local slot
        slots.extend(
            slot
            for slot in ((DAYS.index(d), opens_at, closes_at, int(interval)) for d in days)
            if slot not in slots
        )

    def schedule_day(self, row: Row) -> date:
        """Return the day a schedule row's times are read on: its first valid day, or today.

        A season's row is read in its own season: "13:00+02:00" valid from 28 March is 13:00
        here, even when the file is imported in December.
        """
        try:
            return date.fromisoformat(row.get("valid_from") or "")
        except ValueError:
            return self.today

    def timezone(self, row: Row) -> float | None:
        """Return a schedule row's `timezone` (hours from UTC), None if it has none."""
        try:
            hours = float(row.get("timezone") or "")
        except ValueError:
            return None
        return hours if -14 <= hours <= 14 else None

    def service(self, key: str, row: Row, extras: dict, links: dict) -> None:
        """Check a service and collect the initiative it describes."""
        name = self.text(row, "name", INITIATIVE_NAME_MAX, required=True)
        offer = self.text(row, "description", INITIATIVE_TEXT_MAX) or ""
        audience = self.text(row, "eligibility_description", AUDIENCE_MAX)
        other = self.text(row, "application_process", CONTACT_MAX)
        url = self.text(row, "url", CONTACT_MAX)
        email = self.text(row, "email", CONTACT_MAX)
        if len(key) > HSDS_ID_MAX:
            self.error(row, "id", _("At most %(max)d characters.", max=HSDS_ID_MAX))
        if row.get("status") not in STATUS_IN:
            self.error(row, "status", _("Choose one of: %(values)s.", values=", ".join(STATUS_IN)))
        if url and not url.startswith(("https://", "http://")):
            self.error(row, "url", _("A web address starts with https:// or http://."))
        if email and not EMAIL.fullmatch(email):
            self.error(row, "email", _("This is not an e-mail address."))
        checked = None
        if row.get("assured_date"):
            try:
                checked = date.fromisoformat(row.get("assured_date"))
            except ValueError:
                self.error(row, "assured_date", _("A date as YYYY-MM-DD."))
        org_id = row.get("organization_id")
        if org_id and org_id not in self.organizations:
            self.skip(
                row,
                "organization_id",
                _(
                    "The organization %(id)s is not in the file: "
                    "the initiative is imported without it.",
                    id=org_id,
                ),
            )
        organisation = (
            None
            if org_id == own_organization_id(key) or not org_id or org_id not in self.organizations
            else self.organizations[org_id].get("name") or None
        )
        carried = links.get("carried_by") or ["organisation" if organisation else "residents"]
        self.plan.services.append(
            {
                "hsds_id": key,
                "name": name,
                "offer": offer,
                "audience": audience,
                "url": url,
                "contact": email or extras["phone"] or other,
                "organisation": organisation,
                "carried_by": carried[0],
                "status": STATUS_IN.get(row.get("status")),
                "last_checked_on": checked,
                "schedule_text": extras["schedule_text"],
                "slots": sorted(set(extras["slots"])),
                "place": extras["place"],
                "areas": sorted(set(extras["areas"])),
                "themes": sorted(set(links.get("theme", []))),
            }
        )


def check(source: Source, may_create: bool = False) -> Plan:
    """Check every row of a source; the plan lists every invalid row, or what to save.

    `may_create` lets the file add areas and themes: for admins only.
    """
    return _Checker(source, may_create).run()
