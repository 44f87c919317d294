"""The concept map figure: nodes, labels, groups and colours come from data/map.yaml, and no label
collides with another label, a node or the edge of the plot at laptop or projector width."""
from __future__ import annotations

import itertools
import math

import pytest
import yaml

from components.charts import palette
from components.concept_map import (
    CENTRE_SIZE_PX,
    NODE_SIZE_PX,
    SELECTED_RING_PX,
    Box,
    axis_ranges,
    contrast_ratio,
    make_concept_map_figure,
    node_positions,
    outer_nodes,
    tag_box,
    tag_placement,
    wrap_label,
)
from components.schema.map import MapFile
from tests.conftest import DATA_DIR

ELEMENTS = {"two-antidepressants", "adequate-trial", "persistent-anhedonia", "augmentation", "tms",
            "ketamine-esketamine", "ect", "specialist-referral"}
# Plot areas (width, height) of the map column: laptop at 1366 px and projector at 1920 px.
PLOT_AREAS = [(342, 470), (520, 480), (640, 480), (900, 480)]  # a 390 px phone first


@pytest.fixture(scope="module")
def trd_map() -> MapFile:
    return MapFile.model_validate(yaml.safe_load((DATA_DIR / "map.yaml").read_text("utf-8")))


def node_traces(figure):
    return [trace for trace in figure.data if trace.customdata is not None]


def drawn_nodes(figure) -> dict[str, str]:
    """Node id -> the legend name (group label) of the trace that draws it."""
    return {node_id: trace.name for trace in node_traces(figure) for node_id in trace.customdata}


def test_the_map_has_trd_at_the_centre_and_the_eight_elements(trd_map):
    figure = make_concept_map_figure(trd_map)
    assert set(drawn_nodes(figure)) == ELEMENTS | {"trd"}
    assert len(drawn_nodes(figure)) == 9
    assert node_positions(trd_map)["trd"] == (0.0, 0.0)


def test_every_label_is_drawn_from_the_content(trd_map):
    figure = make_concept_map_figure(trd_map)
    tags = [a.text.replace("<br>", " ") for a in figure.layout.annotations]
    centre = [t for t in node_traces(figure) if t.mode == "markers+text"]
    assert sorted(tags) == sorted(node.label for node in outer_nodes(trd_map))
    assert centre[0].text[0].replace("<br>", " ") == "Treatment- resistant depression"


def test_every_label_tag_is_readable_on_its_colour(trd_map):
    for tag in make_concept_map_figure(trd_map).layout.annotations:
        assert contrast_ratio(tag.font.color, tag.bgcolor) >= 4.5, tag.text
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)


def test_nodes_are_grouped_by_kind_with_one_legend_entry_and_colour_per_group(trd_map):
    figure = make_concept_map_figure(trd_map)
    groups = drawn_nodes(figure)
    assert groups["tms"] == groups["ect"] == groups["augmentation"] == "Treatment"
    assert groups["two-antidepressants"] == groups["adequate-trial"] == "Defining criteria"
    assert groups["persistent-anhedonia"] == "Symptom"
    assert groups["specialist-referral"] == "Referral"
    legend = [trace.name for trace in figure.data if trace.showlegend]
    assert sorted(legend) == sorted(g.label for g in trd_map.groups)
    colours = {trace.name: trace.marker.color for trace in node_traces(figure)}
    assert len(set(colours.values())) == len(trd_map.groups)
    assert set(colours.values()) <= set(palette())


def test_a_selected_node_gets_a_ring_and_no_selection_draws_none(trd_map):
    def rings(figure):
        return [t for t in figure.data if t.mode == "markers" and t.marker.symbol == "circle-open"]

    assert rings(make_concept_map_figure(trd_map)) == []
    ringed = rings(make_concept_map_figure(trd_map, "tms"))
    assert len(ringed) == 1
    assert (ringed[0].x[0], ringed[0].y[0]) == node_positions(trd_map)["tms"]
    assert rings(make_concept_map_figure(trd_map, "no-such-node")) == []


def test_clicks_identify_nodes_and_edges_ignore_the_pointer(trd_map):
    figure = make_concept_map_figure(trd_map)
    for trace in figure.data:
        if trace.customdata is None:
            assert trace.hoverinfo == "skip"
    assert figure.layout.clickmode == "event+select"


def test_tags_sit_above_or_below_their_node_clear_of_the_selection_ring():
    assert tag_placement(0, 1).yanchor == "bottom" and tag_placement(0, 1).yshift > 0
    assert tag_placement(0.7, 0.7).yanchor == "bottom" and tag_placement(0.7, 0.7).yshift > 0
    assert tag_placement(0, -1).yanchor == "top" and tag_placement(0, -1).yshift < 0
    for x, y in [(1, 0), (-1, 0), (0, 1), (-0.7, -0.7)]:  # never sideways: the map fits a phone
        assert tag_placement(x, y).xanchor == "center" and tag_placement(x, y).xshift == 0
    ring_outer_radius = SELECTED_RING_PX / 2 + 2  # the ring's 4 px line is centred on it
    for x, y in [(0, 1), (0.7, 0.7), (1, 0), (0.7, -0.7), (0, -1), (-0.7, -0.7), (-1, 0)]:
        box = tag_box("Ketamine / esketamine", tag_placement(x, y))
        nearest_x = min(max(0, box.left), box.right)
        nearest_y = min(max(0, box.bottom), box.top)
        assert math.hypot(nearest_x, nearest_y) > ring_outer_radius


def test_long_labels_wrap_on_two_lines_without_splitting_words():
    assert wrap_label("TMS") == "TMS"
    assert wrap_label("Adequate dose + duration") == "Adequate dose<br>+ duration"
    assert all(len(line) <= 20 for line in wrap_label("Two antidepressants tried").split("<br>"))


def absolute_boxes(trd_map: MapFile, width: int, height: int) -> dict[str, Box]:
    """Every label and marker as a pixel box inside a plot area of width x height."""
    half_x, half_y = axis_ranges(trd_map)
    positions = node_positions(trd_map)
    boxes: dict[str, Box] = {}
    for node_id, (x, y) in positions.items():
        cx, cy = x * width / (2 * half_x), y * height / (2 * half_y)
        size = CENTRE_SIZE_PX if node_id == trd_map.centre else NODE_SIZE_PX
        boxes[f"marker:{node_id}"] = Box(cx - size / 2, cx + size / 2, cy - size / 2, cy + size / 2)
    for node in outer_nodes(trd_map):
        x, y = positions[node.id]
        cx, cy = x * width / (2 * half_x), y * height / (2 * half_y)
        offset = tag_box(node.label, tag_placement(x, y))
        boxes[f"label:{node.id}"] = Box(cx + offset.left, cx + offset.right,
                                        cy + offset.bottom, cy + offset.top)
    return boxes


@pytest.mark.parametrize("width,height", PLOT_AREAS)
def test_no_label_overlaps_another_label_or_node(trd_map, width, height):
    boxes = absolute_boxes(trd_map, width, height)
    for (name_a, a), (name_b, b) in itertools.combinations(boxes.items(), 2):
        if name_a.split(":")[1] == name_b.split(":")[1]:
            continue  # a node's own label sits beside its own marker
        assert not a.overlaps(b), f"{name_a} overlaps {name_b} at {width}x{height}"


@pytest.mark.parametrize("width,height", PLOT_AREAS)
def test_every_label_fits_inside_the_plot(trd_map, width, height):
    for name, box in absolute_boxes(trd_map, width, height).items():
        assert -width / 2 <= box.left and box.right <= width / 2, f"{name} clipped at the side"
        assert -height / 2 <= box.bottom and box.top <= height / 2, f"{name} clipped at top/bottom"


def test_overlap_check_can_fail():
    assert Box(0, 10, 0, 10).overlaps(Box(5, 15, 5, 15))
    assert not Box(0, 10, 0, 10).overlaps(Box(10, 20, 0, 10))
