"""The fixture lots' invented counterparties and owners raise no match; S35's «ПАО «Алроса»» does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.screening.importers import ParsedList
from desktop.screening.service import Screener
from desktop.screening.types import PartyQuery


@pytest.fixture(scope="module")
def all_lists(parsed_samples: dict[str, ParsedList]) -> Screener:
    keep = ("ofac-2021", "ofac-2025-aliases", "ofac-cons", "un", "eu", "uk", "ftm-t1", "ftm-zala")
    return Screener.from_parsed([parsed_samples[k] for k in keep], bundled=True)


def _parties(shared_dir: Path) -> list[tuple[str, PartyQuery]]:
    out = []
    for path in sorted((shared_dir / "fixtures/lots").glob("*.lot.json")):
        cp = json.loads(path.read_text(encoding="utf-8"))["counterparty"]
        out.append((path.name, PartyQuery(name=cp["name"], kind=cp["kind"], country=cp["country"])))
        for owner in cp.get("owners") or []:
            out.append(
                (path.name, PartyQuery(name=owner["name"], kind=owner["kind"], country=owner.get("country")))
            )
    return out


def test_fixture_parties(shared_dir: Path, all_lists: Screener) -> None:
    alerts = {}
    for lot, query in _parties(shared_dir):
        matches = all_lists.screen(query)
        if matches:
            alerts[(lot, query.name)] = [(m.list, m.entry_id, m.score) for m in matches]
    s35 = alerts.pop(("S35.lot.json", "ПАО «Алроса»"))
    assert ("CS-DIAMOND", "34644", 1.0) in s35 and ("OFAC-SDN", "34644", 1.0) in s35
    assert alerts == {}
