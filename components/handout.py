"""A self-contained, print-ready HTML handout: map, ladder, adequacy and referral criteria, sources."""
from __future__ import annotations

import datetime as dt
from html import escape

from components.concept_map import outer_nodes
from components.ladder import comparison_facts, sort_options
from components.referral import ADVICE_ORDER

# CSS page sizes of the papers the handout is printed on.
PAPER_SIZES = {"A4": "A4", "Letter": "letter"}
# Inline, print-first styles: the file must open offline and print cleanly on A4 or Letter.
_PAGE = "@page { size: %s portrait; margin: 12mm; }"
_STYLE = """
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1b2733; margin: 0 auto;
       max-width: 190mm; padding: 8px; font-size: 9.5pt; line-height: 1.35; }
h1 { font-size: 16pt; margin: 0 0 4px; }
h2 { font-size: 12pt; margin: 14px 0 4px; border-bottom: 1px solid #b8c4d0; padding-bottom: 2px;
     break-after: avoid; }
h3 { font-size: 10pt; margin: 8px 0 2px; break-after: avoid; }
p { margin: 2px 0 6px; }
p.lead { color: #3a4a5a; }
ul { margin: 2px 0 6px; padding-left: 18px; }
li { margin: 1px 0; break-inside: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 8pt; }
th, td { border: 1px solid #b8c4d0; padding: 3px 4px; vertical-align: top; text-align: left;
         overflow-wrap: break-word; }
thead th { background: #e6edf4; }
tr { break-inside: avoid; }
.ref { color: #3a4a5a; font-size: 7.5pt; }
ol.sources { font-size: 7.5pt; color: #3a4a5a; padding-left: 20px; }
footer { font-size: 7.5pt; color: #3a4a5a; margin-top: 8px; border-top: 1px solid #b8c4d0;
         padding-top: 4px; }
"""
_LADDER_FACTS = ("Onset (rough)", "Course", "Setting", "Regulatory", "Headline")


class _Citations:
    """Numbers sources in the order the handout first cites them."""

    def __init__(self) -> None:
        self.order: list[str] = []

    def ref(self, source_ids) -> str:
        numbers = []
        for sid in source_ids:
            if sid not in self.order:
                self.order.append(sid)
            numbers.append(str(self.order.index(sid) + 1))
        return f' <span class="ref">[{", ".join(dict.fromkeys(numbers))}]</span>'


def content_review_dates(content) -> tuple[dt.date, dt.date]:
    """The newest and oldest review dates among the entries the handout summarises."""
    dates = [e.reviewed for e in _summarised(content)]
    return max(dates), min(dates)


def _summarised(content) -> list:
    referral = content.referral
    return [*content.map.nodes, *content.map.lookalikes, *content.treatments.options,
            *referral.adequacy_definitions, *referral.adherence_levels, referral.intolerance,
            referral.dose_reference, referral.label_maximum, referral.resistance_threshold,
            *referral.red_flags, *referral.advice, *referral.antidepressants]


def make_handout_html(content, crisis_line: str | None = None, paper: str = "A4",
                      length_note: str = "") -> str:
    """The whole handout as one HTML document: inline styles, no scripts, images or links.

    `crisis_line` is the region's line (the content's default when None); `paper` is "A4" or
    "Letter"; `length_note` says, under the review date, why a print runs past two pages.
    """
    if paper not in PAPER_SIZES:
        raise ValueError(f"paper must be one of {', '.join(PAPER_SIZES)}, not {paper!r}")
    crisis_line = content.frame.crisis_line.text if crisis_line is None else crisis_line
    cite = _Citations()
    newest, oldest = content_review_dates(content)
    sections = [_map_section(content, cite), _adequacy_section(content, cite),
                _referral_section(content, cite), _ladder_section(content, cite)]
    sources = "".join(f"<li>{escape(content.source(sid).citation())}</li>" for sid in cite.order)
    frame = content.frame
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{escape(frame.app_title)}: handout</title>"
        f"<style>{_PAGE % PAPER_SIZES[paper]}{_STYLE}</style></head><body>"
        f"<h1>{escape(frame.app_title)} handout: treatment-resistant depression</h1>"
        f"<p class=\"lead\">{escape(frame.tagline)} {escape(frame.education_notice)}</p>"
        f"<p class=\"lead\"><strong>Content last reviewed {newest.isoformat()}</strong>"
        + (f" (oldest entry reviewed {oldest.isoformat()})" if oldest != newest else "")
        + ". Numbers in brackets point to the sources at the end; ranges are rough.</p>"
        + (f'<p class="lead">{escape(length_note)}</p>' if length_note else "")
        + "".join(sections)
        + f"<h2>Sources</h2><ol class=\"sources\">{sources}</ol>"
        f"<footer>{escape(frame.app_title)} handout · {escape(crisis_line)}</footer>"
        "</body></html>\n"
    )


def _map_section(content, cite: _Citations) -> str:
    trd_map = content.map
    centre = trd_map.node(trd_map.centre)
    parts = [f"<h2>The map</h2><p><strong>{escape(centre.label)}.</strong> "
             f"{escape(centre.summary)}{cite.ref(centre.sources)}</p>"]
    nodes = outer_nodes(trd_map)
    for group in trd_map.groups:
        members = [n for n in nodes if n.group == group.id]
        if members:
            items = "".join(f"<li><strong>{escape(n.label)}.</strong> {escape(n.summary)}"
                            f"{cite.ref(n.sources)}</li>" for n in members)
            parts.append(f"<h3>{escape(group.label)}</h3><ul>{items}</ul>")
    lookalikes = "".join(f"<li><strong>{escape(item.label)}.</strong> {escape(item.next_step)}"
                         f"{cite.ref(item.sources)}</li>" for item in trd_map.lookalikes)
    parts.append(f"<h3>Is it really TRD?</h3><ul>{lookalikes}</ul>")
    return "".join(parts)


def _adequacy_section(content, cite: _Citations) -> str:
    referral = content.referral
    dose, maximum = referral.dose_reference, referral.label_maximum
    definitions = "".join(
        f"<li><strong>{escape(d.name)}</strong> (at least {d.minimum_weeks:g} weeks). "
        f"{escape(d.summary)}{cite.ref(d.sources)}</li>" for d in referral.adequacy_definitions)
    adherence = "".join(
        f"<li><strong>{escape(a.label)}:</strong> "
        f"{'counts' if a.counts_toward_adequacy else 'does not count'}. "
        f"{escape(a.explanation)}{cite.ref(a.sources)}</li>" for a in referral.adherence_levels)
    outcomes = "".join(
        f"<li><strong>{escape(o.label)}:</strong> "
        f"{'a failed trial' if o.counts_as_failure else 'not a failure'}. "
        f"{escape(o.explanation)}{cite.ref(o.sources)}</li>" for o in referral.outcomes)
    rule = referral.non_response_rule
    doses = "".join(
        f"<tr><td>{escape(d.name)}</td><td>{escape(d.drug_class)}</td>"
        f"<td>{d.minimum_adequate_dose_mg_per_day:g}</td>"
        f"<td>{'' if d.label_maximum_mg_per_day is None else f'{d.label_maximum_mg_per_day:g}'}"
        f"</td></tr>" for d in referral.antidepressants)
    return (
        "<h2>Is the trial adequate?</h2>"
        f"<h3>Long enough</h3><ul>{definitions}</ul>"
        f"<h3>Taken as prescribed</h3><ul>{adherence}</ul>"
        f"<h3>Better, but how much?</h3><ul>{outcomes}</ul>"
        f"<p>{escape(rule.applied)} {escape(rule.alternative)}{cite.ref(rule.sources)}</p>"
        f"<h3>Stopped for side effects</h3><p>{escape(referral.intolerance.explanation)} "
        f"{escape(referral.intolerance.failed_after_adequate)}"
        f"{cite.ref(referral.intolerance.sources)}</p>"
        f"<h3>A high enough dose</h3><p>{escape(dose.name)}. {escape(dose.caveat)}"
        f"{cite.ref(dose.sources)}</p>"
        "<table><thead><tr><th>Antidepressant</th><th>Class</th>"
        f"<th>Minimum adequate dose (mg/day)</th><th>{escape(maximum.name)} (mg/day)</th></tr>"
        f"</thead><tbody>{doses}</tbody></table>"
        f"<p class=\"ref\">Doses{cite.ref(s for d in referral.antidepressants for s in d.sources)}. "
        f"{escape(maximum.name)}: {escape(maximum.meaning)}{cite.ref(maximum.sources)}</p>"
    )


def _referral_section(content, cite: _Citations) -> str:
    referral = content.referral
    advice = {a.id: a for a in referral.advice}
    threshold = referral.resistance_threshold
    parts = ["<h2>When to refer</h2>"
             f"<p><strong>Treatment-resistant once {threshold.failed_antidepressants} different "
             f"antidepressants have failed adequate trials.</strong> {escape(threshold.explanation)}"
             f"{cite.ref(threshold.sources)}</p>"]
    for urgency in ADVICE_ORDER:
        flags = [f for f in referral.red_flags if f.urgency == urgency]
        items = "".join(f"<li>{escape(f.label)}{cite.ref(f.sources)}</li>" for f in flags)
        parts.append(f"<h3>{escape(advice[urgency].heading)}</h3>"
                     f"<p>{escape(advice[urgency].text)}{cite.ref(advice[urgency].sources)}</p>"
                     + (f"<ul>{items}</ul>" if items else ""))
    return "".join(parts)


def _ladder_section(content, cite: _Citations) -> str:
    treatments = content.treatments
    rungs = {rung.id: rung for rung in treatments.rungs}
    head = "".join(f"<th>{escape(label)}</th>" for label in ("Option", *_LADDER_FACTS))
    rows = []
    for option in sort_options(treatments.options, treatments.rungs):
        facts = dict(comparison_facts(option, rungs[option.rung]))
        cells = "".join(f"<td>{escape(facts[label])}</td>" for label in _LADDER_FACTS)
        rows.append(f"<tr><td><strong>{escape(option.name)}</strong>{cite.ref(option.sources)}"
                    f"</td>{cells}</tr>")
    return (
        "<h2>The next-line options compared</h2>"
        f"<p>Options in the usual order of the ladder. {escape(treatments.course_note)}</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
