"""A direct quote inside a sentence of its own, with no cue, is the words of that sentence's subject,
not of the quote before it in the paragraph (``sentence_subject.find_in_own_sentence``, asked before
``continuation``); our own sentences, parsed by the real model."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "Ada Quill said the levy would stay. Later that night Tom Brack mailed a letter with the heading "
    "\"We will never pay this levy!\"",
    "Ada Quill said the levy would stay. Tom Brack then wore a shirt with the words \"We will not pay!\"",
    "Ada Quill said the levy would stay; Tom Brack later sent out a letter with the line \"This levy will ruin us all.\"",
])
def test_the_subject_of_the_quotes_own_sentence_speaks(rule_quotes_in, text):
    quotes = rule_quotes_in(text)
    assert [(q.type, q.speaker) for q in quotes] == [("indirect", "Ada Quill"), ("direct", "Tom Brack")]


def test_a_quote_opening_its_sentence_still_continues_the_one_before(rule_quotes_in):
    quotes = rule_quotes_in("Ada Quill said the levy would stay. \"It is the only way to keep the hall open.\"")
    assert [(q.type, q.speaker) for q in quotes] == [("indirect", "Ada Quill"), ("direct", "Ada Quill")]
