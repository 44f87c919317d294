"""Training room, shared by its three screens: the join link and its QR code, the footer a
frameless screen draws, and the plain notices a room shows when its database is out of reach."""
from __future__ import annotations

import ipaddress
import os
from html import escape
from urllib.parse import urlencode, urlsplit

import segno
import streamlit as st

from components.content import ContentSet

PUBLIC_URL_ENV = "TRD_MAP_PUBLIC_URL"
JOIN_PAGE = "join"
SCREEN_PAGE = "room-screen"
ROOM_PAGE = "room"
QR_PX = 420  # read from the back of a teaching room; the projector page gives it a third


def public_base_url(configured: str | None, request_url: str, base_path: str = "") -> str:
    """Where phones reach this app: TRD_MAP_PUBLIC_URL when set (behind a proxy the server cannot
    know its public name), else the scheme and host this browser used, plus Streamlit's base path."""
    if configured and configured.strip():
        return configured.strip().rstrip("/")
    parts = urlsplit(request_url)
    path = "/" + base_path.strip("/") if base_path.strip("/") else ""
    return f"{parts.scheme}://{parts.netloc}{path}"


def page_link_url(base_url: str, page: str, **params: str) -> str:
    """An absolute link to one of the room's pages with its query parameters."""
    query = urlencode(params)
    return f"{base_url}/{page}" + (f"?{query}" if query else "")


def join_link(base_url: str, join_code: str) -> str:
    return page_link_url(base_url, JOIN_PAGE, code=join_code)


def only_this_computer(url: str) -> bool:
    """True when a link names the loopback address: it works here, never from a phone."""
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def qr_svg(link: str, size_px: int = QR_PX) -> str:
    """The link as a QR code drawn here (segno, no web service), an SVG named by its link.

    Black on white whatever the theme: phone cameras read dark modules on a light ground best.
    """
    code = segno.make(link, error="m")
    svg = code.svg_inline(scale=1, border=4, dark="#000000", light="#ffffff", omitsize=True)
    label = escape(f"QR code of the join link {link}", quote=True)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" width="{size_px}" '
                                f'height="{size_px}" ', 1)


def current_base_url() -> str:
    """This app's public base URL for the current request (see public_base_url)."""
    return public_base_url(os.environ.get(PUBLIC_URL_ENV), st.context.url or "",
                           st.get_option("server.baseUrlPath") or "")


def render_qr(link: str, size_px: int = QR_PX) -> None:
    st.html(qr_svg(link, size_px), width="content")


def render_crisis_footer(content: ContentSet) -> None:
    """A frameless room screen carries the crisis line itself, at its foot."""
    st.divider()
    st.markdown(f":material/call: **{content.frame.crisis_line.text}**")


def render_store_unavailable(message: str) -> None:
    st.error(f"The training room cannot reach its database, so no session can be opened, shown "
             f"or answered right now. {message} Everything else in TRD Map still works.",
             icon=":material/cloud_off:")
