"""Rule-pack updates from a file: only signed by a trusted publisher, only newer, installed atomically."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from desktop.cli import run
from desktop.paths import resource
from desktop.rules.pack import bundled_pack, load_active_pack, load_source_dir, pack_sha256


@pytest.fixture
def publisher(tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    key = tmp_path / "publisher.pem"
    assert run(["rules", "keygen", "--out", str(key)]) == 0
    capsys.readouterr()
    return key


def _source_copy(tmp_path: Path, version: str, as_of: str) -> Path:
    folder = tmp_path / f"src-{version}"
    shutil.copytree(resource("rules", "pack"), folder)
    manifest = yaml.safe_load((folder / "pack.yaml").read_text(encoding="utf-8"))
    manifest.update(version=version, as_of=as_of)
    (folder / "pack.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    return folder


def _build(tmp_path: Path, key: Path, version: str, as_of: str) -> Path:
    out = tmp_path / f"pack-{version}.cspack.json"
    assert (
        run(
            [
                "rules",
                "build",
                str(_source_copy(tmp_path, version, as_of)),
                "--key",
                str(key),
                "--out",
                str(out),
            ]
        )
        == 0
    )
    return out


def test_hash_ignores_formatting_but_not_content(tmp_path: Path) -> None:
    bundled = bundled_pack()
    copy = _source_copy(tmp_path, bundled.pack.version, bundled.pack.as_of.isoformat())
    (copy / "US.yaml").write_text(
        "# a comment\n" + (copy / "US.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert pack_sha256(load_source_dir(copy)) == bundled.sha256
    text = (copy / "US.yaml").read_text(encoding="utf-8").replace('carats: "0.5"', 'carats: "0.6"', 1)
    (copy / "US.yaml").write_text(text, encoding="utf-8")
    assert pack_sha256(load_source_dir(copy)) != bundled.sha256


def test_signed_newer_pack_installs(
    tmp_path: Path, data_dir: Path, publisher: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = _build(tmp_path, publisher, "2027.1.0", "2027-01-15")
    capsys.readouterr()
    assert run(["rules", "import", str(pack), "--data-dir", str(data_dir)]) == 2  # publisher not trusted yet
    assert "not a trusted publisher" in capsys.readouterr().err
    assert run(["rules", "trust", str(publisher.with_suffix(".pub.pem")), "--data-dir", str(data_dir)]) == 0
    assert run(["rules", "import", str(pack), "--data-dir", str(data_dir)]) == 0
    capsys.readouterr()
    assert run(["rules", "status", "--json", "--data-dir", str(data_dir)]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["version"] == "2027.1.0" and status["as_of"] == "2027-01-15"
    assert load_active_pack(data_dir).pack.version == "2027.1.0"


@pytest.mark.parametrize("problem", ["tampered", "older", "same", "unsigned", "garbage"])
def test_bad_packs_are_refused_and_change_nothing(
    tmp_path: Path, data_dir: Path, publisher: Path, capsys: pytest.CaptureFixture[str], problem: str
) -> None:
    assert run(["rules", "trust", str(publisher.with_suffix(".pub.pem")), "--data-dir", str(data_dir)]) == 0
    bundled = bundled_pack().pack
    if problem == "older":
        pack = _build(tmp_path, publisher, "2025.1.0", "2025-01-01")
    elif problem == "same":
        pack = _build(tmp_path, publisher, bundled.version, bundled.as_of.isoformat())
    else:
        pack = _build(tmp_path, publisher, "2027.1.0", "2027-01-15")
    document = json.loads(pack.read_text(encoding="utf-8"))
    if problem == "tampered":
        document["pack"]["rules"][0]["outcome"] = "info"
        pack.write_text(json.dumps(document), encoding="utf-8")
    elif problem == "unsigned":
        del document["signature"]
        pack.write_text(json.dumps(document), encoding="utf-8")
    elif problem == "garbage":
        pack.write_bytes(b"\x00\xff not a pack")
    capsys.readouterr()
    assert run(["rules", "import", str(pack), "--data-dir", str(data_dir)]) == 2
    message = capsys.readouterr().err
    assert message.count("\n") == 1 and "Traceback" not in message
    assert load_active_pack(data_dir).origin == "bundled"
    assert not (data_dir / "rules" / "active.cspack.json").exists()


def test_installed_pack_altered_on_disk_falls_back_to_bundled(
    tmp_path: Path, data_dir: Path, publisher: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["rules", "trust", str(publisher.with_suffix(".pub.pem")), "--data-dir", str(data_dir)]) == 0
    assert (
        run(
            [
                "rules",
                "import",
                str(_build(tmp_path, publisher, "2027.1.0", "2027-01-15")),
                "--data-dir",
                str(data_dir),
            ]
        )
        == 0
    )
    installed = data_dir / "rules" / "active.cspack.json"
    installed.write_text(
        installed.read_text(encoding="utf-8").replace('"blocked"', '"info"', 1), encoding="utf-8"
    )
    active = load_active_pack(data_dir)
    assert active.origin == "bundled" and active.notice and "signature" in active.notice
