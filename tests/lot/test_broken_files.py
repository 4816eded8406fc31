"""A corpus of broken lot files: each gives exit 2 and one line naming the field, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import run
from tests.lotfactory import lot_data

Mutation = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Mutation:
    def apply(data: dict[str, Any]) -> None:
        keys = path.split(".")
        target = data
        for key in keys[:-1]:
            target = target[int(key)] if isinstance(target, list) else target[key]
        target[keys[-1]] = value

    return apply


def _drop(path: str) -> Mutation:
    def apply(data: dict[str, Any]) -> None:
        keys = path.split(".")
        target = data
        for key in keys[:-1]:
            target = target[key]
        del target[keys[-1]]

    return apply


CASES: list[tuple[str, Mutation, str]] = [
    ("date-out-of-range", _set("transaction.date", "2026-13-01"), "transaction.date"),
    ("date-wrong-type", _set("transaction.date", 20261201), "transaction.date"),
    ("carats-as-number", _set("goods.largest_stone_carats", 1.0), "goods.largest_stone_carats"),
    ("carats-negative", _set("goods.largest_stone_carats", "-0.50"), "goods.largest_stone_carats"),
    ("carats-absurd", _set("goods.largest_stone_carats", "99999"), "goods.largest_stone_carats"),
    ("carats-four-decimals", _set("goods.largest_stone_carats", "0.4995"), "goods.largest_stone_carats"),
    ("largest-above-total", _set("goods.total_carats", "0.50"), "goods.largest_stone_carats"),
    ("stone-count-zero", _set("goods.stone_count", 0), "goods.stone_count"),
    ("unknown-country", _set("origin.mining_countries", ["XX"]), "origin.mining_countries[0]"),
    ("lower-case-country", _set("counterparty.country", "in"), "counterparty.country"),
    ("unknown-jurisdiction", _set("transaction.jurisdictions", ["US", "DE"]), "transaction.jurisdictions[1]"),
    ("no-jurisdiction", _set("transaction.jurisdictions", []), "transaction.jurisdictions"),
    ("missing-category", _drop("goods.category"), "goods.category"),
    ("missing-transaction", _drop("transaction"), "transaction"),
    ("missing-mining", _drop("origin.mining_countries"), "origin.mining_countries"),
    ("unknown-field", _set("goods.colour", "D"), "goods.colour"),
    ("unknown-evidence", _set("evidence", [{"type": "tarot_reading", "reference": "x"}]), "evidence[0]"),
    (
        "evidence-bad-date",
        _set("evidence", [{"type": "kp_certificate", "reference": "x", "expires_on": "soon"}]),
        "evidence[0].expires_on",
    ),
    ("wrong-format", _set("format", "clearstone.lot/9"), "format"),
    (
        "owners-over-100",
        _set(
            "counterparty.owners",
            [{"name": "A", "share_percent": "60"}, {"name": "B", "share_percent": "60"}],
        ),
        "counterparty.owners",
    ),
    ("empty-name", _set("counterparty.name", "   "), "counterparty.name"),
    ("control-chars", _set("counterparty.name", "Acme\x00Ltd"), "counterparty.name"),
]


@pytest.mark.parametrize(("name", "mutate", "field"), CASES, ids=[c[0] for c in CASES])
def test_broken_field_is_named(
    tmp_path: Path,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    mutate: Mutation,
    field: str,
) -> None:
    data = lot_data()
    mutate(data)
    path = tmp_path / f"{name}.lot.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert run(["check", str(path), "--data-dir", str(data_dir)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith(f"clearstone: {field}:"), lines[0]
    assert not list(data_dir.glob("*.sqlite")), "a refused lot must change nothing"


RAW_CASES: list[tuple[str, Callable[[Path], None], str]] = [
    (
        "non-utf8",
        lambda p: p.write_bytes(b'{"format": "clearstone.lot/1", "lot_id": "\xff\xfe"}'),
        "not UTF-8",
    ),
    ("not-json", lambda p: p.write_text("{format: lot}", encoding="utf-8"), "not valid JSON"),
    ("json-array", lambda p: p.write_text("[1, 2]", encoding="utf-8"), "a JSON object"),
    ("deeply-nested", lambda p: p.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8"), "nested"),
    ("fifty-megabytes", lambda p: p.write_bytes(b" " * (50 * 1024 * 1024)), "at most"),
    (
        "duplicate-key",
        lambda p: p.write_text('{"format": "clearstone.lot/1", "format": "x"}', encoding="utf-8"),
        "twice",
    ),
    ("empty", lambda p: p.write_bytes(b""), "not valid JSON"),
]


@pytest.mark.parametrize(("name", "write", "words"), RAW_CASES, ids=[c[0] for c in RAW_CASES])
def test_unreadable_files(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str], name: str, write, words: str
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / f"{name}.lot.json"
    write(path)
    assert run(["check", str(path), "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1


def test_missing_file_and_folder(tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", str(tmp_path / "nope.lot.json"), "--data-dir", str(data_dir)]) == 2
    assert "no such file" in capsys.readouterr().err
    assert run(["check", str(tmp_path), "--data-dir", str(data_dir)]) == 2
    assert "folder" in capsys.readouterr().err


def test_no_traceback_as_a_real_process(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "bad.lot.json"
    path.write_bytes(b"\xff" * 10)
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "check", str(path), "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1


def test_saved_lot_round_trips(tmp_path: Path) -> None:
    from desktop.lot import load_lot, save_lot
    from tests.lotfactory import make_lot

    lot = make_lot(goods__largest_stone_carats="0.495", goods__total_carats="0.495")
    path = tmp_path / "saved.lot.json"
    save_lot(lot, path)
    again = load_lot(path)
    assert again == lot
    assert json.loads(path.read_text(encoding="utf-8"))["goods"]["largest_stone_carats"] == "0.495"


def test_every_evidence_type_of_the_format_has_one_label() -> None:
    from typing import get_args

    from desktop.lot import EVIDENCE_LABELS, EVIDENCE_TYPES, Evidence

    union = get_args(get_args(Evidence)[0])
    declared = {model.model_fields["type"].annotation.__args__[0] for model in union}
    assert set(EVIDENCE_TYPES) == declared == set(EVIDENCE_LABELS)
