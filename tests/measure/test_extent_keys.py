"""Keys to gold with another extent offered for a pre-labeled quote (``Suggestion.replaces``): taken
when the quote then pairs with a gold attribution no pre-label found (the add, and the delete of a
quote that paired with nothing, are saved); visited only otherwise. Hand-made records."""

from __future__ import annotations

from annotator.core.records import QUOTE, SAID_BY, SPEAKER, Relation, Span, Suggestion, Task
from annotator.measure.keys import (KEY_COSTS, document_keys, keys_to_gold, keys_with_suggestions, perfect_ranking_keys,
                                    suggestion_fixes)

TEXT = "Ana said the bridge would open soon and the tolls would stay low. Ben hopes to win the vote."


def span(text: str, label: str, quote_type: str | None = None) -> Span:
    start = TEXT.index(text)
    return Span(start, start + len(text), 0, 0, label, text=text, quote_type=quote_type)


WHOLE = span("the bridge would open soon and the tolls would stay low", QUOTE, "indirect")
TOLLS = span("the tolls would stay low", QUOTE, "indirect")  # too short: pairs with no gold quote
ANA, BEN = span("Ana", SPEAKER), span("Ben", SPEAKER)
VOTE = span("to win the vote", QUOTE, "indirect")


def gold(speaker: Span = ANA) -> Task:
    return Task(text=TEXT, spans=[WHOLE, speaker, VOTE, BEN] if speaker is ANA else [WHOLE, speaker, VOTE],
                relations=[Relation(WHOLE, speaker, SAID_BY), Relation(VOTE, BEN, SAID_BY)])


def pre(*suggestions: Suggestion, quote: Span = TOLLS) -> Task:
    return Task(text=TEXT, spans=[quote, ANA], relations=[Relation(quote, ANA, SAID_BY)],
                suggestions=list(suggestions))


def extent(words: str, replaces: Span = TOLLS) -> Suggestion:
    return Suggestion(span(words, QUOTE, "indirect"), score=0.3, source="extent:test", replaces=replaces)


def keys(g: Task, p: Task) -> int:
    return keys_with_suggestions(keys_to_gold(g, p), suggestion_fixes(g, p))


def test_a_quote_too_short_costs_a_delete_and_an_add_and_the_right_extent_saves_both():
    assert keys(gold(), pre()) == KEY_COSTS["delete"] + 2 * KEY_COSTS["add"]
    suggested = suggestion_fixes(gold(), pre(extent(WHOLE.text)))
    assert (suggested["replace"], suggested["saved:add"], suggested["saved:delete"]) == (1, 1, 1)
    assert suggested["right:extent:test"] == suggested["n:extent:test"] == 1 and suggested["take"] == 0
    # the other missed quote is still added by hand; the extent costs its visit and its take
    assert keys(gold(), pre(extent(WHOLE.text))) == KEY_COSTS["add"] + 1 + 1


def test_a_wrong_extent_costs_only_its_visit():
    wrong = extent("the tolls would stay low. Ben hopes")
    assert suggestion_fixes(gold(), pre(wrong))["replace"] == 0
    assert keys(gold(), pre(wrong)) == KEY_COSTS["delete"] + 2 * KEY_COSTS["add"] + 1


def test_the_kept_speaker_is_fixed_when_gold_has_another():
    suggested = suggestion_fixes(gold(BEN), pre(extent(WHOLE.text)))
    assert (suggested["replace"], suggested["speaker"]) == (1, 1)
    assert keys(gold(BEN), pre(extent(WHOLE.text))) == KEY_COSTS["add"] + 2 + KEY_COSTS["speaker"]


def test_of_two_extents_for_one_quote_one_is_taken_and_both_visited():
    offered = pre(extent("the tolls would stay low. Ben hopes"), extent(WHOLE.text))
    suggested = suggestion_fixes(gold(), offered)
    assert (suggested["visit"], suggested["replace"]) == (2, 1)
    assert keys(gold(), offered) == KEY_COSTS["add"] + 2 + 1


def test_an_extent_of_a_quote_already_found_is_not_right():
    # the pre-label already pairs with the gold quote: a closer extent saves no add
    almost = span("the bridge would open soon and the tolls", QUOTE, "indirect")
    offered = pre(extent(WHOLE.text, replaces=almost), quote=almost)
    assert suggestion_fixes(gold(), offered)["replace"] == 0
    assert keys(gold(), offered) == keys(gold(), pre(quote=almost)) + 1


def test_an_extent_and_a_quote_of_its_own_never_both_take_one_gold_quote():
    own = Suggestion(span("the bridge would open soon", QUOTE, "indirect"), score=0.3, source="frame:clause")
    suggested = suggestion_fixes(gold(), pre(own, extent(WHOLE.text)))
    assert (suggested["replace"], suggested["take"]) == (1, 0)


def test_document_keys_gives_the_plain_keys_and_the_keys_with_suggestions_of_one_count():
    assert document_keys(gold(), pre()) == (KEY_COSTS["delete"] + 2 * KEY_COSTS["add"],) * 2
    assert document_keys(gold(), pre(extent(WHOLE.text))) == (KEY_COSTS["delete"] + 2 * KEY_COSTS["add"],
                                                              KEY_COSTS["add"] + 1 + 1)


def test_a_perfect_ranking_keeps_the_right_suggestions_as_pre_labels_and_shows_no_wrong_one():
    right, wrong = extent(WHOLE.text), extent("the tolls would stay low. Ben hopes")
    g, p = gold(), pre(right, wrong)
    # shown: both visited, the right one taken; ranked perfectly: the right one is the pre-label, the wrong one gone
    assert keys(g, p) == KEY_COSTS["add"] + 2 + 1
    assert perfect_ranking_keys(keys_to_gold(g, p), suggestion_fixes(g, p)) == KEY_COSTS["add"]
    # with no right suggestion a perfect ranking leaves the pre-labels' own keys
    assert perfect_ranking_keys(keys_to_gold(g, pre(wrong)), suggestion_fixes(g, pre(wrong))) == keys(g, pre())
