"""The failures a person can act on, across every use case: shown as one line, never a crash."""

from __future__ import annotations


class ServiceError(Exception):
    """A use case could not be carried out; the message says why and what to do, in one line."""


class AttestRefusedError(ServiceError):
    """The lot may not be attested yet; `reasons` names every open item."""

    def __init__(self, lot_id: str, verdict: str, reasons: list[str]) -> None:
        super().__init__(
            f"cannot attest lot {lot_id} (verdict {verdict}); resolve first: " + "; ".join(reasons)
        )
        self.lot_id = lot_id
        self.verdict = verdict
        self.reasons = reasons


def user_errors() -> tuple[type[Exception], ...]:
    """Every error family of the core that means "this could not be done, here is why" (one line each)."""
    from desktop.identity.errors import IdentityError
    from desktop.lot import LotError
    from desktop.register.errors import RegisterError
    from desktop.rules.pack import PackError
    from desktop.rules.regimes import NoRegimeError
    from desktop.screening.errors import ScreeningError
    from desktop.settings import SettingsError

    return (
        ServiceError,
        LotError,
        PackError,
        NoRegimeError,
        ScreeningError,
        RegisterError,
        IdentityError,
        SettingsError,
    )
