"""The training-room store: migrations from an empty database (and several replicas starting at
once), answers from many threads and connections, and outages reported as StoreUnavailable."""
from __future__ import annotations

import datetime as dt
import os
import secrets
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from components.room import service
from components.room import store as room_store_module
from components.room.errors import RoomError, StoreUnavailable
from components.room.store import open_store
from components.room.tables import VERSION_TABLE, metadata

ROOT = Path(__file__).resolve().parents[2]
QUESTION_IDS = ["adequacy-how-long", "half-working-ssri"]
ROOM_TABLES = {"room_sessions", "room_participants", "room_answers", "room_channels", VERSION_TABLE}


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def fresh_postgres_database(postgres_url: str) -> str:
    """A new, empty database on the test server; its URL."""
    url = sa.make_url(postgres_url)
    name = f"room_{secrets.token_hex(4)}"
    with psycopg.connect(host=url.host, port=url.port, user=url.username, password=url.password,
                         dbname=url.database, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return url.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_database_url(request, tmp_path) -> str:
    if request.param == "postgres":
        return fresh_postgres_database(request.getfixturevalue("postgres_url"))
    return sqlite_url(tmp_path / "fresh" / "room.sqlite3")  # the folder does not exist yet either


# ---------------------------------------------------------------- migrations


def test_migrations_build_the_schema_from_an_empty_database(empty_database_url):
    store = open_store(empty_database_url)
    try:
        with store.engine.connect() as conn:
            assert set(sa.inspect(conn).get_table_names()) >= ROOM_TABLES
            assert conn.execute(sa.text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar() == "0001"
            # The tables the code queries are exactly the ones the migrations made.
            assert compare_metadata(MigrationContext.configure(
                conn, opts={"version_table": VERSION_TABLE}), metadata) == []
        open_store(empty_database_url).engine.dispose()  # a second start finds it at head
    finally:
        store.engine.dispose()


def test_replicas_starting_together_migrate_once_and_all_start(empty_database_url):
    results: list[object] = []

    def start() -> None:
        try:
            opened = open_store(empty_database_url)
            results.append(opened)
        except Exception as error:  # the assertion below names it
            results.append(error)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert all(isinstance(r, room_store_module.SqlStore) for r in results) and len(results) == 4, results
    with results[0].engine.connect() as conn:
        assert conn.execute(sa.text(f"SELECT count(*) FROM {VERSION_TABLE}")).scalar() == 1
    for opened in results:
        opened.engine.dispose()


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    store = open_store(sqlite_url(tmp_path / "room.sqlite3"))
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL: safe in WAL
    store.engine.dispose()


def test_the_database_is_configured_by_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("TRD_MAP_DATABASE_URL", raising=False)
    monkeypatch.delenv("TRD_MAP_DATA_HOME", raising=False)
    assert room_store_module.database_url() == sqlite_url(ROOT / "var" / "training-room.sqlite3")
    monkeypatch.setenv("TRD_MAP_DATA_HOME", str(tmp_path))
    assert room_store_module.database_url() == sqlite_url(tmp_path / "training-room.sqlite3")
    monkeypatch.setenv("TRD_MAP_DATABASE_URL", "postgresql://u:p@db.internal:5432/trd")
    assert room_store_module.database_url() == "postgresql+psycopg://u:p@db.internal:5432/trd"
    for value, hours in (("", 24), ("6", 6), ("0.5", 0.5), ("-1", 24), ("soon", 24), ("0", 24)):
        monkeypatch.setenv("TRD_MAP_ROOM_RETENTION_HOURS", value)
        assert room_store_module.retention_hours() == hours


# ---------------------------------------------------------------- many phones at once


def test_concurrent_answers_from_threads_and_connections_are_all_counted(room_store, content):
    """Three engines (as three replicas would have) and 24 phones answering and changing their
    answers at once; the trainer closes the question midway. Every answer that was accepted is in
    the tallies as its phone's last one, and none is accepted once the close returned."""
    url = room_store.engine.url.render_as_string(hide_password=False)
    replicas = [room_store, open_store(url), open_store(url)]
    opened = service.open_session(room_store, "Busy room",
                                  service.questions_from_ids(content, QUESTION_IDS))
    phones = [service.join(replicas[i % 3], opened.code) for i in range(24)]
    service.next_question(room_store, opened.code, opened.trainer_token, at_question=0)
    accepted: dict[str, int] = {}
    late: list[str] = []
    unexpected: list[BaseException] = []
    closed_at = {"time": float("inf")}
    lock = threading.Lock()

    def answer_repeatedly(phone: str, replica) -> None:
        for round_number in range(6):
            choice = (round_number + len(phone)) % 4
            started = time.monotonic()
            try:
                service.submit_answer(replica, opened.code, phone, "adequacy-how-long", choice)
            except RoomError:
                continue
            except BaseException as error:
                unexpected.append(error)
                return
            with lock:
                accepted[phone] = choice
                if started > closed_at["time"]:
                    late.append(phone)

    threads = [threading.Thread(target=answer_repeatedly, args=(p, replicas[i % 3]))
               for i, p in enumerate(phones)]
    for thread in threads:
        thread.start()
    time.sleep(0.3)
    service.close_question(room_store, opened.code, opened.trainer_token, at_question=1)
    closed_at["time"] = time.monotonic()
    for thread in threads:
        thread.join(timeout=120)
    assert not unexpected and not late
    state = service.trainer_view(room_store, opened.code, opened.trainer_token)
    assert state.answered == len(accepted) > 0
    expected = [list(accepted.values()).count(choice) for choice in range(4)]
    assert list(state.counts) == expected
    for replica in replicas[1:]:
        replica.engine.dispose()


# ---------------------------------------------------------------- outages


def test_a_data_home_that_cannot_be_created_makes_the_store_unavailable(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.delenv("TRD_MAP_DATABASE_URL", raising=False)
    monkeypatch.setenv("TRD_MAP_DATA_HOME", str(blocker / "var"))
    with pytest.raises(StoreUnavailable, match="cannot be reached"):
        room_store_module.get_store()
    monkeypatch.setenv("TRD_MAP_DATA_HOME", str(tmp_path / "var"))  # fixed: the room comes back
    assert room_store_module.get_store().find_session("AAAAAAAA") is None


def make_unwritable(path: Path) -> list[str]:
    """Make a file unwritable, for root too (immutable, as file modes do not bind root); the
    command that undoes it."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        return ["chmod", "644", str(path)]
    subprocess.run(["chattr", "+i", str(path)], check=True)
    return ["chattr", "-i", str(path)]


def test_an_unwritable_sqlite_file_raises_store_unavailable_and_stores_nothing(tmp_path, content):
    database = tmp_path / "room.sqlite3"
    store = open_store(sqlite_url(database))
    opened = service.open_session(store, "Room", service.questions_from_ids(content, QUESTION_IDS))
    phone = service.join(store, opened.code)
    service.next_question(store, opened.code, opened.trainer_token, at_question=0)
    store.engine.dispose()  # the next connection opens the file afresh, as after a restart
    with store.engine.connect() as conn:  # fold the WAL back in, so the file alone holds the data
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.engine.dispose()
    undo = make_unwritable(database)
    try:
        with pytest.raises(StoreUnavailable):
            service.submit_answer(store, opened.code, phone, "adequacy-how-long", 1)
        with pytest.raises(StoreUnavailable):
            service.open_session(store, "Another", service.questions_from_ids(content, QUESTION_IDS))
    finally:
        subprocess.run(undo, check=True)
        store.engine.dispose()
    assert service.trainer_view(store, opened.code, opened.trainer_token).answered == 0
    service.submit_answer(store, opened.code, phone, "adequacy-how-long", 1)  # back: stored
    assert service.trainer_view(store, opened.code, opened.trainer_token).answered == 1
    store.engine.dispose()


@pytest.mark.postgres
def test_a_stopped_postgres_server_raises_store_unavailable(postgres_url, content):
    """Its own server, since this test stops it."""
    directory = tempfile.mkdtemp(prefix="trd-map-postgres.", dir="/tmp")
    script = str(ROOT / "scripts" / "postgres")
    started = subprocess.run([script, "start", "--dir", directory], capture_output=True, text=True,
                             timeout=180, check=True)
    url = started.stdout.strip()
    try:
        store = open_store(url)
        opened = service.open_session(store, "Room", service.questions_from_ids(content, QUESTION_IDS))
        phone = service.join(store, opened.code)
        service.next_question(store, opened.code, opened.trainer_token, at_question=0)
    finally:
        subprocess.run([script, "stop", directory], capture_output=True, timeout=180, check=True)
    begun = time.monotonic()
    with pytest.raises(StoreUnavailable, match="nothing was saved"):
        service.submit_answer(store, opened.code, phone, "adequacy-how-long", 1)
    with pytest.raises(StoreUnavailable):
        service.trainer_view(store, opened.code, opened.trainer_token)
    with pytest.raises(StoreUnavailable):
        open_store(url)
    assert time.monotonic() - begun < 30  # said plainly and soon, not after a long hang
    store.engine.dispose()
    shutil.rmtree(directory, ignore_errors=True)


@pytest.mark.parametrize("url", ["mysql://u:p@localhost/trd", "not a url at all"])
def test_a_database_url_that_is_not_postgresql_is_refused_plainly(url):
    with pytest.raises(StoreUnavailable, match="must be a PostgreSQL URL"):
        open_store(url)


def test_a_schema_newer_than_the_code_is_reported_not_overwritten(tmp_path):
    url = sqlite_url(tmp_path / "room.sqlite3")
    open_store(url).engine.dispose()
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text(f"UPDATE {VERSION_TABLE} SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreUnavailable, match="does not match this version"):
        open_store(url)


def test_a_join_code_already_taken_is_not_reused(room_store):
    """Two sessions (even from two replicas at once) never share a code: the second insert fails
    cleanly and the service draws another code."""
    now = dt.datetime.now(dt.UTC)
    later = now + dt.timedelta(hours=1)
    code = "".join(secrets.choice("ABCDEFGH") for _ in range(8))
    assert room_store.create_session(code, "First", "[]", "a" * 64, now, later, "talk")
    assert not room_store.create_session(code, "Second", "[]", "b" * 64, now, later)
    assert not room_store.create_channel(code, "talk", "c" * 64, later)
    assert room_store.find_session(code).title == "First"
    assert room_store.find_channel(code).presenter_hash == "a" * 64


def test_a_session_refuses_phones_past_its_limit(room_store, content, monkeypatch):
    monkeypatch.setattr(service, "MAX_PARTICIPANTS", 3)
    opened = service.open_session(room_store, "Small", service.questions_from_ids(content, QUESTION_IDS))
    for _ in range(3):
        service.join(room_store, opened.code)
    with pytest.raises(RoomError, match="session is full"):
        service.join(room_store, opened.code)
    assert service.trainer_view(room_store, opened.code, opened.trainer_token).joined == 3


def test_the_app_shares_one_store_per_database(monkeypatch, tmp_path):
    monkeypatch.delenv("TRD_MAP_DATABASE_URL", raising=False)
    monkeypatch.setenv("TRD_MAP_DATA_HOME", str(tmp_path / "a"))
    first = room_store_module.get_store()
    assert room_store_module.get_store() is first
    monkeypatch.setenv("TRD_MAP_DATA_HOME", str(tmp_path / "b"))
    assert room_store_module.get_store() is not first
    assert (tmp_path / "b" / "training-room.sqlite3").exists()
