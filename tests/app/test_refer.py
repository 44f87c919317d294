"""When to refer page: the four tiers, the urgent steps, and the way into the checker."""
from __future__ import annotations

PAGE = "app_pages/refer.py"


def test_the_page_shows_four_tiers_most_pressing_first_with_the_urgent_steps(run_page):
    app = run_page(PAGE)
    assert not app.exception
    assert app.title[0].value == "When to refer"
    headings = [h.value for h in app.subheader]
    assert len(headings) == 4 and "Urgent" in headings[0] and "primary care" in headings[3]
    text = " ".join(m.value for m in app.markdown)
    assert "Do not leave the patient alone" in text
    assert "Current mania or hypomania" in text
    assert "Past mania or hypomania" in text


def test_the_page_says_it_is_education_and_links_to_the_checker(run_page):
    app = run_page(PAGE)
    assert any("not a diagnostic or prescribing one" in i.value for i in app.info)
    links = [link.proto.page for link in app.get("page_link")]
    assert "checker" in links
