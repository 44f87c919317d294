"""A training-room session as people run it in Chromium (trainer console, phones, projector), and
what the cluster's database holds of it."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import sqlalchemy as sa
from playwright.sync_api import Page, expect

from components.room.tables import answers, participants, sessions
from components.room_charts import choice_letter
from tests.e2e.conftest import wait_until_drawn


def open_session(trainer: Page, base_url: str) -> tuple[str, str]:
    """Open a session from the first ready set; return (join code, projector link)."""
    trainer.goto(f"{base_url}/room")
    wait_until_drawn(trainer)
    trainer.locator(".st-key-room_open button").click()
    trainer.wait_for_url(re.compile(r"[?&]key="))
    code = parse_qs(urlsplit(trainer.url).query)["code"][0]
    projector = trainer.get_by_role("link", name="Open the projector view")
    expect(projector).to_be_visible()
    return code, projector.get_attribute("href")


def ask_next_question(trainer: Page, number: int) -> None:
    trainer.locator(".st-key-room_next button").click()
    expect(trainer.get_by_text(f"Question {number} of", exact=False).first).to_be_visible()


def close_answers(trainer: Page) -> None:
    trainer.locator(".st-key-room_close button").click()
    expect(trainer.locator(".st-key-room_next button")).to_be_visible()


def join(phone: Page, base_url: str, code: str) -> str:
    """Join by the room's link; return the participant's address (its token is in it)."""
    phone.goto(f"{base_url}/join?code={code}")
    phone.wait_for_url(re.compile(r"[?&]p="))
    return phone.url


def answer(phone: Page, question_number: int, choice: int) -> None:
    phone.locator(f".st-key-room_join_choice_{question_number}_{choice} button").click()
    expect_stored(phone, choice)


def expect_stored(phone: Page, choice: int, timeout_ms: float = 30_000) -> None:
    """The phone says the store holds this participant's answer (read back from the database)."""
    expect(phone.get_by_text(f"Stored: your answer is {choice_letter(choice)}.")).to_be_visible(
        timeout=timeout_ms)


def expect_projector_counts(projector: Page, joined: int, answered: int,
                            timeout_ms: float = 30_000) -> None:
    expect(projector.get_by_test_id("stMetric").filter(has_text="Joined")
           .get_by_test_id("stMetricValue")).to_have_text(str(joined), timeout=timeout_ms)
    expect(projector.get_by_test_id("stMetric").filter(has_text="Answered")
           .get_by_test_id("stMetricValue")).to_have_text(str(answered), timeout=timeout_ms)


def stored(database_url: str, code: str) -> tuple[int, dict[int, int]]:
    """Straight from the database: (participants, answers per question number) of one session."""
    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as connection:
            session_id = connection.scalar(
                sa.select(sessions.c.id).where(sessions.c.join_code == code))
            joined = connection.scalar(sa.select(sa.func.count()).select_from(participants)
                                       .where(participants.c.session_id == session_id))
            per_question = dict(connection.execute(
                sa.select(answers.c.question_number, sa.func.count())
                .where(answers.c.session_id == session_id).group_by(answers.c.question_number)).all())
    finally:
        engine.dispose()
    return joined, per_question
