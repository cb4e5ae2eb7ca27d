"""Mention and Cluster: what the entity steps record about one article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.entities.gazetteer import Entry


@dataclass(slots=True)
class Mention:
    sent: int
    i: int  # first token (sentence-local)
    j: int  # after the last token
    start: int
    end: int
    type: str
    entry: Entry | None = None
    source: str = "gazetteer"
    rule: str | None = None
    role: str | None = None
    country: str | None = None
    org_actor: str | None = None
    words: tuple[str, ...] = ()  # normalized words of the surface, article kept
    surface: str = ""  # display text
    tentative: bool = False
    former: bool = False  # introduced as a former office holder
    entity_id: str | None = None
    cluster: Cluster | None = None


@dataclass(slots=True)
class Cluster:
    id: str
    type: str
    entry: Entry | None
    name: str
    mentions: list[Mention] = field(default_factory=list)
    short_forms: set[str] = field(default_factory=set)
    family_forms: set[str] = field(default_factory=set)  # short forms that open a name (كيم)
    full_count: int = 0
