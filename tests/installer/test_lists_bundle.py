"""`build.py --lists`: official lists staged for the bundle; the smoke test checks that they load."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_ci_uses_the_shared_official_files_when_present(
    build: ModuleType, sanctions_data: Path, tmp_path: Path
) -> None:
    paths = build.ci_list_paths(sanctions_data)
    assert [p.relative_to(sanctions_data).as_posix() for p in paths] == list(build.CI_LISTS)
    assert build.ci_list_paths(tmp_path / "absent") == []


def test_bundle_lists_reads_each_list_with_the_app_importers(
    build: ModuleType, sanctions_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    staged = build.bundle_lists(build.ci_list_paths(sanctions_data), tmp_path / "official")
    manifest = json.loads((staged / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(i["id"] for i in manifest["lists"]) == ["EU-FSF", "OFAC-CONS", "OFAC-SDN", "UK-SL", "UN"]
    printed = capsys.readouterr().out
    assert "list  UN         published 2026-02-27    1003 entries" in printed
    empty = tmp_path / "empty.xml"
    empty.write_text("<CONSOLIDATED_LIST/>", encoding="utf-8")
    with pytest.raises(build.BuildError, match="--lists: UN: the file has no entries"):
        build.bundle_lists([empty], tmp_path / "again")


def test_lists_cannot_be_added_to_an_existing_bundle(build: ModuleType) -> None:
    with pytest.raises(SystemExit) as exited:
        build.main(["--lists", "x.xml", "--skip-freeze"])
    assert exited.value.code == 2


def test_spec_bundles_the_staged_lists_and_never_a_source_tree_copy() -> None:
    spec = (REPO / "installer" / "clearstone.spec").read_text(encoding="utf-8")
    assert 'os.environ.get("CLEARSTONE_BUNDLED_LISTS")' in spec
    assert '(BUNDLED_LISTS, "resources/lists/official")' in spec
    assert not (REPO / "resources" / "lists" / "official").exists()


def _fake_bundle(root: Path, status: dict[str, object]) -> Path:
    bundle = root / "clearstone"
    official = bundle / "_internal" / "resources" / "lists" / "official"
    official.mkdir(parents=True)
    manifest = {
        "lists": [
            {"id": "UN", "sha256": "a" * 64, "entries": 1003},
            {"id": "EU-FSF", "sha256": "b" * 64, "entries": 4},
        ]
    }
    (official / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    exe = bundle / "clearstone"
    exe.write_text(f"#!/bin/sh\ncat <<'EOF'\n{json.dumps(status)}\nEOF\n", encoding="utf-8")
    exe.chmod(0o755)
    return bundle


def test_smoke_accepts_intact_bundled_lists(smoke: ModuleType, tmp_path: Path) -> None:
    rows = [
        {"id": "CS-DIAMOND", "sha256": "c" * 64, "entries": 28, "via": None},
        {"id": "EU-FSF", "sha256": "b" * 64, "entries": 4, "via": "bundled"},
        {"id": "UN", "sha256": "a" * 64, "entries": 1003, "via": "bundled"},
    ]
    bundle = _fake_bundle(tmp_path, {"lists": rows})
    assert smoke.expected_lists(bundle) == {"UN": ("a" * 64, 1003), "EU-FSF": ("b" * 64, 4)}
    smoke.check_bundled_lists(bundle, bundle / "clearstone", {"PATH": "/usr/bin:/bin"}, tmp_path, 30)


def test_smoke_fails_when_a_bundled_list_is_missing_or_different(smoke: ModuleType, tmp_path: Path) -> None:
    rows = [{"id": "UN", "sha256": "f" * 64, "entries": 1003, "via": "bundled"}]
    bundle = _fake_bundle(tmp_path, {"lists": rows})
    with pytest.raises(smoke.SmokeFailure) as failed:
        smoke.check_bundled_lists(bundle, bundle / "clearstone", {"PATH": "/usr/bin:/bin"}, tmp_path, 30)
    assert "EU-FSF is bundled but not loaded" in str(failed.value)
    assert "UN loaded as sha256 ffffffffffffffff" in str(failed.value)
    assert smoke.list_problems("not json", {"UN": ("a", 1)})[0].startswith("`lists status --json` printed no")
    assert smoke.expected_lists(tmp_path / "nothing") == {}
