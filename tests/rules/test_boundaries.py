"""Every rule's boundaries: the day before / on / after each effective date, and 0.49 / 0.50 / 0.99 / 1.00 ct."""

from __future__ import annotations

import pytest

from tests.lotfactory import kp, make_lot, rough
from tests.rules.conftest import rules_of

INDIA_CUT = {"processing": [{"country": "IN", "activity": "cutting_polishing", "completed_on": None}]}


def russian_polished(carats: str, **more: object):  # type: ignore[no-untyped-def]
    overrides = {
        "goods__largest_stone_carats": carats,
        "goods__total_carats": carats,
        "origin__exported_from_russia_on": "2025-05-12",
        "origin__located_outside_russia_since": "2025-05-12",
        **INDIA_CUT,
    }
    overrides.update(more)
    return make_lot(**overrides)


@pytest.mark.parametrize(
    ("day", "carats", "expected"),
    [
        ("2024-02-29", "1.00", "cleared"),  # US-R2 not yet in force; US-R1 not engaged (transformed in IN)
        ("2024-03-01", "1.00", "blocked"),  # effective date inclusive, threshold inclusive
        ("2024-03-01", "0.99", "cleared"),
        ("2024-08-31", "0.50", "cleared"),  # 0.5 ct limb starts the next day
        ("2024-09-01", "0.50", "blocked"),
        ("2024-09-01", "0.49", "cleared"),
        ("2024-09-02", "0.495", "cleared"),  # never rounded up
    ],
)
def test_us_r2_dates_and_thresholds(result, day: str, carats: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    lot = russian_polished(
        carats,
        transaction__date=day,
        origin__exported_from_russia_on="2024-01-15",
        origin__located_outside_russia_since="2024-01-15",
    )
    us = result(lot, "US")
    if expected == "blocked":
        assert "US-R2" in rules_of(us)
        assert us.verdict.value in ("blocked", "needs_evidence")
    else:
        assert "US-R2" not in rules_of(us)
        assert us.verdict.value == "cleared"


@pytest.mark.parametrize(("day", "expected"), [("2023-12-31", "cleared"), ("2024-01-01", "blocked")])
def test_eu_r1_direct_ban_starts_2024(result, day: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    lot = rough(
        "RU",
        "0.30",
        transaction__date=day,
        origin__exported_from_russia_on="2023-12-20",
        counterparty__country="RU",
        evidence=[kp("RU", issued="2023-12-01", expires="2024-02-01")],
    )
    eu = result(lot, "EU")
    assert eu.verdict.value == expected
    assert ("EU-R1" in rules_of(eu)) == (expected == "blocked")


@pytest.mark.parametrize(
    ("day", "carats", "rules"),
    [
        ("2024-02-29", "1.00", set()),
        ("2024-03-01", "1.00", {"EU-R3"}),
        ("2024-08-31", "0.99", set()),
        ("2024-09-01", "0.99", {"EU-R4"}),
        ("2024-09-01", "1.00", {"EU-R3", "EU-R4"}),
        ("2024-09-01", "0.49", set()),
    ],
)
def test_eu_third_country_thresholds(result, day: str, carats: str, rules: set[str]) -> None:  # type: ignore[no-untyped-def]
    lot = russian_polished(
        carats,
        transaction__date=day,
        origin__exported_from_russia_on="2024-01-15",
        origin__located_outside_russia_since="2024-01-15",
        processing=[{"country": "IN", "activity": "cutting_polishing", "completed_on": "2024-02-10"}],
    )
    fired = {r for r in rules_of(result(lot, "EU")) if r in {"EU-R3", "EU-R4"}}
    assert fired == rules


def test_eu_grandfathering_per_threshold(result) -> None:  # type: ignore[no-untyped-def]
    dds = {"type": "due_diligence_statement", "reference": "DDS 1", "jurisdiction": "EU"}
    proof = {"type": "pre_ban_proof", "reference": "AWB 1", "located_outside_russia_since": "2024-05-01"}
    # 0.70 ct outside Russia since May 2024, before the 0.5 ct ban of 1 Sep 2024: exempt with proof.
    small = russian_polished(
        "0.70",
        origin__exported_from_russia_on="2024-05-01",
        origin__located_outside_russia_since="2024-05-01",
        evidence=[proof, dds],
    )
    assert result(small, "EU").verdict.value == "cleared"
    # Without the proof the exemption is only claimed: evidence needed.
    claimed = russian_polished(
        "0.70",
        origin__exported_from_russia_on="2024-05-01",
        origin__located_outside_russia_since="2024-05-01",
        evidence=[dds],
    )
    eu = result(claimed, "EU")
    assert eu.verdict.value == "needs_evidence"
    assert rules_of(eu)["EU-R4"].evidence_needed is not None
    # 1.20 ct: caught by the 1 ct ban since 1 Mar 2024, so May 2024 is too late.
    large = russian_polished(
        "1.20",
        origin__exported_from_russia_on="2024-05-01",
        origin__located_outside_russia_since="2024-05-01",
        evidence=[proof],
    )
    eu = result(large, "EU")
    assert eu.verdict.value == "blocked"
    assert rules_of(eu)["EU-R3"].outcome.value == "blocked"
    assert rules_of(eu)["EU-R4"].outcome.value == "cleared"


def test_eu_grandfathering_did_not_exist_before_june_2024(result) -> None:  # type: ignore[no-untyped-def]
    proof = {"type": "pre_ban_proof", "reference": "AWB 1", "located_outside_russia_since": "2023-11-01"}
    lot = russian_polished(
        "1.20",
        transaction__date="2024-06-20",
        evidence=[proof],
        origin__exported_from_russia_on="2023-11-01",
        origin__located_outside_russia_since="2023-11-01",
    )
    assert result(lot, "EU").verdict.value == "blocked"
    assert result(lot, "EU", on="2024-07-01").verdict.value == "cleared"


def test_proof_dated_after_cutoff_proves_nothing(result) -> None:  # type: ignore[no-untyped-def]
    late_proof = {"type": "pre_ban_proof", "reference": "AWB 2", "located_outside_russia_since": "2024-10-01"}
    lot = russian_polished(
        "0.70",
        origin__exported_from_russia_on="2024-05-01",
        origin__located_outside_russia_since="2024-05-01",
        evidence=[late_proof],
        transaction__date="2025-06-01",
    )
    assert result(lot, "EU").verdict.value == "needs_evidence"


@pytest.mark.parametrize(
    ("day", "proof", "expected"),
    [
        ("2026-08-31", True, "cleared"),
        ("2026-09-01", True, "cleared"),
        ("2026-09-02", True, "review"),  # GL 104A expired; renewal unknown [U]
        ("2026-08-31", False, "needs_evidence"),
    ],
)
def test_us_gl_104a(result, day: str, proof: bool, expected: str) -> None:  # type: ignore[no-untyped-def]
    evidence = (
        [{"type": "pre_ban_proof", "reference": "BOE 9", "located_outside_russia_since": "2023-05-12"}]
        if proof
        else []
    )
    lot = russian_polished(
        "1.20",
        transaction__date=day,
        evidence=evidence,
        origin__exported_from_russia_on="2023-05-12",
        origin__located_outside_russia_since="2023-05-12",
    )
    us = result(lot, "US")
    assert us.verdict.value == expected
    if expected == "review":
        assert rules_of(us)["US-R2"].suggested is not None
        assert rules_of(us)["US-R2"].suggested.value == "blocked"


@pytest.mark.parametrize(
    ("day", "carats", "contract", "expected"),
    [
        ("2024-05-09", "1.00", None, "cleared"),  # before JP-R2
        ("2024-05-10", "1.00", None, "blocked"),
        ("2024-05-10", "0.99", None, "needs_evidence"),  # prior confirmation
        ("2024-10-01", "0.50", None, "needs_evidence"),
        ("2024-10-02", "0.50", None, "blocked"),
        ("2024-10-02", "0.49", None, "needs_evidence"),
        ("2024-11-15", "0.70", "2024-09-20", "needs_evidence"),  # transitional route until 2025-01-01
        ("2025-01-02", "0.70", "2024-09-20", "blocked"),
    ],
)
def test_japan(result, day: str, carats: str, contract: str | None, expected: str) -> None:  # type: ignore[no-untyped-def]
    lot = russian_polished(carats, transaction__date=day, transaction__contract_date=contract)
    assert result(lot, "JP").verdict.value == expected


def test_japan_prior_confirmation_lifts(result) -> None:  # type: ignore[no-untyped-def]
    lot = russian_polished(
        "0.49", evidence=[{"type": "prior_confirmation", "reference": "METI 1", "jurisdiction": "JP"}]
    )
    assert result(lot, "JP").verdict.value == "cleared"
    wrong = russian_polished(
        "0.49", evidence=[{"type": "prior_confirmation", "reference": "X", "jurisdiction": "EU"}]
    )
    assert result(wrong, "JP").verdict.value == "needs_evidence"


@pytest.mark.parametrize(
    ("day", "carats", "exported", "expected"),
    [
        ("2024-08-29", "0.70", "2024-04-10", "cleared"),  # SOR/2024-39: 1 ct and above only
        ("2024-08-29", "1.00", "2024-02-01", "blocked"),  # no export-date exemption before 30 Aug 2024
        ("2024-09-05", "0.70", "2024-09-01", "blocked"),
        ("2024-08-30", "0.70", "2024-08-30", "cleared"),  # exported before 1 Sep 2024 (with proof)
        ("2026-12-01", "1.00", "2024-02-29", "cleared"),
        ("2026-12-01", "1.00", "2024-03-01", "blocked"),
        ("2026-12-01", "0.49", "2025-01-01", "cleared"),
    ],
)
def test_canada_export_date_exemption(result, day: str, carats: str, exported: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    proof = {"type": "pre_ban_proof", "reference": "AWB", "located_outside_russia_since": exported}
    lot = russian_polished(
        carats,
        transaction__date=day,
        origin__exported_from_russia_on=exported,
        origin__located_outside_russia_since=exported,
        evidence=[proof],
        processing=[{"country": "IN", "activity": "cutting_polishing", "completed_on": day}],
    )
    assert result(lot, "CA").verdict.value == expected


@pytest.mark.parametrize(("day", "expected"), [("2025-04-23", "cleared"), ("2025-04-24", "blocked")])
def test_uk_synthetics(result, day: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    lot = make_lot(
        transaction__date=day,
        goods__lab_grown=True,
        goods__hs_code="7104.91",
        goods__largest_stone_carats="0.50",
        goods__total_carats="0.50",
        origin__exported_from_russia_on="2025-04-01",
        origin__located_outside_russia_since="2025-04-01",
        processing=[
            {"country": "RU", "activity": "growing", "completed_on": "2025-03-01"},
            {"country": "IN", "activity": "cutting_polishing", "completed_on": "2025-04-20"},
        ],
        transaction__invoice={"number": "1", "date": day, "sow_statement": None, "sow_id": None},
    )
    uk = result(lot, "UK")
    assert ("UK-R3" in rules_of(uk)) == (expected == "blocked")
    if expected == "blocked":
        # Outside Russia since 2025-04-01, before 24 Apr 2025: GBSAN0003 may apply once documented.
        assert uk.verdict.value == "needs_evidence"


def test_breakdown_thresholds_apply_per_origin(result) -> None:  # type: ignore[no-untyped-def]
    lot = make_lot(
        goods__largest_stone_carats="1.50",
        goods__total_carats="5.00",
        goods__stone_count=8,
        origin__mining_countries=["BW", "RU"],
        origin__breakdown=[
            {"country": "BW", "stone_count": 4, "carats": "3.60", "largest_stone_carats": "1.50"},
            {"country": "RU", "stone_count": 4, "carats": "1.40", "largest_stone_carats": "0.45"},
        ],
    )
    assert "US-R2" not in rules_of(result(lot, "US"))
    assert result(lot, "JP").verdict.value == "needs_evidence"  # Russian stones < 0.5 ct: prior confirmation
    without = make_lot(
        goods__largest_stone_carats="1.50",
        goods__total_carats="5.00",
        goods__stone_count=8,
        origin__mining_countries=["BW", "RU"],
    )
    assert result(without, "US").verdict.value == "blocked"  # judged by its largest stone and every country


def test_transit_through_russia(result) -> None:  # type: ignore[no-untyped-def]
    lot = rough("BW", origin__transit_countries=["RU"], origin__exported_from_russia_on="2026-10-01")
    assert "EU-R2" in rules_of(result(lot, "EU"))
    assert result(lot, "EU").verdict.value == "blocked"
    assert result(lot, "US").verdict.value == "cleared"


def test_industrial_is_outside_the_bans(verdicts) -> None:  # type: ignore[no-untyped-def]
    lot = rough(
        "RU",
        "2.00",
        goods__industrial=True,
        goods__hs_code="7102.21",
        evidence=[kp("RU")],
        origin__exported_from_russia_on="2026-08-01",
    )
    assert set(verdicts(lot).values()) == {"review"}  # classification risk, never blocked nor cleared


def test_third_country_jewellery_is_review_not_cleared(verdicts) -> None:  # type: ignore[no-untyped-def]
    lot = make_lot(
        goods__category="jewellery",
        goods__hs_code="7113.19",
        goods__largest_stone_carats="0.90",
        processing=[
            {"country": "IN", "activity": "cutting_polishing", "completed_on": "2025-06-01"},
            {"country": "TH", "activity": "setting", "completed_on": "2026-09-01"},
        ],
    )
    v = verdicts(lot)
    assert v["EU"] == "review" and v["US"] == "review" and v["UK"] == "review"
    assert v["JP"] == "cleared"  # Japan covers HS 7102 only
    assert v["CA"] == "review"  # Part 2 coverage of jewellery unverified [U]


def test_personal_use(verdicts) -> None:  # type: ignore[no-untyped-def]
    lot = make_lot(goods__personal_use=True, goods__largest_stone_carats="1.20")
    v = verdicts(lot)
    assert v["EU"] == "cleared" and v["CA"] == "cleared" and v["NZ"] == "cleared"
    assert v["US"] == "review" and v["UK"] == "review"


def test_lab_grown_without_russian_link_is_cleared(verdicts) -> None:  # type: ignore[no-untyped-def]
    lot = make_lot(
        goods__lab_grown=True,
        goods__hs_code="7104.91",
        origin__mining_countries=["IN"],
        origin__exported_from_russia_on=None,
        origin__located_outside_russia_since=None,
        processing=[
            {"country": "IN", "activity": "growing"},
            {"country": "IN", "activity": "cutting_polishing"},
        ],
        transaction__invoice={"number": "1", "date": "2026-11-01", "sow_statement": None, "sow_id": None},
    )
    assert set(verdicts(lot).values()) == {"cleared"}


class TestKimberley:
    def test_missing_certificate_needs_evidence(self, result) -> None:  # type: ignore[no-untyped-def]
        us = result(rough("BW", evidence=[]), "US")
        assert us.verdict.value == "needs_evidence"
        assert rules_of(us)["US-R7"].section == "origin"

    @pytest.mark.parametrize(
        ("expires", "expected"), [("2026-12-01", "cleared"), ("2026-11-30", "needs_evidence")]
    )
    def test_expiry_day_is_valid(self, result, expires: str, expected: str) -> None:  # type: ignore[no-untyped-def]
        lot = rough("BW", evidence=[kp("BW", issued="2026-10-01", expires=expires)])
        assert result(lot, "UK").verdict.value == expected

    def test_certificate_from_a_non_participant_is_blocked(self, result) -> None:  # type: ignore[no-untyped-def]
        lot = rough("BW", evidence=[kp("SO", mining=["BW"])])
        assert result(lot, "UK").verdict.value == "blocked"

    @pytest.mark.parametrize(
        ("area", "day", "expected"),
        [
            ("Bria (Haute-Kotto)", "2016-03-15", "blocked"),
            ("Berbérati", "2016-03-15", "blocked"),
            ("Berberati", "2017-02-20", "cleared"),
            ("Carnot", "2016-08-01", "review"),  # declared a compliant zone "later in 2016"
            ("Bria", "2024-11-16", "cleared"),  # CAR fully readmitted on 15 Nov 2024
        ],
    )
    def test_car_suspension_and_compliant_zones(self, result, area: str, day: str, expected: str) -> None:  # type: ignore[no-untyped-def]
        lot = rough(
            "CF",
            origin__mining_area=area,
            transaction__date=day,
            transaction__invoice={"number": "1", "date": day, "sow_statement": "2002", "sow_id": None},
            evidence=[kp("CF", issued=day, expires="2027-12-31")],
        )
        assert result(lot, "UK").verdict.value == expected

    @pytest.mark.parametrize(
        ("day", "expected"), [("2025-02-28", "cleared"), ("2025-03-01", "needs_evidence")]
    )
    def test_eu_refuses_mixed_origin_certificates_from_march_2025(
        self, result, day: str, expected: str
    ) -> None:  # type: ignore[no-untyped-def]
        g7 = {"type": "g7_verification", "reference": "ADO 1"}
        lot = rough(
            "BW",
            transaction__date=day,
            origin__mining_countries=["BW", "NA"],
            evidence=[kp("BW", issued=day, mining=[], mixed=True), g7],
        )
        assert result(lot, "EU").verdict.value == "cleared"  # G7-verified goods are accepted
        lot = rough(
            "BW",
            transaction__date=day,
            origin__mining_countries=["BW", "NA"],
            evidence=[kp("BW", issued=day, mining=[], mixed=True)],
        )
        eu = result(lot, "EU")
        assert ("EU-R8-KP" in rules_of(eu)) == (expected == "needs_evidence")

    def test_kp_never_cures_a_sanctions_ban(self, result) -> None:  # type: ignore[no-untyped-def]
        lot = rough("RU", "0.30", evidence=[kp("RU")], origin__exported_from_russia_on="2026-10-05")
        assert result(lot, "US").verdict.value == "blocked"


def test_grading_report_weight_wins_and_is_reported(result) -> None:  # type: ignore[no-untyped-def]
    report = {"type": "grading_report", "reference": "GIA 1", "lab": "GIA", "carats": "0.50"}
    lot = russian_polished("0.49", evidence=[report])
    us = result(lot, "US")
    assert us.verdict.value == "blocked"
    assert rules_of(us)["CS-WEIGHT"].level.value == "warning"


def test_old_warranty_text_is_a_warning_not_a_verdict(result) -> None:  # type: ignore[no-untyped-def]
    lot = rough(
        "BW",
        transaction__invoice={"number": "1", "date": "2026-11-01", "sow_statement": "2002", "sow_id": None},
        evidence=[kp("BW"), {"type": "g7_verification", "reference": "ADO"}],
    )
    uk = result(lot, "UK")
    assert uk.verdict.value == "cleared"
    assert rules_of(uk)["WDC-2"].level.value == "warning"


def test_same_lot_on_an_earlier_date_gets_the_law_of_then(verdicts) -> None:  # type: ignore[no-untyped-def]
    lot = russian_polished("1.00")
    assert verdicts(lot)["US"] == "blocked"
    assert verdicts(lot, on="2023-06-01")["US"] == "cleared"


def test_purchase_abroad_engages_purchase_bans_not_import_bans(verdicts) -> None:  # type: ignore[no-untyped-def]
    # An EU or Canadian dealer buying Russian-cut goods in Dubai for delivery to Hong Kong is still bound;
    # the US and Japanese measures ban importation only.
    lot = make_lot(transaction__kind="purchase", transaction__delivery_country="HK")
    v = verdicts(lot)
    assert v["EU"] == "blocked" and v["CA"] == "blocked"
    assert v["US"] == "cleared" and v["JP"] == "cleared"
    assert v["UK"] == "review"  # the acquisition limb abroad is unverified [U]
    home = make_lot(transaction__kind="purchase", transaction__delivery_country="US")
    assert verdicts(home)["US"] == "blocked"
