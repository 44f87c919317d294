"""Every task a learner does, by keyboard alone in Chromium: Tab (or Shift+Tab) to the control, then
Enter, Space, arrows or typing. Each control must be reachable without a trap, and where the learner
goes on after a rerun, focus must still be on the control they used, not dropped to the page."""
from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from components.content import read_content
from components.ladder import filter_options, sort_options
from tests.conftest import DATA_DIR
from tests.e2e.conftest import open_page, wait_until_drawn

pytestmark = pytest.mark.e2e

CONTENT = read_content(DATA_DIR)
SLIDE_TITLES = [slide.title for slide in CONTENT.presentation.slides]
MAIN_H1 = '[data-testid="stMain"] h1'

# What has focus: its tag, role, name and text, and the widget keys (`st-key-*`) it sits inside.
FOCUSED = """() => {
    const el = document.activeElement;
    const keys = [];
    for (let node = el; node; node = node.parentElement) {
        for (const name of node.classList || []) {
            if (name.startsWith('st-key-')) keys.push(name.slice('st-key-'.length));
        }
    }
    const label = el.closest('label');
    return {tag: el.tagName, role: el.getAttribute('role'), type: el.getAttribute('type'),
            name: el.getAttribute('aria-label'), checked: el.getAttribute('aria-checked'),
            selected: el.getAttribute('aria-selected'), value: el.value ?? null,
            is_checked: el.checked ?? null,
            text: (label && label.contains(el) ? label : el).innerText.trim(), keys};
}"""

Focus = dict
Wanted = Callable[[Focus], bool]


def focused(page: Page) -> Focus:
    return page.evaluate(FOCUSED)


def tab_to(page: Page, wanted: Wanted, what: str, max_presses: int = 60,
           key: str = "Tab") -> Focus:
    """Press Tab (or `key`) until the focused element is `wanted`; fail if it is never reached,
    which is what an unreachable control or a focus trap on the way looks like."""
    seen = []
    for _ in range(max_presses):
        page.keyboard.press(key)
        now = focused(page)
        if wanted(now):
            return now
        seen.append(f"{now['tag']}:{now['text'][:25] or now['name']}")
    pytest.fail(f"{what} not reached after {max_presses} presses of {key}; focus went through "
                f"{' → '.join(seen[-12:])}")


def arrow_to(page: Page, wanted: Wanted, what: str, key: str = "ArrowRight",
             max_presses: int = 20) -> Focus:
    """Move inside a group (radios, tabs) with an arrow key until `wanted` has focus."""
    now = focused(page)
    for _ in range(max_presses):
        if wanted(now):
            return now
        page.keyboard.press(key)
        now = focused(page)
    pytest.fail(f"{what} not reached with {key}; focus is on {now}")


def inside(key: str, **attributes: str) -> Wanted:
    """The focused element sits in the widget `.st-key-<key>` and has these attributes."""
    return lambda now: key in now["keys"] and all(now[k] == v for k, v in attributes.items())


def assert_focus_kept(page: Page, key: str, **attributes: str) -> Focus:
    """After the rerun a task triggered, focus is still on the control the learner used."""
    wait_until_drawn(page)
    now = focused(page)
    assert now["tag"] != "BODY", f"focus dropped to <body> after the rerun (wanted {key})"
    assert inside(key, **attributes)(now), f"focus moved to {now}, not {key} {attributes}"
    return now


def test_a_map_card_opens_by_keyboard(page: Page, app_url: str):
    open_page(page, app_url)
    tab_to(page, inside("map_node", role="radio"), "the list 'Open an element of the map'")
    arrow_to(page, inside("map_node", text="TMS"), "the TMS option")
    page.keyboard.press("Space")
    card = page.locator(".st-key-map_card")
    expect(card.locator("h3")).to_have_text("TMS")
    expect(page).to_have_url(re.compile(r"node=tms"))
    assert_focus_kept(page, "map_node", text="TMS", checked="true")
    # The learner reads on: the card's own links are next in the tab order.
    link = tab_to(page, lambda now: "map_card" in now["keys"] and now["tag"] == "A",
                  "a link inside the TMS card")
    assert link["text"]


def test_the_ladder_table_filters_by_keyboard(page: Page, app_url: str):
    options, rungs = CONTENT.treatments.options, CONTENT.treatments.rungs
    rows = page.locator(".st-key-ladder_table_box table tbody tr")

    def shown_names() -> list[str]:
        return [rows.nth(i).locator("td").first.inner_text().strip() for i in range(rows.count())]

    def expected(answers: dict[str, bool] | None = None) -> list[str]:
        return [o.short_name for o in sort_options(
            filter_options(options, ["neurostimulation"], answers), rungs)]

    open_page(page, app_url, "ladder")
    tab_to(page, inside("ladder_tabs", role="tab"), "the ladder's tabs")
    arrow_to(page, inside("ladder_tabs", role="tab", text="Comparison table"), "the table tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("tab", name="Comparison table")).to_have_attribute(
        "aria-selected", "true")
    expect(rows).to_have_count(len(options))

    tab_to(page, inside("ladder_filter_rung", role="combobox"), "the Rung filter")
    page.keyboard.type("TMS")
    page.keyboard.press("Enter")
    expect(rows).to_have_count(len(expected()))
    assert shown_names() == expected()
    assert_focus_kept(page, "ladder_filter_rung", role="combobox")
    page.keyboard.press("Escape")  # close the list of rungs, stay in the field

    tab_to(page, inside("ladder_q_within_week", role="radio", text="Yes"),
           "'Can it work within a week?' Yes")
    page.keyboard.press("Space")
    fast = expected({"within_week": True})
    assert 0 < len(fast) < len(expected())
    expect(rows).to_have_count(len(fast))
    assert shown_names() == fast
    assert_focus_kept(page, "ladder_q_within_week", text="Yes", checked="true")


def test_a_trial_is_added_by_keyboard(page: Page, app_url: str):
    open_page(page, app_url, "checker")
    tab_to(page, inside("checker_new_drug", role="combobox"), "the Antidepressant field")
    page.keyboard.type("Escitalopram")
    page.keyboard.press("Enter")
    expect(page.locator(".st-key-checker_new_drug input")).to_have_value("Escitalopram (SSRI)")
    assert_focus_kept(page, "checker_new_drug", role="combobox")

    tab_to(page, inside("checker_new_dose", tag="INPUT"), "the daily dose")
    page.keyboard.type("20")
    page.keyboard.press("Tab")  # leaving the field commits it and reruns
    expect(page.locator(".st-key-checker_new_dose input")).to_have_value("20")
    assert_focus_kept(page, "checker_new_weeks", tag="INPUT")
    page.keyboard.type("8")
    page.keyboard.press("Enter")
    expect(page.locator(".st-key-checker_new_weeks input")).to_have_value("8")
    assert_focus_kept(page, "checker_new_weeks", tag="INPUT")

    tab_to(page, inside("checker_add", tag="BUTTON"), "the Add trial button")
    page.keyboard.press("Enter")
    expect(page.locator(".st-key-checker_trial_0")).to_contain_text(
        "Escitalopram 20 mg/day for 8 weeks")
    assert_focus_kept(page, "checker_add", tag="BUTTON")  # ready to add the next trial


def test_a_quiz_item_is_answered_by_keyboard(page: Page, app_url: str):
    questions = {q.id: q for q in CONTENT.quiz.questions if q.topic == "referral"}

    def question_at(now: Focus):
        radio_key = next(k for k in now["keys"] if k.startswith("quiz_q_"))
        return questions[radio_key.split("_referral_", 1)[1]], radio_key

    open_page(page, app_url, "quiz?topic=referral")
    first = tab_to(page, lambda now: any(k.startswith("quiz_q_") for k in now["keys"])
                   and now["type"] == "radio", "the first question's choices")
    question, first_key = question_at(first)
    right = question.choices[question.answer]
    # Native radios: an arrow key moves to the next choice and picks it.
    arrow_to(page, lambda now: now["text"] == right and now["is_checked"], "the right answer",
             key="ArrowDown", max_presses=len(question.choices) + 1)

    second = tab_to(page, lambda now: any(k.startswith("quiz_q_") and k != first_key
                                          for k in now["keys"]), "the second question")
    question_2, _ = question_at(second)
    wrong = arrow_to(page, lambda now: now["is_checked"]
                     and now["text"] != question_2.choices[question_2.answer],
                     "a wrong answer", key="ArrowDown", max_presses=len(question_2.choices) + 1)

    tab_to(page, inside("quiz_check", tag="BUTTON"), "'Check my answers'")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=2)).to_contain_text(
        re.compile(rf"You scored 1 of {len(questions)} "))
    expect(page.get_by_text(f"Your answer: {wrong['text']} · Correct answer: "
                            f"{question_2.choices[question_2.answer]}")).to_be_visible()
    assert_focus_kept(page, "quiz_check", tag="BUTTON")


def _expect_slide(page: Page, number: int) -> None:
    expect(page.locator(MAIN_H1).first).to_have_text(SLIDE_TITLES[number - 1])
    expect(page.get_by_text(f"Slide {number} of {len(SLIDE_TITLES)}")).to_be_visible()
    expect(page).to_have_url(re.compile(rf"[?&]slide={number}(&|$)"))


def test_slides_move_by_arrow_keys_and_the_next_button(page: Page, app_url: str):
    open_page(page, app_url, "presentation?slide=1")
    # The shortcut belongs to the Next button, so it works once that button is on the page (under
    # CI's load the h1 could be drawn a moment before it).
    expect(page.locator(".st-key-presentation_next button")).to_be_enabled()
    page.keyboard.press("ArrowRight")  # nothing focused yet: the page's own shortcut
    _expect_slide(page, 2)
    tab_to(page, inside("presentation_next", tag="BUTTON"), "the Next button")
    page.keyboard.press("Enter")
    _expect_slide(page, 3)
    assert_focus_kept(page, "presentation_next", tag="BUTTON")
    page.keyboard.press("Space")
    _expect_slide(page, 4)
    assert_focus_kept(page, "presentation_next", tag="BUTTON")
    page.keyboard.press("ArrowLeft")
    _expect_slide(page, 3)
    assert_focus_kept(page, "presentation_next", tag="BUTTON")


def test_arrow_keys_still_move_slides_from_the_speaker_notes_control(page: Page, app_url: str):
    """The known bug: arrows were lost while focus was on the notes control (an st.toggle is an
    <input>, and Streamlit's shortcuts ignore keys pressed in inputs); it is a button now."""
    open_page(page, app_url, "presentation?slide=2")
    tab_to(page, inside("presentation_notes", tag="BUTTON"), "the speaker notes control")
    page.keyboard.press("ArrowRight")
    _expect_slide(page, 3)
    assert_focus_kept(page, "presentation_notes", tag="BUTTON")
    page.keyboard.press("Enter")
    notes = page.locator('[data-testid="stAlert"]').filter(has_text="Speaker notes.")
    expect(notes).to_be_visible()
    assert assert_focus_kept(page, "presentation_notes")["text"].endswith("Hide speaker notes")
    page.keyboard.press("ArrowLeft")
    _expect_slide(page, 2)
    expect(notes).to_contain_text(CONTENT.presentation.slides[1].speaker_notes[:40])
    assert_focus_kept(page, "presentation_notes", tag="BUTTON")


def test_focus_stays_on_previous_and_next_at_the_first_and_last_slide(page: Page, app_url: str):
    open_page(page, app_url, "presentation?slide=2")
    tab_to(page, inside("presentation_previous", tag="BUTTON"), "the Previous button")
    page.keyboard.press("Enter")
    _expect_slide(page, 1)
    assert_focus_kept(page, "presentation_previous", tag="BUTTON")

    last = len(SLIDE_TITLES)
    open_page(page, app_url, f"presentation?slide={last - 1}")
    tab_to(page, inside("presentation_next", tag="BUTTON"), "the Next button")
    page.keyboard.press("Enter")
    _expect_slide(page, last)
    assert_focus_kept(page, "presentation_next", tag="BUTTON")
    page.keyboard.press("Enter")  # nowhere further: the slide and the focus stay
    wait_until_drawn(page)
    _expect_slide(page, last)
    assert_focus_kept(page, "presentation_next", tag="BUTTON")
