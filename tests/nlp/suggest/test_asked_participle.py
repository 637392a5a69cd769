"""``rule:subjectless-clause`` under a participle of asking: the subject it shares was asked, so the
question has no source; sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.suggest.shapes import every_shape

pytestmark = pytest.mark.model


def found(nlp_model, text: str) -> list[tuple[str, str, bool, str | None]]:
    """(content, cue, whether the shape names the speaker, that speaker) of the subjectless clauses."""
    scan = QuoteScan.of(nlp_model(text), nlp_model.get_pipe(SUGGESTIONS).lexicon)
    return [(b.found.span.text, b.found.cue.text, b.own_speaker, b.speaker.text if b.speaker is not None else None)
            for b in every_shape(scan, {"rule:subjectless-clause"})]


@pytest.mark.parametrize("text, question", [
    ("Asked whether the pier would reopen, the harbour master said repairs had begun.", "whether the pier would reopen"),
    ("Asked why the ferry was late, the captain blamed the fog.", "why the ferry was late"),
])
def test_the_question_of_a_participle_of_asking_has_no_source(nlp_model, text, question):
    assert (question, "Asked", True, None) in found(nlp_model, text)


def test_another_participle_keeps_the_subject_it_shares(nlp_model):
    text = "The harbour master left early, adding that the pier would reopen in May."
    assert ("the pier would reopen in May", "adding", True, "The harbour master") in found(nlp_model, text)
