"""Speed and coverage of the entities stage on SaudiNewsNet articles (gazetteer and rules, no NER).

    nice python scripts/bench_entities.py [--shared ../shared] [-n 300] [--top 0]

Prints articles/s for ``annotate(article, use_ner=False)`` on cleaned and segmented articles,
the count of spans by type, persons (per article) with a country, and GPE mentions with an
actor; ``--top N`` lists the N most frequent (type, actor, name) triples for eyeballing.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from marsad.clean import clean_article  # noqa: E402
from marsad.document import Article  # noqa: E402
from marsad.entities import annotate  # noqa: E402
from marsad.segment import segment  # noqa: E402


def load_articles(shared: Path, n: int) -> list[Article]:
    path = shared / "corpus" / "saudinewsnet" / "saudinewsnet-2015.jsonl.gz"
    out: list[Article] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            published = (rec.get("date_extracted") or "")[:10] or None
            out.append(segment(clean_article(Article(text=rec["content"], title=rec.get("title"), published=published))))
            if len(out) >= n:
                break
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(REPO.parent / "shared"))
    ap.add_argument("-n", type=int, default=300)
    ap.add_argument("--top", type=int, default=0)
    args = ap.parse_args(argv)
    articles = load_articles(Path(args.shared), args.n)
    annotate(articles[0], use_ner=False)  # load the gazetteer outside the timing
    t0, c0 = time.perf_counter(), time.process_time()
    for art in articles:
        annotate(art, use_ner=False)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    # CPU time is the steadier figure on a shared machine
    print(f"{len(articles)} articles, {sum(len(a.text) for a in articles)} chars: wall {elapsed:.2f}s "
          f"({len(articles) / elapsed:.0f} articles/s), cpu {cpu:.2f}s ({len(articles) / cpu:.0f} articles/s)")
    types: Counter[str] = Counter()
    names: Counter[tuple[str, str | None, str]] = Counter()
    persons: set[tuple[str, str]] = set()
    persons_country: set[tuple[str, str]] = set()
    gpe = gpe_actor = 0
    for art in articles:
        for span in art.layers["entities"]:
            attrs = span.attrs
            types[span.label] += 1
            names[(span.label, attrs["actor"], attrs["name"])] += 1
            if span.label == "PER":
                persons.add((art.id, attrs["entity_id"]))
                if attrs["country"]:
                    persons_country.add((art.id, attrs["entity_id"]))
            elif span.label == "GPE":
                gpe += 1
                gpe_actor += bool(attrs["actor"])
    print("spans by type:", dict(types))
    print(f"persons with a country: {len(persons_country)}/{len(persons)}; GPE mentions with an actor: {gpe_actor}/{gpe}")
    for (label, actor, name), count in names.most_common(args.top):
        print(f"{count:5d} {label:4} {actor or '-':9} {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
