"""Render helpers for the trial checker; its session state is in checker_state.py, its rules in referral.py."""
from __future__ import annotations

import streamlit as st

from components.checker_state import (
    ANSWER,
    CASE,
    NEW,
    add_trial,
    flag_key,
    pick_case,
    remove_trial,
    stage_answers,
    trials_in_session,
    typed_trial,
)
from components.content import ContentSet
from components.referral import (
    URGENCY_LABELS,
    URGENCY_ORDER,
    ClassificationResult,
    Triage,
    TrialAssessment,
    case_answers,
    check_answer,
    check_trial_fields,
    find_definition,
    maudsley_stage_for,
)
from components.regions import current_region, localise, region_sources
from components.schema.cases import PracticeCase
from components.schema.referral import AdequacyDefinition, ReferralFile
from components.site_ui import render_advice_services
from components.staging import StageResult
from components.ui import escape_markdown as md
from components.ui import render_page_link, render_provenance, short_cite

VERDICT_BADGES = {"adequate": ":green-badge[:material/check_circle: Adequate]",
                  "not-adequate": ":orange-badge[:material/cancel: Not adequate]",
                  "intolerance": ":violet-badge[:material/sick: Intolerance]",
                  "invalid": ":red-badge[:material/error: Cannot assess]"}
ADVICE_BOXES = {"urgent": st.error, "reconsider-diagnosis": st.warning, "routine": st.info,
                "not-yet": st.success}
ADVICE_ICONS = {"urgent": ":material/emergency:", "reconsider-diagnosis": ":material/help:",
                "routine": ":material/outgoing_mail:", "not-yet": ":material/schedule:"}


# ---------------------------------------------------------------- small pieces


def _message(box, text: str) -> None:
    box(text, icon=":material/error:" if box is st.error else ":material/warning:")


# ---------------------------------------------------------------- sections


def render_urgent_banner(c: ContentSet, triage: Triage) -> None:
    """Urgent flags, unmissable, with the crisis line; nothing when no urgent flag is ticked."""
    if not triage.urgent_flags:
        return
    region = current_region(c)  # its numbers replace the shared advice's US ones
    flags = "\n".join(f"- **{md(f.label)}.** {md(localise(f.advice, region))}"
                      for f in triage.urgent_flags)
    st.error(f"**{md(triage.heading)}.** {md(localise(triage.text, region))}\n\n{flags}\n\n"
             f":material/call: **{md(region.crisis_line)}**", icon=":material/emergency:")
    st.caption(short_cite(c, [*triage.source_ids, *region_sources(region)]))


def render_flag_checklist(referral: ReferralFile) -> list[str]:
    """Checkboxes grouped by what a ticked flag does to the advice, most urgent first."""
    ticked = []
    columns = st.columns(len(URGENCY_ORDER))
    for column, urgency in zip(columns, URGENCY_ORDER, strict=True):
        with column:
            st.markdown(f"**{URGENCY_LABELS[urgency]}**")
            for flag in (f for f in referral.red_flags if f.urgency == urgency):
                if st.checkbox(md(flag.label), key=flag_key(flag.id), help=md(flag.advice), wrap=True,
                               persist_state="session"):
                    ticked.append(flag.id)
    return ticked


def render_definition_picker(c: ContentSet) -> AdequacyDefinition:
    """Which adequacy definition applies; the default is named first and chosen at the start."""
    referral = c.referral
    names = {d.id: d.name for d in referral.adequacy_definitions}
    chosen = st.segmented_control("Adequacy definition applied", list(names), format_func=names.get,
                                  default=referral.default_adequacy_definition, required=True,
                                  key="checker_definition", persist_state="session")
    definition = find_definition(referral, chosen)
    st.caption(f"{md(definition.summary)} " + short_cite(c, definition.sources))
    st.caption(f"{md(referral.dose_reference.caveat)} "
               + short_cite(c, referral.dose_reference.sources))
    return definition


def render_add_trial_form(c: ContentSet) -> None:
    """The fields for one more trial, each with its own message beneath it."""
    referral = c.referral
    drugs = {d.id: d for d in referral.antidepressants}
    problems = check_trial_fields(referral, typed_trial(), len(trials_in_session()))
    tried = st.session_state.get("checker_add_tried", False)
    shown = {k: v for k, v in problems.errors.items()
             if k in NEW and (tried or st.session_state.get(NEW[k]) is not None)}
    top = st.columns([2, 1, 1])
    with top[0]:
        st.selectbox("Antidepressant", list(drugs), key=NEW["drug"],
                     format_func=lambda d: f"{drugs[d].name} ({drugs[d].drug_class})")
        drug = drugs[st.session_state[NEW["drug"]]]
        maximum = drug.label_maximum_mg_per_day
        st.caption(f"Minimum adequate dose {drug.minimum_adequate_dose_mg_per_day:g} mg/day · "
                   + (f"label maximum {maximum:g} mg/day" if maximum else "no confirmed label "
                      "maximum") + ". " + short_cite(c, drug.sources))
        render_provenance(drug.note, key=f"checker_drug_note_{drug.id}")
    for column, name, label in ((top[1], "dose", "Daily dose (mg/day)"),
                                (top[2], "weeks", "Weeks at this dose")):
        with column:
            st.number_input(label, value=None, step=5.0 if name == "dose" else 1.0, format="%g",
                            key=NEW[name], placeholder="Type a number")
            if name in shown:
                _message(st.error, shown[name])
            elif name in problems.warnings:
                _message(st.warning, problems.warnings[name])
    bottom = st.columns([1, 1, 1])
    levels = {a.id: a.label for a in referral.adherence_levels}
    outcomes = {o.id: o.label for o in referral.outcomes}
    bottom[0].selectbox("Adherence", list(levels), format_func=levels.get, key=NEW["adherence"])
    bottom[1].selectbox("Outcome", list(outcomes), format_func=outcomes.get, key=NEW["outcome"])
    with bottom[2]:
        st.checkbox("Stopped because of side effects", key=NEW["stopped"])
        st.button("Add trial", icon=":material/add:", key="checker_add",
                  on_click=add_trial, args=(referral,))
    if "trials" in problems.errors:
        _message(st.warning, problems.errors["trials"])


def render_trial_cards(c: ContentSet, assessments: list[TrialAssessment],
                       reveal: bool = True) -> None:
    """Each trial as entered; its verdict and reasons only when `reveal` (after a case answer)."""
    if not assessments:
        st.info("No trials yet: add the first one above, or load a practice case.",
                icon=":material/playlist_add:")
        return
    for n, assessment in enumerate(assessments):
        trial = assessment.trial
        with st.container(border=True, key=f"checker_trial_{n}"):
            head, remove = st.columns([6, 1])
            verdict = (f"  \n{VERDICT_BADGES[assessment.verdict]}"
                       + (" :red-badge[Failed]" if assessment.failed else "")) if reveal else ""
            head.markdown(f"**Trial {n + 1} · {assessment.describe()}** · adherence "
                          f"{trial.adherence} · {md(assessment.outcome_label.lower())}"
                          + (" · stopped for side effects" if trial.stopped_for_side_effects
                             else "") + verdict)
            remove.button("Remove", key=f"checker_remove_{n}", on_click=remove_trial, args=(n,),
                          icon=":material/delete:")
            if not reveal:
                continue
            st.markdown("\n".join(f"- {md(reason)}" for reason in assessment.reasons))
            for warning in assessment.warnings:
                st.caption(f":material/warning: {md(warning)}")
            if assessment.source_ids:
                st.caption(short_cite(c, assessment.source_ids))


def render_advice(c: ContentSet, triage: Triage) -> None:
    region = current_region(c)
    lines = [f"**{md(triage.heading)}.** {md(localise(triage.text, region))}"]
    lines += [f"- **{md(flag.label)}** ({URGENCY_LABELS[flag.urgency].lower()}): "
              f"{md(localise(flag.advice, region))}" for flag in triage.flags]
    ADVICE_BOXES[triage.advice_id]("\n".join(lines), icon=ADVICE_ICONS[triage.advice_id])
    st.caption(short_cite(c, triage.source_ids))
    render_advice_services(c, triage.advice_id)


def render_classification(c: ContentSet, result: ClassificationResult, other_label: str,
                          other: ClassificationResult) -> None:
    st.markdown(f"#### {md(result.label)}")
    st.markdown(md(result.next_step))
    st.markdown("**Reasoning**\n\n" + "\n".join(f"{n}. {md(step)}"
                                                for n, step in enumerate(result.reasoning, 1)))
    same = "the same" if other.id == result.id else f"**{md(other.label)}**"
    st.caption(f"Under the {other_label.lower()} the classification would be {same}.")
    st.caption(short_cite(c, result.source_ids))


def render_stage(c: ContentSet, result: ClassificationResult) -> StageResult:
    """The Maudsley questions and stage for a treatment-resistant episode; otherwise why not."""
    referral = c.referral
    staging = referral.maudsley
    if result.id == "treatment-resistant":
        durations = {o.id: o.label for o in staging.duration.options}
        severities = {o.id: o.label for o in staging.severity.options}
        left, right = st.columns(2)
        left.selectbox(staging.duration.label, list(durations), format_func=durations.get,
                       index=None, placeholder="Choose…", key="checker_duration",
                       persist_state="session")
        right.selectbox(staging.severity.label, list(severities), format_func=severities.get,
                        index=None, placeholder="Choose…", key="checker_severity",
                        persist_state="session")
        left.checkbox(staging.augmentation.label, key="checker_augmentation", wrap=True,
                      persist_state="session")
        right.checkbox(staging.ect.label, key="checker_ect", wrap=True, persist_state="session")
    stage = maudsley_stage_for(referral, result, *stage_answers())
    if not stage.applicable:
        st.info(md(stage.message), icon=":material/info:")
    else:
        st.metric("Stage", stage.headline())
        st.markdown(md(stage.meaning))
        st.table({"Dimension": [i.label for i in stage.items],
                  "Answer": [i.answer for i in stage.items],
                  "Points": [str(i.score) for i in stage.items]})
    st.caption((f"{md(staging.note)} " if staging.note else "") + short_cite(c, staging.sources))
    return stage


def render_case_picker(c: ContentSet) -> None:
    """One click on a case title loads it; the highlighted pill is the case in the checker."""
    titles = {case.id: case.title for case in c.cases.cases}
    st.session_state["checker_case_pick"] = st.session_state.get(CASE)
    st.pills("Load a practice case", list(titles), format_func=titles.get,
             key="checker_case_pick", on_change=pick_case, args=(c,))


def render_case_story(case: PracticeCase) -> None:
    with st.container(border=True, key="checker_story"):
        st.markdown(f"**Practice case: {md(case.title)}**\n\n"
                    + "\n\n".join(md(stage) for stage in case.stages))
        st.caption("Its trials, red flags and staging answers are loaded below. Work out the "
                   "classification, commit your answer, then compare.")
        render_page_link("cases", "Discuss this case in a group, part by part",
                         params={"case": case.id}, icon=":material/groups:")


def render_answer_form(c: ContentSet, case: PracticeCase) -> None:
    """Ask for the user's answer before revealing the expected one."""
    choices = {answer: label for answer, (label, _) in case_answers(c.referral).items()}
    st.radio("Your answer for this case", list(choices), format_func=choices.get,
             index=None, key="checker_answer_choice")
    if st.button("Commit my answer", key="checker_commit",
                 disabled=st.session_state.get("checker_answer_choice") is None):
        st.session_state[ANSWER] = st.session_state["checker_answer_choice"]
        st.rerun()


def render_answer_feedback(c: ContentSet, case: PracticeCase) -> None:
    labels = {answer: label for answer, (label, _) in case_answers(c.referral).items()}
    answer = st.session_state[ANSWER]
    correct = check_answer(case, answer)
    verdict = "Correct." if correct else "Not quite."
    box = st.success if correct else st.warning
    box(f"**{verdict}** You answered: {md(labels[answer])}. Expected: "
        f"**{md(labels[case.expected_answer])}**.\n\n**Teaching point.** "
        f"{md(case.teaching_point)}", icon=":material/school:")
    st.caption(short_cite(c, case.sources))


def render_all_sources(c: ContentSet, case: PracticeCase | None) -> None:
    """Every source the checker's content cites, in full, for a reader who wants to check one."""
    referral = c.referral
    entries = [referral.dose_reference, *referral.antidepressants, *referral.adequacy_definitions,
               *referral.adherence_levels, *referral.outcomes, referral.intolerance,
               *referral.classifications, *referral.red_flags, *referral.advice, referral.maudsley,
               *([case] if case else [])]
    ids = dict.fromkeys(s for entry in entries for s in entry.sources)
    with st.expander(f"All {len(ids)} sources behind this page", icon=":material/library_books:"):
        for source_id in ids:
            source = c.source(source_id)
            note = f" *{md(source.note)}*" if source.note else ""
            st.markdown(f"- {md(source.citation())}{note}")
        st.caption(f"Reviewed {referral.maudsley.reviewed}.")
