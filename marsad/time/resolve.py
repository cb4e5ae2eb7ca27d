"""Turning mentions into ISO 8601 values against the publication date.

News conventions, applied consistently:

* A bare weekday is the most recent such day on or before the anchor (the
  anchor itself when it is that weekday); with a future cue in the clause
  (سـ-verbs, سوف, من المقرر, يعتزم...) it is the next such day on or after the
  anchor.  الماضي / المقبل make it strictly before / after.
* A month without a year is the most recent occurrence at or before the
  anchor's month, unless it is the very next month (then it is upcoming);
  a future cue or المقبل looks forward, الماضي strictly back.
* A day and month without a year take the year that puts the date nearest the
  anchor (forward with a future cue, back with الماضي).
* Vague bounds use ``mod``: أواخر/نهاية = END, أوائل/مطلع/بداية = START,
  منتصف = MID, "more than" (أكثر من) = AFTER, "less than" = BEFORE,
  نحو/حوالي and "ago" offsets of a week or more = APPROX, منذ + a date = AFTER,
  في وقت سابق من = BEFORE, في وقت لاحق من = AFTER.
* Vague plurals (السنوات الأخيرة, في الأيام المقبلة, منذ سنوات) get value None
  and a ``direction`` attribute.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from hijridate import Gregorian, Hijri

from marsad.time import lexicon as lx
from marsad.time.extract import Mention


@dataclass(slots=True)
class Resolved:
    kind: str  # date | duration | set
    value: str | None
    granularity: str | None
    mod: str | None = None
    needs_anchor: bool = False
    extra: dict[str, Any] | None = None


# منذ 2014 = from 2014 on; قبل 2014 = before it.
_SINCE_MODS = {"منذ": "AFTER", "ومنذ": "AFTER", "قبل": "BEFORE", "وقبل": "BEFORE"}


def iso_day(d: date) -> str:
    return d.isoformat()


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def iso_month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def add_months(d: date, months: int) -> date:
    total = d.year * 12 + d.month - 1 + months
    y, m = divmod(total, 12)
    m += 1
    day = min(d.day, _month_length(y, m))
    return date(y, m, day)


def _month_length(y: int, m: int) -> int:
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    return (nxt - timedelta(days=1)).day


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def hijri_to_date(y: int, m: int, d: int) -> date | None:
    try:
        g = Hijri(y, m, d).to_gregorian()
        return date(g.year, g.month, g.day)
    except (ValueError, OverflowError):
        return None


def date_to_hijri(d: date) -> tuple[int, int, int] | None:
    try:
        h = Gregorian(d.year, d.month, d.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    return h.year, h.month, h.day


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    total = 0
    for piece in text.split(" و"):  # أربع وعشرين = 4 + 20
        piece = " ".join(piece.split())
        n = lx.NUMBER_WORDS.get(piece[2:] if piece.startswith("ال") else piece)
        if n is None:
            return None
        total += n
    return total


def _day_number(text: str) -> int | None:
    if text.isdigit():
        n = int(text)
        return n if 1 <= n <= 31 else None
    return lx.DAY_ORDINALS.get(text)


def _direction(word: str | None) -> str | None:
    if not word:
        return None
    if word in lx.PAST_WORDS:
        return "past"
    if word in lx.FUTURE_WORDS:
        return "future"
    return "current"


def _weekday(wd: str) -> int:
    # للاثنين is matched from its second ل: "لاثنين" stands for "الاثنين".
    return lx.WEEKDAYS[wd if wd.startswith("ال") else "ا" + wd]


def resolve_weekday(weekday: int, anchor: date, direction: str | None, future: bool) -> date:
    delta = (weekday - anchor.weekday()) % 7
    if direction == "future":
        return anchor + timedelta(days=delta or 7)
    if future and direction != "past":
        return anchor + timedelta(days=delta)
    back = (anchor.weekday() - weekday) % 7
    if direction == "past":
        back = back or 7
    return anchor - timedelta(days=back)


def resolve_month(month: int, anchor: date, direction: str | None, future: bool) -> tuple[int, int]:
    y = anchor.year
    if direction == "future":
        return (y, month) if month > anchor.month else (y + 1, month)
    if direction == "past":
        return (y, month) if month < anchor.month else (y - 1, month)
    if direction == "current" or month == anchor.month:
        return y, month
    if future:
        return (y, month) if month > anchor.month else (y + 1, month)
    if month == anchor.month % 12 + 1:
        return (y, month) if month > anchor.month else (y + 1, month)
    return (y, month) if month < anchor.month else (y - 1, month)


def _nearest_year(make: Any, anchor: date, direction: str | None, future: bool, years: range) -> date | None:
    options = [d for y in years if (d := make(y)) is not None]
    if direction == "past":
        options = [d for d in options if d < anchor] or options
    elif direction == "future" or future:
        options = [d for d in options if d >= anchor] or options
    if not options:
        return None
    return min(options, key=lambda d: abs((d - anchor).days))


def _part_mod(part: str | None) -> str | None:
    return lx.PART_MODS.get(part) if part else None


def resolve(m: Mention, anchor: date | None, future: bool) -> Resolved | None:
    """The value of one mention; None drops it (e.g. an impossible date)."""
    handler = _HANDLERS[m.kind]
    return handler(m.parts, anchor, future)


def _month(p: dict[str, Any], anchor: date | None, future: bool) -> Resolved | None:
    month = lx.GREGORIAN_MONTHS[p["mon"]]
    mod = _part_mod(p.get("part")) or _SINCE_MODS.get(p.get("prev", ""))
    direction = _direction(p.get("dir"))
    year = int(p["year"]) if "year" in p else None
    if year is not None and not 1000 <= year <= 2200:
        return None
    relative_year = "ythis" in p or "ydir" in p  # أغسطس من العام الماضي
    if relative_year:
        if anchor is None:
            return Resolved("date", None, "day" if "day" in p else "month", mod, needs_anchor=True)
        year = anchor.year + {"past": -1, "future": 1}.get(_direction(p.get("ydir")) or "", 0)
    if "day" in p:
        day = _day_number(p["day"])
        if day is None:
            return None
        if year is not None:
            d = _safe_date(year, month, day)
            return Resolved("date", iso_day(d), "day", mod, needs_anchor=relative_year) if d else None
        if anchor is None:
            return Resolved("date", None, "day", mod, needs_anchor=True)
        d = _nearest_year(lambda y: _safe_date(y, month, day), anchor, direction, future,
                          range(anchor.year - 1, anchor.year + 2))
        return Resolved("date", iso_day(d), "day", mod, needs_anchor=True) if d else None
    if year is not None:
        return Resolved("date", iso_month(year, month), "month", mod, needs_anchor=relative_year)
    if anchor is None:
        return Resolved("date", None, "month", mod, needs_anchor=True)
    y, mo = resolve_month(month, anchor, direction, future)
    return Resolved("date", iso_month(y, mo), "month", mod, needs_anchor=True)


def _hijri(p: dict[str, Any], anchor: date | None, future: bool) -> Resolved | None:
    month = _hijri_month(p["hmon"])
    if month is None:
        return None
    year = int(p["year"]) if "year" in p else None
    day = _day_number(p["day"]) if "day" in p else None
    if day is not None:
        if year is not None:
            d = hijri_to_date(year, month, day)
            extra = {"calendar": "hijri", "hijri": f"{year}-{month:02d}-{day:02d}"}
            return Resolved("date", iso_day(d), "day", None, extra=extra) if d else None
        if anchor is None:
            return Resolved("date", None, "day", None, needs_anchor=True, extra={"calendar": "hijri"})
        h = date_to_hijri(anchor)
        if h is None:
            return None
        d = _nearest_year(lambda y: hijri_to_date(y, month, day), anchor, None, future, range(h[0] - 1, h[0] + 2))
        return Resolved("date", iso_day(d), "day", None, needs_anchor=True, extra={"calendar": "hijri"}) if d else None
    if year is None:
        return None
    # A Hijri month straddles two Gregorian months: name the one holding its middle.
    mid = hijri_to_date(year, month, 15)
    if mid is None:
        return None
    return Resolved("date", iso_month(mid.year, mid.month), "month", "APPROX",
                    extra={"calendar": "hijri", "hijri": f"{year}-{month:02d}"})


_HIJRI_SQUASHED = {name.replace(" ", ""): number for name, number in lx.HIJRI_MONTHS.items()}


def _hijri_month(text: str) -> int | None:
    """The Hijri month number, whatever the spacing (ذو القعدة, ذوالقعدة, جمادى  الآخرة)."""
    return _HIJRI_SQUASHED.get("".join(text.split()))


def _numeric(p: dict[str, Any], anchor: date | None, future: bool) -> Resolved | None:
    if "y" in p:
        y, mo, d = int(p["y"]), int(p["m"]), int(p["d"])
    else:
        y, mo, d = int(p["y2"]), int(p["m2"]), int(p["d2"])
    if p.get("cal") == "ه" or 1300 <= y <= 1500:
        out = hijri_to_date(y, mo, d)
        extra = {"calendar": "hijri", "hijri": f"{y}-{mo:02d}-{d:02d}"}
        return Resolved("date", iso_day(out), "day", None, extra=extra) if out else None
    if not 1900 <= y <= 2100:
        return None
    out = _safe_date(y, mo, d)
    return Resolved("date", iso_day(out), "day") if out else None


def _weekday_handler(p: dict[str, Any], anchor: date | None, future: bool) -> Resolved | None:
    if anchor is None:
        return Resolved("date", None, "day", needs_anchor=True)
    if "deic" in p:
        offset = {"اليوم": 0, "امس": -1, "غدا": 1, "غد": 1}[p["deic"]]
        return Resolved("date", iso_day(anchor + timedelta(days=offset)), "day", needs_anchor=True)
    d = resolve_weekday(_weekday(p["wd"]), anchor, _direction(p.get("dir")), future)
    return Resolved("date", iso_day(d), "day", needs_anchor=True)


_DEICTIC_OFFSETS = {"امس": -1, "الامس": -1, "البارحه": -1, "اليوم": 0, "الليله": 0, "غدا": 1, "الغد": 1, "غد": 1}


def _deictic(p: dict[str, Any], anchor: date | None, future: bool) -> Resolved | None:
    words = p["deic"].split()
    if words[0] == "اول" or words[-1] == "الاول":
        offset = -2
    elif words[0] == "بعد":
        offset = 2
    elif words[0] == "الليله" and len(words) > 1:
        offset = -1 if words[1] == "الماضيه" else 1
    else:
        offset = _DEICTIC_OFFSETS[words[0]]
    if anchor is None:
        return Resolved("date", None, "day", needs_anchor=True)
    return Resolved("date", iso_day(anchor + timedelta(days=offset)), "day", needs_anchor=True)


_PERIOD_UNITS = {"اسبوع": "week", "شهر": "month", "عام": "year", "سنه": "year"}


def _period(p: dict[str, Any], anchor: date | None, future: bool) -> Resolved | None:
    unit = next(g for word, g in _PERIOD_UNITS.items() if p["unit"].endswith(word))
    direction = _direction(p.get("dir"))
    step = {"past": -1, "future": 1}.get(direction or "", 0)
    mod = _part_mod(p.get("part")) or _SINCE_MODS.get(p.get("prev", ""))
    if "early" in p:
        mod = "BEFORE" if p["early"].split()[-1] in {"سابق", "مبكر"} else "AFTER"
    if anchor is None:
        return Resolved("date", None, unit, mod, needs_anchor=True)
    if unit == "week":
        value = iso_week(anchor + timedelta(weeks=step))
    elif unit == "month":
        d = add_months(anchor, step)
        value = iso_month(d.year, d.month)
    else:
        value = f"{anchor.year + step:04d}"
    return Resolved("date", value, unit, mod, needs_anchor=True)


_ISO_UNIT = {"MIN": "T{}M", "H": "T{}H", "D": "{}D", "W": "{}W", "M": "{}M", "Y": "{}Y"}


def duration_value(unit: str, n: int) -> str:
    if unit == "DE":
        return f"P{10 * n}Y"
    if unit == "CE":
        return f"P{100 * n}Y"
    return "P" + _ISO_UNIT[unit].format(n)


def _shift(anchor: date, unit: str, n: int) -> tuple[str, str]:
    """anchor moved by n units, named at the unit's granularity."""
    if unit in {"MIN", "H"}:
        return iso_day(anchor), "day"
    if unit == "D":
        return iso_day(anchor + timedelta(days=n)), "day"
    if unit == "W":
        return iso_week(anchor + timedelta(weeks=n)), "week"
    if unit == "M":
        d = add_months(anchor, n)
        return iso_month(d.year, d.month), "month"
    if unit == "Y":
        return f"{anchor.year + n:04d}", "year"
    factor = 10 if unit == "DE" else 100
    return f"{anchor.year + n * factor:04d}", "year"


def _offset(p: dict[str, Any], anchor: date | None, future: bool) -> Resolved | None:
    unit, implied = lx.UNIT_FORMS[p["unit"]]
    n = _number(p["num"]) if "num" in p else (implied or None)
    if "one" in p:
        n = 1
    mod = lx.QUANT_MODS.get(" ".join(p["quant"].split())) if "quant" in p else None
    prep = " ".join(p.get("prep", "").split())
    direction = _direction(p.get("dir"))
    if n is None:
        # A vague plural: منذ سنوات, في الأيام المقبلة, السنوات الأخيرة.
        if "from" in p:
            way = None  # بعد أيام من الإعلان: counted from another event
        elif prep == "بعد" or direction == "future":
            way = "future"
        elif prep in {"قبل", "منذ"} or direction in {"past", "current"} or (p.get("dir") or "").startswith("الاخير"):
            way = "past"
        else:
            way = None
        extra = {"direction": way} if way else None
        return Resolved("date", None, lx.GRANULARITY_OF_UNIT[unit], "APPROX", extra=extra)
    if prep in {"قبل", "منذ", "بعد"} and "from" not in p:
        sign = 1 if prep == "بعد" else -1
        if anchor is None:
            return Resolved("date", None, lx.GRANULARITY_OF_UNIT[unit], mod, needs_anchor=True)
        value, gran = _shift(anchor, unit, sign * n)
        if mod is None and unit in {"W", "M", "Y", "DE", "CE"}:
            mod = "APPROX"
        return Resolved("date", value, gran, mod, needs_anchor=True)
    return Resolved("duration", duration_value(unit, n), None, mod)


def _year(p: dict[str, Any], anchor: date | None, future: bool) -> Resolved | None:
    y = int(p["year"])
    mod = _part_mod(p.get("part")) or _SINCE_MODS.get(p.get("prev", ""))
    if p.get("cal") == "ه" or (y < 1900 and p.get("kw")):
        start, end = hijri_to_date(y, 1, 1), hijri_to_date(y + 1, 1, 1)
        if start is None or end is None:
            return None
        middle = start + (end - start) / 2
        return Resolved("date", f"{middle.year:04d}", "year", mod or "APPROX",
                        extra={"calendar": "hijri", "hijri": str(y)})
    return Resolved("date", f"{y:04d}", "year", mod)


def _decade(p: dict[str, Any], anchor: date | None, future: bool) -> Resolved | None:
    return Resolved("date", str(lx.DECADES[p["dec"]]), "decade")


def _set(p: dict[str, Any], anchor: date | None, future: bool) -> Resolved | None:
    if "adv" in p:
        return Resolved("set", lx.SET_ADVERBS[p["adv"]], None)
    if "wd" in p or "wd2" in p:
        return Resolved("set", "P1W", None)
    unit, implied = lx.UNIT_FORMS[p["unit"]]
    n = _number(p["num"]) if "num" in p else (implied or 1)
    return Resolved("set", duration_value(unit, n or 1), None)


_HANDLERS = {
    "month": _month,
    "hijri": _hijri,
    "numeric": _numeric,
    "weekday": _weekday_handler,
    "deictic": _deictic,
    "period": _period,
    "offset": _offset,
    "year": _year,
    "decade": _decade,
    "set": _set,
}
