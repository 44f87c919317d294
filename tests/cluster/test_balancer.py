"""Through HAProxy: sessions spread over the replicas, each stays on its replica (cookie), and a
download, which lives in one replica's memory, comes back through the balancer."""
from __future__ import annotations

import csv
import io
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import Download, expect

from components.content import read_content
from components.ladder import filter_options
from tests.cluster.cluster import COOKIE
from tests.cluster.conftest import replica_of
from tests.conftest import DATA_DIR
from tests.e2e.conftest import wait_until_drawn

# Starting a cluster and driving several browsers takes minutes on a busy 2-core machine.
pytestmark = [pytest.mark.cluster, pytest.mark.timeout(600)]
SESSIONS = 4
OPTIONS = read_content(DATA_DIR).treatments.options
FAST = filter_options(OPTIONS, answers={"within_week": True})


def test_sessions_spread_over_both_replicas_and_each_replica_logs_its_own(cluster, new_context):
    logged_before = {name: len(cluster.session_ids(name)) for name in cluster.replica_names()}
    landed: list[str] = []
    for _ in range(SESSIONS):
        tab = new_context(cluster).new_page()
        tab.goto(f"{cluster.url}/map?node=tms")
        wait_until_drawn(tab)
        landed.append(replica_of(tab.context))

    assert sorted(set(landed)) == ["replica-1", "replica-2"], landed
    logged = {name: len(cluster.session_ids(name)) - logged_before[name] for name in logged_before}
    assert logged == {name: landed.count(name) for name in logged_before}, (landed, logged)
    # HAProxy's log names the replica of every request, the WebSocket included, and obeyed the
    # cookie once it was set (--VN) rather than balancing each request anew.
    streams = [line for line in cluster.balancer_log().splitlines() if "/_stcore/stream" in line]
    assert len(streams) >= SESSIONS
    assert all("replicas/replica-" in line and "--VN" in line for line in streams), streams


def download_filtered_ladder(tab) -> Download:
    """Filter the ladder table (a rerun over the WebSocket) and download its CSV."""
    tab.get_by_role("tab", name="Comparison table").click()
    tab.locator(".st-key-ladder_q_within_week").get_by_role("radio", name="Yes").click()
    expect(tab.get_by_text(f"Showing {len(FAST)} of {len(OPTIONS)} options")).to_be_visible()
    with tab.expect_download() as download_info:
        tab.locator(".st-key-ladder_csv button").click()
    return download_info.value


def test_download_comes_back_through_the_balancer_only_from_its_own_replica(cluster, new_context):
    for replica in ("replica-1", "replica-2"):
        tab = new_context(cluster, replica=replica).new_page()
        tab.goto(f"{cluster.url}/ladder")
        wait_until_drawn(tab)
        download = download_filtered_ladder(tab)
        assert download.suggested_filename == "trd-ladder.csv"
        rows = list(csv.DictReader(io.StringIO(download.path().read_text(encoding="utf-8"))))
        assert len(rows) == len(FAST) < len(OPTIONS) and "Full name" in rows[0]  # the filtered rows
        assert replica_of(tab.context) == replica

        if replica == "replica-1":
            # Why the cookie matters: before replica-2 has made this file, asking for it with
            # replica-2's cookie finds nothing, because Streamlit keeps downloads in the memory of
            # the replica that made them.
            request = urllib.request.Request(download.url,
                                             headers={"Cookie": f"{COOKIE}=replica-2"})
            with pytest.raises(urllib.error.HTTPError) as missing:
                urllib.request.urlopen(request, timeout=10)
            assert missing.value.code == 404
