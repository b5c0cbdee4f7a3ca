"""Dates: find date expressions, anchor them to the publication date, date each event.

News states dates relative to the day it is published: "on Monday" is that day or one of the six
before it (never the future unless the verb is), "last week" is the week before, "June" is the most
recent June. ``dateparser`` gets several of these wrong (it reads "Monday" as a week back when
published on a Monday and "three years" as a date), so a small grammar of our own resolves the
forms news uses; ``dateparser`` resolves the spaCy DATE entities the grammar does not cover.
Periods and durations ("the past year", "each year", "three years") are not points in time and are
left out. An event takes the date attached to its trigger in the dependency tree, else the
nearest date of its sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from newsevents.pipeline import stage
from newsevents.records import Doc, Event, Precision, When
from newsevents.settings import Settings
from newsevents.stages.parse import token_span
from newsevents.syntax import text_of

__all__ = ["date_event", "find_dates", "make_dates", "resolve"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_SMALL = "zero one two three four five six seven eight nine ten eleven twelve"
NUMBER_WORDS = {w: n for n, w in enumerate(_SMALL.split())} | {"a": 1, "an": 1}

_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MON = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?!\d)"
_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_UNIT = r"(?P<unit>day|week|weekend|month|year)"
_PERIOD = r"(?:days?|weeks?|months?|years?|decades?|centur(?:y|ies)|hours?)"
_PREP = r"(?:in|since|during|by|until|till|from|before|after|through|throughout|around)"
_SPAN_WORD = r"(?:last|past|next|coming|previous|first|recent|following)"
_SPAN_SIZE = rf"(?:{_NUM}|few|several|couple\s+of)"
_COUNTED = r"(?:people|persons|men|women|children|troops|soldiers|civilians|refugees)\b"
_PART = r"(?:(?P<part>early|mid|late|earlier|later)[\s-]+(?:in\s+)?)"

_ORDINAL_END = (
    r"(?=\s*(?:[.,;:)]|$)|\s+(?:and|when|at|in|as|but|after|before|while|during|with|following"
    r"|amid|near|outside|against|according|because|where|until|since)\b)"
)
"""What may follow "on the 12th" for it to be a day: punctuation or a joining word, so that
"on the 12th floor" and "on the 3rd consecutive day" are not dates."""

# Each pattern: its name and regex. The longest match wins where matches overlap. Names in
# _NOT_POINTS are periods and durations: found so that nothing else claims their words, then
# left out.
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),
    ("month_day", rf"\b(?:{_WD},?\s+)?{_MON}\s+{_DAY}\b(?:,?\s+{_YEAR})?"),
    ("day_month", rf"\b(?:{_WD},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?"),
    ("month_year", rf"\b{_PART}?{_MON}(?:,?\s+(?:of\s+)?{_YEAR})"),
    ("month", rf"\b(?:(?P<rel>last|this|next|past|coming)\s+|{_PART})?{_MON}(?!\w|\s+\d)"),
    ("weekday", rf"\b(?:(?P<rel>last|this|next|past|coming)\s+|{_PART})?{_WD}"),
    ("unit", rf"\b{_PART}?(?P<rel>last|this|next|past|previous|coming)\s+{_UNIT}\b"),
    ("in_the_unit", rf"\b(?P<part>earlier|later)\s+in\s+the\s+{_UNIT}\b"),
    ("the_weekend", r"\b(?:over|at|during|on)\s+(?P<core>the\s+(?P<unit>weekend))\b"),
    # "on the 12th": a day of the current month; not "on the 12th floor", "on the 12th of May"
    ("ordinal_day", rf"\bon\s+(?P<core>the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th))\b{_ORDINAL_END}"),
    ("deictic", r"\b(?P<deictic>today|yesterday|tomorrow|tonight|last night)\b"),
    ("this_part", r"\bthis\s+(?P<deictic>morning|afternoon|evening)\b"),
    ("ago", rf"\b(?P<num>{_NUM})\s+(?P<unit>day|week|month|year)s?\s+ago\b"),
    ("year", rf"\b(?:(?:{_PREP}|the\s+year)\s+|{_PART})(?:of\s+)?{_YEAR}(?!\s*%|\s+{_COUNTED})"),
    ("year_start", rf"^{_YEAR}\b"),
    ("every", rf"\b(?:each|every|per|a)\s+(?:single\s+)?{_PERIOD}\b"),
    ("span", rf"\bthe\s+{_SPAN_WORD}\s+(?:{_SPAN_SIZE}\s+)?{_PERIOD}\b"),
    ("span_sized", rf"\b{_SPAN_WORD}\s+{_SPAN_SIZE}\s+{_PERIOD}\b"),
    ("recent", rf"\brecent\s+{_PERIOD}\b"),
    ("duration", rf"\b(?:{_NUM}|several|a\s+few|many|\d+-odd)\s+{_PERIOD}\b"),
    ("decade", r"\b(?:the\s+)?(?:early\s+|mid-?|late\s+)?(?:1[89]|20)?\d0'?s\b"),
)
_NOT_POINTS = frozenset({"every", "span", "span_sized", "recent", "duration", "decade"})
_COMPILED = tuple((name, re.compile(rx, re.IGNORECASE)) for name, rx in _PATTERNS)
_CAPITALISED = frozenset({"mon", "wd"})
"""Groups that must be capitalised in the text: "may", "march" and "sun" are also ordinary words."""
_MAY_CONTEXT = re.compile(rf"(?:\b{_PREP}|last|this|next|early|mid|late|of)[\s-]+$", re.IGNORECASE)
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_FUTURE_HEADS = frozenset({"schedule", "plan", "due", "set", "go", "intend"})


@dataclass(frozen=True)
class Found:
    """A date expression located in the text, before it is anchored."""

    kind: str
    start: int
    end: int
    groups: dict[str, str]


def find_dates(text: str) -> list[Found]:
    """Every date expression of our grammar, longest first where they overlap, in text order."""
    matches = [f for name, rx in _COMPILED for f in _found(name, rx, text)]
    matches.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Found] = []
    for found in matches:
        if not kept or found.start >= kept[-1].end:
            kept.append(found)
        elif found.end - found.start > kept[-1].end - kept[-1].start:
            kept[-1] = found
    return kept


def _found(name: str, rx: re.Pattern[str], text: str) -> Iterator[Found]:
    for match in rx.finditer(text):
        groups = {k: v for k, v in match.groupdict().items() if v}
        if not all(groups[g][0].isupper() for g in _CAPITALISED if g in groups):
            continue
        if groups.get("mon", "").lower() == "may" and not _may_is_month(name, text, match):
            continue
        start = _core_start(name, match)
        yield Found(name, start, match.end(), groups)


def _may_is_month(name: str, text: str, match: re.Match[str]) -> bool:
    """ "May" is a month only beside a day or year or after a preposition ("in May")."""
    return name != "month" or bool(
        _MAY_CONTEXT.search(text[max(0, match.start() - 12) : match.start()])
    )


def _core_start(name: str, match: re.Match[str]) -> int:
    """Where the evidence begins: a leading preposition ("in 2015") is context, not the date."""
    if name == "year":
        return match.start("year")
    return match.start("core") if match.groupdict().get("core") else match.start()


def resolve(
    found: Found, text: str, published: dt.date | None, *, future: bool = False
) -> tuple[str | None, Precision, float] | None:
    """ISO value, precision and confidence of one expression; None for periods and durations."""
    if found.kind in _NOT_POINTS:
        return None
    resolver = _RESOLVERS[found.kind]
    return resolver(found.groups, published, future)


Resolved = tuple[str | None, Precision, float]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _month_number(groups: dict[str, str]) -> int:
    if "mnum" in groups:
        return int(groups["mnum"])
    return MONTHS[groups["mon"].lower().rstrip(".")]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _resolve_day(groups: dict[str, str], published: dt.date | None, future: bool) -> Resolved:
    """ "March 3", "3 March 2016", "Friday, Nov. 10": a stated year, else the nearest past one."""
    month, day = _month_number(groups), int(groups["day"])
    if "year" in groups:
        return _iso(_safe_date(int(groups["year"]), month, day)), "day", 0.95
    if published is None:
        return None, "day", 0.6
    year = published.year
    candidate = _safe_date(year, month, day)
    if candidate is not None and (candidate > published) != future:
        year += 1 if future else -1
    return _iso(_safe_date(year, month, day)), "day", 0.85


def _resolve_month(groups: dict[str, str], published: dt.date | None, future: bool) -> Resolved:
    """ "June", "last June", "early March 2016": the stated year, else the most recent one."""
    month = _month_number(groups)
    if "year" in groups:
        return dt.date(int(groups["year"]), month, 1).isoformat(), "month", 0.9
    if published is None:
        return None, "month", 0.6
    rel = groups.get("rel", "").lower()
    year = published.year
    if future or rel in ("next", "coming"):
        year += month < published.month or (month == published.month and rel == "next")
    elif month > published.month or (month == published.month and rel in ("last", "past")):
        year -= 1
    return dt.date(year, month, 1).isoformat(), "month", 0.75


def _resolve_weekday(groups: dict[str, str], published: dt.date | None, future: bool) -> Resolved:
    """ "on Monday": that day or the six before; "last Monday": one to seven days back."""
    if published is None:
        return None, "day", 0.6
    rel = groups.get("rel", "").lower()
    back = (published.weekday() - WEEKDAYS.index(groups["wd"].lower())) % 7
    if rel in ("last", "past") and back == 0:
        back = 7
    if future or rel in ("next", "coming"):
        ahead = (7 - back) % 7 or 7
        return _iso(published + dt.timedelta(days=ahead)), "day", 0.75
    return _iso(published - dt.timedelta(days=back)), "day", 0.85


def _resolve_unit(groups: dict[str, str], published: dt.date | None, future: bool) -> Resolved:
    """ "last week", "earlier this month", "next year", "earlier in the year"."""
    unit = groups["unit"].lower()
    precision: Precision = "week" if unit == "weekend" else unit  # type: ignore[assignment]
    if published is None:
        return None, precision, 0.6
    rel = groups.get("rel", "this").lower()
    shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    if unit == "weekend" and shift == 0:
        shift = -1 if published.weekday() < 5 else 0
    return _iso(_shift(published, precision, shift)), precision, 0.8


def _shift(day: dt.date, precision: Precision, amount: int) -> dt.date:
    """The first day of the week, month or year ``amount`` units from the one holding ``day``."""
    if precision == "day":
        return day + dt.timedelta(days=amount)
    if precision == "week":
        return day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=amount)
    if precision == "month":
        months = day.year * 12 + day.month - 1 + amount
        return dt.date(months // 12, months % 12 + 1, 1)
    return dt.date(day.year + amount, 1, 1)


def _resolve_ordinal_day(
    groups: dict[str, str], published: dt.date | None, future: bool
) -> Resolved:
    """ "on the 12th": that day of the publication month, else of the month before (or after,
    when the verb is future); no value without a publication date."""
    if published is None:
        return None, "day", 0.6
    day = int(groups["day"])
    step = 1 if future else -1
    candidate = _safe_date(published.year, published.month, day)
    if (
        candidate is None
        or (candidate > published and not future)
        or (candidate < published and future)
    ):
        other = _shift(published, "month", step)
        candidate = _safe_date(other.year, other.month, day)
    return _iso(candidate), "day", 0.75


def _resolve_deictic(groups: dict[str, str], published: dt.date | None, future: bool) -> Resolved:
    """ "today", "yesterday", "last night", "this morning"."""
    shift = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(groups["deictic"].lower(), 0)
    if published is None:
        return None, "day", 0.6
    return _iso(published + dt.timedelta(days=shift)), "day", 0.9


def _resolve_ago(groups: dict[str, str], published: dt.date | None, future: bool) -> Resolved:
    """ "three days ago", "a year ago": counted back from publication, at the unit's precision."""
    unit = groups["unit"].lower()
    precision: Precision = unit  # type: ignore[assignment]
    if published is None:
        return None, precision, 0.6
    amount = int(groups["num"]) if groups["num"].isdigit() else NUMBER_WORDS[groups["num"].lower()]
    if precision == "day":
        return _iso(published - dt.timedelta(days=amount)), "day", 0.8
    return _iso(_shift(published, precision, -amount)), precision, 0.7


def _resolve_year(groups: dict[str, str], published: dt.date | None, future: bool) -> Resolved:
    return dt.date(int(groups["year"]), 1, 1).isoformat(), "year", 0.9


def _resolve_iso(groups: dict[str, str], published: dt.date | None, future: bool) -> Resolved:
    return (
        _iso(_safe_date(int(groups["year"]), int(groups["mnum"]), int(groups["day"]))),
        "day",
        1.0,
    )


_RESOLVERS: dict[str, Callable[[dict[str, str], dt.date | None, bool], Resolved]] = {
    "iso": _resolve_iso,
    "month_day": _resolve_day,
    "day_month": _resolve_day,
    "month_year": _resolve_month,
    "month": _resolve_month,
    "weekday": _resolve_weekday,
    "unit": _resolve_unit,
    "in_the_unit": _resolve_unit,
    "the_weekend": _resolve_unit,
    "ordinal_day": _resolve_ordinal_day,
    "deictic": _resolve_deictic,
    "this_part": _resolve_deictic,
    "ago": _resolve_ago,
    "year": _resolve_year,
    "year_start": _resolve_year,
}


@stage("dates", requires=("parsed", "events"), assigns=("dates", "events.date"))
def make_dates(settings: Settings) -> Callable[[Doc], Doc]:
    _warm_fallback()

    def dates(doc: Doc) -> Doc:
        whens = tuple(_article_dates(doc))
        if doc.parsed is None:
            return replace(doc, dates=whens)
        by_sentence: dict[tuple[int, int], list[Event]] = {}
        for e in doc.events:
            by_sentence.setdefault(e.sentence.span, []).append(e)
        events = tuple(
            date_event(
                e, doc.parsed, _in(whens, e.sentence.span), tuple(by_sentence[e.sentence.span])
            )
            for e in doc.events
        )
        return replace(doc, dates=whens, events=events)

    return dates


def _in(whens: tuple[When, ...], span: tuple[int, int]) -> tuple[When, ...]:
    """The dates inside a sentence, found by bisection in the text-ordered dates."""
    lo = bisect_left(whens, span[0], key=lambda w: w.span[0])
    hi = bisect_left(whens, span[1], key=lambda w: w.span[0])
    return whens[lo:hi]


def _article_dates(doc: Doc) -> Iterator[When]:
    """Every point-in-time expression of the article, anchored, in text order."""
    text, published = doc.article.text, doc.article.published
    found = find_dates(text)
    for item in sorted([*found, *_unclaimed_entities(doc.parsed, found)], key=lambda f: f.start):
        future = _is_future(doc.parsed, item) if doc.parsed is not None else False
        if item.kind == "entity":
            resolved = _resolve_entity(item.groups["text"], published)
        else:
            resolved = resolve(item, text, published, future=future)
        if resolved is not None:
            value, precision, confidence = resolved
            span = (item.start, item.end)
            yield When(text[item.start : item.end], span, value, precision, confidence)


def _unclaimed_entities(parsed: Any, found: list[Found]) -> Iterator[Found]:
    """spaCy DATE entities our grammar did not find, trimmed of a leading "on" or "the"."""
    if parsed is None:
        return
    claimed = sorted(found, key=lambda f: f.start)
    starts = [f.start for f in claimed]
    for ent in parsed.ents:
        k = bisect_left(starts, ent.end_char) - 1  # the last expression starting before its end
        if ent.label_ != "DATE" or (k >= 0 and claimed[k].end > ent.start_char):
            continue
        tokens = list(ent)
        while len(tokens) > 1 and tokens[0].lower_ in ("on", "the"):
            tokens = tokens[1:]
        start, end = tokens[0].idx, ent.end_char
        yield Found("entity", start, end, {"text": text_of(parsed)[start:end]})


_DURATION = re.compile(rf"\b{_PERIOD}\b|\d0'?s\b|\b(?:each|every|per|since|for)\b", re.IGNORECASE)
_PRECISIONS = ("day", "week", "month", "year")
MODERN_HISTORY = dt.date(1800, 1, 1)
_HAS_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _warm_fallback() -> None:
    """Load dateparser's English data once, when the stage is built, not on the first article."""
    _parse_with("1 January 2000", {})


def _resolve_entity(text: str, published: dt.date | None) -> Resolved | None:
    """A DATE entity our grammar missed, resolved by dateparser; periods and durations skipped."""
    if _DURATION.search(text) and not re.search(r"\bago\b", text, re.IGNORECASE):
        return None
    if re.fullmatch(r"\W*\d{1,3}\W*", text):  # "Charlie Chen, 48," is an age, not 1948
        return None
    if re.match(r"\d{4}-\d", text):  # ISO-like: our grammar read the valid ones already
        return None
    if published is None and not _HAS_YEAR.search(text):
        return None
    base = dt.datetime.combine(published or dt.date(2000, 1, 1), dt.time())
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    data = _parse_with(text, settings)
    if data is None or data.date_obj is None:
        return None
    precision: Precision = data.period if data.period in _PRECISIONS else "day"
    start = _shift(data.date_obj.date(), precision, 0)
    if not _plausible(start, published):
        return None
    return start.isoformat(), precision, 0.5


def _plausible(day: dt.date, published: dt.date | None) -> bool:
    """News dates fall in modern history and not years ahead: "1133" is a number, not a year."""
    latest = (published or dt.date.today()) + dt.timedelta(days=2 * 366)
    return MODERN_HISTORY <= day <= latest


def _parse_with(text: str, settings: dict[str, Any]) -> Any:
    from dateparser.date import DateDataParser

    try:
        return DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    except (ValueError, OverflowError, TypeError):
        return None


def _is_future(parsed: Any, found: Found) -> bool:
    """Whether the verb the date attaches to is future ("will meet on Monday")."""
    span = parsed.char_span(found.start, found.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = next((t for t in _ancestors(span.root) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    holders = [verb, verb.head] if verb.dep_ in ("xcomp", "acomp") else [verb]
    return any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX
        for h in holders
        for c in h.children
    ) or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _FUTURE_HEADS)


def _ancestors(token: Any) -> Iterator[Any]:
    """The token, then its heads up to the sentence root."""
    yield token
    while token.head.i != token.i:
        token = token.head
        yield token


def date_event(
    event: Event, parsed: Any, whens: tuple[When, ...], events: tuple[Event, ...] = ()
) -> Event:
    """The event with the date its trigger governs, else the nearest of its sentence, else None.

    A date reached from the trigger only through another event's trigger ranks after dates the
    trigger governs directly and with those attached to the trigger's own heads.
    """
    trigger_span = token_span(parsed, event.trigger.span)
    start, end = event.sentence.span
    candidates = [w for w in whens if start <= w.span[0] and w.span[1] <= end]
    if trigger_span is None or not len(trigger_span) or not candidates:
        return replace(event, date=None) if not candidates else replace(event, date=candidates[0])
    trigger = trigger_span.root
    others = {
        t.root.i
        for e in events
        if (t := token_span(parsed, e.trigger.span)) is not None
        and len(t)
        and t.root.i != trigger.i
    }
    best = min(candidates, key=lambda w: _rank(trigger, parsed, w, others))
    return replace(event, date=best)


def _rank(trigger: Any, parsed: Any, when: When, others: set[int]) -> tuple[int, int]:
    """Lower is better: (tier, distance). Tier 0: the trigger governs the date; 1: the date hangs
    off one of the trigger's heads, or is reached through another event; 2: anywhere in the
    sentence, by token distance."""
    root = token_span(parsed, when.span).root
    chain = list(_ancestors(root))
    ids = [t.i for t in chain]
    if trigger.i in ids:
        depth = ids.index(trigger.i)
        return (1 if any(i in others for i in ids[1:depth]) else 0, depth)
    heads = list(_ancestors(trigger))
    for steps, head in enumerate(heads[1:], start=1):
        if head.i in ids:
            return (1, steps + ids.index(head.i))
    return (2, abs(root.i - trigger.i))
