"""Importing CBS-style areas: validated as a whole, all or nothing, idempotent."""

from io import BytesIO
from pathlib import Path

import pytest
from sqlalchemy import func, select

from buurtlog.models import Area

GOOD = """code,name,parent_code,year
GM0344,Utrecht,,2024
WK034401,West,GM0344,2024
BU03440101,Lombok,WK034401,2024
WK034402,Zuidwest,GM0344,2024
BU03440201,Kanaleneiland-Noord,WK034402,2024
westkwartier,Westkwartier,GM0344,2024
westkwartier-oost,Westkwartier-Oost,westkwartier,2024
"""


def _import(runner, tmp_path, text, name="areas.csv"):
    """Write a CSV file and run `flask areas import` on it."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return runner.invoke(args=["areas", "import", str(path)])


def _count(db):
    """Count the areas in the database."""
    return db.session.scalar(select(func.count()).select_from(Area))


def test_import_builds_the_hierarchy(runner, db, tmp_path):
    """Import gemeente, wijken and buurten with their levels and parents."""
    result = _import(runner, tmp_path, GOOD)
    assert result.exit_code == 0, result.output
    assert "7 created" in result.output
    lombok = db.session.scalar(select(Area).where(Area.code == "BU03440101"))
    assert (lombok.level, lombok.parent.code, lombok.wijk.code, lombok.year) == (
        "buurt",
        "WK034401",
        "WK034401",
        2024,
    )
    slug = db.session.scalar(select(Area).where(Area.code == "westkwartier-oost"))
    assert (slug.level, slug.parent.level) == ("buurt", "wijk")


def test_reimporting_the_same_file_changes_nothing(runner, db, tmp_path):
    """Leave everything as it was when the same file comes again."""
    _import(runner, tmp_path, GOOD)
    result = _import(runner, tmp_path, GOOD)
    assert result.exit_code == 0
    assert "0 created, 0 updated, 7 unchanged" in result.output
    assert _count(db) == 7


def test_a_changed_name_is_updated(runner, db, tmp_path):
    """Update an area whose name changed in a newer file."""
    _import(runner, tmp_path, GOOD)
    result = _import(runner, tmp_path, GOOD.replace("Lombok", "Lombok-Oost"))
    assert "0 created, 1 updated, 6 unchanged" in result.output


def test_every_bad_line_is_reported_and_nothing_imported(runner, db, tmp_path):
    """Report each bad line with its number and import none of the good ones."""
    bad = """code,name,parent_code,year
GM0344,Utrecht,,2024
WK03440,Too short,GM0344,2024
WK034401,,GM0344,2024
BU03440101,Orphan,WK999999,2024
GM0344,Utrecht again,,2024
Not A Slug,Bad,GM0344,2024
BU03440102,Buurt in gemeente,GM0344,2024
WK034403,Year,GM0344,twenty
WK034404,Fine,GM0344,2024
"""
    result = _import(runner, tmp_path, bad)
    assert result.exit_code != 0
    reported = [line for line in result.output.splitlines() if line.startswith("line ")]
    assert [int(line.split()[1].rstrip(":")) for line in reported] == [3, 4, 5, 6, 7, 8, 9]
    assert "nothing was imported" in result.output
    assert _count(db) == 0


def test_missing_columns_are_reported(runner, db, tmp_path):
    """Refuse a file without the required columns, naming them and the accepted headers."""
    result = _import(runner, tmp_path, "code,title\nGM0344,Utrecht\n")
    assert result.exit_code != 0 and "Missing columns: name." in result.output
    assert "code, naam, bovenliggend, jaar" in result.output and _count(db) == 0


def test_parent_and_year_columns_may_be_left_out(runner, db, tmp_path):
    """Import a file of codes and names: CBS codes name their parents."""
    result = _import(runner, tmp_path, "code,name\nGM0344,Utrecht\nWK034401,West\n")
    assert result.exit_code == 0, result.output
    west = db.session.scalar(select(Area).where(Area.code == "WK034401"))
    assert (west.parent.code, west.year) == ("GM0344", None)


def test_parent_loops_are_refused(runner, db, tmp_path):
    """Refuse slugs that are each other's parent."""
    result = _import(runner, tmp_path, "code,name,parent_code,year\na,A,b,\nb,B,a,\n")
    assert result.exit_code != 0
    assert result.output.count("loop") == 2 and _count(db) == 0


def test_parents_may_already_be_in_the_database(runner, db, tmp_path):
    """Accept a parent imported earlier."""
    _import(runner, tmp_path, "code,name,parent_code,year\nGM0344,Utrecht,,2024\n")
    result = _import(runner, tmp_path, "code,name,parent_code,year\nWK034401,West,GM0344,\n")
    assert result.exit_code == 0 and _count(db) == 2


def test_large_files_show_progress(runner, db, tmp_path):
    """Show a progress bar for a large file and import it whole."""
    lines = ["code,name,parent_code,year", "GM0344,Utrecht,,2024"]
    lines += [f"WK0344{w:02d},Wijk {w},GM0344,2024" for w in range(1, 13)]
    lines += [
        f"BU0344{w:02d}{b:02d},Buurt {w}-{b},WK0344{w:02d},2024"
        for w in range(1, 13)
        for b in range(100)
    ]
    result = _import(runner, tmp_path, "\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    assert "Importing areas" in result.output
    assert _count(db) == 1213


def test_admin_imports_a_file_in_the_browser(client, auth, make_user, db):
    """Let an admin upload the same CSV, with the same all-or-nothing rules."""
    from io import BytesIO

    auth.login_as(make_user("admin"))
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    bad = GOOD + "BU03449999,Orphan,WK000000,2024\n"
    response = client.post(
        "/admin/areas",
        data={"file": (BytesIO(bad.encode()), "a.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert "Line 9: Parent WK000000 is not in the file or the database." in response.get_data(
        as_text=True
    )
    assert _count(db) == 0
    response = client.post(
        "/admin/areas",
        data={"file": (BytesIO(GOOD.encode()), "a.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302 and _count(db) == 7


CBS = Path(__file__).resolve().parents[1].parent / "shared" / "standards" / "cbs"
CBS_FILES = sorted(CBS.glob("*.csv"))


def _snapshot(db):
    """Return every area as (code, name, level, parent code, year, in use)."""
    return sorted(
        (a.code, a.name, a.level, a.parent.code if a.parent else None, a.year, a.active)
        for a in db.session.scalars(select(Area))
    )


def _import_bytes(runner, tmp_path, data, *args):
    """Write raw bytes to a file and run `flask areas import` on it."""
    path = tmp_path / "areas.csv"
    path.write_bytes(data)
    return runner.invoke(args=["areas", "import", str(path), *args])


def test_the_cbs_files_are_all_there():
    """Hold the tests below to the seven CBS files of the shared standards."""
    assert len(CBS_FILES) == 7


@pytest.mark.parametrize("path", CBS_FILES, ids=lambda p: p.name)
def test_every_cbs_file_imports_to_the_same_areas(runner, db, tmp_path, path):
    """Import each form of the CBS 2024 file (Excel, Windows-1252, BOM, Dutch headers, padded)."""
    result = runner.invoke(args=["areas", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "177 created, 0 updated, 0 unchanged" in result.output
    areas = _snapshot(db)
    levels = [a[2] for a in areas]
    assert [levels.count(lv) for lv in ("gemeente", "wijk", "buurt")] == [3, 31, 143]
    names = {a[0]: a[1] for a in areas}
    assert names["BU03441014"] == "Máximapark"
    assert names["BU03440224"] == "Egelantierstraat, Mariëndaalstraat e.o."
    assert {a[3] for a in areas if a[0] == "BU04061231"} == {"WK040612"}
    for other in CBS_FILES:
        again = runner.invoke(args=["areas", "import", str(other)])
        assert "0 created, 0 updated, 177 unchanged, 0 retired" in again.output, other.name
    assert _snapshot(db) == areas


def test_the_upload_takes_the_excel_file_as_it_is(client, auth, make_user, db):
    """Upload Excel's semicolon Windows-1252 file in Beheer and store the names unmangled."""
    auth.login_as(make_user("admin"))
    data = (CBS / "areas_2024_excel_semicolon_cp1252.csv").read_bytes()
    response = client.post(
        "/admin/areas",
        data={"file": (BytesIO(data), "gebieden.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    names = {a[1] for a in _snapshot(db)}
    assert {"Máximapark", "Egelantierstraat, Mariëndaalstraat e.o."} <= names
    assert not any("\ufffd" in name for name in names)


@pytest.mark.parametrize(
    "data",
    [b"code,name\nGM0344,Utr\x81cht\n", b"\xff\xfe\x00\x00junk"],
    ids=["undefined-cp1252-byte", "binary"],
)
def test_an_unreadable_file_is_refused_with_advice(runner, db, tmp_path, data):
    """Refuse bytes that are no known text encoding, say how to save the file, no traceback."""
    result = _import_bytes(runner, tmp_path, data)
    assert result.exit_code == 1 and "CSV UTF-8" in result.output
    assert "Traceback" not in result.output and result.exception.__class__ is SystemExit
    assert _count(db) == 0


def test_the_upload_refuses_an_unreadable_file_in_dutch(client, auth, make_user, db):
    """Answer an unreadable upload with the advice in the user's language."""
    auth.login_as(make_user("admin"))
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "nl"
    response = client.post(
        "/admin/areas",
        data={"file": (BytesIO(b"code\x81"), "a.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert "CSV UTF-8" in response.get_data(as_text=True) and _count(db) == 0
    assert "Opslaan als" in response.get_data(as_text=True)


@pytest.mark.parametrize("name", ["MÃ¡ximapark", "Mari\ufffdndaal", "Tab\there"])
def test_a_garbled_name_is_refused_on_its_line(runner, db, tmp_path, name):
    """Refuse a name that an earlier wrong save has mangled, with its line number."""
    text = f'code,name,parent_code,year\nGM0344,Utrecht,,2024\nWK034401,"{name}",,2024\n'
    result = _import_bytes(runner, tmp_path, text.encode())
    assert result.exit_code != 0 and "line 3: The name" in result.output
    assert "CSV UTF-8" in result.output and _count(db) == 0


def test_cbs_codes_are_upper_cased_and_unpadded(runner, db, tmp_path):
    """Read bu03440112 and "BU03440112  " as the area BU03440112, not a second area."""
    _import(runner, tmp_path, "code,name\nGM0344,Utrecht\nWK034401,West\nBU03440112,Lombok\n")
    result = _import(
        runner,
        tmp_path,
        'code,name,parent_code\ngm0344,Utrecht,\nwk034401,West,gm0344\n" bu03440112  ",Lombok,\n',
    )
    assert "0 created, 0 updated, 3 unchanged" in result.output, result.output
    assert [a[0] for a in _snapshot(db)] == ["BU03440112", "GM0344", "WK034401"]


def test_a_buurt_under_another_gemeentes_wijk_is_refused(runner, db, tmp_path):
    """Refuse a Huizen buurt under a Utrecht wijk, in the file and against the database."""
    base = (
        "code,name,parent_code,year\nGM0344,Utrecht,,2024\nWK034401,West,,2024\n"
        "GM0406,Huizen,,2024\nWK040612,Huizen-Oost,,2024\n"
    )
    result = _import(runner, tmp_path, base + "BU04061231,De Tuit,WK034401,2024\n")
    assert result.exit_code != 0
    assert (
        "line 6: Area BU04061231 cannot lie in WK034401: its code puts it in WK040612."
        in result.output
        and _count(db) == 0
    )
    assert _import(runner, tmp_path, base + "BU04061231,De Tuit,,2024\n").exit_code == 0
    moved = _import(runner, tmp_path, "code,name,parent_code\nBU04061231,De Tuit,WK034401\n")
    assert moved.exit_code != 0 and "line 2: Area BU04061231 cannot lie in" in moved.output
    tuit = db.session.scalar(select(Area).where(Area.code == "BU04061231"))
    assert tuit.parent.code == "WK040612"


def test_a_cbs_buurt_under_a_slug_wijk_keeps_its_gemeente(runner, db, tmp_path):
    """Check a CBS code against the nearest CBS-coded area above a municipality's own wijk."""
    base = "code,name,parent_code\nGM0344,Utrecht,\nGM0406,Huizen,\nnoord,Noord,GM0344\n"
    assert _import(runner, tmp_path, base + "BU03440101,Lombok,noord\n").exit_code == 0
    result = _import(runner, tmp_path, base + "BU04061231,De Tuit,noord\n")
    assert (
        "line 5: Area BU04061231 cannot lie in noord: its code puts it in WK040612."
        in result.output
    )


def test_retiring_missing_areas_is_asked_for(runner, db, tmp_path):
    """Retire the areas missing from a new file only when asked, and only in its gemeenten."""
    full = (CBS / "areas_utrecht_huizen_soest_2024.csv").read_bytes()
    assert _import_bytes(runner, tmp_path, full).exit_code == 0
    lines = full.decode().splitlines()
    utrecht = [line for line in lines if "0344" in line.split(",")[0]]
    smaller = "\n".join([lines[0], *utrecht[:-2]]).encode()
    result = _import_bytes(runner, tmp_path, smaller)
    assert "0 retired" in result.output and all(a[5] for a in _snapshot(db))
    result = _import_bytes(runner, tmp_path, smaller, "--retire-missing")
    assert result.exit_code == 0 and "2 retired" in result.output, result.output
    retired = [a[0] for a in _snapshot(db) if not a[5]]
    assert retired == sorted(line.split(",")[0] for line in utrecht[-2:])
    again = _import_bytes(runner, tmp_path, full, "--retire-missing")
    assert "2 updated" in again.output and all(a[5] for a in _snapshot(db))


def test_the_upload_retires_when_the_box_is_ticked(client, auth, make_user, db):
    """Offer the same retiring in Beheer → Gebieden, as a checkbox."""
    auth.login_as(make_user("admin"))
    client.post(
        "/admin/areas",
        data={"file": (BytesIO(GOOD.encode()), "a.csv")},
        content_type="multipart/form-data",
    )
    smaller = GOOD.replace("BU03440201,Kanaleneiland-Noord,WK034402,2024\n", "")
    response = client.post(
        "/admin/areas",
        data={"file": (BytesIO(smaller.encode()), "a.csv"), "retire_missing": "y"},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    assert [a[0] for a in _snapshot(db) if not a[5]] == ["BU03440201"]


def test_messages_can_be_in_dutch(runner, db, tmp_path):
    """Report bad lines in Dutch when asked."""
    result = _import(runner, tmp_path, "code,naam\nWK034401,West\n")
    result = runner.invoke(args=["areas", "import", str(tmp_path / "areas.csv"), "--lang", "nl"])
    assert result.exit_code != 0 and "regel 2:" in result.output
    assert "GM0344" in result.output
