"""Open the services that live in the data folder (lists, register) for the CLI and the GUI."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.screening.types import ScreeningDecision

if TYPE_CHECKING:
    from desktop.assessment import Assessment, PartyScreener, ReviewLike

REGISTER_FILE = "register.sqlite"


def open_screener(data_dir: Path | None) -> PartyScreener:
    from desktop.screening.seed import seed_bundled_lists
    from desktop.screening.service import Screener

    if data_dir is not None:
        seed_bundled_lists(data_dir)  # first start of an installation with bundled lists; cheap afterwards
    return Screener.open(data_dir)


def register_path(data_dir: Path) -> Path:
    return data_dir / REGISTER_FILE


def open_decisions(data_dir: Path) -> list[ScreeningDecision]:
    """Screening decisions recorded so far; none when no register exists yet (nothing is created)."""
    if not register_path(data_dir).exists():
        return []
    from desktop.register import Register

    with Register.in_data_dir(data_dir) as register:
        return list(register.decisions())


def open_reviews(data_dir: Path) -> list[ReviewLike]:
    """Review resolutions recorded so far (rule findings a person settled); none without a register."""
    if not register_path(data_dir).exists():
        return []
    from desktop.register import Register

    with Register.in_data_dir(data_dir) as register:
        return list(register.reviews())


def record_assessments(data_dir: Path, assessments: Sequence[Assessment], *, now: datetime) -> list[int]:
    from desktop.register import Register

    with Register.in_data_dir(data_dir) as register:
        ids = []
        for assessment in assessments:
            register.record_lot(assessment.lot, now=now)
            ids.append(register.record_assessment(assessment))
        return ids
