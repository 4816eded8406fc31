"""The dealer's signing identity as the window shows and creates it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.service.workspace import Workspace


@dataclass(frozen=True)
class IdentitySummary:
    name: str
    title: str
    company: str
    country: str
    email: str | None
    fingerprint: str  # SHA-256 of the certificate, colon-separated hex: what buyers compare by phone

    def describe(self) -> str:
        return f"{self.name}, {self.title}, {self.company} ({self.country}) — {self.fingerprint[:23]}"


def identity_summary(ws: Workspace) -> IdentitySummary | None:
    """Who signs, or None when no identity was created yet."""
    from desktop.identity import certificate_fingerprint
    from desktop.identity.certificate import info_from_certificate

    store = ws.identity_store()
    if not store.exists():
        return None
    certificate = store.certificate()
    info = info_from_certificate(certificate)
    return IdentitySummary(
        info.name, info.title, info.company, info.country, info.email, certificate_fingerprint(certificate)
    )


def create_identity(
    ws: Workspace,
    *,
    name: str,
    title: str,
    company: str,
    country: str,
    email: str | None,
    passphrase: str,
    sow_id: str | None = None,
    replace: bool = False,
) -> IdentitySummary:
    """A new self-signed identity protected by the passphrase. The firm's country and name fill the settings
    when they have none (the country decides which regimes every check engages), and a WDC SoW ID given here
    is kept for the System of Warranties statement of every attestation."""
    from desktop.identity import IdentityError, IdentityInfo

    info = IdentityInfo(name=name, title=title, company=company, country=country, email=email)
    try:
        info.validate()
    except ValueError as exc:
        raise IdentityError(str(exc)) from None
    ws.identity_store().create(info, passphrase, now=ws.now(), replace_existing=replace)
    settings = ws.settings()
    changes: dict[str, str] = {}
    if not settings.firm_country and country:
        changes.update(firm_country=country, firm_name=settings.firm_name or company)
    if sow_id and sow_id.strip():
        changes["sow_id"] = sow_id.strip()
    if changes:
        ws.save_settings(settings.updated(**changes))
    summary = identity_summary(ws)
    assert summary is not None
    return summary
