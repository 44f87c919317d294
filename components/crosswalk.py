"""The guideline crosswalk's logic: disagreement, links to the ladder and map, comparisons with the
app's own rules, consistency checks, exports and the talk-builder slide. No Streamlit here."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

import pandas as pd

from components.problems import Problem
from components.schema.guidelines import STATUS_LABELS, Cell, DecisionPoint, GuidelinesFile
from components.talks import SlideView

if TYPE_CHECKING:
    from components.content import ContentSet

QUERY_PARAM = "point"
SLIDE_KIND = "crosswalk-point"


# ---------------------------------------------------------------- reading the matrix


def stated_positions(point: DecisionPoint) -> set[str]:
    return {cell.position for cell in point.cells if cell.position is not None}


def guidelines_disagree(point: DecisionPoint) -> bool:
    """Two or more guidelines say something here, and not the same thing."""
    return len(stated_positions(point)) > 1


def disagreeing_points(guidelines: GuidelinesFile) -> list[DecisionPoint]:
    return [point for point in guidelines.decision_points if guidelines_disagree(point)]


def point_by_id(guidelines: GuidelinesFile, point_id: str | None) -> DecisionPoint | None:
    return next((p for p in guidelines.decision_points if p.id == point_id), None)


def points_for_option(guidelines: GuidelinesFile, option_id: str) -> list[DecisionPoint]:
    return [p for p in guidelines.decision_points if option_id in p.ladder_options]


def points_for_node(guidelines: GuidelinesFile, node_id: str) -> list[DecisionPoint]:
    return [p for p in guidelines.decision_points if node_id in p.map_nodes]


def cell_label(cell: Cell) -> str:
    """The matrix cell as a reader sees it: the short text, flagged when it is not a statement."""
    if cell.status == "stated":
        return cell.short
    return f"{STATUS_LABELS[cell.status]}: {cell.short}" if not cell.short.startswith(
        STATUS_LABELS[cell.status]) else cell.short


def cell_sources(cell: Cell) -> list[str]:
    return list(dict.fromkeys([cell.guideline, *cell.sources]))


def point_sources(point: DecisionPoint) -> list[str]:
    return list(dict.fromkeys([s for cell in point.cells for s in cell_sources(cell)]
                              + point.sources))


def matrix_table(guidelines: GuidelinesFile, points: Sequence[DecisionPoint]) -> pd.DataFrame:
    """Decision points down, guidelines across, the short cell text in each."""
    rows = []
    for point in points:
        row = {"Decision point": point.label}
        for column in guidelines.guidelines:
            row[column.short_name] = cell_label(point.cell(column.source))
        rows.append(row)
    return pd.DataFrame(rows, columns=["Decision point",
                                       *(c.short_name for c in guidelines.guidelines)])


def cells_table(guidelines: GuidelinesFile, points: Sequence[DecisionPoint],
                citations: dict[str, str]) -> pd.DataFrame:
    """One row per cell with everything the detail panel shows: the CSV export."""
    rows = []
    for point in points:
        for column in guidelines.guidelines:
            cell = point.cell(column.source)
            rows.append({
                "Decision point": point.label, "Point id": point.id,
                "Guideline": column.short_name, "Status": STATUS_LABELS[cell.status],
                "Short": cell.short, "What it says": cell.detail,
                "Strength (guideline's own wording)": cell.strength or "—",
                "Section": cell.section, "Year": cell.year, "Read in": cell.read_in,
                "Guidelines disagree here": "yes" if guidelines_disagree(point) else "no",
                "Note": cell.note or "—",
                "Sources": "; ".join(citations.get(s, s) for s in cell_sources(cell)),
                "Reviewed": point.reviewed.isoformat(),
            })
    return pd.DataFrame(rows)


def matrix_csv(guidelines: GuidelinesFile, points: Sequence[DecisionPoint],
               citations: dict[str, str]) -> bytes:
    return cells_table(guidelines, points, citations).to_csv(index=False).encode("utf-8")


# ---------------------------------------------------------------- the app's own rules beside them


@dataclass(frozen=True)
class AppValue:
    """One of the app's own rules, as a number a guideline cell can be compared with."""

    label: str
    number: float
    unit: str
    sources: tuple[str, ...]


def app_values(content: ContentSet, rule: str) -> list[AppValue]:
    """The checker's numbers for one kind of rule (see schema AppRule)."""
    referral = content.referral
    if rule == "failed-trials":
        threshold = referral.resistance_threshold
        return [AppValue("The checker: resistant after", threshold.failed_antidepressants,
                         "failed antidepressants", tuple(threshold.sources))]
    if rule == "trial-weeks":
        return [AppValue(f"The checker's {d.name.lower()}", d.minimum_weeks, "weeks",
                         tuple(d.sources)) for d in referral.adequacy_definitions]
    if rule == "non-response":
        cut = non_response_cut_off(content)
        return [AppValue("The checker counts a trial as failed below", cut, "% improvement",
                         tuple(referral.non_response_rule.sources))]
    raise ValueError(f"unknown app rule {rule!r}")


def non_response_cut_off(content: ContentSet) -> float:
    """The improvement below which the checker counts an adequate trial as failed: the lower bound
    of the first outcome it does not count as a failure ('50% or more better')."""
    for outcome in content.referral.outcomes:
        found = re.search(r"(\d+(?:\.\d+)?)% or more", outcome.label)
        if not outcome.counts_as_failure and found:
            return float(found.group(1))
    raise ValueError("no outcome names the improvement from which a trial is not a failure")


def cell_number(cell: Cell, rule: str) -> tuple[float, float] | None:
    """The cell's comparable number for a rule, as a (low, high) span, or None if it gives none."""
    if rule == "trial-weeks" and cell.weeks:
        return cell.weeks.low, cell.weeks.high
    if rule == "failed-trials" and cell.failed_trials is not None:
        return cell.failed_trials, cell.failed_trials
    if rule == "non-response" and cell.non_response_below_percent is not None:
        return cell.non_response_below_percent, cell.non_response_below_percent
    return None


def cell_number_label(cell: Cell, rule: str) -> str:
    span = cell_number(cell, rule)
    if span is None:
        return "no number given" if cell.status == "stated" else STATUS_LABELS[cell.status].lower()
    low, high = (f"{v:g}" for v in span)
    text = low if low == high else f"{low}–{high}"
    return {"trial-weeks": f"{text} weeks", "failed-trials": f"{text} failed antidepressants",
            "non-response": f"below {text}% improvement"}[rule]


def verdict(cell: Cell, rule: str, value: AppValue) -> str:
    """'agrees', 'differs' or 'no number' for one guideline beside one of the app's numbers."""
    span = cell_number(cell, rule)
    if span is None:
        return "no number"
    low, high = span
    return "agrees" if low == value.number == high else "differs"


def rule_conflicts(content: ContentSet) -> list[Problem]:
    """Where one of the checker's rules cites a guideline compared here, that guideline's cell must
    give the same number."""
    guidelines = content.guidelines
    columns = {c.source: c.short_name for c in guidelines.guidelines}
    findings = []
    for point in guidelines.decision_points:
        if point.app_rule is None:
            continue
        for value in app_values(content, point.app_rule):
            for source in value.sources:
                if source not in columns:
                    continue
                cell = point.cell(source)
                if verdict(cell, point.app_rule, value) != "agrees":
                    findings.append(Problem(
                        "data/referral.yaml", _RULE_ENTRIES[point.app_rule], "sources",
                        f"{value.label} {value.number:g} {value.unit} cites {source}, but the "
                        f"crosswalk (data/guidelines.yaml, {point.id}) has {columns[source]} at "
                        f"{cell_number_label(cell, point.app_rule)}"))
    return findings


# Where each app rule lives in data/referral.yaml, to name it in a finding.
_RULE_ENTRIES = {"failed-trials": "resistance_threshold", "trial-weeks": "adequacy_definitions",
                 "non-response": "non_response_rule"}
_LINE = re.compile(r"\b(first|second|third) line\b", re.IGNORECASE)
_LEVEL = re.compile(r"\bLevel (\d)\b")
_CITED = re.compile(r"\(([^()]+)\)\s*$")


def ladder_line_conflicts(content: ContentSet) -> list[Problem]:
    """Where a ladder option's guideline line names a guideline compared here ('(CANMAT 2023)'),
    the crosswalk cell for that guideline must rate that option with the same line and level."""
    guidelines = content.guidelines
    by_name = {c.short_name: c.source for c in guidelines.guidelines}
    findings = []
    for option in content.treatments.options:
        cited = _CITED.search(option.guideline_line)
        if not cited or cited.group(1) not in by_name:
            continue
        ratings = [r for p in points_for_option(guidelines, option.id)
                   for r in p.cell(by_name[cited.group(1)]).ratings if r.treatment == option.id]
        line, level = _LINE.search(option.guideline_line), _LEVEL.search(option.guideline_line)
        found = (int(level.group(1)) if level else None)
        if not ratings:
            message = (f"cites {cited.group(1)}, but no crosswalk cell of that guideline rates "
                       "this option (data/guidelines.yaml ratings)")
        elif not line or line.group(1).lower() != ratings[0].line:
            message = (f"says {option.guideline_line!r}; the crosswalk rates it "
                       f"{ratings[0].wording!r}")
        elif found != ratings[0].evidence_level:
            message = (f"gives evidence level {found or 'none'}; the crosswalk gives "
                       f"{ratings[0].evidence_level or 'none'}")
        else:
            continue
        findings.append(Problem("data/treatments.yaml", option.id, "guideline_line", message))
    return findings


def coverage_gaps(content: ContentSet) -> list[Problem]:
    """Ladder options and map nodes that no crosswalk row links to, and ladder lines citing a
    compared guideline whose crosswalk cell does not rate that option. Gaps, not contradictions:
    the tests keep them at zero, the validator does not refuse content for them."""
    guidelines = content.guidelines
    linked_options = {o for p in guidelines.decision_points for o in p.ladder_options}
    linked_nodes = {n for p in guidelines.decision_points for n in p.map_nodes}
    findings = [Problem("data/treatments.yaml", o.id, "id", "no crosswalk row links to this "
                        "option (add it to a decision point's ladder_options in "
                        "data/guidelines.yaml)")
                for o in content.treatments.options if o.id not in linked_options]
    findings += [Problem("data/map.yaml", n.id, "id", "no crosswalk row links to this node (add "
                         "it to a decision point's map_nodes in data/guidelines.yaml)")
                 for n in content.map.nodes if n.id not in linked_nodes]
    return findings + [f for f in ladder_line_conflicts(content) if f.message.startswith("cites")]


def column_kind_problems(content: ContentSet) -> list[Problem]:
    """Every compared guideline is a source of kind 'guideline'."""
    kinds = {s.id: s.kind for s in content.sources.sources}
    return [Problem("data/guidelines.yaml", "-", f"guidelines[{index}].source",
                    f"a compared guideline must be a source of kind 'guideline' "
                    f"({column.source} is {kinds.get(column.source)!r})")
            for index, column in enumerate(content.guidelines.guidelines)
            if kinds.get(column.source) != "guideline"]


def crosswalk_problems(content: ContentSet) -> list[Problem]:
    """What the validator refuses: a column that is not a guideline, and the crosswalk
    contradicting a checker rule or a ladder line that cites a compared guideline."""
    contradictions = [f for f in ladder_line_conflicts(content) if not f.message.startswith("cites")]
    return column_kind_problems(content) + rule_conflicts(content) + contradictions


# ---------------------------------------------------------------- printable matrix


_STYLE = """
@page { size: A4 landscape; margin: 10mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1b2733; font-size: 7.5pt;
       line-height: 1.2; margin: 0; padding: 12px; }
h1 { font-size: 14pt; margin: 0 0 4px; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #b8c4d0; padding: 2px 4px; vertical-align: top; text-align: left;
         overflow-wrap: anywhere; }
thead th { background: #e6edf4; }
tbody th { background: #f4f7fa; width: 13%; }
.meta { color: #3a4a5a; font-size: 6.5pt; display: block; margin-top: 2px; }
.unstated { color: #52606d; font-style: italic; }
footer, ol { font-size: 6.5pt; color: #3a4a5a; }
"""


def printable_html(guidelines: GuidelinesFile, points: Sequence[DecisionPoint],
                   citations: dict[str, str], *, notice: str, crisis_line: str) -> str:
    """The matrix as one self-contained printable HTML page: short cell, strength, section, year."""
    head = "".join(f"<th scope=\"col\">{escape(c.short_name)}<span class=\"meta\">"
                   f"{escape(c.region)}</span></th>" for c in guidelines.guidelines)
    body = []
    for point in points:
        cells = []
        for column in guidelines.guidelines:
            cell = point.cell(column.source)
            meta = " · ".join(x for x in (cell.strength, cell.section, str(cell.year)) if x)
            css = "" if cell.status == "stated" else " class=\"unstated\""
            cells.append(f"<td{css}>{escape(cell_label(cell))}<span class=\"meta\">"
                         f"{escape(meta)}</span></td>")
        mark = " (guidelines disagree)" if guidelines_disagree(point) else ""
        body.append(f"<tr><th scope=\"row\">{escape(point.label)}{escape(mark)}</th>"
                    f"{''.join(cells)}</tr>")
    source_ids = list(dict.fromkeys(s for p in points for s in point_sources(p)))
    refs = "".join(f"<li>{escape(citations.get(s, s))}</li>" for s in source_ids)
    reviewed = max((p.reviewed for p in points), default=None)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>TRD Map: guideline crosswalk</title>"
        f"<style>{_STYLE}</style></head><body>"
        "<h1>What the guidelines say at each TRD decision point</h1>"
        f"<p>{escape(guidelines.intro)}</p>"
        f"<table><thead><tr><th scope=\"col\">Decision point</th>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
        f"<ol>{refs}</ol>"
        f"<footer><p>{escape(notice)}</p><p>{escape(crisis_line)}</p>"
        f"<p>Reviewed {reviewed.isoformat() if reviewed else '-'}.</p></footer>"
        "</body></html>"
    )


# ---------------------------------------------------------------- the talk builder's slide


def crosswalk_slide(content: ContentSet, point_id: str, minutes: float = 2.0) -> SlideView:
    """One decision point as a slide: each guideline's short answer, its strength and section."""
    guidelines = content.guidelines
    point = point_by_id(guidelines, point_id)
    if point is None:
        raise KeyError(f"no decision point {point_id!r} in data/guidelines.yaml")
    lines, details = [], []
    for column in guidelines.guidelines:
        cell = point.cell(column.source)
        lines.append(f"{column.short_name}: {cell_label(cell)}")
        details.append(" · ".join(x for x in (cell.strength, cell.section, str(cell.year)) if x)
                       if cell.status == "stated" else "")
    agree = ("The guidelines that state something here disagree." if guidelines_disagree(point)
             else "The guidelines that state something here do not disagree.")
    caveats = _reading_caveats(point.cells)
    notes = " ".join(x for x in (point.question, agree, caveats) if x)
    return SlideView(kind=SLIDE_KIND, item_id=point.id, title=f"Guidelines compared: {point.label}",
                     lines=tuple(lines), chart=None, sources=tuple(point_sources(point)),
                     notes=notes, minutes=minutes, details=tuple(details))


def _reading_caveats(cells: Iterable[Cell]) -> str:
    read = {cell.read_in for cell in cells if cell.status == "stated"}
    parts = []
    if "transcription" in read:
        parts.append("CANMAT 2023 was read only in a reviewer's transcription.")
    if "secondary summary" in read:
        parts.append("Some cells were read only in secondary summaries.")
    return " ".join(parts)
