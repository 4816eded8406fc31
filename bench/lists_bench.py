"""Time the list use cases on the real official samples: update from a loopback mirror, data packs, seeding.

.venv/bin/python bench/lists_bench.py        (needs ../shared/sanctions-data; no network: loopback only)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.identity import IdentityInfo, IdentityStore  # noqa: E402
from desktop.screening.seed import seed_bundled_lists, write_bundle  # noqa: E402
from desktop.screening.service import Screener  # noqa: E402
from desktop.service import lists as service  # noqa: E402
from tests.screening.listserver import serving  # noqa: E402

SHARED = ROOT.parent / "shared" / "sanctions-data"
PASSPHRASE = "bench passphrase, not a secret"


def timed(label: str, action: object) -> object:
    started = time.perf_counter()
    result = action()  # type: ignore[operator]
    print(f"{label:<52} {time.perf_counter() - started:6.2f} s")
    return result


def main() -> int:
    if not SHARED.is_dir():
        print(f"{SHARED} is absent: nothing to measure")
        return 1
    now = datetime.now(UTC)
    files = {
        "un.xml": SHARED / "un/UN_consolidated_2026-02-27.xml",
        "eu.xml": SHARED / "eu/eu_fsf_excerpt_2026-08-05.xml",
        "uk.xml": SHARED / "uk/uk_sanctions_list_excerpt_2026-09-10.xml",
    }
    with tempfile.TemporaryDirectory() as scratch, serving(files) as mirror:
        root = Path(scratch)
        office = root / "office"
        office.mkdir()
        overrides = [
            f"UN={mirror.url('files/un.xml')}",
            f"EU-FSF={mirror.url('files/eu.xml')}",
            f"UK-SL={mirror.url('files/uk.xml')}",
        ]
        timed(
            "update UN + EU + UK from a loopback mirror",
            lambda: service.update(office, now=now, overrides=overrides),
        )
        timed(
            "the same update again (all unchanged)",
            lambda: service.update(office, now=now, overrides=overrides),
        )
        timed(
            "import the OFAC SDN CSV set, 2021 (8,976 entries)",
            lambda: Screener.for_import(office).import_path(SHARED / "ofac/sdn-2021-07"),
        )
        IdentityStore(office).create(
            IdentityInfo(name="Bench", title="T", company="C", country="BE"), PASSPHRASE, now=now
        )
        pack = root / "lists.cspack"
        timed(
            "export-pack (4 lists, incl. unlocking the key)",
            lambda: service.export(office, pack, PASSPHRASE, now=now),
        )
        print(f"{'  pack size':<52} {pack.stat().st_size / 1e6:6.2f} MB")
        laptop = root / "laptop"
        laptop.mkdir()
        timed(
            "import the pack into an empty data folder", lambda: service.import_lists(laptop, pack, now=now)
        )
        bundle = root / "official"
        paths = [
            files["un.xml"],
            files["eu.xml"],
            files["uk.xml"],
            SHARED / "ofac/sdn-aliases-addresses-2025-12",
            SHARED / "ofac/consolidated-non-sdn-2025-12",
        ]
        timed("build.py --lists: write the bundle (5 lists)", lambda: write_bundle(paths, bundle, now))
        fresh = root / "fresh"
        fresh.mkdir()
        timed("first start: seed the 5 bundled lists", lambda: seed_bundled_lists(fresh, bundle=bundle))
        later = []
        for _ in range(50):
            started = time.perf_counter()
            seed_bundled_lists(fresh, bundle=bundle)
            later.append(time.perf_counter() - started)
        print(f"{'later starts: seed (median of 50)':<52} {statistics.median(later) * 1000:6.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
