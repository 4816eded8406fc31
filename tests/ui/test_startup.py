"""Start-up stays lazy: showing the window loads no model, list, database or PDF library."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

HEAVY = (
    "pydantic",
    "pycountry",
    "reportlab",
    "cryptography",
    "pyhanko",
    "sqlite3",
    "desktop.lot",
    "desktop.screening",
    "desktop.register",
    "desktop.rules",
    "desktop.attestation",
    "desktop.wizard",
)

SHOW_WINDOW = textwrap.dedent(
    """
    import argparse, sys
    from desktop.cli import gui
    parser = argparse.ArgumentParser()
    gui.register(parser.add_subparsers())
    args = parser.parse_args(["gui", "--exit-after-shown", "--data-dir", sys.argv[1]])
    code = args.handler(args)
    heavy = tuple(sys.argv[2].split(","))
    print(" ".join(sorted(m for m in sys.modules if m in heavy or m.startswith(tuple(h + "." for h in heavy)))))
    sys.exit(code)
    """
)


@pytest.mark.slow
def test_showing_the_window_imports_nothing_heavy(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SHOW_WINDOW, str(tmp_path / "data"), ",".join(HEAVY)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    loaded = done.stdout.split()
    assert loaded == [], f"loaded before the window was shown: {loaded} (keep them out of the start-up path)"
