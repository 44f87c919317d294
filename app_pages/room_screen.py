"""Training room projector: the join code, its QR code, and the room's answers as they arrive."""
import streamlit as st

from components.content import content
from components.room_ui import render_crisis_footer
from components.room_ui_screen import render_screen

c = content()
render_screen(c, st.query_params.get("code"), st.query_params.get("view"))
render_crisis_footer(c)
