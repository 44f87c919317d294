"""Audience view of a talk: one slide at a time for a projector, no app chrome, the crisis line below."""
import streamlit as st

from components.content import content
from components.slides import parse_slide_number
from components.talk_render import (
    SLIDES_CSS,
    render_audience_footer,
    render_notices,
    render_slide_body,
    slides_of,
    talk_from_address,
)

c = content()
st.html(SLIDES_CSS)
talk, notices = talk_from_address(c)
views = slides_of(c, talk)
number, slide_notice = parse_slide_number(st.query_params.get("slide"), len(views))
st.query_params["slide"] = str(number)
render_notices(notices + ([slide_notice] if slide_notice else []))
render_slide_body(c, views[number - 1], key_prefix="audience")
render_audience_footer(number, len(views), c.frame.crisis_line.text, following=False)
