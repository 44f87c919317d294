"""The training room's answer chart, its text equivalent, and the join link and its QR code."""
from __future__ import annotations

import re

import pytest

from components.room_charts import answer_rows, chart_title, make_answers_figure
from components.room_ui import join_link, only_this_computer, public_base_url, qr_alt, qr_svg

CHOICES = ("Switch to another SSRI", "Add an augmenting agent", "Wait another six months")


def test_bars_follow_the_counts_in_choice_order_and_the_title_counts_every_answer():
    figure = make_answers_figure(CHOICES, [3, 5, 0])
    bar = figure.data[0]
    assert list(bar.x) == [3, 5, 0]
    assert [label.split("</b>")[0] for label in bar.y] == ["<b>A", "<b>B", "<b>C"]
    assert figure.layout.title.text == "8 answers"
    assert list(bar.text) == ["3 (38%)", "5 (62%)", "0 (0%)"]


def test_before_the_reveal_no_bar_stands_out_and_no_label_carries_the_tick():
    bar = make_answers_figure(CHOICES, [3, 5, 0]).data[0]
    assert len(set(bar.marker.color)) == 1
    assert not any("✓" in label for label in bar.y)


def test_the_reveal_marks_the_right_choice_by_tick_and_colour():
    bar = make_answers_figure(CHOICES, [3, 5, 0], correct_index=1).data[0]
    assert ["✓" in label for label in bar.y] == [False, True, False]
    assert bar.marker.color[1] != bar.marker.color[0] == bar.marker.color[2]


def test_text_equivalent_gives_counts_shares_and_the_right_answer_only_after_reveal():
    assert [r.correct for r in answer_rows(CHOICES, [1, 1, 2], None)] == [None, None, None]
    rows = answer_rows(CHOICES, [1, 1, 2], 2)
    assert [(r.letter, r.answers, r.share_percent, r.correct) for r in rows] == [
        ("A", 1, 25, False), ("B", 1, 25, False), ("C", 2, 50, True)]
    assert chart_title(1) == "1 answer"
    with pytest.raises(ValueError):
        answer_rows(CHOICES, [1, 2], None)


def test_join_link_uses_the_configured_public_url_over_the_address_the_trainer_used():
    assert public_base_url("https://trd.example.org/app/ ", "http://127.0.0.1:8501/room") == \
        "https://trd.example.org/app"
    assert public_base_url(None, "http://10.0.0.5:8501/room?x=1", "/trd/") == \
        "http://10.0.0.5:8501/trd"
    assert join_link("http://10.0.0.5:8501", "K7QX4M") == "http://10.0.0.5:8501/join?code=K7QX4M"


def test_loopback_links_are_flagged_because_phones_cannot_reach_them():
    assert only_this_computer("http://127.0.0.1:8501/join?code=A")
    assert only_this_computer("http://localhost:8501/join")
    assert not only_this_computer("http://192.168.1.20:8501/join")
    assert not only_this_computer("https://trd.example.org/join")


def test_qr_code_is_a_scalable_svg_drawn_here_and_named_by_its_link():
    svg = qr_svg("http://10.0.0.5:8501/join?code=K7QX4M")
    assert svg.startswith("<svg") and re.search(r'viewBox="0 0 (\d+) \1"', svg)
    assert "href" not in svg and "<image" not in svg  # drawn here, nothing fetched
    assert qr_alt("http://10.0.0.5:8501/join?code=K7QX4M") == \
        "QR code of the join link http://10.0.0.5:8501/join?code=K7QX4M"


def test_without_a_browser_address_the_join_link_is_relative_to_this_host():
    assert join_link(public_base_url("", ""), "K7QX4M") == "/join?code=K7QX4M"


# ---------------------------------------------------------------- the projector's key


def test_projector_key_shows_live_counts_but_is_not_the_trainer_token(room_store, content):
    import datetime as dt

    from components.room import service
    from components.room_ui import projector_state, screen_key

    opened = service.open_session(room_store, "Room", service.questions_from_set(
        content, "referral-criteria-20"))
    key = screen_key(opened.trainer_token)
    assert key != opened.trainer_token and opened.trainer_token not in key
    service.next_question(room_store, opened.code, opened.trainer_token, at_question=0)
    phone = service.join(room_store, opened.code)
    question = service.participant_view(room_store, opened.code, phone).question
    service.submit_answer(room_store, opened.code, phone, question.id, 3)
    state = projector_state(room_store, service.display_code(opened.code), key)
    assert (state.joined, state.answered, state.counts) == (1, 1, (0, 0, 0, 1))
    for wrong in (opened.trainer_token, key[:-1] + "0" if key[-1] != "0" else key[:-1] + "1",
                  None, 42):
        with pytest.raises(service.RoomError, match="projector link is not valid"):
            projector_state(room_store, opened.code, wrong)
    with pytest.raises(service.RoomError, match="No session has this code"):
        projector_state(room_store, opened.code, key,
                        now=dt.datetime.now(dt.UTC) + dt.timedelta(days=2))
    with pytest.raises(service.RoomError, match="No session has this code"):
        projector_state(room_store, "not a code", key)
    with pytest.raises(service.RoomError):  # the projector key cannot run the session
        service.next_question(room_store, opened.code, key, at_question=1)


def test_what_comes_next_in_a_talk_lists_the_items_up_to_the_next_live_question(content):
    from components.room_ui import talk_items_after
    from components.talks import Talk, TalkItem

    talk = Talk(None, "T", None, (
        TalkItem("slide", "opening", 1), TalkItem("room-question", "definition-two-trials", 2),
        TalkItem("slide", "definition", 3), TalkItem("map-node", "tms", 2),
        TalkItem("room-question", "two-short-trials", 3), TalkItem("slide", "close", 1)))
    assert [label.split(":")[0] for label in talk_items_after(content, talk, 0)] == [
        "Presentation slide"]
    assert [label.split(":")[0] for label in talk_items_after(content, talk, 1)] == [
        "Presentation slide", "Map card"]
    assert len(talk_items_after(content, talk, 2)) == 1
