"""Case discussions: a practice case told in stages for a group, its prompts and teaching point."""
import streamlit as st

from components.content import content
from components.facilitator import facilitator_key, render_facilitator_notes
from components.referral import case_answers
from components.ui import (
    escape_markdown,
    render_missing_link_notice,
    render_page_header,
    render_page_link,
    render_sources,
)

c = content()
cases = {case.id: case for case in c.cases.cases}
answers = case_answers(c.referral)
render_page_header("Case discussions", "For a group: reveal the story one part at a time, "
                   "discuss the prompts, then reveal the teaching point.")

asked = st.query_params.get("case")
if asked and asked not in cases:
    render_missing_link_notice("a practice case", "choose one below")
case_id = st.selectbox("Case", list(cases), format_func=lambda i: cases[i].title, key="cases_case",
                       index=list(cases).index(asked) if asked in cases else 0)
st.query_params["case"] = case_id
case = cases[case_id]
shown_key, point_key = f"cases_shown_{case.id}", f"cases_point_{case.id}"
shown = st.session_state.setdefault(shown_key, 1)

st.header(case.title, anchor=False)
for number, stage in enumerate(case.stages[:shown], start=1):
    st.markdown(f"**Part {number} of {len(case.stages)}.** {escape_markdown(stage)}")

controls = st.container(horizontal=True)
if controls.button("Reveal the next part", icon=":material/arrow_downward:", key="cases_next",
               disabled=shown >= len(case.stages), shortcut="N"):
    st.session_state[shown_key] = shown + 1
    st.rerun()
if controls.button("Start the case again", icon=":material/restart_alt:", key="cases_restart"):
    st.session_state[shown_key] = 1
    st.session_state[point_key] = False
    st.session_state[facilitator_key("cases", case.id)] = False  # closed again before projecting
    st.rerun()

if shown >= len(case.stages):
    st.subheader("For discussion", anchor=False)
    st.markdown("\n".join(f"- {escape_markdown(p)}" for p in case.discussion_prompts))
    if st.toggle("Show the teaching point", key=point_key):
        label, next_step = answers[case.expected_answer]
        st.success(f"**Expected answer: {escape_markdown(label)}.** "
                   f"{escape_markdown(next_step)}\n\n**Teaching point.** "
                   f"{escape_markdown(case.teaching_point)}", icon=":material/school:")
        render_sources(c, case.sources, case.reviewed)
else:
    st.caption("The discussion prompts appear once the whole story has been told.")
render_page_link("checker", "Work this case in the trial checker", params={"case": case.id},
                 icon=":material/fact_check:")
st.divider()
render_facilitator_notes(case, answers, key_prefix="cases")
