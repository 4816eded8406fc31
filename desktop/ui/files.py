"""File dialogs that open where the user last was (default: Documents), and remember it for next time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.ui.services import Services, user_errors


def start_folder(services: Services) -> str:
    """The folder last used, when it still exists; else the user's Documents; else the home folder."""
    last = services.settings().last_folder
    if last and Path(last).is_dir():
        return last
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def remember(services: Services, path: Path) -> None:
    """Keep the folder of a file the user chose (or the folder itself) for the next dialog."""
    folder = path if path.is_dir() else path.parent
    if str(folder) == services.settings().last_folder:
        return
    try:
        services.save_settings(services.settings().updated(last_folder=str(folder)))
    except user_errors():
        pass  # a read-only data folder: the dialogs simply start in Documents next time


def open_file(parent: QWidget, services: Services, title: str, filters: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, start_folder(services), filters)
    return _chosen(services, name)


def open_files(parent: QWidget, services: Services, title: str, filters: str) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(parent, title, start_folder(services), filters)
    paths = [Path(n) for n in names]
    if paths:
        remember(services, paths[0])
    return paths


def open_folder(parent: QWidget, services: Services, title: str) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, title, start_folder(services))
    return _chosen(services, name)


def save_file(parent: QWidget, services: Services, title: str, file_name: str, filters: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, title, str(Path(start_folder(services)) / file_name), filters
    )
    return _chosen(services, name)


def _chosen(services: Services, name: str) -> Path | None:
    if not name:
        return None
    path = Path(name)
    remember(services, path)
    return path
