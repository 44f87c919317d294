"""PDFs with WeasyPrint: a talk as slides with their notes, and the handout from its own HTML."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from components.exports.chart_data import RangeChart, chart_for
from components.exports.deck import Deck, build_deck
from components.exports.fonts import FAMILY, LocalFontFetcher, font_face_css
from components.exports.svg import chart_svg
from components.handout import PAPER_SIZES, make_handout_html
from components.talks import SlideView, Talk

HANDOUT_TARGET_PAGES = 2

_TALK_STYLE = """
@page { size: %(paper)s portrait; margin: 12mm 13mm 16mm; font-family: "%(family)s", sans-serif;
        @bottom-left { content: "%(crisis)s"; font-size: 8pt; font-weight: bold; color: #0d141b; }
        @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt;
                        color: #3a4a5a; } }
* { box-sizing: border-box; }
body { font-family: "%(family)s", sans-serif; color: #0d141b; margin: 0; font-size: 10pt;
       line-height: 1.35; }
section.sheet { break-after: page; }
section.sheet:last-child { break-after: auto; }
/* The slide is a one-column table at least 112 mm high (near 16:9): its words grow it when they
   must, and the extra height of a short slide goes to the first row, so the foot sits at the
   bottom. Flexbox would do the same, but WeasyPrint lays it out ten times slower. */
.slide { display: table; width: 100%%; height: 112mm; border: 1px solid #b8c4d0;
         border-radius: 2mm; }
.slide.tall { height: 148mm; }
.slide > .words { display: table-row; height: 100%%; }
.slide > .words > div { display: table-cell; padding: 6mm 7mm 0; vertical-align: top; }
.slide > .foot { display: table-row; }
.slide > .foot > div { display: table-cell; padding: 2mm 7mm 4mm; vertical-align: bottom; }
.slide h1 { font-size: 20pt; color: #1d5b8c; margin: 8mm 0 4mm; }
.slide h2 { font-size: 16pt; color: #1d5b8c; margin: 0 0 3mm; }
.slide p.subtitle { font-size: 12pt; color: #1d5b8c; margin: 0 0 3mm; }
.slide p.line { font-size: 11pt; margin: 0 0 2mm; }
.slide ul { margin: 0 0 2mm; padding-left: 5mm; font-size: 11pt; }
.slide ul.wordy { font-size: 9.5pt; }
.slide li { margin: 0 0 1.5mm; }
.slide li .detail { display: block; font-size: 0.82em; color: #3a4a5a; }
.slide svg.chart { width: 100%%; height: auto; max-height: 70mm; margin: 1mm 0 2mm; }
.slide.tall svg.chart { max-height: 104mm; }
.slide p.sources { font-size: 7.5pt; color: #3a4a5a; margin: 2mm 0 1mm; }
.slide p.crisis { font-size: 8pt; font-weight: bold; margin: 0; }
.slide p.crisis .count { float: right; font-weight: normal; color: #3a4a5a; }
.notes h3 { font-size: 10.5pt; margin: 5mm 0 1.5mm; color: #3a4a5a; }
.notes p { margin: 0 0 2mm; }
.notes p.sources { font-size: 7.5pt; color: #3a4a5a; }
"""
# Slides with more words than this print their bullets a size smaller, so each stays on one page.
WORDY_CHARS = 900


def talk_pdf(content, talk: Talk, crisis_line: str, paper: str = "A4") -> bytes:
    """The talk as a PDF: one page per slide, the slide drawn on top and its speaker notes below."""
    deck = build_deck(content, talk)
    return _write(talk_html(content, deck, crisis_line), paper, crisis_line, _TALK_STYLE)


def talk_html(content, deck: Deck, crisis_line: str) -> str:
    """The talk as print HTML: the same cover, slides, citations and notes as the PowerPoint."""
    cover = deck.cover
    sheets = [_sheet(
        f"<h1>{escape(cover.title)}</h1><p class=\"subtitle\">{escape(cover.subtitle)}</p>"
        + "".join(f'<p class="line">{escape(line)}</p>' for line in cover.lines),
        "", crisis_line, 1, deck.pages, (cover.notes,))]
    for number, view in enumerate(deck.slides, start=2):
        chart = chart_for(content, view.chart) if view.chart else None
        # A chart with a row per option gets a taller box; many words grow a box as they need.
        tall = isinstance(chart, RangeChart)
        sheets.append(_sheet(f"<h2>{escape(view.title)}</h2>{_bullets(view)}"
                             + (chart_svg(chart) if chart else ""),
                             deck.sources_line(view), crisis_line, number, deck.pages,
                             deck.notes_parts(view), tall=tall))
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{escape(cover.title)}</title></head><body>{''.join(sheets)}</body></html>\n")


def _details(view: SlideView) -> tuple[str, ...]:
    return view.details if len(view.details) == len(view.lines) else ("",) * len(view.lines)


def _words(view: SlideView) -> int:
    return sum(map(len, view.lines)) + sum(map(len, _details(view)))


def _bullets(view: SlideView) -> str:
    if not view.lines:
        return ""
    items = "".join(f"<li>{escape(line)}"
                    + (f'<span class="detail">{escape(detail)}</span>' if detail else "") + "</li>"
                    for line, detail in zip(view.lines, _details(view), strict=True))
    return f'<ul class="{"wordy" if _words(view) > WORDY_CHARS else "plain"}">{items}</ul>'


def _sheet(body: str, sources: str, crisis_line: str, number: int, total: int,
           notes: tuple[str, ...], *, tall: bool = False) -> str:
    """One page: the slide in its box, then the notes; a full source list in small print."""
    notes_html = "".join(f'<p class="{"sources" if part.startswith("Sources: ") else "said"}">'
                         f"{escape(part)}</p>" for part in notes if part)
    small_print = f'<p class="sources">{escape(sources)}</p>' if sources else ""
    size = "slide tall" if tall else "slide"
    return (f'<section class="sheet"><div class="{size}"><div class="words"><div>{body}</div></div>'
            f'<div class="foot"><div>{small_print}'
            f'<p class="crisis"><span class="count">{number} / {total}</span>{escape(crisis_line)}'
            f'</p></div></div></div><div class="notes"><h3>Speaker notes</h3>{notes_html}'
            "</div></section>")


# ---------------------------------------------------------------- the handout


@dataclass(frozen=True)
class HandoutPdf:
    """The handout as PDF bytes, with its length and where each section starts."""

    data: bytes
    pages: int
    paper: str
    sections: tuple[tuple[str, int], ...]  # (heading, first page), in order

    def length_note(self) -> str:
        """Why the print runs past two pages, naming the sections that take the room; or ''."""
        if self.pages <= HANDOUT_TARGET_PAGES:
            return ""
        return length_note(self.pages, self.paper, self.sections)


def length_note(pages: int, paper: str, sections: tuple[tuple[str, int], ...]) -> str:
    spans = [(heading, first, next_first if next_first > first else first)
             for (heading, first), (_, next_first)
             in zip(sections, [*sections[1:], ("", pages)], strict=True)]
    longest = sorted(spans, key=lambda s: s[2] - s[1], reverse=True)[:2]
    where = " and ".join(f"{heading} (" + (f"pages {first}–{last}" if last > first
                                           else f"page {first}") + ")"
                         for heading, first, last in sorted(longest, key=lambda s: s[1]))
    return (f"Printed on {paper}, this handout runs to {pages} pages, not {HANDOUT_TARGET_PAGES}: "
            f"it keeps every option, criterion and source in full rather than cut any. "
            f"The longest parts: {where}.")


def handout_pdf(content, crisis_line: str, paper: str = "A4") -> bytes:
    """The handout as a PDF, from the same HTML as the handout download."""
    return render_handout_pdf(content, crisis_line, paper).data


def render_handout_pdf(content, crisis_line: str, paper: str = "A4") -> HandoutPdf:
    """The handout PDF and its length; a print past two pages says why, near the top."""
    first = _handout(content, crisis_line, paper, "")
    note = first.length_note()
    return _handout(content, crisis_line, paper, note) if note else first


def _handout(content, crisis_line: str, paper: str, note: str) -> HandoutPdf:
    html = make_handout_html(content, crisis_line, paper, length_note=note)
    document = _render(html, _HANDOUT_STYLE, paper, crisis_line)
    sections = tuple((label, page + 1) for top in document.make_bookmark_tree()
                     for label, (page, *_), *_ in top[2])
    return HandoutPdf(document.write_pdf(pdf_tags=True), len(document.pages), paper, sections)


_HANDOUT_STYLE = """
@page { font-family: "%(family)s", sans-serif;
        @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 7.5pt;
                        color: #3a4a5a; } }
"""


# ---------------------------------------------------------------- WeasyPrint


def _css_string(text: str) -> str:
    """Text safe inside a CSS string literal."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def _render(html: str, style: str, paper: str, crisis_line: str):
    if paper not in PAPER_SIZES:
        raise ValueError(f"paper must be one of {', '.join(PAPER_SIZES)}, not {paper!r}")
    css = style % {"paper": PAPER_SIZES[paper], "crisis": _css_string(crisis_line),
                   "family": FAMILY}
    fonts, fetcher = FontConfiguration(), LocalFontFetcher()  # @font-face goes through both
    stylesheets = [CSS(string=font_face_css(), url_fetcher=fetcher, font_config=fonts),
                   CSS(string=css, url_fetcher=fetcher, font_config=fonts)]
    return HTML(string=html, url_fetcher=fetcher).render(stylesheets=stylesheets,
                                                          font_config=fonts)


def _write(html: str, paper: str, crisis_line: str, style: str) -> bytes:
    # Tagged: screen readers get headings, lists and reading order, not loose glyphs.
    return _render(html, style, paper, crisis_line).write_pdf(pdf_tags=True)
