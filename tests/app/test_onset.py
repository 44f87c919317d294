"""Onset & commitment page: three charts with captions and tables, and the per-week / whole-course toggle."""
from __future__ import annotations

import json

from components.content import content

PAGE = "app_pages/onset.py"


def commitment_spec(app) -> dict:
    return json.loads(app.get("plotly_chart")[1].proto.spec)


def test_page_shows_three_charts_each_with_a_caption_and_a_table(run_page):
    app = run_page(PAGE)
    assert not app.exception, [e.value for e in app.exception]
    assert [t.value for t in app.title] == ["Onset & commitment"]
    assert len(app.get("plotly_chart")) == 3
    assert len([c for c in app.caption if c.value.startswith("How to read this")]) == 3
    options = len(content().treatments.options)
    assert [len(d.value) for d in app.dataframe] == [options, options, options]


def test_the_commitment_toggle_switches_between_a_week_and_the_whole_course(run_page):
    app = run_page(PAGE)
    toggle = app.segmented_control(key="onset_commitment_per")
    assert toggle.label == "Show time at visits" and toggle.value == "week"
    assert commitment_spec(app)["layout"]["xaxis"]["title"]["text"].startswith(
        "Hours at visits per week")
    toggle.set_value("course").run()
    assert commitment_spec(app)["layout"]["xaxis"]["title"]["text"].startswith(
        "Hours at visits over the whole acute course")


def test_the_commitment_table_lists_lab_monitoring(run_page):
    app = run_page(PAGE)
    table = app.dataframe[1].value
    assert "Lab monitoring" in table.columns
    lithium = table[table["Option"] == "Lithium augmentation"].iloc[0]
    assert "lithium" in lithium["Lab monitoring"].lower()


def test_every_chart_downloads_as_a_png_with_a_clear_file_name(run_page):
    app = run_page(PAGE)
    names = [json.loads(c.proto.config)["toImageButtonOptions"]["filename"]
             for c in app.get("plotly_chart")]
    assert names == ["trd-map-onset-by-option", "trd-map-time-commitment-week",
                     "trd-map-onset-vs-burden"]
