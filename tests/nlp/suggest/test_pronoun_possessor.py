"""``rule:noun-preposition`` with a possessive pronoun for a person or a group (his, her, their) as
the noun's possessor: the pronoun is the speaker; a thing's (its) or the writer's and the reader's
(my, our, your) give nothing. Sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.suggest.broad import broad_candidates

pytestmark = pytest.mark.model

SOURCE = "rule:noun-preposition"


def found(nlp_model, text: str) -> list[tuple[str, str, str | None]]:
    """(content, cue, speaker) of the ``rule:noun-preposition`` candidates in ``text``."""
    doc = nlp_model(text)
    scan = QuoteScan.of(doc, nlp_model.get_pipe(SUGGESTIONS).lexicon)
    return [(b.found.span.text, b.found.cue.text, b.speaker.text if b.speaker is not None else None)
            for b in broad_candidates(scan, {SOURCE})]


@pytest.mark.parametrize("text, expected", [
    ("Her comments on the merger drew wide attention.", ("the merger", "comments on", "Her")),
    ("His worries over the cost were plain.", ("the cost", "worries over", "His")),
    ("Their remarks about the strike angered the owners.", ("the strike", "remarks about", "Their")),
])
def test_a_person_pronoun_possessor_is_the_speaker(nlp_model, text, expected):
    assert found(nlp_model, text) == [expected]


@pytest.mark.parametrize("text", [
    "Its effect on the harbour was severe.",
    "Our views on the budget are clear.",
    "Your doubts about the plan are fair.",
    "My feelings about the vote are mixed.",
])
def test_a_things_or_the_writers_possessive_gives_nothing(nlp_model, text):
    assert found(nlp_model, text) == []
