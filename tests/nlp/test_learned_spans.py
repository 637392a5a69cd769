"""The learned tagger's spans leave doc.ents for the base model: moved into span groups, cut at paragraphs."""

import spacy
from spacy.tokens import Span

from annotator.nlp.learned_spans import LearnedSpans, split_at_line_breaks

NLP = spacy.blank("en")


def test_learned_entities_move_into_span_groups_and_leave_no_entity_annotation():
    doc = NLP.make_doc("Ann Moss said the bridge will reopen soon.")
    doc.ents = [Span(doc, 0, 2, label="SPEAKER"), Span(doc, 2, 3, label="CUE"), Span(doc, 3, 8, label="QUOTE")]
    doc = LearnedSpans()(doc)
    assert [s.text for s in doc.spans["learned_speakers"]] == ["Ann Moss"]
    assert [s.text for s in doc.spans["learned_cues"]] == ["said"]
    assert [s.text for s in doc.spans["learned_quotes"]] == ["the bridge will reopen soon"]
    assert doc.ents == ()
    assert all(t.ent_iob_ == "" for t in doc)  # missing, so the base ner predicts freely


def test_base_model_labels_left_by_a_sourced_tagger_are_dropped():
    doc = NLP.make_doc("Ann Moss spoke.")
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    doc = LearnedSpans()(doc)
    assert all(len(doc.spans[g]) == 0 for g in ("learned_quotes", "learned_speakers", "learned_cues"))


def test_a_quote_over_two_paragraphs_becomes_one_span_per_paragraph():
    doc = NLP.make_doc("The plan is late\n\nand it costs too much.")
    quote = Span(doc, 0, len(doc) - 1, label="QUOTE")
    assert [p.text for p in split_at_line_breaks(quote)] == ["The plan is late", "and it costs too much"]


def test_spans_from_a_span_classifier_keep_the_best_scored_of_overlapping_spans_of_a_label():
    import numpy

    doc = NLP.make_doc("Ann Moss said that the bridge will reopen soon.")
    found = [Span(doc, 4, 9, label="QUOTE"), Span(doc, 3, 9, label="QUOTE"), Span(doc, 0, 2, label="SPEAKER"),
             Span(doc, 1, 2, label="SPEAKER"), Span(doc, 2, 3, label="CUE")]
    doc.spans["sc"] = found
    doc.spans["sc"].attrs["scores"] = numpy.array([0.9, 0.6, 0.7, 0.8, 0.5])
    doc = LearnedSpans(source="sc")(doc)
    assert [s.text for s in doc.spans["learned_quotes"]] == ["the bridge will reopen soon"]
    assert [s.text for s in doc.spans["learned_speakers"]] == ["Moss"]
    assert [s.text for s in doc.spans["learned_cues"]] == ["said"]
