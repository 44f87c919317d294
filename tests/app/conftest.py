"""AppTest helpers: run the real entry script on one page, with caches cleared between tests."""
from __future__ import annotations

import os

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

APP = str(ROOT / "streamlit_app.py")


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


@pytest.fixture
def run_page():
    """run_page("app_pages/map.py", node="tms") runs the frame and that page with query params."""
    previous_cwd = os.getcwd()
    os.chdir(ROOT)  # page scripts are addressed relative to the entry file

    def run(script: str, timeout: float = 30, **query: str) -> AppTest:
        app = AppTest.from_file(APP, default_timeout=timeout)
        for name, value in query.items():
            app.query_params[name] = value
        app.run()
        if script != "app_pages/map.py":
            app.switch_page(script)
            for name, value in query.items():
                app.query_params[name] = value
            app.run()
        return app

    yield run
    os.chdir(previous_cwd)
