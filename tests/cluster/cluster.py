"""Start and stop scripts/cluster from Python (replicas + HAProxy + PostgreSQL on loopback) and read
what it leaves in its run directory; shared by tests/cluster and bench/load.py."""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT
from tests.e2e.server import free_port

COOKIE = "TRD_MAP_REPLICA"
READY = re.compile(r"TRD Map cluster: (http://\S+)")
SESSION_LINE = re.compile(r"replica=(\S+) session=(\w+)")


@dataclass
class Cluster:
    url: str
    run_dir: Path
    process: subprocess.Popen

    def replica_names(self) -> list[str]:
        return sorted(path.stem for path in self.run_dir.glob("replica-*.pid"))

    def session_ids(self, replica: str) -> list[str]:
        """Short ids of the browser sessions a replica logged, oldest first."""
        log = (self.run_dir / f"{replica}.log").read_text(encoding="utf-8", errors="replace")
        return [match[2] for match in SESSION_LINE.finditer(log) if match[1] == replica]

    def wait_for_sessions(self, replica: str, count: int, timeout_s: float = 90) -> list[str]:
        """Wait until a replica has logged `count` browser sessions; return their ids."""
        deadline = time.monotonic() + timeout_s
        while len(ids := self.session_ids(replica)) < count and time.monotonic() < deadline:
            time.sleep(0.2)
        return ids

    def balancer_log(self) -> str:
        return (self.run_dir / "haproxy.log").read_text(encoding="utf-8", errors="replace")

    def database_url(self) -> str:
        """The PostgreSQL database scripts/cluster started (scripts/postgres writes its URL)."""
        server_dir = Path((self.run_dir / "postgres.dir").read_text().strip())
        return (server_dir / "url").read_text().strip()

    def replica_pid(self, replica: str) -> int:
        return int((self.run_dir / f"{replica}.pid").read_text())

    def crash_replica(self, replica: str) -> None:
        """Kill one replica outright (no goodbye to its browsers) and wait until it is gone."""
        pid = self.replica_pid(replica)
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and Path(f"/proc/{pid}").exists() \
                and "zombie" not in _process_state(pid):
            time.sleep(0.05)


def _process_state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:")[1].split("\n")[0]
    except (OSError, IndexError):
        return "zombie"


def start_cluster(run_dir: Path, replicas: int = 2, env: dict[str, str] | None = None,
                  timeout_s: float = 240) -> Cluster:
    """Run scripts/cluster as a newcomer would and wait until it prints its address."""
    run_dir.mkdir(parents=True, exist_ok=True)
    output = run_dir / "cluster.out"
    process = subprocess.Popen(
        [str(ROOT / "scripts" / "cluster"), "--replicas", str(replicas), "--port", str(free_port()),
         "--run-dir", str(run_dir)],
        cwd=ROOT, stdout=output.open("w"), stderr=subprocess.STDOUT, start_new_session=True,
        # Its own PostgreSQL, and links that name the balancer, whatever the caller's shell says.
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "TRD_MAP_DATABASE_URL": "",
             "TRD_MAP_PUBLIC_URL": "", **(env or {})},
    )
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        ready = READY.search(output.read_text(errors="replace"))
        if ready:
            return Cluster(ready[1], run_dir, process)
        if process.poll() is not None:
            break
        time.sleep(0.2)
    stop_cluster(Cluster("", run_dir, process))
    raise RuntimeError(f"scripts/cluster did not start:\n{output.read_text(errors='replace')[-3000:]}")


def stop_cluster(cluster: Cluster) -> None:
    """SIGTERM, as Ctrl-C would: the script's trap stops what it started. Then make sure."""
    if cluster.process.poll() is None:
        cluster.process.send_signal(signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            cluster.process.wait(timeout=60)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(cluster.process.pid, signal.SIGKILL)


@contextmanager
def running_cluster(replicas: int = 2) -> Iterator[Cluster]:
    """A cluster for the length of a `with` block, its run directory (logs) deleted after. The
    directory is not under pytest's temporary root: other pytest runs on the machine prune that."""
    run_dir = Path(tempfile.mkdtemp(prefix="trd-map-cluster."))
    cluster = start_cluster(run_dir, replicas=replicas)
    try:
        yield cluster
    finally:
        stop_cluster(cluster)
        shutil.rmtree(run_dir, ignore_errors=True)
