"""The Screener service: bundled list, S35's Cyrillic ALROSA, the store, atomic imports, bad queries."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from desktop.screening.errors import (
    ImportRefusedError,
    InvalidQueryError,
    ListFormatError,
    ScreeningError,
    UnsafeFileError,
)
from desktop.screening.service import Screener
from desktop.screening.store import STORE_FILE
from desktop.screening.types import PartyQuery
from tests.screening.conftest import lists_status

FIXED_NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _clock() -> datetime:
    return FIXED_NOW


def test_s35_cyrillic_alrosa_blocks_with_bindings(shared_dir: Path) -> None:
    import json

    lot = json.loads((shared_dir / "fixtures/lots/S35.lot.json").read_text(encoding="utf-8"))
    party = lot["counterparty"]
    screener = Screener.open(None)
    matches = screener.screen(PartyQuery(name=party["name"], kind=party["kind"], country=party["country"]))
    top = matches[0]
    assert (top.list, top.entry_id, top.name, top.strong, top.score) == (
        "CS-DIAMOND",
        "34644",
        "PJSC ALROSA",
        True,
        1.0,
    )
    by = {b.jurisdiction: b for b in top.bindings}
    assert {j: (str(b.listed_on), b.confidence) for j, b in by.items() if j in ("US", "UK", "EU")} == {
        "US": ("2022-04-07", "P"),
        "UK": ("2022-03-24", "S"),
        "EU": ("2024-01-03", "S"),
    }
    assert {by[j].confidence for j in ("JP", "CH", "AU")} == {"U"}
    assert {by[j].confidence for j in ("CA", "NZ")} == {"S"}
    assert "PAO" in top.why and "34644" in top.why


def test_open_without_data_dir_is_bundled_only_and_fast() -> None:
    import time

    started = time.perf_counter()
    screener = Screener.open(None)
    assert time.perf_counter() - started < 2.0
    (info,) = screener.lists()
    assert info.id == "CS-DIAMOND" and info.bundled
    rows, warnings = lists_status(None, date(2026, 12, 1))
    assert rows[0].age_days == 4 and rows[0].current
    assert any("no official list loaded for US, EU, UK, CA, JP, CH, AU, NZ" in w for w in warnings)


@pytest.mark.slow
def test_import_store_reopen_and_screen(sanctions_data: Path, data_dir: Path) -> None:
    screener = Screener.for_import(data_dir, clock=_clock)
    (info,) = screener.import_path(sanctions_data / "ofac/sdn-aliases-addresses-2025-12")
    assert (info.id, info.entries, info.imported_at) == ("OFAC-SDN", 8653, FIXED_NOW)
    reopened = Screener.open(data_dir)
    assert [i.id for i in reopened.lists()] == ["CS-DIAMOND", "OFAC-SDN"]
    matches = reopened.screen(PartyQuery(name="ПАО АЛРОСА", kind="organization"))
    ofac = next(m for m in matches if m.list == "OFAC-SDN")
    assert ofac.entry_id == "34644" and ofac.strong and ofac.jurisdictions == ["US"]
    assert ofac.bindings[0].confidence == "P"
    _rows, warnings = lists_status(data_dir, date(2026, 12, 1))
    assert any("EU, UK, CA, JP, CH, AU, NZ" in w for w in warnings)


def test_failed_import_leaves_loaded_lists_untouched(
    sanctions_data: Path, data_dir: Path, tmp_path: Path
) -> None:
    screener = Screener.for_import(data_dir, clock=_clock)
    screener.import_path(sanctions_data / "un/UN_consolidated_2026-02-27.xml")
    before = (data_dir / STORE_FILE).read_bytes()
    data = (sanctions_data / "un/UN_consolidated_2026-02-27.xml").read_bytes()
    truncated = tmp_path / "un-cut.xml"
    truncated.write_bytes(data[: len(data) - 5000])
    with pytest.raises(ListFormatError):
        screener.import_path(truncated)
    evil = tmp_path / "evil.xml"
    evil.write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><CONSOLIDATED_LIST/>'
    )
    with pytest.raises(UnsafeFileError):
        screener.import_path(evil)
    assert (data_dir / STORE_FILE).read_bytes() == before
    assert any(m.entry_id == "CFi.006" for m in screener.screen(PartyQuery(name="Oumar Younous")))
    assert [i.entries for i in Screener.open(data_dir).lists() if i.id == "UN"] == [1003]


@pytest.mark.parametrize("bulk", [False, True])
def test_a_failure_while_entries_are_written_leaves_the_loaded_list_untouched(
    sanctions_data: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch, bulk: bool
) -> None:
    """OFAC CSV entries are made while the store writes them: a failure then rolls the whole import back,
    also for a large list, whose import drops the secondary indexes to build them again at the end."""
    from desktop.screening import index
    from desktop.screening.importers import ofac_csv

    if bulk:
        monkeypatch.setattr(index, "_BULK_ENTRIES", 1000)
    screener = Screener.for_import(data_dir, clock=_clock)
    screener.import_path(sanctions_data / "ofac/sdn-tiny-2025")
    before = (data_dir / STORE_FILE).read_bytes()
    made = ofac_csv._entry
    calls = []

    def failing(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) > 5000:
            raise RuntimeError("disk gone")
        return made(*args, **kwargs)

    monkeypatch.setattr(ofac_csv, "_entry", failing)
    with pytest.raises(RuntimeError, match="disk gone"):
        screener.import_path(sanctions_data / "ofac/sdn-2021-07", force=True)
    assert len(calls) == 5001  # it failed midway, with 5,000 entries already written
    assert (data_dir / STORE_FILE).read_bytes() == before
    assert [(i.id, i.entries) for i in Screener.open(data_dir).lists()] == [
        ("CS-DIAMOND", 28),
        ("OFAC-SDN", 17),
    ]
    check = sqlite3.connect(data_dir / STORE_FILE)
    indexes = {name for (name,) in check.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    check.close()
    assert set(index._SECONDARY_INDEXES) <= indexes  # dropped by the failed import, restored by its rollback
    hits = Screener.open(data_dir).screen(PartyQuery(name="Elvis Angus Logan Morey"))
    assert [m.entry_id for m in hits if m.list == "OFAC-SDN"] == ["10278"]


@pytest.mark.slow
def test_reimport_replaces_the_list(sanctions_data: Path, data_dir: Path, tmp_path: Path) -> None:
    screener = Screener.for_import(data_dir, clock=_clock)
    screener.import_path(sanctions_data / "ofac/sdn-2021-07")
    tiny = tmp_path / "tiny"
    shutil.copytree(sanctions_data / "ofac/sdn-tiny-2025", tiny)
    with pytest.raises(ImportRefusedError, match="17 entries would replace 8976"):
        screener.import_path(tiny)  # 17 entries in place of 8,976: refused unless forced
    screener.import_path(tiny, force=True)
    assert [(i.id, i.entries) for i in Screener.open(data_dir).lists()] == [
        ("CS-DIAMOND", 28),
        ("OFAC-SDN", 17),
    ]
    assert not [m for m in screener.screen(PartyQuery(name="Dan Gertler")) if m.list == "OFAC-SDN"]


def test_progress_is_reported(sanctions_data: Path, data_dir: Path) -> None:
    seen: list[tuple[int, int]] = []
    Screener.for_import(data_dir).import_path(
        sanctions_data / "un/UN_consolidated_2026-02-27.xml", progress=lambda d, t: seen.append((d, t))
    )
    assert seen and seen[-1][0] == seen[-1][1] and all(d <= t for d, t in seen)


@pytest.mark.parametrize(
    ("name", "message"),
    [("", "empty"), ("   \x00\x07  ", "empty"), ("A" * 10_000, "10000 characters"), ("«»!!", "no letters")],
)
def test_bad_queries_are_refused(name: str, message: str) -> None:
    with pytest.raises(InvalidQueryError, match=message):
        Screener.open(None).screen(PartyQuery(name=name))


def test_control_characters_and_mixed_scripts_still_match() -> None:
    screener = Screener.open(None)
    hit = screener.screen(PartyQuery(name="ALROSA\x00PJSC\x1b"))  # control characters become spaces
    assert hit and hit[0].strong
    m = screener.screen(PartyQuery(name="Алroса"))  # Cyrillic with Latin o and a
    assert m and m[0].entry_id == "34644" and m[0].strong


def test_error_types_share_a_base() -> None:
    assert issubclass(InvalidQueryError, ScreeningError) and issubclass(ListFormatError, ScreeningError)


def test_open_then_import_creates_the_store(sanctions_data: Path, data_dir: Path) -> None:
    screener = Screener.open(data_dir, clock=_clock)
    assert not (data_dir / STORE_FILE).exists()  # opening never writes
    screener.import_path(sanctions_data / "eu/eu_fsf_excerpt_2026-08-05.xml")
    assert [i.id for i in screener.lists()] == ["CS-DIAMOND", "EU-FSF"]
    with pytest.raises(ScreeningError, match="no data folder"):
        Screener.open(None).import_path(sanctions_data / "eu/eu_fsf_excerpt_2026-08-05.xml")


def test_screening_from_another_thread(sanctions_data: Path, data_dir: Path) -> None:
    import threading

    Screener.for_import(data_dir).import_path(sanctions_data / "uk/uk_sanctions_list_excerpt_2026-09-10.xml")
    screener = Screener.open(data_dir)
    found: list[str] = []
    worker = threading.Thread(
        target=lambda: found.extend(m.entry_id for m in screener.screen(PartyQuery(name="BNK UK Limited")))
    )
    worker.start()
    worker.join()
    assert "BEL0107" in found
