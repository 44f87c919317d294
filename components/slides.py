"""Presentation slides assembled from the content: one idea per slide, large figures, text equivalents."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import plotly.graph_objects as go

from components.concept_map import make_concept_map_figure, outer_nodes
from components.ladder import duration_label
from components.onset_charts import (
    BURDEN_HEIGHT_PX,
    HOW_TO_READ_BURDEN,
    burden_rows,
    make_onset_burden_figure,
)
from components.referral import ADVICE_ORDER
from components.schema.presentation import Slide
from components.schema.sources import short_citations
from components.schema.treatments import SETTING_SHORT_LABELS
from components.sequencing import plan_rows, plan_sequence
from components.source_index import PageTarget
from components.timeline_charts import (
    HOW_TO_READ_PATHWAY,
    HOW_TO_READ_STAR_D,
    make_pathway_figure,
    make_star_d_figure,
    star_d_rows,
)

# Projector sizes: a chart must read from the back of a room at 1920 × 1080.
PROJECTOR_SCALE = 1.45
PROJECTOR_HEIGHT_PX = 600  # fits under the slide title on a 1080-pixel screen
BURDEN_LEGEND_ABOVE_PX = 66  # what the legend above the onset-vs-burden plot takes on the page


@dataclass(frozen=True)
class Point:
    """One line of a slide: a short headline shown large, and an optional detail below it."""

    headline: str
    detail: str = ""


@dataclass(frozen=True)
class SlideView:
    """Everything a slide shows, already resolved from the content."""

    number: int
    total: int
    slide: Slide
    points: tuple[Point, ...] = ()
    story: tuple[str, ...] = ()
    figure: go.Figure | None = None
    caption: str = ""
    rows: tuple[dict, ...] = ()  # the figure's facts as a table, for screen readers
    link: PageTarget | None = None
    link_label: str = ""
    sources: tuple[str, ...] = ()
    reviewed: dt.date | None = None

    @property
    def title(self) -> str:
        return self.slide.title


def parse_slide_number(raw: str | None, total: int) -> tuple[int, str | None]:
    """The 1-based slide a `?slide=` value asks for, or slide 1 and a notice when it is unusable."""
    if raw is None or raw == "":
        return 1, None
    try:
        number = int(raw)
    except ValueError:
        # Not echoed: the notice is Markdown, and a crafted link must not add its own words.
        return 1, "The link does not name a slide by its number; starting at slide 1."
    if not 1 <= number <= total:
        return 1, f"There is no slide {number} (the slides run from 1 to {total}); starting at slide 1."
    return number, None


def enlarge_for_projector(figure: go.Figure, scale: float = PROJECTOR_SCALE,
                          height: int = PROJECTOR_HEIGHT_PX) -> go.Figure:
    """Scale every font and marker of a page figure so it reads on a projector; returns the figure."""
    layout = figure.layout
    base = (layout.font.size or 15) * scale
    figure.update_layout(height=height, font={"size": base},
                         legend={"font": {"size": base * 0.9},
                                 "title": {"font": {"size": base * 0.9}}},
                         hoverlabel={"font": {"size": base * 0.8}})
    if layout.title and layout.title.text:
        figure.update_layout(title={"font": {"size": base * 1.2}})
    for trace in figure.data:
        if "textfont" in trace and trace.textfont.size:
            trace.textfont.size = trace.textfont.size * scale
        if "marker" in trace and "size" in trace.marker and isinstance(trace.marker.size,
                                                                        (int, float)):
            trace.marker.size = trace.marker.size * scale
    figure.update_xaxes(tickfont={"size": base * 0.9}, title_font={"size": base})
    figure.update_yaxes(tickfont={"size": base * 0.9}, title_font={"size": base})
    for annotation in layout.annotations:
        annotation.font.size = (annotation.font.size or 15) * scale
    return figure


def slide_titles(content) -> list[str]:
    """The title of every slide, in order: the outline a presenter navigates."""
    return [slide.title for slide in content.presentation.slides]


def build_slide(content, number: int) -> SlideView:
    """Slide `number` (1-based) with its words, figure and sources drawn from the content."""
    slides = content.presentation.slides
    slide = slides[number - 1]
    parts = _BUILDERS[slide.kind](content, slide)
    return SlideView(number=number, total=len(slides), slide=slide, **parts)


def slide_figure(content, number: int) -> go.Figure | None:
    """Only the figure of slide `number`, freshly built, for the cached chart renderer."""
    return build_slide(content, number).figure


def slide_number(content, slide_id: str) -> int:
    """The 1-based place of a slide in data/presentation.yaml."""
    return next(n for n, s in enumerate(content.presentation.slides, start=1) if s.id == slide_id)


# ---------------------------------------------------------------- one builder per kind of slide


def _title(content, slide: Slide) -> dict:
    frame = content.frame
    return {"points": (Point(frame.tagline, frame.education_notice),)}


def _map(content, slide: Slide) -> dict:
    trd_map = content.map
    nodes = outer_nodes(trd_map)
    groups = {group.id: group.label for group in trd_map.groups}
    centre = trd_map.node(trd_map.centre)
    return {
        "figure": enlarge_for_projector(make_concept_map_figure(trd_map, None), scale=1.6),
        "caption": f"Concept map: {centre.label} at the centre, joined to {len(nodes)} elements "
                   "coloured by kind.",
        "rows": tuple({"Element": n.label, "Kind": groups[n.group], "In short": n.summary}
                      for n in nodes),
        "link": PageTarget("map"), "link_label": "Open the interactive map",
        "sources": _ids(n.sources for n in trd_map.nodes),
        "reviewed": max(n.reviewed for n in trd_map.nodes),
    }


def _definition(content, slide: Slide) -> dict:
    trd = content.map.node(content.map.centre)
    verdict = next(k for k in content.referral.classifications if k.id == "treatment-resistant")
    threshold = content.map.node("two-antidepressants")
    points = [Point(verdict.label, trd.summary)]
    if threshold:
        points.append(Point(threshold.label, threshold.summary))
    return {
        "points": tuple(points),
        "link": PageTarget("map", {"node": trd.id}), "link_label": "Open it on the map",
        "sources": _ids([trd.sources, verdict.sources, threshold.sources if threshold else []]),
        "reviewed": max(trd.reviewed, verdict.reviewed),
    }


def _adequacy(content, slide: Slide) -> dict:
    referral = content.referral
    default = next(d for d in referral.adequacy_definitions
                   if d.id == referral.default_adequacy_definition)
    others = [d for d in referral.adequacy_definitions if d.id != default.id]
    counting = [a.label for a in referral.adherence_levels if a.counts_toward_adequacy]
    not_counting = [a.label for a in referral.adherence_levels if not a.counts_toward_adequacy]
    points = (
        Point("Dose: at least the minimum adequate dose",
              f"Minimum doses follow the {referral.dose_reference.name}."),
        Point(f"Weeks: {default.name.lower()} (the checker's default)",
              " ".join([default.summary, *(f"{d.name}: {d.summary}" for d in others)])),
        Point(f"Adherence: only {' or '.join(counting).lower()} counts",
              f"Does not count: {'; '.join(not_counting).lower()}."),
        Point(next(k.label for k in referral.classifications if k.id == "intolerance"),
              f"{referral.intolerance.explanation} {referral.intolerance.failed_after_adequate}"),
    )
    evidence = [referral.dose_reference, *referral.adequacy_definitions,
                *referral.adherence_levels, referral.intolerance]
    return {
        "points": points, "link": PageTarget("checker"), "link_label": "Try the trial checker",
        "sources": _ids(e.sources for e in evidence),
        "reviewed": max(e.reviewed for e in evidence),
    }


def _differential(content, slide: Slide) -> dict:
    lookalikes = content.map.lookalikes
    return {
        "points": tuple(Point(item.label, item.next_step) for item in lookalikes),
        "link": PageTarget("map"), "link_label": "Read the differential on the map page",
        "sources": _ids(item.sources for item in lookalikes),
        "reviewed": max(item.reviewed for item in lookalikes),
    }


def _ladder(content, slide: Slide) -> dict:
    treatments = content.treatments
    points = []
    for rung in sorted(treatments.rungs, key=lambda r: r.order):
        options = [o for o in treatments.options if o.rung == rung.id]
        if not options:
            continue
        onset = duration_label(min(o.onset_days.low for o in options),
                            max(o.onset_days.high for o in options))
        settings = ", ".join(dict.fromkeys(SETTING_SHORT_LABELS[o.setting] for o in options))
        points.append(Point(f"{rung.label}: works in {onset}",
                            f"{', '.join(o.short_name for o in options)}. Setting: {settings}."))
    return {
        "points": tuple(points), "link": PageTarget("ladder"),
        "link_label": "Compare the options on the treatment ladder",
        "sources": _ids(r.sources for r in treatments.rungs),
        "reviewed": max(r.reviewed for r in treatments.rungs),
    }


def _star_d(content, slide: Slide) -> dict:
    star_d = content.timelines.star_d
    figure = make_star_d_figure(star_d, short_citations(content.sources.sources))
    return {
        "figure": enlarge_for_projector(figure),
        "caption": f"{HOW_TO_READ_STAR_D} Remission: {star_d.remission_scale}. {star_d.caveat}",
        "rows": tuple(star_d_rows(star_d)),
        "link": PageTarget("timelines"), "link_label": "See the timelines page",
        "sources": _ids([star_d.sources]), "reviewed": star_d.reviewed,
    }


def _pathway(content, slide: Slide) -> dict:
    timelines = content.timelines
    path = next(p for p in timelines.sequencing_paths if p.id == slide.path)
    plan = plan_sequence(path.steps, timelines.sequence_steps,
                         timelines.sequencing_rules.referral_due_after_trials)
    return {
        "figure": enlarge_for_projector(make_pathway_figure(plan), scale=1.3),
        "caption": f"{HOW_TO_READ_PATHWAY} {path.summary} Where referral belongs: "
                   f"{path.referral_point}",
        "rows": tuple(plan_rows(plan)),
        "link": PageTarget("timelines", {"path": path.id}), "link_label": "Open this path",
        "sources": _ids([path.sources]), "reviewed": path.reviewed,
    }


def _onset_burden(content, slide: Slide) -> dict:
    options = content.treatments.options
    figure = make_onset_burden_figure(options, content.treatments.rungs,
                                      short_citations(content.sources.sources))
    # Not enlarged: each name is placed clear of the others for the house font size and plot
    # height, and larger names on a shorter plot nearly touched at 1366 px. The legend moves to
    # the right instead, so the plot keeps the page's height in less room under a slide title.
    figure.update_layout(height=BURDEN_HEIGHT_PX - BURDEN_LEGEND_ABOVE_PX,
                         legend={"orientation": "v", "x": 1.01, "y": 1, "yanchor": "top"})
    return {
        "figure": figure,
        "caption": HOW_TO_READ_BURDEN, "rows": tuple(burden_rows(options)),
        "link": PageTarget("onset"), "link_label": "See onset and commitment",
        "sources": _ids(o.sources for o in options),
        "reviewed": max(o.reviewed for o in options),
    }


def _referral(content, slide: Slide) -> dict:
    referral = content.referral
    advice = {a.id: a for a in referral.advice}
    points = []
    for urgency in ADVICE_ORDER:
        flags = [f.label for f in referral.red_flags if f.urgency == urgency]
        detail = (f"Flags: {'; '.join(flags)}. " if flags else "") + advice[urgency].text
        points.append(Point(advice[urgency].heading, detail))
    evidence = [*referral.advice, *referral.red_flags]
    return {
        "points": tuple(points), "link": PageTarget("checker"),
        "link_label": "Tick the red flags in the trial checker",
        "sources": _ids(e.sources for e in evidence),
        "reviewed": max(e.reviewed for e in evidence),
    }


def _case(content, slide: Slide) -> dict:
    case = next(c for c in content.cases.cases if c.id == slide.case)
    return {
        "story": tuple(case.stages),
        "points": tuple(Point(prompt) for prompt in case.discussion_prompts),
        "link": PageTarget("cases", {"case": case.id}),
        "link_label": f"Discuss “{case.title}” part by part",
        "sources": _ids([case.sources]), "reviewed": case.reviewed,
    }


def _close(content, slide: Slide) -> dict:
    return {
        "points": (
            Point("Test yourself", f"{len(content.quiz.questions)} questions in the knowledge "
                                   "check, by topic or as a quick round."),
            Point("Practise on cases", f"{len(content.cases.cases)} practice cases, each loadable "
                                       "into the trial checker."),
            Point("Take the handout", "A printable summary of the map, the ladder, the adequacy "
                                      "test and the referral criteria, with sources."),
        ),
        "link": PageTarget("quiz"), "link_label": "Start the knowledge check",
    }


_BUILDERS: dict[str, Callable[..., dict]] = {
    "title": _title, "map": _map, "definition": _definition, "adequacy": _adequacy,
    "differential": _differential, "ladder": _ladder, "star-d": _star_d, "pathway": _pathway,
    "onset-burden": _onset_burden, "referral": _referral, "case": _case, "close": _close,
}


def _ids(groups) -> tuple[str, ...]:
    """Source ids from several lists, each once, in first-seen order."""
    return tuple(dict.fromkeys(sid for group in groups for sid in group))

