"""Knowledge check page: a full round scores correctly, topic rounds and deep links work."""
from __future__ import annotations

from components.content import content
from components.quiz import assemble_round
from components.ui import escape_markdown

PAGE = "app_pages/quiz.py"


def _round(app, topic=None):
    return assemble_round(content().quiz.questions, app.session_state["quiz_seed"], topic)


def test_a_full_quick_round_scores_right_and_wrong_answers(run_page):
    app = run_page(PAGE)
    assert not app.exception
    round_questions = _round(app)
    seed = app.session_state["quiz_seed"]
    assert len(app.radio) == 1 + len(round_questions) == 11
    for number, rq in enumerate(round_questions):
        answer = rq.correct_index if number < 7 else (rq.correct_index + 1) % len(rq.choices)
        app.radio(key=f"quiz_q_{seed}_quick_{rq.id}").set_value(answer)
    app.button(key="quiz_check").click().run()
    assert not app.exception
    assert [h.value for h in app.header] == ["You scored 7 of 10 (70%)"]
    breakdown = app.dataframe[0].value
    assert breakdown["Correct"].sum() == 7 and breakdown["Questions"].sum() == 10
    assert [s.value for s in app.subheader] == ["Review these"]
    missed_prompts = " ".join(m.value for m in app.markdown)
    for rq in round_questions[7:]:
        assert escape_markdown(rq.question.prompt) in missed_prompts
        assert f"Correct answer: **{escape_markdown(rq.correct_choice())}**" in missed_prompts


def test_a_perfect_round_says_so(run_page):
    app = run_page(PAGE)
    seed = app.session_state["quiz_seed"]
    for rq in _round(app):
        app.radio(key=f"quiz_q_{seed}_quick_{rq.id}").set_value(rq.correct_index)
    app.button(key="quiz_check").click().run()
    assert app.header[0].value == "You scored 10 of 10 (100%)"
    assert "Every answer was right." in app.success[0].value


def test_the_topic_deep_link_opens_a_round_on_that_topic(run_page):
    app = run_page(PAGE, topic="ect")
    assert app.radio(key="quiz_mode").value == "topic"
    assert app.selectbox(key="quiz_topic").value == "ect"
    prompts = [r.label for r in app.radio][1:]
    assert len(prompts) == len(_round(app, "ect"))
    assert all("ECT" in p or "electroconvulsive" in p.lower() for p in prompts)


def test_an_unknown_topic_shows_a_notice_and_the_quick_round(run_page):
    app = run_page(PAGE, topic="[click me](http://example.org)")
    assert not app.exception
    assert "quiz topic that does not exist" in app.info[0].value
    assert all("example.org" not in m.value for m in [*app.info, *app.markdown])  # not echoed
    assert app.radio(key="quiz_mode").value == "quick"
