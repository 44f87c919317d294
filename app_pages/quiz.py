"""Knowledge check: a quick random round or one topic, scored with a per-topic breakdown."""
import random

import streamlit as st

from components.content import content
from components.quiz import QUICK_ROUND_SIZE, assemble_round, score_round, topic_counts
from components.schema.quiz import QUIZ_TOPIC_LABELS
from components.ui import (
    escape_markdown,
    render_missing_link_notice,
    render_page_header,
    render_page_link,
    render_provenance,
    render_sources,
)

c = content()
questions = c.quiz.questions
counts = topic_counts(questions)
render_page_header("Knowledge check", "Test yourself after a session. Answers and scores live only "
                   "in this browser tab: nothing is saved.")

asked_topic = st.query_params.get("topic")
if asked_topic and asked_topic not in counts:
    render_missing_link_notice("a quiz topic", "here is the quick round")
modes = {"quick": f"Quick round ({QUICK_ROUND_SIZE} random questions)", "topic": "One topic"}
mode = st.radio("Round", list(modes), format_func=modes.get, horizontal=True, key="quiz_mode",
                index=1 if asked_topic in counts else 0)
topic = None
if mode == "topic":
    topic = st.selectbox("Topic", list(counts), key="quiz_topic",
                         index=list(counts).index(asked_topic) if asked_topic in counts else 0,
                         format_func=lambda t: f"{QUIZ_TOPIC_LABELS[t]} ({counts[t]} questions)")
new_round = st.button("New round", icon=":material/shuffle:", key="quiz_new_round")
if new_round or "quiz_seed" not in st.session_state:
    st.session_state["quiz_seed"] = random.randrange(1_000_000)
    st.session_state.pop("quiz_checked", None)
round_questions = assemble_round(questions, st.session_state["quiz_seed"], topic)
round_key = f"{st.session_state['quiz_seed']}_{topic or 'quick'}"

with st.form(f"quiz_form_{round_key}"):
    for number, rq in enumerate(round_questions, start=1):
        st.radio(f"{number}. {escape_markdown(rq.question.prompt)}", range(len(rq.choices)),
                 index=None, format_func=lambda i, rq=rq: escape_markdown(rq.choices[i]),
                 key=f"quiz_q_{round_key}_{rq.id}")
    if st.form_submit_button("Check my answers", key="quiz_check"):
        st.session_state["quiz_checked"] = round_key

if st.session_state.get("quiz_checked") == round_key:
    answers = {rq.id: st.session_state.get(f"quiz_q_{round_key}_{rq.id}") for rq in round_questions}
    score = score_round(round_questions, answers)
    st.header(f"You scored {score.correct} of {score.total} ({score.percent}%)")
    st.dataframe([{"Topic": t.label, "Correct": t.correct, "Questions": t.total}
                  for t in score.by_topic], hide_index=True, key="quiz_breakdown")
    if score.missed:
        st.subheader("Review these")
    for rq in score.missed:
        chosen = answers[rq.id]
        with st.container(border=True):
            yours = rq.choices[chosen] if chosen is not None else "none"
            st.markdown(f"**{escape_markdown(rq.question.prompt)}**")
            st.markdown(f"Your answer: {escape_markdown(yours)} · "
                        f"Correct answer: **{escape_markdown(rq.correct_choice())}**")
            st.markdown(escape_markdown(rq.question.explanation))
            render_provenance(rq.question.note, key=f"quiz_note_{rq.id}")
            link = rq.question.teaches
            render_page_link(link.page, f"Review: {link.label}", params=link.params,
                             icon=":material/school:")
            render_sources(c, rq.question.sources, rq.question.reviewed)
    if not score.missed:
        st.success("Every answer was right.", icon=":material/check_circle:")
