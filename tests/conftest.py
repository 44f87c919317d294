"""Shared fixtures: paths to the real content and copies of it that a test may break."""
from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from components.content import ContentError, ContentSet, read_content

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"


@pytest.fixture(scope="session")
def content() -> ContentSet:
    """The shipped content, read once for every test that only looks at it."""
    return read_content(DATA_DIR)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/ that a test can edit without touching the real content."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def raw(edit: Callable[[str], str]) -> Callable[[str], str]:
    """Mark an edit for problems_after as working on the file's text rather than its parsed YAML."""
    edit.raw = True  # type: ignore[attr-defined]
    return edit


def problems_after(data_dir: Path, file: str, edit: Callable) -> list[str]:
    """Apply `edit` to the parsed YAML of one file (or to its text, for raw edits) and validate."""
    path = data_dir / file
    if getattr(edit, "raw", False):
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        edit(document)
        path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        read_content(data_dir)
    return [str(problem) for problem in caught.value.problems]


# ---------------------------------------------------------------- training-room databases


@pytest.fixture(scope="session")
def postgres_url():
    """A throwaway PostgreSQL server (scripts/postgres) for the whole test session, stopped after.

    Never skipped: without the server binaries the test fails and says how to install them.
    """
    import subprocess
    import tempfile

    if not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
        pytest.fail("PostgreSQL server binaries are missing (/usr/lib/postgresql/*/bin): "
                    "run scripts/setup --test", pytrace=False)
    directory = tempfile.mkdtemp(prefix="trd-map-postgres.", dir="/tmp")
    script = str(ROOT / "scripts" / "postgres")
    started = subprocess.run([script, "start", "--dir", directory], capture_output=True, text=True,
                             timeout=180, check=False)
    if started.returncode:
        pytest.fail(f"scripts/postgres could not start a server:\n{started.stderr}", pytrace=False)
    try:
        yield started.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run([script, "stop", directory], capture_output=True, timeout=180, check=False)


@pytest.fixture(scope="session")
def postgres_room_store(postgres_url):
    """One migrated training-room store on the test PostgreSQL server, shared by the session."""
    from components.room.store import open_store

    store = open_store(postgres_url)
    yield store
    store.engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def room_store(request, tmp_path):
    """A migrated training-room store: a fresh SQLite file, or the shared PostgreSQL database."""
    from components.room.store import open_store

    if request.param == "postgres":
        yield request.getfixturevalue("postgres_room_store")
        return
    store = open_store(f"sqlite+pysqlite:///{tmp_path / 'room.sqlite3'}")
    yield store
    store.engine.dispose()


@pytest.fixture(scope="session")
def browser():
    """The session's one headless Chromium (Debian's), shared by the browser and cluster tests:
    Playwright's sync API allows one instance per process, so it must be defined only here."""
    from playwright.sync_api import sync_playwright

    from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (scripts/setup --test)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
