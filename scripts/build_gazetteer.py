"""Compile the entity gazetteer shipped in marsad/resources/data/.

Sources (read at build time only):

* scripts/gazetteer_curated.txt — our hand-written entries (countries' variants and
  long forms, capitals, cities, nationality adjectives, institutions, media, people);
* scripts/gazetteer_regions.txt — our hand-written table of regions and cities coded to their country.
* scripts/gazetteer_countries.txt — our hand-written table of country facts: every UN
  member state's capital(s), nationality adjectives, irregular plurals, name variants;
* CLDR through babel — Arabic country names (ISO3) and time-zone exemplar cities;
* ../shared/data/petrarch-ar/actor_dict_ar_v4.txt — people and organisations with
  dated CAMEO codes (lemmatized and noisy: filtered hard);
* ../shared/data/camel-morph/MSA-Noun-Prop-LEX.csv — proper-noun lemmas with English
  glosses, compiled to a token → gloss table used for English names and as a
  "known name token" lexicon;
* ../shared/data/anercorp/*train.conll — only to learn which short words are common
  (tagged O often), so city names that are also common words are dropped.

Outputs: gazetteer.jsonl.gz (one entity per line) and gazetteer_names.tsv.gz.

    python scripts/build_gazetteer.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from marsad.clean.normalize import normalize  # noqa: E402
from marsad.entities.gazetteer import bare  # noqa: E402
from marsad.entities.variants import key_string, name_key  # noqa: E402, F401

OUT_DIR = REPO / "marsad" / "resources" / "data"
CURATED = Path(__file__).resolve().parent / "gazetteer_curated.txt"
COUNTRIES = Path(__file__).resolve().parent / "gazetteer_countries.txt"
REGIONS = Path(__file__).resolve().parent / "gazetteer_regions.txt"

KIND_TYPE = {"country": "GPE", "capital": "GPE", "city": "LOC", "place": "LOC", "person": "PER", "org": "ORG"}

# Words that make a PETRARCH actor phrase a description, not a name.
_GENERIC_WORDS = set(
    """رئيس وزير وزارة وزراء نائب زعيم قائد أمين عام مدير مسؤول متحدث ناطق سفير ملك أمير عاهل شيخ جنرال
    لواء عقيد عميد مشير دكتور سيد سيدة حكومة جيش قوة قوات شرطة أمن مجلس برلمان حزب جبهة حركة منظمة
    اتحاد جماعة وكالة شركة بنك جامعة مكتب دائرة هيئة لجنة محكمة قاضي نظام دولة جمهورية مملكة إمارة
    ولاية مدينة محافظة إقليم منطقة عضو أعضاء ممثل مندوب مبعوث مستشار خارجية دفاع داخلية مالية عدل
    تعليم صحة عمل اقتصاد تجارة نفط طاقة ل في من على مع عن إلى الى ب و رجل امرأة شعب مواطن مسلح مسلحين
    معارضة متمرد متمردين انفصالي ميليشيا عصابة إرهابي سابق جديد أول ثاني انتقالي مؤقت نبأ أنباء صحيفة
    قناة تلفزيون إذاعة مؤسسة معهد مركز مجموعة تحالف ائتلاف كتلة تيار لجان قيادة أركان بحرية جوية ثورة
    إدارة منطقة حد مجلة وسيلة إعلام احتلال قضاء بيت مسؤول مسوولون مسؤولون مجموعة سلطة سلطات نقابة رابطة
    مستشفى سجن معسكر مطار ميناء قاعدة جزيرة نهر جبل بحر شمال جنوب شرق غرب وسط مخيم قرية بلدة حي شارع
    ناشط ناشطون لاجئ لاجئين جندي جنود ضابط ضباط طالب طلاب عامل عمال تاجر صحفي مراسل كاتب شاعر فنان
    رياض جواز عائلة أسرة آل كنيسة مسجد مطران بطريرك إمام حاكم سلطان رئاسة برلماني نائب نواب اخ ابن
    مقاتل مقاتلة مقاتلين مقاتلو عنصر عناصر مسلحو ميليشيات ميليشيا خادم حرمين مفتي قاض قائد زعماء
    قصر قصري معهد فندق ملعب ساحة جسر سد دستور""".split()
)
GENERIC = {normalize(w) for w in _GENERIC_WORDS}
CONNECTORS = {normalize(w) for w in ("بن", "ابن", "بنت", "عبد", "أبو", "ابو", "آل", "أم")}
ORG_HEADS = {normalize(w) for w in ("حركة", "حزب", "منظمة", "جبهة", "جماعة", "اتحاد", "تحالف", "ائتلاف")}
ISO3_RE = re.compile(r"^[A-Z]{3}")
BARE_ROLES = {"IGO", "MED", "EDU", "NGO", "BUS", "REB", "CVL", "OPP", "INS"}  # codes without a country
_BW = {
    "'": "ء", "|": "آ", ">": "أ", "&": "ؤ", "<": "إ", "}": "ئ", "A": "ا", "b": "ب", "p": "ة", "t": "ت",
    "v": "ث", "j": "ج", "H": "ح", "x": "خ", "d": "د", "*": "ذ", "r": "ر", "z": "ز", "s": "س", "$": "ش",
    "S": "ص", "D": "ض", "T": "ط", "Z": "ظ", "E": "ع", "g": "غ", "f": "ف", "q": "ق", "k": "ك", "l": "ل",
    "m": "م", "n": "ن", "h": "ه", "w": "و", "Y": "ى", "y": "ي", "{": "ا", "_": "",
}


def buckwalter_to_arabic(bw: str) -> str:
    return "".join(_BW.get(c, "") for c in bw)


def slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s or "x"


def key_id(prefix: str, name: str) -> str:
    """Id of an entry without an English name: its spelling, not its variant key, so it cannot
    collide with the key-hash ids (k-) the entities stage gives names the gazetteer lacks."""
    form = " ".join(bare(w) for w in normalize(name).split())
    return f"{prefix}:g-{hashlib.sha1(form.encode('utf-8')).hexdigest()[:10]}"


def parse_codes(field: str) -> list[list[Any]]:
    """"RUSGOV@2004-03-09..2010-01-01, USA" -> [[code, start|None, end|None], ...]."""
    out: list[list[Any]] = []
    for part in field.split(","):
        part = part.strip()
        if not part or part == "-":
            continue
        code, _, dates = part.partition("@")
        start, _, end = dates.partition("..")
        out.append([code.strip(), start.strip() or None, end.strip() or None])
    return out


def read_curated() -> list[dict[str, Any]]:
    entries = []
    for line in CURATED.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        kind, codes, name_en, arabic = (f.strip() for f in line.split("|"))
        variants = [v.strip() for v in arabic.split(";") if v.strip()]
        entries.append({"kind": kind, "codes": parse_codes(codes), "name_en": name_en, "variants": variants})
    return entries


def _table_rows(path: Path, width: int) -> list[list[str]]:
    """The rows of one of our hand-written "a | b | c" tables, comments and blank lines skipped."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("|")]
        if len(fields) != width:
            raise ValueError(f"{path.name}: expected {width} fields: {line}")
        rows.append(fields)
    return rows


def _split_list(field: str) -> list[str]:
    return [v.strip() for v in field.split(";") if v.strip()]


def read_countries(path: Path = COUNTRIES) -> list[dict[str, Any]]:
    """Entries from the country-facts table: country variants, capital, nationality adjectives."""
    entries: list[dict[str, Any]] = []
    for iso3, capital_en, capitals, adjectives, plurals, names in _table_rows(path, 6):
        codes = [[iso3, None, None]]
        if names:
            variants = _split_list(names)
            entries.append({"kind": "country", "codes": codes, "name_en": None,
                            "variants": [v.lstrip("~") for v in variants],
                            "context_only": [v[1:] for v in variants if v.startswith("~")]})
        if capitals:
            entries.append({"kind": "capital", "codes": codes, "name_en": capital_en, "variants": _split_list(capitals)})
        if adjectives:
            entries.append({"kind": "nat", "codes": codes, "name_en": None,
                            "variants": _split_list(adjectives) + _split_list(plurals)})
    return entries


def read_regions(path: Path = REGIONS) -> list[dict[str, Any]]:
    """Place entries from the regions table: a region or city coded to the country it belongs to."""
    entries: list[dict[str, Any]] = []
    for iso3, name_en, arabic in _table_rows(path, 3):
        entries.append({"kind": "place", "codes": [[iso3, None, None]], "name_en": name_en,
                        "variants": _split_list(arabic)})
    return entries


def merge_entries(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per country, capital (by English name) and nationality: later variants join the first."""
    out: list[dict[str, Any]] = []
    by_key: dict[tuple[str, str], dict[str, Any]] = {}
    for e in entries:
        key: tuple[str, str] | None = None
        if e["kind"] in ("country", "nat") and e["codes"]:
            key = (e["kind"], e["codes"][0][0])
        elif e["kind"] == "capital" and e.get("name_en"):
            key = (e["kind"], e["name_en"])
        if key is not None and key in by_key:
            first = by_key[key]
            first["variants"] += [v for v in e["variants"] if v not in first["variants"]]
            first["context_only"] = first.get("context_only", []) + e.get("context_only", [])
            first["name_en"] = first.get("name_en") or e.get("name_en")
            continue
        e = dict(e, variants=list(e["variants"]))
        if key is not None:
            by_key[key] = e
        out.append(e)
    return out


def alpha3_map() -> dict[str, str]:
    from babel.core import get_global

    withdrawn = {"BUR", "ZAR", "DDR", "FXX", "TMP", "YMD"}  # codes of states that no longer exist
    out = {}
    for alias, targets in get_global("territory_aliases").items():
        if len(alias) == 3 and alias.isalpha() and len(targets) == 1 and len(targets[0]) == 2:
            if alias not in withdrawn:
                out.setdefault(targets[0], alias)
    return out


def common_words(shared: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    for p in (shared / "data" / "anercorp").glob("*train.conll"):
        for line in p.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[1] == "O":
                counts[normalize(parts[0])] += 1
    return counts


def cldr_entries(curated: list[dict[str, Any]], common: Counter[str]) -> list[dict[str, Any]]:
    from babel import Locale
    from babel.core import get_global

    a3 = alpha3_map()
    loc = Locale("ar")
    en = Locale("en")
    curated_countries = {e["codes"][0][0]: e for e in curated if e["kind"] == "country"}
    out = []
    for a2, name in loc.territories.items():
        if not (len(a2) == 2 and a2.isalpha()) or a2 not in a3 or a2 in ("ZZ", "EU", "UN", "EZ", "QO"):
            continue
        iso3 = a3[a2]
        variants = [name]
        m = re.match(r"^(.*?)\s*\((.*)\)$", name)
        if m:
            variants = [m.group(1), m.group(2)]
        cur = curated_countries.pop(iso3, None)
        if cur:
            variants = cur["variants"] + [v for v in variants if v not in cur["variants"]]
            name_en = cur["name_en"] or en.territories.get(a2, iso3)
        else:
            name_en = en.territories.get(a2, iso3)
        out.append({"kind": "country", "codes": [[iso3, None, None]], "name_en": name_en, "variants": variants,
                    "source": cur["source"] if cur else "cldr", "context_only": (cur or {}).get("context_only", [])})
    for cur in curated_countries.values():
        out.append(cur)
    # exemplar cities: LOC with their country
    zone_territories = get_global("zone_territories")
    taken = {normalize(v) for e in curated for v in e["variants"]}
    for e in out:
        taken.update(normalize(v) for v in e["variants"])
    seen: set[str] = set()
    for zone, data in loc.time_zones.items():
        city = data.get("city")
        a2 = zone_territories.get(zone)
        if not city or not a2 or a2 not in a3:
            continue
        n = normalize(city)
        if n in taken or n in seen or len(n.replace(" ", "")) < 4 or not re.search("[\u0600-\u06ff]", n):
            continue
        if " " not in n and common[n] >= 2:
            continue
        seen.add(n)
        en_city = en.time_zones.get(zone, {}).get("city") or zone.split("/")[-1].replace("_", " ")
        out.append({"kind": "city", "codes": [[a3[a2], None, None]], "name_en": en_city, "variants": [city],
                    "source": "cldr"})
    return out


_PETR_CODE = re.compile(r"\[([A-Z]+)\s*(?:([<>])\s*(\d{8})|(\d{8})\s*-\s*(\d{8}))?\s*\]")


def _iso(d: str | None) -> str | None:
    if not d or d.startswith("1800") or d.startswith("2200"):
        return None
    return f"{d[:4]}-{d[4:6]}-{d[6:]}"


def petrarch_entries(
    shared: Path, iso3: set[str], nat_keys: set[str], common: Counter[str]
) -> list[dict[str, Any]]:
    path = shared / "data" / "petrarch-ar" / "actor_dict_ar_v4.txt"
    if not path.exists():
        print(f"warning: {path} missing; skipping PETRARCH actors", file=sys.stderr)
        return []
    actors: dict[str, list[list[Any]]] = defaultdict(list)
    forms: dict[str, str] = {}
    current: str | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if not raw[0].isspace():
            head = raw.split("[", 1)[0].strip().strip("_").strip()
            current = head or None
            if current:
                forms.setdefault(key_string(current), current)
        if current is None:
            continue
        for m in _PETR_CODE.finditer(raw):
            code, op, d1, s, e = m.groups()
            start = end = None
            if op == ">":
                start = _iso(d1)
            elif op == "<":
                end = _iso(d1)
            elif s:
                start, end = _iso(s), _iso(e)
                if start and end and end < start:
                    end = None
            actors[key_string(current)].append([code, start, end])
    out = []
    persons_last: set[str] = set()
    candidates = []
    for key, codes in actors.items():
        name = forms[key].replace("_", " ")
        words = normalize(name).split()
        if len("".join(words)) < 3 or any(len(w) < 2 for w in words):
            continue
        if not any(ISO3_RE.match(c[0]) and c[0][:3] in iso3 or c[0].startswith("IGO") for c in codes):
            continue
        if all(len(c[0]) == 3 and c[0] != "IGO" for c in codes):
            continue  # a bare country code marks a place or a description, not a person
        stripped = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in words]
        if any(k in nat_keys for k in name_key(name)):
            continue
        if words[-1] in CONNECTORS or (len(words) == 2 and words[0] in CONNECTORS):
            continue  # "منصور بن", "عبد العزيز": a fragment or a bare given name
        if len(words) >= 2 and words[0] in ORG_HEADS and not any(w in GENERIC for w in stripped[1:]):
            candidates.append(("org", name, codes))
        elif 2 <= len(words) <= 4 and not any(w in GENERIC or common[w] >= 3 for w in stripped):
            candidates.append(("person", name, codes))
            persons_last.add(name_key(name)[-1])
        elif len(words) == 1:
            candidates.append(("single", name, codes))
    for kind, name, codes in candidates:
        if kind == "single":
            if name_key(name)[0] not in persons_last or len(name_key(name)[0]) < 5 or common[normalize(name)] >= 1:
                continue  # a lone surname must be distinctive and not an everyday word
            kind = "person"
        seen = set()
        uniq = []
        for c in codes:
            t = tuple(c)
            if t not in seen:
                seen.add(t)
                uniq.append(c)
        out.append({"kind": kind, "codes": uniq, "name_en": None, "variants": [name], "source": "petrarch"})
    return out


def camel_names(shared: Path) -> dict[str, str]:
    path = shared / "data" / "camel-morph" / "MSA-Noun-Prop-LEX.csv"
    if not path.exists():
        print(f"warning: {path} missing; no English glosses", file=sys.stderr)
        return {}
    out: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            ar = normalize(buckwalter_to_arabic(row["LEMMA"]))
            gloss = re.split(r"###|;", row["GLOSS"])[0].strip().replace("_", " ")
            gloss = re.sub(r"\s*\(.*?\)", "", gloss)
            if len(ar) >= 2 and gloss and ar not in out:
                out[ar] = gloss
    return out


def finish(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give ids, canonical names and types; drop later entries whose variants are already taken."""
    out = []
    taken: dict[str, str] = {}
    taken_country: dict[str, str | None] = {}
    ids: set[str] = set()
    for e in entries:
        kind = e["kind"]
        codes = e["codes"]
        country = None
        if codes and ISO3_RE.match(codes[0][0]) and kind != "org" or kind in ("country", "capital", "city", "place"):
            country = codes[0][0][:3] if codes and ISO3_RE.match(codes[0][0]) else None
        if kind in ("person", "org"):
            cands = {c[0][:3] for c in codes if ISO3_RE.match(c[0]) and c[0][:3] not in BARE_ROLES}
            country = cands.pop() if len(cands) == 1 else None
        variants = []
        homonyms = []
        for v in e["variants"]:
            k = name_key(v)
            if not k:
                continue
            # the same spelling for two entries: the first (curated, then CLDR) keeps it; equal keys
            # with different spellings (غينيا / غيانا / كينيا) stay apart through exact matching
            form = " ".join(bare(w) for w in normalize(v).split())
            if kind != "nat" and form in taken and taken[form] != e.get("_id"):
                # a place spelled like a place of another country (عمان: Oman / Amman) stays a
                # homonym, chosen by the article's context at run time
                if kind in ("country", "capital", "city") and taken_country.get(form) not in (None, country):
                    homonyms.append(v)
                continue
            variants.append(v)
        if not variants and not homonyms:
            continue
        display = (variants or homonyms)[0]
        typ = KIND_TYPE.get(kind, "NAT" if kind == "nat" else "MISC")
        if e.get("name_en"):
            eid = f"{typ.lower()}:{slug(e['name_en'])}"
        else:
            eid = key_id(typ.lower(), display)
        if eid in ids:
            eid = key_id(typ.lower(), display)
        if eid in ids:
            continue
        ids.add(eid)
        for v in variants:
            if kind != "nat":
                form = " ".join(bare(w) for w in normalize(v).split())
                taken.setdefault(form, eid)
                if kind in ("country", "capital", "city", "place"):
                    taken_country.setdefault(form, country)
        rec = {
            "id": eid, "kind": kind, "type": typ, "name": display, "name_en": e.get("name_en"),
            "variants": variants, "codes": codes, "country": country, "source": e["source"],
        }
        if homonyms:
            rec["homonyms"] = list(dict.fromkeys(homonyms))
        weak = [v for v in e.get("context_only", ()) if v in variants]
        if weak:
            rec["context_only"] = weak
        out.append(rec)
    return out


class _gzip_text(io.StringIO):
    """Collects text and writes it gzipped with a fixed timestamp: unchanged data, identical bytes."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def __exit__(self, *exc: object) -> None:
        self.path.write_bytes(gzip.compress(self.getvalue().encode("utf-8"), compresslevel=9, mtime=0))
        super().__exit__(*exc)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(REPO.parent / "shared"))
    ap.add_argument("--out", default=str(OUT_DIR))
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    # the country table is hand-written too, but its spellings are matched exactly, as CLDR's are:
    # a one-word name of 190 countries and capitals must not match loosely (انتقاء is not أنتيغوا)
    curated = merge_entries([e | {"source": "curated"} for e in read_curated()]
                            + [e | {"source": "table"} for e in read_countries()]
                            + [e | {"source": "curated"} for e in read_regions()])
    common = common_words(shared)
    cldr = cldr_entries(curated, common)
    iso3 = {e["codes"][0][0] for e in cldr if e["kind"] == "country"}
    non_country = [e for e in curated if e["kind"] != "country"]
    countries = [e for e in cldr if e["kind"] == "country"]
    cities = [e for e in cldr if e["kind"] == "city"]
    nat_keys = {k for e in curated if e["kind"] == "nat" for v in e["variants"] for k in name_key(v)}
    entries = finish(countries + non_country + cities + petrarch_entries(shared, iso3, nat_keys, common))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with _gzip_text(out / "gazetteer.jsonl.gz") as fh:
        for rec in entries:
            fh.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")
    names = {ar: (en, "camel") for ar, en in camel_names(shared).items()}
    for rec in entries:
        if rec["type"] == "PER" and rec["name_en"]:
            for ar, en in zip(normalize(rec["name"]).split(), rec["name_en"].split(), strict=False):
                names.setdefault(ar, (en, "ours"))
    with _gzip_text(out / "gazetteer_names.tsv.gz") as fh:
        fh.write("# normalized Arabic name token\tEnglish gloss\tsource: camel (camel_morph proper nouns, CC BY 4.0) or ours\n")
        for ar, (en, src) in sorted(names.items()):
            fh.write(f"{ar}\t{en}\t{src}\n")
    # words of organisation names like تنظيم الدولة or حركة الشباب stay everyday words
    name_tokens = {bare for rec in entries if rec["type"] in ("PER", "GPE", "LOC", "ORG")
                   for v in rec["variants"] if rec["type"] != "ORG" or " " not in v.strip()
                   for bare in normalize(v).split()}
    everyday = sorted(w for w, n in common.items()
                      if n >= 3 and w not in names and w not in name_tokens and re.fullmatch("[\u0621-\u064a]+", w))
    with _gzip_text(out / "gazetteer_common.txt.gz") as fh:
        fh.write("# everyday words (tagged O at least 3 times in ANERcorp train), normalized\n")
        fh.write("\n".join(everyday) + "\n")
    kinds = Counter(e["kind"] for e in entries)
    print(f"wrote {len(entries)} entities {dict(kinds)} and {len(names)} name glosses to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
