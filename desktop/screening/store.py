"""The list store: imported lists in one SQLite file in the data folder, so start-up never re-parses files."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from desktop.fileio import create_private_file
from desktop.screening.errors import ListStoreError
from desktop.screening.importers.common import ParsedList, StreamedEntries
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
# Every import, kept: where a list came from, and when an import was forced over a refusal, what it overrode.
_IMPORTS_SCHEMA = """
CREATE TABLE IF NOT EXISTS list_imports (
    id INTEGER PRIMARY KEY AUTOINCREMENT, list_id TEXT NOT NULL, imported_at TEXT NOT NULL,
    sha256 TEXT NOT NULL, publication_date TEXT, entries INTEGER NOT NULL, source TEXT NOT NULL,
    source_url TEXT, via TEXT NOT NULL, forced TEXT, detail TEXT,
    replaced_sha256 TEXT, replaced_entries INTEGER, replaced_publication_date TEXT);
CREATE INDEX IF NOT EXISTS list_imports_list ON list_imports (list_id);
"""
# Before publication dates were read from content, legacy OFAC CSV sets got a file date as their as-of date.
_UNDATED_FORMATS = ("OFAC legacy CSV",)


@dataclass(frozen=True)
class ImportNote:
    """How a list arrived: `via` file | update | pack | bundled; the URL it came from; a forced override;
    `detail`, e.g. who signed the data pack it came in."""

    via: str = "file"
    source_url: str | None = None
    forced: str | None = None
    detail: str | None = None


class ListStore:
    """Imported lists, their entries and their pre-normalised names; each import replaces a list atomically."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.read_only = False
        self._lock = threading.Lock()
        try:
            # the GUI screens on a worker thread: one connection, serialised by a lock
            self._db = self._connect(path)
        except sqlite3.Error as exc:
            raise ListStoreError(f"the list store {path} cannot be opened: {exc}") from None

    def _connect(self, path: Path) -> sqlite3.Connection:
        """Read-write, creating and upgrading the tables; or read-only where the folder cannot be written (an
        auditor's copy on a USB stick): screening then reads the lists as they are."""
        if path.exists() and not _writable(path):
            return self._read_only(path)
        create_private_file(path)  # owner-only before SQLite creates it with the umask's mode
        db = sqlite3.connect(str(path), check_same_thread=False)
        try:
            db.executescript(_SCHEMA)
            db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            db.commit()
        except sqlite3.OperationalError as exc:
            db.close()
            if "readonly" not in str(exc):
                raise
            return self._read_only(path)
        self._db = db
        self._upgrade_list_metadata()
        self._ensure_index()
        return db

    def _read_only(self, path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        row = db.execute("SELECT value FROM meta WHERE key = 'index'").fetchone()
        if row is None or row[0] != str(INDEX_VERSION):
            db.close()
            raise sqlite3.OperationalError(
                "it was written by an older version and must be upgraded once in a folder that can be written"
            )
        self.read_only = True
        return db

    @classmethod
    def in_folder(cls, data_dir: Path) -> ListStore:
        return cls(data_dir / STORE_FILE)

    def close(self) -> None:
        self._db.close()

    def _upgrade_list_metadata(self) -> None:
        """Add the import log; forget file dates once recorded as publication dates (they never were)."""
        if self._db.execute("SELECT 1 FROM meta WHERE key = 'list_imports'").fetchone():
            return
        with self._db:
            self._db.executescript(_IMPORTS_SCHEMA)
            marks = ",".join("?" * len(_UNDATED_FORMATS))
            self._db.execute(f"UPDATE lists SET as_of = NULL WHERE format IN ({marks})", _UNDATED_FORMATS)
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('list_imports', '1')")

    def lists(self) -> list[tuple[ListInfo, str]]:
        """Each stored list's info and the confidence its matches carry (P official, S aggregated)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT l.id, l.name, l.source, l.jurisdictions, l.as_of, l.entries, l.sha256, l.imported_at,"
                " l.confidence, i.via, i.source_url, i.forced, l.format FROM lists l LEFT JOIN list_imports i"
                " ON i.id = (SELECT MAX(id) FROM list_imports WHERE list_id = l.id AND sha256 = l.sha256)"
                " ORDER BY l.id"
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
                    via=r[9],
                    source_url=r[10],
                    forced=r[11],
                    format=r[12],
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
            # explicitly: the sqlite3 module opens a transaction only before a DML statement, and the
            # tables dropped and created must come back with a rollback too (a large list, indexed in
            # bulk, drops its secondary indexes only inside a transaction)
            self._db.execute("BEGIN")
            drop_index(self._db)
            create_tables(self._db)
            for (list_id,) in self._db.execute("SELECT id FROM lists ORDER BY id").fetchall():
                (count,) = self._db.execute(
                    "SELECT COUNT(*) FROM entries WHERE list_id = ?", (list_id,)
                ).fetchone()
                # read as they are indexed (a million stored entries are never all in memory), and
                # counted first so that a large list is indexed as a large import is
                write_list(
                    self._db, list_id, StreamedEntries(count, self._stored(list_id)), with_entries=False
                )
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('index', ?)", (str(INDEX_VERSION),))

    def _stored(self, list_id: str) -> Callable[[], Iterator[Entry]]:
        def entries() -> Iterator[Entry]:
            for (data,) in self._db.execute(
                "SELECT data FROM entries WHERE list_id = ? ORDER BY seq", (list_id,)
            ):
                yield Entry.model_validate_json(data)

        return entries

    def index_source(self) -> tuple[sqlite3.Connection, threading.Lock]:
        """The connection and lock a name index reads through (shared: one connection, one lock)."""
        return self._db, self._lock

    def replace(self, parsed: ParsedList, imported_at: datetime, note: ImportNote | None = None) -> ListInfo:
        """Store `parsed` in place of any list with the same id, all or nothing."""
        return self.replace_all([(parsed, note or ImportNote())], imported_at)[0]

    def replace_all(
        self, items: Sequence[tuple[ParsedList, ImportNote]], imported_at: datetime
    ) -> list[ListInfo]:
        """Store every list (with its name index) in place of those with the same ids, in one transaction:
        all or nothing."""
        try:
            with self._lock, self._db:
                for parsed, note in items:
                    self._log_import(parsed, note, imported_at)
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
        stored = {info.id: info for info, _ in self.lists()}
        return [stored[parsed.id] for parsed, _ in items]

    def _log_import(self, parsed: ParsedList, note: ImportNote, imported_at: datetime) -> None:
        before = self._db.execute(
            "SELECT sha256, entries, as_of FROM lists WHERE id = ?", (parsed.id,)
        ).fetchone()
        self._db.execute(
            "INSERT INTO list_imports (list_id, imported_at, sha256, publication_date, entries, source,"
            " source_url, via, forced, detail, replaced_sha256, replaced_entries, replaced_publication_date)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                parsed.id,
                imported_at.isoformat(),
                parsed.sha256,
                parsed.as_of.isoformat() if parsed.as_of else None,
                len(parsed.entries),
                parsed.source,
                note.source_url,
                note.via,
                note.forced,
                note.detail,
                *(before or (None, None, None)),
            ),
        )

    def import_log(self, list_id: str | None = None) -> list[dict[str, object]]:
        """Every recorded import (newest first), for one list or all: the audit trail of forced overrides."""
        query = "SELECT * FROM list_imports" + (" WHERE list_id = ?" if list_id else "") + " ORDER BY id DESC"
        with self._lock:
            cursor = self._db.execute(query, (list_id,) if list_id else ())
            columns = [c[0] for c in cursor.description]
            return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

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


def _writable(path: Path) -> bool:
    """Whether SQLite can write the store here (the file, and its folder for the journal)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
