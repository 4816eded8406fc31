"""`clearstone gui [FILE] [--exit-after-shown]`: open the desktop window (also what runs with no subcommand)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from desktop.cli.common import CommandError, add_common_options, data_dir
from desktop.paths import APP_NAME, DATA_DIR_ENV, portable_data_dir


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("gui", help="open the desktop window (the default)")
    add_common_options(parser, json_output=False)
    parser.add_argument(
        "file",
        nargs="?",
        type=Path,
        metavar="FILE",
        help="a lot file to open, or an attestation PDF to verify (what the desktop's file associations pass)",
    )
    parser.add_argument(
        "--exit-after-shown",
        action="store_true",
        help="exit 0 once the main window is shown and the event loop is idle (start-up benchmarks, smoke tests)",
    )
    parser.set_defaults(handler=run)


def _config_dir() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False))


def _gui_data_dir(args: argparse.Namespace) -> Path:
    """--data-dir, else $CLEARSTONE_DATA_DIR, else the portable folder, else the folder chosen in Settings."""
    if (
        getattr(args, "data_dir", None) is None
        and not os.environ.get(DATA_DIR_ENV)
        and portable_data_dir() is None
    ):
        from desktop.settings import chosen_data_dir

        chosen = chosen_data_dir(_config_dir())
        if chosen is not None:
            args.data_dir = chosen
    return data_dir(args)


def display_problem(environ: dict[str, str] | None = None, platform: str | None = None) -> str | None:
    """Why the window cannot open here, before Qt is loaded (Qt would abort with a core dump), or None.
    Only what is certain: on Linux and BSD with no display at all; other faults Qt reports at start."""
    env = dict(os.environ) if environ is None else environ
    system = sys.platform if platform is None else platform
    chosen = env.get("QT_QPA_PLATFORM", "").split(":", 1)[0]
    if chosen and chosen not in ("xcb", "wayland"):
        return None  # offscreen, vnc, eglfs...: the user chose a platform that needs no display variable
    if not system.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    if chosen == "xcb" and not env.get("DISPLAY"):
        return "no display (QT_QPA_PLATFORM is xcb but DISPLAY is not set)"
    if chosen == "wayland" and not env.get("WAYLAND_DISPLAY"):
        return "no display (QT_QPA_PLATFORM is wayland but WAYLAND_DISPLAY is not set)"
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return "no display (neither DISPLAY nor WAYLAND_DISPLAY is set)"
    return None


def run(args: argparse.Namespace) -> int:
    problem = display_problem()
    if problem is not None:
        raise CommandError(
            f"cannot open the window: {problem}; the command line works without one: clearstone --help"
        )
    folder = _gui_data_dir(args)
    from desktop.startup import log_to_file

    log_to_file(folder)
    # Pure-Python modules first: once PySide6 is loaded, its import hook taxes every later import.
    import desktop.settings
    import desktop.ui.i18n  # noqa: F401
    from desktop.ui.app import run_gui  # Qt is imported only when the window is really wanted

    opened: Path | None = args.file
    if opened is not None and not opened.is_file():
        raise CommandError(f"{opened}: no such file")
    return run_gui(folder, exit_after_shown=args.exit_after_shown, open_file=opened)
