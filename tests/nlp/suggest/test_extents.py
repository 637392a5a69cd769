"""Another extent for a pre-labeled quote, read off the parse and the text (our own sentences): the
kinds, what they never do, and what the component offers."""

from __future__ import annotations

import pytest

from annotator.nlp.convert import doc_to_task, suggestions_in
from annotator.nlp.lexicon import Lexicon
from annotator.nlp.suggest.extents import (
    AFTER_COMMA, CLAUSE, EXTENT_MIN_SCORE, EXTENT_SCORES, EXTENT_SOURCES, PARAGRAPH, SENTENCE_END, SENTENCE_END_COMMA,
    chosen_extents, extents,
)
from annotator.nlp.suggest.scores import MIN_SCORE

pytestmark = pytest.mark.model

COACH = "The coach said the team played well in the first half of the match, but the referee disagreed with him."
MINISTER = "The minister said the plan would fail if the costs kept rising through the winter."
RENTS = ("Ms. Ortega warned that rents would rise. Landlords would pass on the new tax. Tenants would pay more. "
         "\"It is unfair,\" a tenant said.\nThe city has not replied.")
DIRECT = "\"We will win the cup this year,\" the captain said before the match in the rain."


def with_quote(nlp_model, text: str, words: str):
    """The text parsed, its pre-labeled quote cut to ``words`` (as a rule that stopped early would)."""
    doc = nlp_model(text)
    start = text.index(words)
    quote = doc.char_span(start, start + len(words))
    old = next(q for q in doc.spans["quotes"] if q.start <= quote.start < q.end)
    quote._.quote_type = old._.quote_type
    doc.spans["quotes"] = [quote if q == old else q for q in doc.spans["quotes"]]
    return doc, quote


def offered(doc, sources=EXTENT_SOURCES) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for extent in extents(doc, Lexicon(), set(sources)):
        out.setdefault(extent.source, []).append(extent.span.text)
    return out


def test_a_quote_stopped_before_a_word_of_its_sentence_is_offered_the_sentence_end(nlp_model):
    doc, _ = with_quote(nlp_model, MINISTER, "the plan would fail")
    kinds = offered(doc)
    assert kinds[SENTENCE_END] == ["the plan would fail if the costs kept rising through the winter"]
    assert SENTENCE_END_COMMA not in kinds and PARAGRAPH not in kinds  # the text ends there


def test_a_quote_stopped_at_a_comma_is_offered_the_sentence_end_as_its_own_kind(nlp_model):
    doc = nlp_model(COACH)
    assert [q.text for q in doc.spans["quotes"]] == ["the team played well in the first half of the match"]
    assert offered(doc)[SENTENCE_END_COMMA] == [
        "the team played well in the first half of the match, but the referee disagreed with him"]
    (suggestion,) = suggestions_in(doc)  # the component offers it: its score is above the threshold
    assert suggestion.source == SENTENCE_END_COMMA and suggestion.score == EXTENT_SCORES[SENTENCE_END_COMMA][2]
    assert (suggestion.replaces_start, suggestion.replaces_end) == (COACH.index("the team"), COACH.index(", but"))
    task = doc_to_task(doc)
    (record,) = task.suggestions
    assert record.replaces in task.spans and record.cue is None and record.speaker is None
    assert record.quote.quote_type == record.replaces.quote_type == "indirect"


def test_the_paragraph_runs_on_until_a_quote_mark_or_the_line_ends(nlp_model):
    doc, _ = with_quote(nlp_model, RENTS, "rents would rise")
    assert offered(doc)[PARAGRAPH] == [
        "rents would rise. Landlords would pass on the new tax. Tenants would pay more"]


def test_a_long_quote_is_offered_its_first_clause_and_its_last(nlp_model):
    doc, _ = with_quote(nlp_model, COACH, "the team played well in the first half of the match, but the referee "
                                          "disagreed with him")
    kinds = offered(doc)
    assert kinds[CLAUSE] == ["the team played well in the first half of the match"]
    assert kinds[AFTER_COMMA] == ["the referee disagreed with him"]  # after the last break (", but")


def test_a_direct_quote_gets_no_other_extent(nlp_model):
    doc = nlp_model(DIRECT)
    assert [q._.quote_type for q in doc.spans["quotes"]] == ["direct"]
    assert offered(doc) == {} and suggestions_in(doc) == []


def test_no_extent_holds_the_cue_or_reaches_another_quote(nlp_model):
    text = MINISTER + " " + COACH
    doc, _ = with_quote(nlp_model, text, "the plan would fail")
    quotes = [(q.start_char, q.end_char) for q in doc.spans["quotes"]]
    for extent in extents(doc, Lexicon(), set(EXTENT_SOURCES)):
        span = extent.span
        assert not any(span.start_char < e and s < span.end_char for s, e in quotes
                       if (s, e) != (extent.quote.start_char, extent.quote.end_char))
        assert "said" not in [t.text for t in span]


def test_below_break_even_nothing_is_shown_and_one_extent_per_quote_at_most(nlp_model):
    doc, _ = with_quote(nlp_model, COACH, "the team played well in the first half of the match, but the referee "
                                          "disagreed with him")
    # the first clause and the rest are right 5-9% of the time: below 0.10, never shown
    assert chosen_extents(doc, Lexicon(), set(EXTENT_SOURCES), EXTENT_MIN_SCORE, []) == []
    every = chosen_extents(doc, Lexicon(), set(EXTENT_SOURCES), 0.0, [])
    assert len(every) == 1 and every[0][0].source == CLAUSE  # of two for one quote, the better scored
    assert EXTENT_MIN_SCORE * MIN_SCORE / MIN_SCORE == pytest.approx(0.10)


def test_the_sources_config_names_the_extent_kinds(nlp_model):
    import spacy

    from annotator.nlp.pipeline import SUGGESTIONS
    from annotator.nlp.suggest import DEFAULT_SOURCES, Suggester

    lexicon = nlp_model.get_pipe(SUGGESTIONS).lexicon
    assert suggestions_in(Suggester(lexicon=lexicon, sources=DEFAULT_SOURCES)(nlp_model(COACH))) == []
    (only,) = suggestions_in(Suggester(lexicon=lexicon, sources=[SENTENCE_END_COMMA])(nlp_model(COACH)))
    assert only.source == SENTENCE_END_COMMA
    blank = spacy.blank("en")
    blank.add_pipe("annotator_quotes")
    assert blank.add_pipe(SUGGESTIONS, config={"sources": [SENTENCE_END]}).sources == {SENTENCE_END}
    with pytest.raises(ValueError, match="unknown extent:nowhere"):
        blank.add_pipe(SUGGESTIONS, name="other", config={"sources": ["extent:nowhere"]})
