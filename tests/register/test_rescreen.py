"""Re-screening past assessments reports a counterparty or owner newly listed (or delisted) since."""

from __future__ import annotations

from datetime import timedelta

from desktop.register import RecordKind, Register
from desktop.screening.types import Match, PartyQuery
from tests.register.conftest import NOW, MakeAssessment, pdf_for, sdn_match


class FakeLists:
    """The injected screen function: a list of listed names, as a newer list import would bring."""

    def __init__(self, listed: dict[str, str]) -> None:
        self.listed = listed  # name -> OFAC entry id
        self.queries: list[PartyQuery] = []

    def __call__(self, query: PartyQuery) -> list[Match]:
        self.queries.append(query)
        names = [query.name, *query.aliases]
        return [sdn_match(query.name, self.listed[n], n) for n in names if n in self.listed]


def test_a_newly_listed_counterparty_of_an_attestation_is_reported(
    register: Register, make_assessment: MakeAssessment
) -> None:
    clean = register.record_assessment(make_assessment(lot_id="L-1", counterparty="Gaborone Stones Ltd"))
    other = register.record_assessment(make_assessment(lot_id="L-2", counterparty="Francistown Gems"))
    number, _ = register.issue_attestation(clean, pdf_for, now=NOW)
    lists = FakeLists({"Gaborone Stones Ltd": "34644"})
    report = register.rescreen(lists, now=NOW + timedelta(days=30))
    assert [c.message for c in report.changes] == [
        f"counterparty of attestation {number} (lot L-1) now matches OFAC-SDN 34644 (Gaborone Stones Ltd)"
    ]
    assert report.assessments == 2
    assert {q.name for q in lists.queries} == {"Gaborone Stones Ltd", "Francistown Gems", "Tumelo Segokgo"}
    assert report.parties == 3  # the shared owner is screened once
    assert other not in {c.assessment_id for c in report.changes}
    # the run is itself a register record, and the chain still verifies
    runs = register.list_records([RecordKind.RESCREEN])
    assert len(runs) == 1 and runs[0].summary.endswith(report.changes[0].message)
    assert register.show(runs[0].ref)["changes"][0]["entry_id"] == "34644"
    assert register.verify().ok


def test_a_second_run_reports_only_what_changed_since_the_first(
    register: Register, make_assessment: MakeAssessment
) -> None:
    register.record_assessment(make_assessment(lot_id="L-1", counterparty="Gaborone Stones Ltd"))
    lists = FakeLists({"Tumelo Segokgo": "50001"})
    first = register.rescreen(lists, now=NOW + timedelta(days=1))
    assert [(c.role, c.party, c.change) for c in first.changes] == [("owner", "Tumelo Segokgo", "new_match")]
    assert register.rescreen(lists, now=NOW + timedelta(days=2)).changes == []
    delisted = register.rescreen(FakeLists({}), now=NOW + timedelta(days=3))
    assert [c.message for c in delisted.changes] == [
        "owner Tumelo Segokgo of assessment 1 (lot L-1) no longer matches OFAC-SDN 50001 (Tumelo Segokgo)"
    ]


def test_a_match_known_at_assessment_time_is_not_news(
    register: Register, make_assessment: MakeAssessment
) -> None:
    register.record_assessment(
        make_assessment(
            counterparty="Gaborone Stones Ltd", matches=[sdn_match("Gaborone Stones Ltd", "34644")]
        )
    )
    assert (
        register.rescreen(FakeLists({"Gaborone Stones Ltd": "34644"}), now=NOW + timedelta(days=1)).changes
        == []
    )
    gone = register.rescreen(FakeLists({}), now=NOW + timedelta(days=2)).changes
    assert [(c.change, c.entry_id) for c in gone] == [("match_gone", "34644")]


def test_only_assessments_of_the_last_five_years_are_rescreened(
    register: Register, make_assessment: MakeAssessment
) -> None:
    register.record_assessment(make_assessment(lot_id="OLD", counterparty="Old Trader", assessed_at=NOW))
    later = NOW.replace(year=NOW.year + 6)
    register.record_assessment(make_assessment(lot_id="NEW", counterparty="New Trader", assessed_at=later))
    lists = FakeLists({"Old Trader": "1", "New Trader": "2"})
    report = register.rescreen(lists, now=later + timedelta(days=1))
    assert [c.lot_id for c in report.changes] == ["NEW"]
    assert register.rescreen(lists, since_years=10, now=later + timedelta(days=2)).changes[0].lot_id == "OLD"
