"""`flask areas geometry` and the wijk's map: boundaries from the CBS/PDOK wijk- en buurtkaart
(RD New or longitude/latitude) for the areas buurtlog knows, all or nothing; the map drawn on
the server with the numbers on it, the table behind it, and the report's counts as released."""

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from buurtlog.areas import geometry
from buurtlog.models import Area
from buurtlog.wijk import maps
from tests.test_area_figures import AREAS, _add_figures
from tests.test_wijk import wijk  # noqa: F401  (the hand-counted wijk)

DATA = Path(__file__).parent / "data" / "cbs"
RD = DATA / "buurten-2024-rd-excerpt.geojson"


@pytest.fixture
def huizen(runner, db):
    """The real 2024 areas of Utrecht, Huizen and Soest."""
    result = runner.invoke(args=["areas", "import", str(AREAS)])
    assert result.exit_code == 0, result.output


def _outline(db, code):
    """Return an area's stored outline."""
    return geometry.outline(db.session.scalar(select(Area).where(Area.code == code)))


def _write(tmp_path, document) -> Path:
    """Write a GeoJSON document to a file."""
    path = tmp_path / "map.geojson"
    path.write_text(json.dumps(document))
    return path


def test_rd_new_converts_to_longitude_and_latitude():
    """Amersfoort's tower is RD's origin; other points go there and back within a metre."""
    assert geometry.rd_to_wgs84(155_000, 463_000) == pytest.approx((5.38720621, 52.1551744))
    lon, lat = geometry.rd_to_wgs84(121_687, 487_484)  # Amsterdam, by the Dam
    assert lon == pytest.approx(4.898, abs=0.001) and lat == pytest.approx(52.374, abs=0.001)


def test_pdok_s_buurten_in_rd_import_simplified(runner, db, huizen):
    """The buurten file as PDOK serves it: RD New, buurtcode; the Amsterdam buurt is passed
    over; the wiggle of half a metre is simplified away, the corners kept."""
    result = runner.invoke(args=["areas", "geometry", str(RD)])
    assert result.exit_code == 0, result.output
    assert (
        "Imported the boundaries of 3 areas: 3 new, 0 updated, 0 unchanged; 1 features of "
        "other areas passed over; 15 of 132 points kept."
    ) in result.output
    [[ring]] = _outline(db, "BU04060001")
    assert len(ring) == 5 and ring[0] == ring[-1]  # the 4 corners, closed
    lon, lat = ring[0]
    assert lon == pytest.approx(geometry.rd_to_wgs84(144_000, 478_000)[0], abs=1e-6)
    assert 52.2 < lat < 52.4
    again = runner.invoke(args=["areas", "geometry", str(RD)])
    assert "0 new, 0 updated, 3 unchanged" in again.output


def test_longitude_latitude_files_import_too(runner, db, huizen, tmp_path):
    """PDOK's OGC API serves CRS84 (longitude, latitude): read as it is; a wijk's feature
    names it by wijkcode."""
    square = [[5.24, 52.29], [5.25, 52.29], [5.25, 52.30], [5.24, 52.30], [5.24, 52.29]]
    path = _write(
        tmp_path,
        {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "properties": {"wijkcode": "WK040600", "gemeentecode": "GM0406"},
                    "geometry": {"type": "Polygon", "coordinates": [square]},
                }
            ],
        },
    )
    result = runner.invoke(args=["areas", "geometry", str(path)])
    assert result.exit_code == 0, result.output
    assert _outline(db, "WK040600") == [[[tuple(p) for p in square]]]
    assert _outline(db, "GM0406") == []


@pytest.mark.parametrize(
    "geometry_, message",
    [
        ({"type": "Point", "coordinates": [5.2, 52.3]}, "its geometry is a Point"),
        (
            {"type": "Polygon", "coordinates": [[[5.2, 52.3], [5.3, 52.3], [5.2, 52.3]]]},
            "a ring has fewer than 4 points",
        ),
        (
            {
                "type": "Polygon",
                "coordinates": [[[5.2, 52.3], [5.3, 52.3], [5.3, 52.4], [5.2, 52.4]]],
            },
            "a ring does not end where it starts",
        ),
        (
            {
                "type": "Polygon",
                "coordinates": [[[5.2, 52.3], ["x", 52.3], [5.3, 52.4], [5.2, 52.3]]],
            },
            "a point is not a pair of numbers",
        ),
        (None, "it has no geometry"),
    ],
)
def test_every_bad_feature_is_reported_and_nothing_imported(
    runner, db, huizen, tmp_path, geometry_, message
):
    """A bad feature is named with its number and what is wrong; the good one beside it is not
    saved either."""
    good = [[5.24, 52.29], [5.25, 52.29], [5.25, 52.30], [5.24, 52.29]]
    path = _write(
        tmp_path,
        {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "properties": {"buurtcode": "BU04060001"},
                    "geometry": {"type": "Polygon", "coordinates": [good]},
                },
                {
                    "type": "Feature",
                    "properties": {"buurtcode": "BU04060002"},
                    "geometry": geometry_,
                },
            ],
        },
    )
    result = runner.invoke(args=["areas", "geometry", str(path), "--lang", "nl"])
    assert result.exit_code == 1
    assert "object 2: BU04060002:" in result.output
    assert "1 foute object(en); er is niets geïmporteerd." in result.output
    assert _outline(db, "BU04060001") == []
    del message  # the message itself is in Dutch here; the English is in the module


def test_a_code_twice_and_rd_outside_the_netherlands_are_refused(runner, db, huizen, tmp_path):
    """The same buurt twice, and RD coordinates that lie outside the country."""
    document = json.loads(RD.read_text())
    document["features"].append(document["features"][0])
    far = json.loads(json.dumps(document["features"][1]))
    far["geometry"]["coordinates"][0][0][1][0] = 9_000_000
    document["features"][1] = far
    result = runner.invoke(args=["areas", "geometry", str(_write(tmp_path, document))])
    assert result.exit_code == 1
    assert "feature 2: BU04060002: a point lies outside the Netherlands." in result.output
    assert "feature 5: BU04060001 is also feature 1." in result.output


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"{",
        b"[]",
        b'{"type": "FeatureCollection"}',
        b'{"type": "FeatureCollection", "features": []}',
        b"\xff\xfe\x00",
    ],
)
def test_not_geojson_is_refused_with_a_message(runner, db, huizen, tmp_path, data):
    """Not JSON, not a FeatureCollection, no features: a message, no traceback."""
    path = tmp_path / "map.geojson"
    path.write_bytes(data)
    result = runner.invoke(args=["areas", "geometry", str(path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "GeoJSON" in result.output


def test_simplify_keeps_a_closed_ring_and_its_corners():
    """Douglas–Peucker on a closed ring: points within the tolerance go, corners stay."""
    ring = [(0.0, 0.0), (5.0, 0.1), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0)]
    assert geometry.simplify(ring, 1.0) == [
        (0.0, 0.0),
        (10.0, 0.0),
        (10.0, 10.0),
        (0.0, 10.0),
        (0.0, 0.0),
    ]
    assert geometry.simplify(ring, 0.01) == ring


def _square(lon, lat, size=0.01):
    """Return a square polygon's rings."""
    return [
        [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]
    ]


def test_the_wijk_page_draws_the_map_with_its_numbers(
    client,
    auth,
    db,
    wijk,  # noqa: F811
    make_area,
    make_place,
    make_entry,
):
    """The buurten shaded, each with its name and count written on the map; the team's places
    numbered in their buurt and listed; a legend; the table behind it; the rate per 1,000 and
    one theme on request; entries for the wijk as a whole said in words."""
    area, buurt = wijk["wijk"], wijk["place"].area
    quiet = make_area("buurt", name="Stille Hoek", parent=area)
    buurt.outline = json.dumps([_square(5.0, 52.0)])
    quiet.outline = json.dumps([_square(5.01, 52.0)])
    db.session.commit()
    _add_figures(db, buurt, inhabitants=2000)
    play = wijk["themes"][0]
    make_entry(author=wijk["worker"], area=area, themes=[play], days_ago=1)  # the whole wijk
    auth.login_as(wijk["worker"])
    period = wijk["period"]
    week = f"period=custom&start={period.first}&end={period.last}"
    html = client.get(f"/wijk/{area.code}?{week}").get_data(as_text=True)
    card = html[html.index('id="map"') :]
    card = card[: card.index("</section>")]
    svg = card[card.index("<svg") : card.index("</svg>")]
    assert svg.count('class="map-area') == 2
    assert f">{buurt.name}</text>" in svg and ">5</text>" in svg  # five entries there
    assert ">Stille Hoek</text>" in svg and ">0</text>" in svg
    assert "map-area heat-4" in svg and "map-area heat-0" in svg
    assert 'class="map-place"' in svg and f"{wijk['place'].name}" in card
    assert "1 praatje is voor de wijk als geheel vastgelegd" in card
    table = card[card.index("<table") :]
    assert re.search(rf">{buurt.name}</th><td>2.000</td><td>5</td>", table)
    rate = client.get(f"/wijk/{area.code}?{week}&map_per=1000").get_data(as_text=True)
    rate = rate[rate.index('id="map"') : rate.index("</section>", rate.index('id="map"'))]
    assert ">2,5</text>" in rate and ">—</text>" in rate  # Stille Hoek: no inhabitants known
    one = client.get(f"/wijk/{area.code}?{week}&map_theme={play.id}").get_data(as_text=True)
    one = one[one.index('id="map"') : one.index("</section>", one.index('id="map"'))]
    assert ">3</text>" in one  # Spelen: three of the five
    odd = client.get(f"/wijk/{area.code}?map_theme=99999999999999999999&map_per=x")
    assert odd.status_code == 200 and 'class="map-area' in odd.get_data(as_text=True)


def test_a_worker_cannot_put_a_sensitive_theme_on_the_map(client, auth, db, wijk):  # noqa: F811
    """The theme list leaves out sensitive themes for those who see them folded; asking for
    one anyway shows all themes."""
    area, buurt = wijk["wijk"], wijk["place"].area
    buurt.outline = json.dumps([_square(5.0, 52.0)])
    db.session.commit()
    secret = wijk["themes"][2]
    auth.login_as(wijk["worker"])
    html = client.get(f"/wijk/{area.code}?map_theme={secret.id}").get_data(as_text=True)
    picker = html[
        html.index('name="map_theme"') : html.index("</select>", html.index('name="map_theme"'))
    ]
    assert secret.name_nl not in picker
    assert f"over {secret.name_nl}" not in html


def test_without_boundaries_the_card_says_where_they_come_from(client, auth, wijk):  # noqa: F811
    """No boundaries yet: the card says how an administrator imports them."""
    auth.login_as(wijk["worker"])
    html = client.get(f"/wijk/{wijk['wijk'].code}").get_data(as_text=True)
    assert "flask areas geometry" in html and '<svg class="chart map"' not in html


def test_the_report_map_shows_inhabitants_only(client, auth, db, wijk):  # noqa: F811
    """The report leaves the team: its map shades the buurten by their inhabitants (CBS), and
    no count of the team's per buurt is in it."""
    area, buurt = wijk["wijk"], wijk["place"].area
    buurt.outline = json.dumps([_square(5.0, 52.0)])
    db.session.commit()
    _add_figures(db, buurt, inhabitants=2500)
    auth.login_as(wijk["coordinator"])
    html = client.get(f"/wijk/{area.code}/rapport?period=quarter").get_data(as_text=True)
    part = html[html.index("<h2>Kaart</h2>") :]
    part = part[: part.index("</section>")]
    assert ">2.500</text>" in part and f">{buurt.name}</th><td>2.500</td></tr>" in part
    assert '<th scope="col">Praatjes</th>' not in part
    assert not re.search(r">[0-9]</text>", part.split("map-place")[0])  # no 6 or <5 per buurt


def test_legend_ranges_follow_the_shades(app):
    """Each shade says which counts it stands for, read off the shading itself; numbers too
    many to walk (inhabitants) by the shading's rule, in the reader's number format."""
    # heat_level rounds half to even: 5 of 8 is 2.5 steps, shade 2; 7 of 8 is 3.5, shade 4.
    assert maps.legend(8, rate=False) == [(0, "0"), (1, "1–2"), (2, "3–5"), (3, "6"), (4, "7–8")]
    assert maps.legend(0, rate=False) == [(0, "0")]
    with app.test_request_context(headers={"Accept-Language": "nl"}):
        inhabitants = maps.legend(3870, rate=False, exact=False)
    assert [words for _, words in inhabitants] == [
        "0",
        "1–1.451",
        "1.452–2.418",
        "2.419–3.386",
        "3.387–3.870",
    ]
