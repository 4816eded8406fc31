"""The rule pack in the data folder: install a signed update (by USB at a trade show)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.rules.pack import LoadedPack
    from desktop.service.workspace import Workspace


def import_rule_pack(ws: Workspace, path: Path) -> LoadedPack:
    """Install a pack signed by a trusted publisher and newer than the active one; later checks use it."""
    from desktop.rules.pack import import_pack

    loaded = import_pack(ws.data_dir, path)
    ws.forget_pack()
    return loaded
