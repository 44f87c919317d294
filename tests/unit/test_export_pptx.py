"""The PowerPoint export, opened with python-pptx: slides, titles, notes, sources, native charts."""
from __future__ import annotations

from dataclasses import replace
from io import BytesIO

import pytest
from pptx import Presentation
from pptx.util import Pt

from components.about import compute_review_span
from components.charts import palette
from components.exports import deck, talk_pptx
from components.exports.deck import build_deck
from components.onset_charts import commitment_ranges, onset_ranges
from components.talks import CHART_IDS, SlideView, Talk, TalkItem, ready_talks, talk_slides
from components.timeline_charts import star_d_remission_by_level

REGION_LINE = "In Australia, call Lifeline on 13 11 14; call 000 in an emergency."


def longest_ready_talk(content) -> Talk:
    return max(ready_talks(content), key=lambda talk: len(talk.items))


def make_chart_talk(content, monkeypatch) -> Talk:
    """A talk whose slides carry every chart alone. In today's content the onset and the
    time-at-visits charts appear only as a pair (onset against burden), so slides with one each
    are made here in the SlideView shape of components.talks."""
    star_d = talk_slides(content, Talk(None, "x", None, (TalkItem("slide", "star-d", 2),)))[0]
    views = [
        replace(star_d, chart="stard-levels"),
        SlideView(kind="slide", item_id="onset-burden", title="How fast each option works",
                  lines=("Rough ranges on a log scale.",), chart="onset",
                  sources=tuple(content.treatments.options[0].sources), notes="Onset notes.",
                  minutes=3),
        SlideView(kind="slide", item_id="onset-burden", title="Hours at visits a week",
                  lines=(), chart="commitment", sources=(), notes="Commitment notes.", minutes=2),
    ]
    assert {view.chart for view in views} == set(CHART_IDS)
    monkeypatch.setattr(deck, "talk_slides", lambda content, talk: views)
    return Talk(id=None, title="Charts", slot_minutes=None,
                items=tuple(TalkItem("slide", "star-d", view.minutes) for view in views))


@pytest.fixture
def chart_talk(content, monkeypatch) -> Talk:
    return make_chart_talk(content, monkeypatch)


def _open(data: bytes):
    return Presentation(BytesIO(data))


def _texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def _charts(presentation) -> list:
    return [shape.chart for slide in presentation.slides for shape in slide.shapes
            if shape.has_chart]


@pytest.mark.parametrize("index", range(3))
def test_every_ready_talk_gives_a_cover_then_one_titled_slide_per_item(content, index):
    talk = ready_talks(content)[index]
    built = build_deck(content, talk)
    presentation = _open(talk_pptx(content, talk, REGION_LINE))
    slides = list(presentation.slides)
    assert len(slides) == built.pages == len(built.slides) + 1
    assert len(built.slides) >= len(talk.items) - 1  # only an opening title slide is merged
    assert slides[0].shapes.title.text == talk.title
    assert [s.shapes.title.text for s in slides[1:]] == [v.title for v in built.slides]


def test_the_deck_is_16_by_9(content):
    presentation = _open(talk_pptx(content, ready_talks(content)[0], REGION_LINE))
    assert presentation.slide_width * 9 == presentation.slide_height * 16


def test_the_cover_says_it_is_education_with_the_contents_review_date(content):
    cover = _open(talk_pptx(content, ready_talks(content)[0], REGION_LINE)).slides[0]
    text = " ".join(_texts(cover))
    assert "Education, not medical advice." in text
    assert f"Content last reviewed {compute_review_span(content).newest.isoformat()}" in text


def test_speaker_notes_are_in_the_notes_pane_and_not_on_the_slide(content):
    talk = longest_ready_talk(content)
    built = build_deck(content, talk)
    slides = list(_open(talk_pptx(content, talk, REGION_LINE)).slides)[1:]
    for slide, view in zip(slides, built.slides, strict=True):
        notes = slide.notes_slide.notes_text_frame.text
        assert view.notes in notes and f"Planned: {view.minutes:g} minutes." in notes
        assert not any(view.notes in text for text in _texts(slide)), view.title


def test_sources_are_in_small_print_and_any_left_out_are_in_the_notes(content):
    talk = longest_ready_talk(content)
    built = build_deck(content, talk)
    slides = list(_open(talk_pptx(content, talk, REGION_LINE)).slides)[1:]
    cut = 0
    for slide, view in zip(slides, built.slides, strict=True):
        boxes = [s for s in slide.shapes if s.has_text_frame and s.text_frame.text.startswith("Sources: ")]
        if not view.sources:
            assert not boxes
            continue
        (box,) = boxes
        assert all(run.font.size <= Pt(10) for p in box.text_frame.paragraphs for run in p.runs)
        shown = box.text_frame.text
        cites = built.short_citations(view)
        assert shown.startswith(f"Sources: {cites[0]}")
        notes = slide.notes_slide.notes_text_frame.text
        if "more (see the notes)" in shown:
            cut += 1
            assert f"Sources: {'; '.join(cites)}" in notes
        else:
            assert shown == f"Sources: {'; '.join(cites)}"
    assert cut, "the longest talk has a slide citing more sources than fit in small print"


def test_every_slide_shows_the_crisis_line_it_was_given(content):
    presentation = _open(talk_pptx(content, ready_talks(content)[0], REGION_LINE))
    for slide in presentation.slides:
        assert REGION_LINE in _texts(slide)
    assert content.frame.crisis_line.text not in " ".join(
        t for slide in presentation.slides for t in _texts(slide))


def test_the_star_d_chart_is_native_and_holds_the_contents_numbers(content, chart_talk):
    charts = _charts(_open(talk_pptx(content, chart_talk, REGION_LINE)))
    star_d = next(chart for chart in charts if chart.plots[0].categories[0].startswith("Level 1"))
    remission = star_d_remission_by_level(content.timelines.star_d)
    per_level, cumulative = star_d.plots[0].series
    assert per_level.values == tuple(r.remission_percent for r in remission)
    assert cumulative.values == tuple(r.cumulative_percent for r in remission)
    assert list(star_d.plots[0].categories) == [
        f"Level {r.level} (n = {r.patients_entering:,})" for r in remission]
    colours = palette()
    assert [str(s.format.fill.fore_color.rgb) for s in (per_level, cumulative)] == [
        colours[0].lstrip("#").upper(), colours[1].lstrip("#").upper()]


@pytest.mark.parametrize("chart_id", ["onset", "commitment"])
def test_range_charts_are_floating_bars_on_a_log_axis_from_the_contents_numbers(
        content, chart_talk, chart_id):
    charts = _charts(_open(talk_pptx(content, chart_talk, REGION_LINE)))
    unit = "(days)" if chart_id == "onset" else "(hours a week)"
    chart = next(c for c in charts if c.plots[0].series[0].name.endswith(unit))
    treatments = content.treatments
    ranges = (onset_ranges(treatments.options, treatments.rungs) if chart_id == "onset"
              else commitment_ranges(treatments.options, treatments.rungs, "week"))
    low_end, spans = chart.plots[0].series
    assert list(chart.plots[0].categories) == [r.option.short_name for r in ranges]
    assert low_end.values == tuple(r.low for r in ranges)
    assert spans.values == pytest.approx([r.high - r.low for r in ranges])
    assert low_end.format.fill.type is not None and "noFill" in low_end.format._element.xml
    assert chart.value_axis._element.find("{*}scaling/{*}logBase").get("val") == "10"
    rung_colour = {rung.id: palette()[i % len(palette())]
                   for i, rung in enumerate(treatments.rungs)}
    assert [str(spans.points[i].format.fill.fore_color.rgb) for i in range(len(ranges))] == [
        rung_colour[r.option.rung].lstrip("#").upper() for r in ranges]


def test_charts_carry_their_text_equivalent_for_screen_readers(content, chart_talk):
    presentation = _open(talk_pptx(content, chart_talk, REGION_LINE))
    frames = [shape for slide in presentation.slides for shape in slide.shapes if shape.has_chart]
    assert len(frames) == 3
    for frame in frames:
        description = frame._element.nvGraphicFramePr.cNvPr.get("descr")
        assert description and "chart" in description.lower()


def test_no_empty_runs_and_unique_shape_ids_so_powerpoint_asks_for_no_repair(content):
    presentation = _open(talk_pptx(content, longest_ready_talk(content), REGION_LINE))
    for slide in presentation.slides:
        ids = [shape.shape_id for shape in slide.shapes]
        assert len(ids) == len(set(ids))
        runs = slide._element.findall(".//{*}r")
        assert runs and all((run.findtext("{*}t") or "").strip() for run in runs)
        for properties in slide._element.iter("{*}pPr"):  # the schema's order: spacing, bullet
            names = [child.tag.rsplit("}", 1)[1] for child in properties]
            if "buNone" in names and "spcBef" in names:
                assert names.index("spcBef") < names.index("buNone")


def test_the_map_slide_lists_what_the_web_pages_map_shows(content):
    talk = Talk(None, "Map", None, (TalkItem("slide", "the-map", 3),))
    (_, slide) = _open(talk_pptx(content, talk, REGION_LINE)).slides
    text = " ".join(_texts(slide))
    assert f"At the centre: {content.map.node(content.map.centre).label}" in text
    for node in content.map.nodes:
        assert node.label in text


@pytest.mark.parametrize("index", range(3))
def test_no_slide_of_a_ready_talk_is_left_with_only_its_title(content, index):
    """Slides whose picture only the web draws (map, pathway, onset against burden) get words."""
    slides = list(_open(talk_pptx(content, ready_talks(content)[index], REGION_LINE)).slides)[1:]
    for slide in slides:
        body = [shape for shape in slide.shapes if shape.is_placeholder and shape.placeholder_format.idx == 1]
        assert body or any(shape.has_chart for shape in slide.shapes), slide.shapes.title.text


def test_chart_xml_added_by_hand_keeps_the_schemas_order(content, chart_talk):
    """Elements python-pptx has no API for, placed where the chart schema wants them (a misplaced
    element is what makes PowerPoint offer to repair a file)."""
    for chart in _charts(_open(talk_pptx(content, chart_talk, REGION_LINE))):
        for scaling in chart._chartSpace.iter("{*}scaling"):
            names = [child.tag.rsplit("}", 1)[1] for child in scaling]
            assert names == sorted(names, key=["logBase", "orientation", "max", "min"].index)
        for axis in chart._chartSpace.iter("{*}catAx"):
            names = [child.tag.rsplit("}", 1)[1] for child in axis]
            if "tickLblSkip" in names:
                assert names.index("tickLblSkip") == names.index("noMultiLvlLbl") - 1
                assert names.index("lblOffset") < names.index("tickLblSkip")
        for crosses in chart._chartSpace.iter("{*}crosses"):
            assert crosses.get("val") in {"autoZero", "max", "min"}


def test_a_ready_talks_onset_against_burden_slide_becomes_two_native_charts(content):
    """The scatter the web draws is, in a deck, its two axes as charts a speaker can edit."""
    burden_id = next(s.id for s in content.presentation.slides if s.kind == "onset-burden")
    talk = next(t for t in ready_talks(content)
                if any(item.kind == "slide" and item.id == burden_id for item in t.items))
    presentation = _open(talk_pptx(content, talk, REGION_LINE))
    title = next(s.title for s in content.presentation.slides if s.id == burden_id)
    slide = next(s for s in presentation.slides if s.shapes.title.text == title)
    charts = [shape.chart for shape in slide.shapes if shape.has_chart]
    treatments = content.treatments
    assert [list(chart.plots[0].categories) for chart in charts] == [
        [r.option.short_name for r in onset_ranges(treatments.options, treatments.rungs)],
        [r.option.short_name
         for r in commitment_ranges(treatments.options, treatments.rungs, "week")],
    ]
    # The words the web page's picture shows move to the notes rather than being lost.
    notes = slide.notes_slide.notes_text_frame.text
    assert "first effect in" in notes and "hours at visits" in notes
