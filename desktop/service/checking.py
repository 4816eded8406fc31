"""Check a lot: read it against the active pack's vocabulary, fill the dealer's seat, assess, record."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.lot import Lot, load_lot, validate_lot
from desktop.service.errors import ServiceError

if TYPE_CHECKING:
    from desktop.assessment import Assessment
    from desktop.parties import DecisionPolicy
    from desktop.register import ReviewResolution
    from desktop.screening.types import PartyQuery, ScreeningDecision
    from desktop.service.workspace import Workspace


def read_lot(ws: Workspace, path: Path) -> Lot:
    """A lot file, with every jurisdiction it names checked against the active rule pack (LotError)."""
    return load_lot(path, jurisdictions=ws.pack().jurisdiction_codes())


def lot_from_data(ws: Workspace, raw: dict[str, Any]) -> Lot:
    return validate_lot(raw, jurisdictions=ws.pack().jurisdiction_codes())


def screening_queries(data: dict[str, Any]) -> list[PartyQuery]:
    """The queries a lot screens, from its data as it stands (a draft being typed: names so far)."""
    from desktop.parties import screened_parties

    return [party.query for party in screened_parties(data)]


def firm_country(ws: Workspace) -> str | None:
    """The dealer's seat: the settings' firm country, else the signing identity's country."""
    country = ws.settings().firm_country
    if country:
        return country
    store = ws.identity_store()
    if store.exists():
        from desktop.identity.certificate import info_from_certificate

        return info_from_certificate(store.certificate()).country or None
    return None


def with_issuer(ws: Workspace, lot: Lot) -> Lot:
    """The lot with `transaction.issuer_country` filled from this install when the file leaves it out: it is a
    fact of the check, recorded with it, so the same lot checks the same on another machine."""
    if lot.transaction.issuer_country is not None:
        return lot
    country = firm_country(ws)
    if country is None:
        return lot
    transaction = lot.transaction.model_copy(update={"issuer_country": country})
    return lot.model_copy(update={"transaction": transaction})


def recorded_decisions(ws: Workspace) -> list[ScreeningDecision]:
    """Screening decisions recorded so far; none (and nothing created) without a register."""
    return list(ws.register().decisions()) if ws.has_register() else []


def recorded_reviews(ws: Workspace) -> list[ReviewResolution]:
    return list(ws.register().reviews()) if ws.has_register() else []


def decision_policy(ws: Workspace) -> DecisionPolicy:
    from desktop.parties import DecisionPolicy

    return DecisionPolicy(second_person_for_exact=ws.settings().second_person_for_exact)


def assess_lot(
    ws: Workspace,
    lot: Lot,
    *,
    decisions: Sequence[ScreeningDecision] = (),
    on: date | None = None,
    only: Sequence[str] | None = None,
    now: datetime | None = None,
) -> Assessment:
    """Every regime the lot engages (or, as a what-if, only `only`), the rules of each, every party and owner
    screened, with the decisions on record plus `decisions` (those of a check in progress)."""
    from desktop.assessment import assess

    if only:
        known = ws.pack().jurisdiction_codes()
        unknown = [code for code in only if code not in known]
        if unknown:
            raise ServiceError(
                f"--jurisdiction: unknown jurisdiction {', '.join(unknown)} (the rule pack knows {', '.join(known)})"
            )
    return assess(
        with_issuer(ws, lot),
        pack=ws.pack(),
        screener=ws.screener(),
        decisions=[*recorded_decisions(ws), *decisions],
        reviews=recorded_reviews(ws),
        on=on,
        jurisdictions=only,
        now=now or ws.now(),
        max_age_days=ws.settings().list_max_age_days,
        policy=decision_policy(ws),
    )


def record_check(ws: Workspace, assessment: Assessment, decisions: Sequence[ScreeningDecision] = ()) -> int:
    """Keep the check in the register: the lot, the frozen assessment, and the decisions made during it."""
    register = ws.register()
    with register.transaction():  # all of it or nothing (a full disk midway leaves no half-recorded check)
        register.record_lot(assessment.lot, now=ws.now())
        assessment_id = register.record_assessment(assessment)
        for decision in decisions:
            register.record_decision(decision, assessment_id=assessment_id)
    return assessment_id


def check_lots(
    ws: Workspace,
    lots: Sequence[Lot],
    *,
    on: date | None = None,
    only: Sequence[str] | None = None,
    record: bool = True,
) -> list[Assessment]:
    """`clearstone check`: assess each lot (one clock reading for all), and record each unless asked not to."""
    now = ws.now()
    assessments = [assess_lot(ws, lot, on=on, only=only, now=now) for lot in lots]
    if record:
        for assessment in assessments:
            record_check(ws, assessment)
    return assessments
