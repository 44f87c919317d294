"""Every chart reads at 1366 px and 1920 px without hovering: no slanted ticks, no colliding
labels, text of at least 14 px, and bars that mean different things in different colours.

The pixel checks place each label as plotly would, from the figure's own axis ranges, in the
plot area a full-width chart gets on a 1366 px laptop and a 1920 px projector.
"""
from __future__ import annotations

import colorsys
import itertools
import math

import plotly.graph_objects as go
import pytest

from components.charts import CHART_WIDTHS_PX, LAPTOP_CHART_PX, text_width_px
from components.onset_charts import (
    BURDEN_HEIGHT_PX,
    burden_groups,
    make_commitment_figure,
    make_onset_burden_figure,
    make_onset_figure,
)
from components.sequencing import plan_sequence
from components.timeline_charts import make_pathway_figure, make_star_d_figure

MIN_TEXT_PX = 14


def plans(content):
    timelines = content.timelines
    return {path.id: plan_sequence(path.steps, timelines.sequence_steps,
                                   timelines.sequencing_rules.referral_due_after_trials)
            for path in timelines.sequencing_paths}


def every_figure(content) -> dict[str, go.Figure]:
    options, rungs = content.treatments.options, content.treatments.rungs
    figures = {
        "onset": make_onset_figure(options, rungs),
        "commitment-week": make_commitment_figure(options, rungs, "week"),
        "commitment-course": make_commitment_figure(options, rungs, "course"),
        "burden": make_onset_burden_figure(options, rungs),
        "star-d": make_star_d_figure(content.timelines.star_d),
    }
    figures.update({f"path-{key}": make_pathway_figure(plan) for key, plan in plans(content).items()})
    return figures


@pytest.fixture(scope="module")
def figures(content):
    return every_figure(content)


def plot_width(figure: go.Figure, chart_px: float = LAPTOP_CHART_PX) -> float:
    """The plot area left once margins, the y tick labels and the y axis title are drawn."""
    labels = figure.layout.yaxis.ticktext or ["100 h"]
    font_px = figure.layout.yaxis.tickfont.size or 12  # 12: what Streamlit draws if unset
    label_px = max(text_width_px(t, font_px) for t in labels) + 12
    return chart_px - 32 - label_px - 28


def x_position(figure: go.Figure, value: float, width: float) -> float:
    axis = figure.layout.xaxis
    low, high = axis.range
    x = math.log10(value) if axis.type == "log" else value
    return (x - low) / (high - low) * width


@pytest.mark.parametrize("name", ["onset", "commitment-week", "commitment-course", "burden",
                                  "star-d", "path-typical-path"])
def test_no_chart_writes_its_tick_labels_at_a_slant(figures, name):
    layout = figures[name].layout
    assert layout.xaxis.tickangle == 0 and layout.yaxis.tickangle == 0, name


def test_axis_legend_and_mark_text_is_at_least_14_px(figures):
    for name, figure in figures.items():
        layout = figure.layout
        for axis in (layout.xaxis, layout.yaxis):
            assert axis.tickfont.size >= MIN_TEXT_PX, name
            assert axis.title.font.size >= MIN_TEXT_PX, name
        assert layout.legend.font.size >= MIN_TEXT_PX, name
        for annotation in layout.annotations:
            assert annotation.font.size >= MIN_TEXT_PX, (name, annotation.text)
        for trace in figure.data:
            if "text" in (getattr(trace, "mode", None) or "") or trace.text is not None:
                size = trace.textfont.size or layout.font.size
                assert size >= MIN_TEXT_PX, (name, trace.name)


@pytest.mark.parametrize("name", ["onset", "commitment-week", "commitment-course", "burden"])
def test_time_and_hour_ticks_sit_side_by_side_without_touching_on_a_laptop(figures, name):
    figure = figures[name]
    axis, width = figure.layout.xaxis, plot_width(figure)
    assert len(axis.tickvals) >= 4, "enough ticks left to read the scale"
    spots = sorted((x_position(figure, v, width), text_width_px(t, axis.tickfont.size or 12))
                   for v, t in zip(axis.tickvals, axis.ticktext, strict=True))
    for (left, left_px), (right, right_px) in itertools.pairwise(spots):
        assert right - left >= (left_px + right_px) / 2 + 8, (name, axis.ticktext)


@pytest.mark.parametrize("name", ["onset", "commitment-week", "commitment-course"])
def test_option_names_are_on_the_category_axis_and_each_range_text_fits_beside_it(figures, name):
    figure = figures[name]
    assert figure.layout.xaxis.type == "log" and figure.layout.yaxis.ticktext
    ranges = [t for t in figure.data if t.mode == "lines+markers"]
    assert all(t.x[0] <= t.x[1] for t in ranges), "rough values are drawn as low–high ranges"
    labels = next(t for t in figure.data if t.mode == "markers+text")
    width = plot_width(figure)
    for end, text in zip(labels.x, labels.text, strict=True):
        assert x_position(figure, end, width) + 12 + text_width_px(text) <= width, (name, text)
    rows = sorted(figure.layout.yaxis.tickvals)
    row_px = (figure.layout.height - 110) / (max(rows) + 1)
    assert row_px >= 1.6 * MIN_TEXT_PX, "rows at least 1.6 lines apart"


def burden_label_boxes(figure: go.Figure, chart_px: float):
    """Each name's box in pixels at this chart width, with the marker it names."""
    width = chart_px - 32 - 88
    height = BURDEN_HEIGHT_PX - 162
    (x0, x1), (y0, y1) = figure.layout.xaxis.range, figure.layout.yaxis.range
    boxes = []
    for a in figure.layout.annotations:
        if a.xref != "x":
            continue
        px, py = (a.x - x0) / (x1 - x0) * width, (a.y - y0) / (y1 - y0) * height
        cx, cy = px + a.ax, py - a.ay
        half_w, half_h = text_width_px(a.text, a.font.size) / 2, a.font.size * 0.65
        boxes.append(((cx - half_w, cy - half_h, cx + half_w, cy + half_h), (px, py), a.text))
    return boxes, width, height


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("chart_px", CHART_WIDTHS_PX)
def test_burden_names_never_overlap_each_other_or_a_marker_at_laptop_or_projector_width(
        content, figures, chart_px):
    figure = figures["burden"]
    boxes, width, height = burden_label_boxes(figure, chart_px)
    assert len(boxes) >= len(burden_groups(content.treatments.options, content.treatments.rungs)) - 2
    markers = burden_markers(figure, width, height)
    for i, (box, _, text) in enumerate(boxes):
        assert box[0] >= 0 and box[2] <= width and box[1] >= 0 and box[3] <= height, text
        for other, _, other_text in boxes[i + 1:]:
            assert not overlaps(box, other), (text, other_text)
        for mx, my in markers:
            assert not overlaps(box, (mx - 8, my - 8, mx + 8, my + 8)), (text, "covers a marker")
    for i, (mx, my) in enumerate(markers):
        for ox, oy in markers[i + 1:]:
            assert math.hypot(mx - ox, my - oy) >= 16, "two markers on top of each other"


def burden_markers(figure: go.Figure, width: float, height: float) -> list[tuple[float, float]]:
    (x0, x1), (y0, y1) = figure.layout.xaxis.range, figure.layout.yaxis.range
    return [((math.log10(x) - x0) / (x1 - x0) * width, (math.log10(y) - y0) / (y1 - y0) * height)
            for t in figure.data if t.mode in ("markers", "markers+text") and t.showlegend is not False
            for x, y in zip(t.x, t.y, strict=True)]


def test_every_burden_cross_is_named_on_the_chart_or_listed_under_it(content, figures):
    figure = figures["burden"]
    named = [a.text for a in figure.layout.annotations if a.xref == "x"]
    footnote = " ".join(a.text for a in figure.layout.annotations if a.xref == "paper")
    for group in burden_groups(content.treatments.options, content.treatments.rungs):
        assert group.label and (group.label in named or group.label in footnote), group.label
    assert len(named) == len(set(named)), "each name once"
    assert all(t.mode == "markers" for t in figure.data if t.showlegend is not False), (
        "names are annotations placed clear of each other, not text stuck beside the markers")


def hue_degrees(colour: str) -> float:
    red, green, blue = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hsv(red, green, blue)[0] * 360


def test_shorter_and_longer_schedules_are_different_colours_with_a_legend(content, figures):
    for key in plans(content):
        figure = figures[f"path-{key}"]
        lanes = [t for t in figure.data if t.type == "bar" and (t.name or "").startswith("If every")]
        assert len(lanes) == 2 and all(t.orientation == "h" and t.showlegend is not False for t in lanes)
        colours = [t.marker.color for t in lanes]
        assert all(isinstance(c, str) for c in colours), "a flag must not recolour a lane's bars"
        gap = abs(hue_degrees(colours[0]) - hue_degrees(colours[1])) % 360
        assert min(gap, 360 - gap) >= 60, ("the two lanes need clearly different hues", colours)


def test_flagged_steps_say_so_in_the_legend_and_keep_their_lane_colours(content, figures):
    figure = figures["path-six-months-half-working"]
    lanes = [t for t in figure.data if (t.name or "").startswith("If every")]
    assert all(t.marker.pattern.fillmode == "overlay" for t in lanes)
    assert any((t.name or "").startswith("⚠ Flagged") for t in figure.data)
    assert not any((t.name or "").startswith("⚠ Flagged")
                   for t in figures["path-typical-path"].data), "no flag, no legend entry"


def test_each_step_writes_the_weeks_it_needs_inside_the_chart_on_a_laptop(content, figures):
    for key, plan in plans(content).items():
        figure = figures[f"path-{key}"]
        needs = next(t for t in figure.data if t.name == "Weeks the step needs")
        steps = [p for p in plan.steps if not p.is_milestone]
        assert [t.strip() for t in needs.text] == [
            f"{p.step.weeks.low:g}–{p.step.weeks.high:g} wk" if p.step.weeks.low != p.step.weeks.high
            else f"{p.step.weeks.low:g} wk" for p in steps], key
        width = plot_width(figure)
        for end, text in zip(needs.x, needs.text, strict=True):
            assert x_position(figure, end, width) + text_width_px(text) <= width, (key, text)
