"""Static SVG versions of the charts for the PDFs: plain bars from the same numbers as the slides."""
from __future__ import annotations

import math
from html import escape

from components.charts import text_colour
from components.exports.chart_data import Chart, ColumnChart, RangeChart

INK = text_colour(dark=False)
GRID = "#b8c4d0"
FONT = 'font-family="DejaVu Sans"'
WIDTH = 640  # viewBox units; the SVG scales to the width of the slide box


def chart_svg(chart: Chart) -> str:
    """The chart as one inline <svg> element, named by its text equivalent."""
    return _columns(chart) if isinstance(chart, ColumnChart) else _ranges(chart)


def _svg(height: float, alt: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" '
            f'role="img" aria-label="{escape(alt)}" class="chart"><title>{escape(alt)}</title>'
            + "".join(body) + "</svg>")


def _text(x: float, y: float, text: str, size: float = 11, anchor: str = "start",
          weight: str = "normal") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
            f'font-weight="{weight}" fill="{INK}" {FONT}>{escape(text)}</text>')


def _key(entries: list[tuple[str, str]], top: float) -> tuple[list[str], float]:
    """Colour swatches with their names, wrapped over as many lines as they need."""
    body, x, y = [], 0.0, top
    for name, colour in entries:
        width = 18 + len(name) * 6.3 + 16
        if x and x + width > WIDTH:
            x, y = 0.0, y + 18
        body.append(f'<rect x="{x:.1f}" y="{y - 10:.1f}" width="11" height="11" fill="{colour}"/>')
        body.append(_text(x + 16, y, name, 10.5))
        x += width
    return body, y + 8


def _columns(chart: ColumnChart) -> str:
    left, top, plot_h = 44, 30, 200
    bottom = top + plot_h
    body = [_text(WIDTH / 2, 14, chart.title, 12, "middle", "bold")]
    for percent in range(0, 101, 20):
        y = bottom - percent / 100 * plot_h
        body.append(f'<line x1="{left}" x2="{WIDTH}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}" '
                    'stroke-width="0.6"/>')
        body.append(_text(left - 6, y + 4, f"{percent}%", 10, "end"))
    slot = (WIDTH - left) / len(chart.categories)
    bar = slot * 0.7 / len(chart.series)
    for index, category in enumerate(chart.categories):
        x0 = left + index * slot + slot * 0.15
        for number, series in enumerate(chart.series):
            value = series.values[index]
            height = value / 100 * plot_h
            x = x0 + number * bar
            body.append(f'<rect x="{x:.1f}" y="{bottom - height:.1f}" width="{bar:.1f}" '
                        f'height="{height:.1f}" fill="{series.colour}"/>')
            body.append(_text(x + bar / 2, bottom - height - 4, f"{value:.1f}%", 10, "middle"))
        body.append(_text(left + (index + 0.5) * slot, bottom + 15, category, 10, "middle"))
    key, end = _key([(s.name, s.colour) for s in chart.series], bottom + 40)
    return _svg(end, chart.alt, body + key)


def _ranges(chart: RangeChart) -> str:
    label_w, top, row_h = 150, 8, 15
    plot_w = WIDTH - label_w - 10
    low, high = (math.log10(bound) for bound in chart.log_bounds())
    bottom = top + row_h * len(chart.rows)

    def x_at(value: float) -> float:
        return label_w + (math.log10(value) - low) / (high - low) * plot_w

    body = []
    for power in range(round(low), round(high) + 1):
        x = x_at(10.0 ** power)
        body.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{bottom}" stroke="{GRID}" '
                    'stroke-width="0.6"/>')
        body.append(_text(x, bottom + 13, f"{10.0 ** power:g}", 10, "middle"))
    body.append(_text(label_w + plot_w / 2, bottom + 30, chart.value_axis_title, 10.5, "middle"))
    colours = dict(chart.groups)
    for index, row in enumerate(chart.rows):
        y = top + index * row_h
        body.append(_text(label_w - 6, y + row_h - 4, row.label, 10, "end"))
        x0, x1 = x_at(row.low), x_at(row.high)
        body.append(f'<rect x="{x0:.1f}" y="{y + 2:.1f}" width="{max(x1 - x0, 2):.1f}" '
                    f'height="{row_h - 4}" fill="{colours[row.group]}"/>')
    key, end = _key([(name, colour) for name, colour in chart.groups], bottom + 52)
    return _svg(end, chart.alt, body + key)
