from __future__ import annotations

from collections.abc import Callable

import pytest

from desktop.lot import Lot
from desktop.rules.engine import Engine
from desktop.rules.pack import bundled_pack
from desktop.rules.result import Finding, JurisdictionResult


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine(bundled_pack().pack)


@pytest.fixture
def verdicts(engine: Engine) -> Callable[..., dict[str, str]]:
    def run(lot: Lot, on: str | None = None) -> dict[str, str]:
        from datetime import date

        day = date.fromisoformat(on) if on else None
        return {code: r.verdict.value for code, r in engine.evaluate(lot, on=day).results.items()}

    return run


@pytest.fixture
def result(engine: Engine) -> Callable[..., JurisdictionResult]:
    def run(lot: Lot, code: str, on: str | None = None) -> JurisdictionResult:
        from datetime import date

        day = date.fromisoformat(on) if on else None
        return engine.evaluate(lot, on=day, jurisdictions=[code]).results[code]

    return run


def rules_of(result: JurisdictionResult) -> dict[str, Finding]:
    return {f.rule: f for f in result.findings}
