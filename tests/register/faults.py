"""Run Clearstone commands against a real read-only folder or a real full disk, as far as this machine allows.

Three ways to get a folder the program cannot write: a read-only bind mount (EROFS; needs root and mount
namespaces), the folder owned by `nobody` without write permission and the command run as `nobody` (EACCES;
needs root to switch users), or plain `chmod` when not root (root would bypass it). A full disk is a small
tmpfs in a private mount namespace (root). Each `Way` says whether it can run here, or why not.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

NOBODY = 65534
# Runs inside the namespace (or as nobody): each command in turn, in one process, through the same entry point
# as `clearstone`; results as JSON into a file outside. The interpreter ignores the one known library
# deprecation warning the program itself silences at start (desktop/startup.py on main: KNOWN_WARNINGS).
KNOWN_WARNING = "ignore:DSA is deprecated"
_RUNNER = """
import contextlib, io, json, sys
from desktop.app import main as run
commands, results = json.loads(sys.argv[1]), sys.argv[2]
out = []
for argv in commands:
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            code = run(argv)
        except SystemExit as exc:
            code = exc.code
    out.append({"argv": argv, "rc": code, "out": stdout.getvalue(), "err": stderr.getvalue()})
open(results, "w").write(json.dumps(out))
"""


@dataclass(frozen=True)
class Result:
    argv: list[str]
    rc: int
    out: str
    err: str


def _works(command: list[str], env: dict[str, str] | None = None) -> bool:
    try:
        return subprocess.run(command, capture_output=True, timeout=60, check=False, env=env).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def mount_namespaces() -> str | None:
    """None when private mount namespaces with tmpfs and bind mounts work here, else why not."""
    if sys.platform != "linux":
        return "mount namespaces are Linux only"
    if not is_root():
        return "mounting needs root"
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        return "unshare or mount is not installed"
    if not _works(["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"]):
        return "this container does not allow private mount namespaces"
    return None


def _site_packages() -> list[str]:
    import site

    return [p for p in site.getsitepackages() if Path(p).is_dir()]


def nobody_python() -> str | None:
    """An interpreter `nobody` may execute, of this Python's version, that imports Clearstone with this
    environment's packages (a virtualenv's python may point into root's home, which nobody cannot enter)."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    candidates = [str(Path(d) / version) for d in ("/usr/bin", "/usr/local/bin")] + [sys.executable]
    # The runner starts each command with its own sys.executable: check that this works as nobody too.
    probe = (
        "import subprocess, sys; subprocess.run([sys.executable, '-c', "
        "'import desktop.cli, cryptography, pyhanko, pydantic, reportlab'], check=True)"
    )
    for candidate in candidates:
        launch = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", candidate]
        if Path(candidate).is_file() and _works([*launch, "-c", probe], env=_env()):
            return candidate
    return None


def switch_user() -> str | None:
    if not is_root():
        return "switching to nobody needs root"
    if shutil.which("setpriv") is None:
        return "setpriv is not installed"
    if nobody_python() is None:
        return "no Python that nobody may run can import Clearstone here"
    return None


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLEARSTONE_DATA_DIR")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).resolve().parents[2]), *_site_packages()])
    return env


def _collect(
    launcher: Sequence[str], commands: list[list[str]], results: Path, python: str = sys.executable
) -> list[Result]:
    argv = [*launcher, python, "-W", KNOWN_WARNING, "-c", _RUNNER, json.dumps(commands), str(results)]
    done = subprocess.run(argv, capture_output=True, text=True, env=_env(), timeout=900, check=False)
    assert results.is_file(), f"the runner did not finish: {done.stderr[-2000:]}"
    return [Result(**item) for item in json.loads(results.read_text())]


def run_in_namespace(setup: str, commands: list[list[str]], results: Path) -> list[Result]:
    """`setup` (shell, e.g. mounts) runs first in a private mount namespace, then the commands as root."""
    runner = " ".join(
        shlex.quote(a)
        for a in [sys.executable, "-W", KNOWN_WARNING, "-c", _RUNNER, json.dumps(commands), str(results)]
    )
    done = subprocess.run(
        ["unshare", "-m", "sh", "-c", f"{setup} && exec {runner}"],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=900,
        check=False,
    )
    assert results.is_file(), f"the runner did not finish: {done.stderr[-2000:]}"
    return [Result(**item) for item in json.loads(results.read_text())]


def run_as_nobody(commands: list[list[str]], results: Path) -> list[Result]:
    python = nobody_python()
    assert python is not None
    launcher = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    return _collect(launcher, commands, results, python)


def run_plain(commands: list[list[str]], results: Path) -> list[Result]:
    return _collect([], commands, results)


def make_read_only(folder: Path, *, owner: int | None = None) -> None:
    """Every file and folder read-only (and owned by `owner` when given): no write permission anywhere."""
    for path in [folder, *folder.rglob("*")]:
        if owner is not None:
            os.chown(path, owner, owner, follow_symlinks=False)
        os.chmod(path, 0o555 if path.is_dir() else 0o444)


def make_writable(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        if is_root():
            os.chown(path, 0, 0, follow_symlinks=False)
        os.chmod(path, 0o700 if path.is_dir() else 0o600)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file's bytes: to show a refused command changed nothing."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
