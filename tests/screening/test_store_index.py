"""The on-disk name index: built with each import, rebuilt once from the entries of an older store."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from desktop.screening.index import INDEX_VERSION
from desktop.screening.model import Alias, Entry
from desktop.screening.service import Screener
from desktop.screening.store import STORE_FILE, ListStore
from desktop.screening.types import PartyQuery

_OLD_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE lists (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, source TEXT NOT NULL, jurisdictions TEXT NOT NULL,
    as_of TEXT, entries INTEGER NOT NULL, sha256 TEXT NOT NULL, imported_at TEXT NOT NULL,
    format TEXT NOT NULL, confidence TEXT NOT NULL);
CREATE TABLE entries (
    list_id TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, countries TEXT NOT NULL,
    years TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (list_id, seq));
CREATE TABLE names (
    list_id TEXT NOT NULL, seq INTEGER NOT NULL, alias TEXT NOT NULL, strong INTEGER NOT NULL,
    tokens TEXT NOT NULL, scheme TEXT NOT NULL);
CREATE TABLE identifiers (list_id TEXT NOT NULL, seq INTEGER NOT NULL, value TEXT NOT NULL);
INSERT INTO meta VALUES ('schema', '1');
"""


def test_a_store_of_an_older_version_is_reindexed_from_its_entries(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / STORE_FILE)
    db.executescript(_OLD_SCHEMA)
    entry = Entry(
        id="47474",
        kind="organization",
        name="ALMAZYUVELIREKSPORT",
        aliases=[Alias(name="Алмазювелирэкспорт")],
        countries=["RU"],
    )
    db.execute(
        "INSERT INTO lists VALUES (?,?,?,?,?,?,?,?,?,?)",
        (
            "OFAC-SDN",
            "OFAC SDN",
            "sdn.csv",
            '["US"]',
            "2025-12-01",
            1,
            "0" * 64,
            "2026-01-01T00:00:00",
            "csv",
            "P",
        ),
    )
    db.execute(
        "INSERT INTO entries VALUES (?,?,?,?,?,?)",
        ("OFAC-SDN", 0, "organization", '["RU"]', "[]", entry.model_dump_json()),
    )
    # a stale reading the old normaliser wrote: it must not survive the upgrade
    db.execute("INSERT INTO names VALUES ('OFAC-SDN', 0, 'x', 1, 'STALE', 'bgn')")
    db.commit()
    db.close()

    screener = Screener.open(tmp_path)
    hit = [m for m in screener.screen(PartyQuery(name="Алмазювелирэкспорт")) if m.list == "OFAC-SDN"]
    assert hit and hit[0].entry_id == "47474" and hit[0].exact
    assert screener.screen(PartyQuery(name="STALE")) == []
    check = sqlite3.connect(tmp_path / STORE_FILE)
    assert check.execute("SELECT value FROM meta WHERE key = 'index'").fetchone() == (str(INDEX_VERSION),)
    tables = {r[0] for r in check.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "names" not in tables and {"name_rows", "postings", "vocab", "deletes"} <= tables
    assert json.loads(check.execute("SELECT countries FROM entries").fetchone()[0]) == ["RU"]


def test_opening_a_store_reads_no_names(tmp_path: Path) -> None:
    store = ListStore.in_folder(tmp_path)
    store.close()
    screener = Screener.open(tmp_path)
    # the matcher is built on the first query and holds no row objects: its caches start empty
    assert screener.indexed_names() >= 1  # the bundled list, indexed in memory
    assert screener.screen(PartyQuery(name="ALROSA"))[0].strong


def test_a_reindex_that_fails_leaves_the_store_as_it_was(
    sanctions_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The re-index at open is one transaction, its dropped and created tables included."""
    from desktop.screening import store as store_module

    Screener.for_import(tmp_path).import_path(sanctions_data / "ofac/sdn-tiny-2025")
    with sqlite3.connect(tmp_path / STORE_FILE) as db:
        db.execute("UPDATE meta SET value = 'old' WHERE key = 'index'")
    db.close()
    before = (tmp_path / STORE_FILE).read_bytes()
    written = store_module.write_list

    def failing(*args: Any, **kwargs: Any) -> int:
        written(*args, **kwargs)
        raise RuntimeError("power cut")

    monkeypatch.setattr(store_module, "write_list", failing)
    with pytest.raises(RuntimeError, match="power cut"):
        ListStore.in_folder(tmp_path)
    assert (tmp_path / STORE_FILE).read_bytes() == before
    monkeypatch.undo()
    hits = Screener.open(tmp_path).screen(PartyQuery(name="Elvis Angus Logan Morey"))
    assert [m.entry_id for m in hits if m.list == "OFAC-SDN"] == ["10278"]
