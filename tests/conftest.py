"""Shared fixtures: paths to the real content and copies of it that a test may break."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/ that a test can edit without touching the real content."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target
