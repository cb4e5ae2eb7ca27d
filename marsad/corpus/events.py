"""Corpus stage: merge event mentions across articles and outlets into one record per real-world event.

Two mentions are the same event when they have the same PLOVER type, the same
source and target countries (either order for symmetric types: a meeting of
Russia with North Korea is a meeting of North Korea with Russia), dates that
overlap at their granularity (2023-10-19 overlaps 2023-W42 and 2023-10), and
compatible places (the same, or one of them unknown).  Meetings and visits
(CONSULT) and dates that fall back to the publication day get one day of slack:
an arrival on the 18th and talks on the 19th are one visit, and a report
published on the 19th usually tells of the 18th.

Denied, hypothetical and future mentions are kept apart from what happened:
they merge only with mentions in the same context.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from marsad.document import Article, Span
from marsad.events.ontology import SYMMETRIC_TYPES, country_of

SLACK_TYPES = frozenset({"CONSULT"})
_HAPPENED = ("asserted", "claim")


def date_interval(value: str | None) -> tuple[date, date] | None:
    """The days an ISO value covers: 2023-10-19, 2023-W42, 2023-10, 2023 (None if unparseable)."""
    if not value:
        return None
    v = value.strip()
    try:
        if "W" in v:
            y, w = v.split("-W")
            start = date.fromisocalendar(int(y), int(w[:2]), 1)
            return start, start + timedelta(days=6)
        parts = v[:10].split("-")
        if len(parts) == 3:
            d = date(int(parts[0]), int(parts[1]), int(parts[2]))
            return d, d
        if len(parts) == 2:
            y, m = int(parts[0]), int(parts[1])
            start = date(y, m, 1)
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            return start, nxt - timedelta(days=1)
        if len(parts) == 1 and len(parts[0]) == 4:
            y = int(parts[0])
            return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None
    return None


def dates_overlap(a: dict[str, Any] | None, b: dict[str, Any] | None, slack_days: int = 0) -> bool:
    ia = date_interval((a or {}).get("value"))
    ib = date_interval((b or {}).get("value"))
    if ia is None or ib is None:
        return ia is None and ib is None
    slack = timedelta(days=slack_days)
    return ia[0] - slack <= ib[1] and ib[0] - slack <= ia[1]


def _width(d: dict[str, Any] | None) -> int:
    iv = date_interval((d or {}).get("value"))
    if iv is None:
        return 10**6
    rank = {"clause": 0, "sentence": 1, "published": 2}.get((d or {}).get("from") or "", 3)
    return (iv[1] - iv[0]).days * 10 + rank


def _pair(ev: dict[str, Any]) -> tuple[str, str]:
    src = country_of((ev.get("source") or {}).get("actor")) or "-"
    tgt = country_of((ev.get("target") or {}).get("actor")) or "-"
    if ev["type"] in SYMMETRIC_TYPES and tgt < src:
        src, tgt = tgt, src
    return src, tgt


def _place_key(ev: dict[str, Any]) -> str | None:
    place = ev.get("place") or None
    if not place:
        return None
    return str(place.get("entity_id") or place.get("name") or "") or None


def _place_country(place: dict[str, Any] | None) -> str | None:
    """Places in one country are compatible: Pyongyang and "North Korea" name the same visit's place."""
    return (place or {}).get("country") or None


def _mention(article: Article, span: Span) -> dict[str, Any]:
    a = span.attrs
    return {
        "type": a.get("type") or span.label,
        "mode": a.get("mode"),
        "context": a.get("context") or "asserted",
        "source": a.get("source"),
        "target": a.get("target"),
        "date": a.get("date"),
        "place": a.get("place"),
        "report": {
            "article_id": article.id,
            "outlet": article.outlet,
            "published": article.published,
            "title": article.title,
            "url": article.url,
            "evidence": (a.get("evidence") or {}).get("text") or article.text[span.start : span.end],
            "start": span.start,
            "end": span.end,
            "trigger": (a.get("trigger") or {}).get("text"),
            "context": a.get("context"),
            "reported_by": a.get("reported_by") or [],
        },
    }


def merge_events(articles: Iterable[Article]) -> list[dict[str, Any]]:
    """One record per merged event, in date order, each with its reports and distinct outlets."""
    mentions: list[dict[str, Any]] = []
    for art in articles:
        for span in art.layer("events"):
            mentions.append(_mention(art, span))
    groups: dict[tuple[str, str, str, str], list[dict[str, Any]]] = {}
    for m in mentions:
        ctx = "happened" if m["context"] in _HAPPENED else m["context"]
        src, tgt = _pair(m)
        groups.setdefault((m["type"], src, tgt, ctx), []).append(m)
    records: list[dict[str, Any]] = []
    for (etype, _src, _tgt, _ctx), ms in groups.items():
        ms.sort(key=lambda m: _width(m["date"]))  # most precise dates seed the clusters
        clusters: list[dict[str, Any]] = []
        for m in ms:
            for c in clusters:
                slack = 1 if (etype in SLACK_TYPES or (m["date"] or {}).get("from") == "published"
                              or (c["date"] or {}).get("from") == "published") else 0
                if not dates_overlap(c["date"], m["date"], slack):
                    continue
                pk, ck = _place_key(m), c["place_key"]
                if pk and ck and pk != ck and _place_country(m.get("place")) != _place_country(c.get("place")):
                    continue
                c["members"].append(m)
                if ck is None and pk:
                    c["place_key"], c["place"] = pk, m["place"]
                break
            else:
                clusters.append({"date": m["date"], "place_key": _place_key(m), "place": m.get("place"), "members": [m]})
        for c in clusters:
            records.append(_record(etype, c))
    records.sort(key=_date_order)
    return records


def _date_order(r: dict[str, Any]) -> tuple[str, str, str]:
    iv = date_interval((r.get("date") or {}).get("value"))
    return (iv[0].isoformat() if iv else "9999", iv[1].isoformat() if iv else "9999", r["type"])


def _best_actor(members: list[dict[str, Any]], role: str) -> dict[str, Any] | None:
    best: dict[str, Any] | None = None
    for m in members:
        a = m.get(role)
        if a and a.get("actor") and (best is None or len(a["actor"]) > len(best.get("actor") or "")):
            best = a
    return best


def _oriented(etype: str, members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Symmetric events told either way round, turned to the first (most precise) report's order."""
    if etype not in SYMMETRIC_TYPES or not members:
        return members
    first = country_of((members[0].get("source") or {}).get("actor"))
    out = []
    for m in members:
        if country_of((m.get("source") or {}).get("actor")) != first and \
                country_of((m.get("target") or {}).get("actor")) == first:
            m = {**m, "source": m.get("target"), "target": m.get("source")}
        out.append(m)
    return out


def _voted_place(members: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The place most reports name (ties: the most precisely dated report's)."""
    counts: dict[str, list[Any]] = {}
    for m in members:
        key = _place_key(m)
        if key:
            counts.setdefault(key, [0, m["place"]])[0] += 1
    if not counts:
        return None
    return max(counts.values(), key=lambda v: v[0])[1]


def _record(etype: str, c: dict[str, Any]) -> dict[str, Any]:
    members = _oriented(etype, c["members"])
    reports = [m["report"] for m in members]
    reports.sort(key=lambda r: (r.get("published") or "", r["article_id"], r["start"]))
    outlets = sorted({r.get("outlet") or "unknown" for r in reports})
    contexts = sorted({m["context"] for m in members})
    date_ = dict(c["date"]) if c["date"] else None
    ident = hashlib.sha1(
        "|".join([etype] + sorted(f"{r['article_id']}:{r['start']}" for r in reports)).encode("utf-8")
    ).hexdigest()[:12]
    mode = next((m["mode"] for m in members if m.get("mode")), None)
    return {
        "id": ident,
        "type": etype,
        "mode": mode,
        "context": "asserted" if "asserted" in contexts else contexts[0],
        "contexts": contexts,
        "source": _best_actor(members, "source"),
        "target": _best_actor(members, "target"),
        "date": date_,
        "place": _voted_place(members),
        "reports": reports,
        "articles": sorted({r["article_id"] for r in reports}),
        "outlets": outlets,
        "n_outlets": len(outlets),
        "n_reports": len(reports),
    }


def merge_store_events(store: Any) -> dict[str, Any]:
    """Corpus stage: merge the events layer of every stored article into ``event`` records."""
    records = merge_events(store.iter_articles(with_layers=True))
    store.replace_records("event", records)
    return {"events": len(records), "multi_outlet": sum(1 for r in records if r["n_outlets"] > 1)}


def load_events(store: Any) -> list[dict[str, Any]]:
    """The merged event records of a store, merging first when the stage has not run yet."""
    records = store.records("event")
    if not records:
        merge_store_events(store)
        records = store.records("event")
    return records


def _actor_matches(actor: dict[str, Any] | None, query: str) -> bool:
    if not actor:
        return False
    code = (actor.get("actor") or "").upper()
    q = query.strip()
    if q.isascii() and q.isalpha() and q.isupper():
        return code.startswith(q)
    from marsad.clean.normalize import normalize

    nq = normalize(q)
    return any(nq and nq in normalize(str(actor.get(k) or "")) for k in ("name", "entity_id"))


def filter_events(
    records: Iterable[dict[str, Any]],
    actor: str | None = None,
    etype: str | None = None,
    since: str | None = None,
    until: str | None = None,
    articles: set[str] | None = None,
    contexts: Iterable[str] | None = None,
) -> list[dict[str, Any]]:
    """Records involving ``actor`` (code prefix such as RUS or a name), of a type, in a date range."""
    out = []
    wanted = set(contexts) if contexts else None
    for r in records:
        if etype and r["type"] != etype.upper():
            continue
        if actor and not (_actor_matches(r.get("source"), actor) or _actor_matches(r.get("target"), actor)):
            continue
        iv = date_interval((r.get("date") or {}).get("value"))
        if since and (iv is None or iv[1].isoformat() < since[:10]):
            continue
        if until and (iv is None or iv[0].isoformat() > until[:10]):
            continue
        if articles is not None and not articles.intersection(r.get("articles") or []):
            continue
        if wanted is not None and not wanted.intersection(r.get("contexts") or [r.get("context")]):
            continue
        out.append(r)
    return out


def story_articles(store: Any, query: str) -> set[str]:
    """Article ids of a story: a stored story record (by id or name), else articles whose id or title matches."""
    from marsad.clean.normalize import normalize

    nq = normalize(query)
    for rec in store.records("story"):
        if rec.get("id") == query or nq in normalize(str(rec.get("name") or rec.get("title") or "")):
            ids = rec.get("articles") or rec.get("article_ids") or rec.get("docs") or []
            return {a if isinstance(a, str) else a.get("id") for a in ids}
    found = set()
    for art in store.iter_articles(with_layers=False):
        if art.id.startswith(query) or nq in normalize(art.title or art.text[:200]):
            found.add(art.id)
    return found


def _side(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "?"
    code = actor.get("actor") or "?"
    name = actor.get("name")
    return f"{code}({name})" if name and name != code else code


def snippet(text: str, trigger: str | None, width: int = 70) -> str:
    """A short piece of the evidence around its trigger."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    pos = text.find(trigger) if trigger else -1
    start = max(0, min(pos - width // 3, len(text) - width)) if pos >= 0 else 0
    out = text[start : start + width]
    return ("…" if start else "") + out + ("…" if start + width < len(text) else "")


def timeline_line(r: dict[str, Any]) -> str:
    """One readable line: date, type, source → target, place, evidence, outlets and report count."""
    date_ = (r.get("date") or {}).get("value") or "????"
    place = (r.get("place") or {}).get("name")
    first = r["reports"][0] if r.get("reports") else {}
    ctx = "" if r.get("context") in _HAPPENED else f" [{r.get('context')}]"
    where = f" @ {place}" if place else ""
    outlets = ", ".join(r.get("outlets") or [])
    return (f"{date_:<10}  {r['type']:<9} {_side(r.get('source'))} → {_side(r.get('target'))}{where}{ctx}  "
            f"«{snippet(first.get('evidence') or '', first.get('trigger'))}»  "
            f"— {outlets} ({r.get('n_reports', 0)} report{'s' if r.get('n_reports', 0) != 1 else ''})")
