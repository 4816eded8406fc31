"""The headless commands (contract: shared/spec/cli.md); each submodule registers one command group."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Callable, Sequence

from desktop import __version__
from desktop.cli.common import EXIT_INTERNAL, EXIT_USAGE, CommandError, print_error

Handler = Callable[[argparse.Namespace], int]

# Order of the subcommands in --help; modules not listed here still register, after these.
_PREFERRED_ORDER = (
    "check",
    "screen",
    "lists",
    "rules",
    "identity",
    "attest",
    "verify",
    "register",
    "gui",
    "selftest",
)


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on usage errors, as the contract wants; keep its message to one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        command = self.prog.split(" ", 1)[1] + " " if " " in self.prog else ""
        self.exit(EXIT_USAGE, f"clearstone: {message} (see `clearstone {command}--help`)\n")


class _VersionAction(argparse.Action):
    """`--version` also says where the desktop app keeps its log: the first thing support asks for."""

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        from desktop.paths import default_data_dir
        from desktop.startup import log_file

        sys.stdout.write(f"clearstone {__version__}\nlog: {log_file(default_data_dir())}\n")
        parser.exit(0)


def _command_modules() -> list[str]:
    names = [
        m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_") and m.name != "common"
    ]
    return sorted(names, key=lambda n: (_PREFERRED_ORDER.index(n) if n in _PREFERRED_ORDER else 99, n))


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The full parser, or with `only` just the command about to run (each module is named for its
    command), so that opening the window does not import every command's dependencies."""
    parser = _Parser(
        prog="clearstone", description="Clearstone: diamond-lot compliance checks and attestations."
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="show the version and the log file")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in [only] if only else _command_modules():
        module = importlib.import_module(f"desktop.cli.{name}")
        module.register(commands)
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments or (arguments[0].startswith("-") and arguments[0] not in ("-h", "--help", "--version")):
        arguments = ["gui", *arguments]  # with no subcommand Clearstone opens the window
    parser = build_parser(only=arguments[0] if arguments[0] in _command_modules() else None)
    args = parser.parse_args(arguments)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if getattr(args, "log_level", None):
        from desktop.startup import configure, log_level

        configure(log_level(args.log_level))
    try:
        return handler(args)
    except CommandError as exc:
        print_error(str(exc))
        return exc.code
    except KeyboardInterrupt:
        print_error("interrupted")
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: send further output nowhere so the interpreter does not
        # complain at exit, and report success — the command itself did its job.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:  # the crash hook of the command line: one line, details only on request
        print_error(f"internal error: {type(exc).__name__}: {exc} (please report this)")
        if "--debug" in sys.argv or __debug_enabled():
            raise
        return EXIT_INTERNAL


def __debug_enabled() -> bool:
    import os

    return os.environ.get("CLEARSTONE_DEBUG") == "1"
