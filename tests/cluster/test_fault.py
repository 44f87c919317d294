"""A replica dies in the middle of a live training-room session: the phones it held carry on through
the balancer on the other replica as the same participants, and no stored answer is lost."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.cluster.cluster import Cluster, running_cluster
from tests.cluster.conftest import replica_of
from tests.cluster.room_flow import (
    answer,
    ask_next_question,
    close_answers,
    expect_projector_counts,
    expect_stored,
    join,
    open_session,
    stored,
)

# Starting a cluster and driving several browsers takes minutes on a busy 2-core machine.
pytestmark = [pytest.mark.cluster, pytest.mark.timeout(600)]
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'

# Set once Streamlit's "Connecting" badge has appeared on the page (its WebSocket was lost).
WATCH_CONNECTION = """
window.__connectionLost = false;
new MutationObserver(() => {
  if (document.querySelector('[data-testid="stConnectionStatus"]')) window.__connectionLost = true;
}).observe(document, {subtree: true, childList: true});
"""


@pytest.fixture(scope="module")
def doomed_cluster() -> Iterator[Cluster]:
    """A cluster of its own: this test kills one of its replicas."""
    with running_cluster(replicas=2) as running:
        yield running


def lost_connection(page: Page) -> bool:
    return page.evaluate("window.__connectionLost")


def test_replica_crash_loses_no_answer_and_its_phones_carry_on_on_the_other(doomed_cluster,
                                                                             new_context):
    cluster = doomed_cluster

    def person(replica: str) -> Page:
        context = new_context(cluster, replica=replica)
        context.add_init_script(WATCH_CONNECTION)
        return context.new_page()

    trainer = person("replica-1")
    code, projector_link = open_session(trainer, cluster.url)
    ask_next_question(trainer, 1)
    projector = person("replica-1")
    projector.goto(projector_link)
    stayers = [person("replica-1") for _ in range(2)]
    movers = [person("replica-2") for _ in range(2)]
    phones = stayers + movers
    addresses = [join(phone, cluster.url, code) for phone in phones]
    for number, phone in enumerate(phones):
        answer(phone, 1, number % 2)
    expect_projector_counts(projector, joined=4, answered=4)
    assert [replica_of(phone.context) for phone in phones] == ["replica-1"] * 2 + ["replica-2"] * 2
    for page in (trainer, projector, *phones):
        page.evaluate("window.__connectionLost = false")  # the first connection may show it
    sessions_on_survivor = len(cluster.session_ids("replica-1"))

    cluster.crash_replica("replica-2")

    # The phones replica-2 held notice, reconnect through the balancer, land on replica-1 (the
    # balancer's cookie now says so, and replica-1 logs their new browser sessions) and show the
    # answer the database kept for the participant named in their address.
    for phone in movers:
        phone.wait_for_function("window.__connectionLost", timeout=60_000)
    moved = cluster.wait_for_sessions("replica-1", sessions_on_survivor + len(movers))
    assert len(moved) == sessions_on_survivor + len(movers)
    for number, phone in enumerate(movers, start=2):
        expect(phone.get_by_test_id("stConnectionStatus")).to_have_count(0)
        phone.wait_for_selector(IDLE, state="attached")  # the first run on replica-1 is over
        expect_stored(phone, number % 2)
        assert replica_of(phone.context) == "replica-1"
    assert [phone.url for phone in phones] == addresses
    expect_projector_counts(projector, joined=4, answered=4)  # nobody lost, nobody counted twice

    # The session goes on: a second question, answered by everyone, the movers included.
    close_answers(trainer)
    ask_next_question(trainer, 2)
    for number, phone in enumerate(phones):
        answer(phone, 2, (number + 1) % 2)
    expect_projector_counts(projector, joined=4, answered=4)
    assert stored(cluster.database_url(), code) == (4, {1: 4, 2: 4})

    # Those on the surviving replica saw nothing of it: no reconnect, same replica throughout.
    assert [lost_connection(page) for page in (trainer, projector, *stayers)] == [False] * 4
    assert {replica_of(page.context) for page in (trainer, projector, *stayers)} == {"replica-1"}
