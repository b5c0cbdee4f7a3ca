"""The merged record of one incident: best values, conservative figures, every source's say.

Each field keeps the value every report gave (``Incident.fields``) and a flag where they differ.
The headline values are chosen so that ingestion order never matters: the actor most reports name,
the most precise place and date (then the most reported, then the earliest), the ACLED type most
events have (then the earliest reported), and for casualties the lowest figure any source states,
as ACLED codes them ("dozens" is 12, "hundreds" 100).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from newsevents.records import (
    Acled,
    Actor,
    Article,
    Casualties,
    Count,
    Event,
    FieldReports,
    Incident,
    Place,
    Reported,
    When,
)

__all__ = ["KINDS", "Member", "build_incident", "period_end"]

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
KINDS = ("killed", "injured", "arrested")


Member = tuple[Event, Article]


def build_incident(
    id_: str, members: Sequence[Member], pairs: Iterable[tuple[str, str]] = ()
) -> Incident:
    """The merged record of one incident from its events, with near-duplicate article pairs."""
    members = sorted(members, key=lambda m: m[0].id)
    events = [e for e, _ in members]
    published = [a.published for _, a in members if a.published]
    date = _best_date([e.date for e in events])
    copies = _copies([a for _, a in members], pairs)
    return Incident(
        id=id_,
        type=events[0].type,
        acled=_most_common_acled(members),
        actor=_majority([e.actor for e in events], _actor_value),
        recipient=_majority([e.recipient for e in events], _actor_value),
        location=_best_place([e.location for e in events]),
        date=date,
        casualties=Casualties(**{k: _lowest(members, k) for k in KINDS}),
        first_reported=min(published) if published else None,
        articles=tuple(sorted({a.id for _, a in members})),
        copies=copies,
        events=tuple(e.id for e in events),
        sources=_sources([a for _, a in members], {c for c, _ in copies}),
        summary=next((e for e in events if e.date == date), events[0]).sentence.text,
        fields=_fields(members),
    )


def _most_common_acled(members: Sequence[Member]) -> Acled | None:
    """The ACLED type most of the events have; a tie goes to the earliest report (by publication
    date, undated last, then event id), so the answer does not depend on ingestion order."""
    reports = sorted(
        (a.published or dt.date.max, e.id, e.acled) for e, a in members if e.acled is not None
    )
    counts = Counter(acled for _, _, acled in reports)
    return max(counts, key=counts.__getitem__, default=None)  # the first of equals: the earliest


def _sources(articles: list[Article], copies: set[str]) -> tuple[str, ...]:
    names = {a.source or a.title or a.id for a in articles if a.id not in copies}
    return tuple(sorted(names))


def _actor_value(actor: Actor) -> str:
    """How sources are compared on an actor: its name, else its country and sector."""
    coded = " ".join(x for x in (actor.country, actor.sector) if x)
    return actor.name or coded or actor.text.lower()


def _majority(actors: list[Actor | None], value: Callable[[Actor], str]) -> Actor | None:
    stated = [a for a in actors if a is not None]
    if not stated:
        return None
    counts = Counter(value(a) for a in stated)
    best = min(counts, key=lambda v: (-counts[v], v))
    named = [a for a in stated if value(a) == best]
    return max(named, key=lambda a: a.confidence)


def _best_place(places: list[Place | None]) -> Place | None:
    """The most precise place (ACLED geo_precision), then the one most sources give."""
    stated = [p for p in places if p is not None]
    counts = Counter(p.name for p in stated)
    return min(stated, key=lambda p: (p.precision, -counts[p.name], p.name), default=None)


def _best_date(dates: list[When | None]) -> When | None:
    """The most precise date, then the one most sources give, then the earliest."""
    stated = [d for d in dates if d is not None and d.value]
    counts = Counter(d.value for d in stated)
    return min(
        stated,
        key=lambda d: (_PRECISION_RANK[d.precision], -counts[d.value], d.value),
        default=None,
    )


def _lowest(members: Sequence[Member], kind: str) -> Count | None:
    """ACLED's conservative figure: the lowest figure any source states ("dozens" is 12).

    Within one article the largest figure is its figure (a lead's "12 killed" and a later "two
    of the dead" are one count); events of one trigger split by recipient ("40 rebels and 12
    soldiers") add up first.
    """
    by_article: dict[str, list[Event]] = {}
    for e, a in members:
        by_article.setdefault(a.id, []).append(e)
    figures = [f for events in by_article.values() if (f := _article_figure(events, kind))]
    return min(figures, key=lambda c: c.value, default=None)


def _article_figure(events: list[Event], kind: str) -> Count | None:
    acts: dict[tuple[int, int], dict[tuple[int, int], Count]] = {}
    for e in events:
        if (c := getattr(e.casualties, kind)) is not None:
            acts.setdefault(e.trigger.span, {})[c.span] = c
    totals = [_total(list(counts.values())) for counts in acts.values()]
    return max(totals, key=lambda c: c.value, default=None)


def _total(counts: list[Count]) -> Count:
    if len(counts) == 1:
        return counts[0]
    counts = sorted(counts, key=lambda c: c.span)
    text = " + ".join(c.text for c in counts)
    return Count(sum(c.value for c in counts), text, (counts[0].span[0], counts[-1].span[1]))


def _copies(
    articles: list[Article], pairs: Iterable[tuple[str, str]]
) -> tuple[tuple[str, str], ...]:
    """(copy, original) for each article that near-duplicates another source of the incident.

    The original of a group of near-duplicates is its earliest published article (then the
    smallest id), so the answer does not depend on which copy was ingested first.
    """
    by_id = {a.id: a for a in articles}
    parent = {a: a for a in by_id}

    def root(a: str) -> str:
        while parent[a] != a:
            a = parent[a]
        return a

    for a, b in pairs:
        if a in by_id and b in by_id:
            parent[root(a)] = root(b)
    groups: dict[str, list[Article]] = {}
    for a in sorted(by_id):
        groups.setdefault(root(a), []).append(by_id[a])
    out = []
    for group in groups.values():
        original = min(group, key=lambda a: (a.published or dt.date.max, a.id))
        out += [(a.id, original.id) for a in group if a.id != original.id]
    return tuple(sorted(out))


def _fields(members: Sequence[Member]) -> dict[str, FieldReports]:
    readers: dict[str, Callable[[Event], tuple[str | int | None, str, tuple[int, int] | None]]] = {
        "actor": lambda e: _actor_report(e.actor),
        "recipient": lambda e: _actor_report(e.recipient),
        "location": lambda e: (
            (e.location.name, e.location.text, e.location.span) if e.location else (None, "", None)
        ),
        "date": lambda e: (e.date.value, e.date.text, e.date.span) if e.date else (None, "", None),
        **{kind: _count_reader(kind) for kind in KINDS},
    }
    out = {}
    events = [e for e, _ in members]
    for name, read in readers.items():
        values = tuple(Reported(a.id, e.id, *read(e)) for e, a in members)
        out[name] = FieldReports(values, _disagree(name, events, values))
    return out


def _disagree(name: str, events: list[Event], values: tuple[Reported, ...]) -> bool:
    """Actors disagree when they name different countries (sources word them differently
    anyway); dates when their periods do not overlap ("earlier this month" holds "Tuesday");
    places and figures when their values differ."""
    if name in ("actor", "recipient"):
        actors = [getattr(e, name) for e in events]
        return len({a.country for a in actors if a is not None and a.country}) > 1
    if name == "date":
        periods = [_period(e.date) for e in events if e.date is not None and e.date.value]
        return any(a[0] > b[1] or b[0] > a[1] for a in periods for b in periods)
    return len({r.value for r in values if r.value is not None}) > 1


def _period(date: When) -> tuple[dt.date, dt.date]:
    start = dt.date.fromisoformat((date.value or "")[:10])
    if date.precision == "year":
        return start, dt.date(start.year, 12, 31)
    return start, period_end(start, date.precision)


def period_end(start: dt.date, precision: str) -> dt.date:
    """The last day of the week or month that opens on ``start``; the calendar's last day at
    most (a date in December 9999 has no following month)."""
    if precision == "week":
        return min(start, dt.date.max - dt.timedelta(days=6)) + dt.timedelta(days=6)
    if precision == "month":
        if (start.year, start.month) == (dt.date.max.year, 12):
            return dt.date.max
        following = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return start


def _actor_report(actor: Actor | None) -> tuple[str | None, str, tuple[int, int] | None]:
    return (_actor_value(actor), actor.text, actor.span) if actor else (None, "", None)


def _count_reader(kind: str) -> Callable[[Event], tuple[int | None, str, tuple[int, int] | None]]:
    def read(e: Event) -> tuple[int | None, str, tuple[int, int] | None]:
        c: Count | None = getattr(e.casualties, kind)
        return (c.value, c.text, c.span) if c else (None, "", None)

    return read
