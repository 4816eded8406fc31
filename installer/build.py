"""Build the installers: freeze with PyInstaller, smoke-test the bundle, package it, write SHA-256 sums.

python installer/build.py            # this OS: bundle + its package(s) under installer/dist/
python installer/build.py --ci       # Linux CI: fail fast, print sizes and times, measure cold start
python installer/build.py --skip-freeze   # reuse installer/dist/clearstone from an earlier run
python installer/build.py --lists FOLDER_OR_FILE_OR_PACK [--lists ...]   # bundle official lists
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

INSTALLER = Path(__file__).resolve().parent
ROOT = INSTALLER.parent
BUILD = INSTALLER / "build"
DIST = INSTALLER / "dist"
SPEC = INSTALLER / "clearstone.spec"
LOCK = ROOT / "requirements" / "lock.txt"
APP_ID = "io.clearstone.Clearstone"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
MB = 1024 * 1024
T = TypeVar("T")
# Official lists bundled into the package (resources/lists/official in the bundle), staged here first.
LISTS_STAGING = BUILD / "lists" / "official"
LISTS_ENV = "CLEARSTONE_BUNDLED_LISTS"  # read by clearstone.spec
# What `--ci` bundles when ../shared/sanctions-data is present: real official files (excerpts).
CI_LISTS = (
    "un/UN_consolidated_2026-02-27.xml",
    "eu/eu_fsf_excerpt_2026-08-05.xml",
    "uk/uk_sanctions_list_excerpt_2026-09-10.xml",
    "ofac/sdn-aliases-addresses-2025-12",
    "ofac/consolidated-non-sdn-2025-12",
)


class BuildError(Exception):
    """A build step failed; the message names the step and why."""


def project_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    return str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"])


def platform_tag(system: str | None = None, machine: str | None = None) -> str:
    """`linux-x86_64`, `windows-amd64`, `macos-arm64`: the suffix of every package name."""
    system = (system or platform.system()).lower()
    machine = (machine or platform.machine()).lower() or "unknown"
    names = {"darwin": "macos", "windows": "windows", "linux": "linux"}
    return f"{names.get(system, system)}-{machine}"


def executable_name(system: str | None = None) -> str:
    return "clearstone.exe" if (system or platform.system()) == "Windows" else "clearstone"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_sha256sums(files: Iterable[Path], out: Path) -> Path:
    """`sha256sum -c`-compatible lines (two spaces, file name relative to `out`'s folder), sorted by name."""
    lines = [f"{sha256_of(f)}  {f.name}" for f in sorted(files, key=lambda p: p.name)]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def fill_template(text: str, values: dict[str, str]) -> str:
    """Replace @NAME@ markers; a marker left unfilled is a build error, not a broken package."""
    for name, value in values.items():
        text = text.replace(f"@{name}@", value)
    left = sorted(set(re.findall(r"@[A-Z][A-Z_]*@", text)))
    if left:
        raise BuildError(f"unfilled template markers: {', '.join(left)}")
    return text


# --- steps ------------------------------------------------------------------------------------------------


# Imported lazily by the app, so a missing one would only show as a disabled feature in the bundle:
# PyInstaller itself, pypdfium2 (the GUI's PDF preview and printing) and Pillow (pyHanko, reportlab).
REQUIRED_MODULES = ("PyInstaller", "pypdfium2", "PIL", "PySide6.QtSvg")


def canonical_name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked_versions(lock: Path = LOCK) -> dict[str, tuple[str, str | None]]:
    """Package -> (exact version, environment marker or None) from requirements/lock.txt."""
    pin = re.compile(r"^([A-Za-z0-9_.-]+)==([^ ;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")
    found: dict[str, tuple[str, str | None]] = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        match = pin.match(line)
        if match:
            found[canonical_name(match[1])] = (match[2], match[3])
    return found


def lock_mismatches(lock: Path = LOCK) -> list[str]:
    """What this Python has that differs from the lock (for this platform's markers): a bundle freezes what
    is installed, so it must be exactly what was tested."""
    from importlib import metadata

    from packaging.markers import Marker

    differences = []
    for name, (version, marker) in locked_versions(lock).items():
        if marker and not Marker(marker).evaluate():
            continue
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            differences.append(f"{name} missing (lock {version})")
            continue
        if installed != version:
            differences.append(f"{name} {installed} (lock {version})")
    return differences


def preflight(modules: Sequence[str] = REQUIRED_MODULES) -> None:
    """Refuse to build a bundle that would silently lack a feature because this Python lacks a package, or
    that would ship other versions than the lock's."""
    import importlib.util

    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        raise BuildError(
            f"this Python lacks {', '.join(missing)}: install from the lock (see installer/README.md)"
        )
    differences = lock_mismatches()
    if differences:
        raise BuildError(
            "this Python differs from requirements/lock.txt: "
            + ", ".join(differences)
            + " (install with: pip install --require-hashes -r requirements/lock.txt)"
        )


def render_icons(svg: Path, out: Path) -> dict[str, Path]:
    """PNG sizes, a Windows .ico and a macOS .icns from the SVG (Qt renders, Pillow writes the containers)."""
    code = (
        "import sys\n"
        "from PySide6.QtCore import Qt\n"
        "from PySide6.QtGui import QGuiApplication, QImage, QPainter\n"
        "from PySide6.QtSvg import QSvgRenderer\n"
        "app = QGuiApplication(['render-icons'])\n"
        "renderer = QSvgRenderer(sys.argv[1])\n"
        "assert renderer.isValid(), 'invalid SVG'\n"
        "for size in map(int, sys.argv[3:]):\n"
        "    image = QImage(size, size, QImage.Format.Format_ARGB32)\n"
        "    image.fill(Qt.GlobalColor.transparent)\n"
        "    painter = QPainter(image)\n"
        "    renderer.render(painter)\n"
        "    painter.end()\n"
        "    assert image.save(f'{sys.argv[2]}/clearstone-{size}.png')\n"
    )
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(
        [sys.executable, "-c", code, str(svg), str(out), *map(str, ICON_SIZES)], check=True, env=env
    )
    from PIL import Image

    largest = Image.open(out / f"clearstone-{ICON_SIZES[-1]}.png")
    largest.save(out / "clearstone.ico", sizes=[(s, s) for s in ICON_SIZES if s <= 256])
    largest.save(out / "clearstone.icns")
    shutil.copyfile(out / "clearstone-256.png", out / "clearstone.png")
    return {"png": out / "clearstone.png", "ico": out / "clearstone.ico", "icns": out / "clearstone.icns"}


def shared_sanctions_data() -> Path:
    """../shared/sanctions-data beside the repository (or under $CLEARSTONE_SHARED)."""
    return Path(os.environ.get("CLEARSTONE_SHARED", ROOT.parent / "shared")) / "sanctions-data"


def ci_list_paths(folder: Path | None = None) -> list[Path]:
    """The official files `--ci` bundles; empty (with a note) when the shared folder is absent."""
    folder = folder or shared_sanctions_data()
    paths = [folder / rel for rel in CI_LISTS]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"build: {folder} lacks {', '.join(p.name for p in missing)}: no official lists bundled")
        return []
    return paths


def bundle_lists(paths: Sequence[Path], dest: Path = LISTS_STAGING) -> Path:
    """Read every list with the app's own importers and stage it with its manifest for the spec."""
    from datetime import UTC, datetime

    from desktop.screening.errors import ScreeningError
    from desktop.screening.seed import write_bundle

    try:
        manifest = write_bundle([Path(p) for p in paths], dest, datetime.now(UTC))
    except ScreeningError as exc:
        raise BuildError(f"--lists: {exc}") from None
    for item in manifest.lists:
        published = f"published {item.publication_date}" if item.publication_date else "undated"
        print(f"  list  {item.id:<10} {published:<20} {item.entries:>7} entries  sha256 {item.sha256[:16]}")
    return dest


def freeze(icons: Path, lists: Path | None = None) -> Path:
    """Run PyInstaller on the shared spec; returns the one-folder bundle."""
    env = {**os.environ, "CLEARSTONE_ICON_DIR": str(icons)}
    env.pop(LISTS_ENV, None)
    if lists is not None:
        env[LISTS_ENV] = str(lists)
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--clean",
        "--log-level=WARN",
        f"--distpath={DIST}",
        f"--workpath={BUILD / 'work'}",
    ]
    result = subprocess.run(command, env=env, cwd=ROOT)
    if result.returncode != 0:
        raise BuildError(f"PyInstaller failed (exit {result.returncode})")
    return bundle_dir()


def bundle_dir() -> Path:
    return DIST / "clearstone"


def smoke_test(bundle: Path) -> None:
    result = subprocess.run([sys.executable, str(INSTALLER / "smoke_test.py"), str(bundle)])
    if result.returncode != 0:
        raise BuildError("the smoke test failed on the built bundle (see above)")


def linux_share_files(version: str, release_date: str, icon_png: Path) -> dict[str, bytes]:
    """The freedesktop files that go under `share/` in the tarball, by their path there."""
    linux = INSTALLER / "linux"
    metainfo = fill_template(
        (linux / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8"),
        {"VERSION": version, "DATE": release_date},
    )
    return {
        f"applications/{APP_ID}.desktop": (linux / f"{APP_ID}.desktop").read_bytes(),
        f"metainfo/{APP_ID}.metainfo.xml": metainfo.encode("utf-8"),
        f"mime/packages/{APP_ID}.xml": (linux / f"{APP_ID}.mime.xml").read_bytes(),
        f"icons/hicolor/256x256/apps/{APP_ID}.png": icon_png.read_bytes(),
    }


def package_linux(bundle: Path, version: str, release_date: str, icon_png: Path, out_dir: Path) -> Path:
    """clearstone-VERSION-linux-ARCH.tar.gz: the bundle, install.sh and the desktop integration files."""
    top = f"clearstone-{version}"
    staging = BUILD / "package" / top
    shutil.rmtree(staging.parent, ignore_errors=True)
    shutil.copytree(bundle, staging, symlinks=True)
    for relative, data in linux_share_files(version, release_date, icon_png).items():
        target = staging / "share" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    shutil.copy2(INSTALLER / "linux" / "install.sh", staging / "install.sh")
    (staging / "install.sh").chmod(0o755)
    shutil.copy2(INSTALLER / "linux" / "README.txt", staging / "README.txt")
    archive = out_dir / f"{top}-{platform_tag()}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(staging, arcname=top, filter=_normalised)
    return archive


def _normalised(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def package_portable_zip(bundle: Path, version: str, out_dir: Path) -> Path:
    """clearstone-VERSION-portable-OS.zip: the bundle plus an empty clearstone-data folder (portable mode)."""
    top = f"clearstone-{version}-portable"
    archive = out_dir / f"{top}-{platform_tag()}.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for path in sorted(bundle.rglob("*")):
            zf.write(path, f"{top}/{path.relative_to(bundle).as_posix()}")
        zf.writestr(f"{top}/clearstone-data/", "")
        zf.write(INSTALLER / "windows" / "PORTABLE.txt", f"{top}/PORTABLE.txt")
    return archive


def package_windows(bundle: Path, version: str, out_dir: Path) -> list[Path]:
    """The Inno Setup installer (when ISCC is on PATH) and the portable zip."""
    made = [package_portable_zip(bundle, version, out_dir)]
    iscc = shutil.which("ISCC") or shutil.which("iscc")
    if iscc is None:
        print("build: ISCC (Inno Setup 6) not on PATH: installer .exe not built; see installer/README.md")
        return made
    subprocess.run(
        [
            iscc,
            f"/DAppVersion={version}",
            f"/DBundleDir={bundle}",
            f"/DOutputDir={out_dir}",
            f"/DIconFile={BUILD / 'icons' / 'clearstone.ico'}",
            str(INSTALLER / "windows" / "clearstone.iss"),
        ],
        check=True,
    )
    made.append(out_dir / f"clearstone-{version}-setup-{platform_tag()}.exe")
    return made


def package_macos(version: str, out_dir: Path) -> list[Path]:
    """Clearstone.app (made by the spec) into a .dmg; signs and notarises when the environment says how."""
    dmg = out_dir / f"Clearstone-{version}-{platform_tag()}.dmg"
    subprocess.run(
        ["bash", str(INSTALLER / "macos" / "make_dmg.sh"), str(DIST / "Clearstone.app"), str(dmg)], check=True
    )
    return [dmg]


def measure(bundle: Path, repeat: int) -> dict[str, float]:
    """Cold start, median of `repeat`: the bundle and the same command from this Python, run alternately
    so that both see the same machine load."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    scratch = BUILD / "measure-data"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    env["CLEARSTONE_DATA_DIR"] = str(scratch)
    programs = {"bundle": [str(bundle / executable_name())], "venv": [sys.executable, "-m", "desktop"]}
    commands = {"--version": ["--version"], "gui --exit-after-shown": ["gui", "--exit-after-shown"]}
    samples: dict[str, list[float]] = {}
    for label, args in commands.items():
        for prefix in programs.values():
            subprocess.run([*prefix, *args], env=env, check=True, capture_output=True)  # warm the disk cache
        for _ in range(repeat):
            for kind, prefix in programs.items():
                started = time.perf_counter()
                subprocess.run([*prefix, *args], env=env, check=True, capture_output=True)
                samples.setdefault(f"{kind} {label}", []).append(time.perf_counter() - started)
    return {name: statistics.median(times) for name, times in samples.items()}


class Steps:
    """Runs named build steps, printing each one's start and duration (CI logs show where time goes)."""

    def __init__(self) -> None:
        self.timings: dict[str, float] = {}

    def run(self, name: str, action: Callable[[], T]) -> T:
        print(f"\n=== build: {name}", flush=True)
        started = time.perf_counter()
        value = action()
        self.timings[name] = time.perf_counter() - started
        print(f"=== build: {name} done in {self.timings[name]:.1f} s", flush=True)
        return value


def build_packages(args: argparse.Namespace, steps: Steps, version: str) -> tuple[Path, list[Path], Path]:
    """Icons, bundle, smoke test, this OS's packages and their SHA256SUMS; returns (bundle, packages, sums)."""
    system = platform.system()
    preflight()
    icons = steps.run(
        "icons", lambda: render_icons(ROOT / "resources" / "icons" / "clearstone.svg", BUILD / "icons")
    )
    list_paths = [Path(p) for p in args.lists] or (ci_list_paths() if args.ci else [])
    lists = steps.run("bundle lists", lambda: bundle_lists(list_paths)) if list_paths else None
    if args.skip_freeze:
        bundle = bundle_dir()
        if not (bundle / executable_name()).is_file():
            raise BuildError(f"--skip-freeze: no bundle at {bundle}; build once without it")
    else:
        bundle = steps.run("freeze", lambda: freeze(BUILD / "icons", lists))
    if not args.skip_smoke:
        steps.run("smoke test", lambda: smoke_test(bundle))
    out = DIST / "packages"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    if system == "Linux":
        made = [
            steps.run("package", lambda: package_linux(bundle, version, args.release_date, icons["png"], out))
        ]
    elif system == "Windows":
        made = steps.run("package", lambda: package_windows(bundle, version, out))
    else:
        made = steps.run("package", lambda: package_macos(version, out))
    return bundle, made, write_sha256sums(made, out / "SHA256SUMS")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--ci", action="store_true", help="Linux CI: fail fast, print sizes and times")
    parser.add_argument("--skip-freeze", action="store_true", help="reuse installer/dist/clearstone")
    parser.add_argument(
        "--skip-smoke", action="store_true", help="package without the smoke test (not in CI)"
    )
    parser.add_argument(
        "--measure", type=int, default=None, metavar="N", help="cold-start runs (default 5 with --ci)"
    )
    parser.add_argument(
        "--release-date", default=dt.date.today().isoformat(), help="date in the AppStream release entry"
    )
    parser.add_argument(
        "--measure-only", action="store_true", help="only measure the cold start of the existing bundle"
    )
    parser.add_argument(
        "--lists",
        action="append",
        default=[],
        metavar="PATH",
        help="bundle official list files, folders or a data pack (repeatable; --ci uses ../shared's files)",
    )
    args = parser.parse_args(argv)
    if args.lists and args.skip_freeze:
        parser.error("--lists goes into the frozen bundle: drop --skip-freeze")
    if args.measure_only:
        return print_cold_start(bundle_dir(), args.measure or 5)
    if args.ci and platform.system() != "Linux":
        parser.error("--ci builds the Linux bundle; run without --ci on Windows or macOS")
    if args.ci and args.skip_smoke:
        parser.error("--ci always runs the smoke test")
    version = project_version()
    steps = Steps()
    try:
        bundle, made, sums = build_packages(args, steps, version)
    except (BuildError, subprocess.CalledProcessError, OSError) as exc:
        print(f"build: FAILED: {exc}", file=sys.stderr)
        return 1
    print(f"\nclearstone {version} ({platform_tag()})")
    print(f"  bundle   {bundle}  {folder_size(bundle) / MB:.1f} MB")
    for path in made:
        print(f"  package  {path}  {path.stat().st_size / MB:.1f} MB")
    print(f"  sums     {sums}")
    print("  times    " + ", ".join(f"{k} {v:.1f} s" for k, v in steps.timings.items()))
    repeat = args.measure if args.measure is not None else (5 if args.ci else 0)
    return print_cold_start(bundle, repeat) if repeat > 0 else 0


def print_cold_start(bundle: Path, repeat: int) -> int:
    if not (bundle / executable_name()).is_file():
        print(f"build: no bundle at {bundle} to measure", file=sys.stderr)
        return 1
    figures = measure(bundle, repeat)
    print(f"  cold start, median of {repeat}, bundle beside the same command from {sys.executable}:")
    for label, seconds in figures.items():
        print(f"    {label:<32}{seconds:6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
