"""The trial checker's session state: the episode's trials, the loaded practice case, callbacks."""
from __future__ import annotations

from dataclasses import asdict

import streamlit as st

from components.content import ContentSet
from components.referral import TrialInput, case_trials, check_trial_fields
from components.schema.cases import PracticeCase
from components.schema.referral import ReferralFile

TRIALS = "checker_trials"
CASE = "checker_case"
ANSWER = "checker_answer"
LINKED = "checker_linked_case"
STAGING = ("checker_duration", "checker_severity", "checker_augmentation", "checker_ect")
NEW = {"drug": "checker_new_drug", "dose": "checker_new_dose", "weeks": "checker_new_weeks",
       "adherence": "checker_new_adherence", "outcome": "checker_new_outcome",
       "stopped": "checker_new_side_effects"}

# Trials live under a plain key and the answers in widgets kept for the session
# (persist_state), so leaving the page and coming back keeps the episode as it was.


def trials_in_session() -> list[TrialInput]:
    return [TrialInput(**raw) for raw in st.session_state.get(TRIALS, [])]


def stage_answers() -> tuple[str | None, str | None, bool, bool]:
    """Duration and severity stay unanswered (None) until chosen: no stage from silent defaults."""
    state = st.session_state
    return (state.get("checker_duration"), state.get("checker_severity"),
            bool(state.get("checker_augmentation")), bool(state.get("checker_ect")))


def flag_key(flag_id: str) -> str:
    return f"checker_flag_{flag_id}"


def load_case(referral: ReferralFile, case: PracticeCase) -> None:
    """Put a practice case's trials, flags and staging answers into the checker (a callback)."""
    st.session_state[TRIALS] = [asdict(t) for t in case_trials(case)]
    for flag in referral.red_flags:
        st.session_state[flag_key(flag.id)] = flag.id in case.red_flags
    st.session_state["checker_duration"] = case.staging.duration
    st.session_state["checker_severity"] = case.staging.severity
    st.session_state["checker_augmentation"] = case.staging.augmentation_used
    st.session_state["checker_ect"] = case.staging.ect_used
    st.session_state[CASE] = st.session_state[LINKED] = case.id
    st.session_state.pop(ANSWER, None)
    st.query_params["case"] = case.id


def apply_case_link(c: ContentSet) -> PracticeCase | None:
    """Load the case a ?case= link names, once per link; an unknown id gets a notice, not an echo."""
    cases = {case.id: case for case in c.cases.cases}
    linked = st.query_params.get("case")
    if linked in cases and st.session_state.get(LINKED) != linked:
        load_case(c.referral, cases[linked])
    elif linked and linked not in cases:
        st.warning("The link names a practice case that does not exist; choose one below.",
                   icon=":material/link_off:")
    return cases.get(st.session_state.get(CASE, ""))


def leave_case() -> None:
    """Editing the trials turns a practice case into the user's own episode."""
    st.session_state.pop(CASE, None)
    st.session_state.pop(LINKED, None)  # so following the case link again reloads the case
    st.session_state.pop(ANSWER, None)
    st.query_params.pop("case", None)


def add_trial(referral: ReferralFile) -> None:
    typed = typed_trial()
    if check_trial_fields(referral, typed, len(trials_in_session())).errors:
        st.session_state["checker_add_tried"] = True
        return
    st.session_state[TRIALS] = [*st.session_state.get(TRIALS, []), asdict(typed)]
    st.session_state["checker_add_tried"] = False
    st.session_state[NEW["dose"]] = st.session_state[NEW["weeks"]] = None
    leave_case()


def remove_trial(index: int) -> None:
    trials = list(st.session_state.get(TRIALS, []))
    del trials[index]
    st.session_state[TRIALS] = trials
    leave_case()


def clear_trials() -> None:
    """A fresh episode: no trials, and no staging answers carried over from a case."""
    st.session_state[TRIALS] = []
    for key in STAGING:
        st.session_state.pop(key, None)
    leave_case()


def typed_trial() -> TrialInput:
    state = st.session_state
    return TrialInput(state.get(NEW["drug"], ""), state.get(NEW["dose"]), state.get(NEW["weeks"]),
                      state.get(NEW["adherence"], "good"), state.get(NEW["outcome"], "no-response"),
                      bool(state.get(NEW["stopped"])))


def pick_case(c: ContentSet) -> None:
    """Callback of the case picker: load the picked case, or leave the case when unpicked."""
    picked = st.session_state.get("checker_case_pick")
    case = next((case for case in c.cases.cases if case.id == picked), None)
    if case:
        load_case(c.referral, case)
    else:
        leave_case()
