"""Small server-side SVG charts: bars by category and points over periods, every mark a link.

Written by hand because the page must work offline under a CSP without inline script or style:
a charting library would be a vendored blob of JavaScript for two chart shapes. Output is SVG
markup with presentation attributes and classes only (no `style=`), every text value escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape

PALETTE = ("#2b6cb0", "#c05621", "#2f855a", "#6b46c1", "#b83280", "#2c7a7b", "#975a16", "#4a5568")


def human(value: float) -> str:
    """48700000000 → '48.7 bn' — chart labels must stay short."""
    v = abs(value)
    for div, suffix in ((1e12, " tn"), (1e9, " bn"), (1e6, " m"), (1e3, " k")):
        if v >= div:
            return f"{value / div:.3g}{suffix}"
    return f"{value:.3g}"


@dataclass
class Point:
    """One value at one period; `href` links it to its source; `conflict` marks disagreement."""

    x: str
    y: float
    href: str | None = None
    label: str = ""
    conflict: bool = False


@dataclass
class BarGroup:
    """One category on the x axis with a value per series (e.g. year → amount per program)."""

    x: str
    values: dict[str, float] = field(default_factory=dict)


def _frame(width: int, height: int, title: str, body: list[str]) -> Markup:
    return Markup(
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>' + "".join(body) + "</svg>")


def _axis(width: int, height: int, pad: int, top: float, unit: str) -> list[str]:
    body = [f'<line class="axis" x1="{pad}" y1="{height - pad}" x2="{width - 10}" y2="{height - pad}" '
            f'stroke="#888"/>',
            f'<line class="axis" x1="{pad}" y1="10" x2="{pad}" y2="{height - pad}" stroke="#888"/>']
    for i in range(5):
        v = top * i / 4
        y = height - pad - (height - pad - 10) * i / 4
        body.append(f'<text x="{pad - 4}" y="{y + 4:.1f}" text-anchor="end" font-size="10" '
                    f'fill="#444">{escape(human(v))}</text>')
        if i:
            body.append(f'<line x1="{pad}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}" stroke="#eee"/>')
    if unit:
        body.append(f'<text x="{width - 10}" y="10" text-anchor="end" font-size="10" '
                    f'fill="#444">{escape(unit)}</text>')
    return body


def bar_chart(groups: Sequence[BarGroup], title: str, unit: str = "", width: int = 640,
              height: int = 260) -> Markup:
    """Stacked bars: one bar per group, one coloured segment per series, with a legend."""
    pad = 56
    series = sorted({s for g in groups for s in g.values})
    colour = {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(series)}
    top = max((sum(g.values.values()) for g in groups), default=0) or 1.0
    body = _axis(width, height, pad, top, unit)
    slot = (width - pad - 20) / max(len(groups), 1)
    bar = max(min(slot * 0.6, 60), 4)
    plot_h = height - pad - 10
    for i, g in enumerate(groups):
        x = pad + 10 + i * slot + (slot - bar) / 2
        y = height - pad
        for s in series:
            v = g.values.get(s, 0.0)
            if v <= 0:
                continue
            h = plot_h * v / top
            y -= h
            body.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                        f'fill="{colour[s]}"><title>{escape(g.x)} · {escape(s)}: '
                        f'{escape(human(v))} {escape(unit)}</title></rect>')
        body.append(f'<text x="{x + bar / 2:.1f}" y="{height - pad + 14}" text-anchor="middle" '
                    f'font-size="10" fill="#222">{escape(g.x)}</text>')
    for i, s in enumerate(series):
        lx = pad + (i % 4) * 150
        ly = height - 22 + (i // 4) * 12
        body.append(f'<rect x="{lx}" y="{ly - 8}" width="10" height="10" fill="{colour[s]}"/>'
                    f'<text x="{lx + 14}" y="{ly + 1}" font-size="10" fill="#222">{escape(s)}</text>')
    return _frame(width, height + (len(series) // 4) * 12, title, body)


def point_chart(points: Sequence[Point], title: str, unit: str = "", width: int = 640,
                height: int = 240) -> Markup:
    """Values over ordered periods: a line through each period's first value, every point a link;
    points whose sources disagree are drawn hollow and red."""
    pad = 56
    xs = sorted({p.x for p in points})
    top = max((p.y for p in points), default=0) or 1.0
    body = _axis(width, height, pad, top, unit)
    slot = (width - pad - 20) / max(len(xs), 1)
    plot_h = height - pad - 10
    pos = {x: pad + 10 + i * slot + slot / 2 for i, x in enumerate(xs)}

    def ypos(v: float) -> float:
        return height - pad - plot_h * max(v, 0) / top

    line = []
    for x in xs:
        first = next(p for p in points if p.x == x)
        line.append(f"{pos[x]:.1f},{ypos(first.y):.1f}")
    if len(line) > 1:
        body.append(f'<polyline points="{" ".join(line)}" fill="none" stroke="{PALETTE[0]}" '
                    f'stroke-width="1.5"/>')
    for x in xs:
        body.append(f'<text x="{pos[x]:.1f}" y="{height - pad + 14}" text-anchor="middle" '
                    f'font-size="10" fill="#222">{escape(x)}</text>')
    for p in points:
        cls = "pt conflict" if p.conflict else "pt"
        fill = "#fff" if p.conflict else PALETTE[0]
        stroke = "#c53030" if p.conflict else PALETTE[0]
        dot = (f'<circle class="{cls}" cx="{pos[p.x]:.1f}" cy="{ypos(p.y):.1f}" r="5" fill="{fill}" '
               f'stroke="{stroke}" stroke-width="2"><title>{escape(p.x)}: {escape(human(p.y))} '
               f'{escape(unit)} {escape(p.label)}</title></circle>')
        if p.href:
            dot = f'<a href="{escape(p.href)}">{dot}</a>'
        body.append(dot)
    return _frame(width, height, title, body)
