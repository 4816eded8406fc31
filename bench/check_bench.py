"""Benchmark `check` on 1,000 lots in one process (not a timed test).

Reports: time to load the rule pack; lots per second for rules only and for rules + screening (bundled list,
3 names per lot); and, as the baseline measured in the same run, lots per second for only parsing and
validating the same lot files. Run: .venv/bin/python bench/check_bench.py [--lots 1000]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.lot import parse_lot
from tests.lotfactory import lot_data

COUNTRIES = ["RU", "BW", "IN", "AE", "ZA", "CA", "NA", "AO", "CD", "BE"]


def make_corpus(n: int, seed: int = 7) -> list[bytes]:
    rng = random.Random(seed)
    corpus = []
    for i in range(n):
        carats = f"{rng.choice([0.3, 0.49, 0.5, 0.75, 0.99, 1.0, 1.5, 2.2]):.2f}"
        category = rng.choice(["rough", "polished", "polished", "jewellery"])
        mined = rng.sample(COUNTRIES, rng.choice([1, 1, 2]))
        data = lot_data(
            lot_id=f"B-{i:05d}",
            transaction__date=f"20{rng.choice(['24', '25', '26'])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            goods__category=category,
            goods__hs_code=None,
            goods__largest_stone_carats=carats,
            goods__total_carats=carats,
            origin__mining_countries=mined,
            counterparty__name=f"{rng.choice(['Surat', 'Antwerp', 'Dubai', 'Ramat Gan'])} {rng.choice(['Gems', 'Diamonds', 'Exports'])} {i}",
        )
        corpus.append(json.dumps(data).encode("utf-8"))
    return corpus


def rate(n: int, seconds: float) -> float:
    return n / seconds if seconds else float("inf")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lots", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    corpus = make_corpus(args.lots)

    started = time.perf_counter()
    from desktop.rules.pack import bundled_pack

    loaded = bundled_pack()
    pack_seconds = time.perf_counter() - started

    from desktop.assessment import assess, engine_for
    from desktop.screening.service import Screener

    started = time.perf_counter()
    engine_for(loaded)
    engine_seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        screener = Screener.open(Path(tmp))
        screener_seconds = time.perf_counter() - started
        now = datetime.now(UTC)

        def parse_only() -> None:
            for raw in corpus:
                parse_lot(raw)

        def rules_only() -> None:
            for raw in corpus:
                assess(parse_lot(raw), pack=loaded, screener=None, now=now)

        def with_screening() -> None:
            for raw in corpus:
                assess(parse_lot(raw), pack=loaded, screener=screener, now=now)

        results = {}
        for name, fn in (
            ("parse + validate only (baseline)", parse_only),
            ("rules", rules_only),
            ("rules + screening", with_screening),
        ):
            fn()  # warm-up
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                fn()
                times.append(time.perf_counter() - started)
            results[name] = statistics.median(times)

    baseline = rate(args.lots, results["parse + validate only (baseline)"])
    print(
        f"rule pack load (YAML -> validated pack + SHA-256): {pack_seconds * 1000:.0f} ms; engine build {engine_seconds * 1000:.1f} ms; "
        f"screener open {screener_seconds * 1000:.0f} ms"
    )
    print(f"{'measure':<36}{'lots/s':>10}{'ms/lot':>10}{'vs baseline':>14}")
    for name, seconds in results.items():
        per_second = rate(args.lots, seconds)
        print(
            f"{name:<36}{per_second:>10.0f}{seconds / args.lots * 1000:>10.2f}{baseline / per_second:>13.1f}x"
        )


if __name__ == "__main__":
    main()
