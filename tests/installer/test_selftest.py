"""`clearstone selftest`: every step runs for real, a wrong result names its step, user data is untouched."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.cli import run
from desktop.cli.selftest import SAMPLE_LOT, STEPS, SelftestRun, StepResult, run_steps
from desktop.paths import resource

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)


@pytest.mark.slow
def test_selftest_passes_every_step_and_leaves_no_trace(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parent = tmp_path / "scratch"
    assert run(["selftest", "--json", "--data-dir", str(parent)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True
    assert [s["step"] for s in report["steps"]] == [name for name, _ in STEPS]
    assert all(s["ok"] and s["seconds"] >= 0 for s in report["steps"])
    by_step = {s["step"]: s["detail"] for s in report["steps"]}
    assert "ALROSA" in by_step["screen"] and "no match" in by_step["screen"]
    assert "altered copy refused" in by_step["verify"]
    assert list(parent.iterdir()) == []  # the throwaway folder is removed
    assert list(data_dir.iterdir()) == []  # CLEARSTONE_DATA_DIR (the user's data) is never touched


def _lot_with(tmp_path: Path, **counterparty: str) -> Path:
    lot = json.loads(resource(*SAMPLE_LOT).read_text(encoding="utf-8"))
    lot["counterparty"].update(counterparty)
    path = tmp_path / "lot.json"
    path.write_text(json.dumps(lot), encoding="utf-8")
    return path


def test_a_lot_that_is_not_cleared_fails_the_check_step_and_stops(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    sample = _lot_with(tmp_path, name="PJSC ALROSA", country="RU")
    reported: list[StepResult] = []
    results = run_steps(SelftestRun(folder=folder, now=NOW, sample=sample), report=reported.append)
    assert reported == results
    assert [(r.step, r.ok) for r in results] == [("check", False)]
    assert "should be cleared but is blocked" in results[0].detail


def test_a_broken_step_is_named_with_its_error(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-lot.json"
    results = run_steps(SelftestRun(folder=tmp_path, now=NOW, sample=missing), report=lambda r: None)
    assert len(results) == 1 and not results[0].ok
    assert results[0].step == "check" and "no-such-lot.json" in results[0].detail


def test_step_times_come_from_the_injected_timer(tmp_path: Path) -> None:
    ticks = iter([10.0, 12.5])
    results = run_steps(
        SelftestRun(folder=tmp_path, now=NOW, sample=tmp_path / "missing.json"),
        report=lambda r: None,
        timer=lambda: next(ticks),
    )
    assert results[0].seconds == 2.5


def test_failed_selftest_exits_1_naming_the_step(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sample = _lot_with(tmp_path, name="PJSC ALROSA", country="RU")
    monkeypatch.setattr("desktop.cli.selftest.resource", lambda *parts: sample)
    assert run(["selftest", "--data-dir", str(tmp_path / "scratch")]) == 1
    captured = capsys.readouterr()
    assert "check    FAILED" in captured.out
    assert "selftest failed at step check" in captured.err
