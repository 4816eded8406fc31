"""The bundled curated list validates, cites its sources and carries the bindings the brief supports."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.screening.bundled import load_bundled
from desktop.screening.errors import BundledListError


def test_bundled_list_loads_with_id_version_and_date() -> None:
    bundled, info = load_bundled()
    assert info.id == "CS-DIAMOND" and info.bundled
    assert info.as_of is not None and info.entries == len(bundled.entries) >= 20
    assert len(info.sha256) == 64
    assert set(info.jurisdictions) == {"US", "EU", "UK", "CA", "JP", "CH", "AU", "NZ"}


def test_alrosa_bindings_follow_the_brief() -> None:
    bundled, _ = load_bundled()
    alrosa = next(e for e in bundled.entries if e.id == "34644")
    by = {b.jurisdiction: b for b in alrosa.bindings}
    assert str(by["US"].listed_on) == "2022-04-07"
    assert str(by["UK"].listed_on) == "2022-03-24"
    assert str(by["EU"].listed_on) == "2024-01-03"
    assert by["CA"].confidence == "S" and by["NZ"].confidence == "S"
    assert {by[j].confidence for j in ("JP", "CH", "AU")} == {"U"}
    assert all(by[j].listed_on is None for j in ("JP", "CH", "AU"))
    names = {n for n, _ in alrosa.all_names()}
    assert {"AK ALROSA PAO", "PJSC ALROSA", "ALROSA GROUP", "АЛРОСА", "ПАО «Алроса»"} <= names


def test_subsidiaries_are_flagged_as_owned_and_badica_notes_un_delisting() -> None:
    bundled, _ = load_bundled()
    owned = {e.name for e in bundled.entries if e.owned_by == "34644"}
    assert owned == {"ALROSA USA, Inc.", "Almazy Anabara", "Alrosa-Nyurba"}
    badica = next(e for e in bundled.entries if e.id == "18430")
    assert "delisted" in (badica.remarks or "")
    assert "UN" not in {b.jurisdiction for b in badica.bindings}
    assert all(s.url or s.note for e in bundled.entries for s in e.sources)


def test_invalid_bundled_list_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "id: X\nname: n\nversion: '1'\nas_of: 2026-01-01\nsource: s\nentries:\n"
        "  - {id: A, name: A, bindings: [{jurisdiction: US, confidence: Q}], sources: [{list: L}]}\n"
    )
    with pytest.raises(BundledListError, match="P/S/U"):
        load_bundled(bad)
