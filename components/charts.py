"""House style shared by every figure: the colour-blind-safe palette, fonts, margins, plotly config."""
from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

import plotly.graph_objects as go

CONFIG_TOML = Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml"
FONT_FAMILY = '"Source Sans", "Source Sans Pro", "DejaVu Sans", sans-serif'


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
    """Margins, fonts and legend placement every TRD Map chart uses; returns the same figure."""
    figure.update_layout(
        title={"text": title} if title else None,
        height=height,
        margin={"l": 16, "r": 16, "t": 56 if title else 16, "b": 16},
        font={"family": FONT_FAMILY, "size": 15},
        hoverlabel={"font": {"family": FONT_FAMILY, "size": 14}},
        legend={"title": {"text": legend_title or ""}, "orientation": "h", "yanchor": "bottom",
                "y": 1.02, "xanchor": "left", "x": 0},
        colorway=list(palette()),
    )
    return figure


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
