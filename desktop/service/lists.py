"""Sanctions lists in the data folder: import official files, and what is loaded."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.screening.importers.common import Progress
    from desktop.screening.types import ListInfo
    from desktop.service.workspace import Workspace


def import_lists(ws: Workspace, path: Path, progress: Progress | None = None) -> list[ListInfo]:
    """Parse and store a file or folder of official lists, all or nothing; screening then uses them."""
    from desktop.screening.service import Screener

    infos = Screener.for_import(ws.data_dir, clock=ws.clock).import_path(path, progress)
    ws.forget_screener()
    return infos


def loaded_lists(ws: Workspace) -> list[ListInfo]:
    return ws.screener().lists()
