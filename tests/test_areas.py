"""Importing CBS-style areas: validated as a whole, all or nothing, idempotent."""

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
        "buurt", "WK034401", "WK034401", 2024)
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
    """Refuse a file without the required columns."""
    result = _import(runner, tmp_path, "code,name\nGM0344,Utrecht\n")
    assert result.exit_code != 0 and "Missing columns: parent_code, year" in result.output


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
    lines = ["code,name,parent_code,year", "GM0344,Utrecht,,2024", "WK034401,West,GM0344,2024"]
    lines += [f"BU0344{i:04d},Buurt {i},WK034401,2024" for i in range(1, 1201)]
    result = _import(runner, tmp_path, "\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    assert "Importing areas" in result.output
    assert _count(db) == 1202


def test_admin_imports_a_file_in_the_browser(client, auth, make_user, db):
    """Let an admin upload the same CSV, with the same all-or-nothing rules."""
    from io import BytesIO
    auth.login_as(make_user("admin"))
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    bad = GOOD + "BU03449999,Orphan,WK000000,2024\n"
    response = client.post("/admin/areas", data={"file": (BytesIO(bad.encode()), "a.csv")},
                           content_type="multipart/form-data")
    assert response.status_code == 400
    assert "Line 9: Parent WK000000 is not in the file or the database." in \
        response.get_data(as_text=True)
    assert _count(db) == 0
    response = client.post("/admin/areas", data={"file": (BytesIO(GOOD.encode()), "a.csv")},
                           content_type="multipart/form-data")
    assert response.status_code == 302 and _count(db) == 7
