"""Pure figure builders for the Onset & commitment page: time to first effect, time at visits, both at once."""
from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import plotly.graph_objects as go

from components.charts import (
    CHART_WIDTHS_PX,
    LABEL_FONT_PX,
    LAPTOP_CHART_PX,
    TICK_FONT_PX,
    apply_house_style,
    palette,
    spaced_ticks,
    text_width_px,
)
from components.ladder import (
    acute_course_hours,
    duration_label,
    hours_per_week,
    onset_label,
    sort_options,
)
from components.schema.common import span
from components.schema.sources import cite_briefly
from components.schema.treatments import SETTING_LABELS, Rung, TreatmentOption

Per = Literal["week", "course"]
PER_LABELS: dict[str, str] = {"week": "Per week", "course": "Whole acute course"}

# Log-axis ticks in words: clinicians read "3 days", not "10^0.5". Most useful first: where
# labels would touch, the later ones are left out (components.charts.spaced_ticks).
ONSET_TICKS_DAYS: tuple[tuple[float, str], ...] = (
    (1, "1 day"), (7, "1 week"), (1 / 24, "1 hour"), (4 / 24, "4 hours"), (28, "4 weeks"),
    (365, "1 year"), (91, "3 months"), (3, "3 days"), (14, "2 weeks"), (56, "8 weeks"),
    (182, "6 months"),
)
HOUR_TICKS: tuple[tuple[float, str], ...] = (
    (1, "1 h"), (10, "10 h"), (100, "100 h"), (0.25, "15 min"), (5, "5 h"), (50, "50 h"),
    (0.5, "30 min"), (2, "2 h"), (20, "20 h"), (0.1, "6 min"),
)
# Colour and shape per setting, so the onset-vs-burden chart does not rely on colour alone.
SETTING_SYMBOLS: dict[str, str] = {
    "primary-care": "circle", "shared-care": "square", "specialist": "diamond",
    "certified-centre": "triangle-up",
}
RANGE_LINE_WIDTH = 7
ROW_PX = 30  # one option's row on the onset and time charts: room for 14 px text and a gap
SIDE_TEXT_PAD_PX = 24  # from the end of a range to the far end of its text: end dot and a gap
# Outlines: a mid grey that reads on both the light and the dark theme.
NEUTRAL = "#808080"

HOW_TO_READ_ONSET = (
    "How to read this: each line runs from the earliest to the latest time a first effect is "
    "usually seen, on a log scale so hours, days and weeks all fit, and the words beside it say "
    "the same range; options are grouped under the bold name of their rung of the treatment "
    "ladder. A single dot is a single reported time. All values are rough."
)
HOW_TO_READ_COMMITMENT = (
    "How to read this: each line is the time a patient spends at visits (including observation "
    "or recovery), from the low to the high end of the usual course, on a log scale. The text "
    "beside it is visits a week × minutes a visit × weeks; options are grouped under the bold name "
    "of their rung. Switch between one week and the whole acute course. All values are rough."
)
HOW_TO_READ_BURDEN = (
    "How to read this: further left works faster, lower asks fewer hours. Each cross spans the "
    "rough onset range (across) and the rough hours over the acute course (up and down); its "
    "colour and shape give the setting, and a thin line joins each name to its marker. Medicines "
    "that take a week or more share one cross per rung and setting, named with how many it holds "
    "(the table lists them); a marker that would hide another is moved along its onset range. "
    "Both axes are log scales."
)


def rung_name(rung: Rung) -> str:
    """The rung's label without its bracketed examples, short enough for an axis or a legend."""
    return rung.label.split(" (")[0]


def _wrap(text: str, width: int = 60) -> str:
    return "<br>".join(textwrap.wrap(text, width)) if text else ""


def _rows_by_rung(options: Sequence[TreatmentOption]) -> tuple[dict[str, float], dict[str, float]]:
    """A y position per option, and one per rung for its header row, with air between groups."""
    position: dict[str, float] = {}
    headers: dict[str, float] = {}
    y = 0.0
    for option in options:
        if option.rung not in headers:
            if headers:
                y += 0.6
            headers[option.rung] = y
            y += 1
        position[option.id] = y
        y += 1
    return position, headers


def _range_traces(figure: go.Figure, options: Sequence[TreatmentOption], rungs: Sequence[Rung],
                  position: Mapping[str, float], values: Mapping[str, tuple[float, float]],
                  hover: Mapping[str, str]) -> None:
    """One trace per rung: a thick line from low to high for each option, dots at both ends."""
    colours = palette()
    for index, rung in enumerate(rungs):
        members = [o for o in options if o.rung == rung.id]
        if not members:
            continue
        xs: list[float | None] = []
        ys: list[float | None] = []
        custom: list[str] = []
        for option in members:
            low, high = values[option.id]
            xs += [low, high, None]
            ys += [position[option.id]] * 2 + [None]
            custom += [hover[option.id]] * 2 + [""]
        figure.add_scatter(
            name=rung_name(rung), x=xs, y=ys, mode="lines+markers",
            line={"color": colours[index % len(colours)], "width": RANGE_LINE_WIDTH},
            marker={"size": 11, "color": colours[index % len(colours)]},
            customdata=custom, hovertemplate="%{customdata}<extra></extra>", connectgaps=False,
        )


def _side_labels(figure: go.Figure, options: Sequence[TreatmentOption],
                 position: Mapping[str, float], values: Mapping[str, tuple[float, float]],
                 text: Mapping[str, str]) -> None:
    """Text to the right of each range; its own trace, because text on a gapped line goes missing."""
    figure.add_scatter(
        x=[values[o.id][1] for o in options], y=[position[o.id] for o in options],
        text=[text[o.id] for o in options], mode="markers+text", textposition="middle right",
        marker={"size": 16, "opacity": 0},  # invisible: it only pushes the text off the end dot
        textfont={"size": LABEL_FONT_PX}, hoverinfo="skip", showlegend=False,
    )


def _rung_headers(figure: go.Figure, rungs: Sequence[Rung], headers: Mapping[str, float]) -> None:
    """Each rung's name in bold on a row of its own, from the left edge of the plot.

    Written inside the plot rather than among the tick labels: the longest rung name would
    otherwise widen the label column and squeeze the time axis on a laptop.
    """
    names = {rung.id: rung_name(rung) for rung in rungs}
    for rung_id, y in headers.items():
        figure.add_annotation(x=0, xref="paper", xanchor="left", y=y, yref="y", showarrow=False,
                              text=f"<b>{names.get(rung_id, rung_id)}</b>",
                              font={"size": LABEL_FONT_PX})


def _fitting_log_range(values: Mapping[str, tuple[float, float]], side_text: Mapping[str, str],
                       plot_px: float) -> tuple[float, float]:
    """A log10 range leaving room, in a plot `plot_px` wide, for the text beside each range.

    A range ending at log10 h with text w pixels wide fits when
    (h - left) / (right - left) * W + w <= W, that is right - left >= (h - left) * W / (W - w).
    """
    left = math.log10(min(v[0] for v in values.values()) / 1.6)
    span_needed = math.log10(max(v[1] for v in values.values()) * 1.6) - left
    for key, (_, high) in values.items():
        text_px = text_width_px(side_text[key]) + SIDE_TEXT_PAD_PX
        span_needed = max(span_needed, (math.log10(high) - left) * plot_px / (plot_px - text_px))
    return left, left + span_needed


def _log_axis(ticks: Sequence[tuple[float, str]], log_range: tuple[float, float],
              plot_px: float) -> dict:
    """A log axis over `log_range` showing the ticks whose words sit side by side at `plot_px`."""
    left, right = log_range
    shown = spaced_ticks(ticks, lambda v: (math.log10(v) - left) / (right - left) * plot_px, plot_px)
    return {"type": "log", "tickvals": [v for v, _ in shown], "ticktext": [t for _, t in shown],
            "range": [left, right]}


def _plot_px(chart_px: float, row_labels: Iterable[str], axis_title: bool = False) -> float:
    """The plot area's width: the chart less its margins and the column of row labels."""
    labels = max(text_width_px(label, TICK_FONT_PX) for label in row_labels) + 12
    return chart_px - 32 - labels - (28 if axis_title else 0)


# ---------------------------------------------------------------- onset


@dataclass(frozen=True)
class OptionRange:
    """One option's rough range on a chart (days to first effect, or hours at visits)."""

    option: TreatmentOption
    low: float
    high: float


def onset_ranges(options: Iterable[TreatmentOption], rungs: Sequence[Rung]) -> list[OptionRange]:
    """Days to first effect, low to high, per option in ladder order: what every onset chart draws."""
    return [OptionRange(o, o.onset_days.low, o.onset_days.high) for o in sort_options(options, rungs)]


def make_onset_figure(options: Iterable[TreatmentOption], rungs: Sequence[Rung],
                      names: Mapping[str, str] | None = None) -> go.Figure:
    """Time to first effect per option as a range on a log time axis, grouped by ladder rung."""
    ranges = onset_ranges(options, rungs)
    ordered = [r.option for r in ranges]
    values = {r.option.id: (r.low, r.high) for r in ranges}
    hover = {
        o.id: f"<b>{o.name}</b><br>First effect: {onset_label(o)} (rough)"
              + (f"<br>{_wrap(o.onset_days.note)}" if o.onset_days.note else "")
              + f"<br>Source: {_wrap(cite_briefly(o.sources, names))}"
        for o in ordered
    }
    return _range_figure(ordered, rungs, values, hover, {o.id: onset_label(o) for o in ordered},
                         ONSET_TICKS_DAYS, "Time to first effect (log scale: hours → days → weeks)")


def _range_figure(ordered: Sequence[TreatmentOption], rungs: Sequence[Rung],
                  values: Mapping[str, tuple[float, float]], hover: Mapping[str, str],
                  side_text: Mapping[str, str], ticks: Sequence[tuple[float, str]],
                  axis_title: str) -> go.Figure:
    """One row per option, a range per row on a log axis with words beside it, rows by rung.

    Option names are the category (y) axis, so nothing is written at a slant. The x range leaves
    room for the words beside every range and only ticks that fit side by side are kept, both
    worked out for the narrowest chart, on a 1366 px laptop. The bold rung names replace a
    colour legend.
    """
    position, headers = _rows_by_rung(ordered)
    figure = go.Figure()
    _range_traces(figure, ordered, rungs, position, values, hover)
    _side_labels(figure, ordered, position, values, side_text)
    _rung_headers(figure, rungs, headers)
    figure.update_yaxes(tickvals=[position[o.id] for o in ordered],
                        ticktext=[o.short_name for o in ordered], autorange="reversed",
                        showgrid=False)
    plot_px = _plot_px(LAPTOP_CHART_PX, (o.short_name for o in ordered))
    log_range = _fitting_log_range(values, side_text, plot_px)
    figure.update_xaxes(title_text=axis_title, showgrid=True, **_log_axis(ticks, log_range, plot_px))
    figure.update_layout(showlegend=False)
    rows = max([*position.values(), *headers.values()]) + 1
    return apply_house_style(figure, height=int(110 + ROW_PX * rows))


# ---------------------------------------------------------------- time commitment


def course_summary(option: TreatmentOption) -> str:
    """'5 × 40–55 min × 4–6 wk': visits a week × minutes a visit × weeks."""
    course = option.course
    return (f"{span(course.visits_per_week.low, course.visits_per_week.high, 2)}/wk × "
            f"{span(course.minutes_per_visit.low, course.minutes_per_visit.high)} min × "
            f"{span(course.weeks.low, course.weeks.high)} wk")


def commitment_ranges(options: Iterable[TreatmentOption], rungs: Sequence[Rung],
                      per: Per = "week") -> list[OptionRange]:
    """Hours at visits a week, or over the whole acute course, per option in ladder order."""
    measure = hours_per_week if per == "week" else acute_course_hours
    return [OptionRange(o, *measure(o)) for o in sort_options(options, rungs)]


def make_commitment_figure(options: Iterable[TreatmentOption], rungs: Sequence[Rung],
                           per: Per = "week") -> go.Figure:
    """Hours at visits per week, or over the whole acute course, per option, grouped by rung."""
    ranges = commitment_ranges(options, rungs, per)
    ordered = [r.option for r in ranges]
    values = {r.option.id: (r.low, r.high) for r in ranges}
    hover = {}
    for o in ordered:
        week, course = hours_per_week(o), acute_course_hours(o)
        hover[o.id] = (
            f"<b>{o.name}</b><br>{course_summary(o)}"
            f"<br>Hours a week: {span(*week, 1)}; whole acute course: {span(*course, 1)} (rough)"
            f"<br>Lab monitoring: {_wrap(o.course.lab_monitoring)}"
        )
    title = ("Hours at visits per week (log scale, rough)" if per == "week"
             else "Hours at visits over the whole acute course (log scale, rough)")
    return _range_figure(ordered, rungs, values, hover, {o.id: course_summary(o) for o in ordered},
                         HOUR_TICKS, title)


# ---------------------------------------------------------------- onset vs burden

SLOW_ONSET_DAYS = 7
BURDEN_HEIGHT_PX = 680
MARKER_PX = 16
# Plot-area height on the onset-vs-burden chart: the figure less margins, legend and x axis.
BURDEN_PLOT_HEIGHT_PX = BURDEN_HEIGHT_PX - 16 - 16 - 64 - 66
BURDEN_Y_LABELS_PX = 16 + 28 + 44  # tick padding, the rotated axis title, "100 h"
LABEL_HEIGHT_PX = LABEL_FONT_PX * 1.3 + 4
LABEL_CLEARANCE_PX = 6  # between a name and any other name or marker
# Where a name may go, tried nearest first: distance from its marker's edge, and directions.
LABEL_REACHES_PX = (6, 26, 52, 84, 120)
LABEL_DIRECTIONS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1))
# A name lying on a cross's arm costs as much as moving it this many candidate spots further out.
LINE_CROSSING_COST = 12


@dataclass(frozen=True)
class BurdenGroup:
    """Options drawn as one cross: a single option, or slow oral medicines of one rung and setting."""

    options: tuple[TreatmentOption, ...]
    label: str

    @property
    def setting(self) -> str:
        return self.options[0].setting

    @property
    def onset(self) -> tuple[float, float]:
        return (min(o.onset_days.low for o in self.options),
                max(o.onset_days.high for o in self.options))

    @property
    def hours(self) -> tuple[float, float]:
        spans = [acute_course_hours(o) for o in self.options]
        return min(h[0] for h in spans), max(h[1] for h in spans)

    @property
    def centre(self) -> tuple[float, float]:
        return math.sqrt(self.onset[0] * self.onset[1]), math.sqrt(self.hours[0] * self.hours[1])


def burden_groups(options: Iterable[TreatmentOption], rungs: Sequence[Rung]) -> list[BurdenGroup]:
    """One cross per option, except medicines that take a week or more: one per rung and setting.

    Those medicines sit on top of each other (weeks to work, a few short reviews), so one cross
    spanning their ranges reads better than a dozen identical ones. Every cross has a name: an
    option's short name, or a shared cross's rung with how many options it holds.
    """
    names = {rung.id: rung_name(rung) for rung in rungs}
    grouped: dict[tuple, list[TreatmentOption]] = {}
    for option in sort_options(options, rungs):
        slow_medicine = option.modality == "medication" and option.onset_days.low >= SLOW_ONSET_DAYS
        key = ("medicines", option.rung, option.setting) if slow_medicine else ("one", option.id)
        grouped.setdefault(key, []).append(option)
    shared_per_rung: dict[str, int] = {}
    for key, members in grouped.items():
        if key[0] == "medicines" and len(members) > 1:
            shared_per_rung[key[1]] = shared_per_rung.get(key[1], 0) + 1
    groups = []
    for key, members in grouped.items():
        if len(members) == 1:
            label = members[0].short_name
        else:
            setting = f", {SETTING_LABELS[key[2]].lower()}" if shared_per_rung[key[1]] > 1 else ""
            label = f"{names.get(key[1], key[1])} ({len(members)}{setting})"
        groups.append(BurdenGroup(tuple(members), label))
    return groups


@dataclass(frozen=True)
class LogFrame:
    """A plot area with two log axes, in pixels: x from the left edge, y up from the bottom."""

    width: float
    height: float
    x_range: tuple[float, float]  # log10
    y_range: tuple[float, float]  # log10

    def to_px(self, x: float, y: float) -> tuple[float, float]:
        (x0, x1), (y0, y1) = self.x_range, self.y_range
        return ((math.log10(x) - x0) / (x1 - x0) * self.width,
                (math.log10(y) - y0) / (y1 - y0) * self.height)

    def x_at(self, px: float) -> float:
        x0, x1 = self.x_range
        return 10 ** (x0 + px / self.width * (x1 - x0))


@dataclass(frozen=True)
class PlacedLabel:
    """A name's box centre as a pixel offset from its marker (dx right, dy up)."""

    dx: float
    dy: float


Box = tuple[float, float, float, float]  # left, bottom, right, top in px


def label_box(label: str, centre: tuple[float, float], offset: PlacedLabel) -> Box:
    """(left, bottom, right, top) of a name drawn at `offset` from a marker at `centre`, in px."""
    half_w, half_h = text_width_px(label) / 2 + 2, LABEL_HEIGHT_PX / 2
    x, y = centre[0] + offset.dx, centre[1] + offset.dy
    return x - half_w, y - half_h, x + half_w, y + half_h


def _overlap(a: Box, b: Box, clearance: float = 0) -> bool:
    return (a[0] < b[2] + clearance and b[0] < a[2] + clearance
            and a[1] < b[3] + clearance and b[1] < a[3] + clearance)


def _marker_box(centre: tuple[float, float]) -> Box:
    half = MARKER_PX / 2
    return centre[0] - half, centre[1] - half, centre[0] + half, centre[1] + half


def _burden_frames(groups: Sequence[BurdenGroup]) -> list[LogFrame]:
    """The plot area at every chart width the page is read at, narrowest first."""
    onsets = [g.onset for g in groups]
    hours = [g.hours for g in groups]
    x_range = (math.log10(min(o[0] for o in onsets) / 1.6), math.log10(max(o[1] for o in onsets) * 1.6))
    y_range = (math.log10(min(h[0] for h in hours) / 1.6), math.log10(max(h[1] for h in hours) * 1.6))
    return [LogFrame(chart_px - 32 - BURDEN_Y_LABELS_PX, BURDEN_PLOT_HEIGHT_PX, x_range, y_range)
            for chart_px in CHART_WIDTHS_PX]


def _dodged_centres(groups: Sequence[BurdenGroup], frame: LogFrame) -> list[tuple[float, float]]:
    """Centres moved right along their own onset range when two markers would sit on one another.

    A centre is only a representative point inside the ranges, so moving it within the onset
    range keeps the cross honest while letting each setting's marker be seen. Worked out on the
    narrowest chart: on a wider one markers only move further apart.
    """
    placed: list[tuple[float, float]] = []
    centres = []
    for group in groups:
        x, y = frame.to_px(*group.centre)
        ceiling = frame.to_px(group.onset[1], group.centre[1])[0]
        while x < ceiling and any(abs(x - px) < MARKER_PX + 8 and abs(y - py) < MARKER_PX + 8
                                  for px, py in placed):
            x = min(x + 4, ceiling)
        placed.append((x, y))
        centres.append((frame.x_at(x), group.centre[1]))
    return centres


def _candidate_offsets(label: str) -> list[PlacedLabel]:
    """Offsets for a name around its marker, nearest first: right, left, above, below, corners."""
    half_w, half_h = text_width_px(label) / 2 + 2, LABEL_HEIGHT_PX / 2
    reach_x, reach_y = half_w + MARKER_PX / 2, half_h + MARKER_PX / 2
    return [PlacedLabel(dx * (reach_x + reach), dy * (reach_y + reach))
            for reach in LABEL_REACHES_PX for dx, dy in LABEL_DIRECTIONS]


def _range_lines(group: BurdenGroup, centre: tuple[float, float], frame: LogFrame) -> list[Box]:
    """The two arms of a cross as thin boxes in pixels: across at the centre's height, and up."""
    x, y = frame.to_px(*centre)
    left, _ = frame.to_px(group.onset[0], centre[1])
    right, _ = frame.to_px(group.onset[1], centre[1])
    _, bottom = frame.to_px(centre[0], group.hours[0])
    _, top = frame.to_px(centre[0], group.hours[1])
    return [(left, y - 2, right, y + 2), (x - 2, bottom, x + 2, top)]


Segment = tuple[float, float, float, float]  # x0, y0, x1, y1 in px


def _segment_hits_box(segment: Segment, box: Box) -> bool:
    """Whether a straight segment passes through a box (Liang–Barsky clipping)."""
    x0, y0, x1, y1 = segment
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for step, room in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if step == 0:
            if room < 0:
                return False
            continue
        t = room / step
        if step < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


def _segments_cross(a: Segment, b: Segment) -> bool:
    def side(x0: float, y0: float, x1: float, y1: float, x: float, y: float) -> float:
        return (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0)

    return (side(*a, b[0], b[1]) * side(*a, b[2], b[3]) < 0
            and side(*b, a[0], a[1]) * side(*b, a[2], a[3]) < 0)


def place_burden_labels(groups: Sequence[BurdenGroup], centres: Sequence[tuple[float, float]]
                        ) -> list[PlacedLabel | None]:
    """A spot for each name, nearest first, at every chart width inside the plot and clear of
    every marker and every name placed before it, with its leader line passing no other marker
    and crossing no other leader; where it can be, off the arms of the crosses too (text over a
    line is hard to read). None if there is no clear spot at all."""
    frames = _burden_frames(groups)
    points = [[frame.to_px(*c) for c in centres] for frame in frames]
    markers = [[_marker_box(point) for point in row] for row in points]
    lines = [[line for g, c in zip(groups, centres, strict=True) for line in _range_lines(g, c, frame)]
             for frame in frames]
    names: list[list[Box]] = [[] for _ in frames]
    leaders: list[list[Segment]] = [[] for _ in frames]

    def fits(box: Box, leader: Segment, i: int, own: int) -> bool:
        frame = frames[i]
        inside = box[0] >= 0 and box[1] >= 0 and box[2] <= frame.width and box[3] <= frame.height
        return (inside and not any(_overlap(box, other, LABEL_CLEARANCE_PX) for other in names[i])
                and not any(_overlap(box, marker, LABEL_CLEARANCE_PX) for marker in markers[i])
                and not any(_segment_hits_box(leader, marker)
                            for m, marker in enumerate(markers[i]) if m != own)
                and not any(_segments_cross(leader, other) for other in leaders[i]))

    def cost(rank: int, boxes: list[Box]) -> float:
        crossings = sum(_overlap(box, line) for i, box in enumerate(boxes) for line in lines[i])
        return rank + LINE_CROSSING_COST * crossings

    placed: list[PlacedLabel | None] = []
    for index, group in enumerate(groups):
        best: tuple[float, PlacedLabel, list[Box], list[Segment]] | None = None
        for rank, offset in enumerate(_candidate_offsets(group.label)):
            starts = [row[index] for row in points]
            boxes = [label_box(group.label, start, offset) for start in starts]
            segments = [(x, y, x + offset.dx, y + offset.dy) for x, y in starts]
            if (all(fits(boxes[i], segments[i], i, index) for i in range(len(frames)))
                    and (best is None or cost(rank, boxes) < best[0])):
                best = (cost(rank, boxes), offset, boxes, segments)
        if best is not None:
            for i in range(len(frames)):
                names[i].append(best[2][i])
                leaders[i].append(best[3][i])
        placed.append(best[1] if best else None)
    return placed


def make_onset_burden_figure(options: Iterable[TreatmentOption], rungs: Sequence[Rung],
                             names: Mapping[str, str] | None = None) -> go.Figure:
    """Onset (x, log) against hours over the acute course (y, log); colour and shape = setting.

    Each cross is named by a label joined to its marker by a thin line, placed where it clears
    every other name and marker at laptop and projector widths; a name with no such spot is
    listed under the plot instead.
    """
    colours = palette()
    groups = burden_groups(options, rungs)
    frames = _burden_frames(groups)
    centres = _dodged_centres(groups, frames[0])
    spots = place_burden_labels(groups, centres)
    figure = go.Figure()
    for setting in SETTING_LABELS:
        members = [(g, centre) for g, centre in zip(groups, centres, strict=True)
                   if g.setting == setting]
        if not members:
            continue
        colour = colours[list(SETTING_LABELS).index(setting) % len(colours)]
        xs: list[float | None] = []
        ys: list[float | None] = []
        for group, (x_mid, y_mid) in members:
            xs += [group.onset[0], group.onset[1], None, x_mid, x_mid, None]
            ys += [y_mid, y_mid, None, group.hours[0], group.hours[1], None]
        figure.add_scatter(x=xs, y=ys, mode="lines", line={"color": colour, "width": 3},
                           opacity=0.5, hoverinfo="skip", showlegend=False, legendgroup=setting)
        figure.add_scatter(
            name=SETTING_LABELS[setting], legendgroup=setting, mode="markers",
            x=[centre[0] for _, centre in members], y=[centre[1] for _, centre in members],
            marker={"symbol": SETTING_SYMBOLS[setting], "size": MARKER_PX, "color": colour,
                    "line": {"width": 1, "color": NEUTRAL}},
            customdata=[_group_hover(g, names) for g, _ in members],
            hovertemplate="%{customdata}<extra></extra>",
        )
    unplaced = []
    for group, centre, spot in zip(groups, centres, spots, strict=True):
        if spot is None:
            unplaced.append(group.label)
            continue
        figure.add_annotation(
            x=math.log10(centre[0]), y=math.log10(centre[1]), xref="x", yref="y",
            text=group.label, font={"size": LABEL_FONT_PX}, showarrow=True, arrowhead=0,
            arrowwidth=1, arrowcolor=NEUTRAL, standoff=MARKER_PX / 2 + 1, ax=spot.dx, ay=-spot.dy,
            xanchor="center", yanchor="middle",
        )
    if unplaced:
        figure.add_annotation(x=1, y=0, xref="paper", yref="paper", xanchor="right",
                              yanchor="bottom", showarrow=False, font={"size": LABEL_FONT_PX},
                              text=_wrap("Not named here (see the table): " + "; ".join(unplaced)))
    frame = frames[0]
    figure.update_xaxes(title_text="Time to first effect (log scale: hours → days → weeks)",
                        **_log_axis(ONSET_TICKS_DAYS, frame.x_range, frame.width))
    figure.update_yaxes(title_text="Hours at visits, whole acute course (log scale, rough)",
                        **_vertical_log_axis(HOUR_TICKS, frame.y_range, frame.height))
    figure.update_layout(margin_t=80)
    return apply_house_style(figure, height=BURDEN_HEIGHT_PX, legend_title="Setting")


def _vertical_log_axis(ticks: Sequence[tuple[float, str]], log_range: tuple[float, float],
                       plot_px: float) -> dict:
    """A vertical log axis: ticks at least two lines of text apart."""
    low, high = log_range
    shown, last = [], -math.inf
    for value, text in sorted(ticks):  # at least two lines apart: every one fits in practice
        y = (math.log10(value) - low) / (high - low) * plot_px
        if 0 <= y <= plot_px and y - last >= 2 * TICK_FONT_PX:
            shown.append((value, text))
            last = y
    return {"type": "log", "tickvals": [v for v, _ in shown], "ticktext": [t for _, t in shown],
            "range": [low, high]}


def _group_hover(group: BurdenGroup, names: Mapping[str, str] | None) -> str:
    return (
        "<b>" + _wrap(", ".join(o.name for o in group.options)) + "</b>"
        f"<br>First effect: {duration_label(*group.onset)}; acute course: {span(*group.hours, 1)} hours"
        f" at visits (rough)<br>Setting: {SETTING_LABELS[group.setting]}"
        f"<br>Source: {_wrap(cite_briefly((s for o in group.options for s in o.sources), names))}"
    )


# ---------------------------------------------------------------- text equivalents


def onset_rows(options: Iterable[TreatmentOption], rungs: Sequence[Rung]) -> list[dict[str, object]]:
    labels = {rung.id: rung_name(rung) for rung in rungs}
    return [
        {"Option": o.name, "Rung": labels.get(o.rung, o.rung), "First effect (rough)": onset_label(o),
         "Note": o.onset_days.note, "Sources": ", ".join(o.sources)}
        for o in sort_options(options, rungs)
    ]


def commitment_rows(options: Iterable[TreatmentOption], rungs: Sequence[Rung]) -> list[dict[str, object]]:
    labels = {rung.id: rung_name(rung) for rung in rungs}
    rows = []
    for o in sort_options(options, rungs):
        course = o.course
        rows.append({
            "Option": o.name,
            "Rung": labels.get(o.rung, o.rung),
            "Visits per week": span(course.visits_per_week.low, course.visits_per_week.high, 2),
            "Minutes per visit": span(course.minutes_per_visit.low, course.minutes_per_visit.high),
            "Weeks": span(course.weeks.low, course.weeks.high),
            "Hours per week": span(*hours_per_week(o), 1),
            "Hours, whole acute course": span(*acute_course_hours(o), 1),
            "Setting": SETTING_LABELS[o.setting],
            "Lab monitoring": course.lab_monitoring,
        })
    return rows


def burden_rows(options: Iterable[TreatmentOption], rungs: Sequence[Rung] | None = None
                ) -> list[dict[str, object]]:
    """One row per option; given the rungs, in ladder order, naming the cross it is drawn in."""
    groups = ([BurdenGroup((o,), "") for o in options] if rungs is None
              else burden_groups(options, rungs))
    rows = []
    for group in groups:
        for o in group.options:
            rows.append({
                "Option": o.name, **({"On the chart as": group.label} if rungs is not None else {}),
                "First effect (rough)": onset_label(o),
                "Hours at visits, acute course (rough)": span(*acute_course_hours(o), 1),
                "Setting": SETTING_LABELS[o.setting],
            })
    return rows
