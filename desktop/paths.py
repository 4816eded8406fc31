"""Where Clearstone finds its bundled resources and keeps the user's data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Clearstone"
DATA_DIR_ENV = "CLEARSTONE_DATA_DIR"
# A folder of this name beside the executable switches to portable mode (USB stick at trade shows).
PORTABLE_DIR_NAME = "clearstone-data"


def resource_root() -> Path:
    """The read-only `resources/` folder: source tree, installed wheel or frozen bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    override = os.environ.get("CLEARSTONE_RESOURCES")
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resource_root().joinpath(*parts)


def executable_dir() -> Path:
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(sys.argv[0]).resolve().parent if sys.argv and sys.argv[0] else Path.cwd()


def portable_data_dir() -> Path | None:
    """The portable data folder beside the executable, when one exists."""
    candidate = executable_dir() / PORTABLE_DIR_NAME
    return candidate if candidate.is_dir() else None


def default_data_dir() -> Path:
    """Data folder: $CLEARSTONE_DATA_DIR, else portable folder, else the platform's user data folder."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    portable = portable_data_dir()
    if portable is not None:
        return portable
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))
