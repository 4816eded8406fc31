"""The list store: imported lists in one SQLite file in the data folder, so start-up never re-parses files."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

from desktop.screening.errors import ListStoreError
from desktop.screening.importers.common import ParsedList
from desktop.screening.index import EntryMeta, NameRow, birth_years, entry_rows
from desktop.screening.model import Entry
from desktop.screening.normalize import identifier_keys
from desktop.screening.types import ListInfo

STORE_FILE = "screening-lists.sqlite3"
SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS lists (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, source TEXT NOT NULL, jurisdictions TEXT NOT NULL,
    as_of TEXT, entries INTEGER NOT NULL, sha256 TEXT NOT NULL, imported_at TEXT NOT NULL,
    format TEXT NOT NULL, confidence TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entries (
    list_id TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, countries TEXT NOT NULL,
    years TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (list_id, seq));
CREATE TABLE IF NOT EXISTS names (
    list_id TEXT NOT NULL, seq INTEGER NOT NULL, alias TEXT NOT NULL, strong INTEGER NOT NULL,
    tokens TEXT NOT NULL, scheme TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS names_list ON names (list_id);
CREATE TABLE IF NOT EXISTS identifiers (list_id TEXT NOT NULL, seq INTEGER NOT NULL, value TEXT NOT NULL);
"""


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

    def replace(self, parsed: ParsedList, imported_at: datetime) -> ListInfo:
        """Store `parsed` in place of any list with the same id, all or nothing."""
        names: list[tuple[str, int, str, int, str, str]] = []
        entries: list[tuple[str, int, str, str, str, str]] = []
        idents: list[tuple[str, int, str]] = []
        for seq, e in enumerate(parsed.entries):
            years = sorted(birth_years(e.birth_dates))
            entries.append(
                (parsed.id, seq, e.kind, json.dumps(e.countries), json.dumps(years), e.model_dump_json())
            )
            for row in entry_rows(seq, e):
                names.append((parsed.id, seq, row.alias, int(row.strong), " ".join(row.tokens), row.scheme))
            for ident in e.identifiers:
                for value in identifier_keys(ident.value):
                    idents.append((parsed.id, seq, value))
        try:
            with self._lock, self._db:
                for table in ("lists", "entries", "names", "identifiers"):
                    column = "id" if table == "lists" else "list_id"
                    self._db.execute(f"DELETE FROM {table} WHERE {column} = ?", (parsed.id,))
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
                self._db.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?)", entries)
                self._db.executemany("INSERT INTO names VALUES (?,?,?,?,?,?)", names)
                self._db.executemany("INSERT INTO identifiers VALUES (?,?,?)", idents)
        except sqlite3.Error as exc:
            raise ListStoreError(f"the list store {self.path} could not be written: {exc}") from None
        return next(info for info, _ in self.lists() if info.id == parsed.id)

    def index_parts(
        self, list_id: str, list_pos: int, ref_base: int
    ) -> tuple[list[NameRow], list[EntryMeta], dict[str, list[int]]]:
        """Rows, entry metadata and identifiers of one list, numbered from `ref_base`, without parsing entries."""
        with self._lock:
            return self._index_parts(list_id, list_pos, ref_base)

    def _index_parts(
        self, list_id: str, list_pos: int, ref_base: int
    ) -> tuple[list[NameRow], list[EntryMeta], dict[str, list[int]]]:
        metas = [
            EntryMeta(list_pos, seq, kind, frozenset(json.loads(c)), frozenset(json.loads(y)))
            for seq, kind, c, y in self._db.execute(
                "SELECT seq, kind, countries, years FROM entries WHERE list_id = ? ORDER BY seq", (list_id,)
            )
        ]
        rows = [
            NameRow(ref_base + seq, alias, bool(strong), tuple(tokens.split()), scheme)
            for seq, alias, strong, tokens, scheme in self._db.execute(
                "SELECT seq, alias, strong, tokens, scheme FROM names WHERE list_id = ?", (list_id,)
            )
        ]
        idents: dict[str, list[int]] = defaultdict(list)
        for seq, value in self._db.execute(
            "SELECT seq, value FROM identifiers WHERE list_id = ?", (list_id,)
        ):
            idents[value].append(ref_base + seq)
        return rows, metas, idents

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
