"""Benchmark the register: record N assessments, then open, list, search and verify; against a bare-table baseline.

Run: /work/venv/bin/python bench/register_bench.py [--n 10000] [--json]

The baseline, measured in the same run on the same disk, is what SQLite costs anyway: the same canonical
JSON inserted into a one-table database with the same durability (WAL, synchronous=FULL, one commit per
record), read back with plain SELECTs. The ratios are the register's own price: the audit chain, row
hashing, indexes, search column and checks.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from desktop.assessment import Assessment, PackRef, ScreeningSummary  # noqa: E402
from desktop.lot import Lot, load_lot  # noqa: E402
from desktop.register import Register  # noqa: E402
from desktop.register.chain import canonical  # noqa: E402
from desktop.rules.result import Finding, JurisdictionResult, Verdict  # noqa: E402
from desktop.screening.types import ListInfo  # noqa: E402

SHARED = Path(os.environ.get("CLEARSTONE_SHARED", REPO.parent / "shared"))
START = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)
CODES = ("US", "EU", "UK", "CA", "JP", "CH", "AU", "NZ")


def make_assessments(n: int) -> list[Assessment]:
    """N distinct, realistic assessments: S01 with its own lot id, counterparty and time, all eight jurisdictions."""
    base = load_lot(SHARED / "fixtures" / "lots" / "S01.lot.json").model_dump(mode="json")
    pack = PackRef(id="clearstone-core", version="2026.11.1", as_of=date(2026, 11, 1), sha256="cd" * 32)
    lists = [
        ListInfo(
            id=i,
            name=i,
            source="bench",
            jurisdictions=["US"],
            as_of=date(2026, 11, 20),
            entries=17000,
            sha256="ab" * 32,
        )
        for i in ("OFAC-SDN", "EU-FSF", "UK-SL", "UN")
    ]
    found = []
    for k in range(n):
        data = json.loads(json.dumps(base))
        data["lot_id"] = f"BENCH-{k:06d}"
        data["counterparty"]["name"] = f"Trader {k:06d} Diamonds Ltd"
        lot = Lot.model_validate(data)
        results = {
            code: JurisdictionResult(
                jurisdiction=code,
                verdict=Verdict.CLEARED,
                findings=[
                    Finding(
                        rule=f"{code}-R1",
                        jurisdiction=code,
                        outcome=Verdict.CLEARED,
                        summary="Botswana-mined rough, not Russian",
                        source="G7 common approach",
                    )
                ],
            )
            for code in CODES
        }
        found.append(
            Assessment(
                lot=lot,
                date=lot.transaction.date,
                verdict=Verdict.CLEARED,
                jurisdictions=results,
                screening=ScreeningSummary(lists=lists, parties=[lot.counterparty.name]),
                rule_pack=pack,
                assessed_at=START + timedelta(minutes=k),
            )
        )
    return found


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


CHUNK = 250


def _connect_baseline(path: Path, synchronous: str = "FULL") -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA synchronous = {synchronous}")
    return conn


def record_both(
    folder: Path, assessments: list[Assessment], texts: list[tuple[str, str]], synchronous: str = "FULL"
) -> tuple[float, float]:
    """Record into both databases in alternating chunks, so both see the same disk and machine load.

    With synchronous=NORMAL (no fsync per commit, to see the cost beyond the disk) both sides are switched alike.
    """
    folder.mkdir(exist_ok=True)
    bare = _connect_baseline(folder / "baseline.sqlite", synchronous)
    bare.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, lot_id TEXT, json TEXT)")
    ours = base = 0.0
    with Register.open(folder / "register.sqlite", now=START) as register:
        register.connection.execute(f"PRAGMA synchronous = {synchronous}")
        for first in range(0, len(assessments), CHUNK):
            started = time.perf_counter()
            for lot_id, text in texts[first : first + CHUNK]:
                bare.execute("BEGIN IMMEDIATE")
                bare.execute("INSERT INTO t (lot_id, json) VALUES (?, ?)", (lot_id, text))
                bare.execute("COMMIT")
            base += time.perf_counter() - started
            started = time.perf_counter()
            for assessment in assessments[first : first + CHUNK]:
                register.record_assessment(assessment)
            ours += time.perf_counter() - started
        register.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    bare.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    bare.close()
    return ours, base


def baseline_reads(folder: Path) -> dict[str, float]:
    path = folder / "baseline.sqlite"

    def open_count() -> sqlite3.Connection:
        opened = _connect_baseline(path)
        opened.execute("SELECT COUNT(*) FROM t").fetchone()
        return opened

    open_s, conn = timed(open_count)
    list_s, _ = timed(
        lambda: conn.execute("SELECT id, lot_id, length(json) FROM t ORDER BY id DESC").fetchall()
    )
    search_s, _ = timed(lambda: conn.execute("SELECT id FROM t WHERE json LIKE '%trader 004242%'").fetchall())
    conn.close()
    return {"open_s": open_s, "list_s": list_s, "search_s": search_s, "bytes": path.stat().st_size}


def register_reads(folder: Path, n: int) -> dict[str, float]:
    path = folder / "register.sqlite"
    open_s, register = timed(lambda: Register.open(path, now=START))
    with register:
        list_s, records = timed(register.list_records)
        search_s, hits = timed(lambda: register.search("Trader 004242"))
        verify_s, report = timed(register.verify)
    assert len(records) == n, "every assessment is listed"
    assert n <= 4242 or [h.lot_id for h in hits] == ["BENCH-004242"], hits
    assert report.ok, report.describe()
    return {
        "open_s": open_s,
        "list_s": list_s,
        "search_s": search_s,
        "verify_s": verify_s,
        "bytes": path.stat().st_size,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--dir", type=Path, help="where to write the databases (default: a temporary folder)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    build_s, assessments = timed(lambda: make_assessments(args.n))
    serialise_s, texts = timed(
        lambda: [(a.lot.lot_id, canonical(a.model_dump(mode="json"))) for a in assessments]
    )
    with tempfile.TemporaryDirectory(dir=args.dir) as scratch:
        folder = Path(scratch)
        cpu_ours, cpu_base = record_both(folder / "no-fsync", assessments, texts, "NORMAL")
        ours_record, base_record = record_both(folder, assessments, texts)
        base = {"record_s": base_record, **baseline_reads(folder)}
        ours = {"record_s": ours_record, **register_reads(folder, args.n)}
    result = {
        "n": args.n,
        "sqlite": sqlite3.sqlite_version,
        "build_assessments_s": build_s,
        "serialise_json_s": serialise_s,
        "baseline": base,
        "register": ours,
        "ratio": {k: ours[k] / base[k] for k in base if base[k]},
        "no_fsync_record_s": {
            "register": cpu_ours,
            "baseline": cpu_base,
            "ratio": cpu_ours / cpu_base,
            "ratio_with_serialising": cpu_ours / (cpu_base + serialise_s),
        },
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"register benchmark: {args.n:,} assessments, SQLite {sqlite3.sqlite_version}")
    print(
        f"  (building the assessments {build_s:.2f} s; serialising them to canonical JSON {serialise_s:.2f} s)"
    )
    print(f"  {'':<26}{'register':>12}{'baseline':>12}{'ratio':>8}")
    rows = [
        ("record (1 commit each)", "record_s"),
        ("open", "open_s"),
        ("list all", "list_s"),
        ("search one name", "search_s"),
    ]
    for label, key in rows:
        print(f"  {label:<26}{ours[key]:>11.3f}s{base[key]:>11.3f}s{ours[key] / base[key]:>7.1f}x")
    print(
        f"  {'file size':<26}{ours['bytes'] / 1e6:>10.1f}MB{base['bytes'] / 1e6:>10.1f}MB"
        f"{ours['bytes'] / base['bytes']:>7.2f}x"
    )
    print(
        f"  {'record, no fsync/commit':<26}{cpu_ours:>11.3f}s{cpu_base:>11.3f}s{cpu_ours / cpu_base:>7.1f}x"
    )
    with_json = cpu_base + serialise_s
    print(f"  {'  baseline + serialising':<26}{'':>12}{with_json:>11.3f}s{cpu_ours / with_json:>7.1f}x")
    print(f"  {'verify (chain + rows)':<26}{ours['verify_s']:>11.3f}s")
    per = ours["record_s"] / args.n * 1000
    print(f"  per assessment recorded: {per:.2f} ms (baseline {base['record_s'] / args.n * 1000:.2f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
