"""Dates stage: date expressions anchored to the publication date, and each event's date."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.records import Article, Doc, Event, Sentence, Trigger
from newsevents.settings import Settings
from newsevents.stages.dates import WEEKDAYS, date_event, find_dates, make_dates, resolve
from newsevents.stages.parse import load_model

PUBLISHED = dt.date(2017, 11, 13)  # a Monday


@pytest.fixture(scope="session")
def nlp() -> Any:
    return load_model(Settings().model)


@pytest.fixture(scope="session")
def dates_stage() -> Any:
    return make_dates(Settings())


def _resolved(text: str, published: dt.date | None = PUBLISHED) -> list[tuple[str, Any]]:
    out = []
    for found in find_dates(text):
        result = resolve(found, text, published)
        if result is not None:
            out.append((text[found.start : found.end], result[:2]))
    return out


@pytest.mark.parametrize(
    ("text", "words", "value", "precision"),
    [
        ("It happened on Monday.", "Monday", "2017-11-13", "day"),
        ("It happened on Sunday.", "Sunday", "2017-11-12", "day"),
        ("It happened last Monday.", "last Monday", "2017-11-06", "day"),
        ("It happened last week.", "last week", "2017-11-06", "week"),
        ("It happened earlier this month.", "earlier this month", "2017-11-01", "month"),
        ("It happened as recently as June.", "June", "2017-06-01", "month"),
        ("It happened in December.", "December", "2016-12-01", "month"),
        ("It happened in May.", "May", "2017-05-01", "month"),
        ("It happened in 2015.", "2015", "2015-01-01", "year"),
        ("It happened on March 3.", "March 3", "2017-03-03", "day"),
        ("It happened on December 3.", "December 3", "2016-12-03", "day"),
        ("It happened on 12 December 2016.", "12 December 2016", "2016-12-12", "day"),
        ("It happened on Friday, Nov. 10.", "Friday, Nov. 10", "2017-11-10", "day"),
        ("It happened on 2016-02-29.", "2016-02-29", "2016-02-29", "day"),
        ("It happened yesterday.", "yesterday", "2017-11-12", "day"),
        ("It happened two days ago.", "two days ago", "2017-11-11", "day"),
        ("It happened a year ago.", "a year ago", "2016-01-01", "year"),
        ("It happened earlier in the year.", "earlier in the year", "2017-01-01", "year"),
        ("It happened in early March 2016.", "early March 2016", "2016-03-01", "month"),
        ("It happened over the weekend.", "the weekend", "2017-11-06", "week"),
        ("It happened at the weekend, police said.", "the weekend", "2017-11-06", "week"),
        ("It happened on the 12th.", "the 12th", "2017-11-12", "day"),
        ("It happened on the 20th, police said.", "the 20th", "2017-10-20", "day"),
        ("It happened on the 31st.", "the 31st", "2017-10-31", "day"),
    ],
)
def test_dates_resolve(text: str, words: str, value: str, precision: str) -> None:
    assert _resolved(text) == [(words, (value, precision))]


@pytest.mark.parametrize(
    "text",
    [
        "Over the past year, it grew.",
        "Some 1,000 people defect each year.",
        "It took three years.",
        "He walked 50 meters south.",
        "In recent years, it grew.",
        "It grew over the past three years.",
        "It was common in the 1990s.",
        "You may go now.",
        "Protesters march on the capital.",
        "A fire broke out on the 12th floor.",
        "He finished on the 3rd lap.",
        "They marched on the 5th consecutive day.",
    ],
)
def test_dates_skip_periods_durations_and_non_dates(text: str) -> None:
    assert _resolved(text) == []


def test_dates_weekend_on_a_saturday_is_this_weekend() -> None:
    saturday = dt.date(2017, 11, 18)
    assert _resolved("It happened over the weekend.", saturday) == [
        ("the weekend", ("2017-11-13", "week"))
    ]


def test_dates_dateless_article_keeps_day_of_month_unanchored() -> None:
    text = "Gunmen attacked the town on the 12th and again over the weekend."
    assert _resolved(text, published=None) == [
        ("the 12th", (None, "day")),
        ("the weekend", (None, "week")),
    ]


def test_dates_dateless_article_keeps_relative_unanchored() -> None:
    text = "It happened on Monday, not in 2015."
    assert _resolved(text, published=None) == [
        ("Monday", (None, "day")),
        ("2015", ("2015-01-01", "year")),
    ]


def test_dates_future_verb_looks_forward(nlp: Any, dates_stage: Any) -> None:
    text = "Talks will resume on Friday."
    doc = dates_stage(Doc(Article("a", text, published=PUBLISHED), parsed=nlp(text)))
    assert [(w.text, w.value) for w in doc.dates] == [("Friday", "2017-11-17")]


def _event(text: str, trigger: str) -> Event:
    start = text.index(trigger)
    sentence = Sentence(text, (0, len(text)))
    return Event("e", "ASSAULT", Trigger(trigger, (start, start + len(trigger))), sentence)


def test_dates_event_takes_the_date_its_trigger_governs(nlp: Any, dates_stage: Any) -> None:
    text = "Police said on Tuesday that gunmen attacked the village on Sunday."
    events = (_event(text, "attacked"), _event(text, "said"))
    doc = Doc(Article("a", text, published=PUBLISHED), parsed=nlp(text), events=events)
    out = dates_stage(doc).events
    assert out[0].date is not None and out[0].date.text == "Sunday"
    assert out[1].date is not None and out[1].date.text == "Tuesday"


def test_dates_event_without_date_in_sentence_is_none(nlp: Any, dates_stage: Any) -> None:
    text = "Gunmen attacked the village. It happened on Sunday."
    event = _event(text, "attacked")
    event = Event("e", "ASSAULT", event.trigger, Sentence("Gunmen attacked the village.", (0, 28)))
    doc = Doc(Article("a", text, published=PUBLISHED), parsed=nlp(text), events=(event,))
    out = dates_stage(doc)
    assert [w.text for w in out.dates] == ["Sunday"]
    assert out.events[0].date is None


def test_dates_spacy_entity_fallback_resolved(nlp: Any, dates_stage: Any) -> None:
    text = "The treaty was signed on Christmas Day 2016 in Paris."
    doc = dates_stage(Doc(Article("a", text, published=PUBLISHED), parsed=nlp(text)))
    assert all(w.value is None or dt.date.fromisoformat(w.value).year == 2016 for w in doc.dates)


def test_dates_seed_event_is_published_monday(nlp: Any, dates_stage: Any) -> None:
    text = (
        "A North Korean soldier was shot and wounded by his own troops as he defected across "
        "the demilitarized zone into South Korea on Monday."
    )
    doc = Doc(
        Article("a", text, published=PUBLISHED), parsed=nlp(text), events=(_event(text, "shot"),)
    )
    date = date_event(doc.events[0], doc.parsed, dates_stage(doc).dates)
    assert date.date is not None
    assert (date.date.text, date.date.value, date.date.precision) == ("Monday", "2017-11-13", "day")


@given(
    published=st.dates(min_value=dt.date(1900, 1, 8), max_value=dt.date(2099, 12, 24)),
    weekday=st.sampled_from(WEEKDAYS),
    prefix=st.sampled_from(["on ", "", "last ", "late "]),
)
def test_dates_weekday_within_six_days_before(
    published: dt.date, weekday: str, prefix: str
) -> None:
    text = f"It happened {prefix}{weekday.title()}."
    [(_words, (value, precision))] = _resolved(text, published)
    day = dt.date.fromisoformat(value)
    assert precision == "day" and day.strftime("%A").lower() == weekday
    limit = 7 if prefix == "last " else 6
    assert published - dt.timedelta(days=limit) <= day <= published


@given(
    published=st.dates(min_value=dt.date(1900, 1, 8), max_value=dt.date(2099, 12, 24)),
    phrase=st.sampled_from(
        [
            "last week",
            "this month",
            "next year",
            "yesterday",
            "in June",
            "on May 31",
            "on February 29",
            "three weeks ago",
            "last weekend",
            "in 1999",
        ]
    ),
)
def test_dates_value_is_iso_and_aligned(published: dt.date, phrase: str) -> None:
    for _words, (value, precision) in _resolved(f"It happened {phrase}.", published):
        if value is None:  # February 29 of a year that has none is left unanchored
            assert phrase == "on February 29"
            continue
        day = dt.date.fromisoformat(value)
        assert precision != "week" or day.weekday() == 0
        assert precision not in ("month", "year") or day.day == 1
        assert precision != "year" or day.month == 1


def test_dates_numbers_far_from_modern_history_are_not_years() -> None:
    from newsevents.stages.dates import _plausible

    assert not _plausible(dt.date(1133, 1, 1), dt.date(2018, 1, 15))
    assert not _plausible(dt.date(2031, 1, 1), dt.date(2018, 1, 15))
    assert _plausible(dt.date(1956, 1, 1), dt.date(2018, 1, 15))


def test_dates_age_after_a_name_is_not_a_year(nlp: Any) -> None:
    text = "Charlie Chen, 48, was arrested in Boston on Monday."
    parsed = nlp(text)
    doc = Doc(Article("a", text, published=dt.date(2018, 1, 15)), parsed=parsed)
    values = [w.value for w in make_dates(Settings())(doc).dates]
    assert "1948-01-01" not in values
    assert "2018-01-15" in values


def test_dates_impossible_iso_date_is_not_guessed(nlp: Any) -> None:
    text = "On 2020-13-45 police arrested 3 men."
    doc = Doc(Article("a", text, published=dt.date(2020, 3, 1)), parsed=nlp(text))
    assert [w.value for w in make_dates(Settings())(doc).dates if w.value] == []
