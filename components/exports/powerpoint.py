"""A talk as a 16:9 PowerPoint deck: real titles and bullets, notes in the notes pane, native charts."""
from __future__ import annotations

import math
from io import BytesIO

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls
from pptx.util import Emu, Inches, Pt

from components.charts import text_colour
from components.exports.chart_data import Chart, ColumnChart, RangeChart, chart_for
from components.exports.deck import Deck, build_deck, slide_charts
from components.talks import SlideView, Talk

# 16:9 at PowerPoint's own widescreen size, 13.333 × 7.5 inches.
SLIDE_WIDTH, SLIDE_HEIGHT = Emu(12192000), Emu(6858000)
MARGIN = Inches(0.5)
CONTENT_WIDTH = SLIDE_WIDTH - 2 * MARGIN
# Arial is on every hospital laptop, and LibreOffice draws it with the metric-compatible
# Liberation Sans, so lines break in the same places in PowerPoint and Impress.
FONT = "Arial"
TITLE_PT, SOURCES_PT, FOOTER_PT, CHART_PT = 32, 10, 11, 12
BODY_SIZES_PT = (24, 22, 20, 18, 16, 14, 12)  # largest first
CHAR_WIDTH_EM = 0.52  # Arial's average glyph in running text, a little generous
TITLE_AND_CONTENT = 1  # the default template's layout with a title and a bulleted body
INK = RGBColor.from_string(text_colour(dark=False).lstrip("#"))
ACCENT = RGBColor.from_string("1D5B8C")  # the light theme's primary colour
MUTED = RGBColor.from_string("3A4A5A")  # secondary text, 9:1 on white


def talk_pptx(content, talk: Talk, crisis_line: str) -> bytes:
    """The talk as .pptx bytes: a cover, then one slide per item, each with the crisis line."""
    deck = build_deck(content, talk)
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    presentation.core_properties.title = talk.title
    presentation.core_properties.subject = deck.cover.lines[0]
    _cover_slide(presentation, deck, crisis_line)
    for number, view in enumerate(deck.slides, start=2):
        _content_slide(presentation, content, deck, view, crisis_line, number)
    out = BytesIO()
    presentation.save(out)
    return out.getvalue()


def _cover_slide(presentation, deck: Deck, crisis_line: str) -> None:
    cover = deck.cover
    slide = presentation.slides.add_slide(presentation.slide_layouts[TITLE_AND_CONTENT])
    _place_title(slide, cover.title, top=Inches(1.4), size=40)
    body = slide.placeholders[1]
    body.left, body.top, body.width, body.height = MARGIN, Inches(2.8), CONTENT_WIDTH, Inches(3.4)
    frame = body.text_frame
    _paragraph(frame.paragraphs[0], cover.subtitle, 24, ACCENT, plain=True)
    for line in cover.lines:
        _paragraph(frame.add_paragraph(), line, 20, INK, plain=True, space_before=10)
    _footer(slide, crisis_line, 1, deck.pages)
    slide.notes_slide.notes_text_frame.text = cover.notes


def _content_slide(presentation, content, deck: Deck, view: SlideView, crisis_line: str,
                   number: int) -> None:
    slide = presentation.slides.add_slide(presentation.slide_layouts[TITLE_AND_CONTENT])
    _place_title(slide, view.title, top=Inches(0.3), size=TITLE_PT)
    charts = [chart_for(content, chart_id) for chart_id in slide_charts(content, view)]
    # Two charts take the whole width; the slide's words then go to the notes.
    words_on_slide = bool(view.lines) and len(charts) < 2
    text_width = Inches(4.6) if charts else CONTENT_WIDTH
    body = slide.placeholders[1]
    if words_on_slide:
        body.left, body.top, body.width, body.height = MARGIN, Inches(1.45), text_width, Inches(4.75)
        _bullets(body.text_frame, view, text_width, Inches(4.75))
    else:  # an empty placeholder would say "Click to add text" in the editor
        body.element.getparent().remove(body.element)
    left = MARGIN + (text_width + Inches(0.3) if words_on_slide else 0)
    gap = Inches(0.3)
    width = (SLIDE_WIDTH - MARGIN - left - gap * (len(charts) - 1)) // max(len(charts), 1)
    for index, chart in enumerate(charts):
        _add_chart(slide, chart, left + index * (width + gap), Inches(1.35), width, Inches(4.95))
    sources = deck.sources_line(view)
    if sources:
        box = slide.shapes.add_textbox(MARGIN, Inches(6.3), CONTENT_WIDTH, Inches(0.55))
        box.text_frame.word_wrap = True
        _paragraph(box.text_frame.paragraphs[0], sources, SOURCES_PT, MUTED)
    _footer(slide, crisis_line, number, deck.pages)
    notes = deck.notes(view)
    if view.lines and not words_on_slide:
        notes = "\n".join([notes, *view.lines])
    slide.notes_slide.notes_text_frame.text = notes


# ---------------------------------------------------------------- text


def _place_title(slide, text: str, *, top: int, size: int) -> None:
    title = slide.shapes.title
    title.left, title.top, title.width, title.height = MARGIN, top, CONTENT_WIDTH, Inches(1.05)
    frame = title.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.LEFT
    _paragraph(paragraph, text, size if len(text) <= 60 else size - 6, ACCENT, bold=True)


def _bullets(frame, view: SlideView, width: int, height: int) -> None:
    """Each line a bullet; its detail, where there is one, a smaller sub-bullet beneath it."""
    details = view.details if len(view.details) == len(view.lines) else ("",) * len(view.lines)
    pairs = list(zip(view.lines, details, strict=True))
    # The largest type whose lines fit the box: PowerPoint would not shrink it on its own.
    size = next((pt for pt in BODY_SIZES_PT if _height_pt(pairs, pt, width) <= height / 12700),
                BODY_SIZES_PT[-1])
    paragraph = frame.paragraphs[0]
    for index, (line, detail) in enumerate(pairs):
        if index:
            paragraph = frame.add_paragraph()
        _paragraph(paragraph, line, size, INK, space_before=8 if index else 0)
        if detail:
            sub = frame.add_paragraph()
            sub.level = 1
            _paragraph(sub, detail, size - 4, MUTED, space_before=2)


def _height_pt(pairs: list[tuple[str, str]], size: int, width: int) -> float:
    """A generous estimate of the points a bulleted list takes in a box `width` EMU wide."""
    usable = width / 12700 - 60  # bullet indents and the box's insets
    height = 0.0
    for index, (line, detail) in enumerate(pairs):
        height += math.ceil(len(line) * size * CHAR_WIDTH_EM / usable) * size * 1.2 + 8 * bool(index)
        if detail:
            small = size - 4
            height += math.ceil(len(detail) * small * CHAR_WIDTH_EM / (usable - 27)) * small * 1.2 + 2
    return height


def _paragraph(paragraph, text: str, size: int, colour: RGBColor, *, bold: bool = False,
               plain: bool = False, space_before: int = 0) -> None:
    """One run of text; `plain` drops the bullet and indent a body placeholder would give it."""
    if space_before:
        paragraph.space_before = Pt(space_before)
    if plain:
        properties = paragraph._p.get_or_add_pPr()
        properties.set("marL", "0")
        properties.set("indent", "0")
        spacing = [child for child in properties if child.tag.rsplit("}", 1)[-1]
                   in ("lnSpc", "spcBef", "spcAft")]
        bullet_none = parse_xml(f"<a:buNone {nsdecls('a')}/>")
        if spacing:  # the schema's order: spacing first, then the bullet
            spacing[-1].addnext(bullet_none)
        else:
            properties.insert(0, bullet_none)
    run = paragraph.add_run()
    run.text = text
    font = run.font
    font.name, font.size, font.bold = FONT, Pt(size), bold
    font.color.rgb = colour


def _footer(slide, crisis_line: str, number: int, total: int) -> None:
    box = slide.shapes.add_textbox(MARGIN, Inches(6.9), Inches(10.6), Inches(0.4))
    box.text_frame.word_wrap = True
    _paragraph(box.text_frame.paragraphs[0], crisis_line, FOOTER_PT, INK, bold=True)
    count = slide.shapes.add_textbox(SLIDE_WIDTH - MARGIN - Inches(1.4), Inches(6.9), Inches(1.4),
                                     Inches(0.4))
    paragraph = count.text_frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.RIGHT
    _paragraph(paragraph, f"{number} / {total}", FOOTER_PT, MUTED)


# ---------------------------------------------------------------- native charts


def _add_chart(slide, chart: Chart, left: int, top: int, width: int, height: int) -> None:
    if isinstance(chart, ColumnChart):
        frame = _column_chart(slide, chart, left, top, width, height)
    else:
        # About one colour name per 2.6 inches of width: a half-width chart's key takes more lines.
        per_line = max(1, int(width / Inches(2.6)))
        key_height = Inches(0.3 * math.ceil(len(chart.groups) / per_line))
        frame = _range_chart(slide, chart, left, top, width, height - key_height)
        _colour_key(slide, chart, left, top + height - key_height, width, key_height)
    frame._element.nvGraphicFramePr.cNvPr.set("descr", chart.alt)  # read out by screen readers
    frame.chart.font.name, frame.chart.font.size = FONT, Pt(CHART_PT)


def _colour_key(slide, chart: RangeChart, left, top, width, height) -> None:
    """'■ Add a second medicine  ■ Switch to another class …' in the bars' colours."""
    box = slide.shapes.add_textbox(left, top, width, height)
    box.text_frame.word_wrap = True
    paragraph = box.text_frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.CENTER
    for index, (group, colour) in enumerate(chart.groups):
        mark = paragraph.add_run()
        mark.text = ("   " if index else "") + "■ "
        mark.font.name, mark.font.size = FONT, Pt(CHART_PT)
        mark.font.color.rgb = RGBColor.from_string(colour.lstrip("#"))
        name = paragraph.add_run()
        name.text = group
        name.font.name, name.font.size = FONT, Pt(CHART_PT - 1)
        name.font.color.rgb = INK


def _axis_title(axis, text: str) -> None:
    axis.has_title = True
    axis.axis_title.text_frame.text = text
    axis.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(CHART_PT)


def _fill(series, colour: str) -> None:
    series.format.fill.solid()
    series.format.fill.fore_color.rgb = RGBColor.from_string(colour.lstrip("#"))


def _column_chart(slide, chart: ColumnChart, left, top, width, height):
    data = CategoryChartData(number_format="0.0")
    data.categories = chart.categories
    for series in chart.series:
        data.add_series(series.name, series.values)
    frame = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, left, top, width, height, data)
    plot = frame.chart.plots[0]
    plot.gap_width = 60
    for drawn, series in zip(plot.series, chart.series, strict=True):
        _fill(drawn, series.colour)
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format, labels.number_format_is_linked = '0.0"%"', False
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    labels.font.size = Pt(CHART_PT)
    values = frame.chart.value_axis
    values.minimum_scale, values.maximum_scale = 0, 100
    values.tick_labels.number_format, values.tick_labels.number_format_is_linked = '0"%"', False
    values.has_major_gridlines = True
    _axis_title(values, chart.value_axis_title)
    drawn = frame.chart
    drawn.has_title = True
    title = drawn.chart_title.text_frame
    title.text = chart.title
    title.paragraphs[0].runs[0].font.size = Pt(CHART_PT + 2)
    drawn.has_legend = True
    drawn.legend.position = XL_LEGEND_POSITION.BOTTOM
    drawn.legend.include_in_layout = False
    return frame


def _range_chart(slide, chart: RangeChart, left, top, width, height):
    """Floating bars: an invisible first segment up to the low end, then the range itself, each
    bar in its rung's colour from the web page; a line of text under the chart names the colours
    (Impress shows a legend entry PowerPoint can hide, so the chart keeps no legend)."""
    rows = chart.rows
    data = CategoryChartData(number_format="General")
    data.categories = [row.label for row in rows]
    data.add_series(f"Low end ({chart.unit})", [row.low for row in rows])
    data.add_series(f"Range ({chart.unit})", [row.high - row.low for row in rows])
    frame = slide.shapes.add_chart(XL_CHART_TYPE.BAR_STACKED, left, top, width, height, data)
    drawn = frame.chart
    plot = drawn.plots[0]
    plot.gap_width, plot.overlap = 40, 100
    base, spans = plot.series
    base.format.fill.background()
    base.format.line.fill.background()
    colours = dict(chart.groups)
    for index, row in enumerate(rows):
        _fill(spans.points[index], colours[row.group])
    categories = drawn.category_axis
    categories.reverse_order = True  # first option at the top, as on the web page
    # Every option named: both programs leave out labels that would touch. At 8 pt Impress keeps
    # all 24 (at 9 pt it drops every other one); tickLblSkip=1 asks the same of PowerPoint.
    categories.tick_labels.font.size = Pt(CHART_PT - 4)
    categories._element.find("{*}noMultiLvlLbl").addprevious(
        parse_xml(f'<c:tickLblSkip {nsdecls("c")} val="1"/>'))
    values = drawn.value_axis
    low, high = chart.log_bounds()
    values.minimum_scale, values.maximum_scale = low, high
    values._element.scaling.insert(0, parse_xml(f'<c:logBase {nsdecls("c")} val="10"/>'))
    values._element.find("{*}crosses").set("val", "max")  # at the foot, under the last option
    values.has_major_gridlines = True
    values.tick_labels.font.size = Pt(CHART_PT - 2)
    _axis_title(values, chart.value_axis_title)
    return frame
