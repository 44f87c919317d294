"""The numbers behind each chart a slide may carry, from the same functions as the plotly figures."""
from __future__ import annotations

import math
from dataclasses import dataclass

from components.charts import palette
from components.ladder import duration_label
from components.onset_charts import commitment_ranges, course_summary, onset_ranges, rung_name
from components.schema.common import span
from components.timeline_charts import star_d_remission_by_level


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]
    colour: str  # "#RRGGBB"


@dataclass(frozen=True)
class ColumnChart:
    """Percentages per category, one column per series (STAR*D remission by level)."""

    chart_id: str
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    value_axis_title: str
    alt: str  # the chart in words, for screen readers and the notes


@dataclass(frozen=True)
class RangeRow:
    """One option's rough range, drawn as a floating bar from `low` to `high`."""

    label: str
    group: str  # the rung it belongs to
    low: float
    high: float
    words: str  # the range as the app writes it beside the bar


@dataclass(frozen=True)
class RangeChart:
    """Rough ranges per option on a log axis, coloured by rung as on the web page."""

    chart_id: str
    title: str
    unit: str  # "days" or "hours a week"
    rows: tuple[RangeRow, ...]
    groups: tuple[tuple[str, str], ...]  # (rung name, colour) in ladder order
    value_axis_title: str
    alt: str

    def log_bounds(self) -> tuple[float, float]:
        """Axis ends at whole powers of ten around every range, so a log axis shows 0.1, 1, 10…"""
        low = min(row.low for row in self.rows)
        high = max(row.high for row in self.rows)
        return 10.0 ** math.floor(math.log10(low)), 10.0 ** math.ceil(math.log10(high))


Chart = ColumnChart | RangeChart


def chart_for(content, chart_id: str) -> Chart:
    """The chart a slide names by one of components.talks.CHART_IDS."""
    return _BUILDERS[chart_id](content)


def _star_d(content) -> ColumnChart:
    star_d = content.timelines.star_d
    remission = star_d_remission_by_level(star_d)
    colours = palette()
    categories = tuple(f"Level {r.level} (n = {r.patients_entering:,})" for r in remission)
    per_level = tuple(r.remission_percent for r in remission)
    cumulative = tuple(r.cumulative_percent for r in remission)
    words = "; ".join(f"level {r.level}: {r.remission_percent:g}% remitted, {r.cumulative_percent:g}% "
                      "cumulative" for r in remission)
    return ColumnChart(
        chart_id="stard-levels",
        title=f"STAR*D: remission by treatment level ({star_d.remission_scale_name})",
        categories=categories,
        series=(Series("Remission at this level (% of those entering it)", per_level, colours[0]),
                Series("Cumulative, if nobody dropped out (% of all)", cumulative, colours[1])),
        value_axis_title="Patients in remission (%)",
        alt=f"Column chart of STAR*D remission by level: {words}.",
    )


def _range_chart(content, chart_id: str, title: str, unit: str, axis_title: str, ranges,
                 words) -> RangeChart:
    treatments = content.treatments
    colours = palette()
    # The web figure colours each rung by its place in the rung list; the same here.
    rung_colour = {rung.id: colours[index % len(colours)] for index, rung in enumerate(treatments.rungs)}
    rung_names = {rung.id: rung_name(rung) for rung in treatments.rungs}
    rows = tuple(RangeRow(r.option.short_name, rung_names[r.option.rung], r.low, r.high, words(r))
                 for r in ranges)
    present = dict.fromkeys(r.option.rung for r in ranges)
    groups = tuple((rung_names[rung], rung_colour[rung]) for rung in present)
    listed = "; ".join(f"{row.label}: {row.words}" for row in rows)
    return RangeChart(chart_id=chart_id, title=title, unit=unit, rows=rows, groups=groups,
                      value_axis_title=axis_title,
                      alt=f"Bar chart of rough ranges, {unit}, on a log scale: {listed}.")


def _onset(content) -> RangeChart:
    treatments = content.treatments
    return _range_chart(
        content, "onset", "Time to first effect (rough)", "days",
        "Time to first effect, days (log scale, rough)", onset_ranges(treatments.options, treatments.rungs),
        lambda r: duration_label(r.low, r.high))


def _commitment(content) -> RangeChart:
    treatments = content.treatments
    return _range_chart(
        content, "commitment", "Hours at visits per week (rough)", "hours a week",
        "Hours at visits per week (log scale, rough)",
        commitment_ranges(treatments.options, treatments.rungs, "week"),
        lambda r: f"{span(r.low, r.high, 1)} h a week ({course_summary(r.option)})")


_BUILDERS = {"stard-levels": _star_d, "onset": _onset, "commitment": _commitment}
