"""Start-up time of `clearstone gui --exit-after-shown` against a bare PySide6 window doing the same.

Both run as whole processes, alternately, in the same run; the report gives the median of N runs each
and their ratio (target: at most 1.5). Usage: python bench/startup_bench.py [--runs 15] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1180, 800)
window.show()
QTimer.singleShot(0, lambda: app.exit(0 if window.isVisible() else 1))
sys.exit(app.exec())
"""


# The same window through desktop.cli.gui alone, skipping the dispatcher that imports every command module:
# shows how much of the start-up is the GUI's own and how much the command-line layer's.
GUI_ONLY = """
import argparse, sys
from desktop.cli import gui
parser = argparse.ArgumentParser()
gui.register(parser.add_subparsers())
args = parser.parse_args(["gui", "--exit-after-shown", "--data-dir", sys.argv[1]])
sys.exit(args.handler(args))
"""


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{command[:4]} exited {done.returncode}: {done.stderr.strip()[-500:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        # An installed build runs from bytecode; so do both processes here (cache kept outside the tree,
        # filled by the warm-up runs), whatever PYTHONDONTWRITEBYTECODE the shell has.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        data = Path(tmp) / "data"
        data.mkdir()
        app = [sys.executable, "-m", "desktop", "gui", "--exit-after-shown", "--data-dir", str(data)]
        bare = [sys.executable, "-c", BARE_WINDOW]
        gui_only = [sys.executable, "-c", GUI_ONLY, str(data)]
        for _ in range(2):  # warm the OS file cache, the bytecode cache and first-run data-folder set-up
            timed(app, env)
            timed(bare, env)
            timed(gui_only, env)
        app_times, bare_times, gui_times = [], [], []
        for _ in range(args.runs):
            bare_times.append(timed(bare, env))
            app_times.append(timed(app, env))
            gui_times.append(timed(gui_only, env))
    app_median, bare_median = statistics.median(app_times), statistics.median(bare_times)
    gui_median = statistics.median(gui_times)
    ratio = app_median / bare_median
    result = {
        "runs": args.runs,
        "clearstone_gui_median_s": round(app_median, 4),
        "bare_window_median_s": round(bare_median, 4),
        "ratio": round(ratio, 3),
        "gui_module_only_median_s": round(gui_median, 4),
        "gui_module_only_ratio": round(gui_median / bare_median, 3),
        "target_ratio": 1.5,
        "within_target": ratio <= 1.5,
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"clearstone gui --exit-after-shown  median {app_median * 1000:7.1f} ms  ({args.runs} runs)")
        print(f"bare PySide6 window                median {bare_median * 1000:7.1f} ms  ({args.runs} runs)")
        print(f"ratio {ratio:.2f} (target <= 1.5): {'OK' if ratio <= 1.5 else 'OVER TARGET'}")
        print(
            f"for diagnosis, desktop.cli.gui alone (no dispatcher) median {gui_median * 1000:7.1f} ms, "
            f"ratio {gui_median / bare_median:.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
