"""Which replica served a browser session: one log line per new session, for operators of a cluster."""
from __future__ import annotations

import logging
import os
import socket
import sys

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

# scripts/cluster and compose.yaml name each replica; a lone `streamlit run` falls back to the host.
REPLICA_NAME = os.environ.get("TRD_MAP_REPLICA") or socket.gethostname()
_LOGGED_FLAG = "replica_session_logged"
_SHORT_ID_CHARS = 8

_log = logging.getLogger("trd_map.replica")
if not _log.handlers:
    # Streamlit configures only its own loggers; without a handler an INFO line would be dropped.
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%Y-%m-%dT%H:%M:%S%z"))
    _log.addHandler(_handler)
    _log.setLevel(logging.INFO)
    _log.propagate = False


def session_line(replica: str, session_id: str) -> str:
    """The log line an operator greps for: `replica=<name> session=<short id>`."""
    return f"replica={replica} session={session_id[:_SHORT_ID_CHARS]}"


def log_new_session() -> None:
    """Log once per browser session (not per rerun) the replica that holds it in memory."""
    if st.session_state.get(_LOGGED_FLAG):
        return
    st.session_state[_LOGGED_FLAG] = True
    context = get_script_run_ctx()
    if context is not None:
        _log.info(session_line(REPLICA_NAME, context.session_id))
