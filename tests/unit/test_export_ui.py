"""Export downloads are built once per content version, talk link, crisis line and paper."""
from __future__ import annotations

import streamlit as st

import components.exports as exports
from components import export_ui
from components.talks import ready_talks, talk_to_param

REGION_LINE = "In Australia, call Lifeline on 13 11 14; call 000 in an emergency."


def test_a_talk_file_is_built_once_and_again_for_a_new_talk_line_or_paper(content, monkeypatch):
    calls = []
    monkeypatch.setattr(exports, "talk_pdf", lambda *args: calls.append(args) or b"%PDF")
    st.cache_data.clear()
    first, second = ready_talks(content)[:2]
    line = content.frame.crisis_line.text
    for _ in range(2):
        export_ui._talk_pdf(content, talk_to_param(first), line, "A4", first)
    assert len(calls) == 1
    export_ui._talk_pdf(content, talk_to_param(second), line, "A4", second)
    export_ui._talk_pdf(content, talk_to_param(first), REGION_LINE, "A4", first)
    export_ui._talk_pdf(content, talk_to_param(first), line, "Letter", first)
    assert [(c[1].id, c[2], c[3]) for c in calls] == [
        (first.id, line, "A4"), (second.id, line, "A4"), (first.id, REGION_LINE, "A4"),
        (first.id, line, "Letter")]


def test_an_edited_content_builds_the_file_again(content, monkeypatch):
    calls = []
    monkeypatch.setattr(exports, "talk_pptx", lambda *args: calls.append(args) or b"PK")
    st.cache_data.clear()
    talk = ready_talks(content)[0]
    edited = content.model_copy(update={"frame": content.frame.model_copy(
        update={"tagline": "An edited tagline."})})
    export_ui._talk_pptx(content, talk_to_param(talk), REGION_LINE, talk)
    export_ui._talk_pptx(edited, talk_to_param(talk), REGION_LINE, talk)
    assert len(calls) == 2


def test_file_names_name_a_ready_talk_and_call_a_built_one_a_talk(content):
    talk = ready_talks(content)[0]
    assert export_ui.file_stem(talk) == f"trd-map-{talk.id}"
    assert export_ui.file_stem(talk.__class__(None, "Your talk", 20, talk.items)) == "trd-map-talk"


def _handout_buttons() -> None:
    from components.content import content
    from components.ui import render_handout_download

    render_handout_download(content(), "probe")


def test_the_handout_is_offered_as_html_and_as_pdf_on_both_papers():
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_function(_handout_buttons, default_timeout=60).run()
    assert not app.exception
    labels = [button.proto.label for button in app.get("download_button")]
    assert labels == ["Download the handout (print-ready HTML)", "Handout PDF, A4",
                      "Handout PDF, US Letter"]
