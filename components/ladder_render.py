"""Streamlit render helpers for the treatment ladder: rung overview, table, cards and option detail."""
from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from components.content import ContentSet
from components.ladder import (
    COLUMNS,
    QUESTIONS,
    SORTS,
    adequate_dose_label,
    comparison_facts,
    course_label,
    headline_rows,
    onset_label,
    resolve_option,
)
from components.schema.treatments import SETTING_LABELS, Rung, TreatmentOption, TreatmentsFile
from components.ui import escape_markdown as md
from components.ui import render_sources

# Tall enough for three wrapped lines, so headline figures and monitoring text are not cut off.
ROW_HEIGHT = 66
_HIDDEN_COLUMNS = {"id", "sources"}  # kept in the CSV, left out on screen to keep the table readable


def apply_deep_link(options: Sequence[TreatmentOption]) -> TreatmentOption | None:
    """Select the option named by ?option= once per link; an unknown id gets a short notice."""
    wanted = st.query_params.get("option")
    linked, unknown = resolve_option(options, wanted)
    if unknown:
        st.info(f"No option has the id “{md(wanted)}”; pick one under **Option details**.",
                icon=":material/link_off:")
    if linked and st.session_state.get("ladder_linked") != linked.id:
        st.session_state["ladder_option"] = linked.id  # the link wins once; later picks are the user's
        st.session_state["ladder_linked"] = linked.id
    return linked


def share_selected_option() -> None:
    """Callback: put the picked option in the address bar so the view can be shared as a link."""
    st.query_params["option"] = st.session_state["ladder_linked"] = st.session_state["ladder_option"]


def table_column_config(treatments: TreatmentsFile) -> dict[str, object]:
    """Column widths, number formats and header help for the comparison table."""
    text, number = st.column_config.TextColumn, st.column_config.NumberColumn
    # Widths in pixels so every header, units included, stays readable at 1366 px.
    return {
        COLUMNS["option"]: text(width=290, pinned=True),
        COLUMNS["rung"]: text(width=110),
        COLUMNS["setting"]: text(width=130, help="Shared care: primary care starts it with specialist advice"),
        COLUMNS["onset_from_days"]: number(
            format="%g", width=135,
            help="Earliest onset of benefit, rough; hours are fractions of a day (0.17 = 4 h)"),
        COLUMNS["onset_to_days"]: number(format="%g", width=120, help="Latest usual onset, rough"),
        COLUMNS["visits_per_week"]: text(width=125, help="Clinic reviews for medicines; rough"),
        COLUMNS["minutes_per_visit"]: text(
            width=135, help=f"{treatments.minutes_per_visit_note}; rough"),
        COLUMNS["course_weeks"]: text(width=120, help="Acute course; rough"),
        COLUMNS["hours_low"]: number(format="%.1f", width=150,
                                     help="Visits × minutes × weeks, low ends; rough"),
        COLUMNS["hours_high"]: number(format="%.1f", width=155,
                                      help="Visits × minutes × weeks, high ends; rough"),
        COLUMNS["regulatory"]: text(width=160),
        COLUMNS["headline"]: text(
            width=520, help="First headline figure with its scale and cut-off, the population "
            "studied and the design (randomised or not); every figure is in Option details"),
        COLUMNS["lab_monitoring"]: text(width=420),
    }


def table_height(rows: int) -> int:
    """Pixels that show every row without an inner scrollbar."""
    return 38 + ROW_HEIGHT * max(rows, 1) + 16  # room for the horizontal scrollbar


def table_column_order() -> list[str]:
    return [label for key, label in COLUMNS.items() if key not in _HIDDEN_COLUMNS]


def render_table_filters(rungs: Sequence[Rung]) -> tuple[list[str], dict[str, bool | None], str]:
    """The rung filter, one Yes/No control per practical question, and the sort order."""
    rung_by_id = {rung.id: rung for rung in rungs}
    columns = st.columns([3, 2, 2, 2, 2])
    chosen = columns[0].multiselect(
        "Rung", [rung.id for rung in rungs], format_func=lambda rid: rung_by_id[rid].short_label,
        placeholder="All rungs", key="ladder_filter_rung")
    answers: dict[str, bool | None] = {}
    for column, question in zip(columns[1:4], QUESTIONS, strict=True):
        reply = column.segmented_control(question.label, ["Yes", "No"], help=question.help,
                                         key=f"ladder_q_{question.key}")
        answers[question.key] = None if reply is None else reply == "Yes"
    sort_by = columns[4].selectbox("Sort by", list(SORTS), format_func=SORTS.get, key="ladder_sort")
    return chosen, answers, sort_by


def render_rung_overview(rungs: Sequence[Rung], options: Sequence[TreatmentOption]) -> None:
    """The rungs in order, each with what it holds and what moves a patient to the next one."""
    ordered = sorted(rungs, key=lambda rung: rung.order)
    per_row = 3
    for start in range(0, len(ordered), per_row):  # row by row, so reading order follows the ladder
        for column, rung in zip(st.columns(per_row), ordered[start:start + per_row], strict=False):
            names = ", ".join(o.short_name for o in options if o.rung == rung.id)
            with column.container(border=True, height="stretch", key=f"ladder_rung_{rung.id}"):
                st.markdown(f"**{rung.order}. {md(rung.label)}**")
                st.markdown(md(rung.description))
                st.caption(f"Options: {md(names)}")
                st.markdown(f":material/arrow_forward: **Moves on when:** {md(rung.moves_on_when)}")


def render_comparison_cards(chosen: Sequence[TreatmentOption], rungs: Sequence[Rung]) -> None:
    """2–4 options side by side, the same facts in the same order on every card."""
    rung_by_id = {rung.id: rung for rung in rungs}
    for column, option in zip(st.columns(len(chosen)), chosen, strict=True):
        with column.container(border=True, key=f"ladder_card_{option.id}"):
            st.markdown(f"#### {md(option.name)}")
            facts = comparison_facts(option, rung_by_id[option.rung])
            st.markdown("  \n".join(f"**{label}:** {md(text)}" for label, text in facts))


def render_option_detail(c: ContentSet, option: TreatmentOption, rung: Rung) -> None:
    """Everything the content holds on one option, ending with its sources and review date."""
    st.markdown(f"### {md(option.name)}")
    st.markdown(md(option.summary))
    course = option.course
    left, right = st.columns(2)
    with left:
        adequate = adequate_dose_label(option, c.referral.antidepressants)
        dose = f"**Dose or protocol:** {md(option.dose)}  \n" if option.dose else ""
        dose += f"**Adequate trial:** {md(adequate)}  \n" if adequate else ""
        line = (f"**Guideline line:** {md(option.guideline_line)}  \n"
                if option.guideline_line else "")
        st.markdown(f"**Rung:** {md(rung.label)}  \n**What it is:** {md(option.drug_class)}  \n"
                    f"{dose}{line}**Onset (rough):** {onset_label(option)} — "
                    f"{md(option.onset_days.note)}")
        st.markdown(f"**Course:** {course_label(option)}"
                    + (f" — {md(course.note)}" if course.note else ""))
        st.markdown(f"**Lab monitoring:** {md(course.lab_monitoring)}")
        st.markdown(f"**Setting:** {SETTING_LABELS[option.setting]}. {md(option.setting_note)}  \n"
                    f"**Provided by:** {md(option.provided_by)}")
    with right:
        st.markdown("**Regulatory status**")
        for event in option.regulatory:
            year = f" ({event.year})" if event.year else ""
            note = f" _{md(event.note)}_" if event.note else ""
            st.markdown(f"- {md(event.agency)}, {event.status}{year}: "
                        f"{md(event.indication)}{note}")
    st.markdown(f"**Evidence.** {md(option.evidence.summary)}")
    for row in headline_rows(option, lambda sid: c.source(sid).short_citation()):
        single = row["Low end"] == row["High end"]  # one study: one line, called its source
        ends = [("Source", row["Low end"])] if single else [
            ("Low end", row["Low end"]), ("High end", row["High end"])]
        measured = [("Scale and cut-off", row["Scale and cut-off"]),
                    ("Population", row["Population"]), ("Design", row["Design"]),
                    ("Time point", row["Time point"])]
        details = [f"{label}: {md(text)}" for label, text in
                   [*measured, *ends, ("Comparator", row["Comparator"]), ("Note", row["Note"])]
                   if text != "—"]
        st.markdown(f"- **{md(row['Outcome'])}: {md(row['Figure'])}**"
                    + "".join(f"\n    - {line}" for line in details))
    if option.evidence.gaps:
        st.caption(f":material/help: Not confirmed: {md(option.evidence.gaps)}")
    lists = st.columns(3)
    _bullets(lists[0], "Monitoring", option.monitoring)
    _bullets(lists[1], "Key risks", option.risks)
    _bullets(lists[2], "Contraindications", option.contraindications or ["None listed in the sources read"])
    barriers = option.barriers
    lines = [f"Driving: {barriers.driving}", f"Prior authorisation: {barriers.prior_authorisation}"]
    if barriers.rems:
        lines.append(f"REMS: {barriers.rems}")
    if barriers.anaesthesia:
        lines.append("Needs general anaesthesia")
    _bullets(st, "Practical barriers", lines + list(barriers.other))
    if option.note:
        st.caption(md(option.note))
    render_sources(c, option.sources, option.reviewed)


def _bullets(where, title: str, items: Sequence[str]) -> None:
    where.markdown(f"**{title}**\n" + "".join(f"\n- {md(item)}" for item in items))

