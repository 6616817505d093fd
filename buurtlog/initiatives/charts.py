"""A server-rendered SVG column chart of counts per month, with the months written beneath.

Like the wijk picture's charts it is an `<svg role="img">` with a title, coloured by CSS
classes only (a strict Content-Security-Policy holds), and its numbers sit in a table next to
it (templates/wijk/_chart.html).
"""

from __future__ import annotations

from markupsafe import Markup, escape

WIDTH, HEIGHT, LABELS = 320, 120, 16


def columns(rows: list[tuple[str, int]], title: str) -> Markup:
    """Draw a column per (label, count), tallest for the largest count, labels underneath."""
    top = max((value for _, value in rows), default=0)
    step = WIDTH / max(1, len(rows))
    plot = HEIGHT - LABELS
    body = f'<line class="chart-axis" x1="0" y1="{plot}" x2="{WIDTH}" y2="{plot}"/>'
    for i, (name, value) in enumerate(rows):
        size = (plot - 2) * value / top if top else 0
        x = i * step
        body += (
            f'<rect class="chart-bar" x="{x + step * 0.15:.1f}" y="{plot - size:.1f}" '
            f'width="{step * 0.7:.1f}" height="{size:.1f}"><title>{escape(name)}: {value}'
            f"</title></rect>"
            f'<text class="chart-label" x="{x + step / 2:.1f}" y="{HEIGHT - 3}" '
            f'text-anchor="middle">{escape(name)}</text>'
        )
    label = escape(title)
    # Safe: the title and labels are escaped, every other part is a number or a class name.
    return Markup(  # noqa: S704  # nosec B704
        f'<svg class="chart columns" role="img" aria-label="{label}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}">'
        f"<title>{label}</title>{body}</svg>"
    )
