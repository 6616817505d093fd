"""Read an HSDS file (a zip of CSV files, a folder of them, or JSON) into rows by table.

Every row keeps where it came from (the file and its line, or its place in the JSON), so that
the import can name each invalid row. The nested JSON form is flattened into the same tables
as the CSV form, so both go through the same checks.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from flask import current_app, has_request_context
from flask_babel import force_locale, gettext

from buurtlog.csvfile import restore
from buurtlog.openreferral.services import TABLES

MAX_UNPACKED = 20 * 1024 * 1024  # refuse zip bombs: at most 20 MB of CSV in all


def _(text: str, **values) -> str:
    """Translate a message for the reader, or in the default language on the command line."""
    if has_request_context():
        return gettext(text, **values)
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        return gettext(text, **values)


@dataclass
class Row:
    """One row of an HSDS table and where it was read."""

    file: str
    line: str
    values: dict

    def get(self, name: str) -> str:
        """Return a column's value as stripped text, empty when missing."""
        value = self.values.get(name)
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value).strip()


@dataclass
class Source:
    """The rows of a file by table, and the problems met while reading it."""

    tables: dict[str, list[Row]] = field(default_factory=lambda: {n: [] for n in TABLES})
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str, str, str]] = field(default_factory=list)  # left out, and why


def _paths_from_datapackage(text: str) -> dict[str, str]:
    """Return the file of each table named in a datapackage.json (or none when unreadable)."""
    try:
        package = json.loads(text)
        return {
            r["name"]: r["path"]
            for r in package.get("resources", [])
            if isinstance(r, dict) and isinstance(r.get("path"), str)
        }
    except (ValueError, AttributeError, KeyError, TypeError):
        return {}


def _read_csv_text(source: Source, table: str, name: str, text: str) -> None:
    """Add the rows of one CSV file."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    if reader.fieldnames is None:
        return
    reader.fieldnames = [h.strip() for h in reader.fieldnames]
    try:
        for values in reader:
            if None in values:
                source.errors.append(
                    (name, str(reader.line_num), "", _("More values than columns."))
                )
                continue
            # A cell buurtlog's export (or another careful one) defused gets its text back.
            values = {k: restore(v) if isinstance(v, str) else v for k, v in values.items()}
            source.tables[table].append(Row(name, str(reader.line_num), values))
    except csv.Error as error:
        source.errors.append((name, str(reader.line_num), "", str(error)))


def _read_files(files: dict[str, bytes]) -> Source:
    """Read CSV files given by name, using the datapackage's paths when there is one."""
    source = Source()
    paths = {name: path for name, (path, _columns) in TABLES.items()}
    if "datapackage.json" in files:
        paths.update(_paths_from_datapackage(files["datapackage.json"].decode("utf-8", "replace")))
    for table, path in paths.items():
        if table not in TABLES or path not in files:
            continue
        try:
            text = files[path].decode("utf-8")
        except UnicodeDecodeError:
            source.errors.append((path, "", "", _("The file is not UTF-8 text.")))
            continue
        _read_csv_text(source, table, path, text)
    if not source.tables["service"] and not source.errors:
        source.errors.append(("services.csv", "", "", _("No services found.")))
    return source


def read_zip(data: bytes, name: str = "hsds.zip") -> Source:
    """Read a zip of HSDS CSV files (files may sit in one folder inside the zip)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in archive.infolist() if not i.is_dir()]
        if sum(i.file_size for i in infos) > MAX_UNPACKED:
            raise ValueError
        files = {Path(i.filename).name: archive.read(i) for i in infos}
    except (zipfile.BadZipFile, ValueError, OSError):
        source = Source()
        source.errors.append((name, "", "", _("This is not a readable zip file.")))
        return source
    return _read_files(files)


def read_folder(path: Path) -> Source:
    """Read a folder of HSDS CSV files."""
    return _read_files(
        {
            p.name: p.read_bytes()
            for p in path.iterdir()
            if p.is_file() and p.suffix in (".csv", ".json")
        }
    )


def read_json(data: bytes, name: str = "hsds.json") -> Source:
    """Read HSDS JSON: a page of the HSDS API or a list of objects, or one object; services,
    organizations with their services, services at a location, or the tables as JSON."""
    source = Source()
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        source.errors.append((name, "", "", _("This is not readable JSON.")))
        return source
    if (
        isinstance(document, dict)
        and document
        and all(k.endswith(".csv") and isinstance(v, list) for k, v in document.items())
    ):
        return _read_tables(document, name)
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        objects, prefix = document["contents"], "contents"
    elif isinstance(document, list):
        objects, prefix = document, ""
    elif isinstance(document, dict):
        objects, prefix = [document], None
    else:
        objects, prefix = [], None
    others: list[str] = []
    for index, value in enumerate(objects):
        kind = _kind(value) if isinstance(value, dict) else None
        where = (f"{prefix}[{index}]" if prefix is not None else kind) or ""
        if kind is None:
            source.errors.append((name, where, "", _("A service must be a JSON object.")))
        elif kind == "service":
            _flatten_service(source, name, where, value)
        elif kind == "service_at_location":
            _flatten_service_at_location(source, name, where, value)
        elif kind == "organization":
            _flatten_organization(source, name, where, value)
        elif kind not in others:
            others.append(kind)
    if not source.tables["service"] and not source.errors:
        if others or source.tables["organization"]:
            what = ", ".join(_kind_words(k) for k in others or ["organization"])
            source.skipped.append(
                (
                    name,
                    "",
                    "",
                    _(
                        "The file holds %(what)s without services: buurtlog imports services "
                        "(initiatives), so there is nothing to import.",
                        what=what,
                    ),
                )
            )
        else:
            source.errors.append((name, "", "", _("No services found.")))
    return source


ORGANIZATION_FIELDS = {
    "services",
    "website",
    "tax_status",
    "tax_id",
    "year_incorporated",
    "legal_status",
    "parent_organization_id",
    "organization_identifiers",
    "programs",
}


def _kind_words(kind: str) -> str:
    """Name what else an HSDS JSON document holds, in the reader's language."""
    return {
        "organization": _("organizations"),
        "location": _("locations"),
        "taxonomy": _("taxonomies"),
        "taxonomy_term": _("taxonomy terms"),
    }.get(kind, _("other objects"))


def _kind(value: dict) -> str:
    """Tell which HSDS object a JSON object is: a service unless it says otherwise."""
    if isinstance(value.get("service"), dict) and isinstance(value.get("location"), dict):
        return "service_at_location"
    if "id" not in value:
        return "other"  # the API's base document, or no HSDS object at all
    if "status" not in value:
        if ORGANIZATION_FIELDS & value.keys():
            return "organization"
        for kind, marks in (
            ("location", "location_type"),
            ("taxonomy_term", "code"),
            ("taxonomy", "version"),
        ):
            if marks in value:
                return kind
    return "service"


def _read_tables(document: dict, name: str) -> Source:
    """Read the tables as JSON ({"services.csv": [rows]}, the specification's tabular.json)."""
    source = Source()
    tables = {path: table for table, (path, _columns) in TABLES.items()}
    for path, rows in document.items():
        if path in tables:
            source.tables[tables[path]].extend(
                Row(f"{name}: {path}", str(line), row)
                for line, row in enumerate(_objects(rows), start=1)
            )
    if not source.tables["service"]:
        source.errors.append((name, "", "", _("No services found.")))
    return source


def _objects(value: object) -> list[dict]:
    """Return the JSON objects of a list (anything else counts as none)."""
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _flat(values: dict) -> dict:
    """Keep the plain values of an object, leaving nested objects and lists out."""
    return {k: v for k, v in values.items() if not isinstance(v, (dict, list))}


def _flatten_attributes(source: Source, name: str, where: str, owner: dict, entity: str) -> None:
    """Add an object's attributes and their taxonomy terms (and taxonomies)."""
    for index, attribute in enumerate(_objects(owner.get("attributes"))):
        at = f"{where}.attributes[{index}]"
        values = {"link_id": owner.get("id"), "link_entity": entity, **_flat(attribute)}
        term = attribute.get("taxonomy_term")
        if isinstance(term, dict):
            values.setdefault("taxonomy_term_id", term.get("id"))
            taxonomy = term.get("taxonomy_detail")
            if isinstance(taxonomy, dict):
                source.tables["taxonomy"].append(
                    Row(name, f"{at}.taxonomy_term.taxonomy_detail", _flat(taxonomy))
                )
            source.tables["taxonomy_term"].append(Row(name, f"{at}.taxonomy_term", _flat(term)))
        source.tables["attribute"].append(Row(name, at, values))


def _flatten_organization(source: Source, name: str, where: str, organization: dict) -> None:
    """Add an organization and the services nested in it."""
    source.tables["organization"].append(Row(name, where, _flat(organization)))
    for index, service in enumerate(_objects(organization.get("services"))):
        _flatten_service(
            source, name, f"{where}.services[{index}]", service, organization.get("id")
        )


def _flatten_service_at_location(source: Source, name: str, where: str, sal: dict) -> None:
    """Add a service at a location: the service, the location, the link between them, and the
    opening times, phones and areas given for the service there."""
    service, location = sal["service"], sal["location"]
    sid = service.get("id")
    _flatten_service(source, name, f"{where}.service", service)
    source.tables["location"].append(Row(name, f"{where}.location", _flat(location)))
    _flatten_attributes(source, name, f"{where}.location", location, "location")
    source.tables["service_at_location"].append(
        Row(name, where, {**_flat(sal), "service_id": sid, "location_id": location.get("id")})
    )
    _flatten_children(source, name, where, sal, sid)


def _flatten_children(source: Source, name: str, where: str, owner: dict, sid: object) -> None:
    """Add the phones, schedules and service areas of an object, as the service's."""
    for key, table in (("phones", "phone"), ("schedules", "schedule")):
        for index, child in enumerate(_objects(owner.get(key))):
            source.tables[table].append(
                Row(name, f"{where}.{key}[{index}]", {**_flat(child), "service_id": sid})
            )
    for index, area in enumerate(_objects(owner.get("service_areas"))):
        at = f"{where}.service_areas[{index}]"
        source.tables["service_area"].append(Row(name, at, {**_flat(area), "service_id": sid}))
        _flatten_attributes(source, name, at, area, "service_area")


def _flatten_service(
    source: Source, name: str, where: str, service: dict, organization_id: object = None
) -> None:
    """Add one nested service object to the tables (organization_id: the one it sits in)."""
    values = _flat(service)
    organization = service.get("organization")
    if isinstance(organization, dict):
        values.setdefault("organization_id", organization.get("id"))
        source.tables["organization"].append(
            Row(name, f"{where}.organization", _flat(organization))
        )
    elif organization_id is not None:
        values.setdefault("organization_id", organization_id)
    source.tables["service"].append(Row(name, where, values))
    sid = service.get("id")
    _flatten_children(source, name, where, service, sid)
    for index, sal in enumerate(_objects(service.get("service_at_locations"))):
        at = f"{where}.service_at_locations[{index}]"
        location = sal.get("location")
        sal_values = {"service_id": sid, **_flat(sal)}
        if isinstance(location, dict):
            sal_values.setdefault("location_id", location.get("id"))
            source.tables["location"].append(Row(name, f"{at}.location", _flat(location)))
            _flatten_attributes(source, name, f"{at}.location", location, "location")
        source.tables["service_at_location"].append(Row(name, at, sal_values))
    _flatten_attributes(source, name, where, service, "service")
