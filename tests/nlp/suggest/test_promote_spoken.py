"""Hand gates over the promotion of suggestions with a speaker (``promote_gates.spoken_gated``): shapes
promoted with their speaker though the promotion model leaves them (our own sentences)."""

from __future__ import annotations

import pytest

from annotator.core.records import SAID_BY
from annotator.nlp.convert import doc_to_task

from tests.nlp.suggest.test_promote_sourceless import run, suggester

pytestmark = pytest.mark.model

#: A capitalised headline whose verb the tagger reads as part of a name (``rule:headline-verb``).
HEADLINE = "Harbour Board Chief Praises New Ferry Timetable\n\nThe board met on Monday to discuss the timetable."
#: A partisan noun said of its speaker (``rule:partisan-noun``).
BACKER = "Senator Maren Oduya is a firm backer of the ferry levy."
CRITIC = "Councillor Ines Varga has long been a critic of the dredging plan."
#: A verb's topic after ``about`` with its speaker (``rule:verb-topic-preposition``), and the same with
#: ``it`` (a thing) as speaker.
ABOUT = "Councillor Ines Varga, who has often spoken about the harbour wall, left early."
IT_ABOUT = "The harbour report is late. It warns about the sinking wall."
#: An infinitive under a verb whose subject the frames do not take as one who speaks (``rule:free-infinitive``).
INFINITIVE = "The harbour wall will not last, Councillor Ines Varga said. It continues to sink into the mud."


def said_by(doc) -> list[tuple[str, str]]:
    task = doc_to_task(doc)
    return [(task.span_text(r.head_span), task.span_text(r.child_span)) for r in task.relations if r.label == SAID_BY]


@pytest.mark.parametrize("text, source, quote, speaker", [
    (HEADLINE, "rule:headline-verb", "New Ferry Timetable", "Harbour Board Chief"),
    (BACKER, "rule:partisan-noun", "the ferry levy", "Senator Maren Oduya"),
    (CRITIC, "rule:partisan-noun", "the dredging plan", "Councillor Ines Varga")])
def test_a_headline_report_or_a_partisan_stance_is_promoted_with_its_speaker_whatever_its_score(
        nlp_model, text, source, quote, speaker):
    doc, shown = run(nlp_model, text, suggester(nlp_model, bias=-1.0, sources=(source,)))  # score 0.27
    assert quote not in shown
    assert (quote, f"promoted:{source}") in [(q.text, q.id_) for q in doc.spans["quotes"]]
    assert (quote, speaker) in said_by(doc)


@pytest.mark.parametrize("text, source, quote", [
    (ABOUT, "rule:verb-topic-preposition", "the harbour wall"),
    (INFINITIVE, "rule:free-infinitive", "to sink into the mud")])
def test_a_spoken_topic_or_infinitive_scored_high_is_promoted_with_its_speaker(nlp_model, text, source, quote):
    doc, shown = run(nlp_model, text, suggester(nlp_model, bias=-0.2, sources=(source,)))  # score 0.45
    assert quote not in shown
    assert (quote, f"promoted:{source}") in [(q.text, q.id_) for q in doc.spans["quotes"]]
    assert [s for q, s in said_by(doc) if q == quote]


@pytest.mark.parametrize("text, source, quote", [
    (ABOUT, "rule:verb-topic-preposition", "the harbour wall"),
    (INFINITIVE, "rule:free-infinitive", "to sink into the mud")])
def test_a_spoken_topic_or_infinitive_scored_under_the_gate_stays_a_suggestion(nlp_model, text, source, quote):
    doc, shown = run(nlp_model, text, suggester(nlp_model, bias=-0.6, sources=(source,)))  # score 0.35
    assert quote in shown
    assert quote not in [q.text for q in doc.spans["quotes"]]


def test_a_topic_after_about_whose_speaker_cannot_speak_stays_a_suggestion(nlp_model):
    doc, shown = run(nlp_model, IT_ABOUT, suggester(nlp_model, bias=-0.2, sources=("rule:verb-topic-preposition",)))
    assert "the sinking wall" in shown
    assert "the sinking wall" not in [q.text for q in doc.spans["quotes"]]


def test_switched_off_a_gated_shape_stays_a_suggestion(nlp_model):
    doc, shown = run(nlp_model, BACKER, suggester(nlp_model, bias=-1.0, sources=("rule:partisan-noun",),
                                                   promote=False))
    assert "the ferry levy" in shown
    assert "the ferry levy" not in [q.text for q in doc.spans["quotes"]]
