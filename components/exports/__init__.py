"""Talks and the handout as files to take away: PowerPoint and PDF bytes from the content, no Streamlit."""
from components.exports.powerpoint import talk_pptx

__all__ = ["talk_pptx"]
