"""Talks and the handout as files to take away: PowerPoint and PDF bytes from the content, no Streamlit."""
from components.exports.pdf import handout_pdf, talk_pdf
from components.exports.powerpoint import talk_pptx

__all__ = ["handout_pdf", "talk_pdf", "talk_pptx"]
