"""Presentation: a slide-by-slide walk through the topic for a trainer, one idea per screen."""
import streamlit as st

from components.content import content, derived
from components.slides import build_slide, parse_slide_number, slide_figure, slide_titles
from components.talk_render import render_talk_links
from components.talks import DEFAULT_TALK_ID, ready_talk
from components.ui import (
    escape_markdown,
    render_chart,
    render_handout_download,
    render_page_link,
    render_sources,
)

c = content()
total = len(slide_titles(c))
SLIDE, SYNCED, NOTES = "presentation_slide", "presentation_synced", "presentation_notes_shown"

# The address decides on arrival and whenever it is changed from outside (a pasted link); coming
# back through the menu, without a slide in the address, resumes where the presenter left off.
raw = st.query_params.get("slide")
notice = None
if st.session_state.get(SYNCED, "unset") != raw and not (raw is None and SLIDE in st.session_state):
    st.session_state[SLIDE], notice = parse_slide_number(raw, total)


def step(by: int) -> None:
    st.session_state[SLIDE] = min(max(st.session_state[SLIDE] + by, 1), total)


def flip_notes() -> None:
    st.session_state[NOTES] = not st.session_state.get(NOTES, False)


number = st.session_state[SLIDE]
# For a real room: the same slides full screen on the projector, notes and time in a second window.
render_talk_links(ready_talk(c, DEFAULT_TALK_ID), slide=number)
back, forward, where, notes_column = st.columns([1.4, 1.4, 3, 2], vertical_alignment="center")
# Never disabled at the ends (`step` stops there): a button disabled under the keyboard drops focus
# to the page, and a keyboard user pressing Previous onto slide 1 would lose their place.
back.button("Previous", icon=":material/arrow_back:", key="presentation_previous",
            on_click=step, args=(-1,), shortcut="Left", width="stretch")
forward.button("Next", icon=":material/arrow_forward:", key="presentation_next",
               on_click=step, args=(1,), shortcut="Right", width="stretch")
where.markdown(f"Slide **{number}** of {total} · keys ← and → move between slides")
# A button, not st.toggle: Streamlit's ←/→ shortcuts ignore keys pressed in any <input>, a toggle too.
show_notes = st.session_state.get(NOTES, False)
notes_column.button("Hide speaker notes" if show_notes else "Show speaker notes",
                    icon=":material/record_voice_over:", key="presentation_notes",
                    on_click=flip_notes, width="stretch")
if notice:
    st.info(notice, icon=":material/link_off:")
st.query_params["slide"] = str(number)
st.session_state[SYNCED] = str(number)

view = derived(build_slide, c, number)  # shared and read-only: figures are costly to rebuild
st.title(view.title, anchor=False)
if view.story:
    with st.container(border=True):
        for part in view.story:  # the story is the slide: read aloud, so shown large
            st.subheader(escape_markdown(part), anchor=False)
# Few points get the largest type; a longer list steps down a size so it still fits one screen.
headline = st.header if len(view.points) <= 3 else st.subheader
for point in view.points:
    headline(escape_markdown(point.headline), anchor=False)
    if point.detail:
        st.markdown(escape_markdown(point.detail))
if view.figure is not None:
    render_chart(slide_figure, c, number, key=f"presentation_figure_{view.slide.id}",
                 file_name=f"trd-map-slide-{number}-{view.slide.id}", alt=view.slide.title)
    st.caption(view.caption)
    with st.expander("This chart as a table", key="presentation_chart_table"):
        st.table(list(view.rows), hide_index=True)
if view.link:
    render_page_link(view.link.page, view.link_label, params=view.link.params,
                     icon=":material/open_in_new:")
if view.sources:  # folded away so the projected screen holds the one idea, not the references
    with st.expander("Sources for this slide", key="presentation_sources"):
        render_sources(c, view.sources, view.reviewed)
if show_notes:
    st.info(f"**Speaker notes.** {escape_markdown(view.slide.speaker_notes)}",
            icon=":material/record_voice_over:")
render_handout_download(c, "presentation")
