"""The window opens on a real X display (the xcb platform, not only offscreen), and a display that cannot
be reached is one line and exit 2, not Qt's abort."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is a Linux matter here")


@pytest.fixture(scope="module")
def x_display() -> Iterator[str]:
    """A private Xvfb server; its number is chosen by the server itself (-displayfd), so runs never clash."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (CI installs it: apt-get install xvfb)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        pytest.skip("Xvfb did not start")
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _gui(tmp_path: Path, display: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY",)}
    env.update({"DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "CLEARSTONE_DATA_DIR": str(tmp_path / "data")})
    return subprocess.run(
        [sys.executable, "-m", "desktop", "gui", "--exit-after-shown"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_window_opens_on_a_real_x_display(x_display: str, tmp_path: Path) -> None:
    result = _gui(tmp_path, x_display)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    log = (tmp_path / "data" / "logs" / "clearstone.log").read_text(encoding="utf-8")
    assert "started" in log


def test_an_unreachable_display_is_one_line_and_exit_2(x_display: str, tmp_path: Path) -> None:
    result = _gui(tmp_path, ":9999")  # nothing listens there
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert "cannot open the window: no usable display (:9999: cannot connect)" in result.stderr
