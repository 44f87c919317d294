"""Training room: a trainer puts questions to the room, everyone answers on their phone."""
import streamlit as st

from components.content import content
from components.room_ui_trainer import render_console, render_setup
from components.ui import render_page_header

c = content()
code, trainer_token = st.query_params.get("code"), st.query_params.get("key")
if code and trainer_token:  # the trainer link: this device runs the session
    render_console(c, code, trainer_token)
else:
    render_page_header(
        "Training room", "Put quiz questions and case decisions to the room: everyone answers on "
        "their phone, the projector shows the answers as they come in, then you reveal the right "
        "one. No names are asked and nothing anyone types is stored.")
    render_setup(c)
