"""Streamlit render helpers for the treatment ladder: rung overview, table, cards and option detail."""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from components.content import ContentSet
from components.ladder import (
    ADDABLE_COLUMNS,
    COLUMNS,
    DEFAULT_COLUMNS,
    NAME_PREFIXES,
    QUESTIONS,
    SORTS,
    adequate_dose_label,
    comparison_facts,
    course_label,
    course_notes,
    headline_rows,
    name_prefix,
    onset_label,
    prefix_legend,
    resolve_option,
    shown_columns,
)
from components.schema.treatments import SETTING_LABELS, Rung, TreatmentOption, TreatmentsFile
from components.site_ui import render_option_locally
from components.ui import escape_markdown as md
from components.ui import render_provenance, render_sources

# Column widths in pixels. The default columns add up to 855, less than the main area at
# 1366 px (about 900), so they need no sideways scroll; on wider screens the unpinned columns grow
# to fill the width. Added columns make the table scroll sideways, the Option column pinned.
COLUMN_WIDTHS: dict[str, int] = {
    "option": 135, "rung": 105, "onset": 100, "setting": 100, "time_at_visits": 115,
    "headline": 300, "name": 260, "onset_from_days": 135, "onset_to_days": 120,
    "visits_per_week": 125, "minutes_per_visit": 135, "course_weeks": 120, "hours_low": 150,
    "hours_high": 155, "regulatory": 160, "lab_monitoring": 420, "sources": 300,
    "source_notes": 420, "id": 160,
}
# The grid's 14 px font: about 6.6 px a character and 18.5 px a line, 16 px of cell padding.
_CHAR_PX, _LINE_PX, _CELL_PADDING_PX, _MIN_ROW_HEIGHT = 6.6, 18.5, 16, 40


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
    help_for = {
        "option": f"{prefix_legend()}. Full names: add the Full name column or open Option details",
        "rung": "The step of the ladder; the ladder tab says what moves a patient to the next one",
        "onset": "When benefit usually starts to show; rough",
        "setting": "Who can start it. Shared care: primary care starts it with specialist advice",
        "time_at_visits": "Hours the patient spends at visits over the acute course (visits × "
                          "minutes × weeks), and the course length; rough, see the note under "
                          "the table",
        "headline": "First headline figure with its scale and cut-off, the population studied and "
                    "the design (randomised or not); every figure, with its time point, is in "
                    "Option details",
        "onset_from_days": "Earliest onset of benefit, rough; hours are fractions of a day "
                           "(0.17 = 4 h)",
        "onset_to_days": "Latest usual onset, rough",
        "visits_per_week": "Clinic reviews for medicines; rough",
        "minutes_per_visit": f"{treatments.minutes_per_visit_note}; rough",
        "course_weeks": "Acute course; rough",
        "hours_low": "Visits × minutes × weeks, low ends; rough",
        "hours_high": "Visits × minutes × weeks, high ends; rough",
        "source_notes": "Where each fact was read and what could not be confirmed; in Option "
                        "details these open from the marker beside the fact",
    }
    number_format = {"onset_from_days": "%g", "onset_to_days": "%g", "hours_low": "%.1f",
                     "hours_high": "%.1f"}
    config = {}
    for key, label in COLUMNS.items():
        kind = {"format": number_format[key]} if key in number_format else {}
        config[label] = (number if kind else text)(
            width=COLUMN_WIDTHS[key], help=help_for.get(key), pinned=key == "option" or None,
            **kind)
    return config


def table_height(rows: int, row_height: int, *, sideways: bool) -> int:
    """Pixels that show every row without an inner scrollbar (and room for a sideways one)."""
    return 38 + row_height * max(rows, 1) + (16 if sideways else 2)


def table_row_height(table: pd.DataFrame, columns: Sequence[str]) -> int:
    """Rows tall enough for the longest text among the columns shown, wrapped in its column."""
    lines = 1
    for key in columns:
        per_line = max(1, int((COLUMN_WIDTHS[key] - _CELL_PADDING_PX) / _CHAR_PX))
        longest = max((len(str(value)) for value in table[COLUMNS[key]]), default=0)
        lines = max(lines, -(-longest // per_line))
    return max(_MIN_ROW_HEIGHT, round(lines * _LINE_PX + _CELL_PADDING_PX))


def render_column_picker() -> list[str]:
    """The 'More columns' picker: kept for the session and in the address (?ladder_columns=)."""
    return st.multiselect(
        "More columns", list(ADDABLE_COLUMNS), format_func=COLUMNS.get, key="ladder_columns",
        placeholder="Add columns to the table",
        help="Shown by default: " + ", ".join(COLUMNS[key] for key in DEFAULT_COLUMNS) + ". "
        "Added columns stay while you use the app and are kept in the address, so a shared link "
        "shows them too.", bind="query-params", persist_state="session")


def render_name_legend(key_prefix: str) -> None:
    """The one-line key to the → and + signs in front of option names."""
    st.container(key=f"{key_prefix}_legend").caption(
        "In option names, " + "; ".join(f"**{sign}** means {md(meaning)}"
                                        for sign, meaning in NAME_PREFIXES.items()) + ".")


def render_comparison_table(table: pd.DataFrame, added: Sequence[str],
                            treatments: TreatmentsFile) -> None:
    """The table with the default columns plus the added ones, every row shown."""
    columns = shown_columns(added)
    row_height = table_row_height(table, columns)
    st.container(key="ladder_table_box").dataframe(
        table, hide_index=True, column_config=table_column_config(treatments),
        height=table_height(len(table), row_height, sideways=bool(added)), row_height=row_height,
        column_order=[COLUMNS[key] for key in columns], key="ladder_table")


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
            # A no-break space keeps a sign on the same line as its name when the list wraps.
            names = ", ".join(o.short_name.replace(" ", "\u00a0", 1) if name_prefix(o) else o.short_name
                              for o in options if o.rung == rung.id)
            with column.container(border=True, height="stretch", key=f"ladder_rung_{rung.id}"):
                st.markdown(f"**{rung.order}. {md(rung.label)}**")
                st.markdown(md(rung.description))
                st.caption(f"Options: {md(names)}")
                st.markdown(f":material/arrow_forward: **Moves on when:** {md(rung.moves_on_when)}")
                render_provenance(rung.note, key=f"ladder_rung_note_{rung.id}")


def render_comparison_cards(chosen: Sequence[TreatmentOption], rungs: Sequence[Rung]) -> None:
    """2–4 options side by side, the same facts in the same order on every card."""
    rung_by_id = {rung.id: rung for rung in rungs}
    for column, option in zip(st.columns(len(chosen)), chosen, strict=True):
        with column.container(border=True, key=f"ladder_card_{option.id}"):
            st.markdown(f"#### {md(option.name)}")
            facts = comparison_facts(option, rung_by_id[option.rung])
            st.markdown("  \n".join(f"**{label}:** {md(text)}" for label, text in facts))


def render_option_detail(c: ContentSet, option: TreatmentOption, rung: Rung) -> None:
    """Everything the content holds on one option, ending with its sources and review date.

    Each editor's note (where a fact was read, what could not be confirmed) opens from the one
    provenance marker placed after the fact it is about, never as lesson text."""
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
                    f"{dose}{line}**Onset (rough):** {onset_label(option)}")
        render_provenance(option.onset_days.note, key=f"ladder_onset_{option.id}")
        st.markdown(f"**Course:** {course_label(option)}")
        render_provenance(course_notes(option), key=f"ladder_course_{option.id}")
        st.markdown(f"**Lab monitoring:** {md(course.lab_monitoring)}")
        st.markdown(f"**Setting:** {SETTING_LABELS[option.setting]}. {md(option.setting_note)}  \n"
                    f"**Provided by:** {md(option.provided_by)}")
    with right:
        st.markdown("**Regulatory status**")
        for number, event in enumerate(option.regulatory):
            year = f" ({event.year})" if event.year else ""
            st.markdown(f"- {md(event.agency)}, {event.status}{year}: {md(event.indication)}")
            render_provenance(event.note, key=f"ladder_regulatory_{option.id}_{number}")
        render_option_locally(c, option)
    st.markdown(f"**Evidence.** {md(option.evidence.summary)}")
    rows = headline_rows(option, lambda sid: c.source(sid).short_citation())
    for number, (row, headline) in enumerate(zip(rows, option.evidence.headlines, strict=True)):
        single = row["Low end"] == row["High end"]  # one study: one line, called its source
        ends = [("Source", row["Low end"])] if single else [
            ("Low end", row["Low end"]), ("High end", row["High end"])]
        measured = [("Scale and cut-off", row["Scale and cut-off"]),
                    ("Population", row["Population"]), ("Design", row["Design"]),
                    ("Time point", row["Time point"])]
        details = [f"{label}: {md(text)}" for label, text in
                   [*measured, *ends, ("Comparator", row["Comparator"])] if text != "—"]
        st.markdown(f"- **{md(row['Outcome'])}: {md(row['Figure'])}**"
                    + "".join(f"\n    - {line}" for line in details))
        render_provenance(headline.note, key=f"ladder_headline_{option.id}_{number}")
    render_provenance(option.evidence.gaps, key=f"ladder_gaps_{option.id}")
    lists = st.columns(3)
    _bullets(lists[0], "Monitoring", option.monitoring)
    _bullets(lists[1], "Key risks", option.risks)
    _bullets(lists[2], "Contraindications", option.contraindications or ["None listed in the sources read"])
    barriers = option.barriers
    lines = [f"Driving: {barriers.driving}"]
    if barriers.prior_authorisation:
        lines.append(f"Prior authorisation: {barriers.prior_authorisation}")
    if barriers.rems:
        lines.append(f"REMS: {barriers.rems}")
    if barriers.anaesthesia:
        lines.append("Needs general anaesthesia")
    _bullets(st, "Practical barriers", lines + list(barriers.other))
    render_provenance(option.note, key=f"ladder_note_{option.id}")
    render_sources(c, option.sources, option.reviewed)


def _bullets(where, title: str, items: Sequence[str]) -> None:
    where.markdown(f"**{title}**\n" + "".join(f"\n- {md(item)}" for item in items))

