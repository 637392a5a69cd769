"""The pre-labels the component will demote (``Suggester.leaving``) stand in no candidate's way: the
candidates they overlap are proposed (``propose.proposals``' ``leaving``), but not one of the very
same extent, which the demoted suggestion already offers."""

from __future__ import annotations

import pytest

from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.suggest.propose import proposals

pytestmark = pytest.mark.model

# the object of a cue in the perfect in a relative clause on its speaker: a doubtful pre-label
LEVY = "Ortiz, who has backed the new harbour levy on fuel, spoke to the council."


def _before_suggestions(nlp_model, text: str):
    with nlp_model.select_pipes(disable=[SUGGESTIONS]):
        return nlp_model(text)


def test_a_doubtful_prelabel_is_leaving(nlp_model):
    suggester = nlp_model.get_pipe(SUGGESTIONS)
    doc = _before_suggestions(nlp_model, LEVY)
    assert [q.text for q in doc.spans["quotes"]] == ["the new harbour levy on fuel"]
    unsure = suggester.demoter.unsure(doc, suggester.lexicon)
    assert [doc.text[start:end] for start, end in suggester.leaving(doc, unsure)] == ["the new harbour levy on fuel"]


def test_no_prelabel_is_leaving_when_doubt_is_off(nlp_model):
    suggester = nlp_model.get_pipe(SUGGESTIONS)
    doc = _before_suggestions(nlp_model, LEVY)
    suggester.doubt = False
    try:
        assert suggester.leaving(doc, []) == frozenset()
    finally:
        suggester.doubt = True


def test_the_candidates_over_a_leaving_prelabel_are_proposed(nlp_model):
    suggester = nlp_model.get_pipe(SUGGESTIONS)
    doc = _before_suggestions(nlp_model, LEVY)
    quote = doc.spans["quotes"][0]
    sources = suggester.live_sources()
    kept = [p.span.text for p in proposals(doc, suggester.lexicon, sources)]
    assert "fuel" not in kept  # inside the pre-label: left out while it stays
    leaving = frozenset({(quote.start_char, quote.end_char)})
    freed = [p.span.text for p in proposals(doc, suggester.lexicon, sources, leaving)]
    assert "fuel" in freed
    assert quote.text not in freed  # the demoted suggestion offers that extent already
    assert "the council" in kept and "the council" in freed
