"""The TRD concept map: pure layout helpers and the plotly figure (no Streamlit calls)."""
from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

import plotly.graph_objects as go

from components.charts import LABEL_FONT_PX, apply_house_style, palette
from components.schema.map import MapFile, MapNode

CENTRE_FONT_PX = 16
WRAP_CHARS = 12  # two short lines read better on a projector than one long one
CENTRE_WRAP_CHARS = 11
NODE_SIZE_PX = 30
SELECTED_RING_PX = 46
CENTRE_SIZE_PX = 124
FIGURE_HEIGHT_PX = 560
# Labels are tags filled with their group's colour, so their contrast does not depend on the
# light or dark theme. Text metrics are kept generous so size estimates over-reserve space.
CHAR_WIDTH_EM = 0.58
LINE_HEIGHT_EM = 1.3
LABEL_PAD_PX = 4
LABEL_REACH_PX = 28  # from a node's centre to its tag: clear of the selection ring
# A click this close to a node (in pixels) selects it, so clicking its tag works too.
CLICK_DISTANCE_PX = 48
# The narrowest plot area the layout must fit: a 390 px phone (the map column at 1366 px, with
# the card beside it, is about 500 px). Tags are drawn in pixels and the ring in axis units, so
# a layout that fits here fits every wider screen.
NARROW_PLOT_PX = (342, FIGURE_HEIGHT_PX - 90)
EDGE_COLOUR = "rgba(128, 128, 128, 0.55)"
SELECTION_HINT = "Click to open its card"



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


@dataclass(frozen=True)
class TagPlacement:
    """Where a node's label tag sits: plotly anchors and the pixel shift from the node."""

    xanchor: str
    yanchor: str
    xshift: float
    yshift: float


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


def tag_placement(x: float, y: float) -> TagPlacement:
    """The tag for a node at (x, y) is centred above it in the upper half of the ring and below it
    elsewhere, so no tag reaches sideways past its node: the map then fits a phone's width."""
    if y > 0.3:
        return TagPlacement("center", "bottom", 0.0, LABEL_REACH_PX)
    return TagPlacement("center", "top", 0.0, -LABEL_REACH_PX)


def tag_box(label: str, placement: TagPlacement, font_px: int = LABEL_FONT_PX) -> Box:
    """The tag's rectangle in pixels relative to its node's centre."""
    lines = wrap_label(label).split("<br>")
    width = max(len(line) for line in lines) * font_px * CHAR_WIDTH_EM + 2 * LABEL_PAD_PX + 2
    height = len(lines) * font_px * LINE_HEIGHT_EM + 2 * LABEL_PAD_PX + 2
    x, y = placement.xshift, placement.yshift
    left = {"left": x, "center": x - width / 2, "right": x - width}[placement.xanchor]
    bottom = {"bottom": y, "middle": y - height / 2, "top": y - height}[placement.yanchor]
    return Box(left, left + width, bottom, bottom + height)


def axis_ranges(map_file: MapFile, plot_px: tuple[int, int] = NARROW_PLOT_PX
                ) -> tuple[float, float]:
    """Half-widths of the x and y axes so every tag fits inside a plot area of plot_px pixels.

    A node at x with a tag reaching e pixels beyond it needs (R - |x|) * W / (2R) >= e,
    that is R >= |x| * (W/2) / (W/2 - e); the same holds vertically.
    """
    half_w, half_h = plot_px[0] / 2, plot_px[1] / 2
    need_x, need_y = 1.0, 1.0
    positions = node_positions(map_file)
    for node in outer_nodes(map_file):
        x, y = positions[node.id]
        box = tag_box(node.label, tag_placement(x, y))
        reach_x = max(box.right if x >= 0 else -box.left, SELECTED_RING_PX / 2)
        reach_y = max(box.top if y >= 0 else -box.bottom, SELECTED_RING_PX / 2)
        need_x = max(need_x, abs(x) * half_w / (half_w - reach_x))
        need_y = max(need_y, abs(y) * half_h / (half_h - reach_y))
    return round(need_x + 0.005, 3), round(need_y + 0.005, 3)


def group_colours(map_file: MapFile) -> dict[str, str]:
    """One palette colour per group, in the order the groups are listed."""
    colours = palette()
    return {group.id: colours[index % len(colours)] for index, group in enumerate(map_file.groups)}


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """The WCAG contrast ratio between two #rrggbb colours."""
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable_text_colour(background: str) -> str:
    """Black or white, whichever contrasts more with the background."""
    return max(("#000000", "#ffffff"), key=lambda text: contrast_ratio(text, background))


def edge_path(start: tuple[float, float], end: tuple[float, float], steps: int = 24
              ) -> tuple[list[float], list[float]]:
    """A straight spoke to the centre, or a chord between ring nodes bowed towards the centre.

    Bowing inwards keeps every chord inside the ring, away from the tags outside it.
    """
    if start == (0.0, 0.0) or end == (0.0, 0.0):
        return [start[0], end[0]], [start[1], end[1]]
    control = (0.7 * (start[0] + end[0]) / 2, 0.7 * (start[1] + end[1]) / 2)
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
    rank = {group.id: index for index, group in enumerate(map_file.groups)}
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

    ring = outer_nodes(map_file)
    for group in map_file.groups:
        members = [node for node in ring if node.group == group.id]
        if members:
            figure.add_trace(_node_trace(members, group.label, group.id, colours[group.id],
                                         positions, show_legend=True, rank=rank[group.id]))
    for node in ring:
        figure.add_annotation(_tag(node, positions[node.id], colours[node.group]))

    centre = map_file.node(map_file.centre)
    if centre:
        group = map_file.group(centre.group)
        # The centre is a large disc with its label inside, so it has a trace of its own.
        figure.add_trace(_node_trace(
            [centre], group.label, group.id, colours[group.id], positions,
            show_legend=not any(node.group == group.id for node in ring), rank=rank[group.id],
            size=CENTRE_SIZE_PX, label=wrap_centre_label(centre.label),
            label_colour=readable_text_colour(colours[group.id]),
        ))

    half_x, half_y = axis_ranges(map_file)
    axis = {"visible": False, "fixedrange": True, "zeroline": False, "showgrid": False}
    apply_house_style(figure, height=FIGURE_HEIGHT_PX)
    figure.update_layout(
        xaxis={**axis, "range": [-half_x, half_x]},
        yaxis={**axis, "range": [-half_y, half_y]},
        margin={"l": 8, "r": 8, "t": 48, "b": 8},
        clickmode="event+select",
        dragmode=False,
        hovermode="closest",
        hoverdistance=CLICK_DISTANCE_PX,
        showlegend=True,
    )
    return figure


def _tag(node: MapNode, position: tuple[float, float], colour: str) -> dict:
    """A node's label as a tag in its group's colour, placed outward from the node."""
    placement = tag_placement(*position)
    return {
        "x": position[0], "y": position[1], "xref": "x", "yref": "y",
        "text": wrap_label(node.label), "showarrow": False,
        "xanchor": placement.xanchor, "yanchor": placement.yanchor,
        "xshift": placement.xshift, "yshift": placement.yshift,
        "align": "center", "bgcolor": colour, "bordercolor": colour, "borderwidth": 1,
        "borderpad": LABEL_PAD_PX,
        "font": {"size": LABEL_FONT_PX, "color": readable_text_colour(colour)},
    }


def _node_trace(nodes: list[MapNode], group_label: str, group_id: str, colour: str,
                positions: dict[str, tuple[float, float]], *, show_legend: bool, rank: int,
                size: int = NODE_SIZE_PX, label: str | None = None,
                label_colour: str | None = None) -> go.Scatter:
    """One group's nodes as clickable markers, the node id kept in customdata for the click."""
    return go.Scatter(
        x=[positions[node.id][0] for node in nodes],
        y=[positions[node.id][1] for node in nodes],
        mode="markers+text" if label else "markers",
        name=group_label,
        legendgroup=group_id,
        showlegend=show_legend,
        legendrank=1000 + rank,  # legend in the order the groups are listed
        text=[label] if label else None,
        textposition="middle center",
        textfont={"size": CENTRE_FONT_PX, "color": label_colour},
        customdata=[node.id for node in nodes],
        hovertext=[f"<b>{node.label}</b><br>{group_label}<br>{SELECTION_HINT}" for node in nodes],
        hovertemplate="%{hovertext}<extra></extra>",
        marker={"color": colour, "size": size, "line": {"width": 0}},
        # Plotly fades unselected points after a click; the map must stay fully readable.
        selected={"marker": {"opacity": 1}},
        unselected={"marker": {"opacity": 1}, "textfont": {"color": label_colour}},
    )
