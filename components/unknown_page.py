"""Addresses that name no page (a typed /home, an old bookmark): which name was asked for, and the
notice shown on the map instead of Streamlit's "Page not found" dialog."""
from __future__ import annotations

import re
from collections.abc import Collection
from urllib.parse import urlparse

# Set by the stand-in page, read (once) by the frame on the map it switches to.
NOTICE_FLAG = "navigation_unknown_page"
NOTICE = ("There is no page at that address, so here is the TRD map, the app's home page. "
          "Every page is listed in the sidebar.")
# Names Streamlit accepts as a page's url_path; anything else keeps Streamlit's own handling.
_PAGE_NAME = re.compile(r"[A-Za-z0-9_.-]+")


def requested_page_name(url: str | None, base_url_path: str = "") -> str | None:
    """The page name an address asks for: 'home' in http://host/home, None at the app's root."""
    if not url:
        return None
    path = urlparse(url).path.strip("/")
    base = base_url_path.strip("/")
    if base and (path == base or path.startswith(f"{base}/")):
        path = path[len(base):].strip("/")
    return path or None


def unknown_page_name(url: str | None, base_url_path: str, known: Collection[str]) -> str | None:
    """The name asked for when no page has it (and it could be a page name), else None."""
    name = requested_page_name(url, base_url_path)
    if name is None or name in known or not _PAGE_NAME.fullmatch(name):
        return None
    return name
