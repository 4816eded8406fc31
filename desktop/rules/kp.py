"""Kimberley Process certificate checks against the participant history bundled in the rule pack."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date

from desktop.lot import KpCertificate, Lot, country_name
from desktop.rules.model import KpRegistry, Participant, Suspension


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@dataclass(frozen=True)
class KpStatus:
    """Every KP condition a rule can name (`kp: <flag>`), plus the details its summary prints."""

    flags: frozenset[str]
    details: dict[str, str] = field(default_factory=dict)


class KpChecker:
    def __init__(self, registry: KpRegistry) -> None:
        self._registry = registry
        self._by_country: dict[str, Participant] = {p.country: p for p in registry.participants}

    def participant(self, country: str) -> Participant | None:
        return self._by_country.get(country)

    def suspension_on(self, country: str, on: date) -> Suspension | None:
        participant = self._by_country.get(country)
        if participant is None:
            return None
        return next((s for s in participant.suspensions if s.covers(on)), None)

    def is_participant(self, country: str, on: date) -> bool:
        participant = self._by_country.get(country)
        return participant is not None and participant.since <= on

    def status(self, lot: Lot, on: date) -> KpStatus:
        flags: set[str] = set()
        details: dict[str, str] = {}
        self._check_mining_countries(lot, on, flags, details)
        certificates = [e for e in lot.evidence if isinstance(e, KpCertificate)]
        if not certificates:
            flags.add("missing")
            return KpStatus(frozenset(flags), details)
        valid = [c for c in certificates if self._valid_on(c, on)]
        chosen = valid[0] if valid else certificates[0]
        details.update(
            kp_reference=chosen.reference,
            kp_issuer=chosen.issuing_country or "?",
            kp_issued_on=chosen.issued_on.isoformat() if chosen.issued_on else "?",
            kp_expires_on=chosen.expires_on.isoformat() if chosen.expires_on else "?",
        )
        if not valid:
            if all(c.expires_on is None for c in certificates):
                flags.add("no_expiry")
            elif any(c.issued_on is not None and c.issued_on > on for c in certificates):
                flags.add("not_yet_issued")
            else:
                flags.add("expired")
        self._check_issuer(chosen, lot, on, flags, details)
        lot_countries = set(lot.origin.mining_countries)
        named = set(chosen.mining_countries)
        if chosen.mixed_origin or not lot_countries <= named:
            flags.add("unnamed_mining_countries")
            details["kp_named"] = ", ".join(sorted(named)) or "none"
        if named and not chosen.mixed_origin and named != lot_countries:
            flags.add("countries_mismatch")
            details["kp_named"] = ", ".join(sorted(named))
        if chosen.issued_on and chosen.expires_on and chosen.expires_on < chosen.issued_on:
            flags.add("expires_before_issue")  # a typing error, or not a genuine certificate
        issuer = chosen.issuing_country
        if issuer and not chosen.reference.replace(" ", "").upper().startswith(issuer):
            flags.add("prefix_mismatch")
        if not flags & {"missing", "expired", "not_yet_issued", "no_expiry", "issuer_not_participant"}:
            flags.add("valid")
        return KpStatus(frozenset(flags), details)

    @staticmethod
    def _valid_on(certificate: KpCertificate, on: date) -> bool:
        if certificate.expires_on is None or certificate.expires_on < on:
            return False
        return certificate.issued_on is None or certificate.issued_on <= on

    def _check_issuer(
        self, certificate: KpCertificate, lot: Lot, on: date, flags: set[str], details: dict[str, str]
    ) -> None:
        issuer = certificate.issuing_country
        if issuer is None:
            flags.add("issuer_unknown")
            return
        if not self.is_participant(issuer, on):
            flags.add("issuer_not_participant")
            details["kp_issuer_name"] = country_name(issuer)
            return
        suspension = self.suspension_on(issuer, on)
        if suspension is not None and self._zone_state(suspension, lot, on) == "outside":
            flags.add("issuer_suspended")
            details["kp_issuer_name"] = country_name(issuer)
            details["suspension_reason"] = suspension.reason

    def _check_mining_countries(self, lot: Lot, on: date, flags: set[str], details: dict[str, str]) -> None:
        for country in lot.origin.mining_countries:
            suspension = self.suspension_on(country, on)
            if suspension is None:
                continue
            zone_state = self._zone_state(suspension, lot, on)
            if zone_state == "compliant":
                continue
            details["suspended_country"] = country_name(country)
            details["suspension_reason"] = suspension.reason
            details["suspension_source"] = suspension.source
            details["mining_area"] = lot.origin.mining_area or "area not stated"
            flags.add("mining_zone_uncertain" if zone_state == "uncertain" else "mining_country_suspended")

    @staticmethod
    def _zone_state(suspension: Suspension, lot: Lot, on: date) -> str:
        area = _fold(lot.origin.mining_area or "")
        if not area:
            return "outside"
        for zone in suspension.compliant_zones:
            if _fold(zone.name) not in area:
                continue
            if zone.compliant_from <= on:
                return "compliant"
            if zone.uncertain_from is not None and zone.uncertain_from <= on:
                return "uncertain"
        return "outside"
