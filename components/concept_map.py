"""The TRD concept map: pure layout helpers and the plotly figure (no Streamlit calls)."""
from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

import plotly.graph_objects as go

from components.charts import apply_house_style, palette
from components.schema.map import MapFile, MapNode

LABEL_FONT_PX = 16
CENTRE_FONT_PX = 16
WRAP_CHARS = 12  # two short lines read better on a projector than one long one
CENTRE_WRAP_CHARS = 11
NODE_SIZE_PX = 30
SELECTED_RING_PX = 46
CENTRE_SIZE_PX = 124
FIGURE_HEIGHT_PX = 560
# Text metrics for a sans-serif font, kept on the generous side so estimates over-reserve space.
CHAR_WIDTH_EM = 0.58
LINE_HEIGHT_EM = 1.3
LABEL_GAP_PX = 6
# The narrowest plot area the layout must fit: the map column at 1366 px with the card beside it.
NARROW_PLOT_PX = (500, FIGURE_HEIGHT_PX - 90)
EDGE_COLOUR = "rgba(128, 128, 128, 0.55)"
SELECTION_HINT = "Click to open its card"

# Each outward compass direction has a plotly text position that keeps the label outside the ring,
# so no label can sit on an edge (edges run inside the ring).
_OUTWARD_POSITIONS = ("top center", "top right", "middle right", "bottom right",
                      "bottom center", "bottom left", "middle left", "top left")


@dataclass(frozen=True)
class Box:
    """A rectangle in pixels (x to the right, y upwards)."""

    left: float
    right: float
    bottom: float
    top: float

    def overlaps(self, other: Box) -> bool:
        return (self.left < other.right and other.left < self.right
                and self.bottom < other.top and other.bottom < self.top)


def wrap_label(label: str, one_line_max: int = WRAP_CHARS) -> str:
    """A ring label as one line if short, else two lines split where the longer line is shortest."""
    words = label.split(" ")
    if len(label) <= one_line_max or len(words) == 1:
        return label
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    first, second = min(splits, key=lambda pair: max(len(pair[0]), len(pair[1])))
    return f"{first}<br>{second}"


def wrap_centre_label(label: str) -> str:
    """The centre label in short lines (hyphens may break) so it fits inside the centre disc."""
    return "<br>".join(textwrap.wrap(label, width=CENTRE_WRAP_CHARS, break_long_words=False))


def outer_nodes(map_file: MapFile) -> list[MapNode]:
    """The elements around the centre, in drawing order (clockwise from the top)."""
    return [node for node in map_file.nodes if node.id != map_file.centre]


def node_positions(map_file: MapFile) -> dict[str, tuple[float, float]]:
    """The centre at (0, 0); the other nodes evenly on the unit circle, clockwise from the top."""
    positions = {map_file.centre: (0.0, 0.0)}
    ring = outer_nodes(map_file)
    for index, node in enumerate(ring):
        angle = math.pi / 2 - 2 * math.pi * index / len(ring)
        positions[node.id] = (round(math.cos(angle), 6), round(math.sin(angle), 6))
    return positions


def label_position(x: float, y: float) -> str:
    """The plotly text position pointing away from the centre for a node at (x, y)."""
    angle = math.atan2(x, y)  # 0 at the top, growing clockwise
    sector = round(angle / (math.pi / 4)) % 8
    return _OUTWARD_POSITIONS[sector]


def label_offsets(label: str, position: str, font_px: int = LABEL_FONT_PX,
                  marker_px: int = NODE_SIZE_PX) -> Box:
    """Where a node's wrapped label sits, in pixels relative to the node's centre."""
    lines = wrap_label(label).split("<br>")
    width = max(len(line) for line in lines) * font_px * CHAR_WIDTH_EM
    height = len(lines) * font_px * LINE_HEIGHT_EM
    reach = marker_px / 2 + LABEL_GAP_PX
    vertical, horizontal = position.split()
    if horizontal == "center":
        left, right = -width / 2, width / 2
    elif horizontal == "right":
        left, right = reach, reach + width
    else:
        left, right = -reach - width, -reach
    # Beside a diagonal node the text may start level with its centre or a marker radius away:
    # the box covers both, so estimates err towards reserving space.
    near = reach if horizontal == "center" else 0
    if vertical == "middle":
        bottom, top = -height / 2, height / 2
    elif vertical == "top":
        bottom, top = near, reach + height
    else:
        bottom, top = -reach - height, -near
    return Box(left, right, bottom, top)


def axis_ranges(map_file: MapFile, plot_px: tuple[int, int] = NARROW_PLOT_PX
                ) -> tuple[float, float]:
    """Half-widths of the x and y axes so every label fits inside a plot area of plot_px pixels.

    A node at x with a label reaching e pixels beyond it needs (R - |x|) * W / (2R) >= e,
    that is R >= |x| * (W/2) / (W/2 - e); the same holds vertically.
    """
    half_w, half_h = plot_px[0] / 2, plot_px[1] / 2
    need_x, need_y = 1.0, 1.0
    positions = node_positions(map_file)
    for node in outer_nodes(map_file):
        x, y = positions[node.id]
        box = label_offsets(node.label, label_position(x, y))
        reach_x = max(box.right, NODE_SIZE_PX / 2) if x >= 0 else max(-box.left, NODE_SIZE_PX / 2)
        reach_y = max(box.top, NODE_SIZE_PX / 2) if y >= 0 else max(-box.bottom, NODE_SIZE_PX / 2)
        need_x = max(need_x, abs(x) * half_w / (half_w - reach_x - LABEL_GAP_PX))
        need_y = max(need_y, abs(y) * half_h / (half_h - reach_y - LABEL_GAP_PX))
    return round(need_x, 3), round(need_y, 3)


def group_colours(map_file: MapFile) -> dict[str, str]:
    """One palette colour per group, in the order the groups are listed."""
    colours = palette()
    return {group.id: colours[index % len(colours)] for index, group in enumerate(map_file.groups)}


def edge_path(start: tuple[float, float], end: tuple[float, float], steps: int = 24
              ) -> tuple[list[float], list[float]]:
    """A straight spoke to the centre, or a chord between ring nodes bowed towards the centre.

    Bowing inwards keeps every chord inside the ring, away from the labels outside it.
    """
    if start == (0.0, 0.0) or end == (0.0, 0.0):
        return [start[0], end[0]], [start[1], end[1]]
    control = (0.35 * (start[0] + end[0]) / 2, 0.35 * (start[1] + end[1]) / 2)
    xs, ys = [], []
    for step in range(steps + 1):
        t = step / steps
        xs.append((1 - t) ** 2 * start[0] + 2 * (1 - t) * t * control[0] + t ** 2 * end[0])
        ys.append((1 - t) ** 2 * start[1] + 2 * (1 - t) * t * control[1] + t ** 2 * end[1])
    return xs, ys


def make_concept_map_figure(map_file: MapFile, selected_node_id: str | None = None) -> go.Figure:
    """TRD at the centre, the elements around it coloured by group, the selected node ringed."""
    positions = node_positions(map_file)
    colours = group_colours(map_file)
    figure = go.Figure()

    edge_x: list[float | None] = []
    edge_y: list[float | None] = []
    for edge in map_file.edges:
        xs, ys = edge_path(positions[edge.source], positions[edge.target])
        edge_x += [*xs, None]
        edge_y += [*ys, None]
    figure.add_trace(go.Scatter(x=edge_x, y=edge_y, mode="lines", name="Links",
                                line={"color": EDGE_COLOUR, "width": 2},
                                hoverinfo="skip", showlegend=False))

    selected = map_file.node(selected_node_id) if selected_node_id else None
    if selected:
        x, y = positions[selected.id]
        figure.add_trace(go.Scatter(
            x=[x], y=[y], mode="markers", name="Selected", showlegend=False, hoverinfo="skip",
            marker={"symbol": "circle-open", "color": colours[selected.group],
                    "size": (CENTRE_SIZE_PX + 16) if selected.id == map_file.centre
                    else SELECTED_RING_PX, "line": {"width": 4}},
        ))

    centre = map_file.node(map_file.centre)
    rank = {group.id: index for index, group in enumerate(map_file.groups)}
    for group in map_file.groups:
        members = [node for node in outer_nodes(map_file) if node.group == group.id]
        if members:
            figure.add_trace(_node_trace(members, group.label, group.id, colours[group.id],
                                         [label_position(*positions[n.id]) for n in members],
                                         positions, show_legend=True, rank=rank[group.id]))
    if centre:
        group = map_file.group(centre.group)
        # The centre is drawn large with its label inside, so it has a trace of its own.
        figure.add_trace(_node_trace([centre], group.label, group.id, colours[group.id],
                                     ["middle center"], positions,
                                     show_legend=not any(n.group == group.id
                                                         for n in outer_nodes(map_file)),
                                     rank=rank[group.id], size=CENTRE_SIZE_PX,
                                     font_colour="#ffffff"))

    half_x, half_y = axis_ranges(map_file)
    axis = {"visible": False, "fixedrange": True, "zeroline": False, "showgrid": False}
    apply_house_style(figure, height=FIGURE_HEIGHT_PX, legend_title="Kind of element")
    figure.update_layout(
        xaxis={**axis, "range": [-half_x, half_x]},
        yaxis={**axis, "range": [-half_y, half_y]},
        margin={"l": 8, "r": 8, "t": 72, "b": 8},
        clickmode="event+select",
        dragmode=False,
        hovermode="closest",
        showlegend=True,
        uirevision="trd-map",
    )
    return figure


def _node_trace(nodes: list[MapNode], group_label: str, group_id: str, colour: str,
                text_positions: list[str], positions: dict[str, tuple[float, float]], *,
                show_legend: bool, rank: int, size: int = NODE_SIZE_PX,
                font_colour: str | None = None) -> go.Scatter:
    """One group's nodes: markers with their labels, the node id kept in customdata for clicks."""
    return go.Scatter(
        x=[positions[node.id][0] for node in nodes],
        y=[positions[node.id][1] for node in nodes],
        mode="markers+text",
        name=group_label,
        legendgroup=group_id,
        showlegend=show_legend,
        legendrank=1000 + rank,  # legend in the order the groups are listed, centre first
        text=[wrap_centre_label(node.label) if font_colour else wrap_label(node.label)
              for node in nodes],
        textposition=text_positions,
        textfont={"size": CENTRE_FONT_PX if font_colour else LABEL_FONT_PX,
                  **({"color": font_colour} if font_colour else {})},
        customdata=[node.id for node in nodes],
        hovertext=[f"<b>{node.label}</b><br>{group_label}<br>{SELECTION_HINT}" for node in nodes],
        hovertemplate="%{hovertext}<extra></extra>",
        marker={"color": colour, "size": size, "line": {"width": 0}},
        # Plotly dims unselected points after a click; the map must stay fully readable.
        selected={"marker": {"opacity": 1}},
        unselected={"marker": {"opacity": 1}},
    )
