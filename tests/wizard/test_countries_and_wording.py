"""Country search ranks what people mean first; problems are worded for people; ✔ only for seen steps."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.wizard import Checklist, Step, new_draft
from desktop.wizard.countries import label_of, ordered, rank, resolve
from desktop.wizard.wording import field_name, for_people


@pytest.mark.parametrize(
    ("typed", "language", "first", "resolved"),
    [
        ("India", "en", "India (IN)", "IN"),  # not British Indian Ocean Territory
        ("ind", "en", "India (IN)", None),  # India or Indonesia: not guessed
        ("IN", "en", "India (IN)", "IN"),
        ("Inde", "fr", "Inde (IN)", "IN"),
        ("Russie", "fr", "Russie (RU)", "RU"),  # ISO's "Russie, Fédération de" answers to "Russie"
        ("etats-unis", "fr", "États-Unis (US)", "US"),  # accents and case aside
        ("Royaume", "fr", "Royaume-Uni (GB)", "GB"),  # not "Royaume de Belgique"
        ("Inde (IN)", "fr", "Inde (IN)", "IN"),  # a suggestion taken as it is offered
        ("Botswana", "fr", "Botswana (BW)", "BW"),
    ],
)
def test_exact_and_prefix_matches_rank_first(
    typed: str, language: str, first: str, resolved: str | None
) -> None:
    assert rank(typed, language)[0].label == first
    assert resolve(typed, language) == resolved


def test_each_country_is_offered_once_producers_first() -> None:
    codes = [c.code for c in ordered("fr")]
    assert len(codes) == len(set(codes))
    assert codes[:2] == ["BW", "RU"]
    assert label_of("RU", "fr") == "Russie (RU)" and label_of("RU", "en") == "Russian Federation (RU)"
    suggestions = [c.code for c in rank("bo", "en")]
    assert len(suggestions) == len(set(suggestions))


def problem(checklist: Checklist, field: str) -> object:
    return next(p for p in checklist.problems() if p.field == field)


def test_problems_are_worded_for_people_and_keep_the_field_path_for_the_cli() -> None:
    c = Checklist(new_draft(today=date(2026, 12, 1), jurisdictions=[]))
    c.set_value(("transaction", "date"), "2026-13-01")
    c.set_value(("goods", "largest_stone_carats"), "1.2O")
    c.set_value(("goods", "hs_code"), "diamonds")
    date_problem = problem(c, "transaction.date")
    assert date_problem.text == 'transaction.date: not a date: "2026-13-01"'  # the CLI's words
    wording = for_people(date_problem)
    assert wording.english() == "Not a date: “2026-13-01”. Write it as YYYY-MM-DD, for example 2026-12-01."
    assert for_people(problem(c, "goods.largest_stone_carats")).english().startswith("Not a number: “1.2O”")
    assert (
        for_people(problem(c, "goods.hs_code")).english()
        == "Not an HS code: “diamonds”. For example 7102.39."
    )
    mining = for_people(problem(c, "origin.mining_countries")).english()
    assert mining == "Add at least one." and "List should have" not in mining
    assert for_people(problem(c, "counterparty.name")).english() == "Required."
    assert field_name("counterparty.name", c.draft.data()) == ("Name", "Seller")
    c.set_value(("counterparty", "role"), "buyer")
    assert field_name("counterparty.owners[0].share_percent", c.draft.data()) == ("Owner's share", "Buyer")
    c.set_value(("goods", "hs_code"), "7102.39")  # the model's own checks run once its fields are valid
    c.set_value(("goods", "largest_stone_carats"), "2")
    c.set_value(("goods", "total_carats"), "1")
    assert (
        for_people(problem(c, "goods.largest_stone_carats")).english()
        == "The largest stone (2 ct) weighs more than the whole lot (1 ct)."
    )


def test_a_step_is_ticked_only_when_complete_and_seen() -> None:
    c = Checklist(new_draft(today=date(2026, 12, 1), jurisdictions=[]))
    c.set_value(("goods", "category"), "rough")
    assert c.is_complete(Step.PROCESSING), "rough as mined needs no processing step"
    assert not c.shows_done(Step.PROCESSING), "but nothing shows it done before the dealer opened it"
    assert not c.shows_done(Step.EVIDENCE)
    c.set_value(("goods", "category"), "polished")
    assert not c.is_complete(Step.PROCESSING), "a polished lot was cut somewhere"
    c.append_item(("processing",), {"country": "IN", "activity": "cutting_polishing"})
    c.mark_visited(Step.PROCESSING)
    assert c.shows_done(Step.PROCESSING)
    again = Checklist.from_snapshot_json(c.snapshot_json())
    assert Step.PROCESSING in again.visited
