"""Streamlit render helpers for the Timelines page: the STAR*D evidence and one sequencing plan."""
from __future__ import annotations

import streamlit as st

from components.content import ContentSet
from components.schema.sources import short_citations
from components.sequencing import SequencePlan, plan_rows
from components.timeline_charts import (
    HOW_TO_READ_PATHWAY,
    HOW_TO_READ_STAR_D,
    make_pathway_figure,
    make_star_d_figure,
    star_d_rows,
    trial_arm_rows,
)
from components.ui import escape_markdown as md
from components.ui import render_chart, render_provenance, render_sources


def render_plan(plan: SequencePlan, key_prefix: str, file_name: str) -> None:
    """The timeline chart, how to read it, the total length, every flag, and the plan as a table."""
    render_chart(make_pathway_figure, plan, key=f"{key_prefix}_chart", file_name=file_name,
                 alt="Timeline of treatment steps in weeks, with review points and referral")
    st.caption(md(HOW_TO_READ_PATHWAY))
    st.metric("Total length", plan.total_weeks.length_label())
    for planned, flag in plan.flags:
        st.warning(f"**{md(planned.step.label)}** · {flag.title}: {md(flag.message)}",
                   icon=":material/flag:")
    st.table(plan_rows(plan), hide_index=True)


def render_star_d_evidence(content: ContentSet, key_prefix: str) -> None:
    """STAR*D by level with both cumulative figures, relapse, and the other sequential trials."""
    timelines = content.timelines
    star_d = timelines.star_d
    st.header("The big sequential trial: STAR*D")
    st.markdown(md(star_d.summary))
    render_chart(make_star_d_figure, star_d, short_citations(content.sources.sources),
                 key=f"{key_prefix}_chart", file_name="trd-map-star-d-remission-by-level",
                 alt="STAR*D remission at each treatment level, with the cumulative figures")
    st.caption(f"{md(HOW_TO_READ_STAR_D)} Remission: {md(star_d.remission_scale)}.")
    st.info(md(star_d.caveat), icon=":material/info:")
    st.table(star_d_rows(star_d), hide_index=True)
    findings = {"reported": star_d.reported_cumulative, "reanalysed": star_d.reanalysed_cumulative,
                "level_one": star_d.level_one_primary}
    for name, finding in findings.items():  # how each figure was read opens from its marker
        st.markdown(f"- **{md(finding.label)}: {finding.value_label()}** ({md(finding.scale)}).")
        render_provenance(finding.note, key=f"{key_prefix}_finding_{name}")
    st.subheader("Relapse after more levels")
    for claim in star_d.relapse.confirmed:
        st.markdown(f"- {md(claim.text)}")
    render_provenance(star_d.relapse.not_confirmed, key=f"{key_prefix}_relapse_not_confirmed")
    render_sources(content, star_d.sources, star_d.reviewed)

    st.subheader("Other sequential evidence")
    st.table(trial_arm_rows(timelines.sequential_trials), hide_index=True)
    for trial in timelines.sequential_trials:
        st.markdown(f"- **{md(trial.name)}:** {md(trial.finding)}")
    render_sources(content, [s for t in timelines.sequential_trials for s in t.sources])
