"""The README's deep links name pages and ids that exist, so a trainer can paste them as they are."""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

from components.navigation import HOME_PAGE_ID, PAGE_BY_ID
from components.schema.quiz import QUIZ_TOPIC_LABELS
from tests.conftest import ROOT


def test_every_deep_link_in_the_readme_names_a_real_page_and_id(content):
    links = re.findall(r"`(/[a-z-]*\?[^`\s]+|/[a-z-]+)`", (ROOT / "README.md").read_text("utf-8"))
    assert len(links) >= 10
    known = {
        ("map", "node"): {e.id for e in content.entries("map-node")},
        ("ladder", "option"): {e.id for e in content.entries("treatment")},
        ("timelines", "path"): {p.id for p in content.timelines.sequencing_paths},
        ("timelines", "timelines_view"): {"star-d", "paths", "builder"},
        ("onset", "onset_view"): {"onset", "commitment", "burden"},
        ("checker", "case"): {e.id for e in content.entries("case")},
        ("cases", "case"): {e.id for e in content.entries("case")},
        ("quiz", "topic"): set(QUIZ_TOPIC_LABELS),
        ("presentation", "slide"): {str(n) for n in range(1, len(content.presentation.slides) + 1)},
        ("glossary", "term"): {t.id for t in content.glossary.terms},
    }
    for link in links:
        parts = urlsplit(link)
        page = parts.path.strip("/") or HOME_PAGE_ID
        if page == "home":
            continue  # the README's example of an address that names no page
        assert page in PAGE_BY_ID, link
        for param, value in parse_qsl(parts.query):
            if (page, param) in known:
                assert value in known[(page, param)], link
            else:
                assert (page, param) == ("glossary", "q"), link
