"""Timelines: STAR*D remission by level, curated sequencing paths, and a sequence builder."""
import streamlit as st

from components.content import content
from components.sequencing import plan_sequence
from components.timeline_render import render_plan, render_star_d_evidence
from components.ui import escape_markdown as md
from components.ui import render_page_header, render_sources

c = content()
timelines = c.timelines
rules = timelines.sequencing_rules
render_page_header(
    "Timelines",
    "How long the road is when every step takes weeks, and what the big sequential trials found.",
)

# One view at a time: each is a lesson of its own, and the page draws as fast as a one-chart page.
VIEWS = {"star-d": "The big sequential trial", "paths": "Sequencing paths",
         "builder": "Build a sequence"}
wanted = st.query_params.get("path")  # a ?path= link opens on the paths
view = st.segmented_control("Show", list(VIEWS), format_func=VIEWS.get,
                            default="paths" if wanted else "star-d", required=True,
                            key="timelines_view", bind="query-params")

if view == "star-d":
    render_star_d_evidence(c, "timelines_star_d")
elif view == "paths":
    st.header("Sequencing paths")
    paths = {path.id: path for path in timelines.sequencing_paths}
    if wanted and wanted not in paths:
        st.info(f"There is no path called “{md(wanted)}”; showing the first path instead.")
    path_id = st.selectbox("Path", list(paths), key="timelines_path", persist_state="session",
                           format_func=lambda p: paths[p].name,
                           index=list(paths).index(wanted) if wanted in paths else 0)
    path = paths[path_id]
    st.markdown(f"{md(path.summary)}\n\n**Where referral belongs:** {md(path.referral_point)}\n\n"
                f"**Teaching point:** {md(path.teaching_point)}")
    render_plan(plan_sequence(path.steps, timelines.sequence_steps, rules.referral_due_after_trials),
                "timelines_path", f"trd-map-path-{path.id}")
    render_sources(c, path.sources, path.reviewed)
else:
    st.header("Build a sequence")
    steps = {step.id: step for step in timelines.sequence_steps}
    chosen = st.multiselect(
        "Steps, in the order they happen (remove and re-add a step to move it)", list(steps),
        default=timelines.sequencing_paths[0].steps, key="timelines_builder_steps",
        format_func=lambda s: steps[s].label, persist_state="session",  # kept across views
    )
    st.caption(f"Referral rule: {md(rules.explanation)}")
    if chosen:
        render_plan(plan_sequence(chosen, steps.values(), rules.referral_due_after_trials),
                    "timelines_builder", "trd-map-my-sequence")
    else:
        st.info("Pick at least one step to draw a timeline.", icon=":material/add:")
    render_sources(c, [*rules.sources, *(s for step in steps.values() for s in step.sources)],
                   rules.reviewed)
