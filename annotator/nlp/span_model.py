"""The span classifier's model (``--design spancat``): spaCy's span categorizer with what lies around a
candidate too, and a scorer trained on the log loss. Registered on import; ``learned_spans`` imports
this module, and its factory comes before the classifier in every pipeline that has one, so
``spacy.load`` finds both.
"""

from __future__ import annotations

from typing import Callable, List, Sequence, Tuple

import numpy
from spacy.ml.extract_spans import _get_span_indices
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Linear, Model, chain
from thinc.types import Floats2d, Ints2d, Ragged

SPAN_SCORER = "annotator.LinearSigmoidLogLoss.v1"
SPAN_CONTEXT_MODEL = "annotator.SpanContextCategorizer.v1"
#: Tokens read around a candidate: two before it, two after it, and the word its root hangs on.
CONTEXT_TOKENS = 5


@registry.layers(SPAN_SCORER)
def linear_sigmoid_log_loss(nO: int | None = None, nI: int | None = None) -> Model[Floats2d, Floats2d]:
    """A linear layer and a sigmoid whose backward pass is the identity. spaCy's ``spancat`` hands its
    scorer ``score - target``; through a sigmoid's own derivative that is the squared error of a
    probability, whose gradient vanishes as a score nears 0, and with ~2,000 candidates a document,
    almost all wrong, every score goes there first: the classifier stalled at 0.001 for gold quotes.
    Passed on unchanged it is the gradient of the log loss at the logits, which does not vanish."""
    return chain(Linear(nO=nO, nI=nI), Model("sigmoid_log_loss", _sigmoid_log_loss))


def _sigmoid_log_loss(model: Model, X: Floats2d, is_train: bool):
    return model.ops.sigmoid(X, inplace=False), lambda dY: dY


@registry.architectures(SPAN_CONTEXT_MODEL)
def span_context_categorizer(tok2vec: Model[List[Doc], List[Floats2d]], reducer: Model[Ragged, Floats2d],
                             scorer: Model[Floats2d, Floats2d]) -> Model[Tuple[List[Doc], Ragged], Floats2d]:
    """spaCy's ``SpanCategorizer.v1`` (the reducer pools the candidate's own token vectors) with the
    vectors of the tokens around it beside the pooled ones: what makes a clause reported content is
    mostly outside it (``said that`` before it, ``, she said`` after it, the verb it depends on)."""
    model = Model("span_context_categorizer", _forward, init=_init, layers=[tok2vec, reducer, scorer])
    model.set_ref("tok2vec", tok2vec)
    model.set_ref("reducer", reducer)
    model.set_ref("scorer", scorer)
    return model


def context_indices(docs: Sequence[Doc], spans: Ragged) -> Ints2d:
    """For each candidate, the rows (in the documents' tokens laid end to end) of the two tokens
    before it, the two after it and the head of its root when outside it; -1 where there is none.
    (The root: its first token whose head is outside it; for a whole subtree, the subtree's root.)"""
    out = []
    offset = 0
    position = 0
    for doc, count in zip(docs, spans.lengths, strict=True):
        bounds = numpy.asarray(spans.dataXd[position:position + int(count)], dtype="i").reshape((-1, 2))
        position += int(count)
        starts, ends = bounds[:, 0], bounds[:, 1]
        rows = numpy.stack([starts - 2, starts - 1, ends, ends + 1, _outside_heads(doc, starts, ends)], axis=1)
        outside = (rows < 0) | (rows >= len(doc))
        out.append(numpy.where(outside, -1, rows + offset))
        offset += len(doc)
    return numpy.concatenate(out).astype("i") if out else numpy.zeros((0, CONTEXT_TOKENS), dtype="i")


def _outside_heads(doc: Doc, starts: numpy.ndarray, ends: numpy.ndarray) -> numpy.ndarray:
    """Per span, the head of its first token whose head is outside it (-1: none, or no parse)."""
    if not len(starts) or not doc.has_annotation("DEP"):
        return numpy.full(len(starts), -1, dtype="i")
    heads = numpy.asarray([token.head.i for token in doc], dtype="i")
    lengths = ends - starts
    first = numpy.concatenate([[0], numpy.cumsum(lengths)[:-1]])
    tokens = numpy.repeat(starts, lengths) + numpy.arange(lengths.sum()) - numpy.repeat(first, lengths)
    away = (heads[tokens] < numpy.repeat(starts, lengths)) | (heads[tokens] >= numpy.repeat(ends, lengths))
    position = numpy.where(away, numpy.arange(len(tokens)), len(tokens))
    chosen = numpy.minimum.reduceat(position, first)
    return numpy.where(chosen < len(tokens), heads[tokens[numpy.minimum(chosen, len(tokens) - 1)]], -1)


def _features(model: Model, docs: List[Doc], spans: Ragged, is_train: bool):
    ops = model.ops
    tok2vec, reducer, _scorer = model.layers
    vectors, backprop_tok2vec = tok2vec(docs, is_train)
    lengths = ops.asarray1i([len(v) for v in vectors])
    flat = ops.flatten(vectors) if vectors else ops.alloc2f(0, tok2vec.get_dim("nO"))
    width = flat.shape[1]
    inside = _get_span_indices(ops, spans, lengths)
    pooled, backprop_reducer = reducer(Ragged(flat[inside], spans.dataXd[:, 1] - spans.dataXd[:, 0]), is_train)
    around = context_indices(docs, spans)
    padded = ops.xp.vstack([flat, ops.alloc2f(1, width)])  # row -1: zeros where there is no token
    context = padded[around.ravel()].reshape((around.shape[0], CONTEXT_TOKENS * width))
    features = ops.xp.hstack([pooled, context])

    def backprop(d_features: Floats2d) -> None:
        d_flat = ops.alloc2f(flat.shape[0] + 1, width)
        d_pooled = d_features[:, :pooled.shape[1]]
        d_inside = backprop_reducer(ops.asarray2f(d_pooled))
        ops.scatter_add(d_flat, inside, d_inside.dataXd)
        d_context = d_features[:, pooled.shape[1]:].reshape((-1, width))
        ops.scatter_add(d_flat, ops.asarray1i(around.ravel() % (flat.shape[0] + 1)), ops.asarray2f(d_context))
        backprop_tok2vec(ops.unflatten(d_flat[:-1], lengths))

    return features, backprop


def _forward(model: Model, inputs: Tuple[List[Doc], Ragged], is_train: bool) -> Tuple[Floats2d, Callable]:
    docs, spans = inputs
    features, backprop_features = _features(model, docs, spans, is_train)
    scores, backprop_scorer = model.layers[2](features, is_train)

    def backprop(d_scores: Floats2d) -> Tuple[List[Doc], Ragged]:
        backprop_features(backprop_scorer(d_scores))
        return inputs

    return scores, backprop


def _init(model: Model, X: Tuple[List[Doc], Ragged] | None = None, Y: Floats2d | None = None) -> None:
    tok2vec, reducer, scorer = model.layers
    if X is None:
        model.layers[0].initialize()
        return
    docs, spans = X
    tok2vec.initialize(X=docs)
    vectors = tok2vec.predict(docs)
    lengths = model.ops.asarray1i([len(v) for v in vectors])
    inside = _get_span_indices(model.ops, spans, lengths)
    reducer.initialize(X=Ragged(model.ops.flatten(vectors)[inside], spans.dataXd[:, 1] - spans.dataXd[:, 0]))
    features, _ = _features(model, docs, spans, False)
    scorer.initialize(X=features, Y=Y)
