"""Human-readable rendering of articles and layers for the terminal."""

from __future__ import annotations

from typing import Any

from marsad.document import Article, Span


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _who(party: Any) -> str:
    if not party:
        return "?"
    if isinstance(party, str):
        return party
    name = party.get("name") or party.get("text") or "?"
    actor = party.get("actor")
    return f"{name} ({actor})" if actor else name


def render_entity(art: Article, s: Span) -> str:
    a = s.attrs
    extra = " ".join(x for x in (a.get("actor") or "", a.get("name_en") or "") if x)
    return f"{s.label:<4} {art.span_text(s)} → {a.get('name') or '?'} {extra} [{a.get('entity_id', '')}]"


def render_timex(art: Article, s: Span) -> str:
    a = s.attrs
    bits = [a.get("kind") or "", a.get("granularity") or "", a.get("mod") or ""]
    anchor = f" anchor {a['anchor']}" if a.get("anchor") else ""
    return f"{art.span_text(s)} → {a.get('value')} ({', '.join(b for b in bits if b)}){anchor}"


def render_statement(art: Article, s: Span) -> str:
    a = s.attrs
    content = (a.get("content") or {}).get("text") or art.span_text(s)
    cue = (a.get("cue") or {}).get("text") or ""
    chain = " ← ".join(_who(r) for r in a.get("reported_by") or [])
    quote = "direct" if a.get("direct") else "reported"
    polarity = f", {a['polarity']}" if a.get("polarity") else ""
    via = f"\n        via {chain}" if chain else ""
    return f"{_who(a.get('speaker'))} [{cue}] ({quote}{polarity}): «{_clip(content, 110)}»{via}"


def render_event(art: Article, s: Span) -> str:
    a = s.attrs
    date = a.get("date") or {}
    place = a.get("place") or {}
    place_txt = f" @ {place.get('name')}" if isinstance(place, dict) and place.get("name") else ""
    ctx = ", ".join(x for x in (a.get("mode"), a.get("context")) if x)
    return (
        f"{date.get('value') or '????'} {s.label:<9} {_who(a.get('source'))} → {_who(a.get('target'))}{place_txt}"
        f" ({ctx})\n        {_clip(art.span_text(s), 110)}"
    )


RENDERERS = {
    "entities": render_entity,
    "timexes": render_timex,
    "statements": render_statement,
    "events": render_event,
}


def render_article(art: Article, layers: list[str] | None = None) -> str:
    lines = [
        f"id:        {art.id}",
        f"title:     {art.title or ''}",
        f"outlet:    {art.outlet or ''}",
        f"published: {art.published or 'unknown'} (from {art.published_source})",
        f"language:  {art.language or '?'}",
    ]
    if art.url:
        lines.append(f"url:       {art.url}")
    if art.source:
        lines.append(f"source:    {art.source}" + (f" #{art.source_id}" if art.source_id else ""))
    meta = art.meta
    if meta.get("wires"):
        lines.append(f"wires:     {', '.join(meta['wires'])}")
    if meta.get("dateline"):
        d = meta["dateline"]
        lines.append(f"dateline:  {d.get('text', '')!r} places={d.get('places')} agency={d.get('agency')}")
    if meta.get("contributors"):
        lines.append(f"contributors: {', '.join(meta['contributors'])}")
    for removed in meta.get("removed", []):
        lines.append(f"removed {removed.get('kind')}: {_clip(removed.get('text', ''), 80)!r}")
    for warning in meta.get("warnings", []):
        lines.append(f"warning:   {warning}")
    sentences = art.layer("sentences")
    lines.append("")
    lines.append("── text " + "─" * 60)
    if sentences:
        for i, s in enumerate(sentences, 1):
            lines.append(f"[{i:>3}] {art.span_text(s)}")
    else:
        lines.append(art.text)
    wanted = layers or [n for n in art.layers if n not in ("sentences", "tokens")]
    for name in wanted:
        spans = art.layer(name)
        lines.append("")
        lines.append(f"── {name} ({len(spans)}) " + "─" * 50)
        render = RENDERERS.get(name)
        for s in spans:
            if render:
                lines.append("  " + render(art, s))
            else:
                attrs = ", ".join(f"{k}={v}" for k, v in s.attrs.items())
                lines.append(f"  {s.label} {art.span_text(s)!r} {attrs}")
    return "\n".join(lines)
