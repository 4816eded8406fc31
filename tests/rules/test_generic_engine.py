"""The engine is generic: no jurisdiction, rule id or legal date lives in its Python code."""

from __future__ import annotations

import re
from pathlib import Path

import desktop.rules as rules_package

ENGINE_MODULES = ["engine.py", "conditions.py", "facts.py", "kp.py"]


def test_engine_code_names_no_jurisdiction_rule_or_date() -> None:
    folder = Path(rules_package.__file__).parent
    jurisdiction = re.compile(r"""["'](US|EU|UK|CA|JP|CH|AU|NZ)["']""")
    rule_id = re.compile(r"""["'](US|EU|UK|CA|JP|CH|AU|NZ|KP)-R\d""")
    legal_date = re.compile(r"20[12]\d-\d\d-\d\d|date\(20[12]\d")
    for name in ENGINE_MODULES:
        text = (folder / name).read_text(encoding="utf-8")
        assert not jurisdiction.search(text), name
        assert not rule_id.search(text), name
        assert not legal_date.search(text), name


def test_every_rule_cites_its_source_and_dates(engine) -> None:  # type: ignore[no-untyped-def]
    pack = engine.pack
    for rule in pack.rules:
        assert rule.source.citation and rule.source.instrument, rule.id
        assert rule.confidence in ("P", "S", "U")
        assert rule.effective_from is not None
    for exemption in pack.exemptions:
        assert exemption.source.citation, exemption.id


def test_declared_flags_are_the_computed_ones() -> None:
    from desktop.rules.facts import FLAGS, Facts
    from desktop.rules.kp import KpStatus
    from tests.lotfactory import make_lot

    lot = make_lot()
    facts = Facts(lot=lot, on=lot.transaction.date, kp=KpStatus(frozenset()))
    assert set(facts.flags) == FLAGS
