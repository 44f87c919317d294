"""scripts/cluster stops everything it started when it is interrupted (Ctrl-C), PostgreSQL included."""
from __future__ import annotations

import signal
import socket
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.cluster.cluster import running_cluster

# Starting a cluster and driving several browsers takes minutes on a busy 2-core machine.
pytestmark = [pytest.mark.cluster, pytest.mark.timeout(600)]


def alive(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status")
    return status.exists() and "zombie" not in status.read_text()


def test_ctrl_c_stops_the_replica_the_balancer_and_postgres():
    with running_cluster(replicas=1) as cluster:
        postgres_dir = Path((cluster.run_dir / "postgres.dir").read_text().strip())
        postmaster = int((postgres_dir / "data" / "postmaster.pid").read_text().split()[0])
        started = [cluster.replica_pid("replica-1"),
                   int((cluster.run_dir / "haproxy.pid").read_text()), postmaster]
        assert all(alive(pid) for pid in started)

        cluster.process.send_signal(signal.SIGINT)
        assert cluster.process.wait(timeout=90) == 130
        assert [pid for pid in started if alive(pid)] == []
        assert not postgres_dir.exists()
        address = urlsplit(cluster.url)
        with socket.socket() as probe:
            assert probe.connect_ex((address.hostname, address.port)) != 0  # nobody listens
        assert "cluster stopped" in (cluster.run_dir / "cluster.out").read_text()
