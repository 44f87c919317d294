"""Exports of the treatment ladder: the shown rows as CSV, and a self-contained printable HTML handout."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

import pandas as pd

from components.ladder import comparison_facts
from components.schema.treatments import Rung, TreatmentOption

# Inline, print-first styles: the handout must open offline and fit one landscape page.
_STYLE = """
@page { size: A4 landscape; margin: 8mm; }
@media print { body { padding: 0; } }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1b2733; margin: 0; padding: 12px;
       font-size: 7pt; line-height: 1.1; }
h1 { font-size: 13pt; margin: 0 0 2px; }
p.lead { margin: 0 0 6px; color: #3a4a5a; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #b8c4d0; padding: 1px 3px; vertical-align: top; text-align: left;
         overflow-wrap: anywhere; }
thead th { background: #e6edf4; }
tbody th { background: #f4f7fa; width: 15%; font-weight: 600; }
ol.sources { font-size: 6.2pt; color: #3a4a5a; margin: 8px 0 0; padding-left: 16px; columns: 2; }
footer { font-size: 7.5pt; color: #3a4a5a; margin-top: 6px; }
tr.notes td { font-size: 6pt; color: #3a4a5a; }
"""

# Facts the cards show that the handout leaves out to stay on one page (the name says what it is).
_NOT_PRINTED = {"What it is"}


def table_csv(table: pd.DataFrame) -> bytes:
    """The rows shown, with every column (not only those on screen), as UTF-8 CSV with no index."""
    return table.to_csv(index=False).encode("utf-8")


def printable_html(options: Sequence[TreatmentOption], rungs: Sequence[Rung],
                   citations: Mapping[str, str], *, notice: str) -> str:
    """A one-page HTML handout of 2–4 options side by side, with numbered sources; no external assets."""
    rung_by_id = {rung.id: rung for rung in rungs}
    facts = [{label: text for label, text in comparison_facts(option, rung_by_id[option.rung])
              if label not in _NOT_PRINTED} for option in options]
    # Only the sources behind the figures printed (regulatory status and the headline) are listed,
    # so the handout stays on one page; the app shows every option's full list.
    cited = [_printed_sources(option) for option in options]
    source_ids = list(dict.fromkeys(sid for ids in cited for sid in ids))
    number = {sid: index for index, sid in enumerate(source_ids, start=1)}
    reviewed = max(option.reviewed for option in options).isoformat() if options else "-"
    refs = ["[" + ", ".join(str(number[sid]) for sid in ids) + "]" for ids in cited]

    notes = [_printed_notes(option) for option in options]
    body = _side_by_side(options, facts, refs, notes)
    sources = "".join(f"<li>{escape(citations[sid])}</li>" for sid in source_ids)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>TRD Map: next-line options compared</title>"
        f"<style>{_STYLE}</style></head><body>"
        "<h1>Next-line options for treatment-resistant depression, compared</h1>"
        f"<p class=\"lead\">{escape(notice)} All times and onsets are rough ranges; every "
        "response or remission figure names its scale and cut-off, the population studied and "
        "the design (randomised or not).</p>"
        f"{body}<ol class=\"sources\">{sources}</ol>"
        f"<footer>TRD Map · content reviewed {escape(reviewed)} · numbers in brackets are the "
        "sources of the regulatory status and headline figure; each option's full source list is "
        "under Option details on TRD Map's Treatment ladder page.</footer></body></html>\n"
    )


def _printed_sources(option: TreatmentOption) -> list[str]:
    ids = list(option.regulatory[0].sources)  # the handout prints the first regulatory event only
    if option.evidence.headlines:
        first = option.evidence.headlines[0]
        ids += [first.low.source, first.high.source]
    return list(dict.fromkeys(ids))


def _printed_notes(option: TreatmentOption) -> str:
    """The option's editor's note on its practical facts (lab monitoring, main risk, driving), as
    plain text, since print has no popovers. The onset, course and evidence notes stay in the app
    and the CSV, so the handout keeps to one page."""
    return option.note or "—"


def _side_by_side(options: Sequence[TreatmentOption], facts: list[dict[str, str]],
                  refs: list[str], notes: list[str]) -> str:
    head = "".join(f"<th>{escape(o.name)} {ref}</th>" for o, ref in zip(options, refs, strict=True))
    labels = list(dict.fromkeys(label for fact in facts for label in fact))
    rows = "".join(
        f"<tr><th>{escape(label)}</th>"
        + "".join(f"<td>{escape(fact.get(label, '—'))}</td>" for fact in facts)
        + "</tr>"
        for label in labels
    ) + ("<tr class=\"notes\"><th>Source notes</th>"
         + "".join(f"<td>{escape(note)}</td>" for note in notes) + "</tr>")
    return f"<table><thead><tr><th></th>{head}</tr></thead><tbody>{rows}</tbody></table>"

