"""What a lot still being typed already implies: the regimes it engages, and its KP certificate's plausibility.

The window asks these while the dealer types, long before the lot is complete. Both answers come from the
same rules as a full check (`regimes_in_scope`, the rule pack's KP rules), applied to a *provisional* lot:
the facts entered so far that are valid on their own, with neutral placeholders for what the question does
not read. Nothing here is recorded or signed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.lot import FORMAT_ID, PARTY_ROLES, Lot, is_country

if TYPE_CHECKING:
    from desktop.rules.regimes import RegimeInScope
    from desktop.rules.result import Finding
    from desktop.service.workspace import Workspace

_PLACEHOLDER = "(not entered yet)"
_KINDS = ("import", "purchase", "sale", "export")


def _country(value: Any) -> str | None:
    return value if isinstance(value, str) and len(value) == 2 and is_country(value) else None


def _section(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def _party(raw: Any, roles: tuple[str, ...], default_role: str) -> dict[str, Any]:
    """A party reduced to what decides a regime: its role and country."""
    raw = raw if isinstance(raw, dict) else {}
    role = raw.get("role") if raw.get("role") in roles else default_role
    party: dict[str, Any] = {"name": _PLACEHOLDER, "role": role}
    country = _country(raw.get("country"))
    if country is not None:
        party["country"] = country
    return party


def issuer_country(ws: Workspace, data: dict[str, Any]) -> str | None:
    """The dealer's seat as the check will take it: the lot's own, else this install's (settings, identity)."""
    from desktop.service.checking import firm_country

    return _country(_section(data, "transaction").get("issuer_country")) or firm_country(ws)


def _transaction(ws: Workspace, data: dict[str, Any]) -> dict[str, Any]:
    tx = _section(data, "transaction")
    known = ws.pack().jurisdiction_codes()
    raw = tx.get("jurisdictions")
    listed: list[Any] = raw if isinstance(raw, list) else []
    made: dict[str, Any] = {
        "date": tx.get("date") if isinstance(tx.get("date"), str) else ws.today().isoformat(),
        "kind": tx.get("kind") if tx.get("kind") in _KINDS else "import",
        "jurisdictions": list(dict.fromkeys(c for c in listed if c in known)),
    }
    seat = issuer_country(ws, data)
    if seat is not None:
        made["issuer_country"] = seat
    delivery = _country(tx.get("delivery_country"))
    if delivery is not None:
        made["delivery_country"] = delivery
    return made


def _regime_lot(ws: Workspace, data: dict[str, Any]) -> Lot:
    """The facts that decide which regimes apply, each kept only when valid by itself."""
    counterparty = _party(data.get("counterparty"), ("seller", "buyer"), "seller")
    counterparty["role"] = counterparty["role"] if counterparty["role"] in ("seller", "buyer") else "seller"
    parties = [_party(p, PARTY_ROLES, "broker") for p in data.get("parties") or [] if isinstance(p, dict)]
    return Lot.model_validate(
        {
            "format": FORMAT_ID,
            "lot_id": _PLACEHOLDER,
            "transaction": _transaction(ws, data),
            "goods": {"category": "polished", "largest_stone_carats": "1"},
            "origin": {"mining_countries": ["BW"]},
            "counterparty": counterparty,
            "parties": parties,
        }
    )


def draft_regimes(ws: Workspace, data: dict[str, Any]) -> list[RegimeInScope]:
    """Every regime the lot engages as entered so far, with why; empty when nothing brings one in yet."""
    from desktop.rules.regimes import NoRegimeError, regimes_in_scope

    try:
        return regimes_in_scope(_regime_lot(ws, data), ws.pack().regimes)
    except NoRegimeError:
        return []


def kp_rule_ids(ws: Workspace) -> set[str]:
    """The ids a Kimberley Process finding can carry: the KP rules' own and those of their bindings."""
    ids: set[str] = set()
    for rule in ws.pack().pack.rules:
        if rule.jurisdiction == "KP":
            ids.add(rule.id)
            ids.update(b.id for b in (rule.binds or {}).values() if b.id)
    return ids


def certificate_findings(ws: Workspace, data: dict[str, Any]) -> list[Finding]:
    """The rule pack's Kimberley Process findings on the certificate as entered (validity on the day, issuer a
    participant, number prefix, countries of origin, dates in order), before the rest of the lot exists.

    Empty while the goods, the origin or the certificate are not yet valid by themselves (their fields say
    what is wrong), and for goods the KP does not cover."""
    from pydantic import ValidationError

    from desktop.assessment import engine_for

    goods = dict(_section(data, "goods"))
    goods.setdefault("largest_stone_carats", "1")
    if not goods.get("largest_stone_carats"):
        goods["largest_stone_carats"] = "1"
    goods.pop("total_carats", None)  # the weights' consistency is not this question
    certificates = [
        e for e in data.get("evidence") or [] if isinstance(e, dict) and e.get("type") == "kp_certificate"
    ]
    tx = _transaction(ws, data)
    try:
        lot = Lot.model_validate(
            {
                "format": FORMAT_ID,
                "lot_id": _PLACEHOLDER,
                "transaction": {"date": tx["date"], "kind": tx["kind"]},
                "goods": goods,
                "origin": _section(data, "origin"),
                "counterparty": {"name": _PLACEHOLDER},
                "evidence": certificates,
            }
        )
    except ValidationError:
        return []
    pack = ws.pack()
    code = pack.regimes[0].code if pack.regimes else None
    if code is None:
        return []
    ids = kp_rule_ids(ws)
    evaluation = engine_for(pack).evaluate(lot, jurisdictions=[code])
    return [f for f in evaluation.results[code].findings if f.rule in ids]
