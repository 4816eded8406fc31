"""Composition root: starts the GUI or a headless command."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from desktop import startup

    startup.silence_known_warnings()
    startup.configure(startup.log_level())
    from desktop.cli import run

    return run(list(sys.argv[1:] if argv is None else argv))
