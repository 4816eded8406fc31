"""The Linux tarball's install.sh names the system packages the window needs when they are missing."""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")


def _unpacked_installer(
    build: ModuleType, bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    monkeypatch.setattr(build, "BUILD", tmp_path / "build")
    icon = tmp_path / "icon.png"
    icon.write_bytes(b"\x89PNG fake")
    archive = build.package_linux(bundle, "1.2.3", "2026-11-28", icon, tmp_path)
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path / "unpacked", filter="tar")
    return tmp_path / "unpacked" / "clearstone-1.2.3" / "install.sh"


def _run_with_libraries(
    script: Path, tmp_path: Path, libraries: list[str]
) -> subprocess.CompletedProcess[str]:
    """install.sh with an `ldconfig -p` that knows exactly these libraries."""
    tools = tmp_path / "tools"
    tools.mkdir(exist_ok=True)
    listing = "".join(f"\t{lib} (libc6,x86-64) => /usr/lib/{lib}\\n" for lib in libraries)
    (tools / "ldconfig").write_text(f"#!/bin/sh\nprintf '{listing}'\n", encoding="utf-8")
    (tools / "ldconfig").chmod(0o755)
    env = {"HOME": str(tmp_path / "home"), "PATH": f"{tools}:{os.environ.get('PATH', '/usr/bin:/bin')}"}
    return subprocess.run([str(script)], env=env, capture_output=True, text=True, check=True)


def _required(script: Path) -> list[str]:
    text = script.read_text(encoding="utf-8")
    block = text[text.index('REQUIRED_LIBS="') + len('REQUIRED_LIBS="') :]
    return [pair.split(":")[0] for pair in block[: block.index('"')].split()]


def test_missing_window_libraries_are_named_with_their_packages(
    build: ModuleType, fake_bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = _unpacked_installer(build, fake_bundle, tmp_path, monkeypatch)
    present = [lib for lib in _required(script) if lib not in ("libxcb-cursor.so.0", "libxcb-icccm.so.4")]
    result = _run_with_libraries(script, tmp_path, present)
    assert "needs system packages that are missing here: libxcb-cursor0 libxcb-icccm4" in result.stderr
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in result.stderr
    assert "Clearstone installed" in result.stdout  # the command line still installs


def test_nothing_is_said_when_every_library_is_there(
    build: ModuleType, fake_bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = _unpacked_installer(build, fake_bundle, tmp_path, monkeypatch)
    result = _run_with_libraries(script, tmp_path, _required(script))
    assert result.stderr == ""
