"""Entry point of the frozen bundle: the same program as `python -m desktop`, safe without a console."""

from __future__ import annotations

import os
import sys


def _ensure_streams() -> None:
    # A windowed Windows executable (clearstone-gui.exe) starts without a console: sys.stdout and sys.stderr
    # are None there, and the first line any library writes would raise. The null device takes it instead.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process


if __name__ == "__main__":
    _ensure_streams()
    from desktop.app import main

    sys.exit(main())
