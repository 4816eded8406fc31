"""installer/build.py helpers: version, names, sums, templates, Linux packaging, the spec's Qt exclusions."""

from __future__ import annotations

import configparser
import hashlib
import os
import re
import shutil
import stat
import subprocess
import tarfile
import xml.etree.ElementTree as ElementTree
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

import desktop

REPO = Path(__file__).resolve().parents[2]
APP_ID = "io.clearstone.Clearstone"


def test_version_comes_from_pyproject(build: ModuleType, tmp_path: Path) -> None:
    assert build.project_version() == desktop.__version__
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "x"\nversion = "9.8.7"\n', encoding="utf-8")
    assert build.project_version(other) == "9.8.7"


@pytest.mark.parametrize(
    ("system", "machine", "tag"),
    [
        ("Linux", "x86_64", "linux-x86_64"),
        ("Windows", "AMD64", "windows-amd64"),
        ("Darwin", "arm64", "macos-arm64"),
    ],
)
def test_platform_tag(build: ModuleType, system: str, machine: str, tag: str) -> None:
    assert build.platform_tag(system, machine) == tag


def test_executable_name(build: ModuleType) -> None:
    assert build.executable_name("Windows") == "clearstone.exe"
    assert build.executable_name("Linux") == "clearstone"


def test_sha256sums_are_sorted_and_checkable(build: ModuleType, tmp_path: Path) -> None:
    b = tmp_path / "b.tar.gz"
    a = tmp_path / "a.zip"
    b.write_bytes(b"bundle")
    a.write_bytes(b"")
    sums = build.write_sha256sums([b, a], tmp_path / "SHA256SUMS")
    lines = sums.read_text(encoding="utf-8").splitlines()
    assert lines == [
        f"{hashlib.sha256(b'').hexdigest()}  a.zip",
        f"{hashlib.sha256(b'bundle').hexdigest()}  b.tar.gz",
    ]
    if shutil.which("sha256sum"):
        subprocess.run(["sha256sum", "--check", "--quiet", "SHA256SUMS"], cwd=tmp_path, check=True)
        b.write_bytes(b"tampered")
        assert subprocess.run(["sha256sum", "--check", "--quiet", "SHA256SUMS"], cwd=tmp_path).returncode != 0


def test_fill_template_refuses_unfilled_markers(build: ModuleType) -> None:
    assert build.fill_template("v@VERSION@ on @DATE@", {"VERSION": "1.2", "DATE": "2026-11-28"}) == (
        "v1.2 on 2026-11-28"
    )
    assert build.fill_template("mail@example.org", {}) == "mail@example.org"
    with pytest.raises(build.BuildError, match="@DATE@"):
        build.fill_template("v@VERSION@ on @DATE@", {"VERSION": "1.2"})


def _share(build: ModuleType, tmp_path: Path) -> dict[str, bytes]:
    icon = tmp_path / "icon.png"
    icon.write_bytes(b"\x89PNG fake")
    files: dict[str, bytes] = build.linux_share_files("1.2.3", "2026-11-28", icon)
    return files


def test_desktop_entry_matches_mime_type_and_icon(build: ModuleType, tmp_path: Path) -> None:
    files = _share(build, tmp_path)
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read_string(files[f"applications/{APP_ID}.desktop"].decode("utf-8"))
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"].split()[0] == "clearstone"
    assert section["Icon"] == APP_ID
    assert f"icons/hicolor/256x256/apps/{section['Icon']}.png" in files
    mime = ElementTree.fromstring(files[f"mime/packages/{APP_ID}.xml"])
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime_type = mime.find("m:mime-type", ns)
    assert mime_type is not None
    assert section["MimeType"].rstrip(";") == mime_type.get("type")
    assert [g.get("pattern") for g in mime_type.findall("m:glob", ns)] == ["*.lot.json"]


def test_metainfo_names_version_date_and_launchable(build: ModuleType, tmp_path: Path) -> None:
    files = _share(build, tmp_path)
    data = files[f"metainfo/{APP_ID}.metainfo.xml"]
    root = ElementTree.fromstring(data)
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    release = root.find("releases/release")
    assert release is not None
    assert (release.get("version"), release.get("date")) == ("1.2.3", "2026-11-28")
    if shutil.which("appstreamcli"):
        path = tmp_path / f"{APP_ID}.metainfo.xml"
        path.write_bytes(data)
        done = subprocess.run(
            ["appstreamcli", "validate", "--no-net", str(path)], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr


def test_linux_tarball_holds_bundle_installer_and_desktop_files(
    build: ModuleType, fake_bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build, "BUILD", tmp_path / "build")
    icon = tmp_path / "icon.png"
    icon.write_bytes(b"\x89PNG fake")
    out = tmp_path / "packages"
    out.mkdir()
    archive = build.package_linux(fake_bundle, "1.2.3", "2026-11-28", icon, out)
    assert archive.name == f"clearstone-1.2.3-{build.platform_tag()}.tar.gz"
    with tarfile.open(archive) as tar:
        members = {m.name: m for m in tar.getmembers()}
    top = "clearstone-1.2.3"
    for name in (
        f"{top}/clearstone",
        f"{top}/_internal/resources/marker.txt",
        f"{top}/install.sh",
        f"{top}/README.txt",
        f"{top}/share/applications/{APP_ID}.desktop",
        f"{top}/share/metainfo/{APP_ID}.metainfo.xml",
        f"{top}/share/mime/packages/{APP_ID}.xml",
        f"{top}/share/icons/hicolor/256x256/apps/{APP_ID}.png",
    ):
        assert name in members, name
    assert members[f"{top}/clearstone"].mode & stat.S_IXUSR
    assert members[f"{top}/install.sh"].mode & stat.S_IXUSR
    assert {m.uid for m in members.values()} == {0}


def test_portable_zip_carries_an_empty_data_folder(
    build: ModuleType, fake_bundle: Path, tmp_path: Path
) -> None:
    archive = build.package_portable_zip(fake_bundle, "1.2.3", tmp_path)
    with zipfile.ZipFile(archive) as zf:
        names = set(zf.namelist())
    top = "clearstone-1.2.3-portable"
    assert f"{top}/clearstone-data/" in names
    assert f"{top}/clearstone" in names
    assert f"{top}/PORTABLE.txt" in names


@pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")
def test_install_script_installs_for_the_user_and_uninstall_keeps_data(
    build: ModuleType, fake_bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build, "BUILD", tmp_path / "build")
    icon = tmp_path / "icon.png"
    icon.write_bytes(b"\x89PNG fake")
    archive = build.package_linux(fake_bundle, "1.2.3", "2026-11-28", icon, tmp_path)
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path / "unpacked", filter="tar")
    home = tmp_path / "home"
    data = home / ".local" / "share" / "Clearstone"
    data.mkdir(parents=True)
    (data / "register.sqlite").write_bytes(b"the user's register")
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    script = tmp_path / "unpacked" / "clearstone-1.2.3" / "install.sh"
    subprocess.run([str(script)], env=env, check=True, capture_output=True)
    prefix = home / ".local" / "opt" / "clearstone"
    launcher = home / ".local" / "bin" / "clearstone"
    assert subprocess.run([str(launcher)], capture_output=True, text=True).stdout == "clearstone 0.0.0\n"
    desktop_file = home / ".local" / "share" / "applications" / f"{APP_ID}.desktop"
    assert re.search(rf"^Exec={re.escape(str(prefix))}/clearstone gui %f$", desktop_file.read_text(), re.M)
    subprocess.run([str(script), "--uninstall"], env=env, check=True, capture_output=True)
    assert not prefix.exists() and not launcher.exists() and not desktop_file.exists()
    assert (data / "register.sqlite").read_bytes() == b"the user's register"


def _spec_excluded_qt_modules() -> set[str]:
    spec = (REPO / "installer" / "clearstone.spec").read_text(encoding="utf-8")
    block = spec[spec.index("excludes = [") : spec.index("def _without_unused_data")]
    return set(re.findall(r'"(Qt\w+)"', block))


def _imported_qt_modules() -> set[str]:
    found: set[str] = set()
    for path in (REPO / "desktop").rglob("*.py"):
        found |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    return found


def test_spec_excludes_no_qt_module_the_app_imports() -> None:
    excluded = _spec_excluded_qt_modules()
    assert "QtNetwork" in excluded  # the exclusion list is really read
    used = _imported_qt_modules()
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    assert not (used & excluded), f"the spec excludes Qt modules the app imports: {sorted(used & excluded)}"


def test_spec_bundles_resources_and_every_command_module() -> None:
    spec = (REPO / "installer" / "clearstone.spec").read_text(encoding="utf-8")
    assert 'collect_submodules("desktop")' in spec
    assert '(str(ROOT / "resources"), "resources")' in spec
    assert 'name="clearstone"' in spec


def test_preflight_names_every_missing_package(build: ModuleType) -> None:
    build.preflight(["json", "PyInstaller"])
    with pytest.raises(build.BuildError, match="no_such_package_a, no_such_package_b"):
        build.preflight(["json", "no_such_package_a", "no_such_package_b"])
