"""Re-screening past assessments against newer lists and naming every outcome that changed."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop.register.chain import canonical
from desktop.register.models import RescreenChange
from desktop.screening.types import Match, PartyQuery

Screen = Callable[[PartyQuery], list[Match]]
Hit = tuple[str, str]  # (list id, entry id)


@dataclass(frozen=True)
class RescreenPlan:
    assessments: int
    parties: int
    changes: list[RescreenChange]


def _parties(lot: dict[str, Any]) -> list[tuple[str, PartyQuery, set[str]]]:
    """(role, query, the names whose original matches form its baseline) for the counterparty and each owner."""
    party = lot["counterparty"]
    names = {party["name"], *party.get("aliases", [])}
    found = [
        (
            "counterparty",
            PartyQuery(
                name=party["name"],
                kind=party.get("kind"),
                country=party.get("country"),
                aliases=party.get("aliases", []),
                registration_number=party.get("registration_number"),
            ),
            {n.casefold().strip() for n in names},
        )
    ]
    for owner in party.get("owners", []):
        query = PartyQuery(name=owner["name"], kind=owner.get("kind"), country=owner.get("country"))
        found.append(("owner", query, {owner["name"].casefold().strip()}))
    return found


def _earlier_changes(conn: sqlite3.Connection) -> dict[tuple[int, str, str], dict[Hit, str]]:
    """The outcome each party had after the last run: original matches as changed by every earlier run."""
    state: dict[tuple[int, str, str], dict[Hit, str]] = {}
    for (text,) in conn.execute("SELECT json FROM rescreen_runs ORDER BY id"):
        for change in json.loads(text)["changes"]:
            key = (int(change["assessment_id"]), change["role"], change["party"])
            hits = state.setdefault(key, {})
            hit = (change["list"], change["entry_id"])
            if change["change"] == "new_match":
                hits[hit] = change["listed_name"]
            else:
                hits.pop(hit, None)
    return state


def plan(conn: sqlite3.Connection, screen: Screen, since: str) -> RescreenPlan:
    """Screen every party of the assessments made since `since` (ISO, UTC); nothing is written here."""
    attested = dict(
        conn.execute("SELECT assessment_id, MAX(number) FROM attestations GROUP BY assessment_id").fetchall()
    )
    earlier = _earlier_changes(conn)
    cache: dict[str, dict[Hit, str]] = {}
    changes: list[RescreenChange] = []
    assessments = 0
    rows = conn.execute(
        "SELECT id, lot_id, json FROM assessments WHERE assessed_at >= ? ORDER BY id", (since,)
    ).fetchall()
    for assessment_id, lot_id, text in rows:
        assessments += 1
        document = json.loads(text)
        original = document["screening"]["matches"]
        for role, query, names in _parties(document["lot"]):
            key = (int(assessment_id), role, query.name)
            if key in earlier:
                before = earlier[key]
            else:
                before = {
                    (m["list"], m["entry_id"]): m["name"]
                    for m in original
                    if str(m["query"]).casefold().strip() in names
                }
            cache_key = canonical(query.model_dump(mode="json"))
            if cache_key not in cache:
                cache[cache_key] = {(m.list, m.entry_id): m.name for m in screen(query)}
            now_hits = cache[cache_key]
            for hit in sorted(now_hits.keys() - before.keys()):
                changes.append(
                    _change(assessment_id, lot_id, attested, role, query, "new_match", hit, now_hits[hit])
                )
            for hit in sorted(before.keys() - now_hits.keys()):
                changes.append(
                    _change(assessment_id, lot_id, attested, role, query, "match_gone", hit, before[hit])
                )
    return RescreenPlan(assessments=assessments, parties=len(cache), changes=changes)


def _change(
    assessment_id: int,
    lot_id: str,
    attested: dict[int, str],
    role: str,
    query: PartyQuery,
    change: str,
    hit: Hit,
    listed_name: str,
) -> RescreenChange:
    return RescreenChange(
        assessment_id=int(assessment_id),
        lot_id=lot_id,
        attestation=attested.get(assessment_id),
        role=role,
        party=query.name,
        change=change,
        list=hit[0],
        entry_id=hit[1],
        listed_name=listed_name,
    )
