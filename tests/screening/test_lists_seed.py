"""Lists bundled at build time: imported on first start, never over newer lists, cheap on every later start."""

from __future__ import annotations

import json
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.cli import run
from desktop.paths import resource_root
from desktop.screening.seed import MARKER, seed_bundled_lists, write_bundle
from desktop.screening.service import Screener
from desktop.screening.store import STORE_FILE

NOW = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
UN_FILE = "un/UN_consolidated_2026-02-27.xml"


@pytest.fixture(scope="module")
def bundle(sanctions_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("resources") / "official"
    write_bundle(
        [
            sanctions_data / UN_FILE,
            sanctions_data / "eu/eu_fsf_excerpt_2026-08-05.xml",
            sanctions_data / "ofac/sdn-tiny-2025",
        ],
        target,
        NOW,
    )
    return target


def test_write_bundle_reads_every_list_and_writes_a_manifest(bundle: Path) -> None:
    manifest = json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))
    assert [(i["id"], i["publication_date"], i["entries"]) for i in manifest["lists"]] == [
        ("UN", "2026-02-27", 1003),
        ("EU-FSF", "2026-08-05", 4),
        ("OFAC-SDN", None, 17),
    ]
    assert sorted(p.name for p in (bundle / "lists" / "OFAC-SDN").iterdir()) == [
        "add.csv",
        "alt.csv",
        "sdn.csv",
        "sdn_comments.csv",
    ]


def test_first_start_imports_the_bundle_and_later_starts_are_cheap(bundle: Path, data_dir: Path) -> None:
    messages = seed_bundled_lists(data_dir, bundle=bundle, clock=lambda: NOW)
    assert messages == [
        "imported the bundled UN list (published 2026-02-27, 1003 entries)",
        "imported the bundled EU-FSF list (published 2026-08-05, 4 entries)",
        "imported the bundled OFAC-SDN list (publication date unknown, 17 entries)",
    ]
    assert (data_dir / MARKER).is_file()
    infos = {i.id: i for i in Screener.open(data_dir).lists()}
    assert (infos["UN"].via, infos["UN"].entries) == ("bundled", 1003)
    store = (data_dir / STORE_FILE).read_bytes()
    started = time.perf_counter()
    assert seed_bundled_lists(data_dir, bundle=bundle) == []
    assert time.perf_counter() - started < 0.05
    assert (data_dir / STORE_FILE).read_bytes() == store


def test_newer_or_user_lists_are_never_replaced(
    bundle: Path, data_dir: Path, sanctions_data: Path, tmp_path: Path
) -> None:
    newer = tmp_path / "un-newer.xml"
    text = (sanctions_data / UN_FILE).read_text(encoding="utf-8")
    newer.write_text(
        text.replace('dateGenerated="2026-02-27', 'dateGenerated="2026-11-30', 1), encoding="utf-8"
    )
    screener = Screener.for_import(data_dir)
    screener.import_path(newer)
    screener.import_path(sanctions_data / "ofac/sdn-2021-07")  # the user's own (undated) SDN set
    messages = seed_bundled_lists(data_dir, bundle=bundle, clock=lambda: NOW)
    assert (
        "bundled list not imported: UN: the loaded copy (published 2026-11-30) is kept; the bundled one is not newer"
        in messages
    )
    assert any(
        m.startswith("bundled list not imported: OFAC-SDN: the loaded copy (imported ") for m in messages
    )
    assert "imported the bundled EU-FSF list (published 2026-08-05, 4 entries)" in messages
    infos = {i.id: i for i in Screener.open(data_dir).lists()}
    assert (str(infos["UN"].as_of), infos["OFAC-SDN"].entries, infos["EU-FSF"].via) == (
        "2026-11-30",
        8976,
        "bundled",
    )


def test_a_damaged_bundle_installs_nothing_and_says_so(bundle: Path, data_dir: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "official"
    shutil.copytree(bundle, damaged)
    target = next((damaged / "lists" / "UN").iterdir())
    target.write_bytes(target.read_bytes().replace(b"YOUNOUS", b"YOUNOUZ", 1))
    (message,) = seed_bundled_lists(data_dir, bundle=damaged)
    assert message.startswith("the lists bundled with this installation were not imported: ")
    assert "UN" in message and not (data_dir / MARKER).exists()
    assert [i.id for i in Screener.open(data_dir).lists()] == ["CS-DIAMOND"]


def test_no_bundle_means_nothing_to_do(data_dir: Path, tmp_path: Path) -> None:
    assert seed_bundled_lists(data_dir, bundle=tmp_path / "absent") == []
    assert list(data_dir.iterdir()) == []


def test_a_data_pack_can_be_bundled(sanctions_data: Path, tmp_path: Path) -> None:
    from datetime import timedelta

    from desktop.identity import IdentityInfo, IdentityStore
    from desktop.service import lists as service

    office = tmp_path / "office"
    IdentityStore(office).create(
        IdentityInfo(name="Jane Dealer", title="Director", company="Gems BV", country="BE"),
        "Tr4de-show laptop, Antwerp 2026!",
        now=NOW - timedelta(days=1),
    )
    Screener.for_import(office).import_path(sanctions_data / UN_FILE)
    pack = tmp_path / "lists.cspack"
    service.export(office, pack, "Tr4de-show laptop, Antwerp 2026!", now=NOW)
    manifest = write_bundle([pack], tmp_path / "official", NOW)
    assert [(i.id, i.entries) for i in manifest.lists] == [("UN", 1003)]


def test_cli_commands_that_open_the_lists_seed_them(
    bundle: Path,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """An installed build: resources/lists/official is present, the first `lists status` imports it."""
    resources = tmp_path / "resources"
    resources.mkdir()
    for item in resource_root().iterdir():
        if item.name != "lists":
            (resources / item.name).symlink_to(item)
    (resources / "lists").mkdir()
    for item in (resource_root() / "lists").iterdir():
        (resources / "lists" / item.name).symlink_to(item)
    shutil.copytree(bundle, resources / "lists" / "official")
    monkeypatch.setenv("CLEARSTONE_RESOURCES", str(resources))
    assert run(["screen", "Oumar Younous", "--json", "--data-dir", str(data_dir)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert {m["list"] for m in doc["matches"]} >= {"UN", "CS-DIAMOND"}
    assert run(["lists", "status", "--json", "--data-dir", str(data_dir)]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["bundled_lists"] == []  # already seeded by `screen`
    assert {row["id"]: row["via"] for row in status["lists"]} == {
        "CS-DIAMOND": None,
        "EU-FSF": "bundled",
        "OFAC-SDN": "bundled",
        "UN": "bundled",
    }
