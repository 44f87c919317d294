"""Results derived from the content are worked out once per distinct arguments, not per rerun."""
from __future__ import annotations

import streamlit as st

from components.content import derived

calls: list[tuple] = []


def count_and_echo(*args):
    calls.append(args)
    return list(args)


def test_same_arguments_compute_once_and_new_arguments_compute_again():
    st.cache_resource.clear()
    calls.clear()
    first = derived(count_and_echo, "tms", 2)
    assert derived(count_and_echo, "tms", 2) is first
    assert calls == [("tms", 2)]
    derived(count_and_echo, "ect", 2)
    assert calls == [("tms", 2), ("ect", 2)]


def test_closures_with_different_names_do_not_share_results():
    st.cache_resource.clear()
    light = derived(lambda value: f"light {value}", 1, name="chart dark=False")
    dark = derived(lambda value: f"dark {value}", 1, name="chart dark=True")
    assert (light, dark) == ("light 1", "dark 1")


def test_an_edited_content_object_gives_a_fresh_result(content):
    st.cache_resource.clear()
    calls.clear()
    derived(count_and_echo, content.treatments)
    edited = content.treatments.model_copy(update={"options": content.treatments.options[:1]})
    derived(count_and_echo, edited)
    assert len(calls) == 2
