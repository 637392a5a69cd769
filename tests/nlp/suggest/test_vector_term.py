"""The base model's vectors stacked on the learned scorer (``suggest/vectors.py``): the term moves the
show and promotion scores only under the pipeline it was fitted on, on a Doc with its tensor; a Doc
without one, a tensor of another width, another pipeline or another scorer give today's scores exactly
(our own sentences; the numbers of the made-up tables are made up)."""

from __future__ import annotations

import copy

import numpy
import pytest
import spacy

from annotator.nlp.convert import doc_to_task
from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.suggest import scorer as scorer_module
from annotator.nlp.suggest.propose import Proposal
from annotator.nlp.suggest.scorer import SuggestionScorer, default_scorer, shipped_table, vectors_for
from annotator.nlp.suggest.vectors import MODELS, PARTS, VectorTerm, scorer_fingerprint, stored_term, tensor_identity
from annotator.training.scorer_promotion import moved
from annotator.training.team_scorer import config_table

pytestmark = pytest.mark.model

#: Our own sentences with candidates the rules leave to the scorer (infinitives, clauses, a noun's content).
TEXT = ("Councillor Imani Boateng tries to widen the ferry lanes before the summer festival. "
        "She believes that the new harbour wall is \"a lasting gift\" to the fishing villages. "
        "The pilots' union hopes to settle the pay dispute by the end of the month. "
        "Residents fear the night buses will stop running after the election. "
        "The mayor's aides insisted on a review of the tram contract, according to two officials.")


def parsed(nlp_model, text: str = TEXT):
    """The model's Doc with our components up to the suggester (the suggester not run)."""
    with nlp_model.select_pipes(disable=[SUGGESTIONS]):
        return nlp_model(text)


def suggest(suggester, doc):
    doc._.suggestions = None
    return doc_to_task(suggester(doc))


def pair(nlp_model):
    """The pipeline's suggester (with the term: ``default_scorer(nlp)``) and the same without it."""
    stacked = nlp_model.get_pipe(SUGGESTIONS)
    plain = copy.copy(stacked)
    plain.scorer = default_scorer()
    return stacked, plain


def test_the_pipeline_it_was_fitted_on_has_the_term(nlp_model):
    if stored_term() is None:
        pytest.skip("no vector term stored")
    stacked, plain = pair(nlp_model)
    assert stacked.scorer.vectors is not None and plain.scorer.vectors is None
    assert stacked.scorer.to_table() == plain.scorer.to_table()  # the term is not part of the stored models


@pytest.mark.parametrize("tensor", ["none", "other width"])
def test_a_doc_without_the_tensor_gets_todays_scores_exactly(nlp_model, tensor):
    stacked, plain = pair(nlp_model)
    docs = [parsed(nlp_model), parsed(nlp_model)]
    for doc in docs:
        doc.tensor = numpy.zeros((0,), dtype="float32") if tensor == "none" else \
            numpy.ones((len(doc), 128), dtype="float32")
    assert suggest(stacked, docs[0]) == suggest(plain, docs[1])


def test_with_the_tensor_the_term_moves_the_scores(nlp_model):
    if stored_term() is None:
        pytest.skip("no vector term stored")
    stacked, plain = pair(nlp_model)
    with_term, without = suggest(stacked, parsed(nlp_model)), suggest(plain, parsed(nlp_model))
    scores = [(s.quote.key, s.score) for s in with_term.suggestions]
    assert scores and scores != [(s.quote.key, s.score) for s in without.suggestions]


def test_a_tok2vec_with_other_weights_gets_no_term(nlp_model):
    assert tensor_identity(spacy.blank("en")) is None
    assert default_scorer(spacy.blank("en")).vectors is None
    other = spacy.blank("en")
    other.add_pipe("tok2vec")
    other.initialize()
    assert tensor_identity(other)["tok2vec_width"] == 96  # as wide, other weights
    assert default_scorer(other).vectors is None


def test_the_same_tok2vec_under_another_name_keeps_the_term(nlp_model, monkeypatch):
    if stored_term() is None:
        pytest.skip("no vector term stored")
    monkeypatch.setitem(nlp_model.meta, "name", "attribution_of_our_team")
    monkeypatch.setitem(nlp_model.meta, "version", "0.0.1")
    assert default_scorer(nlp_model).vectors is not None


def test_another_scorer_gets_no_term(nlp_model, monkeypatch):
    if stored_term() is None:
        pytest.skip("no vector term stored")
    assert default_scorer(nlp_model).vectors is not None
    table = copy.deepcopy(scorer_module.shipped_table())
    table["weights"]["bias"] += 0.1  # a refit the term was not fitted on
    monkeypatch.setattr(scorer_module, "shipped_table", lambda: table)
    assert default_scorer(nlp_model).vectors is None


def test_a_pipelines_own_copy_of_the_shipped_table_gets_the_term_and_a_refit_none(nlp_model):
    if stored_term() is None:
        pytest.skip("no vector term stored")
    own = SuggestionScorer.from_table(config_table(shipped_table()))  # (as a saved pipeline's config holds it)
    assert vectors_for(own, nlp_model).vectors is not None
    refit = SuggestionScorer.from_table({**shipped_table(), "weights": {**shipped_table()["weights"], "bias": 0.0}})
    assert vectors_for(refit, nlp_model).vectors is None
    assert vectors_for(None, nlp_model) is None



def test_a_moved_promotion_threshold_keeps_a_show_term_and_drops_a_promotion_term(nlp_model):
    """The fingerprint covers the weights of the models the term moves: the shipped term moves only the
    show model, so moving a type's promotion threshold (``scorer_promotion.moved``) keeps it."""
    if stored_term() is None:
        pytest.skip("no vector term stored")
    term = stored_term()[0]
    table = shipped_table()
    threshold = table["promote_min_score"]
    moved_table = moved(table, threshold, {"indirect": threshold - 0.05})
    assert moved_table["promote_weights"] != table["promote_weights"]
    kept = vectors_for(SuggestionScorer.from_table(moved_table), nlp_model)
    assert (kept.vectors is not None) == (term.models == ("show",))
    both = {"weights": table["weights"], "promote_weights": table["promote_weights"]}
    assert scorer_fingerprint(**both, models=("show", "promotion")) != scorer_fingerprint(**both, models=("show",))
    assert scorer_fingerprint(**both, models=("show",)) == scorer_fingerprint(
        table["weights"], moved_table["promote_weights"], ("show",))

def made_up_term(width: int = 4, models=tuple(MODELS)) -> VectorTerm:
    rng = numpy.random.default_rng(0)
    table = {"identity": {"tok2vec_width": width}, "width": width}
    for model in models:
        table[model] = {part: {"constant": float(rng.normal()), "weights": rng.normal(size=width).tolist()}
                        for part in PARTS}
    return VectorTerm.from_table(table)


def test_the_term_adds_each_present_parts_row_and_constant(nlp_model):
    doc = parsed(nlp_model, "The harbour master said that the ferry lanes would open in May.")
    term = made_up_term(doc.tensor.shape[1])
    speaker, cue, content = doc[0:3], doc[3:4], doc[5:13]
    got = term.block(doc, content, cue, speaker)
    for n, name in enumerate(MODELS.values()):
        rows = {"cue": doc.tensor[3], "head": doc.tensor[content.root.i], "speaker": doc.tensor[2],
                "mean": doc.tensor[5:13].mean(axis=0)}
        expected = sum(float(term.weights[p][n] @ rows[p] + term.constants[p][n]) for p in PARTS)
        assert got[name] == pytest.approx(expected, rel=1e-5)
        alone = term.block(doc, content, None, None)[name]  # no cue, no speaker: their parts count nothing
        assert alone == pytest.approx(sum(float(term.weights[p][n] @ rows[p] + term.constants[p][n])
                                          for p in ("head", "mean")), rel=1e-5)


def test_the_term_weighs_the_show_and_promotion_sums_only():
    scorer = SuggestionScorer({"bias": 0.5}, frozenset({"frame:clause"}), {"bias": -0.2},
                              {"bias": 0.1}, 0.3).with_vectors(made_up_term())
    block = {MODELS["show"]: 0.7, MODELS["promotion"]: -0.4}
    assert scorer.logit([{"bias": 1.0}, block]) == pytest.approx(1.2)
    assert scorer.choice_logit([{"bias": 1.0}, block]) == pytest.approx(0.1)
    assert scorer.promote_probability({"bias": 1.0, **block}) == pytest.approx(1 / (1 + numpy.exp(0.6)))
    with pytest.raises(ValueError, match="wide"):
        VectorTerm.from_table({**{m: {p: {"constant": 0, "weights": [0.0]} for p in PARTS} for m in MODELS},
                               "identity": {}, "width": 2})


def test_a_term_of_the_show_model_only_leaves_the_promotion_alone(nlp_model):
    doc = parsed(nlp_model, "The harbour master said that the ferry lanes would open in May.")
    term = made_up_term(doc.tensor.shape[1], ("show",))
    assert term.models == ("show",)
    block = term.block(doc, doc[5:13], doc[3:4], doc[0:3])
    assert list(block) == [MODELS["show"]]
    scorer = SuggestionScorer({"bias": 0.5}, frozenset({"frame:clause"}), {"bias": -0.2}).with_vectors(term)
    assert scorer.promote_weights == {"bias": -0.2}
    assert scorer.logit([{"bias": 1.0}, block]) == pytest.approx(0.5 + block[MODELS["show"]])
    assert scorer.promote_probability({"bias": 1.0, **block}) == pytest.approx(1 / (1 + numpy.exp(0.2)))
    with pytest.raises(ValueError, match="at least one"):
        VectorTerm.from_table({"identity": {}, "width": 2})


def test_a_piece_without_a_source_is_promoted_by_the_show_model_without_the_term(nlp_model):
    """The term reorders what is shown; whether a suggestion with a cue and no speaker becomes a
    pre-label is read off the shipped show model alone (its score with the term less the term)."""
    doc = parsed(nlp_model, "The ferry service is expected to reopen in May, the harbour office said.")
    stacked, _ = pair(nlp_model)
    term = made_up_term(doc.tensor.shape[1], ("show",))
    stacked = copy.copy(stacked)
    stacked.scorer = default_scorer().with_vectors(term)
    content, cue, speaker = doc[5:9], doc[4:5], doc[12:15]
    sourceless = Proposal(content, "indirect", cue, None, "rule:raised-complement")
    shift = term.block(doc, content, cue, None)[MODELS["show"]]
    score = 0.6
    expected = 1 / (1 + numpy.exp(-(numpy.log(score / (1 - score)) - shift)))
    assert stacked.without_term(doc, sourceless, score, {id(sourceless): score}) == pytest.approx(expected)
    assert stacked.without_term(doc, sourceless, score, {}) == score  # not the scorer's: as it is
    spoken = Proposal(content, "indirect", cue, speaker, "rule:raised-complement")
    assert stacked.without_term(doc, spoken, score, {id(spoken): score}) == score  # a speaker: as it is
    doc.tensor = numpy.zeros((0,), dtype="float32")
    assert stacked.without_term(doc, sourceless, score, {id(sourceless): score}) == score  # no tensor


def test_one_docs_reader_gives_each_block_to_the_last_bit_as_read_alone():
    """``DocTerm`` reads each part of a span once for all of one Doc's suggestions: every block is the
    same, to the last bit, as the term's rows added one by one in their order (cue, head, speaker, mean)."""
    from spacy.tokens import Doc

    words = "The harbour master said that the ferry lanes would open in May".split()
    heads = [2, 2, 3, 3, 9, 7, 7, 9, 9, 3, 9, 10]
    deps = ["det", "compound", "nsubj", "ROOT", "mark", "det", "compound", "nsubj", "aux", "ccomp", "prep", "pobj"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    doc.tensor = numpy.random.default_rng(1).normal(size=(len(doc), 6)).astype("float32")
    term = made_up_term(6)
    reader = term.of(doc)
    asked = [(doc[4:12], doc[3:4], doc[0:3]), (doc[5:12], doc[3:4], doc[0:3]), (doc[4:12], doc[3:4], None),
             (doc[5:8], None, None), (doc[4:12], doc[3:4], doc[2:3]), (doc[5:12], doc[9:10], doc[0:3])]
    for content, cue, speaker in asked * 2:  # (the second time every part is read back)
        total = numpy.zeros(len(term.models), dtype=numpy.float32)
        for part, span in (("cue", cue), ("head", content), ("speaker", speaker)):
            if span is not None:
                total += term.weights[part] @ doc.tensor[span.root.i] + term.constants[part]
        total += term.weights["mean"] @ doc.tensor[content.start:content.end].mean(axis=0) + term.constants["mean"]
        expected = {MODELS[model]: float(v) for model, v in zip(term.models, total, strict=True)}
        assert reader.block(content, cue, speaker) == expected
        assert term.block(doc, content, cue, speaker) == expected
