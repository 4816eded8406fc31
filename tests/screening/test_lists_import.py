"""Imports never lose data silently; publication dates come from the files, never from the clock."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from desktop.cli import run
from desktop.screening.errors import ImportRefusedError
from desktop.screening.importers import read_path
from desktop.screening.service import Screener
from desktop.screening.store import STORE_FILE, ListStore
from desktop.screening.types import PartyQuery
from tests.screening.conftest import lists_status

NOW = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
UN_FILE = "un/UN_consolidated_2026-02-27.xml"


def _clock() -> datetime:
    return NOW


def _un_variant(
    sanctions_data: Path, target: Path, *, generated: str | None = None, keep: int | None = None
) -> Path:
    """The real UN file with another generation date and/or only its first `keep` individuals."""
    text = (sanctions_data / UN_FILE).read_text(encoding="utf-8")
    if generated is not None:
        text = text.replace('dateGenerated="2026-02-27T00:00:09.554Z"', f'dateGenerated="{generated}"', 1)
    if keep is not None:
        blocks = list(re.finditer(r"<INDIVIDUAL>.*?</INDIVIDUAL>\s*", text, re.S))
        for block in reversed(blocks[keep:]):
            text = text[: block.start()] + text[block.end() :]
        text = re.sub(r"<ENTITIES>.*?</ENTITIES>", "<ENTITIES/>", text, flags=re.S)
    target.write_text(text, encoding="utf-8")
    return target


@pytest.fixture
def with_un(sanctions_data: Path, data_dir: Path) -> Screener:
    screener = Screener.for_import(data_dir, clock=_clock)
    screener.import_path(sanctions_data / UN_FILE)
    return screener


EMPTY_FILES = {
    "un-bare.xml": "<CONSOLIDATED_LIST/>",
    "un-dated.xml": '<CONSOLIDATED_LIST dateGenerated="2027-01-01T00:00:00Z"><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>',
    "eu.xml": '<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2027-01-01T10:00:00"/>',
    "uk.xml": "<Designations><DateGenerated>01/01/2027</DateGenerated></Designations>",
}


@pytest.mark.parametrize("name", sorted(EMPTY_FILES))
def test_a_file_with_no_entries_is_refused(
    with_un: Screener, data_dir: Path, tmp_path: Path, name: str
) -> None:
    empty = tmp_path / name
    empty.write_text('<?xml version="1.0"?>' + EMPTY_FILES[name], encoding="utf-8")
    before = (data_dir / STORE_FILE).read_bytes()
    with pytest.raises(ImportRefusedError, match=r"the file has no entries") as caught:
        with_un.import_path(empty)
    assert "\n" not in str(caught.value)
    if name.startswith("un"):
        assert "would empty the loaded list (1003 entries)" in str(caught.value)
    assert (data_dir / STORE_FILE).read_bytes() == before
    # the UN-listed person still matches, in this screener and after reopening
    assert any(
        m.entry_id == "CFi.006" and m.list == "UN" for m in with_un.screen(PartyQuery(name="Oumar Younous"))
    )
    assert [i.entries for i in Screener.open(data_dir).lists() if i.id == "UN"] == [1003]


def test_far_fewer_entries_are_refused_then_forced_and_recorded(
    with_un: Screener, data_dir: Path, sanctions_data: Path, tmp_path: Path
) -> None:
    partial = _un_variant(
        sanctions_data, tmp_path / "partial.xml", generated="2026-03-01T00:00:00Z", keep=100
    )
    with pytest.raises(
        ImportRefusedError, match=r"UN: 100 entries would replace 1003 \(10\.0 % of them; under 50 %\)"
    ):
        with_un.import_path(partial)
    (info,) = with_un.import_path(partial, force=True)
    assert info.entries == 100 and info.forced is not None and "100 entries would replace 1003" in info.forced
    log = ListStore.in_folder(data_dir).import_log("UN")
    assert log[0]["forced"] == info.forced and log[0]["replaced_entries"] == 1003
    assert log[0]["replaced_publication_date"] == "2026-02-27" and log[1]["forced"] is None


def test_an_older_publication_is_refused(with_un: Screener, sanctions_data: Path, tmp_path: Path) -> None:
    older = _un_variant(sanctions_data, tmp_path / "older.xml", generated="2025-12-31T00:00:00Z")
    with pytest.raises(
        ImportRefusedError, match="UN: published 2025-12-31, older than the loaded copy published 2026-02-27"
    ):
        with_un.import_path(older)
    newer = _un_variant(sanctions_data, tmp_path / "newer.xml", generated="2026-03-15T00:00:00Z")
    (info,) = with_un.import_path(newer)
    assert (str(info.as_of), info.forced) == ("2026-03-15", None)
    with_un.import_path(newer)  # the same publication again is fine


def test_an_undated_file_does_not_replace_a_dated_list(data_dir: Path, tmp_path: Path) -> None:
    dated, undated = tmp_path / "dated.xml", tmp_path / "undated.xml"
    dated.write_text(_sdn_xml("03/04/2026", 3), encoding="utf-8")
    undated.write_text(_sdn_xml(None, 3), encoding="utf-8")
    screener = Screener.for_import(data_dir, clock=_clock)
    (info,) = screener.import_path(dated)
    assert (info.id, str(info.as_of)) == ("OFAC-SDN", "2026-03-04")  # MM/DD/YYYY, not 3 April
    with pytest.raises(
        ImportRefusedError, match="carries no publication date and the loaded copy is published 2026-03-04"
    ):
        screener.import_path(undated)


def test_publication_dates_come_from_content(sanctions_data: Path, tmp_path: Path) -> None:
    found = {
        p.id: p.as_of
        for rel in (
            UN_FILE,
            "eu/eu_fsf_excerpt_2026-08-05.xml",
            "uk/uk_sanctions_list_excerpt_2026-09-10.xml",
        )
        for p in read_path(sanctions_data / rel)
    }
    assert found == {"UN": date(2026, 2, 27), "EU-FSF": date(2026, 8, 5), "UK-SL": date(2026, 9, 10)}
    (ftm,) = read_path(sanctions_data / "opensanctions-ftm/yente_t1_eu_fsf_sample.ftm.json")
    assert ftm.as_of == date(2024, 6, 1)  # the export run's newest last_seen
    # the legacy OFAC CSV set has no date: today's file time must not become one
    fresh = tmp_path / "ofac"
    shutil.copytree(sanctions_data / "ofac/sdn-tiny-2025", fresh)
    for f in fresh.iterdir():
        os.utime(f, (NOW.timestamp(), NOW.timestamp()))
    (ofac,) = read_path(fresh)
    assert (ofac.id, ofac.as_of) == ("OFAC-SDN", None)


def test_an_undated_list_is_never_current(sanctions_data: Path, data_dir: Path) -> None:
    screener = Screener.for_import(data_dir, clock=_clock)
    screener.import_path(sanctions_data / "ofac/sdn-tiny-2025")
    rows, warnings = lists_status(data_dir, NOW.date())
    row = next(r for r in rows if r.info.id == "OFAC-SDN")
    assert (row.age_days, row.current) == (None, False)
    assert row.published == "publication date unknown, imported on 2026-12-05"
    assert (
        "list OFAC-SDN: publication date unknown, imported on 2026-12-05; it never counts as current"
        in warnings
    )
    doc = row.to_json()
    assert (doc["publication_date"], doc["as_of"], doc["imported_at"], doc["via"]) == (
        None,
        None,
        NOW.isoformat(),
        "file",
    )


def test_a_store_from_before_forgets_file_dates(sanctions_data: Path, data_dir: Path) -> None:
    """Earlier versions stored the CSV files' modification date as the as-of date: it is dropped on open."""
    Screener.for_import(data_dir, clock=_clock).import_path(sanctions_data / "ofac/sdn-tiny-2025")
    db = sqlite3.connect(data_dir / STORE_FILE)
    with db:
        db.execute("UPDATE lists SET as_of = '2026-12-01'")
        db.execute("DROP TABLE list_imports")
        db.execute("DELETE FROM meta WHERE key = 'list_imports'")
    db.close()
    (info,) = [i for i in Screener.open(data_dir).lists() if i.id == "OFAC-SDN"]
    assert (info.as_of, info.entries) == (None, 17)


def test_consolidated_xml_is_told_from_sdn_xml(tmp_path: Path) -> None:
    cons = tmp_path / "consolidated.xml"
    cons.write_text(_sdn_xml("12/01/2026", 4, programme="SSI"), encoding="utf-8")
    (parsed,) = read_path(cons)
    assert (parsed.id, parsed.format, str(parsed.as_of)) == (
        "OFAC-CONS",
        "OFAC consolidated XML",
        "2026-12-01",
    )


def test_cli_refusal_is_one_line_and_force_is_reported(
    sanctions_data: Path, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = ["--data-dir", str(data_dir)]
    assert run(["lists", "import", str(sanctions_data / UN_FILE), *folder]) == 0
    older = _un_variant(sanctions_data, tmp_path / "older.xml", generated="2025-12-31T00:00:00Z")
    capsys.readouterr()
    assert run(["lists", "import", str(older), *folder]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert err.startswith(
        "clearstone: import refused, loaded lists unchanged: UN: published 2025-12-31, older"
    )
    assert "--force" in err
    assert run(["lists", "import", str(older), "--force", "--json", *folder]) == 0
    imported = json.loads(capsys.readouterr().out)["imported"][0]
    assert imported["as_of"] == "2025-12-31" and "older than the loaded copy" in imported["forced"]
    assert run(["lists", "status", "--json", *folder]) == 0
    un = next(row for row in json.loads(capsys.readouterr().out)["lists"] if row["id"] == "UN")
    assert (
        un["publication_date"] == "2025-12-31"
        and un["forced"] == imported["forced"]
        and len(un["sha256"]) == 64
    )
    assert run(["lists", "status", *folder]) == 0
    text = capsys.readouterr().out
    assert (
        "UN          imported published 2025-12-31" in text
        and "FORCED: imported with --force over: UN:" in text
    )


def _sdn_xml(published: str | None, count: int, programme: str = "SDGT") -> str:
    info = (
        f"<publshInformation><Publish_Date>{published}</Publish_Date><Record_Count>{count}</Record_Count></publshInformation>"
        if published
        else ""
    )
    entries = "".join(
        f"<sdnEntry><uid>{1000 + n}</uid><lastName>TEST ENTITY {n}</lastName><sdnType>Entity</sdnType>"
        f"<programList><program>{programme}</program></programList></sdnEntry>"
        for n in range(count)
    )
    return f'<?xml version="1.0"?><sdnList xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML">{info}{entries}</sdnList>'
