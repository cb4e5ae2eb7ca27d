"""How an event reads the statements layer: the statement around a trigger, its speaker as an
actor, and the chain of who reported it.
"""

from __future__ import annotations

from typing import Any

from marsad.document import Span
from marsad.events.arguments import ROLE_CODES


def _statement_at(statements: list[Span], pos: int) -> Span | None:
    best = None
    for s in statements:
        c = s.attrs["content"]
        if c.get("start", s.start) <= pos < c.get("end", s.end):
            if best is None or (c["end"] - c["start"]) < (best.attrs["content"]["end"] - best.attrs["content"]["start"]):
                best = s
    return best


def _speaker(statement: Span) -> dict[str, Any] | None:
    """The statement's speaker as an actor, unless it has no country side (a bare role, a news agency)."""
    sp = statement.attrs.get("speaker") or {}
    actor = sp.get("actor") or ""
    if not actor or actor.endswith("MED") or actor[:3] in ROLE_CODES:
        return None
    return {"name": sp.get("name") or sp.get("text"), "entity_id": sp.get("entity_id"), "actor": sp.get("actor")}


def _reported_by(statement: Span) -> list[dict[str, Any]]:
    sp = statement.attrs.get("speaker") or {}
    chain = [{"name": sp.get("name") or sp.get("text"), "entity_id": sp.get("entity_id"), "text": sp.get("text"),
              "kind": "speaker"}]
    for r in statement.attrs.get("reported_by") or []:
        if isinstance(r, dict):
            chain.append(r)
    return chain
