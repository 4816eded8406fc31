"""The dependency lock: complete, hashed, within pyproject's ranges, and what this environment runs."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from types import ModuleType

from packaging.requirements import Requirement

REPO = Path(__file__).resolve().parents[2]


def test_every_locked_requirement_has_hashes(build: ModuleType) -> None:
    text = build.LOCK.read_text(encoding="utf-8")
    blocks = re.split(r"^(?=[A-Za-z0-9_.-]+==)", text, flags=re.MULTILINE)[1:]
    assert len(blocks) == len(build.locked_versions()) > 40
    assert all("--hash=sha256:" in block for block in blocks)


def test_lock_satisfies_every_range_in_pyproject(build: ModuleType) -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"]]
    for extra in ("dev", "installer"):
        wanted += project["optional-dependencies"][extra]
    locked = build.locked_versions()
    for text in wanted:
        requirement = Requirement(text)
        name = build.canonical_name(requirement.name)
        assert name in locked, f"{name} is in pyproject but not in the lock: run scripts/lock.sh"
        assert requirement.specifier.contains(locked[name][0], prereleases=True), (
            f"{name} {locked[name][0]} in the lock does not satisfy {requirement.specifier}"
        )


def test_this_environment_was_installed_from_the_lock(build: ModuleType) -> None:
    assert build.lock_mismatches() == [], "run scripts/bootstrap.sh"


def test_a_drifted_environment_is_named(build: ModuleType, tmp_path: Path) -> None:
    lock = tmp_path / "lock.txt"
    lock.write_text(
        "pytest==0.0.1 \\\n    --hash=sha256:00\n"
        "no-such-package-xyz==1.0 \\\n    --hash=sha256:00\n"
        "pywin32-ctypes==0.2.3 ; sys_platform == 'nonexistent' \\\n    --hash=sha256:00\n",
        encoding="utf-8",
    )
    found = build.lock_mismatches(lock)
    assert len(found) == 2
    assert found[0].startswith("pytest ") and found[0].endswith("(lock 0.0.1)")
    assert found[1] == "no-such-package-xyz missing (lock 1.0)"
