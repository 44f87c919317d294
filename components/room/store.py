"""The training-room database: SQLite under TRD_MAP_DATA_HOME by default, PostgreSQL when
TRD_MAP_DATABASE_URL is set; migrations applied when a store opens; outages raise StoreUnavailable.

Everything a live session needs is in the database, so any number of app replicas sharing one
PostgreSQL database serve the same session. Only this module writes SQL.
"""
from __future__ import annotations

import datetime as dt
import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.util.exc import CommandError
from sqlalchemy.dialects import postgresql, sqlite

from components.room.errors import StoreUnavailable
from components.room.tables import answers, channels, participants, sessions

DATABASE_URL_ENV = "TRD_MAP_DATABASE_URL"
DATA_HOME_ENV = "TRD_MAP_DATA_HOME"
RETENTION_ENV = "TRD_MAP_ROOM_RETENTION_HOURS"
DEFAULT_RETENTION_HOURS = 24.0
DEFAULT_DATA_HOME = Path(__file__).resolve().parents[2] / "var"
SQLITE_FILE = "training-room.sqlite3"
BUSY_TIMEOUT_MS = 5000
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# pg_advisory_xact_lock key (any fixed 64-bit number): replicas starting together migrate in turn.
MIGRATION_LOCK_KEY = 7_319_200_114
DOWN_MESSAGE = ("The training room's database cannot be reached just now, so nothing was saved. "
                "The rest of TRD Map works as usual; try again in a moment.")


@dataclass(frozen=True)
class SessionRow:
    id: int
    join_code: str
    title: str
    questions: str            # JSON, see questions.questions_to_json
    trainer_hash: str
    phase: str
    question_number: int      # 0 before the first question
    created_at: dt.datetime
    phase_changed_at: dt.datetime
    expires_at: dt.datetime


@dataclass(frozen=True)
class ParticipantRow:
    session: SessionRow
    joined: bool              # whether this participant token joined this session
    current_choice: int | None  # their answer to the session's current question, if any


@dataclass(frozen=True)
class ChannelRow:
    code: str
    talk_param: str
    presenter_hash: str
    slide_number: int
    expires_at: dt.datetime


class Store(Protocol):
    """What the session rules need from a database; SqlStore is the one implementation."""

    def create_session(self, join_code: str, title: str, questions: str, trainer_hash: str,
                       now: dt.datetime, expires_at: dt.datetime, talk_param: str | None = None
                       ) -> bool:
        """Insert a session in the lobby; False (nothing written) if the join code is taken.

        With a talk, also a presenter channel under the same code, moved with the trainer token.
        """

    def find_session(self, join_code: str) -> SessionRow | None: ...

    def move_session(self, session_id: int, from_phases: tuple[str, ...], from_number: int,
                     to_phase: str, to_number: int, now: dt.datetime) -> bool:
        """Change phase/question only if the session is still where the caller saw it."""

    def add_participant(self, session_id: int, token_hash: str, now: dt.datetime) -> None: ...

    def find_session_for(self, join_code: str, participant_hash: str) -> ParticipantRow | None:
        """The session with this code as one participant sees it, in one query."""

    def record_answer(self, session_id: int, question_number: int, participant_hash: str,
                      choice: int, now: dt.datetime) -> bool:
        """Store or replace an answer, atomically with the check that this question is still open;
        False (nothing written) if it closed meanwhile."""

    def choice_counts(self, session_id: int) -> dict[int, dict[int, int]]:
        """{question number: {choice: how many chose it}} over the whole session."""

    def participant_count(self, session_id: int) -> int: ...

    def delete_expired(self, now: dt.datetime) -> int:
        """Delete sessions (with their participants and answers) and channels past expiry."""

    def delete_session(self, session_id: int) -> None:
        """Delete one session now, with its participants, answers and channel."""

    def create_channel(self, code: str, talk_param: str, presenter_hash: str,
                       expires_at: dt.datetime) -> bool: ...

    def find_channel(self, code: str) -> ChannelRow | None: ...

    def set_channel_slide(self, code: str, slide_number: int) -> None: ...


def utc(moment: dt.datetime) -> dt.datetime:
    """SQLite hands times back without a zone; every time here is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


class SqlStore:
    """The store over one SQLAlchemy engine (SQLite or PostgreSQL)."""

    def __init__(self, engine: sa.Engine):
        self.engine = engine
        is_sqlite = engine.dialect.name == "sqlite"
        self._insert = sqlite.insert if is_sqlite else postgresql.insert
        # SQLite has one writer at a time. Queuing this process's writers on a lock keeps them in
        # order; left to SQLite's busy handler, which sleeps and retries, one unlucky answer among
        # sixty at once can wait past the busy timeout while later ones get through.
        self._write_turn = _sqlite_write_lock(engine.url.database) if is_sqlite else nullcontext()

    @contextmanager
    def _reading(self) -> Iterator[sa.Connection]:
        with _available(), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def _writing(self) -> Iterator[sa.Connection]:
        with _available(), self._write_turn, self.engine.connect() as conn:
            conn.execution_options(room_write=True)
            with conn.begin():
                yield conn

    # ------------------------------------------------------------ sessions

    def create_session(self, join_code, title, questions, trainer_hash, now, expires_at,
                       talk_param=None) -> bool:
        with self._writing() as conn:
            # A code already used by a session fails the insert (unique), even one another
            # replica takes at this very moment; one used by a stand-alone channel is checked here.
            if conn.execute(sa.select(channels.c.code).where(channels.c.code == join_code)).first():
                return False
            try:
                with conn.begin_nested():
                    conn.execute(sessions.insert().values(
                        join_code=join_code, title=title, questions=questions,
                        trainer_hash=trainer_hash, phase="lobby", question_number=0,
                        created_at=now, phase_changed_at=now, expires_at=expires_at))
                    if talk_param is not None:
                        conn.execute(channels.insert().values(
                            code=join_code, talk_param=talk_param, presenter_hash=trainer_hash,
                            slide_number=0, expires_at=expires_at))
            except sa.exc.IntegrityError:
                return False
            return True

    def find_session(self, join_code) -> SessionRow | None:
        with self._reading() as conn:
            row = conn.execute(_SESSION_BY_CODE, {"code": join_code}).first()
        return _session_row(row) if row else None

    def find_session_for(self, join_code, participant_hash) -> ParticipantRow | None:
        # One query for what a phone polls every second or two: the session, whether this token
        # joined it, and its answer to the current question.
        with self._reading() as conn:
            row = conn.execute(_SESSION_FOR_PARTICIPANT,
                               {"code": join_code, "participant": participant_hash}).first()
        if row is None:
            return None
        return ParticipantRow(_session_row(row), row.joined_hash is not None, row.current_choice)

    def move_session(self, session_id, from_phases, from_number, to_phase, to_number, now) -> bool:
        with self._writing() as conn:
            moved = conn.execute(
                sessions.update()
                .where(sessions.c.id == session_id, sessions.c.phase.in_(from_phases),
                       sessions.c.question_number == from_number)
                .values(phase=to_phase, question_number=to_number, phase_changed_at=now))
            return moved.rowcount == 1

    # ------------------------------------------------------------ participants and answers

    def add_participant(self, session_id, token_hash, now) -> None:
        with self._writing() as conn:
            conn.execute(participants.insert().values(session_id=session_id, token_hash=token_hash,
                                                      joined_at=now))

    def record_answer(self, session_id, question_number, participant_hash, choice, now) -> bool:
        with self._writing() as conn:
            # FOR SHARE on PostgreSQL: answers wait for a close in progress and a close waits for
            # answers in progress, so none lands after its question closed. SQLite's BEGIN
            # IMMEDIATE already serialises writers.
            state = conn.execute(
                sa.select(sessions.c.phase, sessions.c.question_number)
                .where(sessions.c.id == session_id).with_for_update(read=True)).first()
            if state is None or state.phase != "open" or state.question_number != question_number:
                return False
            values = {"session_id": session_id, "question_number": question_number,
                      "participant_hash": participant_hash, "choice": choice, "answered_at": now}
            statement = self._insert(answers).values(**values)
            conn.execute(statement.on_conflict_do_update(
                index_elements=["session_id", "question_number", "participant_hash"],
                set_={"choice": choice, "answered_at": now}))
            return True

    def choice_counts(self, session_id) -> dict[int, dict[int, int]]:
        with self._reading() as conn:
            rows = conn.execute(
                sa.select(answers.c.question_number, answers.c.choice, sa.func.count())
                .where(answers.c.session_id == session_id)
                .group_by(answers.c.question_number, answers.c.choice)).all()
        counts: dict[int, dict[int, int]] = {}
        for number, choice, count in rows:
            counts.setdefault(number, {})[choice] = count
        return counts

    def participant_count(self, session_id) -> int:
        with self._reading() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(participants)
                                .where(participants.c.session_id == session_id)).scalar_one()

    def delete_expired(self, now) -> int:
        with self._writing() as conn:
            deleted = _delete_sessions(conn, sessions.c.expires_at <= now)
            conn.execute(channels.delete().where(channels.c.expires_at <= now))
            return deleted

    def delete_session(self, session_id) -> None:
        with self._writing() as conn:
            code = sa.select(sessions.c.join_code).where(sessions.c.id == session_id)
            conn.execute(channels.delete().where(channels.c.code.in_(code)))
            _delete_sessions(conn, sessions.c.id == session_id)

    # ------------------------------------------------------------ presenter channels

    def create_channel(self, code, talk_param, presenter_hash, expires_at) -> bool:
        with self._writing() as conn:
            if conn.execute(sa.select(sessions.c.id).where(sessions.c.join_code == code)).first():
                return False
            try:
                with conn.begin_nested():
                    conn.execute(channels.insert().values(code=code, talk_param=talk_param,
                                                          presenter_hash=presenter_hash,
                                                          slide_number=0, expires_at=expires_at))
            except sa.exc.IntegrityError:
                return False
            return True

    def find_channel(self, code) -> ChannelRow | None:
        with self._reading() as conn:
            row = conn.execute(sa.select(channels).where(channels.c.code == code)).first()
        if row is None:
            return None
        return ChannelRow(**{**row._asdict(), "expires_at": utc(row.expires_at)})

    def set_channel_slide(self, code, slide_number) -> None:
        with self._writing() as conn:
            conn.execute(channels.update().where(channels.c.code == code)
                         .values(slide_number=slide_number))


_sqlite_write_locks: dict[str, threading.Lock] = {}
_sqlite_write_locks_lock = threading.Lock()


def _sqlite_write_lock(database: str | None) -> threading.Lock:
    """One lock per SQLite file in this process, shared by every store open on that file."""
    with _sqlite_write_locks_lock:
        return _sqlite_write_locks.setdefault(str(Path(database or "").resolve()), threading.Lock())


_SESSION_BY_CODE = sa.select(sessions).where(sessions.c.join_code == sa.bindparam("code"))
_SESSION_FOR_PARTICIPANT = (
    sa.select(sessions, participants.c.token_hash.label("joined_hash"),
              answers.c.choice.label("current_choice"))
    .select_from(sessions)
    .outerjoin(participants, sa.and_(participants.c.session_id == sessions.c.id,
                                     participants.c.token_hash == sa.bindparam("participant")))
    .outerjoin(answers, sa.and_(answers.c.session_id == sessions.c.id,
                                answers.c.question_number == sessions.c.question_number,
                                answers.c.participant_hash == sa.bindparam("participant")))
    .where(sessions.c.join_code == sa.bindparam("code")))
_SESSION_FIELDS = tuple(column.name for column in sessions.columns)


def _delete_sessions(conn: sa.Connection, which: sa.ColumnElement[bool]) -> int:
    # Children first: SQLite enforces the cascade only where foreign keys are switched on.
    chosen = sa.select(sessions.c.id).where(which)
    conn.execute(answers.delete().where(answers.c.session_id.in_(chosen)))
    conn.execute(participants.delete().where(participants.c.session_id.in_(chosen)))
    return conn.execute(sessions.delete().where(which)).rowcount


def _session_row(row: sa.Row) -> SessionRow:
    values = {name: getattr(row, name) for name in _SESSION_FIELDS}
    for name in ("created_at", "phase_changed_at", "expires_at"):
        values[name] = utc(values[name])
    return SessionRow(**values)


@contextmanager
def _available() -> Iterator[None]:
    """Turn any database outage into StoreUnavailable; constraint errors are bugs and stay loud."""
    try:
        yield
    except sa.exc.IntegrityError:
        raise
    except (sa.exc.DBAPIError, sa.exc.TimeoutError, OSError) as error:
        raise StoreUnavailable(DOWN_MESSAGE) from error


# ---------------------------------------------------------------- opening a store


def database_url() -> str:
    """TRD_MAP_DATABASE_URL (PostgreSQL, driven by psycopg 3) or the SQLite file in the data home."""
    configured = os.environ.get(DATABASE_URL_ENV, "").strip()
    if configured:
        for prefix in ("postgres://", "postgresql://"):
            if configured.startswith(prefix):
                return "postgresql+psycopg://" + configured.removeprefix(prefix)
        return configured
    return f"sqlite+pysqlite:///{data_home() / SQLITE_FILE}"


def retention_hours() -> float:
    """TRD_MAP_ROOM_RETENTION_HOURS (default 24): a session and its answers last this long.

    A value that is not a positive number (under a year) falls back to the default rather than
    keeping answers longer than intended or stopping the app.
    """
    try:
        hours = float(os.environ.get(RETENTION_ENV, "").strip() or DEFAULT_RETENTION_HOURS)
    except ValueError:
        return DEFAULT_RETENTION_HOURS
    return hours if 0 < hours < 24 * 365 else DEFAULT_RETENTION_HOURS


def data_home() -> Path:
    return Path(os.environ.get(DATA_HOME_ENV, "").strip() or DEFAULT_DATA_HOME)


def open_store(url: str) -> SqlStore:
    """An engine for `url` with the schema migrated to the newest revision.

    StoreUnavailable if the URL is not an SQLite or PostgreSQL one, or the database cannot be
    reached, created or migrated (a schema newer than this code included).
    """
    try:
        backend = sa.make_url(url).get_backend_name()
    except sa.exc.ArgumentError:
        backend = ""
    if backend not in ("sqlite", "postgresql"):
        raise StoreUnavailable(f"{DATABASE_URL_ENV} must be a PostgreSQL URL "
                               "(postgresql://user:password@host:5432/database).")
    with _available():
        engine = _sqlite_engine(url) if backend == "sqlite" else _postgres_engine(url)
        try:
            migrate(engine)
        except BaseException as error:
            engine.dispose()  # a failed start leaves no pooled connections behind
            if isinstance(error, CommandError):  # e.g. migrated by a newer release of the app
                raise StoreUnavailable(f"The training room's database schema does not match this "
                                       f"version of TRD Map ({error}).") from error
            raise
    return SqlStore(engine)


def _sqlite_engine(url: str) -> sa.Engine:
    path = Path(sa.make_url(url).database or "")
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy's begin event below issue BEGIN itself (pysqlite's own is deferred).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL still survives the app crashing at any point; only a power cut or an
        # OS crash may undo the last commits. FULL would add an fsync to every answer, and sixty
        # answers arriving together then take over a second to store one after another.
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        # A writer takes the write lock up front, so two writers queue (busy_timeout) instead of
        # one failing midway on a lock upgrade; readers never block in WAL mode.
        immediate = conn.get_execution_options().get("room_write")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _postgres_engine(url: str) -> sa.Engine:
    return sa.create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10,
                            pool_timeout=10, connect_args={"connect_timeout": 5})


def migrate(engine: sa.Engine) -> None:
    """Apply the migrations in migrations/ up to head, one process at a time.

    PostgreSQL: a transaction-scoped advisory lock, so replicas starting at once migrate in turn
    (the later ones find the schema at head). SQLite: a lock file beside the database.
    """
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
        return
    lock_path = Path(engine.url.database or "").with_suffix(".migrate-lock")
    with open(lock_path, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with engine.connect() as conn:
            conn.execution_options(room_write=True)
            with conn.begin():
                config.attributes["connection"] = conn
                command.upgrade(config, "head")


_stores: dict[str, SqlStore] = {}
_stores_lock = threading.Lock()


def get_store() -> SqlStore:
    """The process-wide store for the configured database, opened (and migrated) on first use.

    A failed opening is not remembered, so the room comes back once the database does.
    """
    url = database_url()
    with _stores_lock:
        if url not in _stores:
            _stores[url] = open_store(url)
        return _stores[url]
