"""Hand-built articles and events for the incident tests (no spaCy): one report is one Doc."""

from __future__ import annotations

import datetime as dt
from typing import Any

from newsevents.records import (
    Acled,
    Actor,
    Article,
    Casualties,
    Count,
    Doc,
    Event,
    Place,
    Sentence,
    Trigger,
    When,
)

MAIDUGURI = ("Maiduguri", 11.847, 13.157)
KONDUGA = ("Konduga", 11.653, 13.417)  # about 35 km from Maiduguri
KANO = ("Kano", 12.000, 8.517)  # about 500 km from Maiduguri


def report(
    article_id: str,
    *,
    published: str | None = "2019-03-13",
    events: tuple[dict[str, Any], ...] = ({},),
    text: str | None = None,
    source: str | None = None,
) -> Doc:
    """A Doc of one article with the given events (each a dict of :func:`event` arguments)."""
    body = text or f"Report {article_id}: a bomber killed people at a market."
    article = Article(
        id=article_id,
        text=body,
        title=f"Title of {article_id}",
        published=dt.date.fromisoformat(published) if published else None,
        source=source or f"Outlet {article_id}",
        origin=f"{article_id}.txt",
    )
    built = tuple(event(f"{article_id}-{n}", body, **e) for n, e in enumerate(events))
    return Doc(article=article, events=built)


def event(
    id_: str,
    body: str,
    *,
    type: str = "ASSAULT",
    place: tuple[str, float, float] | None = MAIDUGURI,
    date: str | None = "2019-03-12",
    precision: str = "day",
    date_text: str = "on Tuesday",
    actor: str | None = None,
    recipient: str | None = "NGA",
    killed: int | None = None,
    injured: int | None = None,
    polarity: str = "asserted",
    trigger_at: int = 0,
    count_at: int = 0,
    feature: str = "city",
) -> Event:
    sentence = Sentence(body, (0, len(body)))
    location = None
    if place is not None:
        name, lat, lon = place
        location = Place(
            name,
            (0, len(name)),
            name,
            None,
            lat,
            lon,
            "NGA",
            admin1="Borno",
            feature=feature,
        )
    when = When(date_text, (0, len(date_text)), date, precision, 0.8) if date_text else None  # type: ignore[arg-type]
    return Event(
        id=id_,
        type=type,
        trigger=Trigger("killed", (trigger_at, trigger_at + 6), "kill"),
        sentence=sentence,
        actor=Actor("gunmen", (0, 6), country=actor, sector="REB") if actor else None,
        recipient=Actor("people", (0, 6), country=recipient, sector="CVL"),
        location=location,
        date=when,
        casualties=Casualties(
            killed=Count(killed, f"{killed} people", (count_at, count_at + 6))
            if killed is not None
            else None,
            injured=Count(injured, f"{injured} hurt", (0, 6)) if injured is not None else None,
        ),
        polarity=polarity,  # type: ignore[arg-type]
        confidence=0.8,
        acled=Acled("Violence against civilians", "Attack") if type == "ASSAULT" else None,
    )
