"""Export the initiatives register as Open Referral HSDS 3.1: tables, a CSV zip and JSON.

The mapping (README, "Open Referral"):

* Initiative → service: `id` is the initiative's `hsds_id` (kept through re-imports), name,
  description = what it offers, eligibility_description = for whom, status (active → active,
  paused → temporarily closed, ended → inactive), url, the public contact channel as email,
  as a phone (phones table) or else as application_process, assured_date = last checked,
  last_modified = last change.
* Who carries it → organization: an organisation by its name (shared by its initiatives); an
  initiative without one (residents carry it) is its own organization, named after it.
  Whether residents or an organisation carry it is an attribute (taxonomy "carried-by").
* Place → location (+ service_at_location), its area code as external_identifier and as an
  attribute; the areas it serves → service_area rows, each with an attribute for its area.
* Structured schedule → schedule rows (freq WEEKLY, interval, byday, opens_at, closes_at with
  the offset of the municipality's zone: one row per slot for this season and one for the
  next, each with valid_from, valid_to and timezone; times.py); the schedule in words is each
  row's description.
* Themes → taxonomy terms of the taxonomy "buurtlog-themes" (code = slug, name = Dutch,
  description = English), linked by attributes; a sensitive theme's attribute has value
  "sensitive". Areas are terms of the taxonomy "buurtlog-areas" with their parents.

Only initiatives marked public are exported, and only public fields: never a team or a worker.
Ids of everything but services are derived (UUID 5) from natural keys, so they are stable.
"""

from __future__ import annotations

import io
import json
import re
import uuid
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from buurtlog import csvfile
from buurtlog.audit.services import record_event
from buurtlog.entries.services import today
from buurtlog.extensions import db
from buurtlog.models import Area, Initiative, Place
from buurtlog.openreferral.times import Season, seasons, with_offset

HSDS_VERSION = "3.1"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://buurtlog.nl/hsds")
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
STATUS_OUT = {"active": "active", "paused": "temporarily closed", "ended": "inactive"}
STATUS_IN = {
    "active": "active",
    "temporarily closed": "paused",
    "inactive": "ended",
    "defunct": "ended",
}
THEMES_TAXONOMY, AREAS_TAXONOMY, CARRIED_TAXONOMY = (
    "buurtlog-themes",
    "buurtlog-areas",
    "buurtlog-carried-by",
)
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
PHONE = re.compile(r"\+?[0-9][0-9 ()\-]{5,}[0-9]")

# HSDS's own tabular descriptor (datapackage.json of the specification, CC BY-SA 4.0), kept as
# published: the CSV export writes every table it describes, with its columns in its order.
OFFICIAL_PACKAGE = json.loads(
    (Path(__file__).with_name("hsds_datapackage.json")).read_text(encoding="utf-8")
)
TABLES = {
    resource["name"]: (resource["path"], tuple(f["name"] for f in resource["schema"]["fields"]))
    for resource in OFFICIAL_PACKAGE["resources"]
}


def hsds_id(*parts: object) -> str:
    """Return a stable UUID 5 for a natural key."""
    return str(uuid.uuid5(NAMESPACE, ":".join(str(p) for p in parts)))


def own_organization_id(service_id: str) -> str:
    """Return the id of the organization an initiative without an organisation stands for."""
    return hsds_id("initiative-organization", service_id)


def classify_contact(contact: str | None) -> str | None:
    """Tell whether a public contact channel is an "email", a "phone" or "other" text."""
    if not contact:
        return None
    if EMAIL.fullmatch(contact.strip()):
        return "email"
    return "phone" if PHONE.fullmatch(contact.strip()) else "other"


def public_initiatives() -> list[Initiative]:
    """Return the initiatives that may leave the team: the public ones, by name."""
    return list(
        db.session.scalars(
            select(Initiative)
            .where(Initiative.public)
            .options(
                selectinload(Initiative.place).selectinload(Place.area),
                selectinload(Initiative.areas),
                selectinload(Initiative.themes),
                selectinload(Initiative.schedules),
            )
            .order_by(Initiative.name, Initiative.id)
        )
    )


class _Tables:
    """HSDS rows by table, each row once (by id)."""

    def __init__(self):
        self.rows: dict[str, dict[str, dict]] = {name: {} for name in TABLES}

    def add(self, table: str, **row) -> str:
        """Add a row (missing columns empty); return its id."""
        assert set(row) <= set(TABLES[table][1]), f"not an HSDS column of {table}"
        self.rows[table].setdefault(row["id"], {c: row.get(c) for c in TABLES[table][1]})
        return row["id"]

    def term(
        self, taxonomy: str, code: str, name: str, description: str, parent_id: str | None = None
    ) -> str:
        """Add a taxonomy term (and its taxonomy); return the term's id."""
        self.add(
            "taxonomy",
            id=hsds_id("taxonomy", taxonomy),
            name=taxonomy,
            description=TAXONOMY_DESCRIPTIONS[taxonomy],
        )
        return self.add(
            "taxonomy_term",
            id=hsds_id(taxonomy, code),
            code=code,
            name=name,
            description=description,
            parent_id=parent_id,
            taxonomy=taxonomy,
            language="nl",
            taxonomy_id=hsds_id("taxonomy", taxonomy),
        )

    def area_term(self, area: Area) -> str:
        """Add an area's term and those of the areas above it; return the area's term id."""
        parent = self.area_term(area.parent) if area.parent is not None else None
        return self.term(AREAS_TAXONOMY, area.code, area.name, area.level, parent)

    def attribute(
        self, entity: str, link_id: str, link_type: str, term_id: str, value: str | None = None
    ) -> None:
        """Link a row to a taxonomy term."""
        self.add(
            "attribute",
            id=hsds_id("attribute", entity, link_id, term_id),
            link_id=link_id,
            taxonomy_term_id=term_id,
            link_type=link_type,
            link_entity=entity,
            value=value,
        )

    def area_attributes(self, entity: str, link_id: str, area: Area) -> None:
        """Link a row to its area, and to the areas above it so their terms travel along."""
        self.attribute(entity, link_id, "area", self.area_term(area))
        parent = area.parent
        while parent is not None:
            self.attribute(entity, link_id, "area_parent", self.area_term(parent))
            parent = parent.parent


TAXONOMY_DESCRIPTIONS = {
    THEMES_TAXONOMY: "buurtlog themes: code = slug, name = Dutch, description = English",
    AREAS_TAXONOMY: "Areas (CBS codes where known): description = gemeente, wijk or buurt",
    CARRIED_TAXONOMY: "Who carries the initiative: residents or an organisation",
}


def _service(tables: _Tables, initiative: Initiative, this_and_next: list[Season]) -> None:
    """Add one initiative as a service with everything that belongs to it."""
    sid = initiative.hsds_id
    if initiative.organisation:
        org_id = tables.add(
            "organization",
            id=hsds_id("organization", initiative.organisation.casefold()),
            name=initiative.organisation,
            description=_("Carries initiatives in the register."),
        )
    else:
        org_id = tables.add(
            "organization",
            id=own_organization_id(sid),
            name=initiative.name,
            description=_("Residents' initiative")
            if initiative.carried_by == "residents"
            else _("Local provision"),
        )
    kind = classify_contact(initiative.contact)
    tables.add(
        "service",
        id=sid,
        organization_id=org_id,
        name=initiative.name,
        description=initiative.offer,
        url=initiative.url,
        email=initiative.contact if kind == "email" else None,
        application_process=initiative.contact if kind == "other" else None,
        status=STATUS_OUT[initiative.status],
        eligibility_description=initiative.audience,
        assured_date=initiative.last_checked_on.isoformat() if initiative.last_checked_on else None,
        last_modified=initiative.updated_at.isoformat(timespec="milliseconds").replace(
            "+00:00", "Z"
        )
        if initiative.updated_at
        else None,
    )
    if kind == "phone":
        tables.add(
            "phone",
            id=hsds_id("phone", sid),
            service_id=sid,
            number=initiative.contact,
            type="voice",
        )
    carried = tables.term(
        CARRIED_TAXONOMY,
        initiative.carried_by,
        _("Residents") if initiative.carried_by == "residents" else _("Organisation"),
        initiative.carried_by,
    )
    tables.attribute("service", sid, "carried_by", carried)
    for theme in initiative.themes:
        term = tables.term(THEMES_TAXONOMY, theme.slug, theme.name_nl, theme.name_en)
        tables.attribute("service", sid, "theme", term, "sensitive" if theme.sensitive else None)
    location_id = sal_id = None
    if initiative.place is not None:
        place = initiative.place
        location_id = tables.add(
            "location",
            id=hsds_id("location", place.area.code, place.name),
            location_type="physical",
            name=place.name,
            external_identifier=place.area.code,
            external_identifier_type="area_code",
        )
        tables.area_attributes("location", location_id, place.area)
        sal_id = tables.add(
            "service_at_location",
            id=hsds_id("service_at_location", sid),
            service_id=sid,
            location_id=location_id,
        )
    for area in initiative.areas:
        area_id = tables.add(
            "service_area",
            id=hsds_id("service_area", sid, area.code),
            service_id=sid,
            name=area.name,
            extent_type="text",
            extent=area.code,
        )
        tables.area_attributes("service_area", area_id, area)
    if not initiative.schedules and initiative.schedule_text:  # the schedule in words only
        tables.add(
            "schedule",
            id=hsds_id("schedule", sid, 0),
            service_id=sid,
            description=initiative.schedule_text,
        )
    for index, slot in enumerate(initiative.schedules):
        for season in this_and_next:
            tables.add(
                "schedule",
                id=hsds_id("schedule", sid, index, season.valid_from.isoformat()),
                service_id=sid,
                location_id=location_id,
                service_at_location_id=sal_id,
                valid_from=season.valid_from.isoformat(),
                valid_to=season.valid_to.isoformat(),
                timezone=season.hours,
                freq="WEEKLY",
                interval=slot.every_weeks,
                byday=DAYS[slot.weekday],
                description=initiative.schedule_text,
                opens_at=with_offset(slot.opens_at, season.offset),
                closes_at=with_offset(slot.closes_at, season.offset) if slot.closes_at else None,
            )


def export_tables(initiatives: list[Initiative] | None = None) -> dict[str, list[dict]]:
    """Map the public initiatives to HSDS rows, by table."""
    tables = _Tables()
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    this_and_next = seasons(today(zone.key), zone)
    for initiative in public_initiatives() if initiatives is None else initiatives:
        _service(tables, initiative, this_and_next)
    return {name: list(rows.values()) for name, rows in tables.rows.items()}


def to_zip(tables: dict[str, list[dict]]) -> bytes:
    """Write every HSDS table as a CSV file (empty but for its header where buurtlog has
    nothing to say), described by HSDS's own datapackage.json."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("datapackage.json", json.dumps(OFFICIAL_PACKAGE, indent=2))
        for name, (path, columns) in TABLES.items():
            text = io.StringIO()
            writer = csvfile.writer(text, lineterminator="\r\n")
            writer.writerow(columns)
            for row in tables[name]:
                writer.writerow([row[c] for c in columns])
            archive.writestr(path, text.getvalue())
    return buffer.getvalue()


def _nested_term(tables: dict[str, list[dict]], term_id: str) -> dict:
    """Return a taxonomy term object with its taxonomy, as HSDS JSON nests it."""
    term = dict(next(t for t in tables["taxonomy_term"] if t["id"] == term_id))
    term["taxonomy_detail"] = next(t for t in tables["taxonomy"] if t["id"] == term["taxonomy_id"])
    return term


def _attributes(tables: dict[str, list[dict]], entity: str, link_id: str) -> list[dict]:
    """Return the attributes of one row, each with its taxonomy term."""
    return [
        {**a, "taxonomy_term": _nested_term(tables, a["taxonomy_term_id"])}
        for a in tables["attribute"]
        if a["link_entity"] == entity and a["link_id"] == link_id
    ]


def to_json(tables: dict[str, list[dict]]) -> dict:
    """Nest the tables into HSDS service objects, as a single page of the HSDS API."""

    def rows(table: str, **where) -> list[dict]:
        return [dict(r) for r in tables[table] if all(r[k] == v for k, v in where.items())]

    services = []
    for service in rows("service"):
        sid = service["id"]
        service["organization"] = rows("organization", id=service["organization_id"])[0]
        service["phones"] = rows("phone", service_id=sid)
        service["schedules"] = rows("schedule", service_id=sid)
        service["service_areas"] = [
            {**area, "attributes": _attributes(tables, "service_area", area["id"])}
            for area in rows("service_area", service_id=sid)
        ]
        service["service_at_locations"] = [
            {
                **sal,
                "location": {
                    **location,
                    "attributes": _attributes(tables, "location", location["id"]),
                },
            }
            for sal in rows("service_at_location", service_id=sid)
            for location in rows("location", id=sal["location_id"])
        ]
        service["attributes"] = _attributes(tables, "service", sid)
        services.append(service)
    return {
        "hsds_version": HSDS_VERSION,
        "total_items": len(services),
        "total_pages": 1,
        "page_number": 1,
        "size": len(services),
        "first_page": True,
        "last_page": True,
        "empty": not services,
        "contents": [_without_nulls(s) for s in services],
    }


def _without_nulls(value):
    """Leave unknown fields out, as HSDS asks: its schemas want a string, never null."""
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


def export(fmt: str, actor=None) -> tuple[bytes, int]:
    """Export the public register as "csv" (a zip) or "json"; audited. Return data and count."""
    with force_locale("nl"):  # the register's language, whoever downloads it
        tables = export_tables()
    data = (
        to_zip(tables)
        if fmt == "csv"
        else json.dumps(to_json(tables), ensure_ascii=False, indent=2).encode("utf-8")
    )
    record_event("openreferral.exported", actor=actor, format=fmt, services=len(tables["service"]))
    db.session.commit()
    return data, len(tables["service"])
