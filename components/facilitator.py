"""Facilitator notes for a case discussion: questions for the room, likely wrong answers, timing."""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from components.schema.cases import PracticeCase
from components.ui import escape_markdown


@dataclass(frozen=True)
class WrongAnswerNote:
    learner_says: str
    why_it_is_wrong: str
    answer_label: str = ""  # the practice-case answer it matches, if it is one of them


@dataclass(frozen=True)
class FacilitatorView:
    expected_label: str
    ask_the_room: tuple[str, ...]
    wrong_answers: tuple[WrongAnswerNote, ...]
    minutes_per_stage: tuple[int, ...]

    @property
    def total_minutes(self) -> int:
        return sum(self.minutes_per_stage)

    def timing_text(self) -> str:
        """'Part 1: 3 min · Part 2: 4 min' for every part of the story."""
        return " · ".join(f"Part {number}: {minutes} min"
                          for number, minutes in enumerate(self.minutes_per_stage, start=1))

    def total_text(self) -> str:
        parts = len(self.minutes_per_stage)
        return f"Total session time: {self.total_minutes} minutes for {parts} parts."


def compute_facilitator_view(case: PracticeCase, answers: dict[str, tuple[str, str]]
                             ) -> FacilitatorView:
    """The case's notes with answer ids turned into the labels a learner sees."""
    notes = case.facilitator
    wrong = tuple(WrongAnswerNote(w.learner_says, w.why_it_is_wrong,
                                  answers[w.answer][0] if w.answer else "")
                  for w in notes.common_wrong_answers)
    return FacilitatorView(answers[case.expected_answer][0], tuple(notes.ask_the_room), wrong,
                           tuple(notes.minutes_per_stage))


def facilitator_key(key_prefix: str, case_id: str) -> str:
    """The widget key of a case's facilitator-notes toggle; set it to False to close the notes."""
    return f"{key_prefix}_facilitator_{case_id}"


def render_facilitator_notes(case: PracticeCase, answers: dict[str, tuple[str, str]],
                             key_prefix: str) -> None:
    """A toggle, off by default, that shows the trainer's notes; off, nothing of them is sent."""
    shown = st.toggle("Facilitator notes", key=facilitator_key(key_prefix, case.id),
                      help="For the trainer. They name the expected answer: keep them closed "
                           "on a projector.")
    if not shown:
        return
    view = compute_facilitator_view(case, answers)
    with st.container(border=True, key=f"{key_prefix}_facilitator_notes"):
        st.markdown(f"**Expected answer:** {escape_markdown(view.expected_label)}.")
        st.markdown("**Ask the room**\n\n"
                    + "\n".join(f"- {escape_markdown(q)}" for q in view.ask_the_room))
        st.markdown("**Common wrong answers**\n\n" + "\n".join(
            f"- “{escape_markdown(w.learner_says)}”"
            + (f" *({escape_markdown(w.answer_label)})*" if w.answer_label else "")
            + f"\n    - Why it is wrong: {escape_markdown(w.why_it_is_wrong)}"
            for w in view.wrong_answers))
        st.markdown(f"**Time per part:** {view.timing_text()}. **{view.total_text()}**")
        st.caption("Each part's minutes include discussing it; the last part's include the "
                   "prompts and the teaching point.")
