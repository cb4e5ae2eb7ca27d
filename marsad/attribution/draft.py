"""A statement while it is being assembled, before it becomes a STATEMENT span.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from marsad.attribution.speakers import Speaker


@dataclass
class _Stmt:
    sent: int
    para: int
    cue_start: int
    cue_end: int
    cue_text: str
    lemma: str
    content_start: int
    content_end: int
    speaker: Speaker
    verb_gender: str | None
    polarity: str | None
    sources: list[dict[str, Any]] = field(default_factory=list)
    direct: bool = False
    span_start: int = 0
    span_end: int = 0
    medium: str | None = None

    @property
    def gender(self) -> str | None:
        return self.speaker.gender or (self.verb_gender if self.speaker.how in ("subject", "pre-subject", "post-posed") else None) \
            or self.speaker.extra.get("gender")
