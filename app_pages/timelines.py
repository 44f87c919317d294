"""Timelines: STAR*D remission by level, curated sequencing paths, and a sequence builder."""
import streamlit as st

from components import timeline_charts as tc
from components.content import content
from components.schema.sources import short_citations
from components.sequencing import plan_sequence
from components.timeline_render import render_plan
from components.ui import escape_markdown as md
from components.ui import render_chart, render_page_header, render_sources

c = content()
timelines = c.timelines
star_d = timelines.star_d
rules = timelines.sequencing_rules
render_page_header(
    "Timelines",
    "How long the road is when every step takes weeks, and what the big sequential trials found.",
)


st.header("The big sequential trial: STAR*D")
st.markdown(md(star_d.summary))
render_chart(tc.make_star_d_figure, star_d, short_citations(c.sources.sources),
             key="timelines_star_d", file_name="trd-map-star-d-remission-by-level",
             alt="STAR*D remission at each treatment level, with the cumulative figures")
st.caption(f"{md(tc.HOW_TO_READ_STAR_D)} Remission: {md(star_d.remission_scale)}.")
st.info(md(star_d.caveat), icon=":material/info:")
st.dataframe(tc.star_d_rows(star_d), hide_index=True, width="stretch")
for finding in (star_d.reported_cumulative, star_d.reanalysed_cumulative, star_d.level_one_primary):
    st.markdown(f"- **{md(finding.label)}: {finding.value_label()}** ({md(finding.scale)}). "
                f"{md(finding.note)}")
st.subheader("Relapse after more levels")
for claim in star_d.relapse.confirmed:
    st.markdown(f"- {md(claim.text)}")
st.caption(f":material/help: Not confirmed: {md(star_d.relapse.not_confirmed)}")
render_sources(c, star_d.sources, star_d.reviewed)

st.subheader("Other sequential evidence")
st.dataframe(tc.trial_arm_rows(timelines.sequential_trials), hide_index=True, width="stretch")
for trial in timelines.sequential_trials:
    st.markdown(f"- **{md(trial.name)}:** {md(trial.finding)}")
render_sources(c, [s for t in timelines.sequential_trials for s in t.sources])

st.header("Sequencing paths")
paths = {path.id: path for path in timelines.sequencing_paths}
wanted = st.query_params.get("path")
if wanted and wanted not in paths:
    st.info(f"There is no path called “{md(wanted)}”; showing the first path instead.")
path_id = st.selectbox("Path", list(paths), key="timelines_path", format_func=lambda p: paths[p].name,
                       index=list(paths).index(wanted) if wanted in paths else 0)
path = paths[path_id]
st.markdown(f"{md(path.summary)}\n\n**Where referral belongs:** {md(path.referral_point)}\n\n"
            f"**Teaching point:** {md(path.teaching_point)}")
render_plan(plan_sequence(path.steps, timelines.sequence_steps, rules.referral_due_after_trials),
            "timelines_path", f"trd-map-path-{path.id}")
render_sources(c, path.sources, path.reviewed)

st.header("Build a sequence")
steps = {step.id: step for step in timelines.sequence_steps}
chosen = st.multiselect(
    "Steps, in the order they happen (remove and re-add a step to move it)", list(steps),
    default=timelines.sequencing_paths[0].steps, key="timelines_builder_steps",
    format_func=lambda s: steps[s].label,
)
st.caption(f"Referral rule: {md(rules.explanation)}")
if chosen:
    render_plan(plan_sequence(chosen, steps.values(), rules.referral_due_after_trials),
                "timelines_builder", "trd-map-my-sequence")
else:
    st.info("Pick at least one step to draw a timeline.", icon=":material/add:")
render_sources(c, [*rules.sources, *(s for step in steps.values() for s in step.sources)], rules.reviewed)
