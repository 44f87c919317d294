"""Every page runs inside the frame: crisis line and education notice shown, no exception;
broken content replaces every page with one error panel and shows no clinical content."""
from __future__ import annotations

import pytest

from components.content import DATA_DIR_ENV
from components.navigation import PAGES

CRISIS_LINE = "In the US, call or text 988; call 911 in an emergency."


@pytest.mark.parametrize("page", PAGES, ids=[p.id for p in PAGES])
def test_every_page_runs_with_its_heading_and_the_crisis_line(run_page, page):
    app = run_page(page.script)
    assert not app.exception, [e.value for e in app.exception]
    shown = [e.value for kind in ("markdown", "caption") for e in getattr(app, kind)]
    shown += [e.proto.body for e in app.get("html")]
    assert any(CRISIS_LINE in text for text in shown), "the crisis line is on every page"
    assert app.title or any("<h1" in e.proto.body for e in app.get("html")), \
        "each page starts with a heading"
    # Frame-less screens (a projector, a phone) carry the crisis line as their own footer and
    # nothing of the app's frame.
    notice = any("Education, not medical advice" in c.value for c in app.sidebar.caption)
    assert notice == page.frame


@pytest.mark.parametrize("page", [PAGES[0], PAGES[-1]], ids=lambda p: p.id)
def test_broken_content_shows_one_error_panel_and_no_content(run_page, page, data_copy,
                                                             monkeypatch):
    frame = data_copy / "frame.yaml"
    frame.write_text(frame.read_text().replace("app_title:", "app_titel:"), encoding="utf-8")
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    app = run_page(page.script)
    assert not app.exception
    assert [t.value for t in app.title] == ["TRD Map cannot show its content"]
    assert len(app.error) == 1
    assert "data/frame.yaml: -: app_titel: unknown field" in app.error[0].value
    assert "data/frame.yaml: -: app_title: required field is missing" in app.error[0].value
    assert "python -m components.content" in app.info[0].value
    assert any(CRISIS_LINE in m.value for m in app.markdown)
