"""Treatment ladder exports: the CSV holds the shown rows; the handout is one self-contained page."""
from __future__ import annotations

import io
import re

import pandas as pd

from components.ladder import filter_options, ladder_rows, ladder_table
from components.ladder_export import printable_html, table_csv


def handout(content, ids: list[str]) -> str:
    options = [o for o in content.treatments.options if o.id in ids]
    citations = {s.id: s.citation() for s in content.sources.sources}
    return printable_html(options, content.treatments.rungs, citations, notice="Education only.")


def test_csv_holds_the_rows_shown_with_every_column(content):
    shown = filter_options(content.treatments.options, ["ect", "rapid-acting"])
    table = ladder_table(ladder_rows(shown, content.treatments.rungs))
    back = pd.read_csv(io.BytesIO(table_csv(table)))
    assert list(back.columns) == list(table.columns)
    assert back["Option"].tolist() == [o.short_name for o in shown]
    assert back["Full name"].tolist() == [o.name for o in shown]
    assert back["Onset from (days)"].tolist() == [o.onset_days.low for o in shown]


def test_handout_is_self_contained(content):
    html = handout(content, ["esketamine", "ect", "rtms"])
    assert html.startswith("<!DOCTYPE html>")
    for remote in ("<script", "<link", "<img", "src=", "@import", "url("):
        assert remote not in html
    assert not re.search(r"https?://", html)


def test_handout_shows_every_chosen_option_and_the_sources_of_its_figures(content):
    html = handout(content, ["esketamine", "ect"])
    assert "Esketamine nasal spray" in html and "Electroconvulsive therapy (ECT)" in html
    options = [o for o in content.treatments.options if o.id in ("esketamine", "ect")]
    printed = {sid for o in options
               for sid in (*o.regulatory[0].sources, o.evidence.headlines[0].low.source,
                           o.evidence.headlines[0].high.source)}
    assert html.count("<li>") == len(printed)
    for sid in printed:
        assert content.source(sid).citation().split(".")[0] in html
    assert "Education only." in html and "MADRS" in html


def test_handout_escapes_content_text(content):
    lithium, aripiprazole = (o for o in content.treatments.options if o.id in ("lithium", "aripiprazole"))
    odd = lithium.model_copy(update={"name": "Lithium <b>bold</b> & co"})
    citations = {s.id: s.citation() for s in content.sources.sources}
    html = printable_html([odd, aripiprazole], content.treatments.rungs, citations, notice="x")
    assert "Lithium &lt;b&gt;bold&lt;/b&gt; &amp; co" in html
    assert "<b>" not in html


def test_csv_and_handout_print_the_notes_as_text_in_their_own_column_and_row(content):
    rtms = next(o for o in content.treatments.options if o.id == "rtms")
    table = ladder_table(ladder_rows([rtms], content.treatments.rungs))
    back = pd.read_csv(io.BytesIO(table_csv(table)))
    notes = back["Source notes (provenance)"][0]
    assert "Evidence: Response and remission percentages" in notes
    assert "Practical facts: The metal-implant contraindications were read on secondary pages" in notes
    html = handout(content, ["rtms", "ect"])
    assert "<th>Source notes</th>" in html and "the device label was not read" in html
