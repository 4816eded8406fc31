"""installer/smoke_test.py helpers: error markers, the clean environment, the portable copy, icons."""

from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType

import pytest

SELFTEST_OUTPUT = """clearstone 0.1.0 selftest (bundle, resources /opt/clearstone/_internal/resources) in /tmp/x
  check    ok       0.88 s  SAMPLE-2026-001: cleared for US, EU, UK, CA, JP (pack p 2026.11.1, bundled)
  screen   ok       0.29 s  «ПАО «Алроса»» -> PJSC ALROSA [CS-DIAMOND 34644] score 1.00; 2 sample name(s): no match
selftest passed: 6 steps in 4.10 s
"""


def test_normal_output_has_no_error_markers(smoke: ModuleType) -> None:
    assert smoke.error_markers(SELFTEST_OUTPUT) == []


@pytest.mark.parametrize(
    "line",
    [
        "Traceback (most recent call last):",
        "ModuleNotFoundError: No module named 'reportlab.graphics.barcode.code128'",
        "qt.qpa.fonts: Populating font family aliases took 120 ms",
        "QWidget::setLayout: Attempting to set QLayout on MainWindow",
        "QObject::connect: No such signal",
        "/x/y.py:3: DeprecationWarning: datetime.utcnow() is deprecated",
        "This plugin does not support propagateSizeHints()",
    ],
)
def test_errors_warnings_and_qt_messages_are_caught(smoke: ModuleType, line: str) -> None:
    assert smoke.error_markers(SELFTEST_OUTPUT + line + "\n") == [line]


def test_clean_environment_keeps_no_python_and_no_venv(smoke: ModuleType, tmp_path: Path) -> None:
    polluted = {
        "PATH": "/work/venv/bin:/usr/local/bin:/usr/bin",
        "PYTHONPATH": "/work/main",
        "PYTHONHOME": "/work/venv",
        "VIRTUAL_ENV": "/work/venv",
        "CLEARSTONE_RESOURCES": "/work/main/resources",
    }
    env = smoke.clean_environment(tmp_path / "home", tmp_path / "data", base=polluted)
    assert not {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "CLEARSTONE_RESOURCES"} & set(env)
    assert "venv" not in env["PATH"]
    assert env["QT_QPA_PLATFORM"] == "offscreen"
    assert env["CLEARSTONE_DATA_DIR"] == str(tmp_path / "data")
    assert "CLEARSTONE_DATA_DIR" not in smoke.clean_environment(tmp_path / "h2", None, base=polluted)


def test_portable_copy_is_hard_linked_not_symlinked(
    smoke: ModuleType, fake_bundle: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "stick" / "clearstone"
    smoke.link_copy(fake_bundle, copy)
    executable = copy / "clearstone"
    assert not executable.is_symlink()
    # a symlink would resolve back to the original bundle and portable mode would look for data there
    assert executable.resolve().parent == copy.resolve()
    assert (copy / "_internal" / "resources" / "marker.txt").read_text(encoding="utf-8") == "bundled\n"


def test_missing_bundle_is_a_clear_failure(smoke: ModuleType, tmp_path: Path) -> None:
    assert smoke.main([str(tmp_path / "nowhere")]) == 1


@pytest.mark.skipif(os.environ.get("CLEARSTONE_NO_QT") == "1", reason="renders the SVG with Qt")
def test_icons_are_rendered_for_every_platform(build: ModuleType, tmp_path: Path) -> None:
    from PIL import Image

    made = build.render_icons(build.ROOT / "resources" / "icons" / "clearstone.svg", tmp_path)
    with Image.open(made["png"]) as png:
        assert png.size == (256, 256)
        assert png.getpixel((128, 128))[3] == 255  # the artwork is drawn, not a transparent square
    with Image.open(made["ico"]) as ico:
        assert (256, 256) in ico.info["sizes"] and (16, 16) in ico.info["sizes"]
    with Image.open(made["icns"]) as icns:
        assert icns.size[0] >= 256


def test_hidden_sources_cover_this_python_and_the_source_tree(smoke: ModuleType) -> None:
    import sys
    import sysconfig

    hidden = smoke.hidden_sources()
    repo = Path(__file__).resolve().parents[2]
    assert repo / "desktop" in hidden and repo / "resources" in hidden
    stdlib = Path(sysconfig.get_paths()["stdlib"]).resolve()
    assert any(h == stdlib or h in stdlib.parents for h in hidden)
    if sys.prefix != sys.base_prefix:
        assert Path(sys.prefix).resolve() in hidden
    # never a folder inside another (it could not be mounted over once its parent is hidden), never a root
    assert not any(a != b and a in b.parents for a in hidden for b in hidden)
    assert not {Path("/"), Path("/usr"), Path("/usr/local")} & set(hidden)


def test_launcher_gives_a_windowed_program_somewhere_to_write(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util
    import sys

    path = Path(__file__).resolve().parents[2] / "installer" / "launcher.py"
    spec = importlib.util.spec_from_file_location("clearstone_installer_launcher", path)
    assert spec is not None and spec.loader is not None
    launcher = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(launcher)
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    launcher._ensure_streams()
    assert sys.stdout is not None and sys.stderr is not None
    sys.stderr.write("clearstone: a message nobody sees\n")
    sys.stdout.close()
    sys.stderr.close()
