"""Join a training room: a participant's phone shows the current question and takes one tap."""
import streamlit as st

from components.content import content
from components.room_ui import render_crisis_footer
from components.room_ui_join import render_join, retention_statement

c = content()
render_join(c)
st.divider()
st.caption(retention_statement())
render_crisis_footer(c)
