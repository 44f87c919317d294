"""The theme and chart text meet WCAG AA contrast in light and dark mode."""
from __future__ import annotations

from pathlib import Path

import plotly.graph_objects as go
import pytest

from components.charts import _theme, text_colour, with_theme_text

CAPTION_OPACITY = 0.6  # Streamlit draws st.caption and help text in the text colour at 60 %


def _rgb(hex_colour: str) -> tuple[float, ...]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


def _luminance(rgb: tuple[float, ...]) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(foreground: tuple[float, ...], background: tuple[float, ...]) -> float:
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("background", ["backgroundColor", "secondaryBackgroundColor"])
def test_captions_and_text_reach_aa_contrast(mode, background):
    theme = _theme()[mode]
    text, ground = _rgb(theme["textColor"]), _rgb(theme[background])
    caption = tuple(g - CAPTION_OPACITY * (g - t) for t, g in zip(text, ground, strict=True))
    assert contrast(text, ground) >= 7
    assert contrast(caption, ground) >= 4.5


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_links_and_primary_colour_reach_aa_contrast(mode):
    theme = _theme()[mode]
    assert contrast(_rgb(theme["primaryColor"]), _rgb(theme["backgroundColor"])) >= 4.5


@pytest.mark.parametrize("dark", [False, True])
def test_chart_axis_and_legend_text_take_the_theme_text_colour(dark):
    figure = go.Figure(go.Bar(x=["a"], y=[1], textfont={"color": "#ffffff"}))
    with_theme_text(figure, dark=dark)
    colour = text_colour(dark=dark)
    assert figure.layout.xaxis.tickfont.color == colour
    assert figure.layout.yaxis.title.font.color == colour
    assert figure.layout.legend.font.color == colour
    assert figure.data[0].textfont.color == "#ffffff", "text coloured on purpose keeps its colour"


def test_primary_buttons_are_used_only_if_their_white_label_is_readable_in_both_themes():
    # Streamlit writes primary-button labels in white on primaryColor. The dark theme's primary
    # is light (so links and selected tabs read on a dark page), so white on it is ~1.9:1.
    root = Path(__file__).resolve().parents[2]
    sources = [*root.glob("app_pages/*.py"), *root.glob("components/**/*.py")]
    uses_primary_buttons = [p.name for p in sources if 'type="primary"' in p.read_text()]
    for mode in ("light", "dark"):
        white_label = contrast((255, 255, 255), _rgb(_theme()[mode]["primaryColor"]))
        assert white_label >= 4.5 or not uses_primary_buttons, (mode, uses_primary_buttons)
