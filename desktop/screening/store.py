"""The list store: imported lists in one SQLite file in the data folder, so start-up never re-parses files."""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import date, datetime
from pathlib import Path

from desktop.screening.errors import ListStoreError
from desktop.screening.importers.common import ParsedList
from desktop.screening.index import INDEX_VERSION, create_tables, drop_index, write_list
from desktop.screening.model import Entry
from desktop.screening.types import ListInfo

STORE_FILE = "screening-lists.sqlite3"
SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS lists (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, source TEXT NOT NULL, jurisdictions TEXT NOT NULL,
    as_of TEXT, entries INTEGER NOT NULL, sha256 TEXT NOT NULL, imported_at TEXT NOT NULL,
    format TEXT NOT NULL, confidence TEXT NOT NULL);
"""
# Entries, identifiers and the name index: their tables are defined in desktop/screening/index.py.


class ListStore:
    """Imported lists, their entries and their pre-normalised names; each import replaces a list atomically."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        try:
            # the GUI screens on a worker thread: one connection, serialised by a lock
            self._db = sqlite3.connect(str(path), check_same_thread=False)
            self._db.executescript(_SCHEMA)
            self._db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            self._db.commit()
            self._ensure_index()
        except sqlite3.Error as exc:
            raise ListStoreError(f"the list store {path} cannot be opened: {exc}") from None

    @classmethod
    def in_folder(cls, data_dir: Path) -> ListStore:
        return cls(data_dir / STORE_FILE)

    def close(self) -> None:
        self._db.close()

    def lists(self) -> list[tuple[ListInfo, str]]:
        """Each stored list's info and the confidence its matches carry (P official, S aggregated)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT id, name, source, jurisdictions, as_of, entries, sha256, imported_at, confidence"
                " FROM lists ORDER BY id"
            ).fetchall()
        return [
            (
                ListInfo(
                    id=r[0],
                    name=r[1],
                    source=r[2],
                    jurisdictions=json.loads(r[3]),
                    as_of=date.fromisoformat(r[4]) if r[4] else None,
                    entries=r[5],
                    sha256=r[6],
                    imported_at=datetime.fromisoformat(r[7]),
                ),
                r[8],
            )
            for r in rows
        ]

    def _ensure_index(self) -> None:
        """Build the name index tables, or rebuild them from the stored entries after an upgrade.

        The index depends on the normalisation (INDEX_VERSION): a store written by an older version is
        re-indexed once, from its entries, in one transaction.
        """
        row = self._db.execute("SELECT value FROM meta WHERE key = 'index'").fetchone()
        if row is not None and row[0] == str(INDEX_VERSION):
            return
        with self._db:
            drop_index(self._db)
            create_tables(self._db)
            for (list_id,) in self._db.execute("SELECT id FROM lists ORDER BY id").fetchall():
                entries = (
                    Entry.model_validate_json(data)
                    for (data,) in self._db.execute(
                        "SELECT data FROM entries WHERE list_id = ? ORDER BY seq", (list_id,)
                    ).fetchall()
                )
                write_list(self._db, list_id, entries, with_entries=False)
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('index', ?)", (str(INDEX_VERSION),))

    def index_source(self) -> tuple[sqlite3.Connection, threading.Lock]:
        """The connection and lock a name index reads through (shared: one connection, one lock)."""
        return self._db, self._lock

    def replace(self, parsed: ParsedList, imported_at: datetime) -> ListInfo:
        """Store `parsed` in place of any list with the same id, all or nothing."""
        try:
            with self._lock, self._db:
                self._db.execute("DELETE FROM lists WHERE id = ?", (parsed.id,))
                self._db.execute(
                    "INSERT INTO lists VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (
                        parsed.id,
                        parsed.name,
                        parsed.source,
                        json.dumps(parsed.jurisdictions),
                        parsed.as_of.isoformat() if parsed.as_of else None,
                        len(parsed.entries),
                        parsed.sha256,
                        imported_at.isoformat(),
                        parsed.format,
                        parsed.confidence,
                    ),
                )
                write_list(self._db, parsed.id, parsed.entries)
        except sqlite3.Error as exc:
            raise ListStoreError(f"the list store {self.path} could not be written: {exc}") from None
        return next(info for info, _ in self.lists() if info.id == parsed.id)

    def seqs_of(self, list_id: str, entry_id: str) -> list[int]:
        """Positions of the entries with the list's own id `entry_id` (one, unless the file repeats it)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT seq FROM entries WHERE list_id = ? AND json_extract(data, '$.id') = ?",
                (list_id, entry_id),
            ).fetchall()
        return [r[0] for r in rows]

    def entry(self, list_id: str, seq: int) -> Entry:
        with self._lock:
            row = self._db.execute(
                "SELECT data FROM entries WHERE list_id = ? AND seq = ?", (list_id, seq)
            ).fetchone()
        if row is None:
            raise ListStoreError(f"entry {seq} of list {list_id} is missing from the store")
        return Entry.model_validate_json(row[0])
