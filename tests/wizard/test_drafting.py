"""What a lot being typed already implies, from the application layer: regimes with why, KP plausibility."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.service import Workspace
from desktop.service.drafting import certificate_findings, draft_regimes
from desktop.settings import Settings, save_settings

ROUGH_WITH_KP: dict[str, Any] = {
    "transaction": {"date": "2026-12-01", "kind": "import"},
    "goods": {"category": "rough"},
    "origin": {"mining_countries": ["BW"]},
    "counterparty": {"name": ""},  # not entered yet: the certificate is judged all the same
    "evidence": [
        {
            "type": "kp_certificate",
            "reference": "BW0087321",
            "issuing_country": "BW",
            "issued_on": "2026-11-16",
            "expires_on": "2027-01-15",
            "mining_countries": ["BW"],
        }
    ],
}


def workspace(tmp_path: Path, country: str = "BE") -> Workspace:
    save_settings(Settings(firm_country=country), tmp_path)
    return Workspace(tmp_path)


def test_regimes_as_typed_with_why(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    draft = {
        "transaction": {"kind": "sale", "jurisdictions": ["NZ", "XX"]},
        "counterparty": {"role": "buyer", "country": "US"},
    }
    found = {r.code: r for r in draft_regimes(ws, draft)}
    assert set(found) == {"US", "EU", "NZ"}
    assert [r.kind for r in found["EU"].reasons] == ["issuer"] and found["EU"].derived
    assert found["US"].describe() == "buyer in US" and found["US"].derived
    assert not found["NZ"].derived, "listed in the lot: added, removable"
    assert draft_regimes(workspace(tmp_path / "nowhere", ""), {"transaction": {}}) == []


def test_a_plausible_certificate_has_no_kp_finding(tmp_path: Path) -> None:
    found = certificate_findings(workspace(tmp_path), ROUGH_WITH_KP)
    assert [f for f in found if f.outcome.value != "cleared"] == []


def test_implausible_certificates_are_findings_of_the_rule_pack(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    cert = ROUGH_WITH_KP["evidence"][0]
    cases = {
        "expires before issue": {"issued_on": "2026-11-20", "expires_on": "2026-11-10"},
        "prefix": {"reference": "ZA0087321"},
        "countries": {"mining_countries": ["BW", "ZA"]},
        "not a participant": {"issuing_country": "SO", "reference": "SO0087321"},
    }
    summaries = {}
    for name, change in cases.items():
        data = {**ROUGH_WITH_KP, "evidence": [{**cert, **change}]}
        summaries[name] = " | ".join(f.summary for f in certificate_findings(ws, data))
    assert "expires on 2026-11-10, before its issue date 2026-11-20" in summaries["expires before issue"]
    assert "does not start with the issuing country's code BW" in summaries["prefix"]
    assert "names BW, ZA as country of origin but the lot declares BW" in summaries["countries"]
    assert "not a Kimberley Process participant" in summaries["not a participant"]
    polished = {**ROUGH_WITH_KP, "goods": {"category": "polished"}}
    assert certificate_findings(ws, {**polished, "evidence": [{**cert, "reference": "ZA1"}]}) == []
