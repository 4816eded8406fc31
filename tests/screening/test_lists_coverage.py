"""Coverage for `attest`: which loaded official lists bind a jurisdiction on a date, and how old they are."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.screening.coverage import coverage, coverage_gaps
from desktop.screening.service import Screener
from desktop.screening.types import ListInfo

ON = date(2026, 12, 5)


def _info(
    list_id: str, jurisdictions: list[str], published: date | None, *, bundled: bool = False
) -> ListInfo:
    return ListInfo(
        id=list_id,
        name=list_id,
        source="test",
        jurisdictions=jurisdictions,
        as_of=published,
        entries=10,
        sha256="0" * 64,
        bundled=bundled,
    )


LISTS = [
    _info("CS-DIAMOND", ["US", "EU", "UK"], date(2026, 12, 1), bundled=True),
    _info("OFAC-SDN", ["US"], date(2026, 11, 30)),
    _info("OFAC-CONS", ["US"], None),
    _info("UN", ["US", "EU", "UK", "CA"], date(2026, 2, 27)),
    _info("OS-FTM", ["JP"], date(2026, 12, 4)),
]


def test_official_lists_binding_a_jurisdiction_newest_first() -> None:
    us = coverage(LISTS, "US", ON)
    assert [(c.id, c.age_days) for c in us.official] == [("OFAC-SDN", 5), ("UN", 281), ("OFAC-CONS", None)]
    assert us.current() and us.gap() is None and us.newest is not None and us.newest.id == "OFAC-SDN"
    assert [c.describe() for c in us.official][1:] == [
        "UN (published 2026-02-27, 281 days old)",
        "OFAC-CONS (publication date unknown)",
    ]


def test_the_bundled_list_never_covers_and_aggregates_are_secondary() -> None:
    jp = coverage(LISTS, "JP", ON)
    assert jp.official == () and [c.id for c in jp.secondary] == ["OS-FTM"]
    assert jp.gap() == "JP: no official sanctions list binding JP is loaded"
    assert coverage([LISTS[0]], "US", ON).gap() == "US: no official sanctions list binding US is loaded"


def test_stale_or_undated_lists_are_a_gap_with_their_age() -> None:
    eu = coverage(LISTS, "EU", ON)
    assert not eu.current() and eu.current(max_age_days=300)
    assert (
        eu.gap()
        == "EU: no official list published within 30 days of 2026-12-05: UN (published 2026-02-27, 281 days old)"
    )
    undated = coverage([_info("OFAC-CONS", ["US"], None)], "US", ON)
    assert (
        undated.gap()
        == "US: no official list published within 30 days of 2026-12-05: OFAC-CONS (publication date unknown)"
    )
    assert coverage_gaps(LISTS, ["US", "EU", "CA", "NZ"], ON) == [
        eu.gap(),
        "CA: no official list published within 30 days of 2026-12-05: UN (published 2026-02-27, 281 days old)",
        "NZ: no official sanctions list binding NZ is loaded",
    ]
    assert coverage_gaps(LISTS, ["US"], ON) == []


def test_coverage_of_a_real_data_folder(sanctions_data: Path, data_dir: Path) -> None:
    screener = Screener.for_import(data_dir)
    screener.import_path(sanctions_data / "uk/uk_sanctions_list_excerpt_2026-09-10.xml")
    uk = coverage(Screener.open(data_dir).lists(), "UK", date(2026, 9, 20))
    assert [(c.id, c.age_days) for c in uk.official] == [("UK-SL", 10)] and uk.gap() is None
