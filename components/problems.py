"""One thing wrong with the content, located as precisely as the YAML allows.

Its own module so that checks the loader runs (the crosswalk's among them) can report in the
loader's terms without importing the loader.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """A file, the entry in it, the field, and what is wrong."""

    file: str
    entry: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.entry}: {self.field}: {self.message}"
