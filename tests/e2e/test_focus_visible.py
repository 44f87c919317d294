"""Keyboard focus is visible at 3:1 or more on every control reached by Tab, in both themes."""
from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import open_page, wait_until_drawn

# For the element that has focus: its outline, and the first opaque background behind it.
FOCUS_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const rgb = text => (text.match(/[\\d.]+/g) || []).map(Number);
  let node = el.parentElement, background = [255, 255, 255, 0];
  while (node) {
    const c = rgb(getComputedStyle(node).backgroundColor);
    if (c.length >= 3 && (c.length === 3 || c[3] > 0.9)) { background = c; break; }
    node = node.parentElement;
  }
  return {name: (el.getAttribute('aria-label') || el.innerText || el.tagName).slice(0, 40),
          outline: style.outlineStyle, width: parseFloat(style.outlineWidth),
          color: rgb(style.outlineColor), background};
}"""


def _luminance(rgb: list[float]) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    red, green, blue = (channel(v) for v in rgb[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: list[float], second: list[float]) -> float:
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_is_measured_the_wcag_way():
    assert round(contrast([0, 0, 0], [255, 255, 255]), 1) == 21.0
    assert contrast([43, 131, 198], [255, 255, 255]) > 3


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("path", ["", "checker", "ladder", "quiz", "presentation", "refer"])
def test_every_control_reached_by_tab_shows_a_focus_ring_of_three_to_one(
        page: Page, app_url: str, path: str, theme: str):
    page.emulate_media(color_scheme=theme)
    open_page(page, app_url, path)
    wait_until_drawn(page)
    seen = 0
    for _ in range(30):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS_JS)
        if focus is None:
            continue
        seen += 1
        where = f"{path or 'map'} ({theme}): {focus['name']!r}"
        assert focus["outline"] not in ("none", "hidden") and focus["width"] >= 2, where
        assert contrast(focus["color"], focus["background"]) >= 3, (where, focus)
    assert seen >= 10
