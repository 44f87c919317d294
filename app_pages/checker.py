"""Trial checker: is each trial adequate, is the episode treatment-resistant, refer now or later?"""
import streamlit as st

from components import checker_state as state
from components import checker_ui as ui
from components.content import content
from components.crosswalk_ui import render_checker_comparison
from components.referral import (
    assess_trials,
    classify_episode,
    referral_summary_text,
    triage_red_flags,
)
from components.site_ui import summary_for_region
from components.ui import render_page_header

c = content()
referral = c.referral
render_page_header("Trial checker", "Apply the referral criteria to a patient's story: check each "
                   "antidepressant trial, classify the episode, look for red flags, and stage it.")
st.info(c.frame.applying_criteria_notice, icon=":material/shield_lock:")

case = state.apply_case_link(c)
answer_pending = case is not None and state.ANSWER not in st.session_state

st.subheader("Practice cases", anchor=False)
ui.render_case_picker(c)
if case:
    ui.render_case_story(case)

st.subheader("1 · Red flags and the differential", anchor=False)
flags = ui.render_flag_checklist(referral)
ui.render_urgent_banner(c, triage_red_flags(referral, flags, "no-trials"))

st.subheader("2 · Trials in the current episode", anchor=False)
definition = ui.render_definition_picker(c)
render_checker_comparison(c, definition)
ui.render_add_trial_form(c)
trials = state.trials_in_session()
assessments = assess_trials(referral, trials, definition)
ui.render_trial_cards(c, assessments, reveal=not answer_pending)
if trials:
    st.button("Clear all trials", key="checker_clear", on_click=state.clear_trials,
              icon=":material/clear_all:")

result = classify_episode(referral, assessments)
triage = triage_red_flags(referral, flags, result.id)
st.subheader("3 · Classification and stage", anchor=False)
if not trials:
    st.info("No verdict yet: add the antidepressant trials of the current episode (or load a "
            "practice case) and the classification, advice and stage appear here.",
            icon=":material/pending:")
    st.stop()
left, right = st.columns(2, gap="large")
with right:
    st.markdown(f"#### {referral.maudsley.name}")
    if answer_pending:
        st.info("The stage appears once you commit your answer.", icon=":material/lock:")
    else:
        stage = ui.render_stage(c, result)
with left:
    if answer_pending:
        ui.render_answer_form(c, case)
    else:
        if case:
            ui.render_answer_feedback(c, case)
        ui.render_advice(c, triage)
        other = next(d for d in referral.adequacy_definitions if d.id != definition.id)
        ui.render_classification(c, result, other.name, classify_episode(
            referral, assess_trials(referral, trials, other)))

st.subheader("4 · Referral summary", anchor=False)
if answer_pending:
    st.info("Commit your answer to the practice case to see its summary.", icon=":material/lock:")
else:
    summary = summary_for_region(c, referral_summary_text(assessments, definition, result, stage,
                                                          triage), triage.advice_id)
    st.download_button("Download the summary (.txt)", summary, file_name="referral-summary.txt",
                       mime="text/plain", icon=":material/download:", key="checker_download")
    st.code(summary, language=None, wrap_lines=True)
ui.render_all_sources(c, case)
