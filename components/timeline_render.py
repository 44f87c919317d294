"""Streamlit render helpers for the Timelines page: one sequencing plan, shown the same way everywhere."""
from __future__ import annotations

import streamlit as st

from components.sequencing import SequencePlan, plan_rows
from components.timeline_charts import HOW_TO_READ_PATHWAY, make_pathway_figure
from components.ui import escape_markdown as md
from components.ui import render_chart


def render_plan(plan: SequencePlan, key_prefix: str, file_name: str) -> None:
    """The timeline chart, how to read it, the total length, every flag, and the plan as a table."""
    render_chart(make_pathway_figure, plan, key=f"{key_prefix}_chart", file_name=file_name,
                 alt="Timeline of treatment steps in weeks, with review points and referral")
    st.caption(md(HOW_TO_READ_PATHWAY))
    st.metric("Total length", plan.total_weeks.length_label())
    for planned, flag in plan.flags:
        st.warning(f"**{md(planned.step.label)}** · {flag.title}: {md(flag.message)}",
                   icon=":material/flag:")
    st.dataframe(plan_rows(plan), hide_index=True, width="stretch", key=f"{key_prefix}_table")
