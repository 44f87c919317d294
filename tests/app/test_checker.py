"""Trial checker page: practice cases end to end, typed trials, bad input, red flags and the summary."""
from __future__ import annotations

import pytest

PAGE = "app_pages/checker.py"
CRISIS_LINE = "In the US, call or text 988; call 911 in an emergency."


def texts(app, kind: str) -> list[str]:
    return [element.value for element in getattr(app, kind)]


def load_case(app, case_id: str):
    app.button_group(key="checker_case_pick").set_value(case_id).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def commit(app, answer: str):
    app.radio(key="checker_answer_choice").set_value(answer).run()
    app.button(key="checker_commit").click().run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def type_trial(app, drug="sertraline", dose=None, weeks=None, adherence="good",
               outcome="no-response"):
    app.selectbox(key="checker_new_drug").set_value(drug)
    app.number_input(key="checker_new_dose").set_value(dose)
    app.number_input(key="checker_new_weeks").set_value(weeks)
    app.selectbox(key="checker_new_adherence").set_value(adherence)
    app.selectbox(key="checker_new_outcome").set_value(outcome)
    app.button(key="checker_add").click().run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_the_page_says_it_teaches_and_stores_nothing(run_page):
    app = run_page(PAGE)
    assert not app.exception
    assert app.title[0].value == "Trial checker"
    assert any("not a diagnostic or prescribing one" in i for i in texts(app, "info"))
    assert any("No trials yet" in i for i in texts(app, "info"))


def test_with_nothing_entered_there_is_no_verdict_advice_or_summary(run_page):
    app = run_page(PAGE)
    assert any(i.startswith("No verdict yet") for i in texts(app, "info"))
    assert not texts(app, "success")  # no green "keep going in primary care"
    assert not any("Keep going in primary care" in i for i in texts(app, "info"))
    assert not app.code and not app.get("download_button")


def test_half_working_ssri_case_from_story_to_a_wrong_answer_and_its_teaching_point(run_page):
    app = load_case(run_page(PAGE), "half-working-ssri")
    assert any("Practice case: A teacher six months on sertraline" in m for m in texts(app, "markdown"))
    card = next(m for m in texts(app, "markdown") if m.startswith("**Trial 1 ·"))
    assert "Sertraline 100 mg/day for 26 weeks" in card
    # The answer is hidden until committed: no badge, no classification, stage or summary yet.
    assert "Adequate" not in card and "Failed" not in card
    assert not any(m.startswith("#### One adequate trial failed") for m in texts(app, "markdown"))
    assert not app.metric and not app.code
    commit(app, "treatment-resistant")
    feedback = texts(app, "warning")[0]
    assert "Not quite." in feedback
    assert "Expected: **One adequate trial failed — not yet treatment-resistant**" in feedback
    assert "augmentation" in feedback and "less than 50%" in feedback
    card = next(m for m in texts(app, "markdown") if m.startswith("**Trial 1 ·"))
    assert "Adequate" in card and "Failed" in card
    assert any(m.startswith("#### One adequate trial failed") for m in texts(app, "markdown"))
    assert "1. Sertraline 100 mg/day for 26 weeks" in app.code[0].value
    # One failure is not resistance, so there is no stage to show.
    assert not app.metric
    assert any(i.startswith("Staging not indicated") for i in texts(app, "info"))


def test_tms_course_opened_by_deep_link_is_treatment_resistant_and_staged(run_page):
    app = run_page(PAGE, case="tms-course")
    assert not app.exception
    assert app.session_state["checker_case"] == "tms-course"
    commit(app, "treatment-resistant")
    assert "Correct." in texts(app, "success")[0]
    assert any(m.startswith("#### Treatment-resistant — two or more") for m in texts(app, "markdown"))
    assert [m.value for m in app.metric] == ["7 of 15: moderate resistance"]
    assert any("Routine specialist referral" in i for i in texts(app, "info"))
    summary = app.code[0].value
    assert "2. Venlafaxine 225 mg/day for 10 weeks" in summary
    assert "Maudsley Staging Method: 7 of 15, moderate resistance" in summary
    # The case's story implies its staging answers; a user's own episode must choose them.
    app.button(key="checker_clear").click().run()
    type_trial(app, dose=100, weeks=8)
    type_trial(app, drug="bupropion", dose=300, weeks=8)
    assert not app.metric
    assert any(i.startswith("Choose the duration and the severity") for i in texts(app, "info"))
    app.selectbox(key="checker_duration").set_value("acute")
    app.selectbox(key="checker_severity").set_value("moderate").run()
    assert [m.value for m in app.metric] == ["5 of 15: mild resistance"]


def test_plan_and_intent_shows_the_urgent_flag_first_with_the_crisis_line(run_page):
    app = load_case(run_page(PAGE), "plan-and-intent")
    errors = texts(app, "error")
    assert "Do not leave the patient alone" in errors[0] and CRISIS_LINE in errors[0]
    commit(app, "one-adequate-failure")
    assert "Correct." in texts(app, "success")[0]
    assert "He does not leave alone" in texts(app, "success")[0]
    assert app.code[0].value.splitlines()[2] == "URGENT: Urgent — act now"


def test_a_probably_bipolar_case_rewards_reconsidering_the_diagnosis(run_page):
    app = commit(load_case(run_page(PAGE), "hypomania-history"), "reconsider-diagnosis")
    assert "Correct." in texts(app, "success")[0]
    assert "Expected: **Reconsider the diagnosis" in texts(app, "success")[0]


def test_a_trial_that_failed_and_then_stopped_for_side_effects_counts_as_failed(run_page):
    app = run_page(PAGE)
    for drug, dose, weeks in (("sertraline", 200, 12), ("venlafaxine", 225, 10)):
        app.checkbox(key="checker_new_side_effects").check()
        type_trial(app, drug=drug, dose=dose, weeks=weeks)
    assert any(m.startswith("#### Treatment-resistant") for m in texts(app, "markdown"))
    assert any("failed trial, not intolerance" in m for m in texts(app, "markdown"))


def test_switching_the_definition_shows_what_four_weeks_would_count(run_page):
    app = commit(load_case(run_page(PAGE), "two-short-trials"), "no-adequate-trial")
    assert any("Under the four-week definition the classification would be **One adequate"
               in caption for caption in texts(app, "caption"))
    app.button_group(key="checker_definition").set_value("four-weeks").run()
    assert any(m.startswith("#### One adequate trial failed") for m in texts(app, "markdown"))
    assert "Four-week definition (at least 4 weeks" in app.code[0].value


def test_a_trial_typed_by_hand_is_assessed_with_its_threshold(run_page):
    app = type_trial(run_page(PAGE), drug="citalopram", dose=10, weeks=16)
    card = next(m for m in texts(app, "markdown") if m.startswith("**Trial 1 ·"))
    assert "Citalopram 10 mg/day for 16 weeks" in card and "Not adequate" in card
    assert any("below the minimum adequate dose of 20 mg/day" in m for m in texts(app, "markdown"))
    assert any(m.startswith("#### Not yet treatment-resistant") for m in texts(app, "markdown"))


@pytest.mark.parametrize("dose, weeks, message", [
    (0, 8, "The daily dose must be more than 0 mg."),
    (-20, 8, "The daily dose must be more than 0 mg."),
    (50, 0, "The weeks at this dose must be more than 0."),
    (None, 8, "Enter the daily dose in mg."),
])
def test_nonsense_input_is_refused_with_a_message_beside_the_field(run_page, dose, weeks, message):
    app = type_trial(run_page(PAGE), dose=dose, weeks=weeks)
    assert message in texts(app, "error")
    assert "checker_trials" not in app.session_state or not app.session_state["checker_trials"]
    assert any("No trials yet" in i for i in texts(app, "info"))


def test_a_dose_far_above_the_maximum_is_flagged_and_still_added(run_page):
    app = type_trial(run_page(PAGE), dose=1000, weeks=8)
    assert any("far above the label maximum of 200 mg/day" in c for c in texts(app, "caption"))
    assert len(app.session_state["checker_trials"]) == 1


def test_a_trial_beyond_the_limit_is_refused(run_page):
    from components.referral import MAX_TRIALS
    app = run_page(PAGE)
    for _ in range(MAX_TRIALS):
        type_trial(app, dose=100, weeks=8)
    assert len(app.session_state["checker_trials"]) == MAX_TRIALS
    assert any(f"holds up to {MAX_TRIALS} trials" in w for w in texts(app, "warning"))
    type_trial(app, dose=100, weeks=8)
    assert len(app.session_state["checker_trials"]) == MAX_TRIALS


def test_editing_a_loaded_case_makes_it_your_own_episode(run_page):
    app = load_case(run_page(PAGE), "side-effects-twice")
    app.button(key="checker_remove_0").click().run()
    assert "checker_case" not in app.session_state
    assert len(app.session_state["checker_trials"]) == 1
    assert any(m.startswith("#### Intolerance, not resistance") for m in texts(app, "markdown"))


def test_an_unknown_case_link_shows_a_short_notice_without_echoing_the_link(run_page):
    app = run_page(PAGE, case="[click here](http://example.org)")
    assert not app.exception
    warnings = texts(app, "warning")
    assert any("practice case that does not exist" in w for w in warnings)
    assert not any("example.org" in w for w in warnings)


def test_the_episode_survives_a_visit_to_another_page(run_page):
    app = commit(load_case(run_page(PAGE), "hypomania-history"), "reconsider-diagnosis")
    app.switch_page("app_pages/about.py").run()
    app.switch_page(PAGE).run()
    assert not app.exception
    assert app.checkbox(key="checker_flag_bipolar-screen").value is True
    assert app.selectbox(key="checker_duration").value == "acute"
    assert len(app.session_state["checker_trials"]) == 2
