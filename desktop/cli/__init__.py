"""The headless commands (contract: shared/spec/cli.md); each submodule registers one command group."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from desktop import __version__
from desktop.cli.common import EXIT_INTERNAL, EXIT_USAGE, CommandError, print_error

Handler = Callable[[argparse.Namespace], int]
EXIT_CLOSED_PIPE = 141  # 128 + SIGPIPE

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
    guard = _ClosedPipeGuard.install()
    try:
        code = handler(args)
    except CommandError as exc:
        print_error(str(exc))
        code = exc.code
    except KeyboardInterrupt:
        print_error("interrupted")
        code = 130
    except BrokenPipeError:
        # Output written past the guard (raw file descriptors) met a closed pipe: the command was cut short,
        # so it cannot report success; 141 is what a shell shows for a process ended by SIGPIPE.
        code = EXIT_CLOSED_PIPE
    except Exception as exc:  # the crash hook of the command line: one line, details only on request
        from desktop.fileio import fault_message, is_fault

        if is_fault(exc):  # disk full, read-only folder, permission denied: the user can fix it
            assert isinstance(exc, OSError)
            print_error(fault_message(exc))
            code = EXIT_USAGE
        else:
            print_error(f"internal error: {type(exc).__name__}: {exc} (please report this)")
            if "--debug" in sys.argv or __debug_enabled():
                guard.remove()
                raise
            code = EXIT_INTERNAL
    guard.remove()
    return code


class _ClosedPipeGuard:
    """While a command runs, a reader that went away (`| head -1`) silences further output instead of raising
    mid-command: the command finishes and its own exit code stands, so a failure is never reported as 0."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.closed_pipe = False

    @classmethod
    def install(cls) -> _Guards:
        return _Guards(cls(sys.stdout), cls(sys.stderr))

    def write(self, text: str) -> int:
        if not self.closed_pipe:
            try:
                return self._stream.write(text)
            except BrokenPipeError:
                self._silence()
        return len(text)

    def flush(self) -> None:
        if not self.closed_pipe:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._silence()

    def _silence(self) -> None:
        self.closed_pipe = True
        # Point the descriptor at /dev/null so the interpreter's final flush does not fail a second time.
        import os

        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)
        except (OSError, ValueError, AttributeError):
            pass  # a stream without a descriptor (tests capture output in memory)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class _Guards:
    """Both guards in place for one command; a missing stream (a windowed build has none) is left alone."""

    def __init__(self, out: _ClosedPipeGuard, err: _ClosedPipeGuard) -> None:
        self.out = out if out._stream is not None else None
        self.err = err if err._stream is not None else None
        if self.out is not None:
            sys.stdout = self.out
        if self.err is not None:
            sys.stderr = self.err

    def remove(self) -> None:
        for guard, name in ((self.out, "stdout"), (self.err, "stderr")):
            if guard is None:
                continue
            guard.flush()
            if getattr(sys, name) is guard:
                setattr(sys, name, guard._stream)


def __debug_enabled() -> bool:
    import os

    return os.environ.get("CLEARSTONE_DEBUG") == "1"
