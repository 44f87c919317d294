"""Start and stop a `streamlit run` on a free 127.0.0.1 port; shared by the browser tests and bench/."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_streamlit(script: Path, log: Path, env: dict[str, str] | None = None
                    ) -> tuple[subprocess.Popen, str]:
    """Serve `script` headless on loopback and wait for /_stcore/health; return (process, base url)."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script.name, "--server.address", "127.0.0.1",
         "--server.port", str(port), "--server.headless", "true",
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=script.parent, stdout=log.open("w"), stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})},
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {server.returncode}; see {log}")
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=1) as reply:
                if reply.read().strip() == b"ok":
                    return server, base_url
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("streamlit did not become healthy within a minute")


def stop_streamlit(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
