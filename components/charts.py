"""House style shared by every figure: the colour-blind-safe palette, fonts, margins, plotly config."""
from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

import plotly.graph_objects as go

CONFIG_TOML = Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml"
FONT_FAMILY = '"Source Sans", "Source Sans Pro", "DejaVu Sans", sans-serif'


@cache
def palette() -> tuple[str, ...]:
    """The categorical colours from .streamlit/config.toml, so theme and figures agree."""
    config = tomllib.loads(CONFIG_TOML.read_text(encoding="utf-8"))
    return tuple(config["theme"]["chartCategoricalColors"])


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
