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
* Future cues also include verbs of scheduled events in the imperfective
  (تعقد, تنطلق, يزور), "، على أن" + verb, planned acts (على عقد, لإجراء), and a
  postponement (تأجيل ... للخميس / إلى الخميس).  A weekday written beside a day
  and month (الجمعة 26 يونيو) picks the year in which they agree.
* Clock times, ranges, parts of day and quarters follow docs/schema.md
  (timexes): a clock time is valued on its day (2025-03-14T10:00, filled in by
  the stage), each end of a range is its own timex, a part of day keeps the
  day's value with a ``part`` code, الربع الأول = 2025-Q1.
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
    if word in {"الجديد", "الجديده"}:
        return "new"
    return "current"


def _part_of_day(p: dict[str, Any]) -> dict[str, Any] | None:
    code = lx.DAY_PART_CODES.get(" ".join(p["dpart"].split())) if "dpart" in p else None
    return {"part": code} if code else None


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
    r = _month_value(p, anchor, future)
    if r is not None and r.granularity == "day":
        extra = {**(_part_of_day(p) or {}), **({"range": p["range"]} if "range" in p else {})}
        r.extra = extra or None
    return r


def _month_value(p: dict[str, Any], anchor: date | None, future: bool) -> Resolved | None:
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
        def make(y: int) -> date | None:
            d = _safe_date(y, month, day)
            # الجمعة 26 يونيو: only a year in which the 26th of June is a Friday
            return d if d is None or "wd" not in p or d.weekday() == _weekday(p["wd"]) else None

        d = _nearest_year(make, anchor, direction, future, range(anchor.year - 1, anchor.year + 2))
        if d is None and "wd" in p:
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
        offset = -2 if p["deic"].startswith("اول") else {"اليوم": 0, "امس": -1, "غدا": 1, "غد": 1}[p["deic"]]
        return Resolved("date", iso_day(anchor + timedelta(days=offset)), "day", needs_anchor=True, extra=_part_of_day(p))
    d = resolve_weekday(_weekday(p["wd"]), anchor, _direction(p.get("dir")), future)
    return Resolved("date", iso_day(d), "day", needs_anchor=True, extra=_part_of_day(p))


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
    extra = _part_of_day(p) or ({"part": "NI"} if words[0] == "الليله" else None)
    return Resolved("date", iso_day(anchor + timedelta(days=offset)), "day", needs_anchor=True, extra=extra)


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
    elif direction == "new":
        # العام الجديد: the year about to begin late in the year, else the one just begun
        value = f"{anchor.year + (anchor.month >= 10):04d}"
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
    count = p.get("num") or p.get("num2")
    n = _number(count) if count else (implied or None)
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
    if "daily" in p:
        return Resolved("set", "P1D", None)
    if "wd" in p or "wd2" in p:
        return Resolved("set", "P1W", None)
    unit, implied = lx.UNIT_FORMS[p["unit"]]
    n = _number(p["num"]) if "num" in p else (implied or 1)
    return Resolved("set", duration_value(unit, n or 1), None)


_QUARTERS = {"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4}


def _quarter(p: dict[str, Any], anchor: date | None, future: bool) -> Resolved | None:
    """الربع الأول من العام = 2025-Q1; النصف الثاني من 2024 = 2024-H2."""
    half = p["half"] == "نصف"
    n = (2 if half else 4) if p["ord"] == "الاخير" else _QUARTERS[p["ord"]]
    if half and n > 2:
        return None
    year_text = p.get("year") or p.get("year2")
    if year_text:
        year = int(year_text)
    elif anchor is None:
        return Resolved("date", None, "half" if half else "quarter", needs_anchor=True)
    else:
        direction = _direction(p.get("dir"))
        year = anchor.year + {"past": -1, "future": 1, "new": int(anchor.month >= 10)}.get(direction or "", 0)
    return Resolved("date", f"{year:04d}-{'H' if half else 'Q'}{n}", "half" if half else "quarter",
                    needs_anchor=not year_text)


def _monthday(p: dict[str, Any], anchor: date | None, future: bool) -> Resolved | None:
    """20 من الشهر الجاري: a day of the anchor's month, or of the month before or after."""
    day = _day_number(p["day"])
    if day is None:
        return None
    if anchor is None:
        return Resolved("date", None, "day", needs_anchor=True)
    step = {"past": -1, "future": 1}.get(_direction(p.get("dir")) or "", 0)
    month = add_months(anchor.replace(day=1), step)
    d = _safe_date(month.year, month.month, day)
    return Resolved("date", iso_day(d), "day", needs_anchor=True) if d else None


def clock_time(p: dict[str, Any], day_part: str | None = None) -> str | None:
    """HH:MM of a clock mention; ``day_part`` (MO, EV...) of its day settles AM/PM when the text does not."""
    if "hw" in p:
        hour = lx.HOUR_WORDS[" ".join(p["hw"].split())]
        minute = 0
    else:
        hour, minute = int(p["hh"]), int(p.get("mm") or 0)
    frac = lx.CLOCK_FRACTIONS.get(" ".join(p.get("frac", "").split()), 0)
    half = lx.CLOCK_PARTS.get(" ".join(p.get("cpart", "").split()))
    if half is None and day_part in {"AF", "EV", "NI"}:
        half = "PM"
    if hour <= 12:
        if half in {"PM", "NIGHT"} and hour < 12 and not (half == "NIGHT" and hour < 6):
            hour += 12
        elif half == "NIGHT" and hour == 12:
            hour = 0
    total = hour * 60 + minute + frac
    if not 0 <= total < 24 * 60 + 1:
        return None
    total %= 24 * 60
    return f"{total // 60:02d}:{total % 60:02d}"


def _clock(p: dict[str, Any], anchor: date | None, future: bool) -> Resolved | None:
    # The day is filled in by the stage from the sentence around the mention (see marsad.time.annotate).
    hhmm = clock_time(p)
    if hhmm is None:
        return None
    return Resolved("time", None, "minute", needs_anchor=True, extra={"clock": hhmm})


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
    "quarter": _quarter,
    "monthday": _monthday,
    "clock": _clock,
    "dropped": lambda p, anchor, future: None,
}
