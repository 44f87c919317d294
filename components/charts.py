"""House style shared by every figure: the colour-blind-safe palette, fonts, margins, plotly config."""
from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

import plotly.graph_objects as go

CONFIG_TOML = Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml"
FONT_FAMILY = '"Source Sans", "Source Sans Pro", "DejaVu Sans", sans-serif'
# Text sizes in px, set on every axis and legend: Streamlit's plotly theme would otherwise draw
# tick labels and legends at 12 px, too small on a projector and at the limit on a laptop.
TICK_FONT_PX = 14
AXIS_TITLE_FONT_PX = 15
LEGEND_FONT_PX = 14
LABEL_FONT_PX = 14  # text a builder writes beside marks: values, names, notes
# A generous average glyph width, so size estimates over-reserve room rather than overlap.
CHAR_WIDTH_EM = 0.58
# Width of a full-width chart in the main column (wide layout, sidebar open): on a 1366 px
# laptop and on a 1920 px projector. Builders place text so it fits at both.
LAPTOP_CHART_PX = 900
PROJECTOR_CHART_PX = 1460
CHART_WIDTHS_PX = (LAPTOP_CHART_PX, PROJECTOR_CHART_PX)


@cache
def _theme() -> dict:
    return tomllib.loads(CONFIG_TOML.read_text(encoding="utf-8"))["theme"]


def palette() -> tuple[str, ...]:
    """The categorical colours from .streamlit/config.toml, so theme and figures agree."""
    return tuple(_theme()["chartCategoricalColors"])


def text_colour(*, dark: bool) -> str:
    """The theme's body-text colour for light or dark mode, from .streamlit/config.toml."""
    return _theme()["dark" if dark else "light"]["textColor"]


def plotly_config(file_name: str) -> dict:
    """Passed as `config=` to st.plotly_chart: no logo, a camera button that saves a clear PNG."""
    return {
        "displaylogo": False,
        "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"],
        "toImageButtonOptions": {"format": "png", "filename": file_name, "scale": 2},
    }


def apply_house_style(figure: go.Figure, *, title: str | None = None, height: int = 460,
                      legend_title: str | None = None) -> go.Figure:
    """Margins, fonts and legend placement every TRD Map chart uses; returns the same figure.

    Tick labels are never rotated: a builder picks ticks that fit side by side instead, because
    slanted labels are slow to read on a projector. Axis margins grow to fit their labels.
    """
    figure.update_layout(
        title={"text": title} if title else None,
        height=height,
        margin={"l": 16, "r": 16, "t": 56 if title else 16, "b": 16},
        font={"family": FONT_FAMILY, "size": 15},
        hoverlabel={"font": {"family": FONT_FAMILY, "size": 14}},
        legend={"title": {"text": legend_title or "", "font": {"size": LEGEND_FONT_PX}},
                "font": {"size": LEGEND_FONT_PX}, "orientation": "h", "yanchor": "bottom",
                "y": 1.02, "xanchor": "left", "x": 0},
        colorway=list(palette()),
    )
    axis = {"tickfont": {"size": TICK_FONT_PX}, "title": {"font": {"size": AXIS_TITLE_FONT_PX}},
            "tickangle": 0, "automargin": True}
    figure.update_xaxes(**axis)
    figure.update_yaxes(**axis)
    return figure


def text_width_px(text: str, font_px: float = LABEL_FONT_PX) -> float:
    """A generous estimate of how wide a (possibly <br>-broken, <b>-marked) text is drawn."""
    lines = re.sub(r"<(?!br)[^>]*>", "", text).split("<br>")
    return max(len(line) for line in lines) * font_px * CHAR_WIDTH_EM


def spaced_ticks(ticks: Sequence[tuple[float, str]], position: Callable[[float], float],
                 width_px: float, font_px: float = TICK_FONT_PX, gap_px: float = 14
                 ) -> list[tuple[float, str]]:
    """The ticks whose labels sit side by side without touching, left to right.

    `ticks` come most useful first; each is kept if its label clears every label kept before it.
    `position` maps a tick value to pixels from the left of a plot area `width_px` wide.
    """
    kept: list[tuple[float, str, float, float]] = []
    for value, text in ticks:
        centre, half = position(value), text_width_px(text, font_px) / 2
        if not 0 <= centre <= width_px:
            continue  # outside the plot area
        if all(centre - half >= right + gap_px or centre + half + gap_px <= left
               for _, _, left, right in kept):
            kept.append((value, text, centre - half, centre + half))
    return [(value, text) for value, text, _, _ in sorted(kept)]


def with_theme_text(figure: go.Figure, *, dark: bool) -> go.Figure:
    """Axis, legend and default text in the theme's full text colour; returns the same figure.

    Streamlit's plotly theme draws these in a faded grey (#808495 on white, about 3.8:1), below
    the 4.5:1 contrast WCAG AA asks of text. Text that a builder coloured on purpose (labels
    inside bars or tags) keeps its colour.
    """
    colour = text_colour(dark=dark)
    figure.update_layout(font_color=colour, legend_font_color=colour,
                         legend_title_font_color=colour)
    figure.update_xaxes(tickfont_color=colour, title_font_color=colour)
    figure.update_yaxes(tickfont_color=colour, title_font_color=colour)
    return figure
