"""A training-room session across replicas: opened on one, joined and answered from phones that
land on the other, counted right on a projector and in the database they share."""
from __future__ import annotations

import pytest

from tests.cluster.conftest import replica_of
from tests.cluster.room_flow import (
    answer,
    ask_next_question,
    expect_projector_counts,
    join,
    open_session,
    stored,
)

# Starting a cluster and driving several browsers takes minutes on a busy 2-core machine.
pytestmark = [pytest.mark.cluster, pytest.mark.timeout(600)]


def test_session_opened_on_one_replica_is_joined_and_answered_on_the_other(cluster, new_context):
    trainer = new_context(cluster, replica="replica-1").new_page()
    code, projector_link = open_session(trainer, cluster.url)
    ask_next_question(trainer, 1)

    phones = [new_context(cluster, replica="replica-2").new_page() for _ in range(2)]
    for choice, phone in enumerate(phones):
        join(phone, cluster.url, code)
        answer(phone, 1, choice)
    projector = new_context(cluster, replica="replica-2").new_page()
    projector.goto(projector_link)
    expect_projector_counts(projector, joined=2, answered=2)
    # The trainer's console on replica-1 counts the answers given on replica-2.
    expect_projector_counts(trainer, joined=2, answered=2)

    assert replica_of(trainer.context) == "replica-1"
    assert [replica_of(page.context) for page in (*phones, projector)] == ["replica-2"] * 3
    assert stored(cluster.database_url(), code) == (2, {1: 2})
