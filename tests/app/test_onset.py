"""Onset & commitment page: three charts, one at a time, each with a caption and a table, and the
per-week / whole-course toggle."""
from __future__ import annotations

import json

from components.content import content

PAGE = "app_pages/onset.py"


VIEWS = ["onset", "commitment", "burden"]


def show(app, view: str):
    return app.segmented_control(key="onset_view").set_value(view).run()


def commitment_spec(app) -> dict:
    return json.loads(app.get("plotly_chart")[0].proto.spec)


def test_each_chart_is_shown_alone_with_its_caption_and_table(run_page):
    app = run_page(PAGE)
    assert not app.exception, [e.value for e in app.exception]
    assert [t.value for t in app.title] == ["Onset & commitment"]
    options = len(content().treatments.options)
    headers = []
    for view in VIEWS:
        show(app, view)
        assert len(app.get("plotly_chart")) == 1, view
        assert len([c for c in app.caption if c.value.startswith("How to read this")]) == 1
        assert [len(d.value) for d in app.table] == [options]
        headers.append(app.header[0].value)
    assert headers == ["How soon does it work?", "What does it ask of the patient?",
                       "Onset against burden"]


def test_the_commitment_toggle_switches_between_a_week_and_the_whole_course(run_page):
    app = show(run_page(PAGE), "commitment")
    toggle = app.segmented_control(key="onset_commitment_per")
    assert toggle.label == "Show time at visits" and toggle.value == "week"
    assert commitment_spec(app)["layout"]["xaxis"]["title"]["text"].startswith(
        "Hours at visits per week")
    toggle.set_value("course").run()
    assert commitment_spec(app)["layout"]["xaxis"]["title"]["text"].startswith(
        "Hours at visits over the whole acute course")


def test_the_commitment_table_lists_lab_monitoring(run_page):
    app = show(run_page(PAGE), "commitment")
    table = app.table[0].value
    assert "Lab monitoring" in table.columns
    lithium = table[table["Option"] == "Lithium augmentation"].iloc[0]
    assert "lithium" in lithium["Lab monitoring"].lower()


def test_every_chart_downloads_as_a_png_with_a_clear_file_name(run_page):
    app = run_page(PAGE)
    names = []
    for view in VIEWS:
        chart = show(app, view).get("plotly_chart")[0]
        names.append(json.loads(chart.proto.config)["toImageButtonOptions"]["filename"])
    assert names == ["trd-map-onset-by-option", "trd-map-time-commitment-week",
                     "trd-map-onset-vs-burden"]


def test_the_burden_table_names_the_cross_each_option_is_drawn_in(run_page):
    app = show(run_page(PAGE), "burden")
    table = app.table[0].value
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    names = {a["text"] for a in spec["layout"]["annotations"]}
    assert "On the chart as" in table.columns
    assert set(table["On the chart as"]) <= names
