"""The worked examples of shared/fixtures give their expected verdicts through `clearstone check --json`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import run


def _cases(shared: Path) -> list[tuple[str, Path, dict[str, str | None]]]:
    records = json.loads((shared / "fixtures" / "expected-verdicts.json").read_text(encoding="utf-8"))
    return [(r["lot"], shared / "fixtures" / "lots" / f"{r['lot']}.lot.json", r["expected"]) for r in records]


def test_every_fixture_gives_its_expected_verdicts(
    shared_dir: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = _cases(shared_dir)
    assert len(cases) >= 18
    wrong: list[str] = []
    for scenario, path, expected in cases:
        assert run(["check", str(path), "--json", "--no-record", "--data-dir", str(data_dir)]) == 0
        document = json.loads(capsys.readouterr().out)
        for code, verdict in expected.items():
            if verdict is None:
                continue
            got = document["jurisdictions"][code]["verdict"]
            if got != verdict:
                wrong.append(f"{scenario} {code}: expected {verdict}, got {got}")
        for code, result in document["jurisdictions"].items():
            for finding in result["findings"]:
                assert finding["rule"] and finding["source"] and finding["summary"], (scenario, code, finding)
        assert document["rule_pack"]["sha256"]
    assert not wrong, "\n".join(wrong)


def test_batch_json_is_an_array_in_input_order(
    shared_dir: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lots = [str(p) for _, p, _ in _cases(shared_dir)[:3]]
    assert run(["check", *lots, "--json", "--no-record", "--data-dir", str(data_dir)]) == 0
    documents = json.loads(capsys.readouterr().out)
    assert [d["lot_id"] for d in documents] == [json.loads(Path(p).read_text())["lot_id"] for p in lots]
