"""The handout: self-contained, print-ready, and holding the map, ladder, adequacy and referral criteria."""
from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

import pytest

from components.content import read_content
from components.handout import content_review_dates, make_handout_html
from components.ladder import sort_options


@pytest.fixture(scope="module")
def html(content):
    return make_handout_html(content)


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def test_the_handout_loads_nothing_from_outside(html):
    tags = _parse(html).tags
    assert not [t for t, _ in tags if t in {"script", "link", "img", "iframe", "object"}]
    assert not [a for _, a in tags if any(k in a for k in ("src", "href"))]
    assert "url(" not in html and "@import" not in html


def test_the_handout_is_print_ready(html):
    assert html.startswith("<!DOCTYPE html>")
    assert "@page" in html and 'charset="utf-8"' in html


def test_the_handout_holds_the_map_ladder_adequacy_and_referral_content(content, html):
    text = " ".join(_parse(html).text)
    for node in content.map.nodes:
        assert node.label in text
    for option in content.treatments.options:
        assert option.name in text
    for definition in content.referral.adequacy_definitions:
        assert definition.name in text
    for flag in content.referral.red_flags:
        assert flag.label in text
    for drug in content.referral.antidepressants:
        assert drug.name in text


def test_every_reference_number_points_to_a_listed_source(content, html):
    text = " ".join(_parse(html).text)
    listed = re.search(r'<ol class="sources">(.*?)</ol>', html, re.S).group(1).count("<li>")
    numbers = {int(n) for ref in re.findall(r"\[([\d, ]+)\]", text) for n in ref.split(", ")}
    assert numbers == set(range(1, listed + 1))


def test_the_handout_states_the_content_review_date(content, html):
    newest, _ = content_review_dates(content)
    assert f"Content last reviewed {newest.isoformat()}" in html


def test_the_options_table_follows_the_ladder_order(content, html):
    table = html[html.index("<h2>The next-line options compared</h2>"):]
    ordered = sort_options(content.treatments.options, content.treatments.rungs)
    positions = [table.index(f"<strong>{escape(option.name)}</strong>") for option in ordered]
    assert positions == sorted(positions)


def test_the_dose_table_names_and_explains_the_maximum_as_the_content_does(data_copy):
    path = data_copy / "referral.yaml"
    text = path.read_text(encoding="utf-8")
    assert "  name: US label maximum\n" in text
    path.write_text(text.replace("  name: US label maximum\n", "  name: Licensed maximum\n"),
                    encoding="utf-8")
    html = make_handout_html(read_content(data_copy))
    assert "<th>Licensed maximum (mg/day)</th>" in html and "US label maximum" not in html
    assert "Licensed maximum: The highest daily dose for adults with depression" in html


def test_the_referral_section_states_the_resistance_threshold_from_the_content(content, html):
    threshold = content.referral.resistance_threshold
    assert (f"Treatment-resistant once {threshold.failed_antidepressants} different antidepressants "
            "have failed adequate trials.") in html
    assert escape(threshold.explanation) in html


def test_the_handout_prints_the_crisis_line_it_is_given_and_the_content_default_without_one(content):
    region = "In Australia, call Lifeline on 13 11 14; call 000 in an emergency."
    assert f"handout · {region}</footer>" in make_handout_html(content, region)
    assert f"handout · {escape(content.frame.crisis_line.text)}</footer>" in make_handout_html(content)


def test_the_handout_is_laid_out_for_the_paper_asked_for(content):
    assert "@page { size: A4 portrait;" in make_handout_html(content)
    assert "@page { size: letter portrait;" in make_handout_html(content, paper="Letter")
    with pytest.raises(ValueError, match="A4, Letter"):
        make_handout_html(content, paper="A5")


def test_a_length_note_sits_under_the_review_date(content):
    html = make_handout_html(content, length_note="Runs to 9 pages because it cites everything.")
    lead = html.index("Content last reviewed")
    assert lead < html.index("Runs to 9 pages because it cites everything.") < html.index("<h2>")
