"""Presenter view of a talk: current and next slide, notes and time, moving the audience window."""
import streamlit as st

st.title("Presenter view")
