"""Talk builder: choose and order slides and items that become slides, time them, share the talk."""
import streamlit as st

from components.content import content
from components.export_ui import render_talk_downloads
from components.talk_builder_ui import render_builder
from components.talk_render import render_talk_links
from components.ui import crisis_line_text

c = content()
st.title("Talk builder")
st.markdown("Pick the slides, map cards, ladder options, cases and questions for your session, put "
            "them in order and give each its minutes. The address of this page is the talk's link: "
            "it holds only ids, so it can be shared.")
talk = render_builder(c)
if talk.items:
    render_talk_links(talk)
    st.subheader("Take it to a laptop without the app", anchor=False)
    render_talk_downloads(c, talk, crisis_line_text(c), key_prefix="talks")
