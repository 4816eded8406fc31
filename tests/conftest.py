"""Test-wide guards: nothing may open a network socket; ../shared is found or its tests skip."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

# GUI tests run offscreen unless a display is chosen explicitly: the README's one test command works anywhere.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parent.parent


class _NoQt:
    """With CLEARSTONE_NO_QT=1 the core suite runs as if PySide6 were not installed at all."""

    blocked = ("PySide6", "shiboken6")

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name.split(".")[0] in self.blocked:
            raise ImportError(f"{name} is blocked: the domain core must not need Qt (CLEARSTONE_NO_QT=1)")
        return None


if os.environ.get("CLEARSTONE_NO_QT") == "1":
    import sys

    sys.meta_path.insert(0, _NoQt())  # type: ignore[arg-type]


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    """The Qt-free job runs with `-p no:pytest-qt`; declare that plugin's settings so --strict-config still
    holds there (an unknown key would be an error) without loosening it for everyone."""
    if pluginmanager.is_blocked("pytest-qt") or pluginmanager.is_blocked("pytestqt"):
        parser.addini("qt_api", "pytest-qt's setting (the plugin is disabled in this run)")
        parser.addini("qt_log_level_fail", "pytest-qt's setting (the plugin is disabled in this run)")


SHARED_DIR = Path(os.environ.get("CLEARSTONE_SHARED", REPO_ROOT.parent / "shared"))


class NetworkAccessError(RuntimeError):
    pass


def _refuse(*args: object, **kwargs: object) -> None:
    raise NetworkAccessError(
        "Clearstone is offline by construction: a test tried to open a network connection"
    )


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(socket.socket, "connect", _refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)
    yield


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED_DIR.is_dir():
        pytest.skip(f"the shared folder is absent ({SHARED_DIR}); set CLEARSTONE_SHARED to run these tests")
    return SHARED_DIR


@pytest.fixture(scope="session")
def sanctions_data(shared_dir: Path) -> Path:
    folder = shared_dir / "sanctions-data"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    return folder


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty data folder; CLEARSTONE_DATA_DIR points to it so nothing touches the user's data."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("CLEARSTONE_DATA_DIR", str(folder))
    return folder
