"""Start-up as a user meets it: quiet standard error on success, one line without a display, a log file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import startup
from desktop.cli.gui import display_problem


def _clearstone(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    # default warning filters (no -W, no pytest): exactly what a user's terminal would show
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True, env=env, timeout=300
    )


def _without_display(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["CLEARSTONE_DATA_DIR"] = str(tmp_path / "data")
    return env


@pytest.mark.slow
def test_selftest_prints_nothing_on_standard_error(tmp_path: Path) -> None:
    result = _clearstone("selftest", "--data-dir", str(tmp_path / "scratch"))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the display variables are an X11/Wayland matter"
)
def test_no_display_is_one_line_and_exit_2_not_a_core_dump(tmp_path: Path) -> None:
    for args in ((), ("gui",)):
        result = _clearstone(*args, env=_without_display(tmp_path))
        assert result.returncode == 2
        lines = result.stderr.splitlines()
        assert len(lines) == 1, result.stderr
        assert "cannot open the window: no display" in lines[0] and "clearstone --help" in lines[0]


def test_display_problem_only_when_certain() -> None:
    assert display_problem({}, "linux") is not None
    assert display_problem({"DISPLAY": ":0"}, "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert "DISPLAY is not set" in (display_problem({"QT_QPA_PLATFORM": "xcb"}, "linux") or "")
    assert display_problem({}, "win32") is None and display_problem({}, "darwin") is None


def test_known_warning_is_silenced_for_its_module_only() -> None:
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        startup.silence_known_warnings()
        warnings.warn_explicit("DSA is deprecated", UserWarning, "pdf_cms.py", 20, module="pyhanko.sign.x")
        warnings.warn_explicit("DSA is deprecated", UserWarning, "mine.py", 1, module="desktop.attestation")
    assert [str(w.message) for w in caught] == ["DSA is deprecated"]  # only the one not from pyHanko


def test_log_level_from_option_or_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    import logging

    monkeypatch.delenv(startup.LOG_LEVEL_ENV, raising=False)
    assert startup.log_level() == logging.WARNING
    monkeypatch.setenv(startup.LOG_LEVEL_ENV, "debug")
    assert startup.log_level() == logging.DEBUG
    assert startup.log_level("error") == logging.ERROR
    assert startup.log_level("nonsense") == logging.WARNING


def test_version_names_the_log_file(tmp_path: Path) -> None:
    env = {**os.environ, "CLEARSTONE_DATA_DIR": str(tmp_path / "data")}
    result = _clearstone("--version", env=env)
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.splitlines()[1] == f"log: {tmp_path / 'data' / 'logs' / 'clearstone.log'}"


def test_log_rotates_at_start_once_past_its_size_keeping_three(tmp_path: Path) -> None:
    log = startup.log_file(tmp_path)
    log.parent.mkdir(parents=True)
    for n in range(5):
        log.write_text(f"session {n}\n" + "x" * startup.LOG_BYTES, encoding="utf-8")
        startup._rotate(log)
        assert not log.exists()
    kept = sorted(p.name for p in log.parent.iterdir())
    assert kept == ["clearstone.log.1", "clearstone.log.2", "clearstone.log.3"]
    assert (log.parent / "clearstone.log.1").read_text(encoding="utf-8").startswith("session 4")
    assert (log.parent / "clearstone.log.3").read_text(encoding="utf-8").startswith("session 2")
    log.write_text("small\n", encoding="utf-8")
    startup._rotate(log)
    assert log.read_text(encoding="utf-8") == "small\n"  # under the size: kept, appended to
