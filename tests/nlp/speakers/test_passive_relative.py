"""A relative ``who`` is a passive clause's subject as well as an active one's: a cue verb that shares
the subject of ``who was interrupted …`` or ``who were hired … and believe …`` is said by ``who``, as by
the ``who`` of an active clause (``cue_subject.relative_subject``); sentences of our own."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

#: (sentence, the quote, its speaker)
PASSIVE_RELATIVES = (
    ("The treasurer, who was interrupted while explaining the toll, left the hall.", "the toll", "who"),
    ("The porters, who were hired last spring and believe that the rota is unfair, will strike.",
     "the rota is unfair", "who"),
)


@pytest.mark.parametrize(("text", "quote", "speaker"), PASSIVE_RELATIVES)
def test_the_passive_clauses_who_speaks(rule_quotes_in, text, quote, speaker):
    assert {q.text: q.speaker for q in rule_quotes_in(text)}.get(quote) == speaker
