"""Slide assembly: every slide builds from the content, in order, with its figure or its words."""
from __future__ import annotations

import plotly.graph_objects as go
import pytest

from components.slides import (
    PROJECTOR_HEIGHT_PX,
    build_slide,
    enlarge_for_projector,
    parse_slide_number,
)


@pytest.fixture(scope="module")
def slides(content):
    return [build_slide(content, n) for n in range(1, len(content.presentation.slides) + 1)]


def test_slides_follow_the_presentation_file_in_order(content, slides):
    assert [s.slide.id for s in slides] == [s.id for s in content.presentation.slides]
    assert [s.number for s in slides] == list(range(1, len(slides) + 1))
    assert all(s.total == len(slides) for s in slides)


def test_the_session_covers_every_part_of_the_topic(slides):
    kinds = {s.slide.kind for s in slides}
    assert {"map", "definition", "adequacy", "differential", "ladder", "star-d", "pathway",
            "onset-burden", "referral", "case"} <= kinds


def test_every_slide_shows_something_and_cites_what_it_states(slides):
    for view in slides:
        assert view.points or view.figure is not None or view.story, view.slide.id
        if view.slide.kind not in {"title", "close"}:
            assert view.sources and view.reviewed, view.slide.id


def test_chart_slides_carry_a_text_equivalent_and_projector_sized_type(slides):
    for view in (s for s in slides if s.figure is not None):
        assert view.caption and view.rows, view.slide.id
        if view.slide.kind == "onset-burden":
            # Its names are placed clear of each other for the house size and plot height, so
            # the slide keeps both (the browser test measures the gaps between names); only
            # the legend moves beside the plot.
            assert view.figure.layout.legend.orientation == "v"
            continue
        assert view.figure.layout.height == PROJECTOR_HEIGHT_PX
        assert view.figure.layout.font.size >= 18, view.slide.id  # house style is 15


def test_the_differential_slide_is_built_from_the_map_lookalikes(content, slides):
    view = next(s for s in slides if s.slide.kind == "differential")
    assert [p.headline for p in view.points] == [item.label for item in content.map.lookalikes]
    assert [p.detail for p in view.points] == [item.next_step for item in content.map.lookalikes]


def test_the_ladder_slide_names_every_option_once(content, slides):
    view = next(s for s in slides if s.slide.kind == "ladder")
    text = " ".join(p.detail for p in view.points)
    for option in content.treatments.options:
        assert option.short_name in text


def test_the_ladder_slide_says_how_fast_each_rung_works_in_words(content, slides):
    view = next(s for s in slides if s.slide.kind == "ladder")
    fastest = min(content.treatments.options, key=lambda o: o.onset_days.low)
    rung = next(r for r in content.treatments.rungs if r.id == fastest.rung)
    headline = next(p.headline for p in view.points if p.headline.startswith(rung.label))
    assert ("hours" if fastest.onset_days.low < 1 else "days") in headline
    assert all(": works in " in p.headline for p in view.points)


def test_the_case_slide_tells_the_named_case(content):
    number = next(i for i, s in enumerate(content.presentation.slides, 1) if s.kind == "case")
    view = build_slide(content, number)
    case = next(c for c in content.cases.cases if c.id == view.slide.case)
    assert view.story == tuple(case.stages)
    assert view.link.params == {"case": case.id}


@pytest.mark.parametrize(("raw", "expected"), [
    (None, (1, False)), ("", (1, False)), ("4", (4, False)), ("12", (12, False)),
    ("0", (1, True)), ("13", (1, True)), ("-2", (1, True)), ("two", (1, True)), ("2.5", (1, True)),
])
def test_parse_slide_number(raw, expected):
    number, notice = parse_slide_number(raw, total=12)
    assert (number, notice is not None) == expected


def test_a_crafted_slide_value_is_not_echoed_in_the_notice():
    _, notice = parse_slide_number("[click me](http://example.org)", total=12)
    assert "click me" not in notice and "http" not in notice


def test_enlarging_scales_fonts_and_markers():
    figure = go.Figure(go.Scatter(x=[1], y=[1], mode="markers+text", text=["a"],
                                  marker={"size": 10}, textfont={"size": 10}))
    figure.update_layout(font={"size": 10})
    enlarge_for_projector(figure, scale=2, height=500)
    assert figure.layout.font.size == 20
    assert figure.data[0].marker.size == 20 and figure.data[0].textfont.size == 20
    assert figure.layout.height == 500
