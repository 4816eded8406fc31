"""Screening at scale (issue 15 item 5): a generated list of N entries, imported and screened by the real CLI.

Writes an OFAC-style legacy CSV set (sdn.csv + alt.csv) of N generated entries (persons and companies
with Zipf-distributed given names, surnames and company words, a third with one alias) into a temporary
folder, then measures, each in a fresh `clearstone` process: `lists import` (wall time, peak RSS),
`Screener.open` (wall time), one `clearstone screen NAME` (wall time, peak RSS), and the latency of
queries in one process (CPU time per query, median and p95). Run (about 3 minutes for 1,000,000):

    .venv/bin/python bench/screening_scale.py [--entries 1000000] [--queries 300] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "desktop"]
_SYLLABLES = [
    "al",
    "ar",
    "ba",
    "ben",
    "da",
    "de",
    "di",
    "do",
    "el",
    "fa",
    "ga",
    "go",
    "ha",
    "hi",
    "ka",
    "ko",
    "la",
    "le",
    "li",
    "lo",
    "ma",
    "me",
    "mi",
    "mo",
    "na",
    "ne",
    "ni",
    "no",
    "ol",
    "or",
    "pa",
    "pe",
    "po",
    "ra",
    "re",
    "ri",
    "ro",
    "sa",
    "se",
    "si",
    "so",
    "ta",
    "te",
    "ti",
    "to",
    "va",
    "ve",
    "vi",
    "vo",
    "ya",
    "za",
    "ze",
    "zi",
    "zo",
    "kh",
    "sh",
    "ch",
    "tr",
    "br",
    "gr",
    "st",
]
_GIVEN = [
    "Ahmed",
    "Ali",
    "Anna",
    "Boris",
    "Carlos",
    "Chen",
    "David",
    "Dmitri",
    "Elena",
    "Fatima",
    "Hassan",
    "Ivan",
    "Jose",
    "Juan",
    "Karim",
    "Li",
    "Maria",
    "Mikhail",
    "Mohammed",
    "Nadia",
    "Olga",
    "Omar",
    "Pavel",
    "Pedro",
    "Rashid",
    "Sergei",
    "Sofia",
    "Tatiana",
    "Viktor",
    "Wei",
    "Yusuf",
    "Zhang",
]
_COMPANY = [
    "Trading",
    "Holding",
    "Industries",
    "Shipping",
    "Logistics",
    "Energy",
    "Invest",
    "Capital",
    "Group",
    "Resources",
    "Metals",
    "Mining",
    "Petroleum",
    "Technologies",
    "Engineering",
    "Systems",
    "Services",
    "Export",
    "Import",
    "Finance",
    "Development",
    "Construction",
]
_FORMS = ("LLC", "LTD", "JSC", "GMBH", "SA", "FZE", "CO LTD", "")


def _zipf_pick(rng: random.Random, items: list[str], s: float = 1.1) -> str:
    # inverse-CDF draw from a Zipf law over the items, without numpy
    n = len(items)
    u = rng.random()
    rank = ((n ** (1 - s) - 1) * u + 1) ** (1 / (1 - s))
    return items[min(n - 1, max(0, int(rank) - 1))]


def _surnames(rng: random.Random, count: int) -> list[str]:
    out = set()
    while len(out) < count:
        out.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 3, 3, 4)))).upper())
    return sorted(out)


def generate(folder: Path, entries: int, seed: int = 7) -> list[str]:
    """Write sdn.csv and alt.csv with `entries` entries; return some listed names to query."""
    rng = random.Random(seed)
    surnames = _surnames(rng, 200_000)
    rng.shuffle(surnames)
    words = _surnames(rng, 50_000)
    samples: list[str] = []
    with (
        (folder / "sdn.csv").open("w", encoding="utf-8") as sdn,
        (folder / "alt.csv").open("w", encoding="utf-8") as alt,
    ):
        for ent in range(1, entries + 1):
            if rng.random() < 0.6:
                name = f"{_zipf_pick(rng, surnames)}, {rng.choice(_GIVEN)} {rng.choice(_GIVEN)}"
                kind = "individual"
            else:
                name = f"{_zipf_pick(rng, words)} {rng.choice(_COMPANY)} {rng.choice(_FORMS)}".strip()
                kind = "-0- "
            sdn.write(f'{ent},"{name}","{kind}","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n')
            if rng.random() < 0.33:
                alias = f"{_zipf_pick(rng, surnames)} {rng.choice(_GIVEN)}"
                alt.write(f'{ent},{ent},"aka","{alias}",-0- \n')
            if len(samples) < 5000 and rng.random() < 0.01:
                samples.append(name)
    return samples


def _run(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds and peak RSS (MB) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False, cwd=ROOT)
    wall = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args[2:5])} failed ({done.returncode}): {done.stderr.strip()[:300]}")
    # ru_maxrss of children is the largest child so far: run the small processes first
    return wall, max(peak, before) / 1024, done.stdout


_LATENCY = """
import json, statistics, sys, time
from pathlib import Path
from desktop.screening.service import Screener
from desktop.screening.types import PartyQuery
t = time.perf_counter(); s = Screener.open(Path(sys.argv[1])); opened = time.perf_counter() - t
names = json.loads(Path(sys.argv[2]).read_text())
lat = []
for n in names:
    c = time.thread_time(); s.screen(PartyQuery(name=n)); lat.append(time.thread_time() - c)
print(json.dumps({"open_s": opened, "median_ms": 1000 * statistics.median(lat),
                  "p95_ms": 1000 * statistics.quantiles(lat, n=20)[18], "max_ms": 1000 * max(lat)}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    report: dict[str, object] = {"entries": args.entries}
    with tempfile.TemporaryDirectory(prefix="cs-scale-") as tmp:
        root = Path(tmp)
        lists, data = root / "list", root / "data"
        lists.mkdir()
        data.mkdir()
        t = time.perf_counter()
        samples = generate(lists, args.entries)
        report["generate_s"] = round(time.perf_counter() - t, 1)
        report["file_mb"] = round(sum(p.stat().st_size for p in lists.iterdir()) / 1048576, 1)
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        rng = random.Random(3)
        # queries: listed names with a typo, and names that are not listed
        queries = []
        for name in rng.sample(samples, min(len(samples), args.queries // 2)):
            i = rng.randrange(1, max(2, len(name) - 1))
            queries.append(name[:i] + name[i + 1 :])
        queries += [
            f"{rng.choice(_GIVEN)} {rng.choice(_SYLLABLES).upper()}NOVSKI" for _ in range(args.queries // 2)
        ]
        qfile = root / "queries.json"
        qfile.write_text(json.dumps(queries))
        wall, rss, _ = _run([*CLI, "screen", "--data-dir", str(data), "ALROSA"], env)
        report["screen_before_import"] = {"wall_s": round(wall, 2), "peak_rss_mb": round(rss)}
        wall, rss, _ = _run([*CLI, "lists", "import", "--data-dir", str(data), str(lists)], env)
        report["import"] = {"wall_s": round(wall, 1), "peak_rss_mb": round(rss)}
        report["store_mb"] = round(sum(p.stat().st_size for p in data.iterdir()) / 1048576)
        # a fresh process per measure; RUSAGE_CHILDREN keeps the largest child, so screen's own peak
        # is read from a process that runs alone
        screen = subprocess.run(
            [sys.executable, "-c", _PEAK, str(data), queries[0]],
            env=env,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        report["screen_one_name"] = json.loads(screen.stdout or "{}") or screen.stderr[-300:]
        lat = subprocess.run(
            [sys.executable, "-c", _LATENCY, str(data), str(qfile)],
            env=env,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        report["queries"] = {
            "count": len(queries),
            **(json.loads(lat.stdout or "{}") or {"error": lat.stderr[-300:]}),
        }
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        for k, v in report.items():
            print(f"{k}: {v}")
    return 0


# `clearstone screen NAME` in a child, its wall time and peak RSS read with getrusage in a wrapper
_PEAK = """
import json, resource, subprocess, sys, time
t = time.perf_counter()
done = subprocess.run([sys.executable, "-m", "desktop", "screen", "--data-dir", sys.argv[1], sys.argv[2]],
                      capture_output=True, text=True)
wall = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"wall_s": round(wall, 2), "peak_rss_mb": round(peak), "exit": done.returncode}))
"""


if __name__ == "__main__":
    sys.exit(main())
