"""`flask areas figures`: CBS's Kerncijfers wijken en buurten in the forms CBS publishes them,
for the areas buurtlog knows, all or nothing, and again changes nothing."""

import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from buurtlog.areas import figures
from buurtlog.models import Area, AreaFigures
from tests.test_wijk import wijk  # noqa: F401  (the hand-counted wijk)

DATA = Path(__file__).parent / "data" / "cbs"
AREAS = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "standards"
    / "cbs"
    / ("areas_2024_comma_utf8bom_crlf.csv")
)
KWB = DATA / "kwb-2024-excerpt.csv"
STATLINE = DATA / "statline-excerpt.csv"


@pytest.fixture
def huizen(runner, db):
    """The real 2024 areas of Utrecht, Huizen and Soest."""
    result = runner.invoke(args=["areas", "import", str(AREAS)])
    assert result.exit_code == 0, result.output


def _figures(db) -> dict[str, tuple]:
    """Return every stored row of figures by area code."""
    rows = db.session.execute(select(Area.code, AreaFigures).join(AreaFigures.area)).all()
    return {code: (f.year, *(getattr(f, n) for n in figures.FIGURES)) for code, f in rows}


def test_the_kwb_file_imports_for_the_known_areas(runner, db, huizen):
    """The yearly kwb file: semicolons, short names, decimal commas, "." for a figure CBS
    leaves out; the country and Groningen are passed over."""
    result = runner.invoke(args=["areas", "figures", str(KWB), "--year", "2024"])
    assert result.exit_code == 0, result.output
    assert (
        "Imported the figures of 6 areas: 6 new, 0 updated, 0 unchanged; 2 rows of other "
        "areas passed over."
    ) in result.output
    rows = _figures(db)
    assert set(rows) == {"GM0406", "WK040600", "BU04060001", "BU04060002", "WK040601", "BU04060103"}
    assert rows["WK040600"] == (2024, 9815, 1205, 925, 1935, 2605, 3145, 4730, 1890, 8.0, 31.0)
    assert rows["WK040601"][-2:] == (None, 18.0)  # low income not published there


def test_statline_s_download_reads_to_the_same_figures(runner, db, huizen):
    """StatLine's quoted download, padded codes, numbered columns and a Perioden column."""
    result = runner.invoke(args=["areas", "figures", str(STATLINE)])
    assert result.exit_code == 0, result.output
    from_statline = _figures(db)
    again = runner.invoke(args=["areas", "figures", str(KWB), "--year", "2024"])
    assert "0 new, 0 updated, 6 unchanged" in again.output
    assert _figures(db) == from_statline


def test_importing_again_changes_nothing_and_a_new_figure_updates(runner, db, huizen, tmp_path):
    """The same file twice changes nothing; a corrected figure updates only its row; another
    year is kept beside the first and the latest is the one shown."""
    runner.invoke(args=["areas", "figures", str(KWB), "--year", "2024"])
    before = _figures(db)
    again = runner.invoke(args=["areas", "figures", str(KWB), "--year", "2024"])
    assert "0 new, 0 updated, 6 unchanged" in again.output
    assert _figures(db) == before
    changed = tmp_path / "kwb.csv"
    changed.write_text(KWB.read_text().replace(";9815;", ";9820;"))
    result = runner.invoke(args=["areas", "figures", str(changed), "--year", "2024"])
    assert "0 new, 1 updated, 5 unchanged" in result.output
    result = runner.invoke(args=["areas", "figures", str(changed), "--year", "2025"])
    assert "6 new" in result.output
    oude_dorp = db.session.scalar(select(Area).where(Area.code == "WK040600"))
    assert figures.latest(oude_dorp).year == 2025


def test_every_bad_line_is_reported_and_nothing_imported(runner, db, huizen):
    """Text for a number, a share over 100, half an inhabitant, a code twice: each reported on
    its line, and not one row saved."""
    result = runner.invoke(
        args=["areas", "figures", str(DATA / "kwb-2024-bad.csv"), "--year", "2024"]
    )
    assert result.exit_code != 0
    assert "line 5: WK040600: inhabitants is not a number." in result.output
    assert "line 6: BU04060001: social_rent_share is out of range." in result.output
    assert "line 7: BU04060002: inhabitants is not a whole number." in result.output
    assert "line 10: WK040601 is also on line 8." in result.output
    assert "4 bad line(s); nothing was imported." in result.output
    assert _figures(db) == {}


def test_a_file_without_a_year_asks_for_one(runner, db, huizen):
    """kwb-2024.csv has no year column: without --year nothing is imported."""
    result = runner.invoke(args=["areas", "figures", str(KWB), "--lang", "nl"])
    assert result.exit_code != 0
    assert "regel 1: Het bestand heeft geen kolom jaar" in result.output
    assert _figures(db) == {}


def test_a_file_of_unknown_areas_says_to_import_the_areas_first(runner, db):
    """With no areas imported, every row is another area's: the message says what to do."""
    result = runner.invoke(args=["areas", "figures", str(KWB), "--year", "2024"])
    assert result.exit_code != 0
    assert "None of the file's 8 areas is known to buurtlog" in result.output


@pytest.mark.parametrize(
    "data", [b"code;a_inw\n", b"naam;inwoners\nHuizen;41540\n", b"\x00\x01\x02"]
)
def test_an_empty_or_strange_file_imports_nothing_with_a_message(
    runner, db, huizen, tmp_path, data
):
    """No rows, no code column, or no text at all: a message, no traceback, nothing saved."""
    path = tmp_path / "figures.csv"
    path.write_bytes(data)
    result = runner.invoke(args=["areas", "figures", str(path), "--year", "2024"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "Error" in result.output
    assert _figures(db) == {}


@pytest.mark.parametrize(
    "text, number",
    [
        ("41540", 41540.0),
        ("34,9", 34.9),
        ("34.9", 34.9),
        ("      .", None),
        ("x", None),
        ("", None),
    ],
)
def test_figures_read_as_cbs_writes_them(text, number):
    """A decimal comma or point; ".", "x" or nothing for a figure CBS leaves out."""
    assert figures._number(text) == number


@pytest.mark.parametrize("text", ["nan", "inf", "1e999", "veel", "12%"])
def test_no_number_that_is_not_a_figure(text):
    """NaN and infinity are no figures either."""
    with pytest.raises(ValueError):
        figures._number(text)


def test_per_thousand_inhabitants():
    """A count per 1,000 inhabitants; nothing when the inhabitants are not known."""
    assert figures.per_thousand(12, 9815) == pytest.approx(1.2226, rel=1e-3)
    assert figures.per_thousand(12, None) is None
    assert figures.per_thousand(12, 0) is None


def _add_figures(db, area, year=2025, **values):
    """Store key figures for an area, as an import would."""
    row = figures.FiguresRow(1, area.code, year, {n: values.get(n) for n in figures.FIGURES})
    result = figures.import_figures([row])
    assert not result.errors


def test_the_wijk_page_shows_who_lives_there_and_counts_per_1000(client, auth, db, wijk):  # noqa: F811
    """CBS's figures beside the wijkschets (inhabitants, households, living alone, age bands
    with their numbers, the buurten), and each theme per 1,000 inhabitants in Dutch numbers."""
    area, buurt = wijk["wijk"], wijk["place"].area
    _add_figures(
        db,
        area,
        inhabitants=2500,
        households=1000,
        single_person_households=400,
        age_0_14=500,
        age_15_24=250,
        age_25_44=750,
        age_45_64=500,
        age_65_plus=500,
        low_income_share=12.5,
        social_rent_share=None,
    )
    _add_figures(db, buurt, inhabitants=2500)
    auth.login_as(wijk["worker"])
    period = wijk["period"]
    html = client.get(
        f"/wijk/{area.code}?period=custom&start={period.first}&end={period.last}"
    ).get_data(as_text=True)
    census = html[html.index('id="census"') :]
    census = census[: census.index("</section>")]
    assert "Wie woont hier" in census and "CBS, Kerncijfers wijken en buurten 2025" in census
    assert "2.500" in census and "1.000" in census
    assert "40%" in census  # living alone: 400 of 1,000 households
    assert "12,5%" in census and "—" in census  # social rent not published
    for label, count in (("0–14", "500"), ("25–44", "750"), ("65+", "500")):
        assert f">{label}</text>" in census and f">{count}</text>" in census
    assert f">{buurt.name}</th><td>2.500</td>" in census
    themes = html[html.index('id="themes"') : html.index('id="side-by-side"')]
    assert "Per 1.000 inwoners" in themes
    assert re.search(r"<td>3</td>\s*<td>1,2</td>", themes)  # Spelen: 3 of 2,500 people
    assert "2,0 per 1.000 inwoners" in html  # 5 contacts


def test_a_wijk_without_figures_says_where_they_come_from(client, auth, wijk):  # noqa: F811
    """No figures yet: the card says how they are imported, the themes have no rate column."""
    auth.login_as(wijk["worker"])
    html = client.get(f"/wijk/{wijk['wijk'].code}").get_data(as_text=True)
    assert "Nog geen CBS-cijfers voor deze wijk" in html
    assert "Per 1.000 inwoners" not in html


def test_the_demo_holds_figures_for_every_area_and_loading_again_changes_nothing(app, db):
    """Havenstad's buurten, wijken and gemeente have figures; the wijken add up their buurten."""
    from buurtlog.demo.services import load_demo

    load_demo(date(2026, 12, 3))
    rows = _figures(db)
    assert len(rows) == 1 + 4 + 10
    assert rows["WK990101"][1] == 3870 + 2455 + 1510
    assert rows["GM9901"][1] == sum(r[1] for code, r in rows.items() if code.startswith("BU"))
    load_demo(date(2026, 12, 3))
    assert _figures(db) == rows


def test_across_wijken_per_1000_tells_no_more_than_the_counts(
    client,
    auth,
    db,
    wijk,  # noqa: F811
    make_area,
    make_entry,
):
    """On /wijk/overzicht and /wijk/vergelijk a rate comes from the count as shown: exact in
    the team's own wijk, from the rounded count elsewhere; "<5" stays "<5"; a wijk without
    figures shows "—"."""
    other = make_area("wijk", parent=wijk["wijk"].parent)
    busy = make_area("wijk", parent=wijk["wijk"].parent)
    bare = make_area("wijk", parent=wijk["wijk"].parent)
    play, lonely, _ = wijk["themes"]
    for _ in range(4):
        make_entry(author=wijk["worker"], themes=[play], area=other, days_ago=1)
    for _ in range(6):
        make_entry(author=wijk["worker"], themes=[lonely], area=busy, days_ago=1)
    make_entry(author=wijk["worker"], themes=[lonely], area=bare, days_ago=1)
    _add_figures(db, wijk["wijk"], inhabitants=1500)
    _add_figures(db, other, inhabitants=800)
    _add_figures(db, busy, inhabitants=2000)
    auth.login_as(wijk["worker"])
    period = wijk["period"]
    week = f"period=custom&start={period.first}&end={period.last}"
    html = client.get(f"/wijk/overzicht?{week}&per=1000").get_data(as_text=True)

    def row(name):
        """Return the heatmap row of a wijk."""
        return html.split(f'<th scope="row">{name}</th>')[1].split("</tr>")[0]

    assert "<td>1.500</td>" in row(wijk["wijk"].name) and ">2,0</td>" in row(wijk["wijk"].name)
    assert ">&lt;5</td>" in row(other.name) and "<td>800</td>" in row(other.name)
    assert ">2,5</td>" in row(busy.name)  # 6 shown as 5, per 2,000 people; not 3,0
    assert ">—</td>" in row(bare.name)
    assert 'name="per" value="1000"' in html  # a new period keeps the rates
    assert "Toon aantallen" in html
    counts = client.get(f"/wijk/overzicht?{week}").get_data(as_text=True)
    assert "Toon per 1.000 inwoners" in counts and ">2,0</td>" not in counts
    side = client.get(f"/wijk/vergelijk?a={wijk['wijk'].code}&b={busy.code}&{week}").get_data(
        as_text=True
    )
    own, theirs = side.split('<section class="column">')[1:]
    assert re.search(r"<td>3</td><td>2,0</td>", own)
    assert re.search(r"<td>5</td><td>2,5</td>", theirs) and "3,0" not in theirs
    assert "Inwoners: 2.000" in theirs


def test_the_period_report_carries_the_wijk_s_figures(client, auth, db, wijk):  # noqa: F811
    """The report for the municipality gives the same context: who lives in the wijk."""
    _add_figures(
        db,
        wijk["wijk"],
        inhabitants=2500,
        households=1000,
        single_person_households=400,
        age_0_14=500,
        age_15_24=250,
        age_25_44=750,
        age_45_64=500,
        age_65_plus=500,
        low_income_share=12.5,
    )
    auth.login_as(wijk["coordinator"])
    html = client.get(f"/wijk/{wijk['wijk'].code}/rapport").get_data(as_text=True)
    part = html[html.index("Wie woont hier") :]
    assert "2.500" in part and "alleenwonend: 40%" in part and "0–14: 20%" in part
    assert "12,5%" in part
