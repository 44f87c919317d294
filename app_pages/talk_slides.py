"""Audience view of a talk: one slide at a time for a projector, no app chrome, the crisis line below.

?talk=…&slide=N shows a slide and ←/→ move; ?follow=CODE shows what the presenter's window shows.
"""
import streamlit as st

from components.content import content
from components.slides import parse_slide_number
from components.talk_presenter_ui import follow_presenter, followed_position
from components.talk_render import (
    PROJECTOR_CSS,
    SLIDES_CSS,
    render_audience_footer,
    render_notices,
    render_slide_body,
    slides_of,
    talk_from_address,
)
from components.ui import crisis_line_text

c = content()
st.html(PROJECTOR_CSS)
st.html(SLIDES_CSS)
code = st.query_params.get("follow")
if code:
    talk, number, notices = followed_position(c, code)
    if talk is None:
        talk, _ = talk_from_address(c)
else:
    talk, notices = talk_from_address(c)
    number, slide_notice = parse_slide_number(st.query_params.get("slide"), len(talk.items))
    notices += [slide_notice] if slide_notice else []
    st.query_params["slide"] = str(number)
views = slides_of(c, talk)
number = min(max(number, 1), len(views))
render_notices(notices)
render_slide_body(c, views[number - 1], key_prefix="audience")
render_audience_footer(number, len(views), crisis_line_text(c), following=bool(code))
if code:
    follow_presenter(code, number)
