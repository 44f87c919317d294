"""Presenter view of a talk: current and next slide, notes and time; it moves the audience window."""
from components.content import content
from components.talk_presenter_ui import presenting_talk, render_presenter

c = content()
talk, notices = presenting_talk(c)
render_presenter(c, talk, notices)
