"""Keys to gold with suggestions: every suggestion is visited, a right one taken (hand-made records)."""

from __future__ import annotations

from collections import Counter

from annotator.core.records import CUE, QUOTE, SAID_BY, SPEAKER, Relation, Span, Suggestion, Task
from annotator.measure.keys import KEY_COSTS, keys_to_gold, keys_with_suggestions, suggestion_fixes

TEXT = "Ana said the bridge would open. Ben hopes to win the vote. The rain fell on the town."


def span(text: str, label: str, quote_type: str | None = None, after: int = 0) -> Span:
    start = TEXT.index(text, after)
    return Span(start, start + len(text), 0, 0, label, text=text, quote_type=quote_type)


def said(quote: Span, speaker: Span) -> Relation:
    return Relation(quote, speaker, SAID_BY)


FOUND = span("the bridge would open", QUOTE, "indirect")
MISSED = span("to win the vote", QUOTE, "indirect")
ANA, BEN = span("Ana", SPEAKER), span("Ben", SPEAKER)
GOLD = Task(text=TEXT, spans=[FOUND, MISSED, ANA, BEN], relations=[said(FOUND, ANA), said(MISSED, BEN)])
PRE = Task(text=TEXT, spans=[FOUND, ANA], relations=[said(FOUND, ANA)])
RIGHT = Suggestion(MISSED, span("hopes", CUE), BEN, 0.35, "frame:infinitive")
WRONG = Suggestion(span("the town", QUOTE, "indirect"), span("fell", CUE), span("The rain", SPEAKER), 0.2,
                   "frame:preposition")


def with_suggestions(*suggestions: Suggestion) -> Task:
    return Task(text=TEXT, spans=PRE.spans, relations=PRE.relations, suggestions=list(suggestions))


def test_without_suggestions_the_missed_attribution_is_added_by_hand():
    fixes = keys_to_gold(GOLD, PRE)
    assert fixes["add"] == 1
    assert keys_with_suggestions(fixes, suggestion_fixes(GOLD, PRE)) == KEY_COSTS["add"]


def test_every_suggestion_is_visited_and_a_right_one_taken():
    pred = with_suggestions(RIGHT, WRONG)
    suggested = suggestion_fixes(GOLD, pred)
    assert suggested == Counter({"visit": 2, "take": 1, "n:frame:infinitive": 1, "n:frame:preposition": 1,
                                 "right:frame:infinitive": 1})
    assert keys_to_gold(GOLD, pred) == keys_to_gold(GOLD, PRE)  # suggestions are not annotations
    assert keys_with_suggestions(keys_to_gold(GOLD, pred), suggested) == 2 + 1  # two visits, one take


def test_a_taken_suggestion_with_the_wrong_speaker_is_fixed():
    pred = with_suggestions(Suggestion(MISSED, span("hopes", CUE), None, 0.35, "frame:infinitive"))
    suggested = suggestion_fixes(GOLD, pred)
    assert (suggested["take"], suggested["speaker"]) == (1, 1)
    assert keys_with_suggestions(keys_to_gold(GOLD, pred), suggested) == 1 + 1 + KEY_COSTS["speaker"]


def test_a_wrong_suggestion_costs_only_its_visit():
    pred = with_suggestions(WRONG)
    assert keys_with_suggestions(keys_to_gold(GOLD, pred), suggestion_fixes(GOLD, pred)) == KEY_COSTS["add"] + 1
