"""The checklist state machine, driven without Qt."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop.assessment import Assessment, PackRef, ScreeningSummary
from desktop.lot import Lot
from desktop.rules.result import EvidenceNeed, Finding, JurisdictionResult, Verdict
from desktop.screening.types import Decision, ScreeningDecision
from desktop.wizard import Checklist, Step, new_draft, step_for_finding
from desktop.wizard.draft import Draft, DraftError
from desktop.wizard.machine import NavigationError

TODAY = date(2026, 12, 1)


def fill(c: Checklist) -> None:
    c.set_value(("lot_id",), "L-1")
    c.set_value(("goods", "largest_stone_carats"), "0.50")
    c.set_value(("origin", "mining_countries"), ["BW"])
    c.set_value(("counterparty", "name"), "Gaborone Rough Ltd")
    c.append_item(("processing",), {"country": "IN", "activity": "cutting_polishing"})


def assessment_of(lot: Lot, *findings: Finding) -> Assessment:
    by_j: dict[str, list[Finding]] = {}
    for f in findings:
        by_j.setdefault(f.jurisdiction, []).append(f)
    results = {
        j: JurisdictionResult(jurisdiction=j, verdict=Verdict.worst([f.outcome for f in fs]), findings=fs)
        for j, fs in by_j.items()
    }
    return Assessment(
        lot=lot,
        date=lot.transaction.date,
        verdict=Verdict.worst([r.verdict for r in results.values()]),
        jurisdictions=results,
        screening=ScreeningSummary(),
        rule_pack=PackRef(id="p", version="1", as_of=TODAY, sha256="0" * 64),
        assessed_at=datetime(2026, 12, 1, 10, tzinfo=UTC),
    )


def finding(outcome: Verdict, **kw: object) -> Finding:
    base: dict[str, object] = {"rule": "US-R1", "jurisdiction": "US", "summary": "s", "source": "src"}
    base.update(kw)
    return Finding(outcome=outcome, **base)


@pytest.fixture
def checklist() -> Checklist:
    return Checklist(new_draft(today=TODAY, jurisdictions=["US", "EU"]))


def test_new_draft_is_incomplete_with_loader_messages_per_step(checklist: Checklist) -> None:
    assert checklist.value(("transaction", "jurisdictions")) == ["US", "EU"]
    assert checklist.value(("transaction", "date")) == "2026-12-01"
    texts = [(p.step, p.text) for p in checklist.problems()]
    assert (Step.LOT_TRANSACTION, "lot_id: must not be empty") in texts
    assert (Step.COUNTERPARTY, "counterparty.name: must not be empty") in texts
    assert next(t for s, t in texts if s is Step.ORIGIN).startswith("origin.mining_countries")
    # a polished lot was cut somewhere: the checklist asks where, though an old file without it still loads
    assert (Step.PROCESSING, "processing: a polished lot was cut somewhere: add at least one processing step "
            "(where and when)") in texts  # fmt: skip
    assert checklist.is_complete(Step.EVIDENCE)
    assert not checklist.is_complete(Step.REVIEW)
    assert checklist.first_incomplete() is Step.LOT_TRANSACTION


def test_messages_are_those_of_the_loader(checklist: Checklist) -> None:
    checklist.set_value(("transaction", "date"), "2026-13-01")
    [problem] = [p for p in checklist.problems() if p.field == "transaction.date"]
    assert problem.text == 'transaction.date: not a date: "2026-13-01"'
    assert problem.message == 'not a date: "2026-13-01"'


def test_next_only_when_complete(checklist: Checklist) -> None:
    assert not checklist.can_go_next()
    with pytest.raises(NavigationError):
        checklist.go_next()
    checklist.set_value(("lot_id",), "L-1")
    checklist.set_value(("goods", "largest_stone_carats"), "0.50")
    assert checklist.can_go_next()
    assert checklist.go_next() is Step.ORIGIN
    assert not checklist.can_go_next()
    assert not checklist.can_jump_to(Step.COUNTERPARTY)
    assert checklist.go_back() is Step.LOT_TRANSACTION


def test_jump_back_anywhere_forward_only_over_complete_steps(checklist: Checklist) -> None:
    fill(checklist)
    assert checklist.lot is not None
    assert checklist.jump_to(Step.EVIDENCE) is Step.EVIDENCE
    assert not checklist.can_jump_to(Step.ATTEST)  # not checked yet
    assert checklist.jump_to(Step.ORIGIN) is Step.ORIGIN
    checklist.set_value(("origin", "mining_countries"), [])
    assert not checklist.can_jump_to(Step.COUNTERPARTY)
    assert checklist.can_jump_to(Step.LOT_TRANSACTION)


def test_kp_certificate_problems_belong_to_origin(checklist: Checklist) -> None:
    fill(checklist)
    checklist.append_item(("evidence",), {"type": "kp_certificate", "reference": "", "issuing_country": "BW"})
    checklist.append_item(("evidence",), {"type": "supplier_declaration", "reference": ""})
    steps = {p.field: p.step for p in checklist.problems()}
    assert steps == {"evidence[0].reference": Step.ORIGIN, "evidence[1].reference": Step.EVIDENCE}
    checklist.remove_item(("evidence",), 1)
    assert [p.step for p in checklist.problems()] == [Step.ORIGIN]


def test_cross_section_problem_goes_to_its_section(checklist: Checklist) -> None:
    fill(checklist)
    checklist.set_value(("origin", "breakdown"), [{"country": "BW", "largest_stone_carats": "2.0"}])
    [problem] = checklist.problems()
    assert problem.step is Step.ORIGIN
    assert "heavier than goods.largest_stone_carats" in problem.text


def test_every_change_notifies_listeners(checklist: Checklist) -> None:
    seen: list[str] = []
    checklist.add_change_listener(lambda c: seen.append(c.step.value))
    checklist.set_value(("lot_id",), "L-1")
    assert not checklist.set_value(("lot_id",), "L-1")  # unchanged: no save
    checklist.set_value(("goods", "largest_stone_carats"), "0.50")
    checklist.go_next()
    assert seen == ["lot_transaction", "lot_transaction", "origin"]


def test_review_gates_attest_and_edits_drop_the_assessment(checklist: Checklist) -> None:
    fill(checklist)
    lot = checklist.lot
    assert lot is not None
    checklist.jump_to(Step.REVIEW)
    assert checklist.attest_refusal() == "the lot has not been checked"
    blocked = finding(Verdict.BLOCKED, summary="Russian-mined")
    checklist.set_assessment(assessment_of(lot, blocked))
    assert checklist.is_complete(Step.REVIEW)
    assert not checklist.can_go_next()
    assert "blocked" in (checklist.attest_refusal() or "") and "Russian-mined" in (
        checklist.attest_refusal() or ""
    )
    checklist.set_assessment(assessment_of(lot, finding(Verdict.CLEARED)))
    assert checklist.go_next() is Step.ATTEST
    checklist.mark_attested("A-1")
    assert checklist.is_complete(Step.ATTEST)
    checklist.set_value(("description",), "changed")
    assert checklist.assessment is None and checklist.attested is None
    assert checklist.step is Step.REVIEW  # the attest page never shows a stale check


def test_assessment_of_another_lot_is_refused(checklist: Checklist) -> None:
    fill(checklist)
    lot = checklist.lot
    assert lot is not None
    other = lot.model_copy(update={"lot_id": "other"})
    with pytest.raises(NavigationError):
        checklist.set_assessment(assessment_of(other, finding(Verdict.CLEARED)))


def test_findings_map_to_the_step_that_resolves_them() -> None:
    assert step_for_finding(finding(Verdict.REVIEW, section="counterparty")) is Step.COUNTERPARTY
    assert step_for_finding(finding(Verdict.REVIEW, section="parties")) is Step.COUNTERPARTY
    assert step_for_finding(finding(Verdict.REVIEW, section="origin")) is Step.ORIGIN
    assert step_for_finding(finding(Verdict.REVIEW, section="evidence:kp_certificate")) is Step.ORIGIN
    assert step_for_finding(finding(Verdict.REVIEW, section="evidence:g7_verification")) is Step.EVIDENCE
    g7 = EvidenceNeed(any_of=[{"type": "g7_verification"}], text="G7 verification")
    assert step_for_finding(finding(Verdict.NEEDS_EVIDENCE, evidence_needed=g7)) is Step.EVIDENCE
    kp = EvidenceNeed(any_of=[{"type": "kp_certificate"}], text="KP certificate")
    assert step_for_finding(finding(Verdict.NEEDS_EVIDENCE, evidence_needed=kp)) is Step.ORIGIN
    # no guessing from words: a finding that names no section goes to the first step
    assert step_for_finding(finding(Verdict.REVIEW, rule="SCREEN-sanction-match")) is Step.LOT_TRANSACTION


def test_resolve_jumps_back_to_the_step(checklist: Checklist) -> None:
    fill(checklist)
    checklist.jump_to(Step.REVIEW)
    need = EvidenceNeed(any_of=[{"type": "g7_verification"}], text="G7")
    assert checklist.resolve(finding(Verdict.NEEDS_EVIDENCE, evidence_needed=need)) is Step.EVIDENCE


def test_decisions_replace_older_rulings_on_the_same_entry(checklist: Checklist) -> None:
    when = datetime(2026, 12, 1, tzinfo=UTC)
    first = ScreeningDecision(
        party="ACME",
        list="UN",
        entry_id="1",
        decision=Decision.MATCH,
        reason="r",
        decided_by="me",
        decided_at=when,
    )
    second = first.model_copy(update={"decision": Decision.NOT_A_MATCH, "party": "acme "})
    checklist.record_decision(first)
    checklist.record_decision(second)
    assert checklist.decisions == (second,)


def test_draft_round_trips_lot_json(checklist: Checklist) -> None:
    fill(checklist)
    text = checklist.draft.to_json_text()
    again = Checklist(Draft.from_json_text(text))
    assert again.lot == checklist.lot
    assert Draft.from_lot(again.lot).get(("origin", "mining_countries")) == ["BW"]  # type: ignore[arg-type]
    with pytest.raises(DraftError):
        Draft.from_json_text("[1]")
    with pytest.raises(DraftError):
        Draft.from_json_text("{")


def test_draft_paths() -> None:
    d = Draft({})
    assert d.set(("transaction", "invoice", "number"), "INV-1")
    assert d.get(("transaction", "invoice", "number")) == "INV-1"
    assert d.set(("processing",), [{"country": "IN"}])
    assert d.set(("processing", 0, "activity"), "cutting_polishing")
    assert d.get(("processing", 0)) == {"country": "IN", "activity": "cutting_polishing"}
    assert d.get(("processing", 5, "x"), "none") == "none"
    with pytest.raises(DraftError):
        d.set(("processing", 3, "country"), "IN")
    copy = d.data()
    copy["processing"].clear()
    assert d.get(("processing",)) != []


def test_snapshot_restores_draft_step_and_decisions(checklist: Checklist) -> None:
    fill(checklist)
    checklist.jump_to(Step.COUNTERPARTY)
    when = datetime(2026, 12, 1, tzinfo=UTC)
    decision = ScreeningDecision(
        party="Gaborone Rough Ltd",
        list="UN",
        entry_id="1",
        decision=Decision.NOT_A_MATCH,
        reason="r",
        decided_by="me",
        decided_at=when,
    )
    checklist.record_decision(decision)
    again = Checklist.from_snapshot_json(checklist.snapshot_json())
    assert again.lot == checklist.lot
    assert again.step is Step.COUNTERPARTY
    assert again.decisions == (decision,)


def test_snapshot_step_falls_back_when_unreachable(checklist: Checklist) -> None:
    checklist.set_value(("lot_id",), "L-1")
    checklist.set_value(("goods", "largest_stone_carats"), "0.50")
    checklist.go_next()
    text = checklist.snapshot_json().replace('"step": "origin"', '"step": "attest"')
    assert Checklist.from_snapshot_json(text).step is Step.ORIGIN


@pytest.mark.parametrize(
    "text", ["{", "[]", '{"format": "other"}', '{"format": "clearstone.draft/1", "draft": {}, "step": "x"}']
)
def test_damaged_snapshots_are_refused(text: str) -> None:
    with pytest.raises(DraftError):
        Checklist.from_snapshot_json(text)
