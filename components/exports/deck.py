"""What every export of a talk shows, worked out once: the cover, the slides, the short citations."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from components.about import compute_review_span
from components.concept_map import outer_nodes
from components.ladder import duration_label
from components.onset_charts import burden_groups
from components.schema.common import span
from components.schema.treatments import SETTING_LABELS
from components.sequencing import plan_rows, plan_sequence
from components.talks import SlideView, Talk, talk_slides

EDUCATION_ONLY = "Education, not medical advice."
# Small print under a slide holds about two lines of short citations; the rest go to the notes.
SOURCES_MAX_CHARS = 330


@dataclass(frozen=True)
class Cover:
    """The first slide: what the talk is, that it is teaching, and how current its content is."""

    title: str
    subtitle: str
    lines: tuple[str, ...]
    notes: str


@dataclass(frozen=True)
class Deck:
    cover: Cover
    slides: tuple[SlideView, ...]
    citations: dict[str, str]  # source id -> 'Rush AJ 2006'
    reviewed: dt.date

    @property
    def pages(self) -> int:
        """Slides in the export: the cover and one per slide."""
        return 1 + len(self.slides)

    def short_citations(self, view: SlideView) -> list[str]:
        """'Rush AJ 2006', … for each source the slide cites, each once."""
        return list(dict.fromkeys(self.citations[sid] for sid in view.sources))

    def sources_line(self, view: SlideView, max_chars: int | None = SOURCES_MAX_CHARS) -> str:
        """'Sources: Rush AJ 2006; Pigott HE 2023', or '' for a slide that cites nothing.

        Cut at `max_chars` with how many more there are, for the small print under a slide; the
        whole list then goes to the speaker notes (see `notes`).
        """
        cites = self.short_citations(view)
        line = f"Sources: {'; '.join(cites)}" if cites else ""
        if max_chars is None or len(line) <= max_chars:
            return line
        shown = []
        for cite in cites:
            rest = len(cites) - len(shown) - 1
            if len("Sources: " + "; ".join([*shown, cite]) + f"; and {rest} more (see the notes)") > max_chars:
                break
            shown.append(cite)
        return f"Sources: {'; '.join(shown)}; and {len(cites) - len(shown)} more (see the notes)"

    def notes(self, view: SlideView, max_chars: int | None = SOURCES_MAX_CHARS) -> str:
        """The speaker notes, the planned minutes, and every source when the slide could not list them."""
        return "\n\n".join(part for part in self.notes_parts(view, max_chars) if part)

    def notes_parts(self, view: SlideView, max_chars: int | None = SOURCES_MAX_CHARS
                    ) -> tuple[str, str, str]:
        """(speaker notes, 'Planned: 3 minutes.', every source or '' when the slide lists them)."""
        planned = f"Planned: {view.minutes:g} minutes." if view.minutes else ""
        whole = self.sources_line(view, None)
        return view.notes, planned, "" if self.sources_line(view, max_chars) == whole else whole


def build_deck(content, talk: Talk) -> Deck:
    """The talk's slides behind a cover; a talk that opens with the title slide gets it as the cover."""
    slides = [_with_picture_words(content, view) for view in talk_slides(content, talk)]
    opening_notes = ""
    if slides and _is_title_slide(content, slides[0]):
        opening_notes, slides = slides[0].notes, slides[1:]
    frame = content.frame
    reviewed = compute_review_span(content).newest
    notice = frame.education_notice
    if EDUCATION_ONLY.casefold() not in notice.casefold():
        notice = f"{EDUCATION_ONLY} {notice}"
    minutes = sum(item.minutes for item in talk.items)
    plan = f"{len(slides) + 1} slides, {minutes:g} minutes planned"
    if talk.slot_minutes:
        plan += f" for a {talk.slot_minutes}-minute slot"
    cover = Cover(
        title=talk.title,
        subtitle=f"{frame.app_title}: {frame.tagline}",
        lines=(notice, f"Content last reviewed {reviewed.isoformat()}.", f"{plan}."),
        notes=opening_notes or "Say what the talk covers, and that it is teaching, not "
                               "prescribing advice.",
    )
    citations = {source.id: source.short_citation() for source in content.sources.sources}
    return Deck(cover=cover, slides=tuple(slides), citations=citations, reviewed=reviewed)


def _slide_kind(content, view: SlideView) -> str | None:
    """The presentation slide's kind ("title", "map", …) for a slide item, else None."""
    if view.kind != "slide":
        return None
    return next(s.kind for s in content.presentation.slides if s.id == view.item_id)


def slide_charts(content, view: SlideView) -> tuple[str, ...]:
    """The native charts a file draws on this slide: its own, or its web picture's parts."""
    if view.chart:
        return (view.chart,)
    return _PICTURE_CHARTS.get(_slide_kind(content, view), ())


def _is_title_slide(content, view: SlideView) -> bool:
    return _slide_kind(content, view) == "title"


def _with_picture_words(content, view: SlideView) -> SlideView:
    """Slides whose picture only the web page draws (the concept map, a pathway's timeline, onset
    against burden) list in a file what the picture shows, from the same data."""
    kind = _slide_kind(content, view)
    if view.lines or view.chart or kind not in _PICTURE_WORDS:
        return view
    lines, details = _PICTURE_WORDS[kind](content, view)
    return replace(view, lines=tuple(lines), details=tuple(details))


def _map_words(content, view: SlideView) -> tuple[list[str], list[str]]:
    trd_map = content.map
    nodes = outer_nodes(trd_map)
    lines = [f"At the centre: {trd_map.node(trd_map.centre).label}"]
    for group in trd_map.groups:
        members = [node.label for node in nodes if node.group == group.id]
        if members:
            lines.append(f"{group.label}: {', '.join(members)}")
    return lines, []


def _pathway_words(content, view: SlideView) -> tuple[list[str], list[str]]:
    timelines = content.timelines
    slide = next(s for s in content.presentation.slides if s.id == view.item_id)
    path = next(p for p in timelines.sequencing_paths if p.id == slide.path)
    plan = plan_sequence(path.steps, timelines.sequence_steps,
                         timelines.sequencing_rules.referral_due_after_trials)
    rows = plan_rows(plan)
    lines = [f"{row['Step']}: {row['Weeks needed']}, from {row['Starts']}" for row in rows]
    details = [row["Review point"] + ("" if row["Flags"] == "none" else f" ⚠ {row['Flags']}")
               for row in rows]
    return lines, details


def _burden_words(content, view: SlideView) -> tuple[list[str], list[str]]:
    treatments = content.treatments
    lines = [f"{group.label}: first effect in {duration_label(*group.onset)}; "
             f"{span(*group.hours, 1)} hours at visits over the acute course "
             f"({SETTING_LABELS[group.setting].lower()})"
             for group in burden_groups(treatments.options, treatments.rungs)]
    return lines, []


_PICTURE_WORDS = {"map": _map_words, "pathway": _pathway_words, "onset-burden": _burden_words}
# Onset against burden is one scatter on the web; a deck draws its two axes as two editable charts
# (time to first effect, hours at visits), with the words above in the notes.
_PICTURE_CHARTS = {"onset-burden": ("onset", "commitment")}
