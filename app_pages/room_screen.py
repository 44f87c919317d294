"""Training room projector: the join code, its QR code, and the room's answers as they arrive."""
import streamlit as st

from components.content import content
from components.room_ui import render_crisis_footer
from components.room_ui_screen import render_screen
from components.talk_render import PROJECTOR_CSS

c = content()
st.html(PROJECTOR_CSS)  # the room looks at it: no menu, header or toolbar
render_screen(c, st.query_params.get("code"), st.query_params.get("view"))
render_crisis_footer(c)
