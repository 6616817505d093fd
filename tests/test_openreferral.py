"""Open Referral HSDS: export (CSV zip and JSON), the round trip into an empty database, stable
ids on re-import, every invalid row reported with nothing imported, pages and command line."""

import csv
import io
import json
import os
import re
import uuid
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from buurtlog import create_app
from buurtlog.extensions import db as _db
from buurtlog.models import (
    Area,
    AuditEvent,
    Initiative,
    InitiativeSchedule,
    Place,
    Theme,
)
from buurtlog.openreferral import importer, reader, saving, services
from tests.conftest import amsterdam

FORMS = ("csv", "json")


@pytest.fixture
def empty_app(tmp_path):
    """Give the test a second app on an EMPTY database of its own, on the engine under test."""
    server_url = os.environ.get("TEST_DATABASE_URL")
    name = None
    if server_url:
        name = f"buurtlog_hsds_{uuid.uuid4().hex[:12]}"
        server = create_engine(server_url, isolation_level="AUTOCOMMIT")
        with server.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    else:
        url = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    other = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret-key",
            "SQLALCHEMY_DATABASE_URI": url,
            "WTF_CSRF_ENABLED": False,
        }
    )
    with other.app_context():
        _db.create_all()
    yield other
    with other.app_context():
        _db.session.remove()
        _db.engine.dispose()
    if name:
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()


@pytest.fixture
def register(db, make_team):
    """Make a small register: three public initiatives of every kind and one that is not."""
    gemeente = Area(code="GM9901", name="Havenstad", level="gemeente", year=2026)
    kanaal = Area(code="WK990101", name="Kanaalzone", level="wijk", parent=gemeente)
    weiden = Area(code="de-weiden", name="De Weiden", level="wijk", parent=gemeente)
    smaragd = Area(code="BU99010101", name="Smaragdplein", level="buurt", parent=kanaal)
    eenzaam = Theme(slug="eenzaamheid", name_nl="Eenzaamheid", name_en="Loneliness", position=1)
    armoede = Theme(
        slug="armoede-schulden", name_nl="Armoede & schulden", name_en="Poverty & debts", position=2
    )
    geweld = Theme(
        slug="huiselijk-geweld",
        name_nl="Huiselijk geweld",
        name_en="Domestic violence",
        sensitive=True,
        position=3,
    )
    huis = Place(name="Buurthuis De Kade", area=smaragd, kind="community_centre")
    team = make_team("Team Zuid", areas=[kanaal, weiden])
    db.session.add_all(
        [
            Initiative(
                name="Geheugenhuis",
                offer="Koffie en geheugentraining voor ouderen",
                audience="Ouderen met geheugenklachten en hun mantelzorgers",
                place=huis,
                schedule_text="Elke woensdagochtend",
                carried_by="residents",
                contact="geheugenhuis@example.org",
                url="https://geheugenhuis.example.org",
                status="active",
                last_checked_on=date(2026, 9, 1),
                team=team,
                areas=[kanaal],
                themes=[eenzaam],
                schedules=[InitiativeSchedule(weekday=2, opens_at=time(10), closes_at=time(12))],
            ),
            Initiative(
                name="Budgetmaatjes",
                offer="Een maatje dat helpt met de administratie",
                carried_by="organisation",
                organisation="Humanitas",
                contact="030-1234567",
                status="paused",
                team=team,
                areas=[kanaal, weiden],
                themes=[armoede, geweld],
                schedules=[
                    InitiativeSchedule(weekday=0, opens_at=time(19), every_weeks=2),
                    InitiativeSchedule(weekday=3, opens_at=time(9, 30), closes_at=time(11, 45)),
                ],
            ),
            Initiative(
                name="Taalcafé",
                offer="Samen Nederlands oefenen",
                carried_by="residents",
                organisation="Stichting Taal Samen",
                contact="via het wijkcentrum",
                schedule_text="Om de week, zie het prikbord",
                status="ended",
                team=team,
                areas=[weiden],
            ),
            Initiative(
                name="Stille opvang", offer="Niet openbaar", public=False, team=team, areas=[kanaal]
            ),
        ]
    )
    db.session.commit()
    return team


def snapshot() -> dict[str, dict]:
    """Return every field of the public register by HSDS id, as plain values."""

    def area(a):
        return None if a is None else (a.code, a.name, a.level, area(a.parent))

    return {
        i.hsds_id: {
            "name": i.name,
            "offer": i.offer,
            "audience": i.audience,
            "schedule_text": i.schedule_text,
            "carried_by": i.carried_by,
            "organisation": i.organisation,
            "contact": i.contact,
            "url": i.url,
            "status": i.status,
            "public": i.public,
            "last_checked_on": i.last_checked_on,
            "place": (i.place.name, area(i.place.area)) if i.place else None,
            "areas": sorted(area(a) for a in i.areas),
            "themes": sorted((t.slug, t.name_nl, t.name_en, t.sensitive) for t in i.themes),
            "schedules": sorted(
                (s.weekday, s.opens_at, s.closes_at, s.every_weeks) for s in i.schedules
            ),
        }
        for i in _db.session.scalars(select(Initiative).where(Initiative.public))
    }


def export(fmt: str) -> bytes:
    """Export the register in one of the two forms."""
    return services.export(fmt)[0]


def read(fmt: str, data: bytes) -> reader.Source:
    """Read an export back."""
    return reader.read_zip(data) if fmt == "csv" else reader.read_json(data)


def import_data(fmt: str, data: bytes) -> saving.Result:
    """Check and import an export."""
    return saving.apply(importer.check(read(fmt, data), may_create=True))  # as an admin


def unzip(data: bytes) -> dict[str, str]:
    """Return the files of a zip as text."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n).decode("utf-8") for n in archive.namelist()}


def rezip(files: dict[str, str]) -> bytes:
    """Zip text files again."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def edit_csv(files: dict[str, str], path: str, line: int, **values) -> None:
    """Change cells of one data line (line 2 is the first under the header) of a CSV file."""
    rows = list(csv.DictReader(io.StringIO(files[path])))
    rows[line - 2].update(values)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    files[path] = out.getvalue()


def line_of(files: dict[str, str], name: str, column: str, value: str) -> int:
    """Return the line number of the first row of a CSV file with this value."""
    rows = list(csv.DictReader(io.StringIO(files[name])))
    return next(n for n, r in enumerate(rows, start=2) if r[column] == value)


# The export


def test_csv_export_is_a_data_package_of_hsds_tables(db, register):
    """Write organizations, services, locations, schedules and more, described by a package."""
    files = unzip(export("csv"))
    package = json.loads(files["datapackage.json"])
    assert package["profile"] == "tabular-data-package"
    paths = {r["name"]: r["path"] for r in package["resources"]}
    for table in (
        "organization",
        "service",
        "location",
        "service_at_location",
        "schedule",
        "service_area",
        "taxonomy",
        "taxonomy_term",
        "attribute",
        "phone",
    ):
        assert paths[table] in files
    services_rows = list(csv.DictReader(io.StringIO(files["services.csv"])))
    by_name = {r["name"]: r for r in services_rows}
    assert set(by_name) == {"Geheugenhuis", "Budgetmaatjes", "Taalcafé"}
    geheugen = by_name["Geheugenhuis"]
    assert (
        geheugen["status"],
        geheugen["email"],
        geheugen["assured_date"],
        geheugen["eligibility_description"],
    ) == (
        "active",
        "geheugenhuis@example.org",
        "2026-09-01",
        "Ouderen met geheugenklachten en hun mantelzorgers",
    )
    assert by_name["Budgetmaatjes"]["status"] == "temporarily closed"
    assert by_name["Taalcafé"]["application_process"] == "via het wijkcentrum"
    schedules = list(csv.DictReader(io.StringIO(files["schedules.csv"])))
    wednesday = next(r for r in schedules if r["service_id"] == geheugen["id"])
    assert (wednesday["freq"], wednesday["interval"], wednesday["byday"]) == ("WEEKLY", "1", "WE")
    assert list(schedules[0]) == list(services.TABLES["schedule"][1])
    organizations = {r["name"] for r in csv.DictReader(io.StringIO(files["organizations.csv"]))}
    assert organizations == {"Geheugenhuis", "Humanitas", "Stichting Taal Samen"}
    phones = list(csv.DictReader(io.StringIO(files["phones.csv"])))
    assert [p["number"] for p in phones] == ["030-1234567"]


@pytest.mark.parametrize("fmt", FORMS)
def test_export_holds_only_public_data(db, register, fmt):
    """Leave out initiatives that are not public, teams and anything about workers."""
    data = (
        export(fmt).decode("utf-8", "replace")
        if fmt == "json"
        else "".join(unzip(export(fmt)).values())
    )
    assert "Stille opvang" not in data and "Niet openbaar" not in data
    assert "Team Zuid" not in data
    assert "team" not in data.lower().replace("mantelzorgers", "")


@pytest.mark.parametrize("fmt", FORMS)
def test_export_is_audited(db, register, fmt):
    """Put every export in the audit log."""
    export(fmt)
    event = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "openreferral.exported")
    ).one()
    assert event.details == {"format": fmt, "services": 3}


# The round trip


@pytest.mark.parametrize("fmt", FORMS)
def test_round_trip_into_an_empty_database(db, register, empty_app, fmt):
    """Export, import into an empty database: the same register, field by field."""
    data, before = export(fmt), snapshot()
    with empty_app.app_context():
        assert _db.session.scalar(select(func.count()).select_from(Initiative)) == 0
        result = import_data(fmt, data)
        assert result.errors == []
        assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
        assert snapshot() == before
        ids = dict(_db.session.execute(select(Initiative.hsds_id, Initiative.id)).all())
        again = import_data(fmt, data)
        assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
        assert dict(_db.session.execute(select(Initiative.hsds_id, Initiative.id)).all()) == ids
        assert snapshot() == before
        assert _db.session.scalar(select(func.count()).select_from(Area)) == 4
        assert _db.session.scalar(select(func.count()).select_from(Place)) == 1


@pytest.mark.parametrize("fmt", FORMS)
def test_reimport_into_the_same_database_changes_nothing(db, register, fmt):
    """Import the register's own export: every initiative unchanged, nothing added."""
    before = snapshot()
    result = import_data(fmt, export(fmt))
    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)
    assert snapshot() == before
    assert db.session.scalar(select(func.count()).select_from(Initiative)) == 4


def test_changed_file_updates_by_hsds_id(db, register, empty_app):
    """Update an initiative by its HSDS id and keep its id when the file changes."""
    files = unzip(export("csv"))
    with empty_app.app_context():
        import_data("csv", rezip(files))
        geheugen = _db.session.scalar(select(Initiative).where(Initiative.name == "Geheugenhuis"))
        line = line_of(files, "services.csv", "name", "Geheugenhuis")
        edit_csv(files, "services.csv", line, name="Het Geheugenhuis", status="inactive")
        result = import_data("csv", rezip(files))
        assert (result.created, result.updated, result.unchanged) == (0, 1, 2)
        _db.session.expire_all()
        assert (geheugen.name, geheugen.status) == ("Het Geheugenhuis", "ended")


# Invalid rows: every one reported, nothing imported


def test_every_invalid_csv_row_is_reported_and_nothing_imported(db, register, empty_app):
    """Name file, line and field of each invalid row; import nothing at all."""
    files = unzip(export("csv"))
    taal = line_of(files, "services.csv", "name", "Taalcafé")
    geheugen = line_of(files, "services.csv", "name", "Geheugenhuis")
    edit_csv(files, "services.csv", taal, status="open")
    edit_csv(files, "services.csv", geheugen, name="", url="ftp://nergens")
    schedule = line_of(files, "schedules.csv", "byday", "WE")
    edit_csv(files, "schedules.csv", schedule, byday="XX", opens_at="25:00")
    with empty_app.app_context(), empty_app.test_request_context(headers={"Accept-Language": "en"}):
        result = import_data("csv", rezip(files))
        found = {(f, r, c) for f, r, c, _m in result.errors}
        assert found == {
            ("services.csv", str(taal), "status"),
            ("services.csv", str(geheugen), "name"),
            ("services.csv", str(geheugen), "url"),
            ("schedules.csv", str(schedule), "byday"),
            ("schedules.csv", str(schedule), "opens_at"),
        }
        messages = {c: m for _f, _r, c, m in result.errors}
        assert messages["status"].startswith("Choose one of: active")
        assert messages["opens_at"] == "A time as HH:MM, with its offset: 13:00+01:00."
        for model in (Initiative, Area, Theme, Place):
            assert _db.session.scalar(select(func.count()).select_from(model)) == 0
        assert _db.session.scalars(select(AuditEvent)).all() == []


def test_errors_are_translated(db, register, empty_app):
    """Report problems in Dutch for a Dutch reader."""
    files = unzip(export("csv"))
    edit_csv(files, "services.csv", 2, status="open")
    with empty_app.app_context(), empty_app.test_request_context(headers={"Accept-Language": "nl"}):
        (error,) = import_data("csv", rezip(files)).errors
        assert error[3].startswith("Kies een van")


def test_invalid_json_rows_are_named_by_their_place(db, register, empty_app):
    """Name the place of each invalid object in a JSON file; import nothing."""
    document = json.loads(export("json"))
    document["contents"][1]["schedules"][0]["opens_at"] = "nine"
    document["contents"][2]["status"] = "gone"
    with empty_app.app_context():
        result = import_data("json", json.dumps(document).encode())
        assert {(r, c) for _f, r, c, _m in result.errors} == {
            ("contents[1].schedules[0]", "opens_at"),
            ("contents[2]", "status"),
        }
        assert _db.session.scalar(select(func.count()).select_from(Initiative)) == 0


@pytest.mark.parametrize(
    "fmt, data", [("csv", b"not a zip"), ("json", b"{not json"), ("json", b'{"contents": []}')]
)
def test_unreadable_files_are_reported(app, fmt, data):
    """Report an unreadable file as a problem, never a crash."""
    result = import_data(fmt, data)
    assert len(result.errors) == 1 and result.created == 0


def test_reference_to_a_missing_row_is_reported(db, register, empty_app):
    """Refuse a schedule of a service that is not in the file; import a service whose
    organization is not in it without one, and say so."""
    files = unzip(export("csv"))
    schedule = line_of(files, "schedules.csv", "byday", "WE")
    edit_csv(files, "schedules.csv", schedule, service_id="nope")
    with empty_app.app_context():
        (error,) = import_data("csv", rezip(files)).errors
        assert error[:3] == ("schedules.csv", str(schedule), "service_id")
    files = unzip(export("csv"))
    line = line_of(files, "services.csv", "name", "Budgetmaatjes")
    edit_csv(files, "services.csv", line, organization_id="nope")
    with empty_app.app_context():
        result = import_data("csv", rezip(files))
        assert result.errors == [] and result.created == 3
        assert [s[:3] for s in result.skipped] == [("services.csv", str(line), "organization_id")]
        budget = _db.session.scalar(select(Initiative).where(Initiative.name == "Budgetmaatjes"))
        assert budget.organisation is None


# Pages and command line


def test_only_coordinators_and_admins_exchange(client, auth, make_user, register):
    """Refuse workers; let coordinators download both forms."""
    auth.login_as(make_user("worker", team=register))
    assert client.get("/openreferral/").status_code == 403
    assert client.get("/openreferral/export/csv").status_code == 403
    auth.login_as(make_user("coordinator", team=register))
    response = client.get("/openreferral/export/csv")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    assert "datapackage.json" in unzip(response.data)
    response = client.get("/openreferral/export/json")
    assert response.json["total_items"] == 3
    assert client.get("/openreferral/export/xml").status_code == 404


def test_upload_reports_rows_then_imports(db, client, auth, make_user, register):
    """Show the invalid rows of an upload; import a valid upload and audit it."""
    auth.login_as(make_user("coordinator", team=register))
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    files = unzip(export("csv"))
    edit_csv(files, "services.csv", 3, status="open")
    response = client.post(
        "/openreferral/import",
        data={"file": (io.BytesIO(rezip(files)), "kaart.zip")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "services.csv · row 3 · status" in page and "nothing was imported" in page
    document = json.loads(export("json"))
    document["contents"][0]["name"] = "Nieuwe naam"
    response = client.post(
        "/openreferral/import",
        data={"file": (io.BytesIO(json.dumps(document).encode()), "kaart.json")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    assert (
        db.session.scalar(
            select(func.count()).select_from(Initiative).where(Initiative.name == "Nieuwe naam")
        )
        == 1
    )
    event = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "openreferral.imported")
    ).one()
    assert event.details["updated"] == 1


def test_only_an_admins_import_adds_themes_and_areas(db, client, auth, make_user, register):
    """Refuse a coordinator's file that describes a new theme or area, line by line, and
    import nothing; import the same file for an admin, who manages themes and areas."""
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    files = unzip(export("csv"))
    terms = next(name for name in files if "taxonomy_term" in name)
    theme_line = line_of(files, terms, "code", "huiselijk-geweld")
    edit_csv(files, terms, theme_line, code="nieuw-gevoelig")
    area_line = line_of(files, terms, "code", "de-weiden")
    edit_csv(files, terms, area_line, code="WK990199")
    upload = rezip(files)

    def post():
        """Upload the changed file."""
        return client.post(
            "/openreferral/import",
            data={"file": (io.BytesIO(upload), "kaart.zip")},
            content_type="multipart/form-data",
        )

    auth.login_as(make_user("coordinator", team=register))
    response = post()
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Unknown theme nieuw-gevoelig: only an admin may add themes." in page
    assert "Unknown area WK990199: only an admin may add areas." in page
    assert f"row {theme_line} · code" in page and f"row {area_line} · code" in page
    assert db.session.scalar(select(Theme).where(Theme.slug == "nieuw-gevoelig")) is None
    assert db.session.scalar(select(Area).where(Area.code == "WK990199")) is None
    auth.login_as(make_user("admin"))
    assert post().status_code == 302
    db.session.expire_all()
    assert db.session.scalar(select(Theme).where(Theme.slug == "nieuw-gevoelig")).sensitive
    assert db.session.scalar(select(Area).where(Area.code == "WK990199")) is not None


def test_command_line_round_trip(db, runner, register, tmp_path):
    """Export with `flask openreferral export` and import it back with `import`."""
    for fmt, name in (("csv", "kaart.zip"), ("json", "kaart.json")):
        path = tmp_path / name
        result = runner.invoke(args=["openreferral", "export", "--format", fmt, str(path)])
        assert result.exit_code == 0, result.output
        result = runner.invoke(args=["openreferral", "import", str(path)])
        assert result.exit_code == 0, result.output
        assert "0 created, 0 updated, 3 unchanged" in result.output
    files = unzip((tmp_path / "kaart.zip").read_bytes())
    edit_csv(files, "services.csv", 2, status="open")
    (tmp_path / "bad.zip").write_bytes(rezip(files))
    result = runner.invoke(args=["openreferral", "import", str(tmp_path / "bad.zip")])
    assert result.exit_code == 1
    assert "services.csv, row 2, status" in result.output


HSDS = Path(__file__).resolve().parents[1].parent / "shared" / "standards" / "hsds-3.1-dev"


def test_the_json_export_passes_the_official_hsds_schemas(db, register):
    """Validate every exported service against HSDS 3.1's own service.json: no nulls."""
    import jsonschema_rs  # schemathesis's validator, in the test lock

    schema = {
        **json.loads((HSDS / "service.json").read_text()),
        "$id": (HSDS / "service.json").as_uri(),
    }
    validator = jsonschema_rs.validator_for(
        schema, retriever=lambda uri: json.loads(Path(uri.removeprefix("file://")).read_text())
    )
    services_out = json.loads(export("json"))["contents"]
    assert len(services_out) >= 2
    errors = [e.message for s in services_out for e in validator.iter_errors(s)]
    assert errors == []


# Opening times: local time, written with the offset of its season


@pytest.mark.parametrize("fmt", FORMS)
@pytest.mark.parametrize(
    "moment, seasons",
    [
        ("2026-12-03T10:00", [("2026-10-25", "2027-03-27", 1), ("2027-03-28", "2027-10-30", 2)]),
        ("2027-03-28T10:00", [("2027-03-28", "2027-10-30", 2), ("2027-10-31", "2028-03-25", 1)]),
        ("2026-10-24T23:30", [("2026-03-29", "2026-10-24", 2), ("2026-10-25", "2027-03-27", 1)]),
    ],
)
def test_times_go_out_with_the_offset_of_each_season(db, register, clock, fmt, moment, seasons):
    """Wednesday 10:00-12:00 in Amsterdam is 10:00+01:00 in winter and 10:00+02:00 in summer:
    one row for this season and one for the next, each with its dates and offset in hours."""
    clock.move_to(amsterdam(moment), tick=False)
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(unzip(export("csv"))["schedules.csv"])))
    else:
        rows = [
            {k: str(v) for k, v in r.items()}
            for s in json.loads(export("json"))["contents"]
            for r in s["schedules"]
            if "byday" in r
        ]
    wednesday = [
        (r["valid_from"], r["valid_to"], int(r["timezone"]), r["opens_at"], r["closes_at"])
        for r in rows
        if r["byday"] == "WE"
    ]
    assert wednesday == [
        (start, end, hours, f"10:00+0{hours}:00", f"12:00+0{hours}:00")
        for start, end, hours in seasons
    ]
    monday = [
        (r["opens_at"], r.get("closes_at") or None, r["interval"])
        for r in rows
        if r["byday"] == "MO"
    ]
    assert monday == [(f"19:00+0{hours}:00", None, "2") for _s, _e, hours in seasons]


@pytest.mark.parametrize("fmt", FORMS)
def test_a_summer_export_reads_back_in_winter(db, register, empty_app, clock, fmt):
    """An export made in July, imported in December, gives the same local slots once each."""
    clock.move_to(amsterdam("2026-07-01T10:00"), tick=False)
    data, before = export(fmt), snapshot()
    clock.move_to(amsterdam("2026-12-03T10:00"), tick=False)
    with empty_app.app_context():
        assert import_data(fmt, data).errors == []
        assert snapshot() == before


@pytest.mark.parametrize(
    "value, hours, slot",
    [
        ("10:00Z", None, ("WE", time(11))),  # UTC, read on a winter day
        ("10:00:00+00:00", None, ("WE", time(11))),
        ("09:00-05:00", None, ("WE", time(15))),  # the spec's own example, 9 am EST
        ("23:30Z", None, ("TH", time(0, 30))),  # past midnight here: the next day
        ("10:00", 0, ("WE", time(11))),  # no offset in the time: the row's timezone
        ("10:00", None, ("WE", time(10))),  # neither: local time, as older files have it
    ],
)
def test_imported_times_become_local(db, register, empty_app, clock, value, hours, slot):
    """Read a time with its offset (or the row's timezone) as the moment it names."""
    clock.move_to(amsterdam("2026-12-03T10:00"), tick=False)
    files = unzip(export("csv"))
    rows = list(csv.DictReader(io.StringIO(files["schedules.csv"])))
    keep = [r for r in rows if r["byday"] != "WE"]
    wednesday = next(r for r in rows if r["byday"] == "WE")
    keep.append(
        dict(
            wednesday,
            valid_from="",
            valid_to="",
            opens_at=value,
            closes_at="",
            timezone="" if hours is None else str(hours),
        )
    )
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(keep)
    files["schedules.csv"] = text.getvalue()
    with empty_app.app_context():
        assert import_data("csv", rezip(files)).errors == []
        geheugen = _db.session.scalar(select(Initiative).where(Initiative.name == "Geheugenhuis"))
        assert [(services.DAYS[s.weekday], s.opens_at) for s in geheugen.schedules] == [slot]


# The CSV zip against HSDS's own tabular descriptor


def table_schema_errors(files: dict[str, str], package: dict) -> list[str]:
    """Check CSV files against a tabular data package as Frictionless reads one: every file
    there with the descriptor's columns in its order, every cell of its type, format and
    constraints, primary keys unique and foreign keys resolved."""

    def valid(value: str, spec: dict) -> bool:
        kind, fmt = spec["type"], spec.get("format", "default")
        try:
            if kind == "number":
                float(value)
            elif kind == "date":
                date.fromisoformat(value)
            elif kind == "time":
                time.fromisoformat(value)
            elif kind == "datetime":
                datetime.fromisoformat(value)
            elif fmt == "uuid":
                uuid.UUID(value)
            elif fmt == "email":
                return re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value) is not None
            elif fmt == "uri":
                return re.fullmatch(r"[a-z][a-z0-9+.-]*:\S+", value) is not None
        except ValueError:
            return False
        return value in spec.get("constraints", {}).get("enum", [value])

    errors, rows = [], {}
    for resource in package["resources"]:
        name, path, schema = resource["name"], resource["path"], resource["schema"]
        if path not in files:
            errors.append(f"{path}: missing")
            continue
        reader = csv.DictReader(io.StringIO(files[path]))
        if reader.fieldnames != [f["name"] for f in schema["fields"]]:
            errors.append(f"{path}: columns {reader.fieldnames}")
        rows[name] = list(reader)
        for line, row in enumerate(rows[name], start=2):
            for spec in schema["fields"]:
                value, rules = row.get(spec["name"]) or "", spec.get("constraints", {})
                if not value and rules.get("required"):
                    errors.append(f"{path}:{line} {spec['name']} required")
                elif value and not valid(value, spec):
                    errors.append(f"{path}:{line} {spec['name']} {value!r} not {spec['type']}")
        keys = [r[schema["primaryKey"]] for r in rows[name]]
        if len(keys) != len(set(keys)):
            errors.append(f"{path}: primary key not unique")
    for resource in package["resources"]:
        for key in resource["schema"].get("foreignKeys", []):
            target = key["reference"]
            known = {r[target["fields"]] for r in rows.get(target["resource"], [])}
            errors += [
                f"{resource['path']}: {key['fields']} {r[key['fields']]} unknown"
                for r in rows.get(resource["name"], [])
                if r.get(key["fields"]) and r[key["fields"]] not in known
            ]
    return errors


def test_the_checker_reads_the_specifications_own_csv_example():
    """The checker takes every cell of HSDS's own example CSV files (times, datetimes, UUIDs,
    URIs, e-mail addresses), so it reads the descriptor's types right, and catches a bad one.
    (The example itself has three files with columns in another order and a few ids that point
    nowhere; the checker reports those too, and the export below has neither.)"""
    folder = HSDS / "examples" / "csv"
    files = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.csv")}
    package = json.loads((folder / "datapackage.json").read_text())

    def cell_errors() -> list[str]:
        return [e for e in table_schema_errors(files, package) if " not " in e or "required" in e]

    assert cell_errors() == []
    files["schedules.csv"] = files["schedules.csv"].replace("10:00:00", "ten o'clock")
    assert cell_errors() == ['schedules.csv:2 opens_at "ten o\'clock" not time']


@pytest.mark.parametrize("moment", ["2026-12-03T10:00", "2027-07-01T10:00"])
def test_the_csv_export_passes_the_official_descriptor(db, register, clock, moment):
    """Write HSDS's own datapackage.json and every table it describes, each cell valid for
    its column: opening times with their offset read as times, ids as UUIDs."""
    clock.move_to(amsterdam(moment), tick=False)
    files = unzip(export("csv"))
    official = json.loads((HSDS / "datapackage.json").read_text())
    assert json.loads(files["datapackage.json"]) == official
    assert table_schema_errors(files, official) == []
    schedules = list(csv.DictReader(io.StringIO(files["schedules.csv"])))
    assert {time.fromisoformat(r["opens_at"]).utcoffset() for r in schedules if r["opens_at"]} == {
        timedelta(hours=1),
        timedelta(hours=2),
    }


# Other publishers' files: every example of the specification

EXAMPLES = HSDS / "examples"
# Each with the parts it holds that are left out: its location (by a UPRN) and its service
# area (described in words); the lists give the service without its opening times.
WITH_SERVICES = {
    "organization_full.json": {"external_identifier", "name"},
    "service_at_location_full.json": {"external_identifier", "name"},
    "service_at_location_list.json": {"external_identifier"},
    "service_full.json": {"external_identifier", "name"},
    "service_list.json": set(),
    "tabular.json": {"external_identifier", "name"},
    "csv": {"external_identifier", "name"},
}
WITHOUT_SERVICES = [
    "base.json",
    "location.json",
    "organization_list.json",
    "taxonomy.json",
    "taxonomy_list.json",
    "taxonomy_term.json",
    "taxonomy_term_list.json",
]


def read_example(name: str) -> reader.Source:
    """Read one of the specification's example files (or its folder of CSV files)."""
    path = EXAMPLES / name
    return reader.read_folder(path) if path.is_dir() else reader.read_json(path.read_bytes(), name)


def test_the_examples_are_all_here():
    """Hold the lists below to the specification's folder: a new example gets a test."""
    assert sorted([*WITH_SERVICES, *WITHOUT_SERVICES]) == sorted(
        p.name for p in EXAMPLES.iterdir() if p.suffix == ".json" or p.is_dir()
    )


@pytest.mark.parametrize("admin", [True, False], ids=["admin", "coordinator"])
@pytest.mark.parametrize("name", WITH_SERVICES)
def test_every_example_with_a_service_imports(db, empty_app, name, admin):
    """Import the example's service, with its organisation and weekly opening times; leave
    out its place (a UPRN is no area code) and its service area (no area here), and say so."""
    with empty_app.app_context():
        result = saving.apply(importer.check(read_example(name), may_create=admin))
        assert (result.errors, result.created) == ([], 1)
        counselling = _db.session.scalar(select(Initiative))
        assert (counselling.name, counselling.status) == ("Community Counselling", "active")
        assert counselling.organisation and counselling.place is None
        slots = sorted((s.weekday, s.opens_at, s.closes_at) for s in counselling.schedules)
        if "list" not in name:  # "TH,FR" 10:00-18:00 at UTC+3 is 08:00-16:00 here in winter
            assert slots == [(3, time(8), time(16)), (4, time(8), time(16))]
        assert {column for _f, _r, column, _m in result.skipped} == WITH_SERVICES[name]
        if "external_identifier" in WITH_SERVICES[name]:
            assert any("UPRN 10092008082" in m for *_w, m in result.skipped)


@pytest.mark.parametrize("name", WITHOUT_SERVICES)
def test_every_example_without_a_service_says_what_it_holds(db, empty_app, name):
    """A file of organizations, locations or taxonomies imports nothing, and says why."""
    with empty_app.app_context(), empty_app.test_request_context(headers={"Accept-Language": "en"}):
        result = saving.apply(importer.check(read_example(name), may_create=True))
        assert (result.errors, result.created, len(result.skipped)) == ([], 0, 1)
        assert "without services" in result.skipped[0][3]


def test_a_minimal_service_and_a_monthly_schedule(db, empty_app):
    """Take a service with only the fields HSDS requires; leave a monthly schedule out and
    keep the weekly one beside it."""
    document = {
        "id": "s1",
        "name": "Repair Café",
        "status": "active",
        "schedules": [
            {
                "id": "a",
                "freq": "MONTHLY",
                "bymonthday": "1",
                "opens_at": "10:00",
                "description": "Elke eerste zaterdag",
            },
            {
                "id": "b",
                "freq": "WEEKLY",
                "byday": "WE",
                "opens_at": "10:00+01:00",
                "valid_from": "2026-11-01",
            },
        ],
    }
    with empty_app.app_context():
        result = import_data("json", json.dumps(document).encode())
        assert (result.errors, result.created) == ([], 1)
        assert [s[1:3] for s in result.skipped] == [("service.schedules[0]", "freq")]
        cafe = _db.session.scalar(select(Initiative))
        assert (cafe.name, cafe.offer, cafe.schedule_text) == (
            "Repair Café",
            "",
            "Elke eerste zaterdag",
        )
        assert [(s.weekday, s.opens_at) for s in cafe.schedules] == [(2, time(10))]


def test_a_location_is_an_area_only_by_an_area_code(db, register, empty_app):
    """Read a location's external_identifier as an area only when it is one: the same code
    typed as a UPRN leaves the place out."""
    files = unzip(export("csv"))
    for attribute in list(csv.DictReader(io.StringIO(files["attributes.csv"]))):
        if attribute["link_entity"] == "location":
            line = line_of(files, "attributes.csv", "id", attribute["id"])
            edit_csv(files, "attributes.csv", line, link_type="other")
    edit_csv(files, "locations.csv", 2, external_identifier_type="UPRN")
    with empty_app.app_context():
        result = import_data("csv", rezip(files))
        assert result.errors == []
        assert [s[:3] for s in result.skipped] == [("locations.csv", "2", "external_identifier")]
        assert _db.session.scalar(select(func.count()).select_from(Place)) == 0


def test_the_page_lists_what_was_left_out(client, auth, make_user, empty_app, db):
    """After an import, the coordinator sees what was imported and each part left out."""
    auth.login_as(make_user("coordinator"))
    data = (EXAMPLES / "service_full.json").read_bytes()
    response = client.post(
        "/openreferral/import",
        data={"file": (io.BytesIO(data), "service_full.json")},
        headers={"Accept-Language": "en"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Imported: 1 new" in html and "2 parts of the file were left out" in html
    assert "UPRN 10092008082" in html
