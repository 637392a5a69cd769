"""A trained pipeline's own quotes as suggestions (``nlp/suggest/learned.py``): the learned quotes no
pre-label overlaps, with their cue and speaker, scored by the rate their model score maps to
(our own sentences; the learned span groups are set by hand, as a span model would leave them)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span, SpanGroup

from annotator.nlp.convert import suggestions_in
from annotator.nlp.learned_spans import LEARNED_GROUPS, RATES, SOURCE, LearnedSpans, rate_of
from annotator.nlp.suggest import SCORES, Suggester
from annotator.nlp.suggest.learned import learned_proposals

pytestmark = pytest.mark.model

#: An unknown cue verb: no rule and no frame reads "glorped" as a cue of a clause.
TEXT = "Councillor Brandt glorped that the ferry would be late again. Mayor Okafor said the budget would pass."


def words(doc, text: str) -> tuple[int, int]:
    start = doc.text.index(text)
    span = doc.char_span(start, start + len(text))
    return span.start, span.end


def parsed(nlp_model, learned: dict[str, float], rates: list[float] | None = None):
    """TEXT through the rules' pipeline, with ``learned`` (quote text → model score) as learned quotes
    carrying ``rates`` (the scores themselves when None)."""
    doc = nlp_model(TEXT)
    spans = [Span(doc, *words(doc, text), label="QUOTE") for text in learned]
    doc.spans[LEARNED_GROUPS["QUOTE"]] = SpanGroup(doc, name=LEARNED_GROUPS["QUOTE"], spans=spans, attrs={
        RATES: list(learned.values()) if rates is None else rates, SOURCE: "model:spancat"})
    return doc


def test_a_learned_quote_the_pre_labels_leave_out_is_proposed_with_its_cue_speaker_and_rate(nlp_model):
    doc = parsed(nlp_model, {"the ferry would be late again": 0.61, "the budget would pass": 0.9})
    assert [q.text for q in doc.spans["quotes"]] == ["the budget would pass"]
    found = learned_proposals(doc, nlp_model.get_pipe("annotator_suggestions").lexicon)
    # the pre-labeled quote is not proposed again; the other gets the verb it hangs on and its subject
    assert [(p.span.text, p.cue.text, p.speaker.text, p.source, p.quote_type, rate) for p, rate in found] == [
        ("the ferry would be late again", "glorped", "Brandt", "model:spancat", "indirect", 0.61)]


def test_the_suggester_shows_them_with_their_rate_and_leaves_out_those_below_its_threshold(nlp_model):
    suggester = Suggester(sources=(), lexicon=nlp_model.get_pipe("annotator_suggestions").lexicon, min_score=0.17)
    shown = suggester(parsed(nlp_model, {"the ferry would be late again": 0.42}))
    assert [(doc_text(shown, s), s.score, s.source) for s in suggestions_in(shown)] == [
        ("the ferry would be late again", 0.42, "model:spancat")]
    assert suggestions_in(suggester(parsed(nlp_model, {"the ferry would be late again": 0.1}))) == []


def test_of_overlapping_suggestions_the_higher_score_wins(nlp_model):
    suggester = Suggester(sources=tuple(SCORES), lexicon=nlp_model.get_pipe("annotator_suggestions").lexicon)
    # a learned quote overlapping the rules' frame candidate of the same clause ("that the ferry …")
    for rate, source in ((0.99, "model:spancat"), (0.18, None)):
        doc = suggester(parsed(nlp_model, {"Brandt glorped that the ferry": rate}))
        sources = {s.source for s in suggestions_in(doc)}
        if source is not None:
            assert source in sources and [s.score for s in suggestions_in(doc) if s.source == source] == [rate]
        else:
            assert "model:spancat" not in sources and sources, "the higher-scored frame candidate wins"


def test_without_rates_a_pipeline_proposes_nothing_of_its_own(nlp_model):
    doc = parsed(nlp_model, {"the ferry would be late again": 0.9})
    del doc.spans[LEARNED_GROUPS["QUOTE"]].attrs[RATES]
    assert learned_proposals(doc, nlp_model.get_pipe("annotator_suggestions").lexicon) == []


def test_learned_spans_map_each_score_to_its_bins_rate():
    assert [rate_of((0.0, 0.5, 0.8), (0.1, 0.3, 0.6), s) for s in (0.25, 0.5, 0.79, 0.95)] == [0.1, 0.3, 0.3, 0.6]
    assert LearnedSpans("ents", rate_bins=(0.0,), rates=(0.4,)).source_name == "model:ner"


def doc_text(doc, suggestion) -> str:
    return doc.text[suggestion.quote_start:suggestion.quote_end]
