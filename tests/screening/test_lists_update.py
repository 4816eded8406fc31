"""`lists update`: official files fetched from a loopback mirror; every network fault a one-line refusal."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.cli import run
from desktop.screening.errors import (
    DownloadCancelledError,
    DownloadError,
    ImportRefusedError,
    ListFormatError,
)
from desktop.screening.service import Screener
from desktop.screening.sources import load_sources
from desktop.screening.store import STORE_FILE
from desktop.screening.types import PartyQuery
from desktop.screening.update import update_lists
from desktop.service import lists as service
from tests.screening.conftest import lists_status
from tests.screening.listserver import ListServer, serving

NOW = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
UN_FILE = "un/UN_consolidated_2026-02-27.xml"
EU_FILE = "eu/eu_fsf_excerpt_2026-08-05.xml"
UK_FILE = "uk/uk_sanctions_list_excerpt_2026-09-10.xml"


@pytest.fixture
def older_un(sanctions_data: Path, tmp_path: Path) -> Path:
    """The UN list with an earlier generation date (and one entry fewer): an older publication."""
    text = (sanctions_data / UN_FILE).read_text(encoding="utf-8")
    older = tmp_path / "un-older.xml"
    older.write_text(
        text.replace('dateGenerated="2026-02-27', 'dateGenerated="2025-11-03', 1), encoding="utf-8"
    )
    return older


@pytest.fixture
def server(sanctions_data: Path, older_un: Path) -> Iterator[ListServer]:
    files = {
        "un.xml": sanctions_data / UN_FILE,
        "eu.xml": sanctions_data / EU_FILE,
        "uk.xml": sanctions_data / UK_FILE,
    }
    with serving({**files, "un-older.xml": older_un}) as running:
        yield running


def _snapshot(data_dir: Path) -> tuple[bytes, list[str]]:
    """The store's bytes and every file name under the data folder: "untouched" means both are equal."""
    store = data_dir / STORE_FILE
    names = sorted(str(p.relative_to(data_dir)) for p in data_dir.rglob("*"))
    return (store.read_bytes() if store.exists() else b""), names


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_sources_file_names_every_official_list_over_https() -> None:
    sources = load_sources()
    assert [s.id for s in sources] == ["OFAC-SDN", "OFAC-CONS", "UN", "EU-FSF", "UK-SL"]
    assert all(s.url.startswith("https://") and s.page.startswith("https://") for s in sources)
    assert all(s.max_mb <= 150 for s in sources)


def test_update_from_a_loopback_mirror_installs_and_records(server: ListServer, data_dir: Path) -> None:
    seen: list[tuple[str, int, int]] = []
    result = service.update(
        data_dir,
        now=NOW,
        overrides=[
            f"UN={server.url('files/un.xml')}",
            f"EU-FSF={server.url('files/eu.xml')}",
            f"uk-sl={server.url('files/uk.xml')}",
        ],
        progress=lambda list_id, done, total: seen.append((list_id, done, total)),
    )
    assert [(o.source.id, o.status) for o in result.outcomes] == [
        ("UN", "updated"),
        ("EU-FSF", "updated"),
        ("UK-SL", "updated"),
    ]
    assert [str(o.info.as_of) for o in result.outcomes] == ["2026-02-27", "2026-08-05", "2026-09-10"]
    assert result.outcomes[0].info.source_url == server.url("files/un.xml")
    assert result.rescreen.report is None  # no register yet: nothing to re-screen
    # progress: per list, growing, ending at the announced size
    un = [(d, t) for i, d, t in seen if i == "UN"]
    assert un and un[-1][0] == un[-1][1] == (server.files["un.xml"]).stat().st_size
    assert [d for d, _ in un] == sorted(d for d, _ in un)
    reopened = Screener.open(data_dir)
    info = {i.id: i for i in reopened.lists()}
    assert (info["UN"].via, info["UN"].entries, info["UN"].forced) == ("update", 1003, None)
    assert any(
        m.entry_id == "CFi.006" and m.list == "UN" for m in reopened.screen(PartyQuery(name="Oumar Younous"))
    )
    assert not list(data_dir.glob(".list-update-*"))  # the download folder is gone
    # the same files again: nothing to install
    again = service.update(data_dir, now=NOW, overrides=[f"UN={server.url('files/un.xml')}"])
    assert [(o.source.id, o.status) for o in again.outcomes] == [("UN", "unchanged")]


def _source(server: ListServer, path: str, **changes: object) -> object:
    un = next(s for s in load_sources() if s.id == "UN")
    return un.model_copy(update={"url": server.url(path), **changes})


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("stall", r"UN: 127\.0\.0\.1 sent nothing for 1 s; stopped"),
        ("status/404", r"UN: 127\.0\.0\.1 answered HTTP 404 .* for http://"),
        ("status/503", r"answered HTTP 503"),
        ("truncate/un.xml", r"closed after [\d,]+ of [\d,]+ bytes: incomplete"),
        ("html", r"sent a web page, not a list file"),
        ("html-as-xml", r"sent a web page, not a list file"),
        ("empty", r"sent an empty file"),
        ("endless", r"sent more than the 3 MB cap; stopped"),
        ("files/eu.xml", r"UN from 127\.0\.0\.1: the file is the EU-FSF list, not UN"),
        ("redirect?to=http://example.com/un.xml", r"plain http:// is refused for example\.com"),
    ],
)
def test_every_fault_is_one_line_and_changes_nothing(
    server: ListServer, data_dir: Path, sanctions_data: Path, path: str, message: str
) -> None:
    screener = Screener.for_import(data_dir)
    screener.import_path(sanctions_data / EU_FILE)
    before = _snapshot(data_dir)
    started = time.monotonic()
    with pytest.raises((DownloadError, ListFormatError)) as caught:
        update_lists(screener, [_source(server, path, max_mb=3)], timeout=1.0)  # type: ignore[list-item]
    assert time.monotonic() - started < 10
    text = str(caught.value)
    assert re.search(message, text) and "\n" not in text
    assert _snapshot(data_dir) == before
    assert [i.id for i in Screener.open(data_dir).lists()] == ["CS-DIAMOND", "EU-FSF"]


def test_one_failed_source_installs_none(server: ListServer, data_dir: Path) -> None:
    Screener.for_import(data_dir)
    before = _snapshot(data_dir)
    with pytest.raises(DownloadError, match=r"EU-FSF: .*HTTP 404"):
        service.update(
            data_dir,
            now=NOW,
            overrides=[f"UN={server.url('files/un.xml')}", f"EU-FSF={server.url('status/404')}"],
        )
    assert _snapshot(data_dir) == before


def test_cancel_stops_between_blocks(server: ListServer, data_dir: Path) -> None:
    screener = Screener.for_import(data_dir)
    calls = iter([False, False, True])
    with pytest.raises(DownloadCancelledError, match="cancelled; nothing was changed"):
        update_lists(screener, [_source(server, "files/un.xml")], cancel=lambda: next(calls, True))  # type: ignore[list-item]
    assert [i.id for i in Screener.open(data_dir).lists()] == ["CS-DIAMOND"]


def test_an_older_publication_is_refused_then_forced_and_recorded(server: ListServer, data_dir: Path) -> None:
    service.update(data_dir, now=NOW, overrides=[f"UN={server.url('files/un.xml')}"])
    with pytest.raises(
        ImportRefusedError, match="UN: published 2025-11-03, older than the loaded copy published 2026-02-27"
    ):
        service.update(data_dir, now=NOW, overrides=[f"UN={server.url('files/un-older.xml')}"])
    assert str(Screener.open(data_dir).loaded("UN").as_of) == "2026-02-27"  # type: ignore[union-attr]
    forced = service.update(
        data_dir, now=NOW, overrides=[f"UN={server.url('files/un-older.xml')}"], force=True
    )
    assert (
        forced.outcomes[0].info.forced is not None
        and "older than the loaded copy" in forced.outcomes[0].info.forced
    )
    _rows, warnings = lists_status(data_dir, NOW.date())
    assert any("UN was imported with --force over: UN: published 2025-11-03" in w for w in warnings)


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("UN=http://example.com/consolidated.xml", "plain http:// is refused for example.com"),
        ("UN=ftp://127.0.0.1/un.xml", "only https:// URLs are fetched, not ftp"),
        ("UN=file:///etc/passwd", "only https:// URLs are fetched, not file"),
        ("XX=https://example.com/x.xml", "unknown list id 'XX'"),
    ],
)
def test_cli_refuses_bad_sources_before_any_connection(
    data_dir: Path, capsys: pytest.CaptureFixture[str], option: str, message: str
) -> None:
    code, out, err = _cli(capsys, "lists", "update", "--source", option, "--data-dir", str(data_dir))
    assert code == 2 and out == ""
    assert err.startswith("clearstone: update failed, loaded lists unchanged: ") and message in err
    assert err.count("\n") == 1


@pytest.mark.parametrize("path", ["stall", "status/404", "truncate/un.xml", "html", "endless"])
def test_cli_faults_exit_2_with_one_line(
    server: ListServer, data_dir: Path, sanctions_data: Path, capsys: pytest.CaptureFixture[str], path: str
) -> None:
    assert run(["lists", "import", str(sanctions_data / UN_FILE), "--data-dir", str(data_dir)]) == 0
    capsys.readouterr()
    before = _snapshot(data_dir)
    code, out, err = _cli(
        capsys,
        "lists",
        "update",
        "--source",
        f"UN={server.url(path)}",
        "--timeout",
        "1",
        "--data-dir",
        str(data_dir),
    )
    assert code == 2 and out == ""
    lines = [line for line in err.splitlines() if not line.startswith("clearstone: downloading")]
    assert len(lines) == 1 and lines[0].startswith("clearstone: update failed, loaded lists unchanged: UN: ")
    assert _snapshot(data_dir) == before


def test_cli_update_rescreens_the_register_and_reports_new_hits(
    server: ListServer, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.lotfactory import lot_data

    lot = lot_data(
        counterparty__name="Haji Khairullah Haji Sattar Money Exchange", counterparty__country="AF"
    )
    lot_file = tmp_path / "lot.json"
    lot_file.write_text(json.dumps(lot), encoding="utf-8")
    assert run(["check", str(lot_file), "--data-dir", str(data_dir), "--json"]) == 0
    capsys.readouterr()
    code, out, err = _cli(
        capsys,
        "lists",
        "update",
        "--source",
        f"UN={server.url('files/un.xml')}",
        "--data-dir",
        str(data_dir),
        "--json",
    )
    assert code == 0, err
    doc = json.loads(out)
    assert doc["lists"][0]["status"] == "updated" and doc["lists"][0]["publication_date"] == "2026-02-27"
    hits = doc["rescreen"]["new_hits"]
    assert [(h["list"], h["entry_id"], h["role"]) for h in hits] == [("UN", "TAe.010", "counterparty")]
    # text output names the hit too; an unchanged second run does not re-screen
    code, out, _ = _cli(
        capsys, "lists", "update", "--source", f"UN={server.url('files/un.xml')}", "--data-dir", str(data_dir)
    )
    assert code == 0 and "unchanged" in out and "re-screened" not in out
