"""Small server-rendered SVG charts: a sparkline, horizontal bars and a line over time.

Each chart is an `<svg role="img">` with a `<title>` and an aria-label saying what it shows;
the numbers themselves are in a table next to it (see templates/wijk/_chart.html). Colours
come from CSS classes, never from inline styles, so a strict Content-Security-Policy holds.
"""

from __future__ import annotations

from markupsafe import Markup, escape


def _svg(width: int, height: int, title: str, body: str, css: str) -> Markup:
    """Wrap chart elements in an accessible SVG element."""
    label = escape(title)
    # Safe: the title is escaped, every other part is a number or a fixed class name.
    return Markup(  # noqa: S704  # nosec B704
        f'<svg class="chart {css}" role="img" aria-label="{label}" viewBox="0 0 {width} '
        f'{height}" width="{width}" height="{height}" preserveAspectRatio="none">'
        f"<title>{label}</title>{body}</svg>"
    )


def _points(values: list[float], width: int, height: int, top: float, pad: int = 2) -> str:
    """Return the polyline points for values scaled into the box."""
    step = (width - 2 * pad) / max(1, len(values) - 1)
    scale = (height - 2 * pad) / top if top else 0
    return " ".join(f"{pad + i * step:.1f},{height - pad - v * scale:.1f}"
                    for i, v in enumerate(values))


def sparkline(values: list[int], title: str, width: int = 96, height: int = 24) -> Markup:
    """Draw a small trend line of weekly counts."""
    top = max(values, default=0)
    body = (f'<polyline class="chart-line" fill="none" stroke-width="2" '
            f'points="{_points(values, width, height, top)}"/>')
    return _svg(width, height, title, body, "sparkline")


def line_chart(values: list[float | None], title: str, width: int = 320,
               height: int = 96) -> Markup:
    """Draw a line of shares (0..1) over time, with its 0% and 100% lines; gaps stay empty."""
    body = (f'<line class="chart-axis" x1="0" y1="{height - 2}" x2="{width}" y2="{height - 2}"/>'
            f'<line class="chart-axis" x1="0" y1="2" x2="{width}" y2="2"/>')
    known = [(i, v) for i, v in enumerate(values) if v is not None]
    if known:
        step = (width - 4) / max(1, len(values) - 1)
        points = " ".join(f"{2 + i * step:.1f},{height - 2 - v * (height - 4):.1f}"
                          for i, v in known)
        body += f'<polyline class="chart-line" fill="none" stroke-width="2" points="{points}"/>'
        body += "".join(f'<circle class="chart-dot" r="3" cx="{2 + i * step:.1f}" '
                        f'cy="{height - 2 - v * (height - 4):.1f}"/>' for i, v in known)
    return _svg(width, height, title, body, "linechart")


def bar_chart(rows: list[tuple], title: str, width: int = 320,
              bar: int = 18, gap: int = 6) -> Markup:
    """Draw horizontal bars for rows of (label, value, ...), longest for the largest value."""
    top = max((row[1] for row in rows), default=0)
    height = max(1, len(rows) * (bar + gap))
    body = ""
    for i, (name, value, *_) in enumerate(rows):
        length = (width * value / top) if top else 0
        body += (f'<rect class="chart-bar" x="0" y="{i * (bar + gap)}" width="{length:.1f}" '
                 f'height="{bar}"><title>{escape(name)}: {value:g}</title></rect>')
    return _svg(width, height, title, body, "barchart")


def heat_level(count: int, top: int, levels: int = 5) -> int:
    """Return the shade (0..levels-1) of a heatmap cell, 0 for empty cells."""
    if count <= 0 or top <= 0:
        return 0
    return max(1, min(levels - 1, round((levels - 1) * count / top)))
