"""Quotes stage: direct quotations, their spans, and who said them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.records import Doc, Quote
from newsevents.settings import Settings
from newsevents.stages.quotes import find_quotes, make_quotes

Run = Callable[[str], list[Quote]]


@pytest.fixture(scope="module")
def run(make_doc: Callable[..., Doc]) -> Run:
    quotes = make_quotes(Settings())
    return lambda text: list(quotes(make_doc(text)).quotes)


def _check_span(text: str, quote: Quote) -> None:
    assert text[quote.span[0] : quote.span[1]] == quote.text


def test_quotes_curly_quote_speaker_after(run: Run) -> None:
    text = "“We will not tolerate any further provocations from the north,” Seoul said on Monday."
    (quote,) = run(text)
    assert quote.text == "We will not tolerate any further provocations from the north"
    _check_span(text, quote)
    assert quote.speaker is not None
    assert quote.speaker.text == "Seoul"
    assert (quote.speaker.country, quote.speaker.sector) == ("KOR", "GOV")


def test_quotes_straight_quote_speaker_after(run: Run) -> None:
    text = '"The situation on the ground remains extremely dangerous," a U.N. spokesman said.'
    (quote,) = run(text)
    _check_span(text, quote)
    assert quote.text.startswith("The situation on the ground")
    assert quote.speaker is not None
    assert quote.speaker.text == "a U.N. spokesman"
    assert (quote.speaker.country, quote.speaker.name) == ("IGO", "United Nations")


def test_quotes_speaker_before_colon(run: Run) -> None:
    text = "The Israeli defence minister said: “Our forces are ready to respond to any attack.”"
    (quote,) = run(text)
    _check_span(text, quote)
    assert quote.text == "Our forces are ready to respond to any attack."
    assert quote.speaker is not None
    assert quote.speaker.text == "The Israeli defence minister"
    assert (quote.speaker.country, quote.speaker.sector) == ("ISR", "GOV")


def test_quotes_pronoun_speaker_resolved_to_earlier_person(run: Run) -> None:
    text = (
        "President Emmanuel Macron arrived in Berlin on Monday. "
        "“Europe must stand together on this question,” he told reporters."
    )
    (quote,) = run(text)
    assert quote.speaker is not None
    assert quote.speaker.text == "he"
    assert quote.speaker.country == "FRA"


@pytest.mark.parametrize(
    "text",
    [
        "“No comment,” the spokesman said.",
        "“We are ready,” he said.",
        'The army called it a "limited operation" on Friday.',
    ],
)
def test_quotes_short_quotes_ignored(run: Run, text: str) -> None:
    assert run(text) == []


def test_quotes_several_in_text_order(run: Run) -> None:
    text = (
        "“The talks were constructive and frank,” the envoy said. "
        'Rebels disagreed. "Nothing has changed on the ground for us," a commander said.'
    )
    found = run(text)
    assert [q.text[:9] for q in found] == ["The talks", "Nothing h"]
    assert [q.speaker.text if q.speaker else None for q in found] == ["the envoy", "a commander"]
    for q in found:
        _check_span(text, q)


def test_quotes_without_reporting_verb_has_no_speaker(run: Run) -> None:
    text = "The banner read “Down with the old regime now.” Crowds gathered."
    (quote,) = run(text)
    assert quote.speaker is None


def test_quotes_find_quotes_leaves_speaker_unresolved(make_doc: Callable[..., Doc]) -> None:
    doc = make_doc("“We will respond firmly to any provocation,” Seoul said.")
    (quote,) = find_quotes(doc.parsed)
    assert quote.speaker is not None
    assert quote.speaker.text == "Seoul"
    assert quote.speaker.country is None


def test_quotes_mid_sentence_quote_takes_earlier_reporting_verb(run: Run) -> None:
    text = (
        "The ministry said that the attack was “a grave violation of the ceasefire agreement” "
        "and vowed to respond."
    )
    (quote,) = run(text)
    assert quote.speaker is not None
    assert quote.speaker.text == "The ministry"
