"""Hand gates over sourceless promotion (``suggest/promote_gates.py``): shapes promoted under
``promote_sourceless_min_score`` (our own sentences)."""

from __future__ import annotations

import pytest

from annotator.core.records import SAID_BY
from annotator.nlp.convert import doc_to_task

from tests.nlp.suggest.test_promote_sourceless import run, suggester

pytestmark = pytest.mark.model

#: ``appear`` raising an infinitive, no speaker: the subject piece is the writer's report of evidence.
APPEARS = "The old ferry hull appears to be cracked below the waterline."
APPEARED = "The harbour ledger appeared to show two missing payments."
#: ``seem`` in the same shape gives an impression.
SEEMS = "The old ferry hull seems to be cracked below the waterline."


@pytest.mark.parametrize("text, subject", [(APPEARS, "The old ferry hull"), (APPEARED, "The harbour ledger")])
def test_the_subject_piece_of_appear_is_promoted_under_the_threshold(nlp_model, text, subject):
    doc, shown = run(nlp_model, text, suggester(nlp_model, bias=-0.2))  # score 0.45
    assert [(q.text, q.id_) for q in doc.spans["quotes"]] == [(subject, "promoted:rule:raised-subject")]
    assert len(shown) == 1 and shown[0].startswith("to ")  # the complement piece stays shown
    assert not [r for r in doc_to_task(doc).relations if r.label == SAID_BY]


def test_the_subject_piece_of_appear_scored_low_stays_a_suggestion(nlp_model):
    doc, shown = run(nlp_model, APPEARS, suggester(nlp_model, bias=-0.6))  # score 0.35
    assert "The old ferry hull" in shown
    assert not [q for q in doc.spans["quotes"]]


def test_the_subject_piece_of_seem_stays_a_suggestion(nlp_model):
    doc, shown = run(nlp_model, SEEMS, suggester(nlp_model, bias=-0.2))
    assert "The old ferry hull" in shown
    assert not [q for q in doc.spans["quotes"]]


#: A verb's topic after ``for`` with nobody named asking (``rule:verb-topic-preposition``, no speaker),
#: the same after ``against``, and the same after ``for`` with a speaker.
LOBBYING = "The harbour vote was followed by weeks of lobbying for a recount."
CAMPAIGNING = "After months of campaigning for a new bridge, the villagers won."
AGAINST = "The harbour vote was followed by weeks of lobbying against a recount."
ASKS = "The letter asks for a recount of the harbour vote."
TOPIC = ("rule:verb-topic-preposition",)


@pytest.mark.parametrize("text, topic", [(LOBBYING, "a recount"), (CAMPAIGNING, "a new bridge")])
def test_a_verbs_topic_after_for_with_no_speaker_is_promoted_whatever_its_score(nlp_model, text, topic):
    doc, shown = run(nlp_model, text, suggester(nlp_model, bias=-1.0, sources=TOPIC))  # score 0.27
    assert shown == []
    assert [(q.text, q.id_) for q in doc.spans["quotes"]] == [(topic, "promoted:rule:verb-topic-preposition")]
    assert not [r for r in doc_to_task(doc).relations if r.label == SAID_BY]


@pytest.mark.parametrize("text", [AGAINST, ASKS])
def test_a_verbs_topic_after_against_or_with_a_speaker_stays_a_suggestion(nlp_model, text):
    doc, shown = run(nlp_model, text, suggester(nlp_model, bias=-1.0, sources=TOPIC))
    assert len(shown) == 1 and shown[0].startswith("a recount")
    assert not [q for q in doc.spans["quotes"]]
