"""A suggestion with a cue and no speaker, scored at least ``promote_sourceless_min_score``, becomes a
pre-label without a source (PolNeAR's ``Attribution-no-source``): its quote and cue, no ``SAID_BY``
(our own sentences)."""

from __future__ import annotations

import pytest
import spacy

from annotator.core.invariants import task_problems
from annotator.core.records import CUE_REL, QUOTE, SAID_BY
from annotator.nlp.convert import doc_to_task, suggestions_in
from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.suggest import Suggester
from annotator.nlp.suggest.scorer import SuggestionScorer

pytestmark = pytest.mark.model

#: A raising passive with no agent: two pieces (``rule:raised-subject``, ``rule:raised-complement``).
EXPECTED = "The new ferry terminal is expected to open before the autumn regatta."
#: A commitment with an infinitive and a speaker (a ``frame:infinitive`` candidate).
PLAN = "Councillor Imani Boateng tries to widen the ferry lanes before the summer festival."
RAISED = ("rule:raised-subject", "rule:raised-complement")


def suggester(nlp_model, bias: float, sources=RAISED, sure: float = -4.0, **kwargs) -> Suggester:
    """Every proposal of ``sources`` shown with the score of ``bias``; right with its speaker at ``sure``."""
    scorer = SuggestionScorer({"bias": bias}, frozenset(sources), {"bias": sure})
    return Suggester(lexicon=nlp_model.get_pipe(SUGGESTIONS).lexicon, scorer=scorer, scorer_min_score=0.2,
                     promote_min_score=0.9, **kwargs)


def run(nlp_model, text: str, every: Suggester):
    with nlp_model.select_pipes(disable=[SUGGESTIONS]):  # the shipped scorer would promote them first
        doc = nlp_model(text)
    doc = every(doc)
    return doc, [text[s.quote_start:s.quote_end] for s in suggestions_in(doc)]


def test_a_sure_sourceless_suggestion_becomes_a_pre_label_with_its_cue_and_no_speaker(nlp_model):
    doc, shown = run(nlp_model, EXPECTED, suggester(nlp_model, bias=1.0))  # score 0.73
    assert shown == []
    task = doc_to_task(doc)
    assert task_problems(task) == []
    quotes = sorted(s.text for s in task.spans if s.label == QUOTE)
    assert quotes == ["The new ferry terminal", "to open before the autumn regatta"]
    for quote in (s for s in task.spans if s.label == QUOTE):
        linked = {(r.label, task.span_text(r.child_span)) for r in task.relations if r.head_span == quote}
        assert linked == {(CUE_REL, "expected")}
    assert not [r for r in task.relations if r.label == SAID_BY]


def test_under_the_threshold_it_stays_a_suggestion(nlp_model):
    doc, shown = run(nlp_model, EXPECTED, suggester(nlp_model, bias=-0.5))  # score 0.38
    assert sorted(shown) == ["The new ferry terminal", "to open before the autumn regatta"]
    assert not [q for q in doc.spans["quotes"]]


def test_switched_off_it_stays_a_suggestion(nlp_model):
    for off in ({"promote": False}, {"promote_sourceless_min_score": None}):
        doc, shown = run(nlp_model, EXPECTED, suggester(nlp_model, bias=1.0, **off))
        assert len(shown) == 2 and not [q for q in doc.spans["quotes"]]


def test_a_suggestion_with_a_speaker_is_promoted_only_by_the_speaker_model(nlp_model):
    """A sure show score is not enough for one with a speaker: it must be right with its speaker."""
    doc, shown = run(nlp_model, PLAN, suggester(nlp_model, bias=4.0, sources=("frame:infinitive",)))
    assert shown == ["to widen the ferry lanes before the summer festival"]
    assert not any(q.text.startswith("to widen") for q in doc.spans["quotes"])


def test_the_component_config_sets_the_threshold():
    nlp = spacy.blank("en")
    nlp.add_pipe("annotator_quotes")
    assert nlp.add_pipe(SUGGESTIONS).promote_sourceless_min_score == 0.5
    pipe = nlp.add_pipe(SUGGESTIONS, name="never", config={"promote_sourceless_min_score": None})
    assert pipe.promote_sourceless_min_score is None


#: A report noun with no holder and ``about`` its topic (``rule:bare-noun-preposition``), and the same
#: noun with ``over``.
TOPIC = "Concerns about the new ferry toll have grown since the spring."
OVER = "Concerns over the new ferry toll have grown since the spring."
NOUN = ("rule:bare-noun-preposition",)


def test_a_holderless_nouns_topic_after_about_is_promoted_under_the_threshold(nlp_model):
    doc, shown = run(nlp_model, TOPIC, suggester(nlp_model, bias=-0.5, sources=NOUN))  # score 0.38
    assert shown == []
    assert [(q.text, q.id_) for q in doc.spans["quotes"]] == [("the new ferry toll", "promoted:rule:bare-noun-preposition")]
    task = doc_to_task(doc)
    assert not [r for r in task.relations if r.label == SAID_BY]


def test_a_holderless_nouns_object_after_another_preposition_stays_a_suggestion(nlp_model):
    doc, shown = run(nlp_model, OVER, suggester(nlp_model, bias=-0.5, sources=NOUN))
    assert shown == ["the new ferry toll"]
    assert not [q for q in doc.spans["quotes"]]


#: A passive verdict with no agent: two raised pieces.
DEEMED = "The old ferry levy was deemed unfair last spring."


def test_the_pieces_of_a_passive_verdict_are_promoted_under_the_threshold(nlp_model):
    doc, shown = run(nlp_model, DEEMED, suggester(nlp_model, bias=-0.5))  # score 0.38
    assert shown == []
    assert sorted(q.text for q in doc.spans["quotes"]) == ["The old ferry levy", "unfair"]
    assert not [r for r in doc_to_task(doc).relations if r.label == SAID_BY]


def test_a_raising_passive_that_is_no_verdict_stays_a_suggestion(nlp_model):
    doc, shown = run(nlp_model, EXPECTED, suggester(nlp_model, bias=-0.5))
    assert len(shown) == 2 and not [q for q in doc.spans["quotes"]]
