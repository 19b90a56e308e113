"""An on-disk HTTP cache for conditional requests: a re-run asks "changed since?" and reuses the body.

One SQLite file (``responses.sqlite`` in the cache directory), keyed by URL (marked when the host
is sent elsewhere by ``resolve``, so a simulated page can never stand in for the real one). Only
complete 200 responses that carry an ETag or a Last-Modified date are kept; bodies are compressed.
Entries neither stored nor confirmed by a 304 for ``max_age_days`` (default 400: a quarterly audit
needs the previous quarter's) are dropped when the cache is opened.
The directory gets its own ``.gitignore`` so that a cache inside a repository is never committed.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

_FILE = "responses.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS responses (
    key TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    content_type TEXT NOT NULL,
    body BLOB NOT NULL,
    stored REAL NOT NULL
)
"""
_LOCK_WAIT = 1.0  # seconds; another process writing longer than this costs us a cache entry, not time
_DAY = 86_400.0


@dataclass(frozen=True)
class CachedResponse:
    etag: str | None
    last_modified: str | None
    content_type: str
    body: bytes

    def validators(self) -> dict[str, str]:
        """The headers of a conditional request for this response."""
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


class HttpCache:
    """Stored responses by key; every failure of the store itself is logged and ignored."""

    def __init__(self, directory: Path | str, *, max_age_days: float = 400) -> None:
        self.directory = Path(directory)
        self._db: sqlite3.Connection | None = None
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            ignore = self.directory / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# Created by camthuy-audit: the HTTP cache is never committed.\n*\n")
            # Autocommit: no write lock is held between two responses, so two audits sharing the
            # cache (a scheduled run and a clerk's `check`) never wait on each other for long.
            self._db = sqlite3.connect(self.directory / _FILE, timeout=_LOCK_WAIT, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(_SCHEMA)
            self._db.execute("DELETE FROM responses WHERE stored < ?", (time.time() - max_age_days * _DAY,))
        except (OSError, sqlite3.Error) as exc:
            log.warning("HTTP cache unavailable in %s: %s", self.directory, exc)
            self._db = None

    def get(self, key: str) -> CachedResponse | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute(
                "SELECT etag, last_modified, content_type, body FROM responses WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            return CachedResponse(row[0], row[1], row[2], zlib.decompress(row[3]))
        except (sqlite3.Error, zlib.error) as exc:
            log.warning("HTTP cache read failed for %s: %s", key, exc)
            return None

    def put(self, key: str, *, etag: str | None, last_modified: str | None, content_type: str,
            body: bytes) -> None:
        if self._db is None or not (etag or last_modified):
            return
        try:
            self._db.execute(
                "INSERT OR REPLACE INTO responses (key, etag, last_modified, content_type, body, stored) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (key, etag, last_modified, content_type, zlib.compress(body, 6), time.time()))
        except sqlite3.Error as exc:
            log.warning("HTTP cache write failed for %s: %s", key, exc)

    def touch(self, key: str) -> None:
        """The server confirmed the stored response (304): keep it as if stored now."""
        if self._db is None:
            return
        try:
            self._db.execute("UPDATE responses SET stored = ? WHERE key = ?", (time.time(), key))
        except sqlite3.Error as exc:
            log.warning("HTTP cache update failed for %s: %s", key, exc)

    def close(self) -> None:
        if self._db is None:
            return
        with contextlib.suppress(sqlite3.Error):
            self._db.close()
        self._db = None
