"""Small server-rendered SVG charts: a sparkline, horizontal bars and a line over time.

Each chart is an `<svg role="img">` with a `<title>` and an aria-label saying what it shows;
the numbers themselves are in a table next to it (see templates/wijk/_chart.html). Colours
come from CSS classes, never from inline styles, so a strict Content-Security-Policy holds.
"""

from __future__ import annotations

from collections.abc import Sequence

from flask_babel import format_decimal
from markupsafe import Markup, escape


def _svg(width: int, height: int, title: str, body: str, css: str) -> Markup:
    """Wrap chart elements in an accessible SVG element that scales evenly (its text too)."""
    label = escape(title)
    # Safe: the title is escaped, every other part is a number, a fixed class name or
    # escaped text.
    return Markup(  # noqa: S704  # nosec B704
        f'<svg class="chart {css}" role="img" aria-label="{label}" viewBox="0 0 {width} '
        f'{height}" width="{width}" height="{height}">'
        f"<title>{label}</title>{body}</svg>"
    )


def _text(x: float, y: float, text: object, css: str = "chart-label", anchor: str = "start") -> str:
    """Return an SVG text element (escaped) at x, y."""
    return (
        f'<text class="{css}" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">'
        f"{escape(str(text))}</text>"
    )


def _points(values: Sequence[float], width: int, height: int, top: float, pad: int = 2) -> str:
    """Return the polyline points for values scaled into the box."""
    step = (width - 2 * pad) / max(1, len(values) - 1)
    scale = (height - 2 * pad) / top if top else 0
    return " ".join(
        f"{pad + i * step:.1f},{height - pad - v * scale:.1f}" for i, v in enumerate(values)
    )


def _open_end(points: list[str]) -> str:
    """Draw the last stretch of a line dashed with a hollow point: a week not complete yet."""
    x, y = points[-1].split(",")
    return (
        f'<polyline class="chart-line" fill="none" stroke-width="2" stroke-dasharray="4 3" '
        f'points="{points[-2]} {points[-1]}"/>'
        f'<circle class="chart-line chart-open" stroke-width="2" r="3.5" cx="{x}" cy="{y}"/>'
    )


def sparkline(
    values: list[int], title: str, width: int = 120, height: int = 32, open_last: bool = False
) -> Markup:
    """Draw a small trend line of weekly counts with the last week's count beside it;
    `open_last` marks the last week as not complete yet: its stretch dashed, its point
    hollow."""
    top = max(values, default=0)
    points = _points(values, width - 28, height - 4, top, pad=4).split()
    if len(points) < 2:
        return _svg(width, height, title, "", "sparkline")
    done = points[:-1] if open_last else points
    body = f'<polyline class="chart-line" fill="none" stroke-width="2" points="{" ".join(done)}"/>'
    if open_last:
        body += _open_end(points)
    else:
        x, y = points[-1].split(",")
        body += f'<circle class="chart-dot" r="3.5" cx="{x}" cy="{y}"/>'
    body += _text(width - 2, height / 2 + 5, values[-1], "chart-label chart-value", "end")
    return _svg(width, height, title, body, "sparkline")


def line_chart(
    values: list[float | None],
    title: str,
    labels: list | None = None,
    open_last: bool = False,
    width: int = 360,
    height: int = 160,
) -> Markup:
    """Draw a line of shares (0..1) over time on a 0–100% axis with a 50% reference line,
    each point's share written above it, the first and last week named below; gaps stay
    empty. `open_last` marks the last week as not complete yet."""
    left, top, bottom = 40, 18, 24
    inner_w, inner_h = width - left - 8, height - top - bottom
    body = ""
    for share in (0, 0.5, 1):
        y = top + inner_h * (1 - share)
        body += (
            f'<line class="chart-axis{" chart-reference" if share == 0.5 else ""}" '
            f'x1="{left}" y1="{y:.1f}" x2="{width - 4}" y2="{y:.1f}"/>'
            + _text(left - 6, y + 4, f"{round(share * 100)}%", "chart-label chart-tick", "end")
        )
    step = inner_w / max(1, len(values) - 1)

    def at(i: int, v: float) -> str:
        return f"{left + i * step:.1f},{top + inner_h * (1 - v):.1f}"

    known = [(i, v) for i, v in enumerate(values) if v is not None]
    if known:
        points = [at(i, v) for i, v in known]
        last_open = open_last and known[-1][0] == len(values) - 1 and len(points) > 1
        body += (
            f'<polyline class="chart-line" fill="none" stroke-width="2.5" '
            f'points="{" ".join(points[:-1] if last_open else points)}"/>'
        )
        if last_open:
            body += _open_end(points)
        for n, (i, v) in enumerate(known):
            x, y = (float(c) for c in points[n].split(","))
            if not (last_open and n == len(known) - 1):
                body += f'<circle class="chart-dot" r="3.5" cx="{x:.1f}" cy="{y:.1f}"/>'
            if n == len(known) - 1 or i % 2 == (len(values) - 1) % 2:
                body += _text(x, y - 8, f"{round(v * 100)}%", "chart-label chart-point", "middle")
    if labels:
        body += _text(left, height - 4, labels[0], "chart-label chart-tick", "start")
        body += _text(width - 4, height - 4, labels[-1], "chart-label chart-tick", "end")
    return _svg(width, height, title, body, "linechart")


def bar_chart(
    rows: list[tuple], title: str, width: int = 320, bar: int = 16, gap: int = 28
) -> Markup:
    """Draw horizontal bars for rows of (label, value, ...), longest for the largest value,
    each with its label above and its value at its end (in the reader's number format)."""
    top = max((row[1] for row in rows), default=0)
    room = width - 40  # the value is written after the longest bar
    pitch = bar + gap
    height = max(1, len(rows) * pitch)
    body = ""
    for i, (name, value, *_) in enumerate(rows):
        length = (room * value / top) if top else 0
        y = i * pitch + gap - 8
        body += _text(0, y, name)
        body += (
            f'<rect class="chart-bar" x="0" y="{y + 6}" width="{max(length, 1):.1f}" '
            f'height="{bar}"/>'
        )
        body += _text(length + 6, y + 6 + bar - 3, format_decimal(value), "chart-label chart-value")
    return _svg(width, height, title, body, "barchart")


def heat_level(count: float, top: float, levels: int = 5) -> int:
    """Return the shade (0..levels-1) of a heatmap cell, 0 for empty cells."""
    if count <= 0 or top <= 0:
        return 0
    return max(1, min(levels - 1, round((levels - 1) * count / top)))
