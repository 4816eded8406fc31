"""The OpenSanctions baseline for bench/screening_eval.py: nomenklatura's logic-v2 matcher, run in its own venv.

Reads the sets screening_eval.py exports (stores of entities with their names, queries with the expected
entry) and, for each query, scores the 30 entities whose names are closest by rapidfuzz token_set_ratio
(standing in for yente's search index) with logic-v2 at its default configuration; an alert is a score
>= 0.70 (yente's default threshold). Not a Clearstone dependency:

    python -m venv /tmp/nk && /tmp/nk/bin/pip install nomenklatura rapidfuzz numpy
    .venv/bin/python bench/screening_eval.py --nomenklatura /tmp/nk/bin/python
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from typing import Any

from followthemoney import model
from nomenklatura.matching import get_algorithm
from rapidfuzz import fuzz, process, utils

THRESHOLD = 0.70
BLOCK = 30
_SCHEMA = {"person": "Person", "organization": "Company", "vessel": "Vessel", "aircraft": "Airplane"}


def _entity(schema: str, eid: str, names: list[str]) -> Any:
    e = model.make_entity(schema)
    e.id = eid
    for n in names:
        e.add("name", n)
    return e


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as fh:
        doc = json.load(fh)
    algo = get_algorithm("logic-v2")
    config = algo.default_config()
    out: dict[str, Any] = {}
    cache: dict[str, Any] = {}
    for set_name, s in doc["sets"].items():
        store = doc["stores"][s["store"]]
        if s["store"] not in cache:
            ents = [
                _entity(_SCHEMA.get(e["kind"], "LegalEntity"), f"{e['list']}|{e['id']}", e["names"])
                for e in store
            ]
            choices = [utils.default_process(n) for e in store for n in e["names"]]
            owner = [i for i, e in enumerate(store) for _ in e["names"]]
            cache[s["store"]] = (ents, choices, owner)
        ents, choices, owner = cache[s["store"]]
        hits = total = 0
        lat: list[float] = []
        for n, q in enumerate(s["queries"]):
            t = time.perf_counter()
            # a unique id per query: nomenklatura caches what it derives from an entity by its id
            qe = _entity(_SCHEMA.get(q["kind"] or "", "LegalEntity"), f"{set_name}-query-{n}", [q["name"]])
            found = process.extract(
                utils.default_process(q["name"]), choices, scorer=fuzz.token_set_ratio, limit=BLOCK * 3
            )
            seen: list[int] = []
            for _, _, i in found:
                if owner[i] not in seen:
                    seen.append(owner[i])
                if len(seen) >= BLOCK:
                    break
            alerted = {ents[i].id for i in seen if algo.compare(qe, ents[i], config).score >= THRESHOLD}
            lat.append(time.perf_counter() - t)
            total += 1
            if q["expected"] is None:
                hits += bool(alerted)
            else:
                hits += "|".join(q["expected"]) in alerted
        key = "alerted_pct" if s["negative"] else "recall_pct"
        out[set_name] = {
            "queries": total,
            key: round(100 * hits / total, 1) if total else None,
            "median_ms": round(1000 * statistics.median(lat), 1) if lat else None,
        }
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
