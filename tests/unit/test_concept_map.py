"""The concept map figure: nodes, labels, groups and colours come from data/map.yaml, and no label
collides with another label, a node or the edge of the plot at laptop or projector width."""
from __future__ import annotations

import itertools

import pytest
import yaml

from components.charts import palette
from components.concept_map import (
    CENTRE_SIZE_PX,
    NODE_SIZE_PX,
    Box,
    axis_ranges,
    label_offsets,
    label_position,
    make_concept_map_figure,
    node_positions,
    outer_nodes,
    wrap_label,
)
from components.schema.map import MapFile
from tests.conftest import DATA_DIR

ELEMENTS = {"two-antidepressants", "adequate-trial", "persistent-anhedonia", "augmentation", "tms",
            "ketamine-esketamine", "ect", "specialist-referral"}
# Plot areas (width, height) of the map column: laptop at 1366 px and projector at 1920 px.
PLOT_AREAS = [(520, 480), (640, 480), (900, 480)]


@pytest.fixture(scope="module")
def trd_map() -> MapFile:
    return MapFile.model_validate(yaml.safe_load((DATA_DIR / "map.yaml").read_text("utf-8")))


def node_traces(figure):
    return [trace for trace in figure.data if trace.mode == "markers+text"]


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
    drawn = {text.replace("<br>", " ") for trace in node_traces(figure) for text in trace.text}
    centre_label = "Treatment-resistant depression"
    assert {label.replace("- ", "-") for label in drawn} == {n.label for n in trd_map.nodes}
    assert centre_label in {label.replace("- ", "-") for label in drawn}


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
        if trace.mode != "markers+text":
            assert trace.hoverinfo == "skip"
    assert figure.layout.clickmode == "event+select"


def test_labels_point_away_from_the_centre():
    assert label_position(0, 1) == "top center"
    assert label_position(1, 0) == "middle right"
    assert label_position(0, -1) == "bottom center"
    assert label_position(-1, 0) == "middle left"
    assert label_position(0.7, -0.7) == "bottom right"


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
        offset = label_offsets(node.label, label_position(x, y))
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
