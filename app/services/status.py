"""What the status bar shows about a workspace: changes waiting, last sync, and the server.

`probe_server` may block for up to its timeout (a TCP connect), so the UI calls it off its
thread; `workspace_status` only reads the local store.
"""

from __future__ import annotations

import datetime as dt
import socket
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from app.services.workspace import STATE_DEMO, STATE_SERVER_URL, Workspace
from app.sync import outbox

# Written by the sync (issue 4) after each completed exchange: an aware ISO-8601 instant.
STATE_LAST_SYNC_AT = "last_sync_at"


@dataclass(frozen=True, slots=True)
class WorkspaceStatus:
    """The workspace's sync status.

    Attributes:
        pending_changes: local changes not yet pushed.
        last_sync_at: when the last sync completed (UTC), None before the first.
        server_url: the central database's URL without its password, None when not set.
        demo: the workspace is the embedded demo.
    """

    pending_changes: int
    last_sync_at: dt.datetime | None
    server_url: str | None
    demo: bool


def workspace_status(workspace: Workspace) -> WorkspaceStatus:
    with workspace.session() as session:
        pending = outbox.pending_count(session)
    last_sync = workspace.state(STATE_LAST_SYNC_AT)
    server_url = workspace.state(STATE_SERVER_URL)
    return WorkspaceStatus(
        pending_changes=pending,
        last_sync_at=dt.datetime.fromisoformat(last_sync) if last_sync else None,
        server_url=_without_password(server_url) if server_url else None,
        demo=workspace.state(STATE_DEMO) == "1",
    )


def _without_password(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def probe_server(url: str | None, timeout_s: float = 2.0) -> bool:
    """Whether the central database can be reached now (a file for SQLite, a TCP connect else)."""
    if not url:
        return False
    try:
        parsed = make_url(url)
    except ArgumentError:
        return False
    if parsed.get_backend_name() == "sqlite":
        return parsed.database is not None and Path(parsed.database).is_file()
    host = parsed.host or "localhost"
    port = parsed.port or 5432
    try:
        with socket.create_connection((host, port), timeout=timeout_s):
            return True
    except OSError:
        return False
