"""A learned score for a suggestion: the probability that it is a right attribution, from what the
parse says about it, never from its words. A logistic model: the features of one suggestion
(``features``, in ``scorer_features.py``: its source, length, speaker kind, the cue's classes in our
lexicon, the parse around cue and content, quote marks, the pre-labels near it, its place in the
document, and crosses of these) are names with values; the score is the sigmoid of their weighted
sum. A suggestion of a source the model was not fitted on keeps the rate table's score
(``scores.table_score``). Where the pipeline's tok2vec is the one it was fitted on, a term read off the
base model's vectors (``vectors.py``: ``doc.tensor``, which does embed the words) is stacked on the show
model's sum (``vectors_for``); the features themselves read no word.

The public feature API (what a fit reads, e.g. ``bench/fit_scorer.py`` or a team's own):
``DocFacts.of(doc)`` once per Doc, then ``features(facts, span, cue, speaker, source, quote_type,
lexicon)`` for each suggestion (a ``suggest.propose.Proposal``'s fields; ``suggestion_features``
does both for one proposal): a dict feature name → value.

The weights are a table (``scorer_weights.json``, written by ``bench/fit_scorer.py`` from PolNeAR's
tuning part, or a pipeline's own in the component's ``scorer_weights`` config), read by
``SuggestionScorer.from_table``::

    {"sources": ["frame:clause", ...],          # the sources it scores
     "weights": {"bias": -0.5, "band=9+": 0.18, "source=frame:clause|cue-class=speech": 0.3, ...},
     "promote_weights": {...},                  # optional: the model of "right with its speaker"
     "min_score": 0.2, "promote_min_score": 0.6, # optional: the thresholds chosen with them
     "promote_choice": {"weights": {...}, "min_score": 0.2},  # optional: the show model promotion is chosen with
     "promote_sources": ["frame:clause", ...],  # optional: the sources the promotion model scores (default: sources)
     ...}                                       # other keys (how it was made) are not read

A weight is keyed by a feature's name; a feature without a weight counts 0, a weight without a
feature is never used. ``bench/fit_scorer.py`` may choose a promotion threshold per quote type: it
folds each into ``promote_weights`` (the ``type=…`` weight moved by the logit between that type's
threshold and ``promote_min_score``, listed in ``promote_shifts``), so one threshold serves all. A source
in ``promote_sources`` and not in ``sources`` (``bench/promote_offsets.py``: one added after the fit) is
promoted by the promotion model while its shown score stays the rate table's."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import chain, repeat
from operator import mul
from pathlib import Path
from typing import Mapping

from spacy.language import Language
from spacy.tokens import Doc

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.suggest.scorer_features import (
    CROSSES, DocFacts, Features, base_features, class_index, crossed, cue_classes, feature_blocks,
    features, merged, speaker_kind,
)
from annotator.nlp.suggest.neighbours import neighbour_features, proposal_neighbours
from annotator.nlp.suggest.vectors import MODELS, VectorTerm, scorer_fingerprint, stored_term

__all__ = ["CROSSES", "DocFacts", "Features", "SuggestionScorer", "base_features", "class_index", "crossed",
           "cue_classes", "default_scorer", "vectors_for", "feature_blocks", "features", "merged", "neighbour_features", "proposal_neighbours", "shipped_table", "sigmoid", "speaker_kind", "stored_table",
           "suggestion_features"]


def suggestion_features(doc: Doc, proposal, lexicon: Lexicon, facts: DocFacts | None = None) -> Features:
    """The features of one ``suggest.propose.Proposal`` of ``doc`` (``facts``: the Doc's, when read
    already)."""
    facts = DocFacts.of(doc) if facts is None else facts
    return features(facts, proposal.span, proposal.cue, proposal.speaker, proposal.source, proposal.quote_type,
                    lexicon)


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def weighted_sum(weights: Mapping[str, float], feats: Mapping[str, float]) -> float:
    """Σ weight × value over the features (one without a weight counts 0), in C-level maps."""
    return sum(map(mul, map(weights.get, feats, repeat(0.0)), feats.values()))


def _blocks_dot(weights: Mapping[str, float], blocks: list[Features]) -> float:
    """``weighted_sum`` over features given in blocks (no name in two), in their order, without merging them."""
    names, values = chain.from_iterable(blocks), chain.from_iterable(map(dict.values, blocks))
    return sum(map(mul, map(weights.get, names, repeat(0.0)), values))


@dataclass(frozen=True)
class SuggestionScorer:
    """Two fitted logistic models over the ``sources`` they were fitted on, each a table of weights
    by feature name (``bias`` among them): ``weights``, the probability that a suggestion is right
    (its score), and ``promote_weights``, that it is right with its speaker too (what a pre-label
    needs; none: never promoted). A suggestion of another source is not theirs to score: the caller
    keeps the rate table's score."""

    weights: Mapping[str, float]
    sources: frozenset[str]
    promote_weights: Mapping[str, float] = field(default_factory=dict)
    #: the show model the promotion was chosen with, kept when the show model is refitted alone
    #: (``bench/fit_scorer.py --keep-promotion``): the proposals promoted are those it chooses among
    #: overlapping ones at ``choice_min_score``, so a new show model leaves the pre-labels as they were
    #: (none: the show model chooses them too)
    choice_weights: Mapping[str, float] = field(default_factory=dict)
    choice_min_score: float | None = None
    #: the base model's vectors stacked on the show and promotion models (``vectors.py``), read only
    #: under the pipeline they were fitted on (``with_vectors``); None: the models alone
    vectors: VectorTerm | None = None
    #: the sources the promotion model scores (None: ``sources``)
    promote_sources: frozenset[str] | None = None

    @classmethod
    def from_table(cls, table: Mapping[str, object]) -> SuggestionScorer:
        """From the stored form: ``{"weights": {name: weight}, "sources": [...], "promote_weights": {…}}``
        (and, optionally, ``"promote_sources": [...]``)."""
        weights, sources = read_weight_pairs(table.get("weights")), table.get("sources")
        promote_sources = table.get("promote_sources")
        if promote_sources is not None and not isinstance(promote_sources, (list, tuple)):
            raise ValueError("a scorer table's 'promote_sources', when given, is a list of sources")
        promote_weights = read_weight_pairs(table.get("promote_weights") or {})
        if not isinstance(weights, Mapping) or not isinstance(sources, (list, tuple)) \
                or not isinstance(promote_weights, Mapping):
            raise ValueError("a scorer table needs 'weights' (feature name → weight) and 'sources' (a list); "
                             "'promote_weights', when given, is feature name → weight too")
        choice = table.get("promote_choice") or {}
        choice_weights = read_weight_pairs(choice.get("weights") or {}) if isinstance(choice, Mapping) else None
        if not isinstance(choice_weights, Mapping) or choice_weights and choice.get("min_score") is None:
            raise ValueError("a scorer table's 'promote_choice', when given, is {'weights': {…}, 'min_score': p}")
        return cls({str(k): float(v) for k, v in weights.items()}, frozenset(str(s) for s in sources),
                   {str(k): float(v) for k, v in promote_weights.items()},
                   {str(k): float(v) for k, v in choice_weights.items()},
                   float(choice["min_score"]) if choice_weights else None,
                   promote_sources=None if promote_sources is None else frozenset(str(s) for s in promote_sources))

    def to_table(self) -> dict[str, object]:
        carried = set(MODELS.values())  # (the vector term's, added by ``with_vectors``)
        table = {"sources": sorted(self.sources),
                 "weights": {k: v for k, v in sorted(self.weights.items()) if k not in carried},
                 "promote_weights": {k: v for k, v in sorted(self.promote_weights.items()) if k not in carried}}
        if self.choice_weights:
            table["promote_choice"] = {"weights": dict(sorted(self.choice_weights.items())),
                                       "min_score": self.choice_min_score}
        if self.promote_sources is not None:
            table["promote_sources"] = sorted(self.promote_sources)
        return table

    def with_vectors(self, term: VectorTerm) -> SuggestionScorer:
        """This scorer with ``term`` added to the logits of the models it moves (show, promotion): the term
        comes as a block of features (``VectorTerm.block``) each weighed 1 in its model (the choice model
        is left alone)."""
        weights = {**self.weights, MODELS["show"]: 1.0} if "show" in term.models else self.weights
        promote = {**self.promote_weights, MODELS["promotion"]: 1.0} \
            if self.promote_weights and "promotion" in term.models else self.promote_weights
        return replace(self, weights=weights, promote_weights=promote, vectors=term)

    def knows(self, source: str) -> bool:
        return source in self.sources

    def promotes_source(self, source: str) -> bool:
        """Whether the promotion model scores a suggestion of ``source`` (``promote_sources``, else ``sources``)."""
        return source in (self.sources if self.promote_sources is None else self.promote_sources)

    def probability(self, feats: Mapping[str, float]) -> float:
        """The probability that the suggestion is right (its score)."""
        return sigmoid(weighted_sum(self.weights, feats))

    def logit(self, blocks: list[Features]) -> float:
        """The weighted sum of a suggestion's features given in blocks (``feature_blocks``, no name in
        two): the same sum as ``probability``'s of their ``merged`` features, added in the same order
        (to the last bit), without merging them."""
        return _blocks_dot(self.weights, blocks)

    def choice_logit(self, blocks: list[Features]) -> float:
        """``logit`` under the model the promotion is chosen with (``choice_weights``, else the show model)."""
        return _blocks_dot(self.choice_weights or self.weights, blocks)

    def promote_probability(self, feats: Mapping[str, float]) -> float:
        """The probability that it is right with its speaker, as the promotion threshold reads it
        (each quote type's own threshold folded in: see the module's note), 0 without ``promote_weights``."""
        return sigmoid(weighted_sum(self.promote_weights, feats)) if self.promote_weights else 0.0


def read_weight_pairs(weights: object) -> object:
    """A weight table given as ``[[name, weight], …]`` (the form a spaCy config can hold: its option
    names cannot carry the ``=`` of our feature names) read as a mapping; any other value as it is."""
    if isinstance(weights, (list, tuple)) and all(isinstance(p, (list, tuple)) and len(p) == 2 for p in weights):
        return dict(weights)
    return weights


#: The shipped models and thresholds, written by ``bench/fit_scorer.py`` (its ``_made_by`` lists the
#: commands, with their commits, that made these weights): feature names and numbers only, no word of the corpus.
WEIGHTS_FILE = Path(__file__).with_name("scorer_weights.json")


def shifted(weights: Mapping[str, float], shifts: Mapping[str, float], sign: float = 1.0) -> dict[str, float]:
    """``weights`` with the per-type promotion ``shifts`` folded in (``sign`` -1: taken out, leaving
    the model as it was fitted), rounded as the table stores them."""
    out = dict(weights)
    for name, shift in shifts.items():
        out[name] = round(out.get(name, 0.0) + sign * shift, 5)
    return out


@cache
def stored_table(path: Path) -> dict:
    """A table of weights stored in the package (``path``), read once; empty when none has been fitted."""
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def shipped_table() -> dict:
    """The shipped table (``WEIGHTS_FILE``), read once; empty when none has been fitted."""
    return stored_table(WEIGHTS_FILE)


def default_scorer(nlp: Language | None = None) -> SuggestionScorer | None:
    """The shipped model, or None when none has been fitted; with ``nlp``, the stored vector term
    stacked on it where it fits (``vectors_for``)."""
    table = shipped_table()
    return vectors_for(SuggestionScorer.from_table(table), nlp) if table.get("weights") else None


def vectors_for(scorer: SuggestionScorer | None, nlp: Language | None) -> SuggestionScorer | None:
    """``scorer`` with the stored vector term (``vectors.stored_term``) when ``nlp``'s tok2vec is the
    one it was fitted on and ``scorer``'s weights of the models the term moves the ones it was fitted
    with (the shipped table, or a pipeline's own copy of it); else ``scorer`` as it is."""
    stored = stored_term() if scorer is not None and nlp is not None else None
    if stored is not None and stored[1] == scorer_fingerprint(scorer.weights, scorer.promote_weights, stored[0].models) \
            and stored[0].fits(nlp):
        return scorer.with_vectors(stored[0])
    return scorer
