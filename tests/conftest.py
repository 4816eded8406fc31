"""Test-wide guards: no network connection except to loopback; ../shared is found or its tests skip."""

from __future__ import annotations

import ipaddress
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


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo


def _loopback(host: object) -> bool:
    """Only this computer: `localhost` or a loopback literal (tests serve files from a loopback server)."""
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _refuse(*args: object, **kwargs: object) -> None:
    raise NetworkAccessError(
        "Clearstone is offline by construction: a test tried to open a network connection"
    )


def _guarded_connect(self: socket.socket, address: object) -> None:
    if (
        self.family in (socket.AF_INET, socket.AF_INET6)
        and isinstance(address, tuple)
        and _loopback(address[0])
    ):
        return _real_connect(self, address)
    _refuse()


def _guarded_connect_ex(self: socket.socket, address: object) -> int:
    if (
        self.family in (socket.AF_INET, socket.AF_INET6)
        and isinstance(address, tuple)
        and _loopback(address[0])
    ):
        return _real_connect_ex(self, address)
    _refuse()
    return -1


def _guarded_getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
    if _loopback(host):
        return _real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]
    _refuse()
    return None


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Loopback (a test's own server) is allowed; every other connection fails the test that makes it."""
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded_connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", _guarded_getaddrinfo)
    # never route a test's loopback request through a proxy named in the environment
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
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
