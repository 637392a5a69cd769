"""Quoted words without a cue, every one capitalized, are a headline, a name or a slogan, not a direct
quote; with a cue, or in a sentence's case, they stay quotes (our own sentences)."""

import pytest


@pytest.mark.parametrize("text", [
    '"Harbor Lights Reopens Pier" ran on the front page on Monday.',
    'Protesters marched past the hall.\n\n"NO NEW TAXES ON FARMS"\n\nThe council met at noon.',
    '"The Long Road Home" star Ana Ruiz visited the school.',
    'The paper ran the story on Monday.\n\n"Harbor Lights Pier Reopens After Eight Years Of Repairs"\n\nThe pier opened at noon.',
])
def test_capitalized_words_without_a_cue_are_no_quote(rule_quotes_in, text):
    assert [q for q in rule_quotes_in(text) if q.type == "direct"] == []


@pytest.mark.parametrize("text, quote", [
    ('"We Will Not Back Down," the mayor said.', "We Will Not Back Down"),
    ('The mayor spoke to the crowd.\n\n"We will not back down on this tax."\n\nThe council met at noon.',
     "We will not back down on this tax"),
])
def test_a_cue_or_a_sentence_case_keeps_the_quote(rule_quotes_in, text, quote):
    assert [q.text for q in rule_quotes_in(text) if q.type == "direct"] == [quote]
