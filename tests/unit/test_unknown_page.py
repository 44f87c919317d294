"""Which page an address asks for, and when that name belongs to no page."""
from __future__ import annotations

from components.unknown_page import requested_page_name, unknown_page_name

KNOWN = {"trd-map-home", "map", "glossary", "sources"}


def test_the_requested_name_is_the_path_without_slashes_query_or_base():
    assert requested_page_name("http://127.0.0.1:8501/home") == "home"
    assert requested_page_name("http://127.0.0.1:8501/home/") == "home"
    assert requested_page_name("http://127.0.0.1:8501/glossary?q=rems#x") == "glossary"
    assert requested_page_name("https://host/trd/home", "/trd/") == "home"
    assert requested_page_name("https://host/trd", "trd") is None
    assert requested_page_name("http://127.0.0.1:8501") is None
    assert requested_page_name("http://127.0.0.1:8501/") is None
    assert requested_page_name(None) is None


def test_home_and_other_unknown_names_are_unknown():
    assert unknown_page_name("http://h/home", "", KNOWN) == "home"
    assert unknown_page_name("http://h/old-bookmark", "", KNOWN) == "old-bookmark"
    assert unknown_page_name("http://h/Glossary", "", KNOWN) == "Glossary"


def test_known_pages_the_root_and_names_no_page_could_have_are_not_unknown():
    assert unknown_page_name("http://h/glossary", "", KNOWN) is None
    assert unknown_page_name("http://h/trd-map-home", "", KNOWN) is None
    assert unknown_page_name("http://h/", "", KNOWN) is None
    assert unknown_page_name("http://h/a/b", "", KNOWN) is None  # nested: not a page name
    assert unknown_page_name("http://h/%3Cscript%3E", "", KNOWN) is None
    assert unknown_page_name(None, "", KNOWN) is None
