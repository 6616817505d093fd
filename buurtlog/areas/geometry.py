"""Area boundaries from the CBS/PDOK *wijk- en buurtkaart* (GeoJSON): read, checked, simplified
for the screen and stored for the areas buurtlog knows, all or nothing.

PDOK serves the map in the Dutch grid (RD New, EPSG:28992, metres) or in longitude and latitude
(WGS 84 / CRS84); both are read, and RD is converted with the published approximation of RDNAPTRANS
(Schreutelkamp & Strang van Hees, accurate to about a metre: far below what a screen shows). Each
feature names its area in its properties (`buurtcode`, `wijkcode`, `gemeentecode`, CBS's older
`statcode`, or `code`); the most specific one is taken.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from buurtlog.areas.services import FileImportResult, no_known_areas, normalise_code
from buurtlog.extensions import db
from buurtlog.models import Area

CODE_KEYS = ("buurtcode", "wijkcode", "gemeentecode", "statcode", "code", "gwb_code", "gwb_code_10")
TOLERANCE_M = 2.0  # simplification: no point moves more than this many metres
MAX_POINTS = 200_000  # per feature; the whole of a detailed gemeente border is ~20,000
RD_X, RD_Y = (-7_000, 300_000), (289_000, 629_000)  # RD New's valid area

Ring = list[tuple[float, float]]
Polygon = list[Ring]


@dataclass
class Shape:
    """One known area's boundary, as read and simplified."""

    feature: int
    code: str
    polygons: list[Polygon]


@dataclass
class GeometryResult(FileImportResult):
    """What an import of boundaries did, or every reason it did nothing; and how many points
    the file's rings had and how many the simplified ones keep."""

    points_in: int = 0
    points_kept: int = 0


class UnreadableGeoJSON(ValueError):
    """The file is not GeoJSON buurtlog can read; the message says what it found instead."""


def rd_to_wgs84(x: float, y: float) -> tuple[float, float]:
    """Return (longitude, latitude) of an RD New point (Schreutelkamp & Strang van Hees)."""
    dx, dy = (x - 155_000) * 1e-5, (y - 463_000) * 1e-5
    north = (
        3235.65389 * dy
        - 32.58297 * dx**2
        - 0.2475 * dy**2
        - 0.84978 * dx**2 * dy
        - 0.0655 * dy**3
        - 0.01709 * dx**2 * dy**2
        - 0.00738 * dx
        + 0.0053 * dx**4
        - 0.00039 * dx**2 * dy**3
        + 0.00033 * dx**4 * dy
        - 0.00012 * dx * dy
    )
    east = (
        5260.52916 * dx
        + 105.94684 * dx * dy
        + 2.45656 * dx * dy**2
        - 0.81885 * dx**3
        + 0.05594 * dx * dy**3
        - 0.05607 * dx**3 * dy
        + 0.01199 * dy
        - 0.00256 * dx**3 * dy**2
        + 0.00128 * dx * dy**4
        + 0.00022 * dy**2
        - 0.00022 * dx**2
        + 0.00026 * dx**5
    )
    return 5.38720621 + east / 3600, 52.15517440 + north / 3600


def _is_rd(document: dict, first: tuple[float, float] | None) -> bool:
    """Tell whether the file's coordinates are RD New: by its `crs` member, else by their size."""
    name = str(((document.get("crs") or {}).get("properties") or {}).get("name", ""))
    if "28992" in name:
        return True
    if "4326" in name or "CRS84" in name:
        return False
    return first is not None and (abs(first[0]) > 360 or abs(first[1]) > 360)


def simplify(ring: Ring, tolerance: float) -> Ring:
    """Return a closed ring without the points that lie within tolerance of the line through
    their neighbours (Douglas–Peucker, with an explicit stack: no recursion limit)."""
    if len(ring) <= 4:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    # A closed ring starts and ends on one point: split it at its farthest point as well.
    far = max(
        range(len(ring)),
        key=lambda i: (ring[i][0] - ring[0][0]) ** 2 + (ring[i][1] - ring[0][1]) ** 2,
    )
    keep[far] = True
    stack = [(0, far), (far, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = ring[first], ring[last]
        length = math.hypot(bx - ax, by - ay)
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            px, py = ring[i]
            if length == 0:
                d = math.hypot(px - ax, py - ay)
            else:
                d = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            if d > worst:
                worst, index = d, i
        if worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    kept = [p for p, k in zip(ring, keep, strict=True) if k]
    return kept if len(kept) >= 4 else ring


def _metres(lon: float, lat: float, lat0: float) -> tuple[float, float]:
    """Project a point to metres around latitude lat0 (enough to measure a few metres)."""
    return lon * 111_320 * math.cos(math.radians(lat0)), lat * 110_540


def _polygons(geometry: object) -> list:
    """Return a geometry's polygons as nested coordinate lists; raise ValueError otherwise."""
    if not isinstance(geometry, dict):
        raise ValueError(str(_l("it has no geometry")))
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    if kind == "Polygon":
        return [coordinates]
    if kind == "MultiPolygon" and isinstance(coordinates, list):
        return coordinates
    raise ValueError(
        str(_l("its geometry is a %(kind)s, not a (Multi)Polygon", kind=str(kind)[:40]))
    )


def _ring(points: object, rd: bool) -> Ring:
    """Return a ring as (longitude, latitude) points; raise ValueError when it is no ring."""
    if not isinstance(points, list) or len(points) < 4:
        raise ValueError(str(_l("a ring has fewer than 4 points")))
    ring = []
    for point in points:
        if (
            not isinstance(point, list)
            or len(point) < 2
            or not all(
                isinstance(c, int | float) and not isinstance(c, bool) and math.isfinite(c)
                for c in point[:2]
            )
        ):
            raise ValueError(str(_l("a point is not a pair of numbers")))
        x, y = float(point[0]), float(point[1])
        if rd:
            if not (RD_X[0] <= x <= RD_X[1] and RD_Y[0] <= y <= RD_Y[1]):
                raise ValueError(str(_l("a point lies outside the Netherlands")))
            x, y = rd_to_wgs84(x, y)
        elif not (-180 <= x <= 180 and -90 <= y <= 90):
            raise ValueError(str(_l("a point is not a longitude and latitude")))
        ring.append((x, y))
    if ring[0] != ring[-1]:
        raise ValueError(str(_l("a ring does not end where it starts")))
    return ring


def _code(properties: object) -> str:
    """Return the most specific area code a feature's properties give ("" if none)."""
    if not isinstance(properties, dict):
        return ""
    lowered = {str(k).lower(): v for k, v in properties.items()}
    for key in CODE_KEYS:
        value = lowered.get(key)
        if isinstance(value, str) and value.strip():
            return normalise_code(value)
    return ""


def read_file(data: bytes) -> tuple[list[Shape], int, int, list[tuple[int, str]]]:
    """Read a GeoJSON FeatureCollection: the simplified shapes of areas buurtlog knows, how many
    features name an area it does not know, the points read, and every error by feature number
    (1 is the first feature). Raises UnreadableGeoJSON when the bytes are not such a file."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise UnreadableGeoJSON(str(_l("This is not a GeoJSON file."))) from None
    features = document.get("features") if isinstance(document, dict) else None
    if not isinstance(features, list) or not features:
        raise UnreadableGeoJSON(
            str(
                _l(
                    "This is not a GeoJSON FeatureCollection with features. Download the buurten "
                    "or "
                    "wijken of the wijk- en buurtkaart from PDOK as GeoJSON."
                )
            )
        )
    first = _first_point(features)
    rd = _is_rd(document, first)
    known = set(db.session.scalars(select(Area.code)))
    shapes: list[Shape] = []
    errors: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    unknown = points = 0
    for number, feature in enumerate(features, start=1):
        code = _code(feature.get("properties") if isinstance(feature, dict) else None)
        if not code:
            errors.append(
                (
                    number,
                    str(
                        _l("The feature names no area code (buurtcode, wijkcode or gemeentecode).")
                    ),
                )
            )
            continue
        if code not in known:
            unknown += 1
            continue
        if code in seen:
            errors.append(
                (
                    number,
                    str(_l("%(code)s is also feature %(other)d.", code=code, other=seen[code])),
                )
            )
            continue
        seen[code] = number
        try:
            polygons = [[_ring(r, rd) for r in p] for p in _polygons(feature.get("geometry"))]
            if not polygons or not all(polygons):
                raise ValueError(str(_l("its geometry is empty")))
        except ValueError as error:
            errors.append(
                (number, str(_l("%(code)s: %(problem)s.", code=code, problem=str(error))))
            )
            continue
        count = sum(len(r) for p in polygons for r in p)
        if count > MAX_POINTS:
            errors.append(
                (number, str(_l("%(code)s: more than %(max)d points.", code=code, max=MAX_POINTS)))
            )
            continue
        points += count
        shapes.append(Shape(number, code, [[_simplified(r) for r in p] for p in polygons]))
    if not shapes and not errors:
        errors.append(no_known_areas(unknown))
    return shapes, unknown, points, errors


def _first_point(features: list) -> tuple[float, float] | None:
    """Return the first coordinate pair in the features, to tell RD from longitude/latitude."""
    for feature in features:
        try:
            point = _polygons(feature.get("geometry"))[0][0][0]
            return float(point[0]), float(point[1])
        except (AttributeError, ValueError, TypeError, IndexError, KeyError):
            continue
    return None


def _simplified(ring: Ring) -> Ring:
    """Simplify a (longitude, latitude) ring by TOLERANCE_M metres, rounded to ~1 cm."""
    lat0 = ring[0][1]
    flat = [_metres(lon, lat, lat0) for lon, lat in ring]
    keep = {p: i for i, p in enumerate(flat)}
    kept = simplify(flat, TOLERANCE_M)
    return [(round(ring[keep[p]][0], 7), round(ring[keep[p]][1], 7)) for p in kept]


def import_shapes(
    shapes: list[Shape],
    unknown: int = 0,
    points: int = 0,
    read_errors: list[tuple[int, str]] | None = None,
    commit: bool = True,
) -> GeometryResult:
    """Store the boundary of every shape, or nothing when any feature is wrong; importing the
    same file again changes nothing. `commit=False` leaves the transaction to the caller."""
    result = GeometryResult(unknown=unknown, points_in=points, errors=list(read_errors or []))
    if result.errors:
        result.errors.sort()
        return result
    areas = {
        a.code: a
        for a in db.session.scalars(select(Area).where(Area.code.in_([s.code for s in shapes])))
    }
    try:
        for shape in shapes:
            text = json.dumps(shape.polygons, separators=(",", ":"))
            result.points_kept += sum(len(r) for p in shape.polygons for r in p)
            area = areas[shape.code]
            if area.outline == text:
                result.unchanged += 1
            else:
                result.updated += area.outline is not None
                result.created += area.outline is None
                area.outline = text
        if commit:
            db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return result


def outline(area: Area) -> list[Polygon]:
    """Return an area's stored boundary as polygons of (longitude, latitude) rings ([]: none)."""
    if not area.outline:
        return []
    return [
        [[(p[0], p[1]) for p in ring] for ring in polygon] for polygon in json.loads(area.outline)
    ]
