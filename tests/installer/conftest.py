"""Load installer/build.py and installer/smoke_test.py by path: installer/ is a folder of scripts, not a package."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

INSTALLER = Path(__file__).resolve().parents[2] / "installer"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"clearstone_installer_{name}", INSTALLER / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def build() -> ModuleType:
    return _load("build")


@pytest.fixture(scope="session")
def smoke() -> ModuleType:
    return _load("smoke_test")


@pytest.fixture
def fake_bundle(tmp_path: Path) -> Path:
    """A stand-in for installer/dist/clearstone: an executable and an _internal folder with resources."""
    bundle = tmp_path / "dist" / "clearstone"
    (bundle / "_internal" / "resources").mkdir(parents=True)
    (bundle / "_internal" / "resources" / "marker.txt").write_text("bundled\n", encoding="utf-8")
    exe = bundle / "clearstone"
    exe.write_text("#!/bin/sh\necho clearstone 0.0.0\n", encoding="utf-8")
    exe.chmod(0o755)
    return bundle
