"""`python -m components.room migrate`, which the start scripts run before serving."""
import sqlite3
import subprocess
import sys

from tests.conftest import ROOT


def _migrate(env_extra: dict[str, str], tmp_path) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "TRD_MAP_DATA_HOME": str(tmp_path), **env_extra}
    return subprocess.run([sys.executable, "-m", "components.room", "migrate"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_migrate_creates_the_schema_in_the_data_home(tmp_path):
    done = _migrate({}, tmp_path)
    assert done.returncode == 0, done.stderr
    tables = {row[0] for row in sqlite3.connect(tmp_path / "training-room.sqlite3")
              .execute("select name from sqlite_master where type='table'")}
    assert {"room_sessions", "room_participants", "room_answers", "room_channels",
            "room_alembic_version"} <= tables


def test_an_unreachable_database_is_reported_without_its_password(tmp_path):
    done = _migrate({"TRD_MAP_DATABASE_URL": "postgresql://trainer:hunter2@127.0.0.1:1/room"},
                    tmp_path)
    assert done.returncode == 1
    assert "not ready" in done.stderr and "127.0.0.1:1/room" in done.stderr
    assert "hunter2" not in done.stderr + done.stdout
