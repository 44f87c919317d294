"""Training room pages in AppTest: the trainer's console, the projector and a participant's phone."""
from __future__ import annotations

import pytest

from components.room import service
from components.room_ui import screen_key

SET_ID = "referral-criteria-20"


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A fresh SQLite training-room database for this test, the one the pages will open."""
    monkeypatch.setenv("TRD_MAP_DATA_HOME", str(tmp_path / "var"))
    monkeypatch.delenv("TRD_MAP_DATABASE_URL", raising=False)
    return service.get_store()


@pytest.fixture
def opened(store, content):
    return service.open_session(store, "Team meeting", service.questions_from_set(content, SET_ID))


def texts(app) -> str:
    """Everything a reader sees as text, one string, to look for words in."""
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "success",
                                  "error", "warning", "info") for e in getattr(app, kind)]
    return "\n".join(str(part) for part in parts).replace("**", "")


def ask(store, opened, number: int = 1) -> None:
    service.next_question(store, opened.code, opened.trainer_token, at_question=number - 1)


def console(run_page, opened):
    return run_page("app_pages/room.py", code=opened.code, key=opened.trainer_token)


# ---------------------------------------------------------------- trainer


def test_opening_a_ready_set_shows_the_trainer_link_once_and_keeps_it_in_the_address(run_page,
                                                                                       store):
    app = run_page("app_pages/room.py")
    assert not app.exception
    assert app.title[0].value == "Training room"
    app.button(key="room_open").click().run()
    code, key = app.query_params["code"], app.query_params["key"]
    link = app.code[0].value
    assert f"/room?code={code}&key={key}" in link
    assert "shown this once" in texts(app)
    assert app.title[0].value == "20-minute referral criteria"
    app.button(key="room_link_copied").click().run()
    assert not app.code and "shown this once" not in texts(app)
    reopened = run_page("app_pages/room.py", code=code, key=key)  # another device, or a reload
    assert not reopened.code and "shown this once" not in texts(reopened)
    assert "6 questions" in texts(reopened)
    assert reopened.button(key="room_next").label == "Ask question 1"


def test_picked_questions_are_asked_in_the_order_picked(run_page, store, content):
    app = run_page("app_pages/room.py")
    app.radio(key="room_source").set_value("pick").run()
    app.multiselect(key="room_pick").set_value(["two-short-trials", "definition-two-trials"]).run()
    app.button(key="room_open").click().run()
    app.button(key="room_next").click().run()
    assert "Question 1 of 2" in texts(app)
    assert "Which answer fits this case?" in texts(app)  # the case decision came first


def test_nothing_picked_is_refused_and_opens_nothing(run_page, store):
    app = run_page("app_pages/room.py")
    app.radio(key="room_source").set_value("pick").run()
    app.button(key="room_open").click().run()
    assert "Pick at least one question" in texts(app)
    assert "code" not in app.query_params


def test_a_talk_session_asks_its_live_questions_and_names_the_slides_that_come_next(run_page,
                                                                                     store):
    app = run_page("app_pages/room.py")
    app.radio(key="room_source").set_value("talk").run()
    app.selectbox(key="room_talk").set_value("when-is-it-trd").run()
    app.button(key="room_open").click().run()
    assert app.query_params["talk"] == "when-is-it-trd"
    app.button(key="room_next").click().run()
    assert "Question 1 of 1" in texts(app)
    upcoming = next(m.value for m in app.markdown if m.value.startswith("**Next:**"))
    assert "Presentation slide" in upcoming and "end the session" in upcoming


def test_a_forged_trainer_key_runs_nothing(run_page, opened):
    app = run_page("app_pages/room.py", code=opened.code, key=opened.trainer_token[:-2] + "xx")
    assert not app.exception
    assert "This trainer link is not valid for this session" in texts(app)
    assert not [b for b in app.button if b.key and b.key.startswith("room_")]


def test_the_projector_key_does_not_open_the_console(run_page, opened):
    app = run_page("app_pages/room.py", code=opened.code, key=screen_key(opened.trainer_token))
    assert "This trainer link is not valid" in texts(app)


def test_console_runs_a_question_from_asking_to_the_summary(run_page, store, opened):
    app = console(run_page, opened)
    app.button(key="room_next").click().run()
    assert "Question 1 of 6" in texts(app) and "Answering" in texts(app)
    phone = service.join(store, opened.code)
    question = service.participant_view(store, opened.code, phone).question
    service.submit_answer(store, opened.code, phone, question.id, 1)
    app.run()
    assert [m.value for m in app.metric] == ["1", "1"]  # joined, answered
    app.button(key="room_close").click().run()
    assert "Answers closed" in texts(app)
    with pytest.raises(service.RoomError):  # closed means closed, for everyone
        service.submit_answer(store, opened.code, phone, question.id, 0)
    app.button(key="room_reveal").click().run()
    assert "Answer shown" in texts(app) and "Correct answer: A." in texts(app)
    app.button(key="room_end").click().run()
    assert "Summary" in texts(app)
    summary = app.dataframe[0].value
    assert list(summary["Answered"]) == [1] and list(summary["Correct"]) == ["0%"]
    assert summary["Most-chosen wrong answer"][0].startswith("B.")
    assert app.get("download_button")[0].proto.label == "Download the counts (CSV)"


def test_a_repeated_click_from_a_stale_console_changes_nothing(run_page, store, opened):
    app = console(run_page, opened)
    other_device = console(run_page, opened)
    app.button(key="room_next").click().run()
    other_device.button(key="room_next").click().run()  # still showed the lobby
    assert "already on question 1" in texts(other_device)
    assert service.trainer_view(store, opened.code, opened.trainer_token).question_number == 1


# ---------------------------------------------------------------- projector


def projector(run_page, opened, view=None):
    return run_page("app_pages/room_screen.py", code=opened.code,
                    view=view or screen_key(opened.trainer_token))


def test_projector_shows_the_code_the_qr_code_and_live_answers_without_the_answer(run_page,
                                                                                   store, opened):
    ask(store, opened)
    phone = service.join(store, opened.code)
    question = service.participant_view(store, opened.code, phone).question
    service.submit_answer(store, opened.code, phone, question.id, 2)
    app = projector(run_page, opened)
    assert not app.exception
    image = app.get("image")[0].proto.imgs[0]
    assert image.url.startswith("data:image/svg+xml")  # drawn here, nothing fetched
    assert image.alt == f"QR code of the join link /join?code={opened.code}"
    assert [m.value for m in app.metric] == ["1", "1"]
    chart = app.get("plotly_chart")[0].proto
    assert '"x":[0,0,1,0]' in chart.spec.replace(" ", "")
    assert "Correct answer" not in texts(app)
    assert "988" in texts(app)  # the crisis line: its own footer on a frameless page


def test_projector_reveals_the_answer_its_explanation_and_where_to_learn_more(run_page, store,
                                                                            opened):
    ask(store, opened)
    service.reveal_answer(store, opened.code, opened.trainer_token, at_question=1)
    app = projector(run_page, opened)
    assert "Correct answer: A." in texts(app)
    assert any(link.label.startswith("Learn more:") for link in app.get("page_link"))
    assert "Sources:" in texts(app)


@pytest.mark.parametrize("view", ["forged-key", "TRAINER"])
def test_projector_with_a_wrong_key_shows_no_session(run_page, opened, view):
    app = projector(run_page, opened, opened.trainer_token if view == "TRAINER" else view)
    assert "This projector link is not valid" in texts(app)
    assert not app.metric and not app.get("plotly_chart")


def test_projector_with_an_unknown_code_says_so(run_page, store):
    app = run_page("app_pages/room_screen.py", code="ZZZZ-ZZZZ", view="x")
    assert "No session has this code" in texts(app)


# ---------------------------------------------------------------- participant


def test_joining_by_link_keeps_the_participant_in_the_address_and_a_reload_keeps_the_answer(
        run_page, store, opened):
    phone = run_page("app_pages/room_join.py", code=opened.code)
    token = phone.query_params["p"]
    assert "The first question is coming" in texts(phone)
    assert "What is stored" in texts(phone) and "24 hours" in texts(phone)
    assert "988" in texts(phone)  # crisis line footer on a frameless page
    ask(store, opened)
    phone.run()
    phone.button(key="room_join_choice_1_1").click().run()
    assert "Stored: your answer is B." in texts(phone)
    phone.button(key="room_join_choice_1_3").click().run()
    assert "Stored: your answer is D." in texts(phone)
    reloaded = run_page("app_pages/room_join.py", code=opened.code, p=token)
    assert reloaded.query_params["p"] == token
    assert "Stored: your answer is D." in texts(reloaded)
    assert service.trainer_view(store, opened.code, opened.trainer_token).joined == 1


def test_phones_see_no_tallies_before_the_reveal_and_the_room_after(run_page, store, opened):
    ask(store, opened)
    phone = run_page("app_pages/room_join.py", code=opened.code)
    phone.button(key="room_join_choice_1_0").click().run()
    assert "How the room answered" not in texts(phone) and "%" not in texts(phone)
    service.reveal_answer(store, opened.code, opened.trainer_token, at_question=1)
    phone.run()
    assert "is right" in texts(phone) and "How the room answered" in texts(phone)
    assert "A ✓: 1 (100%)" in texts(phone)


def test_an_answer_after_the_question_closed_is_not_stored_and_says_so(run_page, store, opened):
    ask(store, opened)
    phone = run_page("app_pages/room_join.py", code=opened.code)
    service.close_question(store, opened.code, opened.trainer_token, at_question=1)
    phone.button(key="room_join_choice_1_2").click().run()  # tapped on the page still open
    assert "Not stored." in texts(phone) and "closed" in texts(phone)
    assert service.trainer_view(store, opened.code, opened.trainer_token).answered == 0


def test_an_answer_to_a_question_no_longer_asked_is_refused(run_page, store, opened):
    ask(store, opened)
    phone = run_page("app_pages/room_join.py", code=opened.code)
    service.reveal_answer(store, opened.code, opened.trainer_token, at_question=1)
    ask(store, opened, 2)
    phone.button(key="room_join_choice_1_0").click().run()  # question 1's id, question 2 asked
    assert "Not stored." in texts(phone) and "no longer being asked" in texts(phone)
    assert "Question 2 of 6" in texts(phone)
    assert service.trainer_view(store, opened.code, opened.trainer_token).answered == 0


def test_a_forged_participant_token_is_refused_and_can_join_again(run_page, store, opened):
    phone = run_page("app_pages/room_join.py", code=opened.code, p="forged-participant-token")
    assert "This phone has not joined this session" in texts(phone)
    phone.button(key="room_join_again").click().run()
    assert phone.query_params["p"] != "forged-participant-token"
    assert "The first question is coming" in texts(phone)


def test_a_wrong_code_is_refused_and_repeated_wrong_codes_are_slowed(run_page, store):
    phone = run_page("app_pages/room_join.py")
    assert phone.title[0].value == "Join the training room"
    for attempt in range(6):
        phone.text_input(key="room_join_code").input("ZZZZ-ZZZZ")
        phone.button(key="room_join_submit").click().run()
        if attempt < 5:
            assert "No session has the code ZZZZ-ZZZZ" in texts(phone)
    assert "Too many wrong codes" in texts(phone)
    assert "p" not in phone.query_params


def test_a_bad_code_in_a_link_lands_on_the_form(run_page, store):
    phone = run_page("app_pages/room_join.py", code="not a code")
    assert "That is not a session code" in texts(phone)
    assert "code" not in phone.query_params
    assert phone.text_input(key="room_join_code").label.startswith("Join code")


def test_the_typed_code_joins_whatever_its_case_and_dashes(run_page, store, opened):
    phone = run_page("app_pages/room_join.py")
    phone.text_input(key="room_join_code").input(service.display_code(opened.code).lower())
    phone.button(key="room_join_submit").click().run()
    assert phone.query_params["p"] and "The first question is coming" in texts(phone)


# ---------------------------------------------------------------- database down


@pytest.fixture
def unreachable_store(tmp_path, monkeypatch):
    """A data home that cannot be created: its parent is a file."""
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    monkeypatch.setenv("TRD_MAP_DATA_HOME", str(blocker / "var"))
    monkeypatch.delenv("TRD_MAP_DATABASE_URL", raising=False)


@pytest.mark.parametrize("script, query", [
    ("app_pages/room_join.py", {"code": "K7M4-PQ9R"}),
    ("app_pages/room_join.py", {"code": "K7M4-PQ9R", "p": "abc"}),
    ("app_pages/room_screen.py", {"code": "K7M4-PQ9R", "view": "abc"}),
    ("app_pages/room.py", {"code": "K7M4-PQ9R", "key": "abc"}),
])
def test_a_database_outage_is_said_plainly_on_every_room_page(run_page, unreachable_store, script,
                                                               query):
    app = run_page(script, **query)
    assert not app.exception
    assert "cannot reach its database" in texts(app)
    assert "Everything else in TRD Map still works" in texts(app)


def test_a_database_outage_leaves_the_rest_of_the_app_working(run_page, unreachable_store):
    app = run_page("app_pages/room.py")
    app.button(key="room_open").click().run()
    assert "cannot reach its database" in texts(app)
    assert not run_page("app_pages/quiz.py").exception


def test_a_phone_page_carries_the_regions_crisis_line_as_its_footer(run_page, store, opened):
    phone = run_page("app_pages/room_join.py", code=opened.code, region="uk")
    assert phone.query_params["region"] == "uk" and phone.query_params["p"]
    assert "Samaritans free on 116 123" in texts(phone) and "call 999" in texts(phone)
    assert "988" not in texts(phone)
