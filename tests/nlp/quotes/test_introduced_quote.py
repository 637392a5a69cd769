"""A report read back from a cue after it that ends on quoted words a colon introduces is those
words alone (our own sentences)."""

import pytest


@pytest.mark.parametrize("text, quote, kind", [
    ('After the vote, Lee turned to the crowd: "We will win this race," she said.',
     "We will win this race", "direct"),
    ('The levy is "a fair deal for the city," Lee said.', 'The levy is "a fair deal for the city,"', "mixed"),
])
def test_quoted_words_after_a_colon_are_the_quote(rule_quotes_in, text, quote, kind):
    assert [(q.text, q.type, q.speaker) for q in rule_quotes_in(text)] == [(quote, kind, "she" if kind == "direct" else "Lee")]
