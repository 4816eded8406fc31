"""Facts tagged [U] lead to review, never to cleared — checked over many generated lots."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.rules.result import Level, Verdict
from tests.lotfactory import make_lot

COUNTRIES = ["RU", "BW", "IN", "AE", "TH", "CF", "ZA"]


@st.composite
def lots(draw):  # type: ignore[no-untyped-def]
    category = draw(st.sampled_from(["rough", "polished", "jewellery", "unsorted"]))
    lab = draw(st.booleans())
    carats = draw(st.sampled_from(["0.30", "0.49", "0.50", "0.99", "1.00", "1.50"]))
    mined = draw(st.lists(st.sampled_from(COUNTRIES), min_size=1, max_size=2, unique=True))
    steps = draw(
        st.lists(
            st.tuples(
                st.sampled_from(COUNTRIES), st.sampled_from(["cutting_polishing", "setting", "sorting"])
            ),
            max_size=2,
        )
    )
    day = draw(st.dates(min_value=date(2023, 6, 1), max_value=date(2027, 1, 1)))
    exported = draw(st.one_of(st.none(), st.dates(min_value=date(2023, 1, 1), max_value=day)))
    return make_lot(
        transaction__date=day.isoformat(),
        goods__category=category,
        goods__lab_grown=lab,
        goods__hs_code=None,
        goods__industrial=draw(st.booleans()) and not lab,
        goods__personal_use=draw(st.booleans()),
        goods__largest_stone_carats=carats,
        goods__total_carats=carats,
        origin__mining_countries=mined,
        origin__exported_from_russia_on=exported.isoformat() if exported else None,
        origin__located_outside_russia_since=exported.isoformat() if exported else None,
        processing=[{"country": c, "activity": a} for c, a in steps],
        counterparty__country=draw(st.sampled_from(COUNTRIES)),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lot=lots())
def test_unverified_rules_never_clear(engine, lot) -> None:  # type: ignore[no-untyped-def]
    exemption_confidence = {e.id: e.confidence for e in engine.pack.exemptions}
    for result in engine.evaluate(lot).results.values():
        assert result.verdict is Verdict.worst([f.outcome for f in result.findings])
        for finding in result.findings:
            if finding.confidence != "U" or finding.level is not Level.DECISIVE:
                continue
            lifted = finding.exemption is not None and exemption_confidence.get(finding.exemption) in (
                "P",
                "S",
            )
            assert finding.outcome is not Verdict.CLEARED or lifted, finding
