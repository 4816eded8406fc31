"""Autosaved checks in progress: scratch state kept beside the register, never in its audit chain.

The wizard saves its state every few hundred milliseconds of editing. That is not a record of anything the
dealer did (the chain records checks, decisions, attestations, imports and restores), so it lives in its own
small SQLite file: one row per draft, replaced on every save, deleted when the draft is discarded.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.service.errors import ServiceError

DRAFTS_FILE = "drafts.sqlite3"
MAX_DRAFT_BYTES = 5 * 1024 * 1024

_SCHEMA = """
CREATE TABLE IF NOT EXISTS drafts (
    key TEXT PRIMARY KEY,
    saved_at TEXT NOT NULL,
    json TEXT NOT NULL
)
"""


@dataclass(frozen=True)
class SavedDraft:
    key: str
    json_text: str
    saved_at: datetime


class DraftStore:
    """Opened per call: autosave is rare enough (debounced) that holding a connection buys nothing."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / DRAFTS_FILE

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self.path, timeout=5)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(_SCHEMA)
        except sqlite3.Error as exc:
            raise ServiceError(f"{self.path}: cannot keep the autosaved draft ({exc})") from None
        return conn

    def save(self, key: str, json_text: str, *, now: datetime) -> None:
        if len(json_text.encode("utf-8")) > MAX_DRAFT_BYTES:
            raise ServiceError(
                f"draft {key!r} is larger than {MAX_DRAFT_BYTES // (1024 * 1024)} MB; not saved"
            )
        try:
            json.loads(json_text)
        except json.JSONDecodeError as exc:
            raise ServiceError(f"draft {key!r} is not valid JSON ({exc.msg})") from None
        conn = self._connect()
        try:
            with conn:
                conn.execute(
                    "INSERT INTO drafts (key, saved_at, json) VALUES (?, ?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET saved_at = excluded.saved_at, json = excluded.json "
                    "WHERE drafts.json IS NOT excluded.json",
                    (key, now.isoformat(), json_text),
                )
        except sqlite3.Error as exc:
            raise ServiceError(f"{self.path}: cannot keep the autosaved draft ({exc})") from None
        finally:
            conn.close()

    def _rows(self, sql: str, params: tuple[str, ...] = ()) -> list[SavedDraft]:
        if not self.path.exists():
            return []
        conn = self._connect()
        try:
            return [SavedDraft(k, j, datetime.fromisoformat(t)) for k, t, j in conn.execute(sql, params)]
        except sqlite3.Error as exc:
            raise ServiceError(f"{self.path}: cannot read the autosaved drafts ({exc})") from None
        finally:
            conn.close()

    def pending(self) -> list[SavedDraft]:
        """Drafts not discarded, newest first: what to offer after a crash."""
        return self._rows("SELECT key, saved_at, json FROM drafts ORDER BY saved_at DESC")

    def latest(self, key: str) -> SavedDraft | None:
        found = self._rows("SELECT key, saved_at, json FROM drafts WHERE key = ?", (key,))
        return found[0] if found else None

    def discard(self, key: str) -> None:
        if not self.path.exists():
            return
        conn = self._connect()
        try:
            with conn:
                conn.execute("DELETE FROM drafts WHERE key = ?", (key,))
        except sqlite3.Error as exc:
            raise ServiceError(f"{self.path}: cannot discard the draft ({exc})") from None
        finally:
            conn.close()
