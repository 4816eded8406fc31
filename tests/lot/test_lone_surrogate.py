"""A lone surrogate escape (`"L-\\ud800"`) is refused in one line (exit 2), never an internal error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import run
from desktop.lot import LotError, parse_lot


def _with(shared_dir: Path, edit: str) -> bytes:
    text = (shared_dir / "fixtures" / "lots" / "S16.lot.json").read_text(encoding="utf-8")
    lot = json.loads(text)
    marker = "SURROGATE-MARKER"
    if edit == "lot_id":
        lot["lot_id"] = marker
    elif edit == "owner":
        lot["counterparty"]["owners"] = [{"name": marker}]
    else:
        lot["counterparty"][marker] = "x"  # a key: refused as unknown, but the escape must not crash first
    return json.dumps(lot).replace(marker, "L-\\ud800").encode()


@pytest.mark.parametrize("edit", ["lot_id", "owner", "key"])
def test_lone_surrogate_is_a_one_line_lot_error(shared_dir: Path, edit: str) -> None:
    with pytest.raises(LotError) as refused:
        parse_lot(_with(shared_dir, edit), "x.lot.json")
    message = str(refused.value)
    assert "\n" not in message and "\\ud800" in message and "surrogate" in message


def test_cli_check_exits_2(shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lot_file = tmp_path / "bad.lot.json"
    lot_file.write_bytes(_with(shared_dir, "lot_id"))
    assert run(["check", str(lot_file), "--no-record", "--data-dir", str(tmp_path / "d")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "surrogate" in err and "internal error" not in err


def test_a_proper_pair_still_loads(shared_dir: Path) -> None:
    lot = json.loads((shared_dir / "fixtures" / "lots" / "S16.lot.json").read_text(encoding="utf-8"))
    lot["counterparty"]["owners"] = [{"name": "MARKER"}]
    data = json.dumps(lot).replace("MARKER", "Gem \\ud83d\\udc8e Holdings").encode()  # an escaped emoji
    assert parse_lot(data).counterparty.owners[0].name == "Gem \U0001f48e Holdings"
