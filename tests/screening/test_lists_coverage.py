"""Coverage for `attest`: a regime is covered by a current copy of its own official list, nothing else."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.coverage import CoverageState, coverage_of, regime_coverage
from desktop.rules.pack import bundled_pack
from desktop.screening.service import Screener
from desktop.screening.types import ListInfo

ON = date(2026, 12, 5)
REGIMES = {r.code: r for r in bundled_pack().regimes}


def _info(list_id: str, published: date | None, *, bundled: bool = False) -> ListInfo:
    return ListInfo(
        id=list_id, name=list_id, source="test", jurisdictions=[], as_of=published, entries=10, sha256="0" * 64,
        bundled=bundled,
    )  # fmt: skip


LISTS = [
    _info("CS-DIAMOND", date(2026, 12, 1), bundled=True),
    _info("OFAC-SDN", date(2026, 11, 30)),
    _info("OFAC-CONS", None),
    _info("UN", date(2026, 2, 27)),
    _info("OS-FTM", date(2026, 12, 4)),
]


def test_a_regime_is_covered_by_a_current_copy_of_its_own_list() -> None:
    us = regime_coverage(REGIMES["US"], LISTS, ON)
    assert us.current and [i.id for i in us.lists] == ["OFAC-SDN", "OFAC-CONS"]
    assert us.describe(ON) == "US: OFAC-SDN published 2026-11-30"


def test_the_bundled_list_the_un_list_and_aggregates_are_never_coverage() -> None:
    # the UN list binds every member state, but it is not any regime's own list of designations
    coverage = coverage_of(list(REGIMES.values()), LISTS, ON)
    assert {code for code, c in coverage.items() if c.current} == {"US"}
    assert coverage["JP"].state is CoverageState.MISSING and coverage["CA"].state is CoverageState.MISSING
    assert regime_coverage(REGIMES["US"], [LISTS[0]], ON).describe(ON) == (
        "US: no official sanctions list of this regime is loaded"
    )


def test_stale_or_undated_lists_are_a_gap_with_their_age() -> None:
    old = [_info("EU-FSF", date(2026, 8, 5))]
    eu = regime_coverage(REGIMES["EU"], old, ON)
    assert eu.state is CoverageState.STALE and regime_coverage(REGIMES["EU"], old, ON, 200).current
    assert eu.describe(ON) == "EU: EU-FSF is 122 days old (published 2026-08-05; the limit is 30 days)"
    undated = regime_coverage(REGIMES["US"], [_info("OFAC-CONS", None)], ON)
    assert undated.state is CoverageState.UNDATED
    assert (
        undated.describe(ON) == "US: OFAC-CONS gives no publication date (it cannot be shown to be current)"
    )


def test_coverage_of_a_real_data_folder(sanctions_data: Path, data_dir: Path) -> None:
    screener = Screener.for_import(data_dir)
    screener.import_path(sanctions_data / "uk/uk_sanctions_list_excerpt_2026-09-10.xml")
    uk = regime_coverage(REGIMES["UK"], Screener.open(data_dir).lists(), date(2026, 9, 20))
    assert [i.id for i in uk.lists] == ["UK-SL"] and uk.current
