"""Screening benchmark: recall, false alerts and latency of the matcher beside a brute-force rapidfuzz scan.

Lists: the full UN Consolidated List (2026-02-27), the OFAC SDN legacy CSV of 2021-07 and the OFAC Dec-2025
alias/address extract (about 50,000 indexed names). Queries: eval/positives_un_treated.csv (expected entry =
the UN entry its untreated twin names exactly), eval/negatives_global.csv, eval/negatives_us.csv and
eval/diamond_sector_cases.csv, all from ../shared/sanctions-data. Run:

    /work/venv/bin/python bench/screening_bench.py [--shared ../shared] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process, utils

from desktop.screening.importers import read_path
from desktop.screening.importers.common import country_code
from desktop.screening.matcher import ALERT_THRESHOLD
from desktop.screening.service import Screener
from desktop.screening.types import PartyQuery

BASELINE_CUTOFF = 88.0  # token_sort_ratio at which the brute-force baseline alerts


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [row for row in csv.DictReader(line for line in fh if not line.startswith("#"))]


def _year(text: str) -> int | None:
    head = (text or "").strip()[:4]
    return int(head) if head.isdigit() else None


def _query(row: dict[str, str], with_facts: bool) -> PartyQuery:
    if not with_facts:
        return PartyQuery(name=row["full_name"], kind="person")
    nat = (row.get("nationality") or "").strip()
    return PartyQuery(
        name=row["full_name"],
        kind="person",
        birth_year=_year(row.get("date_of_birth", "")),
        country=country_code(nat) if nat else None,
    )


def _pct(n: int, d: int) -> float:
    return round(100.0 * n / d, 2) if d else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(os.environ.get("CLEARSTONE_SHARED", "../shared")))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    data = args.shared / "sanctions-data"
    if not data.is_dir():
        sys.stderr.write(f"{data} not found: pass --shared\n")
        return 2

    t0 = time.thread_time()
    parsed = []
    for rel in (
        "un/UN_consolidated_2026-02-27.xml",
        "ofac/sdn-2021-07",
        "ofac/sdn-aliases-addresses-2025-12",
    ):
        parsed += read_path(data / rel)
    t_parse = time.thread_time() - t0
    screener = Screener.from_parsed(parsed, bundled=False)
    t0 = time.thread_time()
    screener.warm()
    t_index = time.thread_time() - t0
    names = [(p.id, e.id, text) for p in parsed for e in p.entries for text, _ in e.all_names()]
    choices = [utils.default_process(t) for _, _, t in names]

    latencies: list[float] = []
    baseline_latencies: list[float] = []

    def screen(q: PartyQuery) -> list[Any]:
        t = time.thread_time()
        result = screener.screen(q)
        latencies.append(time.thread_time() - t)
        return result

    def baseline(name: str) -> list[tuple[str, str]]:
        t = time.thread_time()
        found = process.extract(
            utils.default_process(name),
            choices,
            scorer=fuzz.token_sort_ratio,
            score_cutoff=BASELINE_CUTOFF,
            limit=20,
            processor=None,
        )
        baseline_latencies.append(time.thread_time() - t)
        return [(names[i][0], names[i][1]) for _, _, i in found]

    report: dict[str, Any] = {
        "lists": {p.id + ":" + p.source[:40]: len(p.entries) for p in parsed},
        "indexed_names": screener.indexed_names(),
        "parse_seconds": round(t_parse, 2),
        "index_build_seconds": round(t_index, 2),
        "threshold": ALERT_THRESHOLD,
    }

    # Positives: the expected entry is what the untreated twin matches exactly in the UN list.
    untreated = _csv(data / "eval/positives_un_untreated.csv")
    treated = _csv(data / "eval/positives_un_treated.csv")
    for with_facts in (False, True):
        found = total = base_found = 0
        misses: list[str] = []
        for clean_row, row in zip(untreated, treated, strict=True):
            truth = {
                m.entry_id
                for m in screener.screen(PartyQuery(name=clean_row["full_name"], kind="person"))
                if m.list == "UN" and m.exact
            }
            if not truth:
                continue
            total += 1
            hits = {m.entry_id for m in screen(_query(row, with_facts)) if m.list == "UN"}
            if hits & truth:
                found += 1
            elif len(misses) < 15:
                misses.append(f"{row['full_name']} (expected {sorted(truth)[0]})")
            if not with_facts:
                base_found += bool({e for lst, e in baseline(row["full_name"]) if lst == "UN"} & truth)
        key = "positives_un_treated" + ("_with_dob_country" if with_facts else "")
        report[key] = {"queries": total, "recall_pct": _pct(found, total), "misses": misses}
        if not with_facts:
            report[key]["baseline_recall_pct"] = _pct(base_found, total)

    for name in ("negatives_global", "negatives_us"):
        rows = _csv(data / f"eval/{name}.csv")
        for with_facts in (False, True):
            alerts = base_alerts = 0
            examples: list[str] = []
            for row in rows:
                matches = screen(_query(row, with_facts))
                if matches:
                    alerts += 1
                    if len(examples) < 10:
                        m = matches[0]
                        examples.append(f"{row['full_name']} -> {m.list}:{m.entry_id} '{m.alias}' {m.score}")
                if not with_facts:
                    base_alerts += bool(baseline(row["full_name"]))
            key = name + ("_with_dob_country" if with_facts else "")
            report[key] = {
                "queries": len(rows),
                "false_alert_pct": _pct(alerts, len(rows)),
                "examples": examples,
            }
            if not with_facts:
                report[key]["baseline_false_alert_pct"] = _pct(base_alerts, len(rows))

    cases = _csv(data / "eval/diamond_sector_cases.csv")
    ok = 0
    details = []
    for case in cases:
        kind = "person" if case["query_schema"] == "Person" else "organization"
        matches = screen(PartyQuery(name=case["query"], kind=kind))
        ids = {(m.list, m.entry_id): m for m in matches}
        expect = case["expect"]
        if expect == "NO_HIT":
            good = not matches
        else:
            m = ids.get((case["expected_list"], case["expected_id"]))
            good = m is not None and (expect == "REVIEW" or m.score >= ALERT_THRESHOLD)
        ok += good
        top = (
            f"{matches[0].list}:{matches[0].entry_id} {matches[0].score}{' strong' if matches[0].strong else ''}"
            if matches
            else "-"
        )
        details.append(f"{'ok ' if good else 'BAD'} {expect:<6} {case['query']} -> {top}")
    report["diamond_sector_cases"] = {"cases": len(cases), "correct": ok, "details": details}

    report["latency_ms"] = {
        "queries": len(latencies),
        "median": round(1000 * statistics.median(latencies), 3),
        "p95": round(1000 * statistics.quantiles(latencies, n=20)[18], 3),
        "max": round(1000 * max(latencies), 3),
    }
    report["baseline_bruteforce_ms"] = {
        "scorer": f"rapidfuzz token_sort_ratio over all {len(choices)} names, cutoff {BASELINE_CUTOFF}",
        "queries": len(baseline_latencies),
        "median": round(1000 * statistics.median(baseline_latencies), 3),
        "p95": round(1000 * statistics.quantiles(baseline_latencies, n=20)[18], 3),
    }
    report["speedup_median_x"] = round(
        statistics.median(baseline_latencies) / statistics.median(latencies), 1
    )
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        for key, value in report.items():
            print(
                f"{key}: {json.dumps(value, ensure_ascii=False, indent=1) if isinstance(value, dict) else value}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
