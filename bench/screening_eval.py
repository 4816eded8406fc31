"""Screening evaluation on real variation (issue 14): Clearstone beside rapidfuzz and, when installed, nomenklatura.

Sets are built at run time from ../shared/sanctions-data by bench/screening_sets.py; the negatives are
bench/data/negatives_counterparties.csv. Figures are given per split: `dev` was looked at while designing
the matcher, `test` was not (report `test`). Run:

    .venv/bin/python bench/screening_eval.py [--shared ../shared] [--split test|dev|all] [--json]
        [--nomenklatura PYTHON]   # a Python with nomenklatura installed (baseline, slow: sampled)
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rapidfuzz import fuzz, process, utils
from screening_sets import Data, EvalSet, load

from desktop.screening.importers import ParsedList
from desktop.screening.importers.common import country_code
from desktop.screening.service import Screener
from desktop.screening.types import Match, PartyQuery

RAPIDFUZZ_CUTOFF = 85


def _pct(n: int, d: int) -> float | None:
    return round(100.0 * n / d, 1) if d else None


class Baseline:
    """rapidfuzz token_sort_ratio over every name of a store, vectorised (process.cdist, all cores)."""

    def __init__(self, lists: list[ParsedList]) -> None:
        self.keys = [(p.id, e.id) for p in lists for e in p.entries for _ in e.all_names()]
        self.choices = [utils.default_process(t) for p in lists for e in p.entries for t, _ in e.all_names()]
        self.seconds = 0.0
        self.queries = 0

    def run(self, names: list[str]) -> list[set[tuple[str, str]]]:
        out: list[set[tuple[str, str]]] = []
        for start in range(0, len(names), 256):
            chunk = [utils.default_process(n) for n in names[start : start + 256]]
            t = time.perf_counter()
            scores = process.cdist(
                chunk, self.choices, scorer=fuzz.token_sort_ratio, score_cutoff=RAPIDFUZZ_CUTOFF,
                dtype="uint8", workers=-1,
            )  # fmt: skip
            self.seconds += time.perf_counter() - t
            self.queries += len(chunk)
            for row in scores:
                out.append({self.keys[i] for i in row.nonzero()[0]})
        return out


def _screen_all(screener: Screener, queries: list[PartyQuery], lat: list[float]) -> list[list[Match]]:
    out = []
    for q in queries:
        t = time.thread_time()
        out.append(screener.screen(q))
        lat.append(time.thread_time() - t)
    return out


def evaluate_set(
    s: EvalSet, screener: Screener, base: Baseline, split: str, lat: list[float]
) -> dict[str, Any]:
    qs = [q for q in s.queries if split == "all" or q.split == split]
    results = _screen_all(screener, [q.query for q in qs], lat)
    base_results = base.run([q.query.name for q in qs])
    if s.name == "negatives":
        by_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        examples: list[str] = []
        for q, ms, bs in zip(qs, results, base_results, strict=True):
            row = by_cat[q.category]
            row[0] += 1
            row[1] += bool(ms)
            row[2] += bool(bs)
            row[3] += any(m.strong for m in ms) and q.query.kind == "person"
            if ms and len(examples) < 400:
                m = ms[0]
                examples.append(
                    f"{q.query.name} -> {m.list}:{m.entry_id} '{m.alias}' {m.score}{' STRONG' if m.strong else ''}"
                )
        total = [sum(r[i] for r in by_cat.values()) for i in range(4)]
        return {
            "queries": total[0],
            "alerted_pct": _pct(total[1], total[0]),
            "rapidfuzz_alerted_pct": _pct(total[2], total[0]),
            "blocks_on_uncorroborated_persons": total[3],
            "blocks_any": sum(any(m.strong for m in ms) for ms in results),
            "by_category": {
                c: {"n": r[0], "alerted_pct": _pct(r[1], r[0]), "rapidfuzz_pct": _pct(r[2], r[0])}
                for c, r in sorted(by_cat.items())
            },
            "examples": examples,
        }
    found = base_found = 0
    misses: list[str] = []
    for q, ms, bs in zip(qs, results, base_results, strict=True):
        hit = any((m.list, m.entry_id) == q.expected for m in ms)
        found += hit
        base_found += q.expected in bs
        if not hit and len(misses) < 400:
            misses.append(f"{q.query.name} (expected {q.expected[1] if q.expected else '-'})")
    return {
        "queries": len(qs),
        "recall_pct": _pct(found, len(qs)),
        "rapidfuzz_recall_pct": _pct(base_found, len(qs)),
        "misses": misses,
    }


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def un_regression(data: Path, screener: Screener, base: Baseline, lat: list[float]) -> dict[str, Any]:
    """The UN-derived sets the matcher was first tuned on: a regression check only."""
    untreated = _csv(data / "eval/positives_un_untreated.csv")
    treated = _csv(data / "eval/positives_un_treated.csv")
    found = total = 0
    names: list[str] = []
    truths: list[set[str]] = []
    for clean_row, row in zip(untreated, treated, strict=True):
        truth = {
            m.entry_id
            for m in screener.screen(PartyQuery(name=clean_row["full_name"], kind="person"))
            if m.list == "UN" and m.exact
        }
        if not truth:
            continue
        total += 1
        hits = {
            m.entry_id
            for m in _screen_all(screener, [PartyQuery(name=row["full_name"], kind="person")], lat)[0]
        }
        found += bool(hits & truth)
        names.append(row["full_name"])
        truths.append(truth)
    base_found = sum(
        bool({e for lst, e in b if lst == "UN"} & t) for b, t in zip(base.run(names), truths, strict=True)
    )
    out: dict[str, Any] = {
        "positives_un_treated": {
            "queries": total,
            "recall_pct": _pct(found, total),
            "rapidfuzz_recall_pct": _pct(base_found, total),
        }
    }
    for name in ("negatives_global", "negatives_us"):
        rows = _csv(data / f"eval/{name}.csv")
        qs = [PartyQuery(name=r["full_name"], kind="person") for r in rows]
        res = _screen_all(screener, qs, lat)
        with_facts = [
            PartyQuery(
                name=r["full_name"],
                kind="person",
                birth_date=None,
                birth_year=int(r["date_of_birth"][:4]) if r["date_of_birth"][:4].isdigit() else None,
                nationality=country_code(r["nationality"]) if r["nationality"] else None,
            )
            for r in rows
        ]
        res_facts = _screen_all(screener, with_facts, lat)
        base_res = base.run([q.name for q in qs])
        out[name] = {
            "queries": len(rows),
            "false_alert_pct": _pct(sum(bool(m) for m in res), len(rows)),
            "with_birth_year_nationality_pct": _pct(sum(bool(m) for m in res_facts), len(rows)),
            "rapidfuzz_false_alert_pct": _pct(sum(bool(b) for b in base_res), len(rows)),
            "blocks": sum(any(m.strong for m in ms) for ms in res),
        }
    return out


def diamond_cases(data: Path, screener: Screener) -> dict[str, Any]:
    ok = 0
    bad: list[str] = []
    cases = _csv(data / "eval/diamond_sector_cases.csv")
    for case in cases:
        kind = "person" if case["query_schema"] == "Person" else "organization"
        matches = screener.screen(PartyQuery(name=case["query"], kind=kind))
        ids = {(m.list, m.entry_id) for m in matches}
        if case["expect"] == "NO_HIT":
            good = not matches
        else:
            good = (case["expected_list"], case["expected_id"]) in ids
        ok += good
        if not good:
            top = f"{matches[0].list}:{matches[0].entry_id} {matches[0].score}" if matches else "-"
            bad.append(f"{case['expect']} {case['query']} -> {top}")
    return {"cases": len(cases), "correct": ok, "wrong": bad}


def _latency(lat: list[float]) -> dict[str, float]:
    return {
        "queries": len(lat),
        "median_ms": round(1000 * statistics.median(lat), 3),
        "p95_ms": round(1000 * statistics.quantiles(lat, n=20)[18], 3),
        "max_ms": round(1000 * max(lat), 2),
    }


_NK_SETS = ("ofac_spelling", "ofac_parts", "cross_list", "original_script", "negatives")


def _nomenklatura(python: str, data: Data, split: str, only: set[str] | None) -> dict[str, Any]:
    """Run bench/screening_nomenklatura.py in the given Python over the same sets and split."""
    import subprocess
    import tempfile

    sets = [s for s in data.sets if s.name in _NK_SETS and (not only or s.name in only)]
    stores = {
        key: [
            {"list": p.id, "id": e.id, "kind": e.kind, "names": [t for t, _ in e.all_names()]}
            for p in data.stores[key]
            for e in p.entries
        ]
        for key in {s.store for s in sets}
    }
    doc = {
        "stores": stores,
        "sets": {
            s.name: {
                "store": s.store,
                "negative": s.name == "negatives",
                "queries": [
                    {"name": q.query.name, "kind": q.query.kind, "expected": q.expected}
                    for q in s.queries
                    if split == "all" or q.split == split
                ],
            }
            for s in sets
        },
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(doc, fh)
    script = Path(__file__).resolve().parent / "screening_nomenklatura.py"
    done = subprocess.run([python, str(script), fh.name], capture_output=True, text=True, check=False)
    Path(fh.name).unlink()
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"}
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(os.environ.get("CLEARSTONE_SHARED", "../shared")))
    parser.add_argument("--split", choices=("dev", "test", "all"), default="test")
    parser.add_argument("--only", help="comma-separated set names")
    parser.add_argument(
        "--nomenklatura", metavar="PYTHON", help="a Python with nomenklatura installed (baseline)"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sanctions = args.shared / "sanctions-data"
    if not sanctions.is_dir():
        sys.stderr.write(f"{sanctions} not found: pass --shared\n")
        return 2
    data: Data = load(args.shared)
    screeners: dict[str, Screener] = {}
    baselines: dict[str, Baseline] = {}

    warm_up = [
        PartyQuery(name=r["full_name"]) for r in _csv(sanctions / "eval/positives_un_untreated.csv")[:100]
    ]

    def store(key: str) -> tuple[Screener, Baseline]:
        if key not in screeners:
            screeners[key] = Screener.from_parsed(data.stores[key], bundled=key == "all_official")
            for q in warm_up:  # the prior, caches and SQLite pages, as after a few minutes of use
                screeners[key].screen(q)
            baselines[key] = Baseline(data.stores[key])
        return screeners[key], baselines[key]

    report: dict[str, Any] = {"split": args.split, "rapidfuzz": f"token_sort_ratio >= {RAPIDFUZZ_CUTOFF}"}
    only = set(args.only.split(",")) if args.only else None
    lat_all: list[float] = []
    for s in data.sets:
        if only and s.name not in only:
            continue
        screener, base = store(s.store)
        lat: list[float] = [] if s.store != "all_official" else lat_all
        report[s.name] = evaluate_set(s, screener, base, args.split, lat)
    if not only or "un" in only:
        screener, base = store("un_regression")
        report["un_regression"] = un_regression(sanctions, screener, base, [])
    if not only or "diamond" in only:
        screener, _ = store("un_regression")
        report["diamond_sector_cases"] = diamond_cases(sanctions, screener)
    if lat_all:
        report["latency_all_official_lists"] = _latency(lat_all)
        b = baselines["all_official"]
        report["latency_all_official_lists"]["rapidfuzz_cdist_ms_per_query"] = round(
            1000 * b.seconds / max(1, b.queries), 3
        )
        report["latency_all_official_lists"]["indexed_names"] = screeners["all_official"].indexed_names()
    if args.nomenklatura:
        report["nomenklatura_logic_v2"] = _nomenklatura(args.nomenklatura, data, args.split, only)
    if args.json:
        print(json.dumps(report, indent=1, ensure_ascii=False))
    else:
        for key, value in report.items():
            if isinstance(value, dict):
                value = {k: v for k, v in value.items() if k not in ("misses", "examples", "wrong")}
            print(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
