"""Smoke-test a built Clearstone bundle headless, in a clean environment, and in portable mode.

    python installer/smoke_test.py [installer/dist/clearstone]

Runs the bundle's own executable (never the project's Python: PATH, PYTHONPATH and PYTHONHOME are cleared
and the working folder is a temporary one) with a throwaway data folder and home, and fails on a non-zero
exit, on error markers in the output, on a bundle that reads resources from outside itself, on official
lists bundled with it that do not load, or on portable mode that writes anywhere but the `clearstone-data`
folder beside the executable.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

DEFAULT_BUNDLE = Path(__file__).resolve().parent / "dist" / "clearstone"
PORTABLE_DIR_NAME = "clearstone-data"  # desktop/paths.py: PORTABLE_DIR_NAME
SAMPLE = ("resources", "samples", "sample-cleared.lot.json")
BUNDLED_LISTS = ("resources", "lists", "official", "manifest.json")  # desktop/screening/seed.py
# Tracebacks, exception names, Python warnings and Qt's own messages (`qt.qpa.xcb: …`, `QWidget::…`).
ERROR_MARKERS = re.compile(
    r"Traceback|Error|Exception|Warning|^qt\.[\w.]+:|^Q[A-Za-z]+::|QObject|This plugin does not support",
    re.MULTILINE,
)
# Windows needs these to start any process; nothing here points at a Python installation.
_WINDOWS_KEEP = ("SYSTEMROOT", "WINDIR", "COMSPEC", "PATHEXT", "SYSTEMDRIVE", "NUMBER_OF_PROCESSORS")


class SmokeFailure(Exception):
    """The bundle misbehaved; the message says which command and how."""


@dataclass(frozen=True)
class Outcome:
    args: tuple[str, ...]
    code: int
    output: str
    seconds: float


def find_executable(bundle: Path) -> Path:
    name = "clearstone.exe" if platform.system() == "Windows" else "clearstone"
    executable = bundle / name
    if not executable.is_file():
        raise SmokeFailure(f"no executable {executable}: build the bundle first (python installer/build.py)")
    return executable


def clean_environment(
    home: Path, data_dir: Path | None, base: Mapping[str, str] | None = None
) -> dict[str, str]:
    """A minimal environment: system PATH only, a throwaway home, offscreen Qt, no Python variables."""
    base = os.environ if base is None else base
    system_path = os.pathsep.join(
        p
        for p in (
            base.get("PATH", "").split(os.pathsep) if platform.system() == "Windows" else ["/usr/bin", "/bin"]
        )
        if p and "python" not in p.lower() and "venv" not in p.lower()
    )
    env = {
        "PATH": system_path,
        "HOME": str(home),
        "USERPROFILE": str(home),
        "APPDATA": str(home / "AppData" / "Roaming"),
        "LOCALAPPDATA": str(home / "AppData" / "Local"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
        "TMPDIR": str(home / "tmp"),
        "TEMP": str(home / "tmp"),
        "TMP": str(home / "tmp"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    for key in _WINDOWS_KEEP:
        if key in base:
            env[key] = base[key]
    if data_dir is not None:
        env["CLEARSTONE_DATA_DIR"] = str(data_dir)
    for folder in (home / "runtime", home / "tmp", home / "AppData" / "Roaming", home / "AppData" / "Local"):
        folder.mkdir(parents=True, exist_ok=True)
    (home / "runtime").chmod(0o700)
    return env


def error_markers(output: str) -> list[str]:
    """The lines of `output` that look like an error, a warning or a Qt message."""
    return [line for line in output.splitlines() if ERROR_MARKERS.search(line)]


def run(
    executable: Path,
    args: Sequence[str],
    env: Mapping[str, str],
    cwd: Path,
    timeout: float,
    wrapper: Sequence[str] = (),
) -> Outcome:
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [*wrapper, str(executable), *args],
            env=dict(env),
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        raise SmokeFailure(f"`clearstone {' '.join(args)}` did not finish within {timeout:.0f} s") from None
    outcome = Outcome(tuple(args), done.returncode, done.stdout + done.stderr, time.perf_counter() - started)
    shown = " ".join(args)
    if outcome.code != 0:
        raise SmokeFailure(f"`clearstone {shown}` exited {outcome.code}:\n{_indent(outcome.output)}")
    marked = error_markers(outcome.output)
    if marked:
        raise SmokeFailure(f"`clearstone {shown}` printed error markers:\n{_indent(chr(10).join(marked))}")
    how = "  (Python and sources hidden)" if wrapper else ""
    print(f"  ok  {outcome.seconds:6.2f} s  clearstone {shown}{how}", flush=True)
    return outcome


def _indent(text: str) -> str:
    return "\n".join("    | " + line for line in text.strip().splitlines()[-40:])


def hidden_sources() -> list[Path]:
    """What an installed bundle must not need: this Python's standard library and environment, the sources."""
    repo = Path(__file__).resolve().parent.parent
    paths = sysconfig.get_paths()
    candidates = [Path(paths["stdlib"]), Path(paths["platstdlib"]), repo / "desktop", repo / "resources"]
    if sys.prefix != sys.base_prefix:
        candidates.append(Path(sys.prefix))  # the virtual environment (never /usr itself)
    unique = {c.resolve() for c in candidates if c.is_dir()}
    # a folder inside another hidden one disappears with it (and could not be mounted over afterwards)
    return sorted(p for p in unique if not any(o != p and o in p.parents for o in unique))


def isolation_wrapper(hidden: Sequence[Path]) -> list[str] | None:
    """`unshare --mount` with empty tmpfs over each hidden folder, for the child alone; None where impossible."""
    if platform.system() != "Linux" or os.geteuid() != 0 or shutil.which("unshare") is None:
        return None
    prefix = ["unshare", "--mount", "--propagation", "private", "sh", "-c"]
    with tempfile.TemporaryDirectory() as probe:  # containers without CAP_SYS_ADMIN refuse: skip, don't fail
        trial = subprocess.run(
            [*prefix, f"mount -t tmpfs clearstone-probe {shlex.quote(probe)}"], capture_output=True
        )
    if trial.returncode != 0:
        return None
    mounts = " && ".join(f"mount -t tmpfs clearstone-hidden {shlex.quote(str(p))}" for p in hidden)
    return [*prefix, f'{mounts} && exec "$@"', "sh"]


def link_copy(source: Path, target: Path) -> None:
    """Copy the bundle as hard links (fast, no disk) — a symlink would resolve back to the original."""

    def link_or_copy(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, symlinks=True, copy_function=link_or_copy)


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def smoke(bundle: Path, timeout: float = 180.0) -> None:
    bundle = bundle.resolve()
    executable = find_executable(bundle)
    sample = bundle.joinpath("_internal", *SAMPLE)
    if not sample.is_file():
        raise SmokeFailure(f"the bundled sample lot is missing: {sample}")
    with tempfile.TemporaryDirectory(prefix="clearstone-smoke-") as scratch_name:
        scratch = Path(scratch_name)
        data, home = scratch / "data", scratch / "home"
        env = clean_environment(home, data)
        print(f"smoke test of {executable} (clean environment, data in {data})", flush=True)
        version = run(executable, ["--version"], env, scratch, timeout)
        if not version.output.startswith("clearstone "):
            raise SmokeFailure(f"unexpected --version output: {version.output!r}")
        commands = run(executable, ["--help"], env, scratch, timeout).output
        selftest = run(executable, ["selftest"], env, scratch, timeout)
        if "selftest passed" not in selftest.output or f"resources {bundle}" not in selftest.output:
            raise SmokeFailure(
                f"selftest did not run from the bundle's own resources:\n{_indent(selftest.output)}"
            )
        run(executable, ["rules", "status"], env, scratch, timeout)
        wrapper = isolation_wrapper(hidden_sources())
        if wrapper is not None:
            selftest = run(executable, ["selftest"], env, scratch, timeout, wrapper)
        else:
            print(
                "  --  Python and sources not hidden (needs Linux, root and unshare): selftest ran once",
                flush=True,
            )
        run(executable, ["check", str(sample), "--json"], env, scratch, timeout)
        check_bundled_lists(bundle, executable, env, scratch, timeout)
        if re.search(r"^\s+gui\b", commands, re.MULTILINE):
            run(executable, ["gui", "--exit-after-shown"], env, scratch, timeout)
            if "FILE" in run(executable, ["gui", "--help"], env, scratch, timeout).output:
                # what the .desktop entry and the Windows "Open with" command do with a double-clicked lot
                run(executable, ["gui", "--exit-after-shown", str(sample)], env, scratch, timeout)
        else:
            print("  --  the bundle has no `gui` command yet: GUI start not tested", flush=True)
        portable_mode(bundle, scratch, timeout, gui="gui" in commands)
    print("smoke test passed", flush=True)


def expected_lists(bundle: Path) -> dict[str, tuple[str, int]]:
    """The official lists bundled into `bundle` (id -> (sha256, entries)); empty when none are."""
    manifest = bundle.joinpath("_internal", *BUNDLED_LISTS)
    if not manifest.is_file():
        return {}
    return {
        item["id"]: (item["sha256"], item["entries"])
        for item in json.loads(manifest.read_text("utf-8"))["lists"]
    }


def list_problems(status_output: str, expected: dict[str, tuple[str, int]]) -> list[str]:
    """What `lists status --json` shows wrong about the bundled lists (empty: every one loaded intact)."""
    try:
        rows = {row["id"]: row for row in json.loads(status_output)["lists"]}
    except (ValueError, KeyError, TypeError) as exc:
        return [f"`lists status --json` printed no readable list status ({exc})"]
    problems = []
    for list_id, (sha256, entries) in sorted(expected.items()):
        row = rows.get(list_id)
        if row is None:
            problems.append(f"{list_id} is bundled but not loaded")
        elif (row.get("sha256"), row.get("entries"), row.get("via")) != (sha256, entries, "bundled"):
            problems.append(
                f"{list_id} loaded as sha256 {str(row.get('sha256'))[:16]}, {row.get('entries')} entries, "
                f"via {row.get('via')}; bundled: {sha256[:16]}, {entries} entries"
            )
    return problems


def check_bundled_lists(
    bundle: Path, executable: Path, env: Mapping[str, str], cwd: Path, timeout: float
) -> None:
    """Official lists bundled at build time are imported into a fresh data folder on first use, intact."""
    expected = expected_lists(bundle)
    if not expected:
        print("  --  no official lists bundled (build.py --lists): list seeding not tested", flush=True)
        return
    status = run(executable, ["lists", "status", "--json"], env, cwd, timeout)
    problems = list_problems(status.output, expected)
    if problems:
        raise SmokeFailure("bundled lists did not load:\n" + _indent("\n".join(problems)))
    print(f"  ok  bundled lists loaded: {', '.join(sorted(expected))}", flush=True)


def portable_mode(bundle: Path, scratch: Path, timeout: float, *, gui: bool) -> None:
    """A copy with `clearstone-data/` beside the executable keeps its data there and nowhere else."""
    copy = scratch / "usb-stick" / "clearstone"
    link_copy(bundle, copy)
    portable = copy / PORTABLE_DIR_NAME
    portable.mkdir()
    home = scratch / "portable-home"
    env = clean_environment(home, data_dir=None)
    before = set(files_under(home))
    executable = find_executable(copy)
    print(f"portable mode: {copy} with {PORTABLE_DIR_NAME}/ beside the executable", flush=True)
    run(executable, ["check", str(copy.joinpath("_internal", *SAMPLE)), "--json"], env, scratch, timeout)
    if gui:
        run(executable, ["gui", "--exit-after-shown"], env, scratch, timeout)
    kept = files_under(portable)
    if not any(name.endswith(".sqlite") for name in kept):
        raise SmokeFailure(f"portable mode: the register did not land in {portable} (found: {kept})")
    leaked = sorted(set(files_under(home)) - before)
    if leaked:
        raise SmokeFailure(f"portable mode wrote outside {PORTABLE_DIR_NAME}/: {leaked}")
    print(f"  ok  data kept beside the executable: {', '.join(kept)}", flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    bundle = Path(args[0]) if args else DEFAULT_BUNDLE
    try:
        smoke(bundle)
    except SmokeFailure as exc:
        print(f"smoke test FAILED: {exc}", file=sys.stderr, flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
