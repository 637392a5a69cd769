"""The learned suggestion scorer: features read off the parse (never words), the rate table for the
sources it was not fitted on, and promotion of its surest suggestions to pre-labels (our own
sentences)."""

from __future__ import annotations

import math

import pytest
import spacy

from annotator.core.invariants import task_problems
from annotator.core.records import COREF, CUE_REL, QUOTE, SAID_BY
from annotator.nlp.convert import doc_to_task, relations_of, suggestions_in
from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.suggest import SCORES, Suggester, proposals
from annotator.nlp.suggest.scorer import DocFacts, SuggestionScorer, default_scorer, features, speaker_kind

pytestmark = pytest.mark.model

#: A commitment with an infinitive the rules leave out (a frame:infinitive candidate).
PLAN = "Councillor Imani Boateng tries to widen the ferry lanes before the summer festival."
#: A pronoun holder, quote marks around part of the content.
MARKED = "She believes that the new harbour wall is \"a lasting gift\" to the fishing villages."


def only(nlp_model, text: str, source: str):
    lexicon = nlp_model.get_pipe(SUGGESTIONS).lexicon
    doc = nlp_model(text)
    (proposal,) = [p for p in proposals(doc, lexicon, frozenset({source})) if p.source == source]
    return doc, proposal, features(DocFacts.of(doc), proposal.span, proposal.cue, proposal.speaker,
                                   proposal.source, proposal.quote_type, lexicon)


def test_features_name_the_source_band_speaker_kind_and_parse(nlp_model):
    _doc, proposal, feats = only(nlp_model, PLAN, "frame:infinitive")
    assert proposal.span.text == "to widen the ferry lanes before the summer festival"
    assert feats["source=frame:infinitive"] == 1.0 and feats["band=9+"] == 1.0
    assert feats["speaker=person"] == 1.0
    assert feats["cue-pos=VERB"] == 1.0 and feats["first-tag=TO"] == 1.0
    assert feats["log-words"] == pytest.approx(math.log1p(9))
    assert feats["sentence-has-prelabel"] == 0.0 and feats["content-in-marks"] == 0.0


def test_no_feature_name_carries_a_word_of_the_document(nlp_model):
    lexicon = nlp_model.get_pipe(SUGGESTIONS).lexicon
    seen = 0
    for text in (PLAN, MARKED, "The ferry owners' fury over the harbour tolls grew, and the guild urged the board "
                 "to drop them before the autumn, though nobody expects it to listen."):
        doc = nlp_model(text)
        facts = DocFacts.of(doc)
        words = {t.lower_ for t in doc if t.is_alpha and len(t) > 3}
        for p in proposals(doc, lexicon, frozenset(SCORES)):
            names = " ".join(features(facts, p.span, p.cue, p.speaker, p.source, p.quote_type, lexicon)).lower()
            assert not [w for w in words if w in names], (text, names)
            seen += 1
    assert seen >= 3


def test_a_cue_in_our_lexicon_is_flagged_by_class_and_marks_are_read(nlp_model):
    lexicon = nlp_model.get_pipe(SUGGESTIONS).lexicon
    doc = nlp_model(MARKED)
    cue = next(t for t in doc if t.lower_ == "believes")
    quote = doc[cue.i + 1:len(doc) - 1]
    feats = features(DocFacts.of(doc), quote, doc[cue.i:cue.i + 1], doc[0:1], "frame:clause", "mixed", lexicon)
    assert feats["cue-class=cognition"] == 1.0 and feats["cue-in-lexicon"] == 1.0
    assert feats["speaker=pronoun"] == 1.0
    assert 0 < feats["content-in-marks"] < 1 and feats["content-partly-in-marks"] == 1.0


def test_speaker_kinds(nlp_model):
    doc = nlp_model("We said it, and the inspectors said more.")
    assert speaker_kind(None) == "none"
    assert speaker_kind(doc[0:1]) == "first-person"
    assert speaker_kind(doc[6:8]) == "noun"


def test_the_probability_is_the_sigmoid_of_the_weighted_features():
    scorer = SuggestionScorer.from_table({"sources": ["frame:clause"], "weights": {"bias": -1.0, "band=9+": 2.5}})
    assert scorer.probability({"bias": 1.0, "band=9+": 1.0, "unseen": 3.0}) == pytest.approx(1 / (1 + math.exp(-1.5)))
    assert scorer.knows("frame:clause") and not scorer.knows("frame:object")
    assert SuggestionScorer.from_table(scorer.to_table()) == scorer
    assert scorer.promote_probability({"bias": 1.0}) == 0.0  # no promotion model: never promoted
    with pytest.raises(ValueError, match="weights"):
        SuggestionScorer.from_table({"sources": []})


def test_the_shipped_scorer_knows_only_the_tables_sources():
    shipped = default_scorer()
    if shipped is None:
        pytest.skip("no scorer fitted yet")
    assert shipped.sources <= set(SCORES)
    assert all("=" in name or name.replace("-", "").isalpha() for name in shipped.weights)


def suggester(nlp_model, weights: dict[str, float], sources=("frame:infinitive",), sure=None, **kwargs) -> Suggester:
    """A suggester whose scorer weighs only ``weights`` (and ``sure`` for promotion: the same by default)."""
    return Suggester(lexicon=nlp_model.get_pipe(SUGGESTIONS).lexicon,
                     scorer=SuggestionScorer(weights, frozenset(sources), weights if sure is None else sure), **kwargs)


def scored(nlp_model, text: str, every: Suggester):
    doc = nlp_model(text)
    doc._.suggestions = None
    return every(doc)


def test_the_scorer_scores_the_sources_it_knows(nlp_model):
    doc = scored(nlp_model, PLAN, suggester(nlp_model, {"bias": 0.5}, promote=False))
    (suggestion,) = suggestions_in(doc)
    assert suggestion.score == pytest.approx(1 / (1 + math.exp(-0.5)), abs=1e-3)


def test_a_source_the_scorer_was_not_fitted_on_keeps_the_tables_score(nlp_model):
    doc = scored(nlp_model, PLAN, suggester(nlp_model, {"bias": 3.0}, sources=("frame:clause",)))
    (suggestion,) = suggestions_in(doc)
    assert suggestion.score == SCORES["frame:infinitive"][2]  # 9 words: the last band
    assert not any(q.text.startswith("to widen") for q in doc.spans["quotes"])


def test_below_its_threshold_a_scored_suggestion_is_left_out(nlp_model):
    doc = scored(nlp_model, PLAN, suggester(nlp_model, {"bias": -3.0}, scorer_min_score=0.2))
    assert suggestions_in(doc) == []


def test_a_sure_suggestion_becomes_a_sound_pre_label_with_cue_and_speaker(nlp_model):
    doc = scored(nlp_model, PLAN, suggester(nlp_model, {"bias": 4.0}, promote_min_score=0.9))
    assert suggestions_in(doc) == []
    quote = next(q for q in doc.spans["quotes"] if q.text.startswith("to widen"))
    assert quote._.quote_type == "indirect"
    task = doc_to_task(doc)
    assert task_problems(task) == []
    record = next(s for s in task.spans if s.label == QUOTE and s.text.startswith("to widen"))
    linked = {r.label: task.span_text(r.child_span) for r in task.relations if r.head_span == record}
    assert linked == {CUE_REL: "tries", SAID_BY: "Imani Boateng"}
    assert not [r for r in relations_of(doc, COREF) if r.head_start == quote.start_char]


def test_a_pronoun_speaker_promoted_gets_its_coref(nlp_model):
    text = "Councillor Imani Boateng opened the session. She tries to widen the ferry lanes before the festival."
    doc = scored(nlp_model, text, suggester(nlp_model, {"bias": 4.0}, promote_min_score=0.9))
    task = doc_to_task(doc)
    assert task_problems(task) == []
    said = {task.span_text(r.child_span) for r in task.relations if r.label == SAID_BY}
    assert "She" in said
    assert any(r.label == COREF and task.span_text(r.head_span) == "She"
               and "Boateng" in task.span_text(r.child_span) for r in task.relations)


def test_promotion_reads_its_own_model_of_a_right_speaker(nlp_model):
    doc = scored(nlp_model, PLAN, suggester(nlp_model, {"bias": 4.0}, sure={"bias": -1.0}, promote_min_score=0.5))
    assert not any(q.text.startswith("to widen") for q in doc.spans["quotes"])
    assert len(suggestions_in(doc)) == 1


def test_promotion_switched_off_leaves_the_pre_labels_as_they_are(nlp_model):
    before = [q.text for q in nlp_model(PLAN).spans["quotes"]]
    for off in ({"promote": False, "promote_min_score": 0.9}, {"promote_min_score": None}):
        doc = scored(nlp_model, PLAN, suggester(nlp_model, {"bias": 4.0}, **off))
        assert [q.text for q in doc.spans["quotes"]] == before
        assert [s.score for s in suggestions_in(doc)] == [pytest.approx(1 / (1 + math.exp(-4.0)), abs=1e-3)]


def test_the_component_config_sets_the_scorer_and_promotion():
    nlp = spacy.blank("en")
    nlp.add_pipe("annotator_quotes")
    weights = {"sources": ["frame:clause"], "weights": {"bias": 1.0}}
    pipe = nlp.add_pipe(SUGGESTIONS, config={"promote": False, "scorer_weights": weights, "scorer_min_score": 0.3})
    assert pipe.promote is False and pipe.scorer.knows("frame:clause") and pipe.scorer_min_score == 0.3
    assert nlp.add_pipe(SUGGESTIONS, name="plain", config={"scorer": False}).scorer is None
    with pytest.raises(ValueError, match=r"\[components.broken\] scorer_weights"):
        nlp.add_pipe(SUGGESTIONS, name="broken", config={"scorer_weights": {"weights": {}}})
