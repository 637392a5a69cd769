"""``lexicon.title_case``: the one reading of "these quoted words are a title" that the direct-quote
rule and the governing-verb speaker rule share (our own words)."""

import pytest
import spacy

from annotator.nlp.lexicon import TITLE_MAX_WORDS, title_case

_NLP = spacy.blank("en")


@pytest.mark.parametrize("words", [
    "Harbor Lights Reopens Pier",
    "NO NEW TAXES",
    "Tea with the Mayor",
    "Rivers Of Home",
    "Lighthouse",  # one word, capitalized: a name
])
def test_words_written_as_a_title(words):
    assert title_case(_NLP(words))


@pytest.mark.parametrize("words", [
    "we will win the vote",
    "Tea with our Mayor",  # ``our`` is no title's small word
    " ".join(["Word"] * (TITLE_MAX_WORDS + 1)),  # too long for a title
    "2016",  # no word at all
])
def test_words_not_written_as_a_title(words):
    assert not title_case(_NLP(words))
