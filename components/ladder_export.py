"""Exports of the treatment ladder: the shown table as CSV, and a self-contained printable HTML handout."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

import pandas as pd

from components.ladder import comparison_facts
from components.schema.treatments import Rung, TreatmentOption

# Inline, print-first styles: the handout must open offline and fit one landscape page.
_STYLE = """
@page { size: A4 landscape; margin: 10mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1b2733; margin: 0; padding: 12px;
       font-size: 9.5pt; line-height: 1.3; }
h1 { font-size: 15pt; margin: 0 0 2px; }
p.lead { margin: 0 0 8px; color: #3a4a5a; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #b8c4d0; padding: 4px 6px; vertical-align: top; text-align: left;
         overflow-wrap: anywhere; }
thead th { background: #e6edf4; }
tbody th { background: #f4f7fa; width: 15%; font-weight: 600; }
ol.sources { font-size: 7.5pt; color: #3a4a5a; margin: 8px 0 0; padding-left: 16px; columns: 2; }
footer { font-size: 7.5pt; color: #3a4a5a; margin-top: 6px; }
"""

def table_csv(table: pd.DataFrame) -> bytes:
    """The table exactly as shown, as UTF-8 CSV with a header row and no index."""
    return table.to_csv(index=False).encode("utf-8")


def printable_html(options: Sequence[TreatmentOption], rungs: Sequence[Rung],
                   citations: Mapping[str, str], *, notice: str) -> str:
    """A one-page HTML handout of 2–4 options side by side, with numbered sources; no external assets."""
    rung_by_id = {rung.id: rung for rung in rungs}
    facts = [dict(comparison_facts(option, rung_by_id[option.rung])) for option in options]
    source_ids = list(dict.fromkeys(sid for option in options for sid in option.sources))
    number = {sid: index for index, sid in enumerate(source_ids, start=1)}
    reviewed = max(option.reviewed for option in options).isoformat() if options else "-"
    refs = ["[" + ", ".join(str(number[sid]) for sid in option.sources) + "]" for option in options]

    body = _side_by_side(options, facts, refs)
    sources = "".join(f"<li>{escape(citations[sid])}</li>" for sid in source_ids)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>TRD Map: next-line options compared</title>"
        f"<style>{_STYLE}</style></head><body>"
        "<h1>Next-line options for treatment-resistant depression, compared</h1>"
        f"<p class=\"lead\">{escape(notice)} All times and onsets are rough ranges; every "
        "response or remission figure names its rating scale.</p>"
        f"{body}<ol class=\"sources\">{sources}</ol>"
        f"<footer>TRD Map · content reviewed {escape(reviewed)} · numbers in brackets are the "
        "sources listed above.</footer></body></html>\n"
    )


def _side_by_side(options: Sequence[TreatmentOption], facts: list[dict[str, str]],
                  refs: list[str]) -> str:
    head = "".join(f"<th>{escape(o.name)} {ref}</th>" for o, ref in zip(options, refs, strict=True))
    labels = list(dict.fromkeys(label for fact in facts for label in fact))
    rows = "".join(
        f"<tr><th>{escape(label)}</th>"
        + "".join(f"<td>{escape(fact.get(label, '—'))}</td>" for fact in facts)
        + "</tr>"
        for label in labels
    )
    return f"<table><thead><tr><th></th>{head}</tr></thead><tbody>{rows}</tbody></table>"

