"""The map of a wijk: its buurten drawn from their CBS/PDOK boundaries as server-rendered SVG,
shaded by what the team heard there, each with its name and number written on it, the team's
places marked. No tile server: nothing leaves the app, and it works offline and in print.

Places have no coordinates (a place is never an address): each is marked with its number in
the buurt it lies in, and listed by number under the map.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from flask_babel import format_decimal
from markupsafe import Markup

from buurtlog.areas import figures, geometry
from buurtlog.models import Area, Place
from buurtlog.wijk import charts, queries

# Drawn at about a phone's width, so its words keep their size there; a laptop or a beamer
# shows it larger (wijk.css).
WIDTH = 360
MAX_HEIGHT = 420  # a tall wijk is drawn narrower rather than longer than a screen
PAD = 8
LABEL_EM = 0.6 * 13  # the width of a label's letter, about, in the map's units
LEVELS = 5


@dataclass
class MapArea:
    """One buurt on the map: its shape, the value shown on it and its shade (0..LEVELS-1)."""

    area: Area
    polygons: list
    text: str
    level: int


def _centroid(ring: list[tuple[float, float]]) -> tuple[float, float]:
    """Return the centroid of a ring (its first point if it has no area)."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(area) < 1e-12:
        return ring[0]
    return cx / (3 * area), cy / (3 * area)


def _ring_area(ring: list[tuple[float, float]]) -> float:
    """Return the area of a ring in its own units (any sign)."""
    return (
        abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False))) / 2
    )


def draw(title: str, areas: list[MapArea], places: list[tuple[int, Place]]) -> Markup | None:
    """Draw the buurten with their shade, name and value, and each place's number in its buurt.

    Returns None when no buurt has a boundary. Coordinates are projected around the wijk's
    middle latitude, which keeps shapes true at a wijk's scale.
    """
    shaped = [a for a in areas if a.polygons]
    if not shaped:
        return None
    points = [p for a in shaped for poly in a.polygons for ring in poly for p in ring]
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    squeeze = math.cos(math.radians((min(lats) + max(lats)) / 2))
    span_x = max((max(lons) - min(lons)) * squeeze, 1e-9)
    span_y = max(max(lats) - min(lats), 1e-9)
    scale = min((WIDTH - 2 * PAD) / span_x, MAX_HEIGHT / span_y)
    height = int(span_y * scale + 2 * PAD)

    def xy(point: tuple[float, float]) -> tuple[float, float]:
        """Return a (longitude, latitude) point's place in the picture."""
        return (
            PAD + (point[0] - min(lons)) * squeeze * scale,
            PAD + (max(lats) - point[1]) * scale,
        )

    body, labels = [], []
    marks: dict[int, list] = {}
    for number, place in places:
        marks.setdefault(place.area_id, []).append(number)
    for item in shaped:
        path = " ".join(
            "M" + " L".join(f"{x:.1f} {y:.1f}" for x, y in map(xy, ring)) + " Z"
            for poly in item.polygons
            for ring in poly
        )
        name = f"{item.area.name}: {item.text}"
        body.append(
            f'<path class="map-area heat-{item.level}" fill-rule="evenodd" d="{path}">'
            f"<title>{Markup.escape(name)}</title></path>"
        )
        biggest = max((ring for poly in item.polygons for ring in poly[:1]), key=_ring_area)
        cx, cy = xy(_centroid(biggest))
        xs = [xy(p)[0] for p in biggest]
        if len(item.area.name) * LABEL_EM <= max(xs) - min(xs):  # else the table names it
            labels.append(charts._text(cx, cy - 4, item.area.name, "map-label", "middle"))
        labels.append(charts._text(cx, cy + 12, item.text, "map-label map-value", "middle"))
        for i, number in enumerate(marks.get(item.area.id, [])):
            mx = cx - 10 * (len(marks[item.area.id]) - 1) + 20 * i
            labels.append(f'<circle class="map-place" cx="{mx:.1f}" cy="{cy + 28:.1f}" r="9"/>')
            labels.append(charts._text(mx, cy + 32, number, "map-place-number", "middle"))
    return charts._svg(WIDTH, height, title, "".join(body + labels), "map")


def levels(values: dict[int, float | None], top: float) -> dict[int, int]:
    """Return each buurt's shade from its value, against the largest (0 for none)."""
    return {
        k: charts.heat_level(v or 0, top, LEVELS) if v is not None else 0 for k, v in values.items()
    }


def legend(top: float, rate: bool, exact: bool = True) -> list[tuple[int, str]]:
    """Return the shades with the values each stands for: (level, "from–to"). Whole counts
    are read off the shading itself; rates, and counts too large to walk (`exact=False`, such
    as inhabitants), by the shading's rule."""
    out = [(0, "0")]
    if top <= 0:
        return out
    if not rate and exact:
        spans: dict[int, list[int]] = {}
        for value in range(1, int(top) + 1):
            spans.setdefault(charts.heat_level(value, int(top), LEVELS), []).append(value)
        return out + [
            (level, str(v[0]) if v[0] == v[-1] else f"{v[0]}–{v[-1]}")
            for level, v in sorted(spans.items())
        ]
    pattern = "0.0" if rate else "#,##0"
    for level in range(1, LEVELS):
        low = top * (level - 0.5) / (LEVELS - 1) if level > 1 else (0.1 if rate else 1)
        high = top * (level + 0.5) / (LEVELS - 1) if level < LEVELS - 1 else top
        if not rate:  # whole numbers: each shade from one more than the shade below it
            low, high = (math.floor(low) + (level > 1), math.floor(high))
        out.append((level, f"{format_decimal(low, pattern)}–{format_decimal(high, pattern)}"))
    return out


def outlines(buurten: list[Area]) -> dict[int, list]:
    """Return each buurt's stored boundary by id."""
    return {b.id: geometry.outline(b) for b in buurten}


def wijk_map(
    wijk: Area, period, title: str, theme_id: int | None = None, per_1000: bool = False
) -> dict | None:
    """Gather the team's map of a wijk for a period: the SVG, the legend, the table behind it
    (buurt, inhabitants, entries, per 1,000), the entries logged for the wijk as a whole, and
    the numbered places; counts exact, as everywhere on the team's own page. A rate is worked
    out from the count. None when none of its buurten has a boundary."""
    buurten, shapes = _buurten(wijk)
    if not any(shapes.values()):
        return None
    counts = queries.entries_per_area(
        [wijk.id] + [b.id for b in buurten], period.start, period.end, theme_id
    )
    people = figures.inhabitants(buurten)
    values: dict[int, float | None] = {
        b.id: figures.per_thousand(counts.get(b.id, 0), people[b.id])
        if per_1000
        else counts.get(b.id, 0)
        for b in buurten
    }

    def text(b: Area) -> str:
        """Return what is written on a buurt: its count, or its rate ("—": no inhabitants)."""
        if not per_1000:
            return str(counts.get(b.id, 0))
        return "—" if values[b.id] is None else format_decimal(values[b.id], "#,##0.0")

    top = max((v for v in values.values() if v is not None), default=0)
    return {
        **_picture(title, buurten, shapes, {b.id: text(b) for b in buurten}, values, top),
        "legend": legend(top, per_1000),
        "counts": True,
        "per_1000": per_1000,
        "rows": [
            (b, people[b.id], str(counts.get(b.id, 0)), text(b) if per_1000 else None)
            for b in buurten
        ],
        "whole_wijk": str(counts.get(wijk.id, 0)),
    }


def people_map(wijk: Area, title: str) -> dict | None:
    """Gather the map for outside the team (the period report): the buurten shaded by their
    inhabitants (CBS), with the team's places. The team's own counts per buurt stay inside the
    team: a buurt is small, and releasing its counts beside the wijk's totals by the one rule
    (wijk/outside.py) made every output that leaves the team ~4× slower (BENCHMARKS.md)."""
    buurten, shapes = _buurten(wijk)
    if not any(shapes.values()):
        return None
    people = figures.inhabitants(buurten)
    texts = {
        b.id: "—" if people[b.id] is None else format_decimal(people[b.id], "#,##0")
        for b in buurten
    }
    top = max((v for v in people.values() if v is not None), default=0)
    return {
        **_picture(title, buurten, shapes, texts, dict(people), top),
        "legend": legend(top, rate=False, exact=False),
        "counts": False,
        "per_1000": False,
        "rows": [(b, people[b.id], None, None) for b in buurten],
        "whole_wijk": "0",
    }


def _buurten(wijk: Area) -> tuple[list[Area], dict[int, list]]:
    """Return the wijk's buurten in use, by name, and their boundaries."""
    buurten = sorted((b for b in wijk.children if b.active), key=lambda b: b.name)
    return buurten, outlines(buurten)


def _picture(
    title: str,
    buurten: list[Area],
    shapes: dict[int, list],
    texts: dict[int, str],
    values: dict[int, float | None],
    top: float,
) -> dict:
    """Draw the buurten with their texts and shades, and number the places in them."""
    shade = levels(values, top)
    places = [
        (i, p)
        for i, p in enumerate(
            sorted(
                (p for b in buurten for p in b.places if p.active),
                key=lambda p: (p.area.name, p.name),
            ),
            start=1,
        )
    ]
    svg = draw(title, [MapArea(b, shapes[b.id], texts[b.id], shade[b.id]) for b in buurten], places)
    return {"svg": svg, "places": places, "missing": [b for b in buurten if not shapes[b.id]]}
